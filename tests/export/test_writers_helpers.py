"""The small functions of the export writers: evidence text, JSONL lines, article records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from extractor.export import article_record, dump_json_line, read_jsonl
from extractor.export.writers import evidence_text
from extractor.ingest import Article


def test_writers_evidence_text_folds_whitespace():
    text = "Intro.  The film,\n\tdirected by\u00a0Len   Wiseman,\r\nopens soon. Outro."
    start = text.index("The")
    end = text.index(" Outro")

    assert evidence_text(text, [{"start": start, "end": end}]) == (
        "The film, directed by Len Wiseman, opens soon."
    )


def test_writers_evidence_text_joins_spans_and_drops_empty_ones():
    text = "First part.   Middle.  Second part."
    spans = [{"start": 0, "end": 11}, {"start": 11, "end": 14}, {"start": 23, "end": 35}]

    assert evidence_text(text, spans) == "First part. … Second part."
    assert evidence_text(text, []) == ""


def test_writers_dump_json_line_keeps_key_order_and_unicode():
    record = {"id": "z", "b": [1, 2.5], "a": "Beyoncé — “Lemonade”", "none": None}

    line = dump_json_line(record)

    assert line == '{"id":"z","b":[1,2.5],"a":"Beyoncé — “Lemonade”","none":null}\n'
    assert dump_json_line(dict(record)) == line
    assert json.loads(line) == record
    assert list(json.loads(line)) == ["id", "b", "a", "none"]


def test_writers_dump_json_line_is_one_line_for_any_text():
    record = {"text": "line one\nline two\r\n\u2028para\u2029end\x85", "n": 1}

    line = dump_json_line(record)

    assert line.endswith("\n") and line.count("\n") == 1
    assert json.loads(line) == record


def test_writers_read_jsonl_round_trips_lines_with_unicode_separators(tmp_path: Path):
    records = [{"id": "a", "text": "para\u2028break"}, {"id": "b", "text": "nel\x85x"}]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(dump_json_line(r) for r in records) + "\n", encoding="utf-8")

    assert list(read_jsonl(path)) == records


def test_writers_article_record_has_the_articles_jsonl_fields():
    article = Article(
        id="a1",
        text="Text é.",
        title="T",
        published="2024-01-02",
        url="https://example.com/a1",
        source="in/a1.md",
    )

    record = article_record(article)

    assert list(record) == ["id", "title", "published", "url", "source", "text", "text_sha256"]
    assert record["text_sha256"] == hashlib.sha256("Text é.".encode()).hexdigest()
    assert record["published"] == "2024-01-02" and record["source"] == "in/a1.md"
