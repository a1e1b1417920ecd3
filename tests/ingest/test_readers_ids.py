"""Article ids: from records, from paths, sanitised, and unique within a run."""

from __future__ import annotations

import json

import pytest

from extractor.ingest import Article, IngestFailure


def test_nested_folder_file_id_is_relative_path_with_dots(write, ingest, tmp_path):
    write("corpus/news/2024/ballerina.txt", "Ana de Armas stars.")

    results = ingest(tmp_path / "corpus")

    assert [r.id for r in results] == ["news.2024.ballerina"]


def test_single_file_id_is_its_stem(write, ingest_article):
    path = write("deep/folder/ballerina.txt", "Ana de Armas stars.")

    assert ingest_article(path).id == "ballerina"


def test_only_the_last_extension_is_dropped(write, ingest, tmp_path):
    write("corpus/review.v2.md", "Text.")

    assert [r.id for r in ingest(tmp_path / "corpus")] == ["review.v2"]


def test_record_id_wins_over_path(write, ingest_article):
    path = write("feed.jsonl", json.dumps({"id": "bbc-123", "text": "Text."}) + "\n")

    assert ingest_article(path).id == "bbc-123"


def test_numeric_record_id_becomes_a_string(write, ingest_article):
    path = write("feed.jsonl", json.dumps({"id": 42, "text": "Text."}) + "\n")

    assert ingest_article(path).id == "42"


def test_ids_are_sanitised(write, ingest, tmp_path):
    write("corpus/my review (final)!.txt", "Text one.")
    write(
        "corpus/feed.jsonl",
        json.dumps({"id": "Ana de Armas/Ballerina?", "text": "Text two."}) + "\n",
    )

    ids = [r.id for r in ingest(tmp_path / "corpus")]

    assert ids == ["Ana_de_Armas_Ballerina_", "my_review_final_"]


def test_records_without_id_get_file_id_and_position(write, ingest, tmp_path):
    write("corpus/feed.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    write("corpus/list.json", json.dumps([{"text": "Three."}, {"text": "Four."}]))
    write("corpus/single.json", json.dumps({"text": "Five."}))

    ids = [r.id for r in ingest(tmp_path / "corpus")]

    assert ids == ["feed.1", "feed.2", "list.0", "list.1", "single"]


def test_front_matter_id_wins_over_path(write, ingest_article):
    path = write("x.md", "---\nid: custom id\n---\nText.\n")

    assert ingest_article(path).id == "custom_id"


def test_duplicate_id_later_one_fails_and_rest_continues(write, ingest, tmp_path):
    first = write("corpus/a/story.txt", "First story.")
    write("corpus/b.jsonl", '{"id": "a.story", "text": "Clash."}\n{"id": "c", "text": "Fine."}\n')

    results = ingest(tmp_path / "corpus")

    assert isinstance(results[0], Article)
    assert results[0].text == "First story."
    assert results[1] == IngestFailure(
        source=f"{tmp_path / 'corpus' / 'b.jsonl'}:1",
        reason=f"duplicate id 'a.story', first seen in {first}",
        id="a.story",
    )
    assert isinstance(results[2], Article)
    assert results[2].id == "c"


def test_same_file_given_twice_is_a_duplicate(write, ingest):
    path = write("story.txt", "Text.")

    results = ingest(path, path)

    assert isinstance(results[0], Article)
    assert isinstance(results[1], IngestFailure)
    assert results[1].reason.startswith("duplicate id 'story'")


def test_article_rejects_invalid_id():
    with pytest.raises(ValueError, match="does not match"):
        Article(id="has space", text="x")
