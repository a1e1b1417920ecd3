"""Per-article errors as table rows, each with the sentence it is about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from extractor.evaluation.evidence import entity_evidence, relation_evidence
from extractor.evaluation.matching import Finding
from extractor.evaluation.model import Document, Entity, Relation
from extractor.evaluation.scoring import ArticleResult, EvaluationResult

_KIND_ORDER = {"FP": 0, "FN": 1, "WRONG_CHARACTER": 2, "WRONG_VALUE": 3}


@dataclass(frozen=True)
class EntityErrorRow:
    """A false positive or false negative entity."""

    article: str
    kind: str
    type: str
    entity: str
    name: str
    evidence: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("article", "kind", "type", "entity", "name", "evidence")

    def values(self) -> tuple[str, ...]:
        """The row in :attr:`COLUMNS` order."""
        return (self.article, self.kind, self.type, self.entity, self.name, self.evidence)

    def sort_key(self) -> tuple:
        """Article, then FP before FN, then type and name."""
        return (self.article, _KIND_ORDER[self.kind], self.type, self.name, self.entity)


@dataclass(frozen=True)
class RelationErrorRow:
    """A relation error: FP, FN, or a matched relation with a wrong character or date value.

    ``head``, ``tail`` and ``character`` are entity names (DATEs with their value), from the
    predictions for FP and from the gold for FN; a wrong character or value shows both.
    """

    article: str
    kind: str
    type: str
    head: str
    tail: str
    character: str
    evidence: str

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "article",
        "kind",
        "type",
        "head",
        "tail",
        "character",
        "evidence",
    )

    def values(self) -> tuple[str, ...]:
        """The row in :attr:`COLUMNS` order."""
        return (
            self.article,
            self.kind,
            self.type,
            self.head,
            self.tail,
            self.character,
            self.evidence,
        )

    def sort_key(self) -> tuple:
        """Article, then kind, then type, head, tail, character."""
        return (
            self.article,
            _KIND_ORDER[self.kind],
            self.type,
            self.head,
            self.tail,
            self.character,
        )


def describe(document: Document, entity_id: str | None) -> str:
    """An entity's name for a reader: ``June 7, 2024 [2024-06-07]``; the id if unknown."""
    if not entity_id:
        return ""
    entity = document.entity_index.get(entity_id)
    if entity is None:
        return entity_id
    return f"{entity.name} [{entity.value}]" if entity.value else entity.name


def entity_rows(article: ArticleResult) -> list[EntityErrorRow]:
    """Entity errors of one article, sorted."""
    rows = []
    for finding in article.outcomes["entities"].findings:
        document = article.pair.pred if finding.kind == "FP" else article.pair.gold
        entity = finding.pred if finding.kind == "FP" else finding.gold
        assert isinstance(entity, Entity)
        rows.append(
            EntityErrorRow(
                article=article.article_id,
                kind=finding.kind,
                type=finding.label,
                entity=entity.id,
                name=entity.name,
                evidence=entity_evidence(document, entity),
            )
        )
    return sorted(rows, key=EntityErrorRow.sort_key)


def relation_rows(article: ArticleResult) -> list[RelationErrorRow]:
    """Relation, character and date-value errors of one article, sorted."""
    findings = [
        *article.outcomes["relations"].findings,
        *article.outcomes["cast_character"].findings,
        *article.outcomes["date_values"].findings,
    ]
    rows = [_relation_row(article, finding) for finding in findings]
    return sorted(rows, key=RelationErrorRow.sort_key)


def _relation_row(article: ArticleResult, finding: Finding) -> RelationErrorRow:
    gold_doc, pred_doc = article.pair.gold, article.pair.pred
    gold, pred = finding.gold, finding.pred
    assert gold is None or isinstance(gold, Relation)
    assert pred is None or isinstance(pred, Relation)
    if finding.kind == "FP" and pred is not None:
        side, relation = pred_doc, pred
    elif gold is not None:
        side, relation = gold_doc, gold
    else:  # pragma: no cover - every finding names the relation it is about
        raise ValueError(f"finding without a relation: {finding}")
    head, tail = describe(side, relation.head), describe(side, relation.tail)
    character = describe(side, relation.character)
    if finding.kind == "WRONG_CHARACTER" and pred is not None:
        character = f"{describe(pred_doc, pred.character)} (gold: {character})"
    if finding.kind == "WRONG_VALUE" and pred is not None:
        tail = f"{describe(pred_doc, pred.tail)} (gold: {tail})"
    # A wrong character or value is shown where the prediction states it, as for an FP.
    evidence = relation_evidence(side, relation)
    if finding.kind in ("WRONG_CHARACTER", "WRONG_VALUE") and pred is not None:
        evidence = relation_evidence(pred_doc, pred) or evidence
    return RelationErrorRow(
        article=article.article_id,
        kind=finding.kind,
        type=finding.label,
        head=head,
        tail=tail,
        character=character,
        evidence=evidence,
    )


def all_entity_rows(result: EvaluationResult) -> list[EntityErrorRow]:
    """Entity errors of every article, sorted by article."""
    return [row for article in result.articles for row in entity_rows(article)]


def all_relation_rows(result: EvaluationResult) -> list[RelationErrorRow]:
    """Relation errors of every article, sorted by article."""
    return [row for article in result.articles for row in relation_rows(article)]
