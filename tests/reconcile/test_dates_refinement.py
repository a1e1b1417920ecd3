"""Partial dates: compatibility, refinement, joining, and the value a date is counted under."""

from __future__ import annotations

import pytest

from extractor.reconcile.dates import compatible, join_dates, latest, refines, year_of
from extractor.reconcile.facts import refine_values


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("2025", "2025-06-06", True),
        ("XXXX-09", "2023-09", True),
        ("XXXX-09-18", "2026-09", True),
        ("2025-06", "2025-07-01", False),
        ("2026-05-22", "2026-10-09", False),
        ("XXXX-09", "2023-10", False),
        ("summer", "summer", True),
        ("summer", "2025", False),
    ],
)
def test_dates_compatible(left: str, right: str, expected: bool) -> None:
    assert compatible(left, right) is expected
    assert compatible(right, left) is expected


def test_dates_refines_is_directional() -> None:
    assert refines("2025-06-06", "2025")
    assert not refines("2025", "2025-06-06")
    assert refines("2023-09", "XXXX-09")
    assert not refines("XXXX-09-18", "2026-09")


def test_dates_join_and_latest() -> None:
    assert join_dates(["XXXX-09-18", "2026-09"]) == "2026-09-18"
    assert join_dates(["2025", "2025-06-06"]) == "2025-06-06"
    assert latest(["2026-05-22", "2026-10-09", "2025"]) == "2026-10-09"
    assert year_of("2025-06") == 2025
    assert year_of("XXXX-06") is None


def test_refine_values_coarse_value_goes_to_its_refinement() -> None:
    assert refine_values(["2025", "2025-06-06"]) == {
        "2025": "2025-06-06",
        "2025-06-06": "2025-06-06",
    }
    assert refine_values(["2023-09", "XXXX-09"]) == {"2023-09": "2023-09", "XXXX-09": "2023-09"}


def test_refine_values_compatible_maximal_values_join() -> None:
    mapping = refine_values(["2026-09", "XXXX-09-18"])
    assert set(mapping.values()) == {"2026-09-18"}


def test_refine_values_ambiguous_coarse_value_maps_nowhere() -> None:
    mapping = refine_values(["2025", "2025-06-06", "2025-09-18"])
    assert "2025" not in mapping
    assert mapping["2025-06-06"] == "2025-06-06"
    assert mapping["2025-09-18"] == "2025-09-18"
