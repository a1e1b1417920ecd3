"""``extractor validate``: check gold or prediction files against the format contract.

Two layers: the JSON Schema in ``schema/`` (fields, types, enums), then what a schema cannot
say (ids unique and resolvable, relation argument types, offsets and mention texts against
the article text, the text hash). Every problem is reported, not just the first.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from jsonschema import Draft202012Validator, ValidationError

from extractor.evaluation.loading import is_docred
from extractor.evaluation.model import Location, text_sha256
from extractor.evaluation.reading import (
    annotation_files,
    articles_beside,
    load_articles,
    parse_json_file,
    read_records,
    require_path,
)
from extractor.evaluation.vocabulary import (
    CHARACTER_RELATION,
    ENTITY_TYPES,
    RELATION_SIGNATURES,
    WORK_RELATIONS,
)

SCHEMA_FILE = "article-annotations-1.schema.json"

_Report = Callable[[str, str], "Problem"]
"""Makes a Problem of the article being checked from a field path and a message."""


@cache
def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``article-annotations/1``."""
    source = resources.files("extractor.evaluation").joinpath("schema").joinpath(SCHEMA_FILE)
    return json.loads(source.read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one article object.

    Attributes:
        location: file and line.
        article: the article id (``?`` when it cannot be read).
        field: path of the field, e.g. ``entities[3].mentions[0].end`` (empty: the object).
        message: what is wrong.
    """

    location: Location
    article: str
    field: str
    message: str

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.location}: article {self.article}: {field}{self.message}"


def validate_command(
    paths: list[Path], out: TextIO = sys.stdout, articles: Path | None = None
) -> int:
    """Validate annotation files and print one line per problem, then a summary.

    The article text that offsets are checked against comes from the object's ``text``
    field, else from ``articles``, else from an ``articles.jsonl`` beside the validated file
    (as the pipeline writes it). Without a text, offsets are only checked for sanity.

    Args:
        paths: ``.json``/``.jsonl`` files or folders of them.
        out: where to print.
        articles: JSONL file of ``{"id", "text"}`` objects (``--articles``).

    Returns:
        1 when any problem was found, 0 otherwise.

    Raises:
        InputPathError: when a path or the articles file does not exist.
        FormatError: when the articles file is malformed.
    """
    for path in paths:
        require_path(path)
    explicit_texts = load_articles(articles) if articles is not None else None
    problems: list[Problem] = []
    article_count = 0
    file_count = 0
    seen_ids: dict[str, Location] = {}
    for path in paths:
        file_count += len(annotation_files(path))
        if explicit_texts is not None:
            texts = explicit_texts
        else:
            beside = articles_beside(path)
            texts = load_articles(beside) if beside is not None else {}
        if path.is_file() and path.suffix == ".json" and is_docred(parse_json_file(path)):
            problems.append(
                Problem(
                    Location(path),
                    "?",
                    "",
                    "this is a DocRED file; validate checks article-annotations/1 "
                    "(evaluate reads DocRED gold as it is)",
                )
            )
            continue
        for record in read_records(path):
            article_count += 1
            if record.error:
                problems.append(Problem(record.location, "?", "", record.error))
                continue
            found = list(validate_article(record.value, record.location, texts))
            article_id = _article_id(record.value)
            if article_id != "?":
                if article_id in seen_ids:
                    found.append(
                        Problem(
                            record.location,
                            article_id,
                            "id",
                            f"article id already used at {seen_ids[article_id]}",
                        )
                    )
                else:
                    seen_ids[article_id] = record.location
            problems.extend(found)
    for problem in problems:
        print(problem, file=out)
    verdict = f"{len(problems)} problem(s)" if problems else "no problems"
    print(f"checked {article_count} article(s) in {file_count} file(s): {verdict}", file=out)
    return 1 if problems else 0


def validate_article(obj: Any, location: Location, texts: dict[str, str]) -> Iterator[Problem]:
    """Check one article object against the schema and the rules beyond it.

    Args:
        obj: the parsed object.
        location: where it was read.
        texts: article texts by id, used when the object has no ``text`` field.

    Yields:
        Problems, in a stable order (schema problems sorted by field, then the others).
    """
    article = _article_id(obj)

    def problem(field: str, message: str) -> Problem:
        return Problem(location, article, field, message)

    yield from _schema_problems(obj, problem)
    if not isinstance(obj, dict):
        return
    entities: dict[str, dict[str, Any]] = {}
    for entity in _objects(obj.get("entities")):
        if isinstance(entity.get("id"), str):
            # The first of duplicate ids is the one references are checked against.
            entities.setdefault(entity["id"], entity)
    yield from _entity_id_problems(obj, problem)
    yield from _relation_problems(obj, entities, problem)
    text, source = _article_text(obj, texts)
    declared = obj.get("text_sha256")
    if text is not None and isinstance(declared, str) and declared != text_sha256(text):
        yield problem(
            "text_sha256",
            f"does not match the article text from {source}; offsets were only checked for sanity",
        )
        text = None
    yield from _offset_problems(obj, text, problem)


def _article_id(obj: Any) -> str:
    if isinstance(obj, dict) and isinstance(obj.get("id"), str):
        return obj["id"]
    return "?"


def _objects(value: Any) -> list[dict[str, Any]]:
    """The objects of a list field, skipping what the schema already reported."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _indexed(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _field_path(parts: Any) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _schema_problems(obj: Any, problem: _Report) -> Iterator[Problem]:
    errors = sorted(_validator().iter_errors(obj), key=lambda e: [str(p) for p in e.path])
    reported: set[tuple[str, str]] = set()
    for error in errors:
        for field, message in _describe(error):
            if (field, message) not in reported:
                reported.add((field, message))
                yield problem(field, message)


def _describe(error: ValidationError) -> list[tuple[str, str]]:
    """Field path and message of a schema error; a missing field is named in the path."""
    where = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        return [(_field_path([*where, name]), "required field is missing") for name in missing]
    return [(_field_path(where), error.message)]


def _entity_id_problems(obj: dict[str, Any], problem: _Report) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, entity in _indexed(obj.get("entities")):
        entity_id = entity.get("id")
        if not isinstance(entity_id, str):
            continue
        if entity_id in first:
            yield problem(
                f"entities[{index}].id",
                f"duplicate entity id {entity_id!r} (also entities[{first[entity_id]}])",
            )
        else:
            first[entity_id] = index


def _relation_problems(
    obj: dict[str, Any], entities: dict[str, dict[str, Any]], problem: _Report
) -> Iterator[Problem]:
    for index, relation in _indexed(obj.get("relations")):
        field = f"relations[{index}]"
        kind = relation.get("type")
        heads, tails = RELATION_SIGNATURES.get(kind, (None, None))
        for role, allowed in (("head", heads), ("tail", tails)):
            yield from _reference(relation, role, allowed, entities, kind, field, problem)
        if "character" in relation:
            if kind != CHARACTER_RELATION:
                yield problem(f"{field}.character", f"only {CHARACTER_RELATION} has a character")
            yield from _reference(
                relation, "character", frozenset({"CHARACTER"}), entities, kind, field, problem
            )
        if "work" in relation:
            if kind not in WORK_RELATIONS:
                yield problem(f"{field}.work", "only award_won and award_nominated have a work")
            yield from _reference(
                relation, "work", frozenset({"FILM", "SERIES"}), entities, kind, field, problem
            )


def _reference(
    relation: dict[str, Any],
    role: str,
    allowed: frozenset[str] | None,
    entities: dict[str, dict[str, Any]],
    kind: Any,
    field: str,
    problem: _Report,
) -> Iterator[Problem]:
    target = relation.get(role)
    if not isinstance(target, str):
        return  # missing or not a string: a schema problem, already reported
    entity = entities.get(target)
    if entity is None:
        yield problem(f"{field}.{role}", f"no entity has id {target!r}")
    # An unknown entity type is a schema problem already; do not report it per relation.
    elif (
        allowed is not None and entity.get("type") in ENTITY_TYPES and entity["type"] not in allowed
    ):
        what = f"{kind} {role}" if role in ("head", "tail") else role
        yield problem(
            f"{field}.{role}",
            f"{what} must be {' or '.join(sorted(allowed))}, "
            f"but {target!r} is {entity.get('type')}",
        )


def _article_text(obj: dict[str, Any], texts: dict[str, str]) -> tuple[str | None, str]:
    if isinstance(obj.get("text"), str):
        return obj["text"], "the text field"
    article_id = obj.get("id")
    if isinstance(article_id, str) and article_id in texts:
        return texts[article_id], "the articles file"
    return None, ""


def _offset_problems(obj: dict[str, Any], text: str | None, problem: _Report) -> Iterator[Problem]:
    for e_index, entity in _indexed(obj.get("entities")):
        for m_index, mention in _indexed(entity.get("mentions")):
            field = f"entities[{e_index}].mentions[{m_index}]"
            message = _span_problem(mention, text)
            if message:
                yield problem(field, message)
                continue
            written = mention.get("text")
            if text is not None and isinstance(written, str):
                actual = text[mention["start"] : mention["end"]]
                if written != actual:
                    yield problem(
                        f"{field}.text",
                        f"{written!r} differs from the article text {actual!r} at "
                        f"{mention['start']}-{mention['end']}",
                    )
    for r_index, relation in _indexed(obj.get("relations")):
        for s_index, span in _indexed(relation.get("evidence")):
            message = _span_problem(span, text)
            if message:
                yield problem(f"relations[{r_index}].evidence[{s_index}]", message)


def _span_problem(span: dict[str, Any], text: str | None) -> str | None:
    start, end = span.get("start"), span.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return None  # a schema problem, already reported
    if start < 0 or end < 0:
        return None  # also a schema problem (minimum 0)
    if start >= end:
        return f"start {start} is not before end {end}"
    if text is not None and end > len(text):
        return f"end {end} is beyond the article text ({len(text)} characters)"
    return None
