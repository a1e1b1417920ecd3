"""Information extraction for entertainment news.

Flow, one sub-package per stage: ``ingest`` (files to articles), ``pipeline``
(spaCy components: articles to annotated docs to ``article-annotations/1``
objects), ``export`` (per-article files and tables), ``reconcile`` (articles to
one dataset), ``evaluation`` (scores against gold). ``cli`` ties them together.
"""

__version__ = "0.1.0"
FORMAT_NAME = "article-annotations/1"
