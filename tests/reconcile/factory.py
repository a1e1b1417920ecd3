"""Small builders of ``article-annotations/1`` objects for the reconcile tests."""

from __future__ import annotations

from typing import Any

FORMAT = "article-annotations/1"


def ent(entity_id: str, entity_type: str, name: str, *aliases: str, **extra: Any) -> dict:
    """An entity object; ``extra`` adds ``value``, ``mentions`` or ``confidence``."""
    entity: dict[str, Any] = {"id": entity_id, "type": entity_type, "name": name}
    if aliases:
        entity["aliases"] = list(aliases)
    entity.update(extra)
    return entity


def date(entity_id: str, value: str) -> dict:
    """A DATE entity whose name is its value."""
    return ent(entity_id, "DATE", value, value=value)


def rel(relation_type: str, head: str, tail: str, **extra: Any) -> dict:
    """A relation object; ``extra`` adds ``character``, ``work``, ``evidence``, ``confidence``."""
    return {"type": relation_type, "head": head, "tail": tail, **extra}


def article(
    article_id: str,
    entities: list[dict],
    relations: list[dict],
    published: str | None = None,
    **extra: Any,
) -> dict:
    """An article annotation."""
    annotation: dict[str, Any] = {"format": FORMAT, "id": article_id}
    if published is not None:
        annotation["published"] = published
    annotation.update(extra)
    annotation["entities"] = entities
    annotation["relations"] = relations
    return annotation


def split(cell: Any) -> list[str]:
    """The values of a multi-valued cell."""
    return cell.split(" | ") if isinstance(cell, str) and cell else []


def row(table: Any, **where: Any) -> dict:
    """The single row of a DataFrame matching all ``column=value`` pairs, as a dict."""
    mask = None
    for column, value in where.items():
        matches = table[column] == value
        mask = matches if mask is None else mask & matches
    rows = table[mask.fillna(False)] if mask is not None else table
    assert len(rows) == 1, f"{len(rows)} rows match {where}"
    return rows.iloc[0].to_dict()


def synthetic_corpus() -> tuple[list[dict], dict[str, dict]]:
    """A small multi-article corpus touching every reconcile rule, with article texts.

    Returns:
        The annotations and the articles mapping (id to ``{id, published, text}``).
    """
    texts = {
        "wick-1": "John Wick: Chapter 4 opens on March 24, 2023. Keanu Reeves returns as Wick.",
        "wick-2": "Ana de Armas stars in Ballerina. De Armas plays Rooney for Len Wiseman.",
        "wick-3": "Ballerina moves to June 6, 2025. Reeves appears in John Wick Chapter 4 too.",
        "bond-1": "Casino Royale (1967) was a spoof directed by Ken Hughes.",
        "bond-2": "Casino Royale, directed by Martin Campbell, opened in 2006.",
        "saga-1": "Adrian Kesh will play Silas Crane in Cold Meridian.",
        "saga-2": "Rafe Ellison steps in as Silas Crane in Cold Meridian.",
    }

    def span(article_id: str, sentence_start: str) -> list[dict]:
        text = texts[article_id]
        start = text.index(sentence_start)
        end = text.find(".", start) + 1
        return [{"start": start, "end": end}]

    annotations = [
        article(
            "wick-1",
            [
                ent("e1", "FILM", "John Wick: Chapter 4"),
                ent("e2", "PERSON", "Keanu Reeves"),
                ent("e3", "CHARACTER", "John Wick", "Wick"),
                date("d1", "2023-03-24"),
            ],
            [
                rel(
                    "release_date", "e1", "d1", evidence=span("wick-1", "John Wick"), confidence=0.9
                ),
                rel("cast_member", "e1", "e2", character="e3", evidence=span("wick-1", "Keanu")),
            ],
            published="2023-03-01",
        ),
        article(
            "wick-2",
            [
                ent("e1", "FILM", "Ballerina"),
                ent("e2", "PERSON", "Ana de Armas", "De Armas"),
                ent("e3", "CHARACTER", "Rooney"),
                ent("e4", "PERSON", "Len Wiseman"),
                date("d1", "2024-06-07"),
            ],
            [
                rel("cast_member", "e1", "e2", character="e3", evidence=span("wick-2", "De Armas")),
                rel("director", "e1", "e4", confidence=0.7),
                rel("release_date", "e1", "d1", confidence=0.8),
            ],
            published="2023-04-05",
        ),
        article(
            "wick-3",
            [
                ent("e1", "FILM", "Ballerina"),
                ent("e2", "PERSON", "de Armas"),
                ent("e3", "FILM", "John Wick Chapter 4"),
                ent("e4", "PERSON", "Keanu Reeves", "Reeves"),
                ent("e5", "PERSON", "Len Wiseman"),
                date("d1", "2025-06-06"),
                date("d2", "2023"),
            ],
            [
                rel("release_date", "e1", "d1", evidence=span("wick-3", "Ballerina")),
                rel("cast_member", "e1", "e2"),
                rel("cast_member", "e3", "e4", evidence=span("wick-3", "Reeves")),
                rel("release_date", "e3", "d2"),
                rel("director", "e1", "e5", confidence=0.6),
            ],
            published="2024-11-20",
        ),
        article(
            "bond-1",
            [ent("e1", "FILM", "Casino Royale (1967)"), ent("e2", "PERSON", "Ken Hughes")],
            [rel("director", "e1", "e2", evidence=span("bond-1", "Casino"))],
            published="2016-01-01",
        ),
        article(
            "bond-2",
            [
                ent("e1", "FILM", "Casino Royale"),
                ent("e2", "PERSON", "Martin Campbell"),
                date("d1", "2006"),
            ],
            [rel("director", "e1", "e2"), rel("release_date", "e1", "d1")],
        ),
        article(
            "saga-1",
            [
                ent("e1", "FILM", "Cold Meridian"),
                ent("e2", "PERSON", "Adrian Kesh", "Kesh"),
                ent("e3", "CHARACTER", "Silas Crane"),
            ],
            [rel("cast_member", "e1", "e2", character="e3", evidence=span("saga-1", "Adrian"))],
            published="2025-01-15",
        ),
        article(
            "saga-2",
            [
                ent("e1", "FILM", "Cold Meridian"),
                ent("e2", "PERSON", "Rafe Ellison"),
                ent("e3", "CHARACTER", "Silas Crane", "Crane"),
                ent("e4", "PERSON", "Adrian Kesh"),
            ],
            [
                rel("cast_member", "e1", "e2", character="e3", evidence=span("saga-2", "Rafe")),
                rel("spouse", "e4", "e2", confidence=0.3),
            ],
            published="2025-09-03",
        ),
    ]
    articles = {
        annotation["id"]: {
            "id": annotation["id"],
            "published": annotation.get("published"),
            "text": texts[annotation["id"]],
        }
        for annotation in annotations
    }
    return annotations, articles
