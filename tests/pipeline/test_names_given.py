"""``names``: given-name knowledge and the shape of a personal name."""

from __future__ import annotations

import pytest

from extractor.pipeline.names import is_given_name, looks_like_person_name, name_gender


@pytest.mark.parametrize(
    ("word", "given"),
    [
        ("Keanu", True),
        ("Ana", True),
        ("Greta", True),
        ("Ballerina", False),
        ("Lantern", False),
        ("ana", False),  # lower case
        ("The", False),  # listed somewhere as a name, but a function word in English
        ("Chapter", False),
        ("Ana-Maria", False),  # not alphabetic
        ("", False),
    ],
)
def test_is_given_name(word, given):
    assert is_given_name(word) is given


@pytest.mark.parametrize(
    ("words", "person"),
    [
        (["Greta", "Lindqvist"], True),
        (["Sofia", "de", "Armas"], True),
        (["Ana", "Smith-Jones"], True),
        (["Keanu", "O\u2019Brien"], True),
        (["Greta", "Maria", "Louisa", "Lindqvist"], True),
        (["Greta"], False),  # one word
        (["Greta", "Maria", "Louisa", "van", "Lindqvist"], False),  # five words
        (["Lantern", "Street"], False),  # no given name first
        (["Greta", "lindqvist"], False),  # lower-case surname
        (["Greta", "Lindqvist", "4"], False),
    ],
)
def test_looks_like_person_name(words, person):
    assert looks_like_person_name(words) is person


def test_name_does_not_end_with_a_particle():
    assert looks_like_person_name(["Sofia", "van", "der"]) is False


def test_certain_only_ignores_names_mostly_of_one_gender():
    assert name_gender("Jamie Foxx") == "f"
    assert name_gender("Jamie Foxx", certain_only=True) is None
    assert name_gender("Hilary Swank", certain_only=True) == "f"
