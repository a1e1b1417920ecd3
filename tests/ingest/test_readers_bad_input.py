"""Bad input never stops a run; a missing input path stops it before anything is read."""

from __future__ import annotations

import json
import os

import pytest

from extractor.errors import InputPathError
from extractor.ingest import Article, IngestFailure, check_inputs, iter_articles


def test_empty_file_is_a_failure(write, ingest_failure):
    path = write("empty.txt", b"")

    failure = ingest_failure(path)

    assert failure == IngestFailure(source=str(path), reason="the file is empty", id="empty")


def test_whitespace_only_file_is_a_failure(write, ingest_failure):
    assert ingest_failure(write("blank.txt", " \n\t\r\n")).reason == "the file is empty"


def test_binary_file_is_a_failure(write, ingest_failure):
    failure = ingest_failure(write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))

    assert "binary" in failure.reason


def test_bad_files_do_not_stop_the_folder(write, ingest, tmp_path):
    write("corpus/a_empty.txt", b"")
    write("corpus/b_binary.html", b"\x00\x01\x02\x03")
    write("corpus/c_good.txt", "Good text.")
    write("corpus/d_broken.json", "{not json")

    results = ingest(tmp_path / "corpus")

    assert [type(r).__name__ for r in results] == [
        "IngestFailure",
        "IngestFailure",
        "Article",
        "IngestFailure",
    ]
    assert results[2].text == "Good text."
    assert "not valid JSON" in results[3].reason


def test_broken_jsonl_line_is_a_failure_and_the_rest_is_read(write, ingest):
    path = write(
        "feed.jsonl",
        '{"id": "a", "text": "Alpha."}\n'
        '{"id": "b", "text": "Beta.\n'
        '{"id": "c", "text": "Gamma."}\n',
    )

    results = ingest(path)

    assert [type(r).__name__ for r in results] == ["Article", "IngestFailure", "Article"]
    assert results[1].source == f"{path}:2"
    assert "not valid JSON" in results[1].reason
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "c"]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": "x"}, "the record has no 'text' field"),
        ({"id": "x", "text": None}, "field 'text' must be a string, not null"),
        ({"id": "x", "text": ["a"]}, "field 'text' must be a string, not an array"),
        ({"id": "x", "text": "  \n "}, "the record's text is empty"),
        (
            {"id": "x", "text": "ok", "title": {"a": 1}},
            "field 'title' must be a string, not a mapping",
        ),
    ],
)
def test_unusable_record_is_a_failure_with_its_id(write, ingest_failure, record, reason):
    path = write("feed.jsonl", json.dumps(record) + "\n")

    failure = ingest_failure(path)

    assert failure == IngestFailure(source=f"{path}:1", reason=reason, id="x")


def test_json_list_item_that_is_not_an_object_is_a_failure(write, ingest):
    path = write("list.json", json.dumps([{"id": "a", "text": "Fine."}, "just a string"]))

    results = ingest(path)

    assert isinstance(results[0], Article)
    assert results[1] == IngestFailure(
        source=f"{path}#1", reason="the record is a string, not a JSON object", id="list.1"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[]", "the file holds an empty JSON list"),
        ("42", "the file holds a number, not a JSON object or list"),
        ("{broken", "the file is not valid JSON"),
    ],
)
def test_unusable_json_file_is_a_failure(write, ingest_failure, content, reason):
    assert ingest_failure(write("x.json", content)).reason.startswith(reason)


def test_jsonl_with_only_blank_lines_is_a_failure(write, ingest_failure):
    assert ingest_failure(write("x.jsonl", "\n  \n")).reason == "the file is empty"


def test_html_without_main_text_is_a_failure(write, ingest_failure):
    failure = ingest_failure(write("x.html", "<html><body><script>var a;</script></body></html>"))

    assert failure.reason == "no main text was found in the HTML"


def test_missing_path_raises_before_anything_is_read(write, tmp_path):
    good = write("good.txt", "Text.")

    with pytest.raises(InputPathError, match="does not exist") as raised:
        iter_articles([good, tmp_path / "missing.txt"])

    assert raised.value.code == "E001"


def test_check_inputs_accepts_existing_files_and_folders(write, tmp_path):
    write("corpus/a.txt", "Text.")

    check_inputs([tmp_path / "corpus", tmp_path / "corpus" / "a.txt"])


def test_unreadable_path_raises(write, tmp_path, monkeypatch):
    path = write("corpus/secret.txt", "Text.")
    # Permission bits cannot lock out root (the usual CI user), so deny access the way the
    # operating system would report it.
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)

    with pytest.raises(InputPathError, match="input file .* cannot be read"):
        check_inputs([path])
    with pytest.raises(InputPathError, match="input folder .* cannot be read"):
        check_inputs([tmp_path / "corpus"])
