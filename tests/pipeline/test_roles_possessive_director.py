"""Film writing's possessive credit: ``Jacques Audiard's Emilia Pérez`` is Audiard's film, and
``The Brutalist, Brady Corbet's epic`` / ``A Real Pain, the road movie directed by X``."""

from __future__ import annotations


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
