"""Ingest: files and folders to :class:`Article` objects.

``iter_articles`` streams articles (and :class:`IngestFailure` records for inputs it could not
use) from ``.txt``, ``.md``, ``.html``/``.htm``, ``.json`` and ``.jsonl`` files. Text is decoded,
repaired of mojibake and newline-normalised here, once: every character offset later in the
pipeline refers to ``Article.text`` exactly.
"""

from extractor.ingest.decoding import decode_bytes, repair_text
from extractor.ingest.models import Article, IngestFailure
from extractor.ingest.readers import check_inputs, iter_articles

__all__ = [
    "Article",
    "IngestFailure",
    "check_inputs",
    "decode_bytes",
    "iter_articles",
    "repair_text",
]
