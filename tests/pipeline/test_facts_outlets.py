"""``relation_extractor``: broadcasters, distributors and production companies."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline.components.facts  # noqa: F401  (registers the factory)
from extractor.pipeline import build_pipeline

OUTLET_TYPES = ("original_broadcaster", "distributor", "production_company")


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


def _outlets(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """``(type, work name, outlet name)`` of the outlet relations found in ``text``."""
    doc = nlp.make_doc(text)
    doc._.published = "2024-06-21"
    doc = nlp(doc)
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {
        (r["type"], names[r["head"]], names[r["tail"]])
        for r in doc._.relations
        if r["type"] in OUTLET_TYPES
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the work as subject of "premieres on"
        (
            "The drama series Northern Wind premieres on Netflix on May 3.",
            {("original_broadcaster", "Northern Wind", "Netflix")},
        ),
        # the outlet as subject of "renew"
        (
            "Hulu has renewed the comedy series Parlour Games for a second season.",
            {("original_broadcaster", "Parlour Games", "Hulu")},
        ),
        # a relative clause on the work
        (
            "Northern Wind, which airs on BBC One, was created by Ann Lee.",
            {("original_broadcaster", "Northern Wind", "BBC One")},
        ),
        # the outlet pre-modifying a series noun and its title
        (
            "The HBO miniseries Chernobyl won ten Emmys.",
            {("original_broadcaster", "Chernobyl", "HBO")},
        ),
    ],
    ids=["airs-on", "renewed", "which-airs-on", "the-ORG-miniseries-W"],
)
def test_broadcasters(facts_nlp, text, expected):
    assert _outlets(facts_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The film Iron Road is distributed by Lionsgate.",
            {("distributor", "Iron Road", "Lionsgate")},
        ),
        (
            'A24 has acquired the rights to the horror film "The Glass Harbour".',
            {("distributor", "The Glass Harbour", "A24")},
        ),
        # an outlet announcing the release date of a film distributes it
        (
            "Lionsgate has announced the release date of the spin-off film Ballerina.",
            {("distributor", "Ballerina", "Lionsgate")},
        ),
        (
            'The film "The Glass Harbour" opens in cinemas on Friday through Curzon.',
            {("distributor", "The Glass Harbour", "Curzon")},
        ),
        # "premieres on Netflix" of something called a film is distribution
        (
            "The film Iron Road will premiere on Netflix on Friday.",
            {("distributor", "Iron Road", "Netflix")},
        ),
        # asterisks make the parser read the title as an adverbial noun
        (
            "The thriller Night Harbour was shot in Malta. Paragon Street Pictures has pushed "
            "*Night Harbour* from March to October next year, the studio said on Monday.",
            {("distributor", "Night Harbour", "Paragon Street Pictures")},
        ),
        # a known company name inside the longer name the model tags is that whole name
        (
            "The film Iron Road is distributed by Universal Pictures.",
            {("distributor", "Iron Road", "Universal Pictures")},
        ),
        # ... but not the capitalised noun that opens the sentence
        (
            "Distributor Sony Pictures said production will begin next year, with a planned "
            "release of the film Iron Road in May 2006.",
            {("distributor", "Iron Road", "Sony Pictures")},
        ),
    ],
    ids=[
        "distributed-by",
        "acquired-rights",
        "announced-release-date",
        "through",
        "film-on",
        "pushed-starred-title",
        "longer-company-name",
        "sentence-opening-noun-before-company",
    ],
)
def test_distributors(facts_nlp, text, expected):
    assert _outlets(facts_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for the BBC" names the commissioner, not a producer
        (
            'The series "Wolf Hall" was produced by Company Pictures for the BBC.',
            {("production_company", "Wolf Hall", "Company Pictures")},
        ),
        (
            'The film "The Glass Harbour" is a Blumhouse production.',
            {("production_company", "The Glass Harbour", "Blumhouse")},
        ),
    ],
    ids=["produced-by-ORG", "a-ORG-production"],
)
def test_production_companies(facts_nlp, text, expected):
    assert _outlets(facts_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The film Iron Road will premiere on Netflix if talks succeed.",
        "Netflix did not renew the comedy series Parlour Games.",
        "The actress Joan Blake appeared on the BBC.",
        # a person agent is a producer credit (role_extractor), not a company
        'The film "The Glass Harbour" was produced by Ridley Scott.',
    ],
    ids=["conditional", "negated", "person-on-outlet", "person-producer"],
)
def test_no_outlet_relation(facts_nlp, text):
    assert _outlets(facts_nlp, text) == set()


def test_a_name_modifying_a_possessor_company_is_no_outlet_of_the_work(facts_nlp):
    # "Netflix" modifies "studio", the owner of the feature: it is no distributor here
    text = "The film Paper Kite, the Netflix studio's first original feature, opens in June."
    assert ("distributor", "Paper Kite", "Netflix") not in _outlets(facts_nlp, text)


def test_a_broadcaster_before_a_possessive_audience_still_broadcasts(facts_nlp):
    text = "Cribbins narrated The Wombles, a BBC children's television programme."
    assert _outlets(facts_nlp, text) == {("original_broadcaster", "The Wombles", "BBC")}
