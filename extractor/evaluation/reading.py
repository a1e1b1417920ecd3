"""Reading JSON objects from the file layouts FORMAT.md allows, keeping their locations.

A path is a ``.json`` file (one object, or a list of objects), a ``.jsonl`` file (one object
per line), or a folder of such files. Syntax errors are reported, not raised, so that
``validate`` can go on to the next line; the loaders turn them into :class:`FormatError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import FormatError, InputPathError
from extractor.evaluation.model import Location

ARTICLES_FILE = "articles.jsonl"
"""The pipeline writes article texts here, beside ``annotations.jsonl``."""


@dataclass(frozen=True)
class RawRecord:
    """One parsed JSON value, or the reason it could not be parsed.

    Attributes:
        location: file and line (line only for JSONL, and for syntax errors).
        value: the parsed value; ``None`` when ``error`` is set.
        error: a syntax error message, or ``None``.
    """

    location: Location
    value: Any = None
    error: str | None = None


def require_path(path: Path) -> Path:
    """Return ``path`` if it exists.

    Raises:
        InputPathError: when it does not.
    """
    if not path.exists():
        raise InputPathError(f"{path} does not exist; give an existing file or folder.")
    return path


def annotation_files(path: Path) -> list[Path]:
    """The files an input path stands for, in reading order.

    A folder stands for its ``*.json`` then its ``*.jsonl`` files, each sorted by name. The
    pipeline's ``articles.jsonl`` holds texts, not annotations, so it is left out.

    Raises:
        InputPathError: when ``path`` does not exist.
    """
    require_path(path)
    if not path.is_dir():
        return [path]
    jsonl = [p for p in sorted(path.glob("*.jsonl")) if p.name != ARTICLES_FILE]
    return sorted(path.glob("*.json")) + jsonl


def read_records(path: Path) -> Iterator[RawRecord]:
    """Yield every top-level object of a file or folder with its location.

    Items of a ``.json`` list are yielded one by one; all share the file's location.

    Raises:
        InputPathError: when ``path`` does not exist or a file cannot be read.
    """
    for file in annotation_files(path):
        text = _read_text(file)
        if file.suffix == ".jsonl":
            yield from _jsonl_records(file, text)
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            yield RawRecord(Location(file, err.lineno), error=f"invalid JSON: {err.msg}")
            continue
        for item in value if isinstance(value, list) else [value]:
            yield RawRecord(Location(file), item)


def parse_json_file(path: Path) -> Any:
    """Parse a whole ``.json`` file.

    Raises:
        InputPathError: when it cannot be read.
        FormatError: when it is not UTF-8 JSON, naming the line.
    """
    try:
        return json.loads(_read_text(path))
    except json.JSONDecodeError as err:
        raise FormatError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from err


def _jsonl_records(file: Path, text: str) -> Iterator[RawRecord]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        location = Location(file, number)
        try:
            yield RawRecord(location, json.loads(line))
        except json.JSONDecodeError as err:
            yield RawRecord(location, error=f"invalid JSON at column {err.colno}: {err.msg}")


def _read_text(file: Path) -> str:
    try:
        # utf-8 (not utf-8-sig): FORMAT.md forbids a BOM, and json.loads rejects one.
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise FormatError(f"{file}: not UTF-8 ({err.reason} at byte {err.start}).") from err
    except OSError as err:
        raise InputPathError(f"{file} cannot be read: {err.strerror}.") from err


def load_articles(path: Path) -> dict[str, str]:
    """Read an articles file (JSONL with ``id`` and ``text``) into texts by id.

    Args:
        path: the file, e.g. the pipeline's ``articles.jsonl``.

    Returns:
        Text by article id.

    Raises:
        InputPathError: when the file does not exist.
        FormatError: on a line that is not an object with string ``id`` and ``text``.
    """
    require_path(path)
    texts: dict[str, str] = {}
    for record in _jsonl_records(path, _read_text(path)):
        if record.error:
            raise FormatError(f"{record.location}: {record.error}")
        obj = record.value
        for name in ("id", "text"):
            if not isinstance(obj, dict) or not isinstance(obj.get(name), str):
                raise FormatError(f"{record.location}: {name}: expected a string")
        texts[obj["id"]] = obj["text"]
    return texts


def articles_beside(path: Path) -> Path | None:
    """The ``articles.jsonl`` that goes with an annotations file or folder, if there is one."""
    folder = path if path.is_dir() else path.parent
    candidate = folder / ARTICLES_FILE
    return candidate if candidate.is_file() and candidate != path else None
