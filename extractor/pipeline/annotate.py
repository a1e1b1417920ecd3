"""From an annotated ``Doc`` to an ``article-annotations/1`` object.

Entities get ids ``e1``, ``e2``, ... in order of first mention; PERSON, FILM,
SERIES and CHARACTER entities are always written, ORG, LOC, DATE and AWARD only
when a relation uses them (FORMAT.md, "What to annotate"). Relations are
de-duplicated: the same (type, head, tail) keeps the highest confidence, the union
of evidence, and a character when any instance had one.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import FORMAT_NAME

ALWAYS_WRITTEN = frozenset({"PERSON", "FILM", "SERIES", "CHARACTER"})
SYMMETRIC = frozenset({"sibling", "spouse"})
POSSESSIVE_SUFFIXES = ("'s", "’s", "‘s", "'", "’", "‘")


def _trim_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Char offsets without a trailing possessive or dash (``Reeves‘``, ``Chapter 4-``)."""
    span = text[start:end]
    for suffix in POSSESSIVE_SUFFIXES:
        if span.endswith(suffix) and len(span) > len(suffix) + 1:
            end -= len(suffix)
            break
    while end > start + 1 and text[end - 1] in "-–— ":
        end -= 1
    return start, end


def _statement_rank(rel: dict) -> tuple:
    """Order of preference between statements of one relation: surest first, then a
    fixed order, so the result does not depend on the order they were found in."""
    return (
        -rel["confidence"],
        rel.get("character") is None,
        str(rel.get("character")),
        str(rel.get("work")),
        str(rel.get("cue")),
        rel["evidence"],
    )


def merge_relations(relations: list[dict]) -> list[dict]:
    """One record per (type, head, tail): the surest statement's fields, the character or
    work of the surest statement that names one, and the union of the evidence.

    Independent of the order of ``relations``.
    """
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for rel in relations:
        head, tail = rel["head"], rel["tail"]
        if head == tail:
            continue
        if rel["type"] in SYMMETRIC and tail < head:
            head, tail = tail, head
        grouped.setdefault((rel["type"], head, tail), []).append(rel)
    merged = []
    for (kind, head, tail), statements in sorted(grouped.items()):
        statements = sorted(statements, key=_statement_rank)
        best = statements[0]
        record = {**best, "type": kind, "head": head, "tail": tail}
        for extra in ("character", "work"):
            named = next((s[extra] for s in statements if s.get(extra)), None)
            record.pop(extra, None)
            if named:
                record[extra] = named
        evidence = sorted({tuple(span) for s in statements for span in s["evidence"]})
        record["evidence"] = [list(span) for span in evidence]
        # A confirmation from several sentences raises confidence (noisy-or, capped).
        repeats = len(evidence) - 1
        record["confidence"] = round(min(0.99, 1 - (1 - best["confidence"]) * (0.7**repeats)), 3)
        merged.append(record)
    return merged


def doc_to_annotation(
    doc: Doc,
    article_id: str,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    text_sha256: str | None = None,
) -> dict:
    """Build the ``article-annotations/1`` object of one processed article."""
    entities = doc._.entities or []
    mentions_of: dict[str, list[dict]] = {}
    text = doc.text
    for span in doc.spans.get("mentions", []):
        start, end = _trim_mention(text, span.start_char, span.end_char)
        mention = {"start": start, "end": end, "text": text[start:end]}
        bucket = mentions_of.setdefault(span.kb_id_, [])
        if mention not in bucket:
            bucket.append(mention)
    relations = merge_relations(doc._.relations or [])
    used = {
        rel[field]
        for rel in relations
        for field in ("head", "tail", "character", "work")
        if rel.get(field)
    }
    written = [e for e in entities if e["type"] in ALWAYS_WRITTEN or e["key"] in used]
    ids = {entity["key"]: f"e{number}" for number, entity in enumerate(written, start=1)}
    out_entities = []
    for entity in written:
        record = {"id": ids[entity["key"]], "type": entity["type"], "name": entity["name"]}
        if entity.get("aliases"):
            record["aliases"] = list(entity["aliases"])
        if entity["type"] == "DATE":
            record["value"] = entity["value"]
        record["mentions"] = sorted(
            mentions_of.get(entity["key"], []), key=lambda m: (m["start"], m["end"])
        )
        record["confidence"] = entity["confidence"]
        out_entities.append(record)
    out_relations = []
    for rel in relations:
        if rel["head"] not in ids or rel["tail"] not in ids:
            continue
        record = {"type": rel["type"], "head": ids[rel["head"]], "tail": ids[rel["tail"]]}
        if rel.get("character") in ids:
            record["character"] = ids[rel["character"]]
        if rel.get("work") in ids:
            record["work"] = ids[rel["work"]]
        record["evidence"] = [{"start": s, "end": e} for s, e in rel["evidence"]]
        record["confidence"] = rel["confidence"]
        out_relations.append(record)
    annotation = {"format": FORMAT_NAME, "id": article_id}
    if title:
        annotation["title"] = title
    if published:
        annotation["published"] = published
    if url:
        annotation["url"] = url
    if text_sha256:
        annotation["text_sha256"] = text_sha256
    annotation["entities"] = out_entities
    annotation["relations"] = out_relations
    return annotation
