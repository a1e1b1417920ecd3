"""Streaming writers of a run's output files (see the package docstring)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ANNOTATIONS_FILE = "annotations.jsonl"
ARTICLES_FILE = "articles.jsonl"
ERRORS_FILE = "errors.jsonl"
ROLE_TYPES = ("director", "screenwriter", "producer", "cast_member", "composer", "creator")
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities.csv": (
        "article",
        "entity_id",
        "type",
        "name",
        "aliases",
        "value",
        "mentions",
        "confidence",
    ),
    "mentions.csv": ("article", "entity_id", "type", "start", "end", "text"),
    "relations.csv": (
        "article",
        "type",
        "head_id",
        "head",
        "tail_id",
        "tail",
        "character",
        "work",
        "confidence",
        "evidence",
    ),
    "credits.csv": ("work", "person", "role", "character", "article", "evidence"),
}
MULTI_VALUE_SEPARATOR = " | "


def dump_json_line(record: dict) -> str:
    """One JSONL line: UTF-8 text, keys in the record's order, no trailing spaces."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_jsonl(path: Path) -> Iterator[dict]:
    """Records of a JSONL file written by this module (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def article_record(article) -> dict:
    """The ``articles.jsonl`` record of an ingested article."""
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "source": article.source,
        "text": article.text,
        "text_sha256": article.text_sha256,
    }


def evidence_text(text: str, evidence: list[dict]) -> str:
    """The sentence(s) a relation's evidence spans cover, whitespace folded."""
    parts = [" ".join(text[span["start"] : span["end"]].split()) for span in evidence]
    return " … ".join(part for part in parts if part)


class RunWriter:
    """Open the output files of a run and append one article at a time.

    Args:
        out_dir: the output folder (created if missing).

    Use as a context manager; files are complete when it exits.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._handles: list[IO[str]] = []
        self._tables: dict[str, csv.writer] = {}

    def __enter__(self) -> RunWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._annotations = self._open(ANNOTATIONS_FILE)
        self._articles = self._open(ARTICLES_FILE)
        self._errors = self._open(ERRORS_FILE)
        for name, columns in TABLE_COLUMNS.items():
            writer = csv.writer(self._open(name), lineterminator="\n")
            writer.writerow(columns)
            self._tables[name] = writer
        return self

    def _open(self, name: str) -> IO[str]:
        handle = (self.out_dir / name).open("w", encoding="utf-8", newline="")
        self._handles.append(handle)
        return handle

    def __exit__(self, *exc_info) -> None:
        for handle in self._handles:
            handle.close()

    def write_failure(self, source: str, reason: str, article_id: str | None) -> None:
        """Record an article that could not be read or processed."""
        self._errors.write(dump_json_line({"id": article_id, "source": source, "reason": reason}))

    def write_article(self, article: dict, annotation: dict) -> None:
        """Append one article's record, annotation and table rows."""
        self._articles.write(dump_json_line(article))
        self._annotations.write(dump_json_line(annotation))
        self._write_tables(article["text"], annotation)

    def _write_tables(self, text: str, annotation: dict) -> None:
        article_id = annotation["id"]
        entities = {entity["id"]: entity for entity in annotation["entities"]}
        for entity in annotation["entities"]:
            self._tables["entities.csv"].writerow(
                (
                    article_id,
                    entity["id"],
                    entity["type"],
                    entity["name"],
                    MULTI_VALUE_SEPARATOR.join(entity.get("aliases", [])),
                    entity.get("value", ""),
                    len(entity.get("mentions", [])),
                    entity.get("confidence", ""),
                )
            )
            for mention in entity.get("mentions", []):
                self._tables["mentions.csv"].writerow(
                    (
                        article_id,
                        entity["id"],
                        entity["type"],
                        mention["start"],
                        mention["end"],
                        mention["text"],
                    )
                )

        def name(entity_id: str | None) -> str:
            return entities[entity_id]["name"] if entity_id in entities else ""

        for rel in annotation["relations"]:
            evidence = evidence_text(text, rel.get("evidence", []))
            self._tables["relations.csv"].writerow(
                (
                    article_id,
                    rel["type"],
                    rel["head"],
                    name(rel["head"]),
                    rel["tail"],
                    name(rel["tail"]),
                    name(rel.get("character")),
                    name(rel.get("work")),
                    rel.get("confidence", ""),
                    evidence,
                )
            )
            if rel["type"] in ROLE_TYPES:
                self._tables["credits.csv"].writerow(
                    (
                        name(rel["head"]),
                        name(rel["tail"]),
                        rel["type"],
                        name(rel.get("character")),
                        article_id,
                        evidence,
                    )
                )
