"""Tunable thresholds of the reconciler, read from ``settings.json`` beside this module.

Every number that shapes entity resolution lives in that one file, so a change of
policy is a change of data, visible in review, not a hunt through the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from extractor.errors import FormatError

SETTINGS_PATH = Path(__file__).with_name("settings.json")


@dataclass(frozen=True)
class ReconcileSettings:
    """Thresholds and switches of cross-article entity resolution.

    Attributes:
        fuzzy_threshold: per entity type, the lowest ``rapidfuzz.fuzz.ratio`` (0..100) between
            two normalised names that still counts as the same name.
        same_token_count_types: types whose fuzzy matches must also have equally many tokens,
            so ``Michael B. Jordan`` never matches ``Michael Jordan``.
        short_form_types: types where a name that is an alias of exactly one other entity
            (``Parabellum``) joins it. Awards are left out: their short forms (``Oscar``,
            ``Bafta``) name the award, not the one category an article spelt out.
        surname_types: types where a name that is the trailing words of exactly one fuller
            name (``de Armas`` of ``Ana de Armas``) joins that entity.
        first_name_types: types where a name that is the leading words of exactly one fuller
            name (``Winston`` of ``Winston Scott``) joins that entity.
        max_year_spread: largest difference between the years of one work; works whose years
            lie further apart (``Casino Royale`` 1967 and 2006) stay apart.
        director_separated_types: work types kept apart when both sides name directors and
            none is shared.
        confidence_decimals: decimals kept in combined confidences, for stable output.
        fuzzy_chunk_rows: rows per ``rapidfuzz.process.cdist`` call; bounds memory.
    """

    fuzzy_threshold: dict[str, float]
    same_token_count_types: frozenset[str]
    short_form_types: frozenset[str]
    surname_types: frozenset[str]
    first_name_types: frozenset[str]
    max_year_spread: int
    director_separated_types: frozenset[str]
    confidence_decimals: int
    fuzzy_chunk_rows: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReconcileSettings:
        """Build settings from a parsed ``settings.json``.

        Args:
            data: the JSON object; every field of this class, nothing else.

        Returns:
            The settings.

        Raises:
            FormatError: a key is unknown or missing.
        """
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(data) - known)
        missing = sorted(known - set(data))
        if unknown or missing:
            raise FormatError(f"reconcile settings: unknown keys {unknown}, missing keys {missing}")
        return cls(
            fuzzy_threshold={str(k): float(v) for k, v in data["fuzzy_threshold"].items()},
            same_token_count_types=frozenset(data["same_token_count_types"]),
            short_form_types=frozenset(data["short_form_types"]),
            surname_types=frozenset(data["surname_types"]),
            first_name_types=frozenset(data["first_name_types"]),
            max_year_spread=int(data["max_year_spread"]),
            director_separated_types=frozenset(data["director_separated_types"]),
            confidence_decimals=int(data["confidence_decimals"]),
            fuzzy_chunk_rows=int(data["fuzzy_chunk_rows"]),
        )

    def threshold_for(self, entity_type: str) -> float:
        """The fuzzy threshold of a type; an unlisted type only matches exactly."""
        return self.fuzzy_threshold.get(entity_type, 100.0)


@cache
def default_settings() -> ReconcileSettings:
    """The settings shipped in ``settings.json``, read once."""
    with SETTINGS_PATH.open(encoding="utf-8") as handle:
        return ReconcileSettings.from_dict(json.load(handle))
