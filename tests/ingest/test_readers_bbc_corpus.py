"""The shared BBC corpus, published with "Â£" mojibake, ingests cleanly."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from extractor.ingest import Article, iter_articles

BBC_CORPUS = Path("/work/shared/data/bbc/articles.jsonl")
SAMPLE_LINES = 200


@pytest.fixture
def bbc_sample(tmp_path: Path) -> tuple[Path, list[dict]]:
    if not BBC_CORPUS.is_file():
        pytest.skip(f"{BBC_CORPUS} is not available")
    with BBC_CORPUS.open(encoding="utf-8") as corpus:
        lines = list(itertools.islice(corpus, SAMPLE_LINES))
    sample = tmp_path / "bbc_sample.jsonl"
    sample.write_text("".join(lines), encoding="utf-8")
    return sample, [json.loads(line) for line in lines]


def test_bbc_sample_ingests_every_record_without_mojibake(bbc_sample):
    sample, records = bbc_sample
    assert any("Â£" in record["text"] for record in records), "sample lost its mojibake"

    results = list(iter_articles([sample]))

    assert len(results) == SAMPLE_LINES
    assert all(isinstance(result, Article) for result in results)
    assert [result.id for result in results] == [record["id"] for record in records]
    assert not any("Â£" in result.text for result in results)
    for result, record in zip(results, records, strict=True):
        assert result.text == record["text"].replace("Â£", "£")
