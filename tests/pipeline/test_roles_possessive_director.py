"""Film writing's possessive credit: ``Jacques Audiard's Emilia Pérez`` is Audiard's film, and
``The Brutalist, Brady Corbet's epic`` / ``A Real Pain, the road movie directed by X``."""

from __future__ import annotations

import pytest


def test_possessive_before_a_known_film_is_its_director(extract):
    result = extract(
        "The film Lantern Street opens in May. Critics compared it to Orla Brennan's "
        "Lantern Street, which she made in Oslo."
    )
    assert ("Lantern Street", "Orla Brennan") in result.pairs("director")


def test_participle_on_an_apposition_credits_the_title(extract):
    result = extract(
        "Kieran Hale won Best Actor for the film Copper Valley, the road movie written and "
        "directed by Jesse Marlow."
    )
    assert ("Copper Valley", "Jesse Marlow") in result.pairs("director")


def test_possessive_of_a_person_who_is_not_named_gives_nothing(extract):
    result = extract("The film Lantern Street opens in May. Its star's Lantern Street tour begins.")
    assert result.pairs("director") == set()


def test_whose_debut_is_the_antecedents_film(extract):
    result = extract(
        "Director Maya Bertrand, whose debut, The Quiet Floor, won a prize at Locarno, is "
        "shooting again."
    )
    assert ("The Quiet Floor", "Maya Bertrand") in result.pairs("director")


def test_directorial_debut_is_directed_whatever_else_the_person_does(extract):
    result = extract(
        'The actress Pilar Estrada, whose directorial debut, "The Orange Grove", won the '
        "Golden Lion, is back."
    )
    assert ("The Orange Grove", "Pilar Estrada") in result.pairs("director")


def test_an_actors_next_film_is_a_cast_credit(extract):
    result = extract(
        "The actress Clementine Ashby is busy. Her next film, Paper Moons, opens on Friday."
    )
    assert result.pairs("cast_member") == {("Paper Moons", "Clementine Ashby")}
    assert result.pairs("director") == set()


def test_a_possessed_series_is_no_directing_credit(extract):
    result = extract(
        "Created by Niamh Devlin, whose Channel 4 drama Blackwater Road was a hit, the "
        "series begins in May."
    )
    assert ("Blackwater Road", "Niamh Devlin") not in result.pairs("director")


@pytest.mark.parametrize(
    ("text", "film", "director"),
    [
        (
            "Critics loved Saltmarsh Road, Daniel Okoro's wintry two-hander, last year.",
            "Saltmarsh Road",
            "Daniel Okoro",
        ),
        (
            "It takes a slot vacated by The Black Phone 2, Scott Derrickson's follow-up to "
            "his own chiller, which has moved to October.",
            "The Black Phone 2",
            "Scott Derrickson",
        ),
    ],
)
def test_hyphenated_work_noun_in_a_possessive_apposition(extract, text, film, director):
    # "two-hander" and "follow-up" are three tokens; the noun is read whole
    assert (film, director) in extract(text).pairs("director")


@pytest.mark.parametrize(
    "text",
    [
        "The film Pale Orchard marks the directorial debut of Wendy Hart.",
        "Wendy Hart makes her directorial debut with the film Pale Orchard.",
        "Wendy Hart's directorial debut, the drama Pale Orchard, opens in May.",
        "The film Pale Orchard is Wendy Hart's first feature since 2019.",
        "Wendy Hart's first feature was the thriller Pale Orchard.",
    ],
    ids=["marks-of", "makes-with", "apposed-noun-phrase", "copula-subject", "copula-attribute"],
)
def test_a_career_noun_is_the_work_its_predicate_names(extract, text):
    assert extract(text).pairs("director") == {("Pale Orchard", "Wendy Hart")}


def test_the_debut_of_a_person_without_a_directing_word_credits_nobody(extract):
    # "the debut of X" may be an acting debut: only "directorial" names the maker after it
    assert not extract("The film Pale Orchard marks the screen debut of Wendy Hart.").pairs(
        "director"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mr Karger, whose favourite film of the year was Mike Leigh's drama Vera Drake, "
        "stayed upbeat.",
        "Smith's comedy will be the first US movie released this year to top the mark.",
    ],
    ids=["evaluative-modifier", "modifier-inside-the-attribute"],
)
def test_a_film_noun_predicate_credits_only_a_career_placement(extract, text):
    result = extract(text)
    assert not {person for _, person in result.pairs("director")} & {"Karger", "Smith"}
