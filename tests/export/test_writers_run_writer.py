"""RunWriter: one hand-built annotation in, exact table rows and JSONL lines out."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from extractor.export import ERRORS_FILE, TABLE_COLUMNS, RunWriter, article_record, read_jsonl
from extractor.ingest import Article

TEXT = "Ballerina stars Ana de Armas as Rooney.\nIt was  directed by\nLen Wiseman."
ARTICLE = Article(id="ballerina", text=TEXT, title="Ballerina", source="in/ballerina.txt")
ANNOTATION = {
    "format": "article-annotations/1",
    "id": "ballerina",
    "text_sha256": ARTICLE.text_sha256,
    "entities": [
        {
            "id": "e1",
            "type": "FILM",
            "name": "Ballerina",
            "mentions": [{"start": 0, "end": 9, "text": "Ballerina"}],
            "confidence": 0.85,
        },
        {
            "id": "e2",
            "type": "PERSON",
            "name": "Ana de Armas",
            "aliases": ["de Armas", "Armas"],
            "mentions": [{"start": 16, "end": 28, "text": "Ana de Armas"}],
            "confidence": 0.9,
        },
        {
            "id": "e3",
            "type": "CHARACTER",
            "name": "Rooney",
            "mentions": [{"start": 32, "end": 38, "text": "Rooney"}],
            "confidence": 0.7,
        },
        {"id": "e4", "type": "PERSON", "name": "Len Wiseman", "confidence": 0.95},
        {"id": "e5", "type": "DATE", "name": "2024", "value": "2024"},
    ],
    "relations": [
        {
            "type": "cast_member",
            "head": "e1",
            "tail": "e2",
            "character": "e3",
            "evidence": [{"start": 0, "end": 39}],
            "confidence": 0.9,
        },
        {
            "type": "director",
            "head": "e1",
            "tail": "e4",
            "evidence": [{"start": 40, "end": 72}],
            "confidence": 0.8,
        },
        {"type": "release_date", "head": "e1", "tail": "e5", "evidence": [], "confidence": 0.5},
    ],
}


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(out: Path) -> None:
    with RunWriter(out) as writer:
        writer.write_article(article_record(ARTICLE), ANNOTATION)


def test_writers_run_writer_writes_entity_and_mention_rows(tmp_path: Path):
    _write(tmp_path)

    assert _rows(tmp_path / "entities.csv") == [
        list(TABLE_COLUMNS["entities.csv"]),
        ["ballerina", "e1", "FILM", "Ballerina", "", "", "1", "0.85"],
        ["ballerina", "e2", "PERSON", "Ana de Armas", "de Armas | Armas", "", "1", "0.9"],
        ["ballerina", "e3", "CHARACTER", "Rooney", "", "", "1", "0.7"],
        ["ballerina", "e4", "PERSON", "Len Wiseman", "", "", "0", "0.95"],
        ["ballerina", "e5", "DATE", "2024", "", "2024", "0", ""],
    ]
    assert _rows(tmp_path / "mentions.csv") == [
        ["article", "entity_id", "type", "start", "end", "text"],
        ["ballerina", "e1", "FILM", "0", "9", "Ballerina"],
        ["ballerina", "e2", "PERSON", "16", "28", "Ana de Armas"],
        ["ballerina", "e3", "CHARACTER", "32", "38", "Rooney"],
    ]


def test_writers_run_writer_writes_relation_and_credit_rows(tmp_path: Path):
    _write(tmp_path)

    cast_evidence = "Ballerina stars Ana de Armas as Rooney."
    director_evidence = "It was directed by Len Wiseman."
    assert _rows(tmp_path / "relations.csv") == [
        list(TABLE_COLUMNS["relations.csv"]),
        ["ballerina", "cast_member", "e1", "Ballerina", "e2", "Ana de Armas", "Rooney", "", "0.9",
         cast_evidence],
        ["ballerina", "director", "e1", "Ballerina", "e4", "Len Wiseman", "", "", "0.8",
         director_evidence],
        ["ballerina", "release_date", "e1", "Ballerina", "e5", "2024", "", "", "0.5", ""],
    ]  # fmt: skip
    # release_date is not a credit
    assert _rows(tmp_path / "credits.csv") == [
        ["work", "person", "role", "character", "article", "evidence"],
        ["Ballerina", "Ana de Armas", "cast_member", "Rooney", "ballerina", cast_evidence],
        ["Ballerina", "Len Wiseman", "director", "", "ballerina", director_evidence],
    ]


def test_writers_run_writer_writes_jsonl_records_unchanged(tmp_path: Path):
    _write(tmp_path)

    assert list(read_jsonl(tmp_path / "annotations.jsonl")) == [ANNOTATION]
    [article] = read_jsonl(tmp_path / "articles.jsonl")
    assert article == {
        "id": "ballerina",
        "title": "Ballerina",
        "published": None,
        "url": None,
        "source": "in/ballerina.txt",
        "text": TEXT,
        "text_sha256": ARTICLE.text_sha256,
    }
    assert (tmp_path / ERRORS_FILE).read_text(encoding="utf-8") == ""


def test_writers_run_writer_without_articles_writes_headers_only(tmp_path: Path):
    with RunWriter(tmp_path / "new" / "folder"):
        pass

    out = tmp_path / "new" / "folder"
    for name, columns in TABLE_COLUMNS.items():
        assert (out / name).read_text(encoding="utf-8") == ",".join(columns) + "\n"
    for name in ("annotations.jsonl", "articles.jsonl", "errors.jsonl"):
        assert (out / name).read_text(encoding="utf-8") == ""


def test_writers_run_writer_records_failures(tmp_path: Path):
    with RunWriter(tmp_path) as writer:
        writer.write_failure("in/photo.txt", "the file looks binary", "photo")
        writer.write_failure("in/feed.jsonl:2", "the line is not valid JSON", None)

    lines = (tmp_path / ERRORS_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": "photo", "source": "in/photo.txt", "reason": "the file looks binary"},
        {"id": None, "source": "in/feed.jsonl:2", "reason": "the line is not valid JSON"},
    ]
    assert (tmp_path / "annotations.jsonl").read_text(encoding="utf-8") == ""


def test_writers_run_writer_names_unknown_entity_ids_as_empty(tmp_path: Path):
    annotation = {
        "id": "x",
        "entities": [{"id": "e1", "type": "FILM", "name": "Tenet"}],
        "relations": [
            {"type": "director", "head": "e1", "tail": "e9", "character": "e8", "confidence": 0.5}
        ],
    }

    with RunWriter(tmp_path) as writer:
        writer.write_article({"id": "x", "text": "Tenet."}, annotation)

    assert _rows(tmp_path / "credits.csv")[1] == ["Tenet", "", "director", "", "x", ""]
    assert _rows(tmp_path / "relations.csv")[1][:8] == [
        "x", "director", "e1", "Tenet", "e9", "", "", "",
    ]  # fmt: skip


def test_writers_csv_cells_with_commas_quotes_and_newlines_round_trip(tmp_path: Path):
    name = 'Crouching Tiger, "Hidden"\nDragon'
    annotation = {
        "id": "x",
        "entities": [{"id": "e1", "type": "FILM", "name": name, "aliases": ["A, B"]}],
        "relations": [],
    }

    with RunWriter(tmp_path) as writer:
        writer.write_article({"id": "x", "text": name}, annotation)

    assert _rows(tmp_path / "entities.csv")[1][3:5] == [name, "A, B"]
