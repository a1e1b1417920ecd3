"""``annotate``: from a processed doc to an ``article-annotations/1`` object."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from extractor import FORMAT_NAME
from extractor.evaluation.model import Location
from extractor.evaluation.validate import validate_article
from extractor.pipeline.annotate import doc_to_annotation, merge_relations
from extractor.pipeline.extensions import register_extensions

register_extensions()

PUB = "2024-03-14"
ARTICLE = (
    "A critic from Netflix saw the film Lantern Street at a festival in Berlin. "
    "Corvin Hale will star in the film Lantern Street. "
    "Corvin Hale will play Pell Varga in Lantern Street. "
    "The film opens on June 6, 2025. Hale was born in 1975."
)


@pytest.fixture(scope="module")
def article(extract):
    return extract(ARTICLE, published=PUB)


def _sentence(text: str, start_word: str, occurrence: int = 0) -> tuple[int, int]:
    """Char span of the sentence starting at the n-th occurrence of ``start_word``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(start_word, start + 1)
    return start, text.index(".", start)


def test_article_object_is_valid_format(article):
    annotation = article.annotation
    problems = list(
        validate_article(annotation, Location(Path("test.jsonl"), 1), {"test-article": ARTICLE})
    )
    assert problems == []
    assert annotation["format"] == FORMAT_NAME
    assert annotation["id"] == "test-article"
    assert annotation["published"] == PUB
    assert list(annotation) == ["format", "id", "published", "entities", "relations"]
    for entity in annotation["entities"]:
        assert set(entity) <= {"id", "type", "name", "aliases", "value", "mentions", "confidence"}
        assert ("value" in entity) == (entity["type"] == "DATE")
        assert 0 <= entity["confidence"] <= 1
    for relation in annotation["relations"]:
        assert set(relation) <= {
            "type",
            "head",
            "tail",
            "character",
            "work",
            "evidence",
            "confidence",
        }
        assert 0 <= relation["confidence"] <= 1


def test_entities_in_order_of_first_mention_and_only_used_org_loc_date(article):
    entities = [(e["id"], e["type"], e["name"]) for e in article.annotation["entities"]]
    # Netflix (ORG), Berlin (LOC) and 1975 (DATE) are mentioned but used by no relation
    assert {("Netflix", "ORG"), ("Berlin", "LOC"), ("1975", "DATE")} <= article.mentions()
    assert entities == [
        ("e1", "FILM", "Lantern Street"),
        ("e2", "PERSON", "Corvin Hale"),
        ("e3", "CHARACTER", "Pell Varga"),
        ("e4", "DATE", "June 6, 2025"),
    ]
    assert article.entity("DATE", "June 6, 2025")["value"] == "2025-06-06"
    assert article.entity("PERSON", "Corvin Hale")["aliases"] == ["Hale"]


def test_mention_offsets_equal_the_text(article):
    for entity in article.annotation["entities"]:
        assert entity["mentions"], entity
        for mention in entity["mentions"]:
            assert ARTICLE[mention["start"] : mention["end"]] == mention["text"]
        starts = [(m["start"], m["end"]) for m in entity["mentions"]]
        assert starts == sorted(set(starts))
    assert [m["text"] for m in article.entity("FILM", "Lantern Street")["mentions"]] == [
        "Lantern Street"
    ] * 3


def test_relations_merged_with_the_character_kept(article):
    relations = article.annotation["relations"]
    assert article.relations() == {
        ("cast_member", "Lantern Street", "Corvin Hale", "Pell Varga"),
        ("release_date", "Lantern Street", "June 6, 2025", None),
    }
    [cast] = [r for r in relations if r["type"] == "cast_member"]
    # one record for two sentences: star (no character) and play (character)
    star = _sentence(ARTICLE, "Corvin Hale", 0)
    play = _sentence(ARTICLE, "Corvin Hale", 1)
    assert [(e["start"], e["end"]) for e in cast["evidence"]] == [
        (star[0], star[1] + 1),
        (play[0], play[1] + 1),
    ]
    # two sentences confirm it: noisy-or of 0.9 over two pieces of evidence
    assert cast["confidence"] == pytest.approx(0.93)


# -- doc_to_annotation on a hand-built doc ----------------------------------------


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _doc(blank, text: str, mentions, entities, relations):
    doc = blank.make_doc(text)
    spans = []
    for start, end, label, key in mentions:
        spans.append(Span(doc, start, end, label=label, kb_id=key))
    doc.spans["mentions"] = spans
    doc._.entities = entities
    doc._.relations = relations
    return doc


def _entity(key: str, kind: str, name: str, **extra) -> dict:
    return {"key": key, "type": kind, "name": name, "aliases": [], "confidence": 0.8, **extra}


def test_hand_built_doc(blank):
    text = "Keanu Reeves' turn in Ballerina, out in June 2025, pleased Lionsgate and Ana."
    #       0     1      2 3    4  5        6 7   8  9    10   11 12      13        14  15
    doc = _doc(
        blank,
        text,
        mentions=[
            (0, 3, "PERSON", "P::keanu"),  # with the possessive token: trimmed
            (5, 6, "FILM", "F::ballerina"),
            (9, 11, "DATE", "D::2025-06"),
            (13, 14, "ORG", "O::lionsgate"),
            (15, 16, "PERSON", "P::ana"),
        ],
        entities=[
            _entity("P::keanu", "PERSON", "Keanu Reeves"),
            _entity("F::ballerina", "FILM", "Ballerina"),
            _entity("D::2025-06", "DATE", "June 2025", value="2025-06"),
            _entity("O::lionsgate", "ORG", "Lionsgate"),
            _entity("P::ana", "PERSON", "Ana", aliases=["Ana"]),
        ],
        relations=[
            {"type": "release_date", "head": "F::ballerina", "tail": "D::2025-06",
             "evidence": [[0, 77]], "confidence": 0.8, "cue": "release"},
            # a relation to an entity that is not written is dropped
            {"type": "spouse", "head": "P::keanu", "tail": "P::nobody",
             "evidence": [[0, 77]], "confidence": 0.9, "cue": "family"},
            # a relation to itself is dropped
            {"type": "sibling", "head": "P::ana", "tail": "P::ana",
             "evidence": [[0, 77]], "confidence": 0.9, "cue": "family"},
        ],
    )  # fmt: skip
    annotation = doc_to_annotation(doc, "hand", title="T", url="u", text_sha256="abc")
    assert [k for k in annotation] == [
        "format", "id", "title", "url", "text_sha256", "entities", "relations",
    ]  # fmt: skip
    assert [(e["id"], e["name"]) for e in annotation["entities"]] == [
        ("e1", "Keanu Reeves"),
        ("e2", "Ballerina"),
        ("e3", "June 2025"),
        ("e4", "Ana"),
    ]
    keanu = annotation["entities"][0]
    assert keanu["mentions"] == [{"start": 0, "end": 12, "text": "Keanu Reeves"}]
    assert "aliases" not in keanu
    assert annotation["entities"][3]["aliases"] == ["Ana"]
    assert annotation["entities"][2]["value"] == "2025-06"
    assert annotation["relations"] == [
        {"type": "release_date", "head": "e2", "tail": "e3",
         "evidence": [{"start": 0, "end": 77}], "confidence": 0.8},
    ]  # fmt: skip


# -- merge_relations ----------------------------------------------------------------


def _rel(kind, head, tail, evidence, confidence, character=None, work=None) -> dict:
    record = {"type": kind, "head": head, "tail": tail, "evidence": [list(evidence)],
              "confidence": confidence, "cue": f"cue{confidence}"}  # fmt: skip
    if character:
        record["character"] = character
    if work:
        record["work"] = work
    return record


def test_merge_keeps_the_character_and_the_highest_confidence():
    merged = merge_relations(
        [
            _rel("cast_member", "F", "P", (10, 20), 0.9),
            _rel("cast_member", "F", "P", (0, 9), 0.6, character="C"),
        ]
    )
    assert len(merged) == 1
    [record] = merged
    assert record["character"] == "C"
    assert record["evidence"] == [[0, 9], [10, 20]]
    assert record["confidence"] == pytest.approx(0.93)
    assert record["cue"] == "cue0.9"


def test_merge_does_not_mutate_its_input():
    first = _rel("director", "F", "P", (0, 9), 0.9)
    second = _rel("director", "F", "P", (10, 20), 0.8)
    merge_relations([first, second])
    assert first["evidence"] == [[0, 9]] and first["confidence"] == 0.9


def test_merge_stores_symmetric_relations_once():
    merged = merge_relations(
        [_rel("spouse", "P2", "P1", (0, 9), 0.8), _rel("spouse", "P1", "P2", (10, 20), 0.7)]
    )
    assert [(r["head"], r["tail"], r["evidence"]) for r in merged] == [
        ("P1", "P2", [[0, 9], [10, 20]])
    ]
    # a directed relation is not turned round
    merged = merge_relations([_rel("parent", "P2", "P1", (0, 9), 0.8)])
    assert [(r["head"], r["tail"]) for r in merged] == [("P2", "P1")]


def test_merge_caps_confidence():
    merged = merge_relations([_rel("director", "F", "P", (i, i + 1), 0.9) for i in range(10)])
    assert merged[0]["confidence"] == 0.99


def test_merge_orders_by_type_head_tail():
    merged = merge_relations(
        [
            _rel("release_date", "F", "D", (0, 1), 0.8),
            _rel("director", "F2", "P", (0, 1), 0.8),
            _rel("director", "F1", "P", (0, 1), 0.8),
        ]
    )
    assert [(r["type"], r["head"]) for r in merged] == [
        ("director", "F1"),
        ("director", "F2"),
        ("release_date", "F"),
    ]


relation_records = st.builds(
    _rel,
    kind=st.sampled_from(["cast_member", "director", "spouse"]),
    head=st.sampled_from(["A", "B", "C"]),
    tail=st.sampled_from(["A", "B", "C"]),
    evidence=st.tuples(st.integers(0, 5), st.integers(6, 9)),
    confidence=st.sampled_from([0.5, 0.6, 0.75, 0.9]),
    character=st.sampled_from([None, "X", "Y"]),
)


def _merge_key(rel: dict) -> tuple[str, str, str]:
    head, tail = rel["head"], rel["tail"]
    if rel["type"] == "spouse":
        head, tail = sorted((head, tail))
    return rel["type"], head, tail


def _stable(merged: list[dict]) -> list[tuple]:
    return [(r["type"], r["head"], r["tail"], r["evidence"], r["confidence"]) for r in merged]


@settings(max_examples=200, deadline=None)
@given(st.lists(relation_records, max_size=8), st.randoms(use_true_random=False))
def test_merge_is_order_independent(relations, rnd):
    shuffled = list(relations)
    rnd.shuffle(shuffled)
    left, right = merge_relations(relations), merge_relations(shuffled)
    assert _stable(left) == _stable(right)
    # a character is kept exactly when some instance had one, and it is one of theirs
    for record in left:
        same = [r for r in relations if _merge_key(r) == _merge_key(record)]
        characters = {r.get("character") for r in same} - {None}
        assert (record.get("character") in characters) if characters else "character" not in record


def test_merge_character_is_order_independent():
    relations = [
        _rel("cast_member", "F", "P", (0, 1), 0.9),
        _rel("cast_member", "F", "P", (2, 3), 0.5, character="Y"),
        _rel("cast_member", "F", "P", (4, 5), 0.7, character="Z"),
    ]
    chosen = {
        merge_relations(list(order))[0]["character"] for order in itertools.permutations(relations)
    }
    assert chosen == {"Z"}


def test_merge_work_is_order_independent():
    relations = [
        _rel("award_won", "P", "A", (0, 1), 0.6, work="F1"),
        _rel("award_won", "P", "A", (2, 3), 0.9, work="F2"),
    ]
    orders = [relations, relations[::-1]]
    assert len({merge_relations(list(order))[0]["work"] for order in orders}) == 1
