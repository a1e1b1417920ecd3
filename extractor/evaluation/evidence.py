"""The sentence an error is about, so a reader can judge it without opening the article."""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from extractor.evaluation.model import Document, Entity, Relation, Span

if TYPE_CHECKING:
    from spacy.language import Language

_LINE = re.compile(r"[^\n]*\S[^\n]*")


@cache
def _sentencizer() -> Language:
    # Rule-based and model-free: evidence must not depend on which model is installed.
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=256)
def sentence_spans(text: str) -> tuple[Span, ...]:
    """Character spans of the sentences of ``text``.

    spaCy's rule-based sentencizer, and a line break always ends a sentence: headlines,
    bylines and captions carry no full stop.
    """
    spans = []
    for sentence in _sentencizer()(text).sents:
        for line in _LINE.finditer(text, sentence.start_char, sentence.end_char):
            spans.append(Span(line.start(), line.end()))
    return tuple(spans)


def _sentence_index(spans: tuple[Span, ...], offset: int) -> int | None:
    index = bisect.bisect_right([s.start for s in spans], offset) - 1
    return index if index >= 0 and offset < spans[index].end else None


def sentence_at(text: str, offset: int) -> str:
    """The sentence containing character ``offset``, whitespace collapsed ("" if none)."""
    spans = sentence_spans(text)
    index = _sentence_index(spans, offset)
    return "" if index is None else _squash(text[spans[index].start : spans[index].end])


def _squash(text: str) -> str:
    return " ".join(text.split())


def occurrences(document: Document, entity: Entity) -> list[int]:
    """Start offsets of the entity in the document's text, sorted.

    Its mentions when it has offsets; otherwise (hand-written gold often has none) every
    place where its name or an alias is written.
    """
    text = document.text
    if text is None:
        return []
    starts = [m.span.start for m in entity.mentions if 0 <= m.span.start < len(text)]
    if starts:
        return sorted(starts)
    forms = [form for form in (entity.name, *entity.aliases) if form]
    return sorted(m.start() for form in forms for m in re.finditer(re.escape(form), text))


def entity_evidence(document: Document, entity: Entity) -> str:
    """The sentence of the entity's first occurrence, or "" when the text is unknown."""
    found = occurrences(document, entity)
    return sentence_at(document.text, found[0]) if found and document.text else ""


def relation_evidence(document: Document, relation: Relation) -> str:
    """The sentence(s) a relation is about.

    Its ``evidence`` spans when given; else the first sentence naming both head and tail;
    else the sentence of the head's first occurrence.

    Args:
        document: the side the relation comes from (predictions for a false positive, gold
            for a false negative).
        relation: the relation.

    Returns:
        The sentence(s), whitespace collapsed; "" when the text is unknown.
    """
    text = document.text
    if text is None:
        return ""
    stated = [
        _squash(text[s.start : s.end])
        for s in relation.evidence
        if 0 <= s.start < s.end <= len(text)
    ]
    if stated:
        return " ".join(stated)
    head = document.entity_index.get(relation.head)
    tail = document.entity_index.get(relation.tail)
    if head is None:
        return ""
    spans = sentence_spans(text)
    head_sentences = {_sentence_index(spans, o) for o in occurrences(document, head)} - {None}
    if tail is not None:
        for offset in occurrences(document, tail):
            if _sentence_index(spans, offset) in head_sentences:
                return sentence_at(text, offset)
    return entity_evidence(document, head)
