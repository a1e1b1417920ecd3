"""The ``saga-*`` corpus articles, reconciled from their gold annotations, give exactly the
hand-made dataset in ``data/saga_expected.json`` (works, people, credits, conflicts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.reconcile import Dataset, build_dataset

from .factory import split

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_PATH = Path(__file__).parent / "data" / "saga_expected.json"
GOLD_FILES = sorted((ROOT / "annotations").glob("saga-*.json"))
CORPUS_FILES = sorted((ROOT / "corpus").glob("saga-*"))

pytestmark = pytest.mark.skipif(
    not EXPECTED_PATH.exists() or not GOLD_FILES,
    reason="saga expected dataset or gold annotations not present",
)


def _articles(article_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The saga articles as read by the ingest stage, for evidence sentences."""
    try:
        from extractor.ingest import Article, iter_articles
    except ImportError:  # the ingest stage is optional for this test
        return {}
    if not CORPUS_FILES:
        return {}
    return {
        item.id: {"id": item.id, "text": item.text, "published": item.published}
        for item in iter_articles(CORPUS_FILES)
        if isinstance(item, Article) and item.id in article_ids
    }


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    annotations = [json.loads(path.read_text(encoding="utf-8")) for path in GOLD_FILES]
    return build_dataset(annotations, _articles({a["id"] for a in annotations}))


def _canonical(items: list[dict[str, Any]]) -> list[str]:
    # Lists inside an item are sets (sorted); items compare as a multiset.
    return sorted(
        json.dumps(
            {k: sorted(v) if isinstance(v, list) else v for k, v in item.items()}, sort_keys=True
        )
        for item in items
    )


def test_saga_expected_covers_the_gold_articles(expected: dict[str, Any]) -> None:
    assert sorted(expected["articles"]) == [path.stem for path in GOLD_FILES]


def test_saga_works(dataset: Dataset, expected: dict[str, Any]) -> None:
    actual = [
        {
            "title": work["title"],
            "type": work["type"],
            "year": None if work["year"] is None else int(work["year"]),
            "aliases": split(work["aliases"]),
            "release_date": work["release_date"],
            "directors": split(work["directors"]),
            "screenwriters": split(work["screenwriters"]),
            "producers": split(work["producers"]),
            "distributors": split(work["distributors"]),
        }
        for work in dataset.to_dict()["tables"]["works"]
    ]
    fields = set(actual[0])
    assert _canonical(actual) == _canonical(
        [{k: v for k, v in work.items() if k in fields} for work in expected["works"]]
    )


def test_saga_people(dataset: Dataset, expected: dict[str, Any]) -> None:
    actual = [
        {"name": person["name"], "aliases": split(person["aliases"])}
        for person in dataset.to_dict()["tables"]["people"]
    ]
    assert _canonical(actual) == _canonical(expected["people"])


def test_saga_credits(dataset: Dataset, expected: dict[str, Any]) -> None:
    actual = {
        (credit["work"], credit["person"], credit["role"], credit["character"])
        for credit in dataset.to_dict()["tables"]["credits"]
    }
    wanted = {
        (credit["work"], credit["person"], credit["role"], credit["character"])
        for credit in expected["credits"]
    }
    assert sorted(actual, key=str) == sorted(wanted, key=str)


def test_saga_conflicts(dataset: Dataset, expected: dict[str, Any]) -> None:
    sides: dict[str, list[dict[str, Any]]] = {}
    for side in dataset.to_dict()["tables"]["conflicts"]:
        sides.setdefault(side["conflict_id"], []).append(side)
    actual = []
    for rows in sides.values():
        first = rows[0]
        subject = first["subject"]
        if first["character"] is not None:
            subject = f"{subject} / {first['character']}"
        actual.append(
            {
                "subject": subject,
                "relation": first["relation"],
                "values": [row["value"] for row in rows],
                "current": next(row["value"] for row in rows if row["current"]),
            }
        )
    assert _canonical(actual) == _canonical(expected["conflicts"])
