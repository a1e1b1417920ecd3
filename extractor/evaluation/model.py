"""In-memory form of ``article-annotations/1`` documents, as evaluation reads them.

Gold and predictions load into the same classes. Offsets are character offsets into the
article text, end exclusive, everywhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text, as in the ``text_sha256`` field."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Location:
    """Where an object was read from, for messages.

    Attributes:
        path: the file.
        line: 1-based line for JSONL files; ``None`` for ``.json`` files.
    """

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)


@dataclass(frozen=True, order=True)
class Span:
    """A character span ``[start, end)`` of the article text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text.

    Attributes:
        span: its offsets.
        text: the surface form as written in the file (``None`` when absent).
    """

    span: Span
    text: str | None = None


@dataclass(frozen=True)
class Entity:
    """An entity object: one real-world thing as the article talks about it."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    value: str | None = None
    mentions: tuple[Mention, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Name, aliases and mention texts, in that order (not normalised)."""
        texts = tuple(m.text for m in self.mentions if m.text)
        return (self.name, *self.aliases, *texts)


@dataclass(frozen=True)
class Relation:
    """A relation object; ``character`` and ``work`` are entity ids or ``None``."""

    type: str
    head: str
    tail: str
    character: str | None = None
    work: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Document:
    """One article's annotations (gold or predicted).

    Attributes:
        id: article id.
        entities: entity objects in file order.
        relations: relation objects in file order.
        source: where the object was read.
        text: the article text the offsets refer to, when known.
        text_sha256: declared hash of that text (from the file), when given.
        film_heads: only for DocRED gold: ids of the entities taken to be films or series;
            film-scoped relations are scored only on these heads. ``None`` otherwise.
    """

    id: str
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    source: Location
    text: str | None = None
    text_sha256: str | None = None
    film_heads: frozenset[str] | None = field(default=None)

    @cached_property
    def entity_index(self) -> dict[str, Entity]:
        """Entities by id (ids are unique: the loader rejects duplicates)."""
        return {e.id: e for e in self.entities}

    @property
    def has_mentions(self) -> bool:
        """Whether any entity carries mention offsets."""
        return any(e.mentions for e in self.entities)


CorpusKind = Literal["article-annotations/1", "docred"]


@dataclass(frozen=True)
class Corpus:
    """The documents of one gold or prediction input.

    Attributes:
        path: what was given on the command line.
        kind: ``"article-annotations/1"`` or ``"docred"``.
        documents: in reading order; ids are unique.
    """

    path: Path
    kind: CorpusKind
    documents: tuple[Document, ...]

    @cached_property
    def by_id(self) -> dict[str, Document]:
        """Documents by article id."""
        return {d.id: d for d in self.documents}
