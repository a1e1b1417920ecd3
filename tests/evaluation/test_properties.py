"""Properties over generated articles: gold scored against itself is perfect, counts add up."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation.loading import document_to_json
from extractor.evaluation.metrics import Counts
from extractor.evaluation.normalize import normalize_name
from extractor.evaluation.vocabulary import ENTITY_TYPES, RELATION_TYPES, SCORED_ENTITY_TYPES

from .helpers import corpus, evaluate
from .perturb import perturb

WORDS = ("Ana", "Armas", "Wick", "John", "Len", "Ballerina", "Rooney", "Reeves", "The", "Chapter")
VALUES = ("2024", "2024-06", "2024-06-07", "XXXX-06", "XXXX-06-07", "2023")
TEXT = " ".join(WORDS * 3)


@st.composite
def articles(draw: st.DrawFn) -> dict:
    # Distinct names: entities nobody could tell apart are matched in either order.
    names = draw(
        st.lists(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=8,
            unique_by=normalize_name,
        )
    )
    entities = []
    for index, name in enumerate(names):
        kind = draw(st.sampled_from(ENTITY_TYPES))
        entity = {"id": f"e{index}", "type": kind, "name": name}
        if kind == "DATE":
            entity["value"] = draw(st.sampled_from(VALUES))
        aliases = draw(st.lists(st.sampled_from(WORDS), max_size=2))
        if aliases:
            entity["aliases"] = aliases
        starts = draw(st.lists(st.integers(0, len(TEXT) - 5), max_size=2))
        if starts:
            lengths = draw(st.lists(st.integers(1, 4), min_size=len(starts), max_size=len(starts)))
            entity["mentions"] = [
                {"start": s, "end": s + n, "text": TEXT[s : s + n]}
                for s, n in zip(starts, lengths, strict=True)
            ]
        entities.append(entity)
    ids = [e["id"] for e in entities]
    characters = [e["id"] for e in entities if e["type"] == "CHARACTER"]
    relations = []
    for _ in range(draw(st.integers(0, 8))):
        relation = {
            "type": draw(st.sampled_from(RELATION_TYPES)),
            "head": draw(st.sampled_from(ids)),
            "tail": draw(st.sampled_from(ids)),
        }
        if relation["type"] == "cast_member" and characters and draw(st.booleans()):
            relation["character"] = draw(st.sampled_from(characters))
        relations.append(relation)
    return {
        "format": "article-annotations/1",
        "id": "generated",
        "text": TEXT,
        "entities": entities,
        "relations": relations,
    }


def no_errors(table: dict[str, Counts]) -> bool:
    return all(c.fp == 0 and c.fn == 0 for c in table.values())


@settings(max_examples=150, deadline=None)
@given(articles())
def test_gold_against_itself_is_perfect(gold: dict) -> None:
    result = evaluate(gold, gold)
    for strategy in ("entities", "mentions_strict", "mentions_partial", "relations"):
        assert no_errors(result.table(strategy)), strategy
    assert no_errors(result.table("cast_character"))
    dates = result.table("date_values")
    assert all(c.fp == 0 for c in dates.values())


@settings(max_examples=150, deadline=None)
@given(articles(), st.integers(0, 10**6), st.integers(0, 12))
def test_entity_counts_add_up_to_both_sides(gold: dict, seed: int, edits: int) -> None:
    (document,) = corpus(gold).documents
    pred = document_to_json(perturb(document, random.Random(seed), edits))
    table = evaluate(gold, pred).table("entities")
    counted = sum(table.values(), Counts())
    gold_count = sum(1 for e in gold["entities"] if e["type"] in SCORED_ENTITY_TYPES)
    pred_count = sum(1 for e in pred["entities"] if e["type"] in SCORED_ENTITY_TYPES)
    assert counted.tp + counted.fn == gold_count
    assert counted.tp + counted.fp == pred_count
