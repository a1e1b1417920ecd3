"""Fact merging: one row per relation, its support, evidence and combined confidence."""

from __future__ import annotations

import hashlib

import pytest

from extractor.reconcile import build_dataset
from extractor.reconcile.facts import noisy_or

from .factory import article, date, ent, rel, row, split

BALLERINA = "Ballerina is directed by Len Wiseman. It opens in June."


def _directed(article_id: str, published: str | None, confidence: float | None = None) -> dict:
    extra = {"confidence": confidence} if confidence is not None else {}
    return article(
        article_id,
        [ent("e1", "FILM", "Ballerina"), ent("e2", "PERSON", "Len Wiseman")],
        [rel("director", "e1", "e2", evidence=[{"start": 0, "end": 37}], **extra)],
        published=published,
    )


def test_facts_one_row_per_relation_with_support_and_dates() -> None:
    annotations = [
        _directed("a1", "2023-04-05", 0.9),
        _directed("a2", "2024-01-10", 0.5),
        _directed("a3", None, 0.6),
    ]
    articles = {"a1": {"id": "a1", "text": BALLERINA}}
    dataset = build_dataset(annotations, articles)
    fact = row(dataset.relations, relation="director")
    assert fact["n_articles"] == 3
    assert split(fact["article_ids"]) == ["a1", "a2", "a3"]
    assert (fact["first_published"], fact["last_published"]) == ("2023-04-05", "2024-01-10")
    assert fact["confidence"] == pytest.approx(1 - 0.1 * 0.5 * 0.4)
    assert fact["evidence"] == "Ballerina is directed by Len Wiseman."
    assert fact["current"]
    credit = row(dataset.credits, role="director")
    assert (credit["work"], credit["person"], credit["n_articles"]) == (
        "Ballerina",
        "Len Wiseman",
        3,
    )


def test_facts_gold_without_confidence_counts_as_certain() -> None:
    dataset = build_dataset([_directed("a1", None)], {})
    assert row(dataset.relations, relation="director")["confidence"] == 1.0


def test_facts_noisy_or_is_order_free_and_rounded() -> None:
    values = [0.1, 0.2, 0.7, 0.3333333]
    assert noisy_or(values, 6) == noisy_or(list(reversed(values)), 6)
    assert noisy_or([], 6) == 0.0
    assert noisy_or([0.5, 0.5], 6) == 0.75


def test_facts_repeated_statement_in_one_article_counts_once_at_its_best() -> None:
    annotation = article(
        "a1",
        [ent("e1", "FILM", "Ballerina"), ent("e2", "PERSON", "Len Wiseman")],
        [
            rel("director", "e1", "e2", confidence=0.4),
            rel("director", "e1", "e2", confidence=0.8),
        ],
    )
    fact = row(build_dataset([annotation], {}).relations, relation="director")
    assert (fact["n_articles"], fact["confidence"]) == (1, 0.8)


def test_facts_evidence_skipped_when_the_text_changed() -> None:
    annotation = _directed("a1", None)
    annotation["text_sha256"] = hashlib.sha256(b"another text").hexdigest()
    dataset = build_dataset([annotation], {"a1": {"id": "a1", "text": BALLERINA}})
    assert row(dataset.relations, relation="director")["evidence"] == ""


def test_facts_evidence_used_when_the_hash_agrees() -> None:
    annotation = _directed("a1", None)
    annotation["text_sha256"] = hashlib.sha256(BALLERINA.encode()).hexdigest()
    dataset = build_dataset([annotation], {"a1": {"id": "a1", "text": BALLERINA}})
    assert row(dataset.relations, relation="director")["evidence"].startswith("Ballerina")


def test_facts_published_taken_from_the_article_when_the_annotation_lacks_it() -> None:
    dataset = build_dataset(
        [_directed("a1", None)], {"a1": {"id": "a1", "published": "2023-04-05"}}
    )
    assert row(dataset.relations, relation="director")["first_published"] == "2023-04-05"


def test_facts_cast_without_character_joins_the_credit_with_one() -> None:
    entities = [
        ent("e1", "FILM", "Ballerina"),
        ent("e2", "PERSON", "Ana de Armas"),
        ent("e3", "CHARACTER", "Rooney"),
    ]
    dataset = build_dataset(
        [
            article("a1", entities, [rel("cast_member", "e1", "e2", character="e3")]),
            article("a2", entities[:2], [rel("cast_member", "e1", "e2")]),
        ],
        {},
    )
    credit = row(dataset.credits, role="cast_member")
    assert (credit["character"], credit["n_articles"]) == ("Rooney", 2)


def test_facts_symmetric_relation_stored_once() -> None:
    people = [ent("e1", "PERSON", "Donald Sutherland"), ent("e2", "PERSON", "Francine Racette")]
    dataset = build_dataset(
        [
            article("a1", people, [rel("spouse", "e1", "e2")]),
            article("a2", people, [rel("spouse", "e2", "e1")]),
        ],
        {},
    )
    assert row(dataset.relations, relation="spouse")["n_articles"] == 2


def test_facts_work_table_lists_current_credits_and_companies() -> None:
    annotation = article(
        "a1",
        [
            ent("e1", "FILM", "Ballerina"),
            ent("e2", "PERSON", "Len Wiseman"),
            ent("e3", "PERSON", "Shay Hatten"),
            ent("e4", "ORG", "Lionsgate"),
            date("d1", "2025-06-06"),
        ],
        [
            rel("director", "e1", "e2"),
            rel("screenwriter", "e1", "e3"),
            rel("distributor", "e1", "e4"),
            rel("release_date", "e1", "d1"),
        ],
    )
    work = row(build_dataset([annotation], {}).works, title="Ballerina")
    assert (work["directors"], work["screenwriters"], work["distributors"]) == (
        "Len Wiseman",
        "Shay Hatten",
        "Lionsgate",
    )
    assert (work["year"], work["release_date"], work["id"]) == (
        2025,
        "2025-06-06",
        "work:ballerina-2025",
    )
