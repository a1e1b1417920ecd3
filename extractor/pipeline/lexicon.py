"""Rule data (cue words, triggers) loaded from the JSON files in ``resources/``.

Each file has a fixed set of sections; :func:`load_resource` rejects unknown and
missing sections so that a typo in a data file fails loudly instead of silently
disabling a rule. Loaded data is returned as fresh frozen containers, never a
shared mutable list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

RESOURCE_PACKAGE = "extractor.pipeline.resources"

# Sections every resource file must have (and may not exceed, "description" aside).
RESOURCE_SECTIONS: dict[str, frozenset[str]] = {
    "tokenizer_cues": frozenset({"joined_words", "model_view_characters"}),
    "work_cues": frozenset(
        {
            "film_nouns",
            "series_nouns",
            "series_context_words",
            "episode_nouns",
            "franchise_nouns",
            "title_openers",
            "title_closers",
            "possessive_role_nouns",
            "premodified_role_nouns",
            "max_title_tokens",
            "function_words",
            "strong_franchise_nouns",
            "sequel_markers",
            "not_title_words",
            "number_words",
            "award_category_openers",
            "possessed_title_context",
            "genre_nouns",
            "series_outlets",
            "headline_cues",
            "episodic_modifiers",
            "part_nouns_after_title",
            "foreign_articles",
            "apposition_work_nouns",
            "playing_words",
            "part_nouns_before_character",
            "derived_work_nouns",
            "season_order_verbs",
            "title_opening_pronouns",
            "title_object_verbs",
            "time_anchor_prepositions",
            "part_or_title_object_verbs",
        }
    ),
    "entity_cues": frozenset(
        {
            "org_words",
            "org_names",
            "company_context_before",
            "company_nouns_before",
            "award_heads",
            "character_role_nouns",
            "performance_nouns",
            "not_character_after_as",
            "person_context_before",
            "non_name_words",
            "honorifics",
            "demonyms",
            "character_of_nouns",
            "part_list_nouns",
            "part_list_openers",
            "female_person_nouns",
            "male_person_nouns",
            "place_name_heads",
        }
    ),
    "role_triggers": frozenset(
        {
            "roles",
            "cast_object_verbs",
            "originating_verbs",
            "cast_object_nouns",
            "co_person_prepositions",
            "cast_in_nouns",
            "duty_nouns",
            "duty_gerunds",
            "object_roles",
            "reputation_verbs",
            "career_work_nouns",
            "directing_modifiers",
            "acclaim_nouns",
            "breakthrough",
            "cast_list",
            "work_subject_nouns",
            "destination_verbs",
            "crew_ambiguous_cast_verbs",
            "leading_participles",
            "whole_series_nouns",
            "accolade",
            "object_cast_verbs",
            "making_verbs",
            "stations",
            "career_predicates",
            "lent_parts",
            "own_work_parts",
        }
    ),
    "relation_cues": frozenset(
        {
            "release_verbs",
            "release_nouns",
            "release_context_words",
            "release_blockers",
            "release_delay_verbs",
            "release_delay_prepositions",
            "release_non_work_objects",
            "release_production_subjects",
            "career_year_verbs",
            "release_work_subject_verbs",
            "release_work_adjectives",
            "release_reporting_verbs",
            "hedges",
            "death",
            "broadcast",
            "distribution",
            "production",
            "filming",
            "series_membership",
            "family",
            "awards",
        }
    ),
}


class ResourceError(ValueError):
    """A rule data file is malformed (a packaging bug, not a user error)."""


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    if isinstance(value, dict):
        return FrozenDict({key: _freeze(item) for key, item in value.items()})
    return value


class FrozenDict(dict):
    """A dict that refuses mutation, so loaded rule data cannot leak between components."""

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("rule data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


@cache
def load_resource(name: str) -> FrozenDict:
    """Load ``resources/<name>.json`` and check its sections.

    Args:
        name: the file stem, one of ``RESOURCE_SECTIONS``.

    Returns:
        The file's sections as a read-only mapping of tuples and read-only dicts.

    Raises:
        ResourceError: unknown resource, or missing/unknown sections.
    """
    if name not in RESOURCE_SECTIONS:
        raise ResourceError(f"unknown resource {name!r}")
    raw = json.loads(resources.files(RESOURCE_PACKAGE).joinpath(f"{name}.json").read_text("utf-8"))
    sections = set(raw) - {"description"}
    expected = RESOURCE_SECTIONS[name]
    if sections != expected:
        unknown = sorted(sections - expected)
        missing = sorted(expected - sections)
        raise ResourceError(f"{name}.json: unknown sections {unknown}, missing sections {missing}")
    return _freeze({key: value for key, value in raw.items() if key != "description"})


def lowered(words: tuple[str, ...]) -> frozenset[str]:
    """The set of the lower-cased entries of a word list."""
    return frozenset(word.lower() for word in words)


@dataclass(frozen=True)
class WordSequences:
    """Multi-word cue phrases, matched token by token on lower-cased text.

    Indexed by first and by last word, so a lookup costs only the phrases that can match.
    """

    sequences: tuple[tuple[str, ...], ...]
    by_first: FrozenDict
    by_last: FrozenDict

    @classmethod
    def from_phrases(cls, phrases: tuple[str, ...]) -> WordSequences:
        """Split each phrase on spaces; longest phrases first so the longest match wins."""
        split = {tuple(phrase.lower().split()) for phrase in phrases}
        ordered = tuple(sorted(split, key=lambda seq: (-len(seq), seq)))
        by_first: dict[str, list[tuple[str, ...]]] = {}
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for seq in ordered:
            by_first.setdefault(seq[0], []).append(seq)
            by_last.setdefault(seq[-1], []).append(seq)
        return cls(
            ordered,
            FrozenDict({k: tuple(v) for k, v in by_first.items()}),
            FrozenDict({k: tuple(v) for k, v in by_last.items()}),
        )

    def match_ending_at(self, words: list[str], end: int) -> tuple[str, ...] | None:
        """The longest phrase whose last word is ``words[end - 1]``, if any."""
        if end < 1:
            return None
        for seq in self.by_last.get(words[end - 1], ()):
            if end - len(seq) >= 0 and tuple(words[end - len(seq) : end]) == seq:
                return seq
        return None

    def match_starting_at(self, words: list[str], start: int) -> tuple[str, ...] | None:
        """The longest phrase whose first word is ``words[start]``, if any."""
        if start >= len(words):
            return None
        for seq in self.by_first.get(words[start], ()):
            if tuple(words[start : start + len(seq)]) == seq:
                return seq
        return None
