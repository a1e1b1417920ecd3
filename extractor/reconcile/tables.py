"""The dataset's tables, built from resolved entities and merged facts.

Summary tables (``works``, ``people``, ``characters``) list *current* facts only: an
actor replaced in a recast, or a release date moved away from, stays in ``credits``
and ``relations`` with ``current`` false, and in ``conflicts``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from extractor.reconcile.facts import DATE_PREFIX, ConflictKey, Fact, MergedFacts
from extractor.reconcile.names import short_hash
from extractor.reconcile.records import WORK_TYPES
from extractor.reconcile.resolve import ResolvedEntity
from extractor.reconcile.schema import frame, join_values
from extractor.reconcile.settings import ReconcileSettings

CREDIT_ROLES = frozenset(
    {"director", "screenwriter", "producer", "cast_member", "composer", "creator"}
)
WORK_PEOPLE_COLUMNS = {
    "directors": "director",
    "screenwriters": "screenwriter",
    "producers": "producer",
    "composers": "composer",
    "creators": "creator",
    "cast": "cast_member",
}
WORK_OTHER_COLUMNS = {
    "distributors": "distributor",
    "production_companies": "production_company",
    "original_broadcasters": "original_broadcaster",
    "part_of_series": "part_of_series",
}


@dataclass(frozen=True)
class EntityView:
    """A resolved entity with its public id and, for works, its year.

    Attributes:
        entity: the resolved entity.
        public_id: its id in the dataset (``work:casino-royale-2006``).
        year: a work's year, else None.
    """

    entity: ResolvedEntity
    public_id: str
    year: int | None


class _Lookup:
    """Names, ids and types of references (entity keys or ``DATE|value``)."""

    def __init__(self, views: Iterable[EntityView]):
        self.views = {view.entity.key: view for view in views}

    def public_id(self, reference: str) -> str | None:
        view = self.views.get(reference)
        return view.public_id if view else None

    def name(self, reference: str) -> str | None:
        if not reference:
            return None
        view = self.views.get(reference)
        return view.entity.name if view else reference.removeprefix(DATE_PREFIX)

    def type(self, reference: str) -> str | None:
        if not reference:
            return None
        view = self.views.get(reference)
        return view.entity.type if view else "DATE"


def build_tables(
    views: Sequence[EntityView], merged: MergedFacts, settings: ReconcileSettings
) -> dict[str, pd.DataFrame]:
    """All tables of the dataset.

    Args:
        views: every resolved entity with its public id.
        merged: merged facts and conflicts.
        settings: for the confidence rounding.

    Returns:
        Table name to DataFrame, for every name in ``schema.TABLE_NAMES``.
    """
    lookup = _Lookup(views)
    decimals = settings.confidence_decimals
    current_facts = [fact for fact in merged.facts if fact.current]
    by_head: dict[str, list[Fact]] = defaultdict(list)
    by_tail: dict[str, list[Fact]] = defaultdict(list)
    by_character: dict[str, list[Fact]] = defaultdict(list)
    for fact in current_facts:
        by_head[fact.key.head].append(fact)
        by_tail[fact.key.tail].append(fact)
        if fact.key.character:
            by_character[fact.key.character].append(fact)
    release_dates: dict[str, list[str]] = defaultdict(list)
    for fact in merged.facts:
        if fact.key.type == "release_date" and fact.key.tail_date is not None:
            region = f" ({fact.key.region})" if fact.key.region else ""
            release_dates[fact.key.head].append(fact.key.tail_date + region)

    def current_date(head: str, relation: str) -> str | None:
        value = merged.current_values.get(ConflictKey(head, relation))
        return value.removeprefix(DATE_PREFIX) if value else None

    ordered = sorted(views, key=lambda view: view.public_id)
    works = [
        _work_row(view, by_head[view.entity.key], release_dates, current_date, lookup)
        for view in ordered
        if view.entity.type in WORK_TYPES
    ]
    people = [
        _person_row(view, by_tail[view.entity.key], current_date, lookup)
        for view in ordered
        if view.entity.type == "PERSON"
    ]
    characters = [
        _character_row(view, by_character[view.entity.key], lookup)
        for view in ordered
        if view.entity.type == "CHARACTER"
    ]
    entities = [
        {"id": view.public_id, "type": view.entity.type, "name": view.entity.name,
         "aliases": join_values(view.entity.aliases), **_counts(view.entity)}
        for view in ordered
    ]  # fmt: skip
    relations = [_relation_row(fact, lookup, decimals) for fact in merged.facts]
    credits = [
        _credit_row(fact, lookup, decimals)
        for fact in merged.facts
        if fact.key.type in CREDIT_ROLES
        and lookup.type(fact.key.head) in WORK_TYPES
        and lookup.type(fact.key.tail) == "PERSON"
    ]
    conflicts = [
        _conflict_row(conflict.key, side, conflict.decided_by, lookup, decimals)
        for conflict in merged.conflicts
        for side in conflict.sides
    ]
    return {
        "works": frame("works", works, ["id"]),
        "people": frame("people", people, ["id"]),
        "characters": frame("characters", characters, ["id"]),
        "credits": frame("credits", credits, ["work_id", "role", "person_id", "character_id"]),
        "relations": frame("relations", relations, ["head_id", "relation", "tail_id", "tail"]),
        "conflicts": frame(
            "conflicts", conflicts, ["subject_id", "relation", "character_id", "region", "value"]
        ),
        "entities": frame("entities", entities, ["id"]),
    }


def _counts(entity: ResolvedEntity) -> dict[str, Any]:
    return {
        "n_articles": len(entity.article_ids),
        "n_mentions": entity.n_mentions,
        "article_ids": join_values(entity.article_ids),
    }


def _support(fact: Fact, decimals: int) -> dict[str, Any]:
    return {
        "n_articles": len(fact.supports),
        "article_ids": join_values(fact.article_ids),
        "first_published": fact.first_published,
        "last_published": fact.last_published,
        "confidence": fact.confidence(decimals),
    }


def _evidence(fact: Fact) -> str:
    return join_values(
        evidence.sentence for support in fact.supports for evidence in support.evidence
    )


def _tail_names(facts: Iterable[Fact], relation: str, lookup: _Lookup) -> str:
    return join_values(
        lookup.name(fact.key.tail) or "" for fact in facts if fact.key.type == relation
    )


def _work_row(
    view: EntityView,
    facts: Sequence[Fact],
    release_dates: Mapping[str, list[str]],
    current_date: Callable[[str, str], str | None],
    lookup: _Lookup,
) -> dict[str, Any]:
    key = view.entity.key
    row: dict[str, Any] = {
        "id": view.public_id,
        "title": view.entity.name,
        "type": view.entity.type,
        "year": view.year,
        "release_date": current_date(key, "release_date"),
        "release_dates": join_values(release_dates.get(key, [])),
        "aliases": join_values(view.entity.aliases),
        **_counts(view.entity),
    }
    for column, relation in {**WORK_PEOPLE_COLUMNS, **WORK_OTHER_COLUMNS}.items():
        row[column] = _tail_names(facts, relation, lookup)
    return row


def _person_row(
    view: EntityView,
    facts_as_tail: Sequence[Fact],
    current_date: Callable[[str, str], str | None],
    lookup: _Lookup,
) -> dict[str, Any]:
    credits = [
        fact
        for fact in facts_as_tail
        if fact.key.type in CREDIT_ROLES and lookup.type(fact.key.head) in WORK_TYPES
    ]
    return {
        "id": view.public_id,
        "name": view.entity.name,
        "aliases": join_values(view.entity.aliases),
        "roles": join_values(fact.key.type for fact in credits),
        "works": join_values(lookup.name(fact.key.head) or "" for fact in credits),
        "work_ids": join_values(lookup.public_id(fact.key.head) or "" for fact in credits),
        "date_of_death": current_date(view.entity.key, "date_of_death"),
        **_counts(view.entity),
    }


def _character_row(view: EntityView, facts: Sequence[Fact], lookup: _Lookup) -> dict[str, Any]:
    cast = [fact for fact in facts if fact.key.type == "cast_member"]
    return {
        "id": view.public_id,
        "name": view.entity.name,
        "aliases": join_values(view.entity.aliases),
        "works": join_values(lookup.name(fact.key.head) or "" for fact in cast),
        "work_ids": join_values(lookup.public_id(fact.key.head) or "" for fact in cast),
        "actors": join_values(lookup.name(fact.key.tail) or "" for fact in cast),
        "actor_ids": join_values(lookup.public_id(fact.key.tail) or "" for fact in cast),
        **_counts(view.entity),
    }


def _relation_row(fact: Fact, lookup: _Lookup, decimals: int) -> dict[str, Any]:
    key = fact.key
    head_id, tail_id = lookup.public_id(key.head), lookup.public_id(key.tail)
    character_id, work_id = lookup.public_id(key.character), lookup.public_id(key.work)
    return {
        "relation_id": "rel:"
        + short_hash(
            key.type,
            head_id or key.head,
            tail_id or key.tail,
            character_id or "",
            work_id or "",
            key.region,
            length=12,
        ),  # fmt: skip
        "relation": key.type,
        "head_id": head_id,
        "head": lookup.name(key.head),
        "head_type": lookup.type(key.head),
        "tail_id": tail_id,
        "tail": lookup.name(key.tail),
        "tail_type": lookup.type(key.tail),
        "character_id": character_id,
        "character": lookup.name(key.character),
        "work_id": work_id,
        "work": lookup.name(key.work),
        "region": key.region or None,
        "current": fact.current,
        **_support(fact, decimals),
        "evidence": _evidence(fact),
    }


def _credit_row(fact: Fact, lookup: _Lookup, decimals: int) -> dict[str, Any]:
    key = fact.key
    return {
        "work_id": lookup.public_id(key.head),
        "work": lookup.name(key.head),
        "person_id": lookup.public_id(key.tail),
        "person": lookup.name(key.tail),
        "role": key.type,
        "character_id": lookup.public_id(key.character),
        "character": lookup.name(key.character),
        "current": fact.current,
        **_support(fact, decimals),
    }


def _conflict_row(
    slot: ConflictKey, side: Fact, decided_by: str, lookup: _Lookup, decimals: int
) -> dict[str, Any]:
    subject_id = lookup.public_id(slot.head)
    character_id = lookup.public_id(slot.character)
    return {
        "conflict_id": "conflict:"
        + short_hash(subject_id or slot.head, slot.type, character_id or "", slot.region),
        "subject_id": subject_id,
        "subject": lookup.name(slot.head),
        "relation": slot.type,
        "character_id": character_id,
        "character": lookup.name(slot.character),
        "region": slot.region or None,
        "value": lookup.name(side.key.tail),
        "value_id": lookup.public_id(side.key.tail),
        "current": side.current,
        "decided_by": decided_by,
        **_support(side, decimals),
        "evidence": _evidence(side),
    }
