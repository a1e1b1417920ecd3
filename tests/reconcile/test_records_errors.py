"""Malformed input raises ``FormatError``; repeated input is accepted once."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from extractor.errors import FormatError
from extractor.reconcile import build_dataset
from extractor.reconcile.settings import ReconcileSettings, default_settings

from .factory import article, ent, rel


def _annotation() -> dict:
    return article(
        "a1",
        [ent("e1", "FILM", "Ballerina"), ent("e2", "PERSON", "Len Wiseman")],
        [rel("director", "e1", "e2")],
    )


def test_records_identical_repeat_counts_once() -> None:
    dataset = build_dataset([_annotation(), _annotation()], {})
    assert dataset.relations["n_articles"].tolist() == [1]


def test_records_different_annotations_with_one_id_are_refused() -> None:
    changed = _annotation()
    changed["entities"][1]["name"] = "Chad Stahelski"
    with pytest.raises(FormatError, match="'a1'"):
        build_dataset([_annotation(), changed], {})


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda a: a.pop("id"), "no string 'id'"),
        (lambda a: a.update(format="article-annotations/2"), "format"),
        (lambda a: a.update(entities={}), "must be lists"),
        (lambda a: a["entities"][0].update(type="MOVIE"), "unknown type 'MOVIE'"),
        (lambda a: a["entities"].append(ent("e1", "FILM", "Again")), "used twice"),
        (lambda a: a["relations"][0].update(tail="e9"), "not an entity"),
        (lambda a: a["relations"][0].update(type="directed"), "unknown relation type"),
        (lambda a: a["relations"][0].update(confidence="high"), "not a number"),
        (lambda a: a["relations"][0].update(evidence=[{"start": 5, "end": 2}]), "evidence span"),
    ],
)
def test_records_malformed_annotation_is_a_format_error(
    breakage: Callable[[dict], object], message: str
) -> None:
    broken = copy.deepcopy(_annotation())
    breakage(broken)
    with pytest.raises(FormatError, match=message):
        build_dataset([broken], {})


def test_records_not_an_object_is_a_format_error() -> None:
    with pytest.raises(FormatError):
        build_dataset([["not", "an", "object"]], {})  # type: ignore[list-item]


def test_records_unknown_fields_are_ignored() -> None:
    annotation = _annotation()
    annotation["model"] = "en_core_web_sm"
    annotation["entities"][0]["wikidata"] = "Q123"
    assert len(build_dataset([annotation], {}).works) == 1


def test_settings_reject_unknown_and_missing_keys() -> None:
    with pytest.raises(FormatError, match="unknown keys \\['colour'\\]"):
        ReconcileSettings.from_dict({"colour": 1})


def test_settings_shipped_file_loads() -> None:
    settings = default_settings()
    assert settings.threshold_for("PERSON") == 92
    assert settings.threshold_for("UNLISTED") == 100
