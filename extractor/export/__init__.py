"""Export: per-article files and tables of one run.

:class:`RunWriter` streams each processed article into ``annotations.jsonl``,
``articles.jsonl``, ``entities.csv``, ``mentions.csv``, ``relations.csv``,
``credits.csv`` and each failure into ``errors.jsonl``, so memory does not grow
with the corpus.
"""

from extractor.export.writers import (
    ANNOTATIONS_FILE,
    ARTICLES_FILE,
    ERRORS_FILE,
    TABLE_COLUMNS,
    RunWriter,
    article_record,
    dump_json_line,
    read_jsonl,
)

__all__ = [
    "ANNOTATIONS_FILE",
    "ARTICLES_FILE",
    "ERRORS_FILE",
    "TABLE_COLUMNS",
    "RunWriter",
    "article_record",
    "dump_json_line",
    "read_jsonl",
]
