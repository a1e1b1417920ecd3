"""``release_date_extractor``: release dates of works, only where a release word governs."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.pipeline.components import release_dates

PUB = "2024-03-14"
LS = "Lantern Street"


def _releases(result) -> set[tuple[str, str, str]]:
    """(work, date name, date value) of every release_date relation."""
    values = result.date_values()
    return {(head, tail, values[tail]) for head, tail in result.pairs("release_date")}


RELEASES = [
    (
        "The film Lantern Street hits theatres on June 6, 2025.",
        {(LS, "June 6, 2025", "2025-06-06")},
    ),
    (
        "The film Lantern Street is set to hit theatres on June 6, 2025.",
        {(LS, "June 6, 2025", "2025-06-06")},
    ),
    # a moved date gives one relation per date
    (
        "The film Lantern Street was pushed from March to October.",
        {(LS, "March", "2024-03"), (LS, "October", "2024-10")},
    ),
    # the model takes "May 16, 2025 to June 27, 2025" as one date; "move" is a release word
    (
        "Universal moved the film Lantern Street from May 16, 2025 to June 27, 2025.",
        {(LS, "May 16, 2025", "2025-05-16"), (LS, "June 27, 2025", "2025-06-27")},
    ),
    ("Lantern Street premieres in May.", {(LS, "May", "2024-05")}),
    # "W is set for D", and a release slot
    (
        "The animated film Lantern Street is set for next Christmas.",
        {(LS, "next Christmas", "2024-12-25")},
    ),
    (
        "Into the vacated May 22 slot goes the thriller Lantern Street.",
        {(LS, "May 22", "2024-05-22")},
    ),
    # "set for" an event that is no release
    ("The drama Lantern Street is set for a gala in May.", set()),
    # the date of the telling, and a success called a "hit", date no release
    (
        "Vireo+ will release all eight episodes of the series Lantern Street on Friday, "
        "February 13, the streamer announced on Thursday alongside a teaser.",
        {(LS, "Friday, February 13", "2025-02-13")},
    ),
    (
        "Created by Devlin, whose drama Lantern Street was a slow-burn hit in 2021, the "
        "series follows a detective.",
        set(),
    ),
    ("The drama Lantern Street is set to announce its cast for the June-July tour.", set()),
    # "set for release on": the release noun is the object of "for"
    (
        "The drama Lantern Street is set for release on December 11, 2026.",
        {(LS, "December 11, 2026", "2026-12-11")},
    ),
    (
        "The film Lantern Street had been slotted for January 17, 2025.",
        {(LS, "January 17, 2025", "2025-01-17")},
    ),
    # a bare month takes the year the article gave that month before
    # (and the first month of a range the model cut in two takes the second's year)
    (
        "Harbour Pictures has pushed the thriller Copper Valley from March to October next "
        "year, the studio said on Monday. The drama Lantern Street, which had been dated "
        "for October, now slides into the vacated March window.",
        {
            ("Copper Valley", "March", "2025-03"),
            ("Copper Valley", "October next year", "2025-10"),
            (LS, "October next year", "2025-10"),
            (LS, "March", "2025-03"),
        },
    ),
    # the model lemmatises "premiered" as "premier"
    (
        "The film Lantern Street premiered in theaters in the United States on August 3, 1994.",
        {(LS, "August 3, 1994", "1994-08-03")},
    ),
    ("The film Lantern Street debuted at the Venice festival in 2021.", {(LS, "2021", "2021")}),
    # a year in brackets, a year modifying a work noun
    ("Corvin Hale won praise for Lantern Street (2004).", {(LS, "2004", "2004")}),
    ("Paper Moonrise is a 1936 film by Orla Brennan.", {("Paper Moonrise", "1936", "1936")}),
    ("Copper Valley is a 2019 television series.", {("Copper Valley", "2019", "2019")}),
    # a work noun compounded onto the head the year modifies
    (
        "Paper Moonrise is a 1952 American film biography of the composer Orla Brennan.",
        {("Paper Moonrise", "1952", "1952")},
    ),
    # a past credit through the verb it completes
    (
        "Priya Castellane is a director. She went on to direct and write the screenplay for "
        "Lantern Street in 2001.",
        {(LS, "2001", "2001")},
    ),
    # a year before a work noun in an apposition the parser misses
    (
        "Critics consider his finest hour to be Don't Look Now, Nicolas Roeg's 1973 chiller, "
        "which was shot in Venice.",
        {("Don't Look Now", "1973", "1973")},
    ),
    # the year of a past credit dates its film
    (
        "Greta Lindqvist is an actress. In 2007 she appeared in the horror film Lantern Street.",
        {(LS, "2007", "2007")},
    ),
    (
        "Priya Castellane is a director. In 2006, she wrote and directed the film Lantern Street.",
        {(LS, "2006", "2006")},
    ),
    # the credit's work set off after a work noun the parser leaves behind
    (
        "Priya Castellane is a director. Her new film Copper Valley opens soon. Greta "
        "Lindqvist also starred in Castellane's debut, Lantern Street, in 2019.",
        {(LS, "2019", "2019")},
    ),
    # "due" dates a release only when it is said of a work
    (
        "The film Lantern Street is due in cinemas in May.",
        {(LS, "May", "2024-05")},
    ),
    (
        "The film Lantern Street, due out in May, stars Greta Lindqvist.",
        {(LS, "May", "2024-05")},
    ),
    # "It" is the work the sentence before has as its subject
    (
        'His final film, "Lantern Street", was directed by his daughter, Bea Ashdown. '
        "It is due in cinemas in May.",
        {(LS, "May", "2024-05")},
    ),
    # the release word governs the date, not the clause before it
    (
        "The film Lantern Street, which Priya Castellane wrote in 2019, premieres in May.",
        {(LS, "May", "2024-05")},
    ),
    # a work that returns is released again; the present tense points forward
    (
        "The series Copper Valley returns for its second season on Friday.",
        {("Copper Valley", "Friday", "2024-03-15")},
    ),
    (
        "Copper Valley, the BBC drama, returns in May.",
        {("Copper Valley", "May", "2024-05")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RELEASES)
def test_release_date(extract, text, expected):
    assert _releases(extract(text, published=PUB)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a setting, not a release
        "The film Lantern Street is set in 1975.",
        # shooting and durations
        "Filming on the film Lantern Street began in March 2023.",
        "The shoot for the film Lantern Street lasted four months.",
        # a date in a relative clause about a person
        "Priya Castellane, who moved to Berlin in 1999, directed the film Lantern Street.",
        # a year not modifying a work noun
        "Corvin Hale played a small part in a 2012 film.",
        # a person's own debut is not a work's release
        "The film Lantern Street is a hit. Corvin Hale has worked since his professional "
        "debut in 1975.",
        # joining a series dates nothing; a future credit is not a release
        "In 2019 Corvin Hale starred in the series Copper Valley.",
        "In 2026 Corvin Hale will star in the film Lantern Street.",
        # a person who returns is no release
        "The film Lantern Street is a hit. Corvin Hale returns to the stage on Friday.",
        "The film Lantern Street is a hit. The studio's report is due in May.",
        "The film Lantern Street is due to start shooting in May.",
        "The film Lantern Street is a hit. The sequel, to be directed by Ron Hale, is due to "
        "start filming at the Paris museum in May and stars Greta Lindqvist.",
    ],
)
def test_no_release_date(extract, text):
    assert extract(text, published=PUB).pairs("release_date") == set()


@pytest.mark.parametrize(
    "second",
    [
        "Corvin Hale, its star, was born in 1975.",
        "The novel it adapts was published in 1962.",
    ],
)
def test_only_the_release_sentence_gives_a_date(extract, second):
    result = extract(f"The film Lantern Street opens in May. {second}", published=PUB)
    assert _releases(result) == {(LS, "May", "2024-05")}
    # the unrelated date is not written at all
    assert set(result.date_values()) == {"May"}


def test_person_moving_is_not_a_release(extract):
    result = extract(
        "The film Lantern Street opens in May. Its star Corvin Hale moved to Oslo in 1999.",
        published=PUB,
    )
    assert _releases(result) == {(LS, "May", "2024-05")}


def test_second_date_of_a_range_ending_in_next_year(extract):
    # the parser hangs "year" on the verb while "October" is the object of "to"
    result = extract(
        "Paragon Street Pictures has pushed *Starfall Protocol* from March to October next "
        "year, the studio said on Monday.",
        published="2025-06-24",
    )
    assert {(work, value) for work, _, value in _releases(result)} == {
        ("Starfall Protocol", "2026-03"),
        ("Starfall Protocol", "2026-10"),
    }


def test_the_release_date_is(extract):
    result = extract("The release date of the film Lantern Street is June 6, 2025.", published=PUB)
    assert _releases(result) == {(LS, "June 6, 2025", "2025-06-06")}


@pytest.mark.parametrize(
    ("tags", "deps", "past"),
    [
        (["NNP", "VBD", "IN", "NNP"], ["nsubj", "ROOT", "prep", "pobj"], True),
        # the model may tag "starred" VBN with no auxiliary: still a past credit
        (["NNP", "VBN", "IN", "NNP"], ["nsubj", "ROOT", "prep", "pobj"], True),
        (["NNP", "VBZ", "IN", "NNP"], ["nsubj", "ROOT", "prep", "pobj"], False),
    ],
    ids=["past", "misread-participle", "present"],
)
def test_a_credit_verb_is_read_as_past(nlp, tags, deps, past):
    doc = Doc(
        nlp.vocab,
        words=["Hale", "starred", "in", "Copper"],
        tags=tags,
        deps=deps,
        heads=[1, 1, 1, 2],
    )
    assert release_dates._past(doc[1]) is past


def test_a_participle_with_an_auxiliary_is_not_past_by_itself(nlp):
    doc = Doc(
        nlp.vocab,
        words=["Hale", "has", "starred", "in", "Copper"],
        tags=["NNP", "VBZ", "VBN", "IN", "NNP"],
        deps=["nsubj", "aux", "ROOT", "prep", "pobj"],
        heads=[2, 2, 2, 2, 3],
    )
    assert release_dates._past(doc[2]) is False
