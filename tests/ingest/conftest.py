"""Shared helpers for the ingest tests: every input is written into ``tmp_path`` by the test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.ingest import Article, IngestFailure, iter_articles

Ingest = Callable[..., list[Article | IngestFailure]]


@pytest.fixture
def ingest() -> Ingest:
    """Run ``iter_articles`` over the given paths and return every result as a list."""

    def run(*paths: str | Path) -> list[Article | IngestFailure]:
        return list(iter_articles(list(paths)))

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (UTF-8) or bytes to a path relative to ``tmp_path``, creating folders."""

    def write_file(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write_file


@pytest.fixture
def ingest_article(ingest: Ingest) -> Callable[..., Article]:
    """Ingest the given paths, asserting that they yield exactly one article; return it."""

    def run(*paths: str | Path) -> Article:
        results = ingest(*paths)
        assert len(results) == 1, results
        assert isinstance(results[0], Article), results[0]
        return results[0]

    return run


@pytest.fixture
def ingest_failure(ingest: Ingest) -> Callable[..., IngestFailure]:
    """Ingest the given paths, asserting that they yield exactly one failure; return it."""

    def run(*paths: str | Path) -> IngestFailure:
        results = ingest(*paths)
        assert len(results) == 1, results
        assert isinstance(results[0], IngestFailure), results[0]
        return results[0]

    return run
