"""Name normalisation and DATE value comparisons."""

from __future__ import annotations

import pytest

from extractor.evaluation.normalize import (
    date_value_from_name,
    date_value_matches,
    is_coarser_date,
    normalize_name,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ana de Armas", "ana de armas"),
        ("Zoë Saldaña", "zoe saldana"),  # accents stripped
        ("Keanu Reeves’", "keanu reeves"),  # curly apostrophe, then punctuation
        ("Wick’s", "wick"),  # curly possessive removed
        ("Wick's", "wick"),
        ("John Wick: Chapter 4", "john wick chapter 4"),  # punctuation to space
        ("John Wick: Chapter 3 – Parabellum", "john wick chapter 3 parabellum"),
        ("The Continental", "continental"),  # leading article
        ("A Quiet Place", "quiet place"),
        ("An American Werewolf", "american werewolf"),
        ("Theatre", "theatre"),  # "the" only as a word
        ("  Len   Wiseman ", "len wiseman"),
        ("ＦＩＬＭ", "film"),  # NFKD folds full-width letters
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_name_examples(raw: str | None, expected: str) -> None:
    assert normalize_name(raw) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("2024-06-07", "2024-06-07", True),
        ("XXXX-09", "2023-09", True),  # X in gold accepts any digit
        ("2023-09", "XXXX-09", False),  # X in the prediction is not a digit
        ("2024", "2024-06", False),  # precision must agree
        ("2024-06", "2024", False),
        ("2024-06-07", "2024-06-08", False),
        (None, "2024", False),
        ("2024", None, False),
    ],
)
def test_date_value_matches_precision_and_x_digits(
    gold: str | None, pred: str | None, expected: bool
) -> None:
    assert date_value_matches(gold, pred) is expected


@pytest.mark.parametrize(
    ("coarse", "fine", "expected"),
    [
        ("2024", "2024-06-07", True),
        ("2024-06", "2024-06-07", True),
        ("XXXX-06", "2024-06-07", True),  # the open year is filled in by the finer date
        ("2024", "XXXX-06-07", False),  # the finer date does not know the year
        ("2024", "2025-06", False),
        ("2024-06-07", "2024-06-07", False),
        ("2024-06", "2024", False),
        ("2024", None, False),
    ],
)
def test_is_coarser_date(coarse: str, fine: str | None, expected: bool) -> None:
    assert is_coarser_date(coarse, fine) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("1936", "1936"),
        ("March 1936", "1936-03"),
        ("June 3, 1977", "1977-06-03"),
        ("30 October 2014", "2014-10-30"),
        ("December 2016", "2016-12"),
        ("the 1990s", None),  # "1990s" is not a year on its own
        ("June", None),  # no year, no value
        ("5th March 1936", "1936-03"),  # an ordinal is not read as a day
    ],
)
def test_date_value_from_docred_time_names(name: str, expected: str | None) -> None:
    assert date_value_from_name(name) == expected
