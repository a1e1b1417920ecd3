"""Loading gold and predictions (``article-annotations/1`` or DocRED) into :class:`Corpus`.

The loader checks what scoring needs (required fields and their JSON types) and raises a
:class:`FormatError` naming file, line and field at the first problem. It accepts values it
does not know (a new entity type is simply not scored); ``extractor validate`` is the strict
check against the contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from extractor.errors import FormatError
from extractor.evaluation.docred import docred_corpus
from extractor.evaluation.model import (
    Corpus,
    Document,
    Entity,
    Location,
    Mention,
    Relation,
    Span,
    text_sha256,
)
from extractor.evaluation.reading import RawRecord, parse_json_file, read_records, require_path
from extractor.evaluation.vocabulary import FORMAT_NAME


def load_corpus(path: Path) -> Corpus:
    """Load gold or predictions from a file or folder.

    A ``.json`` file holding a list of DocRED documents (objects with ``vertexSet``) is
    read as DocRED; anything else as ``article-annotations/1``.

    Args:
        path: a ``.json``/``.jsonl`` file or a folder of them.

    Returns:
        The documents, in reading order.

    Raises:
        InputPathError: when the path does not exist.
        FormatError: on malformed input, or an article id given twice.
    """
    require_path(path)
    if path.is_file() and path.suffix == ".json":
        # Parsed once here because the content decides between DocRED and v1.
        data = parse_json_file(path)
        if is_docred(data):
            return docred_corpus(data, path)
        records: Iterable[RawRecord] = [
            RawRecord(Location(path), item) for item in (data if isinstance(data, list) else [data])
        ]
    else:
        records = read_records(path)
    documents: list[Document] = []
    seen: dict[str, Location] = {}
    for record in records:
        if record.error:
            raise FormatError(f"{record.location}: {record.error}")
        document = parse_document(record.value, record.location)
        if document.id in seen:
            raise FormatError(
                f"{record.location}: article {document.id}: id: already used at {seen[document.id]}"
            )
        seen[document.id] = record.location
        documents.append(document)
    return Corpus(path=path, kind="article-annotations/1", documents=tuple(documents))


def is_docred(data: Any) -> bool:
    """Whether parsed JSON is a DocRED / Re-DocRED document list."""
    return (
        isinstance(data, list)
        and bool(data)
        and isinstance(data[0], dict)
        and ("vertexSet" in data[0])
    )


def with_texts(corpus: Corpus, texts: dict[str, str]) -> Corpus:
    """Give documents without a ``text`` the text of the same id from ``texts``.

    A text is not given to a document whose ``text_sha256`` names another text: its offsets
    refer to that one.

    Args:
        corpus: documents, some possibly with their own text.
        texts: article texts by id, e.g. from ``articles.jsonl``.

    Returns:
        A corpus with the texts attached where possible.
    """
    documents = []
    for document in corpus.documents:
        text = texts.get(document.id)
        if (
            document.text is None
            and text is not None
            and document.text_sha256 in (None, text_sha256(text))
        ):
            document = replace(document, text=text)
        documents.append(document)
    return replace(corpus, documents=tuple(documents))


class _Reader:
    """Typed access to one article object's fields, raising FormatError with a field path."""

    def __init__(self, location: Location) -> None:
        self.location = location
        self.article = "?"

    def fail(self, field: str, message: str) -> FormatError:
        return FormatError(f"{self.location}: article {self.article}: {field}: {message}")

    def require(self, obj: dict[str, Any], key: str, path: str) -> None:
        if key not in obj:
            raise self.fail(path, "required field is missing")

    def string(self, obj: dict[str, Any], key: str, field: str, required: bool) -> str | None:
        value = obj.get(key)
        if value is None and not required:
            return None
        path = f"{field}.{key}" if field else key
        self.require(obj, key, path)
        if not isinstance(value, str):
            raise self.fail(path, "expected a string")
        return value

    def integer(self, obj: dict[str, Any], key: str, field: str) -> int:
        value = obj.get(key)
        self.require(obj, key, f"{field}.{key}")
        # bool is an int subclass in Python, but `true` is not an offset.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"{field}.{key}", "expected an integer")
        return value

    def objects(self, obj: dict[str, Any], key: str, field: str, required: bool) -> list[dict]:
        value = obj.get(key)
        if value is None and not required:
            return []
        path = f"{field}.{key}" if field else key
        self.require(obj, key, path)
        if not isinstance(value, list):
            raise self.fail(path, "expected a list")
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{path}[{index}]", "expected an object")
        return value

    def strings(self, obj: dict[str, Any], key: str, field: str) -> tuple[str, ...]:
        value = obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{field}.{key}", "expected a list of strings")
        return tuple(value)


def parse_document(obj: Any, location: Location) -> Document:
    """Turn one ``article-annotations/1`` object into a :class:`Document`.

    Args:
        obj: the parsed JSON value.
        location: where it was read, for messages.

    Returns:
        The document (no text attached unless the object has a ``text`` field).

    Raises:
        FormatError: naming file, line, article and field of the first problem.
    """
    reader = _Reader(location)
    if not isinstance(obj, dict):
        raise FormatError(f"{location}: expected an article object, got {type(obj).__name__}")
    article_id = reader.string(obj, "id", "", required=True)
    reader.article = article_id
    if obj.get("format") != FORMAT_NAME:
        raise reader.fail("format", f"expected {FORMAT_NAME!r}, got {obj.get('format')!r}")
    entities = tuple(
        _parse_entity(reader, raw, f"entities[{i}]")
        for i, raw in enumerate(reader.objects(obj, "entities", "", required=True))
    )
    seen: set[str] = set()
    for index, entity in enumerate(entities):
        if entity.id in seen:
            raise reader.fail(f"entities[{index}].id", f"duplicate entity id {entity.id!r}")
        seen.add(entity.id)
    relations = tuple(
        _parse_relation(reader, raw, f"relations[{i}]")
        for i, raw in enumerate(reader.objects(obj, "relations", "", required=True))
    )
    return Document(
        id=article_id,
        entities=entities,
        relations=relations,
        source=location,
        text=reader.string(obj, "text", "", required=False),
        text_sha256=reader.string(obj, "text_sha256", "", required=False),
    )


def _parse_entity(reader: _Reader, raw: dict[str, Any], field: str) -> Entity:
    mentions = []
    for index, mention in enumerate(reader.objects(raw, "mentions", field, required=False)):
        where = f"{field}.mentions[{index}]"
        span = Span(reader.integer(mention, "start", where), reader.integer(mention, "end", where))
        mentions.append(Mention(span, reader.string(mention, "text", where, required=False)))
    return Entity(
        id=reader.string(raw, "id", field, required=True),
        type=reader.string(raw, "type", field, required=True),
        name=reader.string(raw, "name", field, required=True),
        aliases=reader.strings(raw, "aliases", field),
        value=reader.string(raw, "value", field, required=False),
        mentions=tuple(mentions),
    )


def _parse_relation(reader: _Reader, raw: dict[str, Any], field: str) -> Relation:
    evidence = tuple(
        Span(
            reader.integer(span, "start", f"{field}.evidence[{i}]"),
            reader.integer(span, "end", f"{field}.evidence[{i}]"),
        )
        for i, span in enumerate(reader.objects(raw, "evidence", field, required=False))
    )
    return Relation(
        type=reader.string(raw, "type", field, required=True),
        head=reader.string(raw, "head", field, required=True),
        tail=reader.string(raw, "tail", field, required=True),
        character=reader.string(raw, "character", field, required=False),
        work=reader.string(raw, "work", field, required=False),
        evidence=evidence,
    )


def document_to_json(document: Document) -> dict[str, Any]:
    """The ``article-annotations/1`` object of a document (inverse of :func:`parse_document`).

    Optional fields are written only when set, so a loaded file writes back without them.
    """
    obj: dict[str, Any] = {"format": FORMAT_NAME, "id": document.id}
    if document.text is not None:
        obj["text"] = document.text
    if document.text_sha256 is not None:
        obj["text_sha256"] = document.text_sha256
    obj["entities"] = [_entity_to_json(e) for e in document.entities]
    obj["relations"] = [_relation_to_json(r) for r in document.relations]
    return obj


def _entity_to_json(entity: Entity) -> dict[str, Any]:
    obj: dict[str, Any] = {"id": entity.id, "type": entity.type, "name": entity.name}
    if entity.aliases:
        obj["aliases"] = list(entity.aliases)
    if entity.value is not None:
        obj["value"] = entity.value
    if entity.mentions:
        obj["mentions"] = [
            {"start": m.span.start, "end": m.span.end}
            | ({"text": m.text} if m.text is not None else {})
            for m in entity.mentions
        ]
    return obj


def _relation_to_json(relation: Relation) -> dict[str, Any]:
    obj: dict[str, Any] = {"type": relation.type, "head": relation.head, "tail": relation.tail}
    if relation.character is not None:
        obj["character"] = relation.character
    if relation.work is not None:
        obj["work"] = relation.work
    if relation.evidence:
        obj["evidence"] = [{"start": s.start, "end": s.end} for s in relation.evidence]
    return obj
