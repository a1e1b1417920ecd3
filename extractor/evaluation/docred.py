"""DocRED / Re-DocRED gold as ``article-annotations/1``-like documents.

A DocRED file is a JSON list of documents with ``title``, ``sents`` (tokenised sentences),
``vertexSet`` (entities as lists of mentions) and ``labels`` (relations between entity
indices, named by Wikidata property). Conversion:

- article id ``docred-<title>``, the title reduced to ``[A-Za-z0-9._-]`` as the shared
  ``docred_to_jsonl.py`` does, so that ids agree with the articles the pipeline reads;
- entity ``e<i>`` for ``vertexSet[i]``; ``PER`` becomes PERSON and ``TIME`` DATE, other types
  (ORG, LOC, MISC, NUM) are kept; the first mention's name is the name, other names aliases;
- a DATE's value is read from its mention names (:func:`date_value_from_name`), the most
  precise one winning;
- labels whose property has a relation type become relations; ``P40`` (child) becomes
  ``parent`` with head and tail swapped; repeated claims are kept once;
- ``film_heads``: entities heading a director, screenwriter, cast member or original
  broadcaster label (films and series; see ``docs/evaluation.md``);
- the text is the tokens joined by single spaces, so mentions and evidence sentences get
  offsets. It is not the detokenised text the pipeline reads, so mention offsets from the two
  sides are never compared.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from extractor.errors import FormatError
from extractor.evaluation.model import Corpus, Document, Entity, Location, Mention, Relation, Span
from extractor.evaluation.normalize import date_value_from_name
from extractor.evaluation.vocabulary import (
    DOCRED_CHILD,
    DOCRED_ENTITY_TYPES,
    DOCRED_FILM_HEAD_PROPERTIES,
    DOCRED_RELATIONS,
)

_UNSAFE_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")


def docred_article_id(title: str) -> str:
    """Article id of a DocRED document: ``docred-`` and the title made id-safe."""
    return "docred-" + _UNSAFE_ID_CHARACTERS.sub("_", title).strip("_")


def docred_corpus(data: list[Any], path: Path) -> Corpus:
    """Convert a parsed DocRED list into a corpus.

    Args:
        data: the parsed file, a list of DocRED documents.
        path: the file, for messages.

    Returns:
        One document per DocRED document, in file order.

    Raises:
        FormatError: on a malformed document, naming it and the field, or on two titles
            that give the same article id.
    """
    documents: list[Document] = []
    seen: set[str] = set()
    for index, raw in enumerate(data):
        document = _convert(raw, _Where(path, index))
        if document.id in seen:
            raise FormatError(f"{path}: [{index}].title: article id {document.id} repeats")
        seen.add(document.id)
        documents.append(document)
    return Corpus(path=path, kind="docred", documents=tuple(documents))


class _Where:
    """Builds FormatErrors that name the file, the document and the field."""

    def __init__(self, path: Path, index: int) -> None:
        self.path = path
        self.index = index
        self.article = f"[{index}]"

    def fail(self, field: str, message: str) -> FormatError:
        return FormatError(
            f"{self.path}: article {self.article}: [{self.index}].{field}: {message}"
        )


def _convert(raw: Any, where: _Where) -> Document:
    if not isinstance(raw, dict):
        raise where.fail("", "expected a DocRED document object")
    title = raw.get("title")
    if not isinstance(title, str):
        raise where.fail("title", "expected a string")
    where.article = docred_article_id(title)
    text, token_starts, sentence_spans = _lay_out(raw.get("sents"), where)

    vertex_set = raw.get("vertexSet")
    if not isinstance(vertex_set, list):
        raise where.fail("vertexSet", "expected a list")
    entities = tuple(
        _entity(cluster, index, raw["sents"], token_starts, where)
        for index, cluster in enumerate(vertex_set)
    )

    labels = raw.get("labels")
    if not isinstance(labels, list):
        raise where.fail("labels", "expected a list")
    relations: dict[tuple[str, str, str], Relation] = {}
    film_heads: set[str] = set()
    for index, label in enumerate(labels):
        prop, head, tail, evidence = _label(label, index, len(entities), sentence_spans, where)
        if prop in DOCRED_FILM_HEAD_PROPERTIES:
            film_heads.add(head)
        if prop == DOCRED_CHILD:
            relation = Relation("parent", tail, head, evidence=evidence)
        elif prop in DOCRED_RELATIONS:
            relation = Relation(DOCRED_RELATIONS[prop], head, tail, evidence=evidence)
        else:
            continue
        # P22 and P25 both become `parent`, and labels can repeat: one claim, stated once.
        relations.setdefault((relation.type, relation.head, relation.tail), relation)

    return Document(
        id=where.article,
        entities=entities,
        relations=tuple(relations.values()),
        source=Location(where.path),
        text=text,
        film_heads=frozenset(film_heads),
    )


def _lay_out(sents: Any, where: _Where) -> tuple[str, list[list[int]], list[Span]]:
    """Join the tokens into one text; return it, token start offsets and sentence spans."""
    if not isinstance(sents, list) or not all(
        isinstance(s, list) and all(isinstance(t, str) for t in s) for s in sents
    ):
        raise where.fail("sents", "expected a list of lists of token strings")
    pieces: list[str] = []
    token_starts: list[list[int]] = []
    sentence_spans: list[Span] = []
    offset = 0
    for sentence in sents:
        starts = []
        for token in sentence:
            if pieces:
                pieces.append(" ")
                offset += 1
            starts.append(offset)
            pieces.append(token)
            offset += len(token)
        token_starts.append(starts)
        sentence_spans.append(Span(starts[0], offset) if starts else Span(offset, offset))
    return "".join(pieces), token_starts, sentence_spans


def _entity(
    cluster: Any,
    index: int,
    sents: list[list[str]],
    token_starts: list[list[int]],
    where: _Where,
) -> Entity:
    field = f"vertexSet[{index}]"
    if not isinstance(cluster, list) or not cluster:
        raise where.fail(field, "expected a non-empty list of mentions")
    names: list[str] = []
    mentions: list[Mention] = []
    for number, mention in enumerate(cluster):
        at = f"{field}[{number}]"
        if not isinstance(mention, dict):
            raise where.fail(at, "expected a mention object")
        name, kind = mention.get("name"), mention.get("type")
        if not isinstance(name, str) or not isinstance(kind, str):
            raise where.fail(at, "expected string 'name' and 'type'")
        sent_id, pos = mention.get("sent_id"), mention.get("pos")
        if not isinstance(sent_id, int) or not 0 <= sent_id < len(sents):
            raise where.fail(f"{at}.sent_id", f"expected a sentence index, got {sent_id!r}")
        sentence = sents[sent_id]
        if not (
            isinstance(pos, list)
            and len(pos) == 2
            and all(isinstance(p, int) for p in pos)
            and 0 <= pos[0] < pos[1] <= len(sentence)
        ):
            raise where.fail(f"{at}.pos", f"expected [start, end) token positions, got {pos!r}")
        start = token_starts[sent_id][pos[0]]
        end = token_starts[sent_id][pos[1] - 1] + len(sentence[pos[1] - 1])
        mentions.append(Mention(Span(start, end), " ".join(sentence[pos[0] : pos[1]])))
        if name not in names:
            names.append(name)
    first_type = cluster[0]["type"]
    entity_type = DOCRED_ENTITY_TYPES.get(first_type, first_type)
    return Entity(
        id=f"e{index}",
        type=entity_type,
        name=names[0],
        aliases=tuple(names[1:]),
        value=_finest_value(names) if entity_type == "DATE" else None,
        mentions=tuple(mentions),
    )


def _finest_value(names: list[str]) -> str | None:
    """The most precise value any mention states; the earliest mention breaks ties.

    A cluster may write the date both as ``1994`` and ``August 3, 1994``; the gold date is
    the precise one.
    """
    best: str | None = None
    for name in names:
        value = date_value_from_name(name)
        if value and (best is None or len(value) > len(best)):
            best = value
    return best


def _label(
    label: Any, index: int, entity_count: int, sentence_spans: list[Span], where: _Where
) -> tuple[str, str, str, tuple[Span, ...]]:
    field = f"labels[{index}]"
    if not isinstance(label, dict) or not isinstance(label.get("r"), str):
        raise where.fail(field, "expected an object with a string 'r'")
    ends = []
    for key in ("h", "t"):
        value = label.get(key)
        if not isinstance(value, int) or not 0 <= value < entity_count:
            raise where.fail(f"{field}.{key}", f"expected a vertexSet index, got {value!r}")
        ends.append(f"e{value}")
    evidence = label.get("evidence") or []
    if not isinstance(evidence, list) or not all(
        isinstance(s, int) and 0 <= s < len(sentence_spans) for s in evidence
    ):
        raise where.fail(f"{field}.evidence", "expected a list of sentence indices")
    return label["r"], ends[0], ends[1], tuple(sentence_spans[s] for s in evidence)
