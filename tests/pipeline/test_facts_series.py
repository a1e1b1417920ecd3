"""``relation_extractor``: ``part_of_series`` from membership nouns and extended titles."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline.components.facts  # noqa: F401  (registers the factory)
from extractor.pipeline import build_pipeline


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


def _series(nlp: Language, text: str) -> set[tuple[str, str]]:
    """``(member name, franchise name)`` of every ``part_of_series`` relation in ``text``."""
    doc = nlp.make_doc(text)
    doc._.published = "2024-06-21"
    doc = nlp(doc)
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {
        (names[r["head"]], names[r["tail"]])
        for r in doc._.relations
        if r["type"] == "part_of_series"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Ballerina", a spin-off of "John Wick", opens in June.', {("Ballerina", "John Wick")}),
        (
            '"The Glass Harbour 2" is the sequel to "The Glass Harbour".',
            {("The Glass Harbour 2", "The Glass Harbour")},
        ),
        (
            'Lionsgate dated the "John Wick" spin-off film "Ballerina" for June.',
            {("Ballerina", "John Wick")},
        ),
        (
            '"Skylark II" is the second instalment in the "Skylark" franchise.',
            {("Skylark II", "Skylark")},
        ),
        # a title that extends another title of the article
        (
            'Todd Phillips directed "Joker" in 2019 and "Joker: Folie à Deux" in 2024.',
            {("Joker: Folie à Deux", "Joker")},
        ),
    ],
    ids=[
        "a-spin-off-of",
        "the-sequel-to",
        "the-X-spin-off-film-Y",
        "instalment-in",
        "title-prefix",
    ],
)
def test_series_membership(facts_nlp, text, expected):
    assert _series(facts_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "six-part" is a length, not membership
        'The thriller "Vesper Station" is a six-part drama.',
        # a sequel nobody named
        'There is talk of a possible "Ballerina" sequel.',
    ],
    ids=["six-part", "unnamed-sequel"],
)
def test_no_series_membership(facts_nlp, text):
    assert _series(facts_nlp, text) == set()
