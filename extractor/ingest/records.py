"""JSON and JSONL articles: objects with ``id``, ``text`` and optional ``title``, ``published``,
``url``; other fields are ignored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractor.ingest.decoding import decode_bytes, repair_text
from extractor.ingest.fields import optional_string, read_published, sanitise_id
from extractor.ingest.models import Article, UnusableInput

_JSON_KINDS = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
}


def parse_json_document(data: bytes) -> list[tuple[int | None, Any]]:
    """Parse a ``.json`` file holding one article object or a list of them.

    Args:
        data: the file's bytes.

    Returns:
        ``(index, record)`` pairs: index None for a single object, the list position otherwise.

    Raises:
        UnusableInput: the file is empty, not JSON, or neither an object nor a list.
    """
    try:
        document = json.loads(decode_bytes(data))
    except json.JSONDecodeError as error:
        raise UnusableInput(
            f"the file is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from error
    if isinstance(document, dict):
        return [(None, document)]
    if isinstance(document, list):
        if not document:
            raise UnusableInput("the file holds an empty JSON list")
        return list(enumerate(document))
    raise UnusableInput(f"the file holds {_kind(document)}, not a JSON object or list")


def iter_jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Read a ``.jsonl`` file line by line, skipping blank lines.

    Args:
        path: the file.

    Yields:
        ``(line_number, raw_line)``, line numbers counted from 1.

    Raises:
        OSError: the file cannot be read.
    """
    with path.open("rb") as lines:
        for line_number, raw_line in enumerate(lines, start=1):
            if raw_line.strip():
                yield line_number, raw_line


def parse_json_line(raw_line: bytes) -> Any:
    """Decode and parse one JSONL line.

    Args:
        raw_line: the line's bytes, line end included.

    Returns:
        The parsed JSON value.

    Raises:
        UnusableInput: the line is not decodable or not valid JSON.
    """
    try:
        return json.loads(decode_bytes(raw_line.strip()))
    except json.JSONDecodeError as error:
        raise UnusableInput(
            f"the line is not valid JSON ({error.msg} at column {error.colno})"
        ) from error


def record_id(record: Any) -> str | None:
    """The sanitised ``id`` a record gives itself, if any.

    Args:
        record: a parsed JSON value.

    Returns:
        The id, or None when the record is not an object or has no usable ``id``.
    """
    if not isinstance(record, dict):
        return None
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        return None
    raw_id = str(raw_id).strip()
    return sanitise_id(raw_id) if raw_id else None


def article_from_record(record: Any, *, article_id: str, source: str) -> Article:
    """Build an article from a JSON record, repairing mojibake in its text fields.

    Args:
        record: a parsed JSON value.
        article_id: the id to give the article (the record's own or a fallback).
        source: where the record came from.

    Returns:
        The article.

    Raises:
        UnusableInput: the record is not an object, or its text is missing, not a string or
            empty, or a metadata field has the wrong type.
    """
    if not isinstance(record, dict):
        raise UnusableInput(f"the record is {_kind(record)}, not a JSON object")
    if "text" not in record:
        raise UnusableInput("the record has no 'text' field")
    raw_text = record["text"]
    if not isinstance(raw_text, str):
        raise UnusableInput(f"field 'text' must be a string, not {_kind(raw_text)}")
    text = repair_text(raw_text)
    if not text.strip():
        raise UnusableInput("the record's text is empty")
    title = optional_string(record.get("title"), "title")
    return Article(
        id=article_id,
        text=text,
        title=None if title is None else repair_text(title),
        published=read_published(record.get("published"), source),
        url=optional_string(record.get("url"), "url"),
        source=source,
    )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return _JSON_KINDS.get(type(value), type(value).__name__)
