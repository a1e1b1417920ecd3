"""Name normalisation and DATE values, the two comparisons that matching is built on."""

from __future__ import annotations

import re
import unicodedata

# Typographic apostrophes, backtick and acute accent all stand for "'" in names
# ("Reeves’", "Wick`s"), so they must compare equal before possessives are removed.
_APOSTROPHES = re.compile("[\u2018\u2019\u201a\u201b`\u00b4]")
_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]")
_WHITESPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def normalize_name(name: str | None) -> str:
    """Normalise a surface form for comparison.

    Steps: NFKD with accents removed, lowercase, typographic apostrophes to ``'``,
    possessive ``'s`` removed, other punctuation to a space, whitespace collapsed, one
    leading English article removed.

    Args:
        name: the surface form (``None`` is treated as empty).

    Returns:
        The normalised form; ``""`` when nothing comparable is left.
    """
    decomposed = unicodedata.normalize("NFKD", name or "")
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    folded = _APOSTROPHES.sub("'", folded)
    folded = _POSSESSIVE.sub("", folded)
    folded = _PUNCTUATION.sub(" ", folded)
    folded = _WHITESPACE.sub(" ", folded).strip()
    return _LEADING_ARTICLE.sub("", folded)


def date_value_matches(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted DATE value equals the gold one.

    Values must have the same precision (length); an ``X`` in the gold value (a digit the
    text leaves open) accepts any character, an ``X`` in the prediction does not.

    Args:
        gold: gold ``value``.
        predicted: predicted ``value``.

    Returns:
        True when both are given and agree position by position.
    """
    if not gold or not predicted or len(gold) != len(predicted):
        return False
    return all(g == p or g == "X" for g, p in zip(gold, predicted, strict=True))


def is_coarser_date(coarse: str | None, fine: str | None) -> bool:
    """Whether ``coarse`` is a less precise statement of the date ``fine``.

    ``2024`` is coarser than ``2024-06`` and ``2024-06-07``; ``XXXX-06`` is coarser than
    ``2024-06-07`` (its open year is filled in), but ``2024`` is not coarser than
    ``XXXX-06-07``, which does not know the year.

    Args:
        coarse: candidate coarser value.
        fine: candidate finer value.

    Returns:
        True when ``fine`` extends ``coarse`` by at least one ``-``-separated component.
    """
    if not coarse or not fine or len(fine) <= len(coarse) or fine[len(coarse)] != "-":
        return False
    return all(c == f or c == "X" for c, f in zip(coarse, fine[: len(coarse)], strict=True))


_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b[0-3]?\d\b")


def date_value_from_name(name: str) -> str | None:
    """Best-effort ISO value of a DocRED TIME mention (``"June 3, 1977"`` -> ``1977-06-03``).

    DocRED gives no normalised values, so this reads the common English forms: a year
    1500-2099 (none -> no value), an optional full month name, and an optional day number
    1-31; the first of each counts.

    Args:
        name: the mention text.

    Returns:
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or ``None`` when no year is written.
    """
    lowered = name.strip().lower().replace(",", " ")
    year = _YEAR.search(lowered)
    if year is None:
        return None
    month = next((_MONTHS[word] for word in lowered.split() if word in _MONTHS), None)
    if month is None:
        return year.group()
    # The day is looked for with the years taken out, so "1994" never reads as day 19.
    day = _DAY.search(_YEAR.sub("", lowered))
    if day is not None and 1 <= int(day.group()) <= 31:
        return f"{year.group()}-{month:02d}-{int(day.group()):02d}"
    return f"{year.group()}-{month:02d}"
