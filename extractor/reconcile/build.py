"""``build_dataset``: article annotations in, one reconciled :class:`Dataset` out.

The result depends only on the *set* of annotations: they are keyed by article id
and every later step walks sorted keys, so any order of the same annotations, or
the union of two batches, gives the same tables.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from extractor.errors import FormatError
from extractor.reconcile.facts import DATE_PREFIX, ConflictKey, MergedFacts, merge_facts
from extractor.reconcile.names import short_hash, slugify
from extractor.reconcile.records import WORK_TYPES, ArticleRecord, read_article
from extractor.reconcile.resolve import ResolvedEntity, resolve_entities
from extractor.reconcile.schema import DATASET_FORMAT, TABLE_NAMES, frame_records
from extractor.reconcile.settings import ReconcileSettings, default_settings
from extractor.reconcile.tables import EntityView, build_tables

LOGGER = logging.getLogger(__name__)

ID_PREFIXES = {
    "FILM": "work",
    "SERIES": "work",
    "PERSON": "person",
    "CHARACTER": "character",
    "ORG": "org",
    "LOC": "loc",
    "AWARD": "award",
}


@dataclass(frozen=True, eq=False)
class Dataset:
    """The reconciled dataset: one DataFrame per table, columns and dtypes as in ``schema``.

    Attributes:
        works: films and series.
        people: people.
        characters: fictional characters.
        credits: work-person credits (director, screenwriter, producer, cast ...).
        relations: every merged relation with its support.
        conflicts: one row per disagreeing value of a single-valued slot.
        entities: every canonical entity of any type (organisations, places, awards too).
    """

    works: pd.DataFrame
    people: pd.DataFrame
    characters: pd.DataFrame
    credits: pd.DataFrame
    relations: pd.DataFrame
    conflicts: pd.DataFrame
    entities: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in the order of ``schema.TABLE_NAMES``."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def to_dict(self) -> dict[str, Any]:
        """The dataset as the JSON object written to ``dataset.json``.

        Returns:
            ``{"format": "reconciled-dataset/1", "tables": {name: [row, ...]}}``, rows as
            dicts with None for missing values.
        """
        return {
            "format": DATASET_FORMAT,
            "tables": {name: frame_records(table) for name, table in self.tables().items()},
        }


def build_dataset(
    annotations: Iterable[dict[str, Any]],
    articles: Mapping[str, dict[str, Any]],
    *,
    settings: ReconcileSettings | None = None,
) -> Dataset:
    """Reconcile per-article annotations into one dataset.

    Args:
        annotations: ``article-annotations/1`` objects, in any order. The same annotation
            twice counts once.
        articles: article id to article (``text``, ``published`` ...). Texts give evidence
            sentences; an annotation without its article still counts, with empty evidence.
        settings: resolution thresholds; ``settings.json`` when None.

    Returns:
        The dataset.

    Raises:
        FormatError: an annotation is malformed, or two different annotations share an id.
    """
    settings = settings or default_settings()
    records = _read_all(annotations, articles or {})
    entities, reference_of = _resolve(records, settings)
    names = {entity.key: entity.name for entity in entities}

    def display_name(reference: str) -> str:
        return names.get(reference, reference.removeprefix(DATE_PREFIX))

    merged = merge_facts(records, reference_of, display_name)
    years = _work_years(entities, merged)
    public_ids = _public_ids(entities, years)
    views = [
        EntityView(entity, public_ids[entity.key], years.get(entity.key)) for entity in entities
    ]
    return Dataset(**build_tables(views, merged, settings))


def _read_all(
    annotations: Iterable[dict[str, Any]], articles: Mapping[str, dict[str, Any]]
) -> list[ArticleRecord]:
    by_id: dict[str, ArticleRecord] = {}
    for annotation in annotations:
        article_id = annotation.get("id") if isinstance(annotation, Mapping) else None
        article = articles.get(article_id) if isinstance(article_id, str) else None
        record = read_article(annotation, article)
        known = by_id.get(record.article_id)
        if known is not None and known != record:
            raise FormatError(
                f"two different annotations have the id {record.article_id!r}; keep one per article"
            )
        by_id[record.article_id] = record
    return [by_id[article_id] for article_id in sorted(by_id)]


def _resolve(
    records: list[ArticleRecord], settings: ReconcileSettings
) -> tuple[list[ResolvedEntity], dict[tuple[str, str], str]]:
    all_entities = [entity for record in records for entity in record.entities]
    # People first: films are told apart by their directors, which must be resolved already.
    others = resolve_entities(
        (e for e in all_entities if e.type not in WORK_TYPES and e.type != "DATE"), settings
    )
    reference_of: dict[tuple[str, str], str] = {}
    for entity in others:
        reference_of.update(dict.fromkeys(entity.members, entity.key))

    directors: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        for relation in record.relations:
            person = reference_of.get((record.article_id, relation.tail))
            if relation.type == "director" and person is not None:
                directors[(record.article_id, relation.head)].add(person)
    works = resolve_entities(
        (e for e in all_entities if e.type in WORK_TYPES),
        settings,
        {key: frozenset(people) for key, people in directors.items()},
    )
    for entity in works:
        reference_of.update(dict.fromkeys(entity.members, entity.key))
    for entity in all_entities:
        if entity.type == "DATE":
            reference_of[entity.key] = DATE_PREFIX + (entity.value or entity.name)
    return sorted([*others, *works], key=lambda entity: entity.key), reference_of


def _work_years(entities: list[ResolvedEntity], merged: MergedFacts) -> dict[str, int]:
    """A work's year: of its current release date, else its most frequent year hint."""
    years: dict[str, int] = {}
    for entity in entities:
        if entity.type not in WORK_TYPES:
            continue
        current = merged.current_values.get(ConflictKey(entity.key, "release_date"))
        value = current.removeprefix(DATE_PREFIX) if current else ""
        if value[:4].isdigit():
            years[entity.key] = int(value[:4])
        elif entity.year_hints:
            counts = Counter(entity.year_hints)
            years[entity.key] = min(counts, key=lambda year: (-counts[year], year))
    return years


def _public_ids(entities: list[ResolvedEntity], years: Mapping[str, int]) -> dict[str, str]:
    """Ids from the canonical name (and a work's year), never from processing order.

    Clashes (two works of one title and year kept apart by their directors) get the type,
    then a short hash of the internal key, as a suffix.
    """
    ids: dict[str, str] = {}
    for entity in entities:
        year = years.get(entity.key)
        suffix = f"-{year}" if entity.type in WORK_TYPES and year is not None else ""
        ids[entity.key] = f"{ID_PREFIXES[entity.type]}:{slugify(entity.name)}{suffix}"
    by_type = {entity.key: entity.type for entity in entities}
    for distinguish_by_type in (True, False):
        clashing: dict[str, list[str]] = defaultdict(list)
        for key, public_id in ids.items():
            clashing[public_id].append(key)
        for keys in clashing.values():
            if len(keys) == 1:
                continue
            if distinguish_by_type and len({by_type[key] for key in keys}) == len(keys):
                ids.update({key: f"{ids[key]}-{by_type[key].lower()}" for key in keys})
            elif not distinguish_by_type:
                ids.update({key: f"{ids[key]}-{short_hash(key, length=6)}" for key in keys})
    if len(set(ids.values())) != len(ids):  # pragma: no cover - needs a SHA-1 prefix clash
        raise AssertionError("entity ids are not unique")
    return ids
