"""``relation_extractor``: ``filming_location`` from filming verbs and nouns, not settings."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline.components.facts  # noqa: F401  (registers the factory)
from extractor.pipeline import build_pipeline

GH = "The Glass Harbour"


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


def _locations(nlp: Language, text: str) -> set[tuple[str, str]]:
    """``(work name, place name)`` of every ``filming_location`` relation in ``text``."""
    doc = nlp.make_doc(text)
    doc._.published = "2024-06-21"
    doc = nlp(doc)
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {
        (names[r["head"]], names[r["tail"]])
        for r in doc._.relations
        if r["type"] == "filming_location"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive, coordinated places
        (f'The thriller "{GH}" was shot in Belfast and Dublin.', {(GH, "Belfast"), (GH, "Dublin")}),
        # active, the work as object, "on location in"
        (f'The director Anna Price shot "{GH}" on location in Lisbon.', {(GH, "Lisbon")}),
        # a filming noun as subject of a phase verb, "on W"
        (f'Filming on "{GH}" began in Prague last month.', {(GH, "Prague")}),
        (f'Production on "{GH}" will start in Prague in May.', {(GH, "Prague")}),
        (f'Cameras rolled in Budapest on "{GH}" this week.', {(GH, "Budapest")}),
        # no work in the sentence: the work in focus
        (
            f'The film "{GH}" stars Joan Blake. Production begins in Malta next month.',
            {(GH, "Malta")},
        ),
        # a "with" clause films the work of the verb it hangs on, not the focus
        (
            'The series "Skyward: Kell" follows the agent Kell, played by Joan Blake. The '
            f'film "{GH}", its predecessor, opens in May. Kell was filmed in Oslo, with night '
            "scenes shot in Bergen.",
            {("Skyward: Kell", "Oslo"), ("Skyward: Kell", "Bergen")},
        ),
    ],
    ids=[
        "shot-in",
        "shot-W-on-location",
        "filming-on-W-began",
        "production-on",
        "cameras",
        "focus",
        "with-clause",
    ],
)
def test_filming_locations(facts_nlp, text, expected):
    assert _locations(facts_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f'The drama "{GH}" is set in Belfast.',
        "The director Anna Price was born in Lisbon.",
        f'Filming on "{GH}" will not begin in Prague.',
    ],
    ids=["setting", "birthplace", "negated"],
)
def test_no_filming_location(facts_nlp, text):
    assert _locations(facts_nlp, text) == set()
