"""Prediction files made from gold by seeded perturbation, for agreement tests.

The predictions avoid the places where this project's evaluator differs from the reference
scorer by design (docs/evaluation.md): DATE clusters whose mentions give dates of different
precision carry no value, a prediction never states a coarser and a finer date for the same
head, and never states a symmetric relation in both directions. (Gold whose own dates
subsume each other is the fourth difference; agreement tests leave such articles out.)
"""

from __future__ import annotations

import random
from dataclasses import replace

from extractor.evaluation.model import Document, Entity, Relation
from extractor.evaluation.normalize import date_value_from_name, is_coarser_date
from extractor.evaluation.vocabulary import RELATION_TYPES

EDITS = (
    "drop_entity",
    "drop_relation",
    "add_relation",
    "rename_entity",
    "alias_as_name",
    "add_entity",
    "flip_symmetric",
    "change_date",
    "change_character",
    "repeat_relation",
    "retype_entity",
)


def as_prediction(document: Document) -> Document:
    """Gold as a perfect prediction: DocRED films become FILM, no film scope, no text.

    Offsets are dropped for DocRED: they refer to the token-joined gold text, not to the
    text a pipeline reads.
    """
    film_heads = document.film_heads or frozenset()
    docred = document.film_heads is not None
    entities = tuple(
        _unambiguous(_as_film(replace(e, mentions=()) if docred else e, film_heads))
        for e in document.entities
    )
    by_id = {e.id: e for e in entities}
    relations = []
    for relation in document.relations:
        if _restates_finer_date(relation, document.relations, by_id):
            continue
        if relation.type in ("sibling", "spouse") and any(
            (r.type, r.head, r.tail) == (relation.type, relation.tail, relation.head)
            for r in relations
        ):
            continue
        relations.append(replace(relation, evidence=()) if docred else relation)
    return replace(
        document, entities=entities, relations=tuple(relations), film_heads=None, text=None
    )


def _as_film(entity: Entity, film_heads: frozenset[str]) -> Entity:
    return (
        replace(entity, type="FILM")
        if entity.id in film_heads and entity.type == "MISC"
        else entity
    )


def _unambiguous(entity: Entity) -> Entity:
    if entity.type != "DATE":
        return entity
    values = {date_value_from_name(n) for n in (entity.name, *entity.aliases)} - {None}
    return replace(entity, value=None) if len(values) > 1 else entity


def _restates_finer_date(relation: Relation, relations, entities) -> bool:
    mine = entities.get(relation.tail)
    return any(
        other.type == relation.type
        and other.head == relation.head
        and mine is not None
        and other.tail in entities
        and is_coarser_date(entities[other.tail].value, mine.value)
        for other in relations
    )


def perturb(document: Document, rng: random.Random, edits: int) -> Document:
    """Apply ``edits`` random edits (see :data:`EDITS`) to a prediction."""
    for _ in range(edits):
        document = _EDIT_FUNCTIONS[rng.choice(EDITS)](document, rng)
    return document


def _drop_entity(d: Document, rng: random.Random) -> Document:
    if not d.entities:
        return d
    victim = rng.choice(d.entities).id
    return replace(
        d,
        entities=tuple(e for e in d.entities if e.id != victim),
        relations=tuple(r for r in d.relations if victim not in (r.head, r.tail, r.character)),
    )


def _drop_relation(d: Document, rng: random.Random) -> Document:
    if not d.relations:
        return d
    victim = rng.randrange(len(d.relations))
    return replace(d, relations=d.relations[:victim] + d.relations[victim + 1 :])


def _add_relation(d: Document, rng: random.Random) -> Document:
    if len(d.entities) < 2:
        return d
    head, tail = rng.sample(d.entities, 2)
    relation = Relation(rng.choice(RELATION_TYPES), head.id, tail.id)
    return replace(d, relations=(*d.relations, relation))


def _rename_entity(d: Document, rng: random.Random) -> Document:
    if not d.entities:
        return d
    index = rng.randrange(len(d.entities))
    renamed = replace(
        d.entities[index], name=f"Nobody {rng.randrange(1000)}", aliases=(), mentions=()
    )
    return replace(d, entities=d.entities[:index] + (renamed,) + d.entities[index + 1 :])


def _alias_as_name(d: Document, rng: random.Random) -> Document:
    with_aliases = [i for i, e in enumerate(d.entities) if e.aliases]
    if not with_aliases:
        return d
    index = rng.choice(with_aliases)
    entity = d.entities[index]
    swapped = replace(entity, name=entity.aliases[0], aliases=(entity.name,))
    return replace(d, entities=d.entities[:index] + (swapped,) + d.entities[index + 1 :])


def _add_entity(d: Document, rng: random.Random) -> Document:
    kind = rng.choice(("PERSON", "FILM", "SERIES", "CHARACTER"))
    extra = Entity(
        f"x{len(d.entities)}_{rng.randrange(10**6)}", kind, f"Extra {rng.randrange(1000)}"
    )
    return replace(d, entities=(*d.entities, extra))


def _flip_symmetric(d: Document, rng: random.Random) -> Document:
    relations = tuple(
        replace(r, head=r.tail, tail=r.head) if r.type in ("sibling", "spouse") else r
        for r in d.relations
    )
    return replace(d, relations=relations)


def _change_date(d: Document, rng: random.Random) -> Document:
    dates = [i for i, e in enumerate(d.entities) if e.type == "DATE" and e.value]
    if not dates:
        return d
    index = rng.choice(dates)
    changed = replace(d.entities[index], value=str(1900 + rng.randrange(100)))
    return replace(d, entities=d.entities[:index] + (changed,) + d.entities[index + 1 :])


def _change_character(d: Document, rng: random.Random) -> Document:
    characters = [e.id for e in d.entities if e.type == "CHARACTER"]
    cast = [i for i, r in enumerate(d.relations) if r.type == "cast_member"]
    if not characters or not cast:
        return d
    index = rng.choice(cast)
    changed = replace(d.relations[index], character=rng.choice(characters + [None]))
    return replace(d, relations=d.relations[:index] + (changed,) + d.relations[index + 1 :])


def _repeat_relation(d: Document, rng: random.Random) -> Document:
    if not d.relations:
        return d
    return replace(d, relations=(*d.relations, rng.choice(d.relations)))


def _retype_entity(d: Document, rng: random.Random) -> Document:
    candidates = [i for i, e in enumerate(d.entities) if e.type != "DATE"]
    if not candidates:
        return d
    index = rng.choice(candidates)
    changed = replace(d.entities[index], type=rng.choice(("PERSON", "FILM", "SERIES", "ORG")))
    return replace(d, entities=d.entities[:index] + (changed,) + d.entities[index + 1 :])


_EDIT_FUNCTIONS = {name: globals()[f"_{name}"] for name in EDITS}
