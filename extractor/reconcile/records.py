"""Article annotations (``article-annotations/1``) read into small frozen records.

Each annotation is read once, together with its article text when one is given;
the text is used right away for evidence sentences and ``(2006)``-style year
hints, and not kept, so a long corpus streams through in little memory.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extractor import FORMAT_NAME
from extractor.errors import FormatError
from extractor.reconcile.dates import year_of
from extractor.reconcile.names import split_title_year

LOGGER = logging.getLogger(__name__)

ENTITY_TYPES = frozenset({"PERSON", "FILM", "SERIES", "CHARACTER", "ORG", "DATE", "LOC", "AWARD"})
WORK_TYPES = frozenset({"FILM", "SERIES"})
RELATION_TYPES = frozenset(
    {
        "director", "screenwriter", "producer", "cast_member", "composer", "creator",
        "release_date", "production_company", "distributor", "original_broadcaster",
        "filming_location", "part_of_series", "date_of_death", "parent", "sibling",
        "spouse", "award_won", "award_nominated",
    }
)  # fmt: skip
SYMMETRIC_RELATIONS = frozenset({"sibling", "spouse"})

_PUBLISHED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
# "(2006)" straight after a mention of a work in the article text.
_YEAR_AFTER_MENTION = re.compile(r"^\s*\((1[89]\d\d|20\d\d)\)")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Evidence:
    """One evidence span of a relation, with its sentence text when the article was given.

    Attributes:
        article_id: the article the offsets point into.
        start: first character, inclusive.
        end: last character, exclusive.
        sentence: the span's text with whitespace collapsed; empty without the article text.
    """

    article_id: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class EntityRecord:
    """One entity of one article.

    Attributes:
        article_id: its article.
        local_id: its id inside the article (``e3``).
        type: entity type (``FILM``, ``PERSON`` ...).
        name: the article's canonical name (for works, without a trailing ``(2006)``).
        aliases: other surface forms the article uses, sorted, without duplicates.
        n_mentions: mention spans given, at least 1 (an annotated entity is named once).
        year_hints: years the article ties to a work: the years of DATE values it points at
            and bracketed years in its names; failing those, bracketed years right after its
            mentions in the text.
        value: the normalised value of a DATE entity, else None.
    """

    article_id: str
    local_id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    n_mentions: int
    year_hints: frozenset[int]
    value: str | None

    @property
    def key(self) -> tuple[str, str]:
        """``(article_id, local_id)``: unique across a corpus, and a stable sort key."""
        return (self.article_id, self.local_id)


@dataclass(frozen=True)
class RelationRecord:
    """One relation of one article, entity ids still local to the article.

    Attributes:
        article_id: its article.
        type: relation type.
        head: local entity id.
        tail: local entity id.
        character: local id of the character played (``cast_member``), else None.
        work: local id of the work honoured (awards), else None.
        region: release region when the annotation gives one (an extension), else None.
        confidence: the prediction's confidence; 1.0 for gold, which has none.
        evidence: evidence spans, ordered by offset.
    """

    article_id: str
    type: str
    head: str
    tail: str
    character: str | None
    work: str | None
    region: str | None
    confidence: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ArticleRecord:
    """What the reconciler keeps of one article annotation.

    Attributes:
        article_id: article id.
        published: publication date (``YYYY-MM-DD`` or coarser), None when unknown.
        entities: its entities, ordered by local id.
        relations: its relations, in a canonical order.

    Two annotations that say the same things in another order give equal records, so a
    repeated annotation is recognised as such.
    """

    article_id: str
    published: str | None
    entities: tuple[EntityRecord, ...]
    relations: tuple[RelationRecord, ...]


def read_article(annotation: Any, article: Mapping[str, Any] | None) -> ArticleRecord:
    """Check one annotation and reduce it to an :class:`ArticleRecord`.

    Args:
        annotation: a parsed ``article-annotations/1`` object.
        article: the article (``id, title, published, url, source, text, text_sha256``) or None.
            Its text gives evidence sentences when its hash agrees with the annotation's.

    Returns:
        The record.

    Raises:
        FormatError: the annotation is not a valid ``article-annotations/1`` object.
    """
    if not isinstance(annotation, Mapping):
        raise FormatError(f"an annotation is a {type(annotation).__name__}, not a JSON object")
    article_id = annotation.get("id")
    if not isinstance(article_id, str) or not article_id:
        raise FormatError("an annotation has no string 'id'")
    where = f"annotation {article_id!r}"
    format_name = annotation.get("format", FORMAT_NAME)
    if format_name != FORMAT_NAME:
        raise FormatError(f"{where}: format {format_name!r}, expected {FORMAT_NAME!r}")
    entities = annotation.get("entities")
    relations = annotation.get("relations")
    if not isinstance(entities, list) or not isinstance(relations, list):
        raise FormatError(f"{where}: 'entities' and 'relations' must be lists")

    text = _usable_text(annotation, article, where)
    raw_entities = _check_entities(entities, where)
    relation_records = tuple(
        sorted(
            (_read_relation(raw, raw_entities, article_id, text, where) for raw in relations),
            key=_relation_order,
        )
    )
    dated_years = _years_pointed_at(relation_records, raw_entities)
    entity_records = tuple(
        _read_entity(raw, article_id, text, dated_years.get(raw["id"], frozenset()))
        for _, raw in sorted(raw_entities.items())
    )
    return ArticleRecord(
        article_id=article_id,
        published=_published(annotation, article),
        entities=entity_records,
        relations=relation_records,
    )


def _usable_text(
    annotation: Mapping[str, Any], article: Mapping[str, Any] | None, where: str
) -> str | None:
    if article is None or not isinstance(article.get("text"), str):
        return None
    text: str = article["text"]
    expected = annotation.get("text_sha256")
    if isinstance(expected, str) and expected:
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if actual != expected.lower():
            # Offsets into another version of the text would cut the wrong sentences.
            LOGGER.warning("%s: article text differs from the annotated one; no evidence", where)
            return None
    return text


def _published(annotation: Mapping[str, Any], article: Mapping[str, Any] | None) -> str | None:
    for source in (annotation, article or {}):
        value = source.get("published")
        if isinstance(value, str):
            match = _PUBLISHED.match(value.strip())
            if match:
                return match.group(0)
    return None


def _check_entities(entities: list[Any], where: str) -> dict[str, Mapping[str, Any]]:
    by_id: dict[str, Mapping[str, Any]] = {}
    for raw in entities:
        if not isinstance(raw, Mapping):
            raise FormatError(f"{where}: an entity is not a JSON object")
        entity_id, entity_type, name = raw.get("id"), raw.get("type"), raw.get("name")
        if not isinstance(entity_id, str) or not isinstance(name, str) or not name.strip():
            raise FormatError(f"{where}: an entity lacks a string 'id' or 'name'")
        if entity_type not in ENTITY_TYPES:
            raise FormatError(f"{where}: entity {entity_id!r} has unknown type {entity_type!r}")
        if entity_id in by_id:
            raise FormatError(f"{where}: entity id {entity_id!r} is used twice")
        by_id[entity_id] = raw
    return by_id


def _read_relation(
    raw: Any,
    entities: Mapping[str, Mapping[str, Any]],
    article_id: str,
    text: str | None,
    where: str,
) -> RelationRecord:
    if not isinstance(raw, Mapping):
        raise FormatError(f"{where}: a relation is not a JSON object")
    relation_type = raw.get("type")
    if relation_type not in RELATION_TYPES:
        raise FormatError(f"{where}: unknown relation type {relation_type!r}")
    for field in ("head", "tail", "character", "work"):
        reference = raw.get(field)
        if reference is None and field in ("character", "work"):
            continue
        if reference not in entities:
            raise FormatError(
                f"{where}: {relation_type} {field} {reference!r} is not an entity of the article"
            )
    confidence = raw.get("confidence", 1.0)
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        raise FormatError(f"{where}: {relation_type} confidence {confidence!r} is not a number")
    region = raw.get("region")
    return RelationRecord(
        article_id=article_id,
        type=relation_type,
        head=raw["head"],
        tail=raw["tail"],
        character=raw.get("character"),
        work=raw.get("work"),
        region=region if isinstance(region, str) and region else None,
        confidence=min(1.0, max(0.0, float(confidence))),
        evidence=_read_evidence(raw.get("evidence"), article_id, text, where),
    )


def _read_evidence(
    spans: Any, article_id: str, text: str | None, where: str
) -> tuple[Evidence, ...]:
    if spans is None:
        return ()
    if not isinstance(spans, list):
        raise FormatError(f"{where}: relation 'evidence' must be a list")
    evidence: set[Evidence] = set()
    for span in spans:
        start = span.get("start") if isinstance(span, Mapping) else None
        end = span.get("end") if isinstance(span, Mapping) else None
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
            raise FormatError(f"{where}: evidence span {span!r} is not {{start < end}}")
        sentence = ""
        if text is not None and end <= len(text):
            sentence = _WHITESPACE.sub(" ", text[start:end]).strip()
        evidence.add(Evidence(article_id, start, end, sentence))
    return tuple(sorted(evidence, key=lambda item: (item.start, item.end)))


def _relation_order(relation: RelationRecord) -> tuple[str, ...]:
    return (
        relation.type,
        relation.head,
        relation.tail,
        relation.character or "",
        relation.work or "",
        relation.region or "",
        f"{relation.confidence:.9f}",
        repr([(item.start, item.end) for item in relation.evidence]),
    )


def _years_pointed_at(
    relations: tuple[RelationRecord, ...], entities: Mapping[str, Mapping[str, Any]]
) -> dict[str, frozenset[int]]:
    # A work's release_date (or any DATE it points at) gives its year.
    years: dict[str, set[int]] = {}
    for relation in relations:
        tail = entities[relation.tail]
        if tail.get("type") != "DATE" or entities[relation.head].get("type") not in WORK_TYPES:
            continue
        year = year_of(_date_value(tail))
        if year is not None:
            years.setdefault(relation.head, set()).add(year)
    return {entity_id: frozenset(found) for entity_id, found in years.items()}


def _date_value(raw: Mapping[str, Any]) -> str:
    value = raw.get("value")
    return value.strip() if isinstance(value, str) and value.strip() else raw["name"].strip()


def _read_entity(
    raw: Mapping[str, Any], article_id: str, text: str | None, dated_years: frozenset[int]
) -> EntityRecord:
    entity_type = raw["type"]
    is_work = entity_type in WORK_TYPES
    years = set(dated_years)
    surface_forms: list[str] = []
    for form in [raw["name"], *_strings(raw.get("aliases"))]:
        form = _WHITESPACE.sub(" ", form).strip()
        if is_work:
            form, year = split_title_year(form)
            if year is not None:
                years.add(year)
        if form and form not in surface_forms:
            surface_forms.append(form)
    mentions = raw.get("mentions")
    mention_list = (
        [m for m in mentions if isinstance(m, Mapping)] if isinstance(mentions, list) else []
    )
    # A year after a mention is the weakest hint: mentions of two same-title works can be
    # mixed up, so it only counts when the annotation itself gives no year.
    if is_work and text is not None and not years:
        for mention in mention_list:
            end = mention.get("end")
            if isinstance(end, int) and 0 <= end <= len(text):
                match = _YEAR_AFTER_MENTION.match(text[end : end + 12])
                if match:
                    years.add(int(match.group(1)))
    return EntityRecord(
        article_id=article_id,
        local_id=raw["id"],
        type=entity_type,
        name=surface_forms[0],
        aliases=tuple(sorted(surface_forms[1:])),
        n_mentions=max(1, len(mention_list)),
        year_hints=frozenset(years),
        value=_date_value(raw) if entity_type == "DATE" else None,
    )


def _strings(values: Any) -> list[str]:
    if not isinstance(values, list):
        return []
    return [value for value in values if isinstance(value, str) and value.strip()]
