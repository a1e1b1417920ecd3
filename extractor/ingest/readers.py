"""Files and folders to articles: discovery, one reader per format, ids and duplicates."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import InputPathError
from extractor.ingest.decoding import decode_bytes, repair_text
from extractor.ingest.fields import (
    normalise_published,
    optional_string,
    read_published,
    sanitise_id,
)
from extractor.ingest.html import declared_charset, extract_html
from extractor.ingest.markdown import split_front_matter
from extractor.ingest.models import Article, IngestFailure, UnusableInput
from extractor.ingest.records import (
    article_from_record,
    iter_jsonl_lines,
    parse_json_document,
    parse_json_line,
    record_id,
)

IngestResult = Article | IngestFailure


@dataclass(frozen=True)
class InputFile:
    """One file to read.

    Attributes:
        path: where to read it.
        source: how to name it in results: the path as the user gave it (for a file found in a
            folder, that folder as given joined with the file's relative path).
        file_id: the article id the file's path implies, already sanitised.
    """

    path: Path
    source: str
    file_id: str


def check_inputs(inputs: Sequence[str | Path] | str | Path) -> None:
    """Check that every input path exists and can be read.

    Args:
        inputs: files and folders given by the user (or a single path).

    Raises:
        InputPathError: a path is missing, unreadable, or neither a file nor a folder.
    """
    for given in _as_path_list(inputs):
        path = Path(given)
        if not path.exists():
            raise InputPathError(f"input path {os.fspath(given)!r} does not exist")
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputPathError(f"input folder {os.fspath(given)!r} cannot be read")
        elif path.is_file():
            if not os.access(path, os.R_OK):
                raise InputPathError(f"input file {os.fspath(given)!r} cannot be read")
        else:
            raise InputPathError(f"input path {os.fspath(given)!r} is neither a file nor a folder")


def iter_articles(inputs: Sequence[str | Path] | str | Path) -> Iterator[IngestResult]:
    """Read articles from files and folders, one at a time.

    Folders are searched recursively in sorted order; hidden files and folders, and files of
    unsupported types, are skipped there. A file named directly is always read, and an
    unsupported type is reported as a failure. Supported: ``.txt``, ``.md`` (optional YAML
    front matter), ``.html``/``.htm``, ``.json`` (one object or a list) and ``.jsonl``.

    Bad input never stops the run: each unreadable file or record becomes an
    :class:`IngestFailure` and reading continues. A later article whose id was already seen
    is a failure too.

    Args:
        inputs: files and folders (or a single path).

    Returns:
        An iterator over articles and failures, in a deterministic order.

    Raises:
        InputPathError: an input path is missing or unreadable; raised by this call, before
            anything is read.
    """
    given = _as_path_list(inputs)
    check_inputs(given)
    return _iter_checked_inputs(given)


def _as_path_list(inputs: Sequence[str | Path] | str | Path) -> list[str | Path]:
    # A lone path is a str, itself a sequence: iterating it would yield one-letter "paths".
    if isinstance(inputs, str | os.PathLike):
        return [inputs]
    return list(inputs)


def _iter_checked_inputs(given: list[str | Path]) -> Iterator[IngestResult]:
    first_seen: dict[str, str] = {}
    for input_file in _iter_input_files(given):
        if isinstance(input_file, IngestFailure):
            yield input_file
            continue
        for result in _read_input_file(input_file):
            if isinstance(result, Article):
                if result.id in first_seen:
                    yield IngestFailure(
                        source=result.source,
                        reason=f"duplicate id {result.id!r}, first seen in {first_seen[result.id]}",
                        id=result.id,
                    )
                    continue
                first_seen[result.id] = result.source
            yield result


def _iter_input_files(given: list[str | Path]) -> Iterator[InputFile | IngestFailure]:
    for raw_path in given:
        path = Path(raw_path)
        if path.is_dir():
            yield from _iter_folder(path, os.fspath(raw_path))
        else:
            yield InputFile(path=path, source=os.fspath(raw_path), file_id=sanitise_id(path.stem))


def _iter_folder(folder: Path, shown_as: str) -> Iterator[InputFile | IngestFailure]:
    unreadable: list[OSError] = []
    relative_paths: list[Path] = []
    for directory, subdirectories, filenames in os.walk(folder, onerror=unreadable.append):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for filename in filenames:
            if not filename.startswith(".") and Path(filename).suffix.lower() in _READERS:
                relative_paths.append(Path(directory, filename).relative_to(folder))
    for error in unreadable:
        yield IngestFailure(
            source=os.fspath(error.filename), reason=f"the folder cannot be read ({error.strerror})"
        )
    for relative in sorted(relative_paths, key=lambda relative_path: relative_path.parts):
        yield InputFile(
            path=folder / relative,
            source=os.path.join(shown_as, *relative.parts),
            file_id=sanitise_id(".".join(relative.with_suffix("").parts)),
        )


def _read_input_file(input_file: InputFile) -> Iterator[IngestResult]:
    suffix = input_file.path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        supported = ", ".join(sorted(_READERS))
        described = f"type {suffix!r}" if suffix else "type (no file extension)"
        yield IngestFailure(
            source=input_file.source,
            reason=f"unsupported file {described}; supported are {supported}",
        )
        return
    try:
        yield from reader(input_file)
    except UnusableInput as problem:
        yield IngestFailure(source=input_file.source, reason=problem.reason, id=input_file.file_id)
    except OSError as error:
        yield IngestFailure(
            source=input_file.source,
            reason=f"the file cannot be read ({error.strerror or error})",
            id=input_file.file_id,
        )


def _read_text_file(path: Path) -> str:
    return repair_text(decode_bytes(path.read_bytes()))


def _require_text(text: str, reason: str) -> str:
    if not text.strip():
        raise UnusableInput(reason)
    return text


# "Published: 2025-08-11" on one of the first lines of a plain-text export.
DATELINE = re.compile(
    r"^(?:published|posted|date|updated|first published)\s*(?:on)?\s*:?\s*(?P<date>.+?)\s*$",
    re.IGNORECASE,
)
DATELINE_SEARCH_LINES = 4


def read_dateline(text: str) -> str | None:
    """The publication date a plain-text article states on an early ``Published:`` line."""
    for line in text.splitlines()[:DATELINE_SEARCH_LINES]:
        match = DATELINE.match(line.strip())
        if match:
            published = normalise_published(match.group("date"))
            if published:
                return published
    return None


def _read_txt(input_file: InputFile) -> Iterator[IngestResult]:
    text = _require_text(_read_text_file(input_file.path), "the file is empty")
    yield Article(
        id=input_file.file_id,
        text=text,
        published=read_dateline(text),
        source=input_file.source,
    )


def _read_markdown(input_file: InputFile) -> Iterator[IngestResult]:
    parts = split_front_matter(_read_text_file(input_file.path))
    fields = parts.fields
    text = _require_text(
        parts.body, "the file has no text after its front matter" if fields else "the file is empty"
    )
    yield Article(
        id=record_id(fields) or input_file.file_id,
        text=text,
        title=optional_string(fields.get("title"), "title"),
        published=read_published(fields.get("published"), input_file.source),
        url=optional_string(fields.get("url"), "url"),
        source=input_file.source,
    )


def _read_html(input_file: InputFile) -> Iterator[IngestResult]:
    data = input_file.path.read_bytes()
    content = extract_html(repair_text(decode_bytes(data, declared_charset(data))))
    yield Article(
        id=input_file.file_id,
        text=content.text,
        title=content.title,
        published=content.published,
        url=content.url,
        source=input_file.source,
        emphasis=content.emphasis,
    )


def _read_json(input_file: InputFile) -> Iterator[IngestResult]:
    for index, record in parse_json_document(input_file.path.read_bytes()):
        if index is None:
            source, fallback_id = input_file.source, input_file.file_id
        else:
            source, fallback_id = f"{input_file.source}#{index}", f"{input_file.file_id}.{index}"
        yield _record_result(record, source=source, fallback_id=fallback_id)


def _read_jsonl(input_file: InputFile) -> Iterator[IngestResult]:
    any_records = False
    for line_number, raw_line in iter_jsonl_lines(input_file.path):
        any_records = True
        source = f"{input_file.source}:{line_number}"
        try:
            record = parse_json_line(raw_line)
        except UnusableInput as problem:
            yield IngestFailure(source=source, reason=problem.reason)
            continue
        yield _record_result(
            record, source=source, fallback_id=f"{input_file.file_id}.{line_number}"
        )
    if not any_records:
        raise UnusableInput("the file is empty")


def _record_result(record: object, *, source: str, fallback_id: str) -> IngestResult:
    article_id = record_id(record) or fallback_id
    try:
        return article_from_record(record, article_id=article_id, source=source)
    except UnusableInput as problem:
        return IngestFailure(source=source, reason=problem.reason, id=article_id)


_READERS: dict[str, Callable[[InputFile], Iterator[IngestResult]]] = {
    ".txt": _read_txt,
    ".md": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}
