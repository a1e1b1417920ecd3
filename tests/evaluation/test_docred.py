"""DocRED / Re-DocRED gold: conversion and film-scoped scoring, on a tiny inline document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import FormatError
from extractor.evaluation.docred import docred_article_id
from extractor.evaluation.loading import load_corpus
from extractor.evaluation.metrics import Counts
from extractor.evaluation.scoring import evaluate_corpora

from .helpers import article, corpus, ent, rel


def mention(name: str, kind: str, sent_id: int, start: int, end: int) -> dict:
    return {"name": name, "type": kind, "sent_id": sent_id, "pos": [start, end]}


TINY = {
    "title": "Song of Freedom (film)",
    "sents": [
        ["Song", "of", "Freedom", "is", "a", "1936", "film", "by", "J.", "Elder", "Wills", "."],
        ["It", "stars", "Paul", "Robeson", ",", "released", "on", "June", "3", ",", "1936", "."],
        ["Robeson", "'s", "son", "Paul", "Jr.", "met", "Edith", "Wills", "."],
    ],
    "vertexSet": [
        [mention("Song of Freedom", "MISC", 0, 0, 3)],  # 0: the film
        [mention("1936", "TIME", 0, 5, 6), mention("June 3, 1936", "TIME", 1, 7, 11)],  # 1
        [mention("J. Elder Wills", "PER", 0, 8, 11)],  # 2
        [mention("Paul Robeson", "PER", 1, 2, 4), mention("Robeson", "PER", 2, 0, 1)],  # 3
        [mention("Paul Jr.", "PER", 2, 3, 5)],  # 4
        [mention("Edith Wills", "PER", 2, 6, 8)],  # 5
        [mention("The Emperor Jones", "MISC", 2, 0, 1)],  # 6: a non-film work
    ],
    "labels": [
        {"r": "P57", "h": 0, "t": 2, "evidence": [0]},
        {"r": "P161", "h": 0, "t": 3, "evidence": [1]},
        {"r": "P577", "h": 0, "t": 1, "evidence": [0, 1]},
        {"r": "P40", "h": 3, "t": 4, "evidence": [2]},  # child: Robeson is the parent
        {"r": "P26", "h": 4, "t": 5, "evidence": [2]},
        {"r": "P26", "h": 4, "t": 5, "evidence": [2]},  # repeated label
        {"r": "P17", "h": 0, "t": 3, "evidence": []},  # not a relation we score
        {"r": "P162", "h": 6, "t": 2, "evidence": []},  # producer of a non-film head
    ],
}


@pytest.fixture
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps([TINY]), encoding="utf-8")
    return path


def test_docred_article_id_sanitises_the_title() -> None:
    assert docred_article_id("Song of Freedom (film)") == "docred-Song_of_Freedom_film"
    assert docred_article_id("Beyond Good &amp; Evil") == "docred-Beyond_Good_amp_Evil"
    assert docred_article_id("Ernesto D'Alessio") == "docred-Ernesto_D_Alessio"


def test_docred_conversion(tiny_file: Path) -> None:
    result = load_corpus(tiny_file)
    assert result.kind == "docred"
    (document,) = result.documents
    assert document.id == "docred-Song_of_Freedom_film"
    entities = document.entity_index
    assert [e.type for e in document.entities] == [
        "MISC",
        "DATE",
        "PERSON",
        "PERSON",
        "PERSON",
        "PERSON",
        "MISC",
    ]
    assert entities["e3"].name == "Paul Robeson"
    assert entities["e3"].aliases == ("Robeson",)
    # The most precise value of the cluster's mentions.
    assert entities["e1"].value == "1936-06-03"
    relations = {(r.type, r.head, r.tail) for r in document.relations}
    assert relations == {
        ("director", "e0", "e2"),
        ("cast_member", "e0", "e3"),
        ("release_date", "e0", "e1"),
        ("parent", "e4", "e3"),  # P40 inverted: the child is the head
        ("spouse", "e4", "e5"),  # once, although labelled twice
        ("producer", "e6", "e2"),
    }
    assert len(document.relations) == 6
    assert document.film_heads == frozenset({"e0"})


def test_docred_text_offsets_and_evidence(tiny_file: Path) -> None:
    (document,) = load_corpus(tiny_file).documents
    text = document.text
    assert text is not None
    for entity in document.entities:
        for m in entity.mentions:
            assert text[m.span.start : m.span.end] == m.text
    wills = document.entity_index["e2"].mentions[0]
    assert wills.text == "J. Elder Wills"
    release = next(r for r in document.relations if r.type == "release_date")
    assert [text[s.start : s.end] for s in release.evidence] == [
        "Song of Freedom is a 1936 film by J. Elder Wills .",
        "It stars Paul Robeson , released on June 3 , 1936 .",
    ]


def test_docred_relations_are_film_scoped(tiny_file: Path) -> None:
    gold = load_corpus(tiny_file)
    pred = corpus(
        article(
            [
                ent("f", "FILM", "Song of Freedom"),
                ent("w", "FILM", "The Emperor Jones"),
                ent("d", "PERSON", "J. Elder Wills"),
                ent("p", "PERSON", "Paul Robeson"),
                ent("j", "PERSON", "Paul Jr."),
                ent("e", "PERSON", "Edith Wills"),
                ent("t", "DATE", "June 3, 1936", value="1936-06-03"),
            ],
            [
                rel("director", "f", "d"),
                rel("release_date", "f", "t"),
                rel("parent", "j", "p"),
                rel("spouse", "e", "j"),
                # Producer of a gold non-film head: DocRED has no film gold there.
                rel("producer", "w", "d"),
                # Not in gold and on the film: a false positive.
                rel("screenwriter", "f", "d"),
            ],
            article_id="docred-Song_of_Freedom_film",
        )
    )
    result = evaluate_corpora(gold, pred)
    assert result.table("relations") == {
        "director": Counts(tp=1),
        "release_date": Counts(tp=1),
        "parent": Counts(tp=1),
        "spouse": Counts(tp=1),
        "cast_member": Counts(fn=1),
        "screenwriter": Counts(fp=1),
    }
    figures = result.figures()
    assert figures["relations_out_of_scope"] == 1
    assert figures["entities_scored"] is False
    assert result.table("entities") == {}


def test_docred_malformed_label_names_file_and_field(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(TINY))
    broken["labels"][1]["t"] = 99
    path = tmp_path / "broken.json"
    path.write_text(json.dumps([broken]), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_corpus(path)
    message = str(caught.value)
    assert str(path) in message
    assert "docred-Song_of_Freedom_film" in message
    assert "labels[1].t" in message


def test_docred_malformed_mention_position(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(TINY))
    broken["vertexSet"][2][0]["pos"] = [8, 40]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps([broken]), encoding="utf-8")
    with pytest.raises(FormatError, match=r"vertexSet\[2\]\[0\]\.pos"):
        load_corpus(path)
