"""``relation_extractor``: ``award_won`` / ``award_nominated``, with the work honoured."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline.components.facts  # noqa: F401  (registers the factory)
from extractor.pipeline import build_pipeline

AWARD_TYPES = ("award_won", "award_nominated")


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


def _awards(nlp: Language, text: str) -> set[tuple[str, str, str, str | None]]:
    """``(type, winner name, award name, work name or None)`` of the award relations."""
    doc = nlp(nlp.make_doc(text))
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {
        (r["type"], names[r["head"]], names[r["tail"]], names.get(r.get("work", "")))
        for r in doc._.relations
        if r["type"] in AWARD_TYPES
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Laura Dern won the Academy Award for Best Supporting Actress for "Marriage Story".',
            {
                (
                    "award_won",
                    "Laura Dern",
                    "Academy Award for Best Supporting Actress",
                    "Marriage Story",
                )
            },
        ),
        (
            'Olivia Colman earned an Emmy nomination for "The Crown".',
            {("award_nominated", "Olivia Colman", "Emmy", "The Crown")},
        ),
        (
            'Bafta winner Olivia Colman returns in "The Crown".',
            {("award_won", "Olivia Colman", "Bafta", None)},
        ),
        (
            'Best Actor went to Adrien Brody for "The Brutalist".',
            {("award_won", "Adrien Brody", "Best Actor", "The Brutalist")},
        ),
        # a hyphenated word stays inside a lower-case category; "It" is the film the
        # sentence before has as its subject
        (
            "Her debut, the drama Les Heures Creuses, followed a nurse. It was nominated "
            "for a Bafta for best foreign-language film.",
            {
                (
                    "award_nominated",
                    "Les Heures Creuses",
                    "Bafta for best foreign-language film",
                    None,
                )
            },
        ),
        # the work as winner; the person it names wins with it
        (
            'The drama "Conclave" won Best Adapted Screenplay for Peter Straughan.',
            {
                ("award_won", "Conclave", "Best Adapted Screenplay", None),
                ("award_won", "Peter Straughan", "Best Adapted Screenplay", "Conclave"),
            },
        ),
    ],
    ids=[
        "won-X-for-W",
        "nomination-for-W",
        "ORG-winner-X",
        "went-to",
        "it-hyphenated-category",
        "W-won-for-X",
    ],
)
def test_awards(facts_nlp, text, expected):
    assert _awards(facts_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'The actress Olivia Colman did not win the Oscar for "The Crown".',
        'The actress Olivia Colman could win the Oscar for "The Crown".',
    ],
    ids=["negated", "hypothetical"],
)
def test_no_award_unless_stated(facts_nlp, text):
    assert _awards(facts_nlp, text) == set()


def _cast(nlp: Language, text: str) -> set[tuple[str, str]]:
    doc = nlp(nlp.make_doc(text))
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {
        (names[r["head"]], names[r["tail"]]) for r in doc._.relations if r["type"] == "cast_member"
    }


def test_work_of_a_for_phrase_inside_the_award_name(facts_nlp):
    text = "Dana Ruiz won Outstanding Lead Actress in a Drama Series for The Evening Show."
    assert _awards(facts_nlp, text) == {
        (
            "award_won",
            "Dana Ruiz",
            "Outstanding Lead Actress in a Drama Series",
            "The Evening Show",
        )
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dana Ruiz won Outstanding Lead Actress in a Drama Series for The Evening Show.",
            {("The Evening Show", "Dana Ruiz")},
        ),
        (
            "Marta Kell, nominated for Best Actress for the horror satire The Hollow Bride, "
            "lost to Ines Varga.",
            {("The Hollow Bride", "Marta Kell")},
        ),
        # a writing prize says nothing about the cast
        ("Tomas Arden won Best Original Screenplay for The Hollow Bride.", set()),
    ],
    ids=["won-acting", "nominated-acting", "writing"],
)
def test_an_acting_award_for_a_work_credits_the_cast(facts_nlp, text, expected):
    assert _cast(facts_nlp, text) == expected


def _credits(nlp: Language, text: str, kind: str) -> set[tuple[str, str]]:
    doc = nlp(nlp.make_doc(text))
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {(names[r["head"]], names[r["tail"]]) for r in doc._.relations if r["type"] == kind}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Jane Holloway won the Academy Award for Best Director for The Power of the Sea.",
            "director",
            {("The Power of the Sea", "Jane Holloway")},
        ),
        (
            "Tomas Arden won Best Original Screenplay for The Hollow Bride.",
            "screenwriter",
            {("The Hollow Bride", "Tomas Arden")},
        ),
        (
            "Hanna Lund won the Academy Award for Best Original Score for Winter Apiary.",
            "composer",
            {("Winter Apiary", "Hanna Lund")},
        ),
        # an acting prize makes no director
        ("Dana Ruiz won Best Actress for The Evening Show.", "director", set()),
    ],
    ids=["director", "screenplay", "score", "acting-is-no-direction"],
)
def test_a_craft_award_for_a_work_credits_that_craft(facts_nlp, text, kind, expected):
    assert _credits(facts_nlp, text, kind) == expected


def test_a_name_after_an_acting_category_is_the_part_not_the_work(facts_nlp):
    text = (
        "Jeremy Allen White repeated as Outstanding Lead Actor in a Comedy Series "
        "for Carmy Berzatto."
    )
    assert _cast(facts_nlp, text) == set()


def test_an_apposition_the_parser_made_a_second_object_is_no_recipient(facts_nlp):
    text = (
        "Ines Varga won the Academy Award for Best Director for Winter Apiary, her quiet "
        "study of a beekeeping family, and has been developing the new project since."
    )
    assert ("Winter Apiary", "Ines Varga") in _credits(facts_nlp, text, "director")


def _cast_with_parts(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    doc = nlp(nlp.make_doc(text))
    names = {e["key"]: e["name"] for e in doc._.entities}
    return {
        (names[r["head"]], names[r["tail"]], names.get(r.get("character", "")))
        for r in doc._.relations
        if r["type"] == "cast_member"
    }


def test_an_acting_award_without_a_work_is_for_the_work_in_focus(facts_nlp):
    text = (
        "The comedy Night Desk won Outstanding Comedy Series. Dana Ruiz took Outstanding "
        "Lead Actress in a Comedy Series, her third Emmy for playing the anchor Lola Vance."
    )
    assert ("Night Desk", "Dana Ruiz", "Lola Vance") in _cast_with_parts(facts_nlp, text)


def test_an_acting_award_goes_to_the_work_its_sentence_names(facts_nlp):
    text = (
        "The comedy Night Desk won Outstanding Comedy Series. In the film Low Tide, "
        "Ines Varga won Best Actress for her turn as the widow Agnes Crowe."
    )
    cast = _cast_with_parts(facts_nlp, text)
    assert ("Low Tide", "Ines Varga", "Agnes Crowe") in cast
    assert not any(head == "Night Desk" and tail == "Ines Varga" for head, tail, _ in cast)


def test_an_acting_award_with_no_work_and_no_part_is_not_given_to_the_work_in_focus(facts_nlp):
    text = (
        "The drama Night Desk won Best Picture. Best actress winner Dana Ruiz said her win "
        "was the highlight of her career."
    )
    assert not any(tail == "Dana Ruiz" for _, tail, _ in _cast_with_parts(facts_nlp, text))
