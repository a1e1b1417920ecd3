"""Partial ISO dates with ``X`` for unknown digits (``2024``, ``2023-09``, ``XXXX-09``).

Two values are *compatible* when they agree on every digit both know: ``2025``
and ``2025-06-06`` are, ``XXXX-09`` and ``2023-09`` are, ``2025-06`` and
``2025-07-01`` are not. A value *refines* another when it is compatible and knows
at least every digit the other knows. Only incompatible values conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_PARTIAL_DATE = re.compile(r"^([0-9X]{4})(?:-([0-9X]{2})(?:-([0-9X]{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date value at the precision the text gives.

    Attributes:
        year: four characters, digits or ``X``.
        month: two characters, digits or ``X``; None when the value stops at the year.
        day: two characters, digits or ``X``; None when the value stops at the month.
    """

    year: str
    month: str | None = None
    day: str | None = None

    @property
    def parts(self) -> tuple[str | None, str | None, str | None]:
        """Year, month and day, None where absent."""
        return (self.year, self.month, self.day)

    def known_year(self) -> int | None:
        """The year when all four digits are known."""
        return int(self.year) if self.year.isdigit() else None

    def iso(self) -> str:
        """The value written back in the input notation."""
        return "-".join(part for part in self.parts if part is not None)

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological order, unknown parts first: for picking the latest of several dates."""
        return tuple(  # type: ignore[return-value]
            int(part) if part is not None and part.isdigit() else -1 for part in self.parts
        )


def parse_date(value: str) -> PartialDate | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with ``X`` digits; None if not such a value."""
    match = _PARTIAL_DATE.match(value.strip())
    if match is None:
        return None
    return PartialDate(*match.groups())


def _parts_agree(left: str | None, right: str | None) -> bool:
    if left is None or right is None:
        return True
    return all(a == b or "X" in (a, b) for a, b in zip(left, right, strict=True))


def compatible(left: str, right: str) -> bool:
    """Whether two date values can describe the same day (unparsed values only if equal)."""
    if left == right:
        return True
    left_date, right_date = parse_date(left), parse_date(right)
    if left_date is None or right_date is None:
        return False
    return all(_parts_agree(a, b) for a, b in zip(left_date.parts, right_date.parts, strict=True))


def refines(finer: str, coarser: str) -> bool:
    """Whether ``finer`` knows every digit ``coarser`` knows, with the same values.

    Args:
        finer: the candidate refinement (``2025-06-06``).
        coarser: the value it may refine (``2025``).

    Returns:
        True for equal values too.
    """
    if finer == coarser:
        return True
    finer_date, coarser_date = parse_date(finer), parse_date(coarser)
    if finer_date is None or coarser_date is None:
        return False
    for fine_part, coarse_part in zip(finer_date.parts, coarser_date.parts, strict=True):
        if coarse_part is None:
            continue
        if fine_part is None:
            return False
        for fine, coarse in zip(fine_part, coarse_part, strict=True):
            if coarse != "X" and fine != coarse:
                return False
    return True


def join_dates(values: Iterable[str]) -> str:
    """The value that knows every digit any of some pairwise compatible values knows.

    ``XXXX-09-18`` and ``2026-09`` join to ``2026-09-18``.

    Args:
        values: pairwise compatible, parseable values (one unparseable value is returned as is).

    Returns:
        The joined value.
    """
    ordered = sorted(set(values))
    parsed = [parse_date(value) for value in ordered]
    if len(ordered) == 1 or any(date is None for date in parsed):
        return ordered[0]
    joined: list[str | None] = [None, None, None]
    for date in parsed:
        assert date is not None  # checked above; narrows the type
        for index, part in enumerate(date.parts):
            if part is None:
                continue
            current = joined[index]
            if current is None:
                joined[index] = part
            else:
                joined[index] = "".join(
                    a if a != "X" else b for a, b in zip(current, part, strict=True)
                )
    return PartialDate(joined[0] or "XXXX", joined[1], joined[2]).iso()


def latest(values: Iterable[str]) -> str:
    """The chronologically latest of some values; ties and unparsed values by string order."""

    def order(value: str) -> tuple[tuple[int, int, int], str]:
        date = parse_date(value)
        return (date.sort_key() if date else (-1, -1, -1), value)

    return max(values, key=order)


def year_of(value: str) -> int | None:
    """The year of a value when all its digits are known (``2025-06`` -> 2025)."""
    date = parse_date(value)
    return date.known_year() if date else None
