"""Name keys, fuzzy matching guards and slugs."""

from __future__ import annotations

import dataclasses

import pytest

from extractor.reconcile.names import (
    keys_match,
    matching_key_pairs,
    name_key,
    slugify,
    split_title_year,
)
from extractor.reconcile.settings import default_settings


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("John Wick: Chapter 4", "John Wick Chapter 4"),
        ("Penélope Cruz", "Penelope Cruz"),
        ("J. K. Simmons", "JK Simmons"),
        ("Deadpool & Wolverine", "Deadpool and Wolverine"),
        ("Dune: Part Two", "Dune Part 2"),
        ("Rocky II", "Rocky 2"),
        ("Ocean's Eleven", "Oceans Eleven"),
    ],
)
def test_name_key_equal_for_surface_variants(left: str, right: str) -> None:
    assert name_key(left) == name_key(right)


def test_name_key_keeps_a_lone_initial() -> None:
    assert name_key("Alan J. Pakula") == "alan j pakula"


@pytest.mark.parametrize(
    ("left", "right", "entity_type", "expected"),
    [
        ("John Wick: Chapter 3Parabellum", "John Wick: Chapter 3 – Parabellum", "FILM", True),
        ("Lionsgate", "Lions Gate", "ORG", True),
        ("Jon Hamm", "John Hamm", "PERSON", True),
        ("John Wick: Chapter 3", "John Wick: Chapter 4", "FILM", False),
        ("Toy Story", "Toy Story 4", "FILM", False),
        ("Michael B. Jordan", "Michael Jordan", "PERSON", False),
        ("Alien", "Aliens", "FILM", False),
        ("Academy Award for Best Actress", "Academy Award for Best Actor", "AWARD", False),
        # a leading article is dropped: "The Ashfall Line" is "Ashfall Line"; same-title
        # films of different years ("Batman" 1989, "The Batman" 2022) are kept apart by year
        ("The Ashfall Line", "Ashfall Line", "FILM", True),
        ("The Batman", "Batman", "FILM", True),
    ],
)
def test_keys_match_threshold_and_guards(
    left: str, right: str, entity_type: str, expected: bool
) -> None:
    settings = default_settings()
    assert keys_match(name_key(left), name_key(right), entity_type, settings) is expected


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 512])
@pytest.mark.parametrize("entity_type", ["ORG", "PERSON", "FILM"])
def test_matching_key_pairs_equals_brute_force(chunk_rows: int, entity_type: str) -> None:
    names = [
        "Lionsgate", "Lions Gate", "Lionsgat", "Netflix", "Net flix", "A24", "A 24",
        "Jon Hamm", "John Hamm", "Johnn Hamm", "Michael B Jordan", "Michael Jordan",
        "John Wick Chapter 3", "John Wick Chapter 4", "John Wick Chaptr 4", "Spiderman",
        "Spider Man", "Spider-Men", "Warner Bros", "Warner Bros Pictures", "Warner Brothers",
    ]  # fmt: skip
    keys = sorted({name_key(name) for name in names})
    settings = dataclasses.replace(default_settings(), fuzzy_chunk_rows=chunk_rows)
    found = {(keys[m.left], keys[m.right]) for m in matching_key_pairs(keys, entity_type, settings)}
    brute = {
        (a, b)
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if keys_match(a, b, entity_type, settings)
    }
    assert found == brute
    # Guards the comparison above against two empty sets.
    assert ("jon hamm", "john hamm") in found or ("john hamm", "jon hamm") in found


def test_split_title_year() -> None:
    assert split_title_year("Casino Royale (2006)") == ("Casino Royale", 2006)
    assert split_title_year("Dune (2021 film)") == ("Dune", 2021)
    assert split_title_year("2046") == ("2046", None)
    assert split_title_year("(1999)") == ("(1999)", None)


def test_slugify() -> None:
    assert slugify("John Wick: Chapter 4") == "john-wick-chapter-4"
    assert slugify("Zoë Saldaña") == "zoe-saldana"
    assert slugify("Ocean's Eleven") == "oceans-eleven"
    assert slugify("千と千尋の神隠し").startswith("h")


def test_leading_article_dropped_from_name_key():
    assert name_key("The Ashfall Line") == name_key("Ashfall Line") == "ashfall line"
    assert name_key("The") == "the"  # a name that is only an article keeps it
