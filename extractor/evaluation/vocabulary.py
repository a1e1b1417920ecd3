"""The closed vocabularies of ``article-annotations/1`` that evaluation relies on.

Everything here restates ``FORMAT.md``; the JSON Schema in ``schema/`` carries the same
lists, and a test keeps the two in step.
"""

from __future__ import annotations

FORMAT_NAME = "article-annotations/1"

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "FILM",
    "SERIES",
    "CHARACTER",
    "ORG",
    "DATE",
    "LOC",
    "AWARD",
)

# FORMAT.md asks annotators to mark every PERSON, FILM, SERIES and CHARACTER, but ORG, LOC
# and DATE only when a relation uses them, so only these four can be scored as entities.
SCORED_ENTITY_TYPES: tuple[str, ...] = ("PERSON", "FILM", "SERIES", "CHARACTER")

_WORK = frozenset({"FILM", "SERIES"})
_PERSON = frozenset({"PERSON"})
_KIN = frozenset({"PERSON", "CHARACTER"})

RELATION_SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "director": (_WORK, _PERSON),
    "screenwriter": (_WORK, _PERSON),
    "producer": (_WORK, _PERSON),
    "cast_member": (_WORK, _PERSON),
    "composer": (_WORK, _PERSON),
    "creator": (_WORK, _PERSON),
    "release_date": (_WORK, frozenset({"DATE"})),
    "production_company": (_WORK, frozenset({"ORG"})),
    "distributor": (frozenset({"FILM"}), frozenset({"ORG"})),
    "original_broadcaster": (frozenset({"SERIES"}), frozenset({"ORG"})),
    "filming_location": (_WORK, frozenset({"LOC"})),
    "part_of_series": (_WORK, _WORK),
    "date_of_death": (_PERSON, frozenset({"DATE"})),
    "parent": (_KIN, _KIN),
    "sibling": (_KIN, _KIN),
    "spouse": (_KIN, _KIN),
    "award_won": (_WORK | _PERSON, frozenset({"AWARD"})),
    "award_nominated": (_WORK | _PERSON, frozenset({"AWARD"})),
}
"""Relation type -> (allowed head types, allowed tail types), the table in FORMAT.md."""

RELATION_TYPES: tuple[str, ...] = tuple(RELATION_SIGNATURES)

CORE_RELATIONS: tuple[str, ...] = (
    "director",
    "screenwriter",
    "producer",
    "cast_member",
    "release_date",
)

SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"sibling", "spouse"})

DATE_RELATIONS: tuple[str, ...] = ("release_date", "date_of_death")
"""Relations whose tail is a DATE; their values are checked by the date accuracy."""

CHARACTER_RELATION = "cast_member"
WORK_RELATIONS: frozenset[str] = frozenset({"award_won", "award_nominated"})

# DocRED gold annotates a document's facts about every entity, but only film pages are in
# scope for this project: these types are scored only on heads that are films or series.
FILM_SCOPED_RELATIONS: frozenset[str] = frozenset(CORE_RELATIONS) | {
    "composer",
    "creator",
    "production_company",
    "distributor",
    "original_broadcaster",
    "filming_location",
    "part_of_series",
}

DOCRED_RELATIONS: dict[str, str] = {
    "P57": "director",
    "P58": "screenwriter",
    "P162": "producer",
    "P161": "cast_member",
    "P86": "composer",
    "P170": "creator",
    "P577": "release_date",
    "P272": "production_company",
    "P750": "distributor",
    "P449": "original_broadcaster",
    "P915": "filming_location",
    "P179": "part_of_series",
    "P570": "date_of_death",
    "P22": "parent",
    "P25": "parent",
    "P3373": "sibling",
    "P26": "spouse",
    "P166": "award_won",
    "P1411": "award_nominated",
}
"""Wikidata property of a DocRED label -> our relation type (same head and tail)."""

DOCRED_CHILD = "P40"
"""DocRED ``child`` (head is the parent): becomes our ``parent`` with head and tail swapped."""

DOCRED_FILM_HEAD_PROPERTIES: frozenset[str] = frozenset({"P57", "P58", "P161", "P449"})
"""A DocRED entity heading one of these labels (director, screenwriter, cast, broadcaster)
is taken to be a film or series."""

DOCRED_ENTITY_TYPES: dict[str, str] = {"PER": "PERSON", "TIME": "DATE"}
"""DocRED entity types renamed to ours; the rest (ORG, LOC, MISC, NUM) keep their names."""
