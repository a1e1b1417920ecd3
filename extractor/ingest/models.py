"""The objects the ingest stage hands to the rest of the pipeline."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

ARTICLE_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Article:
    """One article, ready for the pipeline.

    Attributes:
        id: unique id in the run, matching ``[A-Za-z0-9._-]+``.
        text: the exact text the pipeline uses; every character offset refers to it.
        title: headline, when the source states one.
        published: publication date as ``YYYY-MM-DD``, when the source states one.
        url: source address, when the source states one.
        source: where the article came from: the path as given by the user, plus
            ``:<line>`` for a JSONL record or ``#<index>`` for an item of a JSON list.
        emphasis: ``(start, end)`` character spans of ``text`` (end exclusive) that were
            italic, emphasised or ``<cite>`` in an HTML source; empty for other formats.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str = ""
    emphasis: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        # Guards against a reader bug; ids from users are sanitised before they get here.
        if not ARTICLE_ID_PATTERN.fullmatch(self.id):
            raise ValueError(f"article id {self.id!r} does not match [A-Za-z0-9._-]+")

    @property
    def text_sha256(self) -> str:
        """Hex SHA-256 of the UTF-8 encoded text, as stored in ``text_sha256`` of the format."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IngestFailure:
    """An input that could not become an article; the run goes on without it.

    Attributes:
        source: the file (and ``:<line>`` or ``#<index>``) that failed.
        reason: one human-readable sentence saying what is wrong.
        id: the article id, when it was known before the failure.
    """

    source: str
    reason: str
    id: str | None = None


class UnusableInput(Exception):
    """Raised inside the ingest package for bad input; readers turn it into an IngestFailure.

    Never escapes :func:`extractor.ingest.iter_articles`, so it is not a user-facing error.

    Args:
        reason: one sentence saying what is wrong with the input.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
