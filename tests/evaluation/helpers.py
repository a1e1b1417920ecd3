"""Builders for small article objects written inline in tests, and the shared data paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.evaluation.loading import parse_document
from extractor.evaluation.model import Corpus, Location
from extractor.evaluation.scoring import EvaluationResult, evaluate_corpora

SHARED = Path("/work/shared")
SCORE_PY = SHARED / "tools" / "score.py"
SEED_GOLD = SHARED / "data" / "seed" / "ballerina.gold.json"
SEED_TEXT = SHARED / "data" / "seed" / "ballerina.txt"
DOCRED_GOLD = SHARED / "data" / "redocred-film" / "dev_film.json"
DOCRED_ARTICLES = SHARED / "data" / "redocred-film" / "dev_film.jsonl"


def ent(entity_id: str, kind: str, name: str, *aliases: str, **fields: Any) -> dict[str, Any]:
    """An entity object; ``fields`` adds ``value``, ``mentions`` and the like."""
    obj: dict[str, Any] = {"id": entity_id, "type": kind, "name": name, **fields}
    if aliases:
        obj["aliases"] = list(aliases)
    return obj


def rel(kind: str, head: str, tail: str, **fields: Any) -> dict[str, Any]:
    """A relation object; ``fields`` adds ``character``, ``evidence`` and the like."""
    return {"type": kind, "head": head, "tail": tail, **fields}


def article(
    entities: list[dict[str, Any]],
    relations: list[dict[str, Any]] | None = None,
    article_id: str = "a1",
    **fields: Any,
) -> dict[str, Any]:
    """An ``article-annotations/1`` object."""
    return {
        "format": "article-annotations/1",
        "id": article_id,
        "entities": entities,
        "relations": relations or [],
        **fields,
    }


def corpus(*objects: dict[str, Any], path: str = "inline.jsonl") -> Corpus:
    """A corpus of article objects, as if read from a JSONL file."""
    documents = tuple(
        parse_document(obj, Location(Path(path), line)) for line, obj in enumerate(objects, 1)
    )
    return Corpus(Path(path), "article-annotations/1", documents)


def evaluate(gold: dict[str, Any] | list, pred: dict[str, Any] | list) -> EvaluationResult:
    """Score inline prediction objects against inline gold objects."""
    golds = gold if isinstance(gold, list) else [gold]
    preds = pred if isinstance(pred, list) else [pred]
    return evaluate_corpora(corpus(*golds, path="gold.jsonl"), corpus(*preds, path="pred.jsonl"))


def write_jsonl(path: Path, objects: list[dict[str, Any]]) -> Path:
    """Write objects one per line; return the path."""
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), "utf-8")
    return path
