"""``relation_extractor``: ``parent`` / ``sibling`` / ``spouse`` between people or characters."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline.components.facts  # noqa: F401  (registers the factory)
from extractor.pipeline import build_pipeline
from extractor.pipeline.annotate import SYMMETRIC

FAMILY_TYPES = ("parent", "sibling", "spouse")


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


def _family(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """``(type, head name, tail name)`` of the family relations in ``text``; ``parent`` is
    child -> parent, and the symmetric types are written in name order."""
    doc = nlp.make_doc(text)
    doc = nlp(doc)
    names = {e["key"]: e["name"] for e in doc._.entities}
    out = set()
    for r in doc._.relations:
        if r["type"] not in FAMILY_TYPES:
            continue
        head, tail = names[r["head"]], names[r["tail"]]
        if r["type"] in SYMMETRIC:
            head, tail = sorted((head, tail))
        out.add((r["type"], head, tail))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spouse + children of both + siblings among the children
        (
            "The actor Tom Hale is survived by his wife, Anna Hale, and their sons Rob Hale "
            "and Sam Hale.",
            {
                ("spouse", "Anna Hale", "Tom Hale"),
                ("sibling", "Rob Hale", "Sam Hale"),
                ("parent", "Rob Hale", "Tom Hale"),
                ("parent", "Rob Hale", "Anna Hale"),
                ("parent", "Sam Hale", "Tom Hale"),
                ("parent", "Sam Hale", "Anna Hale"),
            },
        ),
        # "the daughter of A and B": both parents
        (
            "Laura Dern is the daughter of Bruce Dern and Diane Ladd.",
            {("parent", "Laura Dern", "Bruce Dern"), ("parent", "Laura Dern", "Diane Ladd")},
        ),
        # apposition after a possessive name
        (
            "Bruce Dern's daughter, Laura Dern, returns to the stage.",
            {("parent", "Laura Dern", "Bruce Dern")},
        ),
        (
            "The singer Maggie Rogers married the actor Paul Dano in 2019.",
            {("spouse", "Maggie Rogers", "Paul Dano")},
        ),
        # "married" as an adjective, and "to actor X" misread as an infinitive
        (
            "Nora Quill is married to the actor Ben Farrow.",
            {("spouse", "Ben Farrow", "Nora Quill")},
        ),
        (
            "Nora Quill, who is married to actor Ben Farrow, plays a nun in the film Vespers.",
            {("spouse", "Ben Farrow", "Nora Quill")},
        ),
        # plural noun predicated of coordinated names
        ("The actors Tom Hale and Sam Hale are brothers.", {("sibling", "Sam Hale", "Tom Hale")}),
        (
            "The film stars the real-life sisters Ana Fontanet and Mia Fontanet.",
            {("sibling", "Ana Fontanet", "Mia Fontanet")},
        ),
        (
            "The ceremony was hosted by the father-and-son duo Eugene Levy and Dan Levy.",
            {("parent", "Dan Levy", "Eugene Levy")},
        ),
        # the parser hangs the apposition on the birthplace
        (
            "Hélène Marchetti was born in Lyon, the daughter of the director Ugo Marchetti.",
            {("parent", "Hélène Marchetti", "Ugo Marchetti")},
        ),
    ],
    ids=[
        "survived-by",
        "daughter-of",
        "possessive-apposition",
        "married",
        "is-married-to",
        "married-to-actor",
        "are-brothers",
        "the-sisters",
        "pair",
        "born-in-place-the-daughter-of",
    ],
)
def test_family_relations(facts_nlp, text, expected):
    assert _family(facts_nlp, text) == expected


def test_possessive_in_casting_news_relates_characters_not_actors(facts_nlp):
    # "her" is Meera, the character just named, not the actress who plays her
    text = "Anna Price plays Meera, with Rohan Bakshi as her father, Vikram."
    assert _family(facts_nlp, text) == {("parent", "Meera", "Vikram")}


@pytest.mark.parametrize(
    "text",
    [
        "Laura Dern is not the daughter of Bruce Dern.",
        "The director Paul Grant never married the actress Joan Blake.",
    ],
    ids=["negated-copula", "negated-marriage"],
)
def test_no_family_relation_when_denied(facts_nlp, text):
    assert _family(facts_nlp, text) == set()
