"""``relation_extractor``: ``date_of_death`` from verbs and nouns, and what is not a death."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline.components.facts  # noqa: F401  (registers the factory)
from extractor.pipeline import build_pipeline

PUBLISHED = "2024-06-21"  # a Friday


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


def _deaths(nlp: Language, text: str) -> set[tuple[str, str]]:
    """``(person name, ISO date)`` of every ``date_of_death`` relation found in ``text``."""
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    entities = {e["key"]: e for e in doc._.entities}
    return {
        (entities[r["head"]]["name"], entities[r["tail"]]["value"])
        for r in doc._.relations
        if r["type"] == "date_of_death"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday resolved against the publication date; "aged 84" is no date
        (
            "The veteran actor Martin Keel died on Tuesday aged 84, his agent said.",
            {("Martin Keel", "2024-06-18")},
        ),
        # relative clause: the antecedent is the person
        (
            "The actor Lance Reddick, who passed away in March 2023, appears as Charon.",
            {("Lance Reddick", "2023-03")},
        ),
        # a subject pronoun resolved to the person of the previous sentence
        (
            "The actress Joan Blake has died. She died on Sunday at her home in Bath.",
            {("Joan Blake", "2024-06-16")},
        ),
        # the noun: "the death of X in DATE"
        (
            "The death of the director Peter Vance in 2019 shocked the industry.",
            {("Peter Vance", "2019")},
        ),
    ],
)
def test_death_statements(facts_nlp, text, expected):
    assert _deaths(facts_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The series is set in 1975 and follows the actor Peter Vance.",
        "The director Paul Grant was born in 1950.",
        "The director Paul Grant did not die in 2019.",
        "Rumours that the director Paul Grant had died on Friday were false.",
        "The film died at the box office in May.",
    ],
    ids=["setting", "birth", "negated", "denied", "not-a-person"],
)
def test_no_death_without_a_stated_death(facts_nlp, text):
    assert _deaths(facts_nlp, text) == set()
