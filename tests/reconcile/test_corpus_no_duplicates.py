"""Over all gold in ``annotations/``: each work or person becomes one row of the dataset.

A gold name used in several articles must land on one id. Works sharing a title are
allowed only when the dataset tells them apart by type and year (``Nightjar`` 1989 and its
2026 remake); a yearless duplicate would be an unresolved double.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from extractor.reconcile import Dataset, build_dataset

from .factory import split

ROOT = Path(__file__).resolve().parents[2]
GOLD_FILES = sorted((ROOT / "annotations").glob("*.json"))

pytestmark = pytest.mark.skipif(not GOLD_FILES, reason="no gold annotations in annotations/")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in GOLD_FILES]


@pytest.fixture(scope="module")
def dataset(gold: list[dict[str, Any]]) -> Dataset:
    return build_dataset(gold, {})


def _rows_by_surface(rows: list[dict[str, Any]], name_column: str) -> dict[str, list[dict]]:
    by_surface: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        for surface in {row[name_column], *split(row["aliases"])}:
            by_surface[surface].append(row)
    return by_surface


def _gold_names(gold: list[dict[str, Any]], types: set[str]) -> dict[str, set[str]]:
    articles: dict[str, set[str]] = defaultdict(set)
    for annotation in gold:
        for entity in annotation["entities"]:
            if entity["type"] in types:
                articles[entity["name"]].add(annotation["id"])
    return articles


def test_corpus_every_gold_person_name_is_one_person(
    gold: list[dict[str, Any]], dataset: Dataset
) -> None:
    people = _rows_by_surface(dataset.to_dict()["tables"]["people"], "name")
    doubles = {
        name: sorted(row["id"] for row in people.get(name, []))
        for name in _gold_names(gold, {"PERSON"})
        if len(people.get(name, [])) != 1
    }
    assert doubles == {}


def test_corpus_every_gold_work_name_is_one_work_per_type_and_year(
    gold: list[dict[str, Any]], dataset: Dataset
) -> None:
    works = _rows_by_surface(dataset.to_dict()["tables"]["works"], "title")
    problems = {}
    for name in _gold_names(gold, {"FILM", "SERIES"}):
        rows = works.get(name, [])
        told_apart = {(row["type"], row["year"]) for row in rows if row["year"] is not None}
        if not rows or (len(rows) > 1 and len(told_apart) != len(rows)):
            problems[name] = sorted(row["id"] for row in rows)
    assert problems == {}


def test_corpus_ids_are_unique(dataset: Dataset) -> None:
    for table in (dataset.works, dataset.people, dataset.characters, dataset.entities):
        assert table["id"].is_unique
