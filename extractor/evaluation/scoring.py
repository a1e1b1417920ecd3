"""Scoring a prediction corpus against a gold corpus: per-article outcomes and totals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from extractor.evaluation.matching import (
    STRATEGIES,
    CastCharacter,
    DateValues,
    DocumentPair,
    EntityMatch,
    Outcome,
    PartialMentions,
    RelationMatch,
    StrictMentions,
    evaluate_pair,
)
from extractor.evaluation.metrics import Accuracy, Counts, Scores, micro, sum_labels, total
from extractor.evaluation.model import Corpus
from extractor.evaluation.vocabulary import CORE_RELATIONS, DATE_RELATIONS, SCORED_ENTITY_TYPES


@dataclass(frozen=True)
class ArticleResult:
    """The outcome of every strategy on one gold article.

    Attributes:
        pair: the gold article and its prediction (empty if not predicted).
        predicted: whether the predictions contain the article.
        outcomes: strategy name -> outcome.
    """

    pair: DocumentPair
    predicted: bool
    outcomes: Mapping[str, Outcome]

    @property
    def article_id(self) -> str:
        """The article id."""
        return self.pair.gold.id

    def counts(self, strategy: str) -> Mapping[str, Counts]:
        """Counts per label of one strategy."""
        return self.outcomes[strategy].counts


@dataclass(frozen=True)
class EvaluationResult:
    """All articles' outcomes, and the corpus figures summed from them.

    Attributes:
        gold: the gold corpus.
        pred: the prediction corpus.
        articles: one result per gold article, sorted by article id.
    """

    gold: Corpus
    pred: Corpus
    articles: tuple[ArticleResult, ...]

    @cached_property
    def not_in_gold(self) -> tuple[str, ...]:
        """Ids of predicted articles that have no gold (not scored)."""
        return tuple(sorted(set(self.pred.by_id) - set(self.gold.by_id)))

    @property
    def missing(self) -> tuple[str, ...]:
        """Ids of gold articles the predictions lack (scored as empty predictions)."""
        return tuple(a.article_id for a in self.articles if not a.predicted)

    @property
    def scores_entities(self) -> bool:
        """Entities are scored against article-annotations gold, not DocRED."""
        return self.gold.kind != "docred"

    def table(self, strategy: str) -> dict[str, Counts]:
        """Counts per label of one strategy, summed over the list of articles."""
        return sum_labels(a.counts(strategy) for a in self.articles)

    @cached_property
    def mention_articles(self) -> int:
        """Number of articles whose mentions were compared."""
        return sum(1 for a in self.articles if a.pair.compares_mentions)

    def figures(self) -> dict[str, Any]:
        """Every figure, as written to ``metrics.json``."""
        entities = self.table(EntityMatch.name)
        relations = self.table(RelationMatch.name)
        dates = self.table(DateValues.name)
        return {
            "gold": {"path": str(self.gold.path), "kind": self.gold.kind},
            "predictions": {"path": str(self.pred.path), "kind": self.pred.kind},
            "documents": len(self.articles),
            "documents_missing_in_pred": len(self.missing),
            "documents_not_in_gold": len(self.not_in_gold),
            "entities_scored": self.scores_entities,
            "entities": {
                label: Scores.of(entities.get(label, Counts())).as_dict()
                for label in (SCORED_ENTITY_TYPES if self.scores_entities else ())
            },
            "entities_micro": micro(entities, SCORED_ENTITY_TYPES).as_dict(),
            "mentions": {
                "articles": self.mention_articles,
                "strict": _typed_figures(self.table(StrictMentions.name)),
                "partial": _typed_figures(self.table(PartialMentions.name)),
            },
            "relations": {
                label: Scores.of(counts).as_dict() for label, counts in sorted(relations.items())
            },
            "relations_core_micro": micro(relations, CORE_RELATIONS).as_dict(),
            "relations_all_micro": micro(relations).as_dict(),
            "relations_restated": sum(a.pair.relations.restated for a in self.articles),
            "relations_out_of_scope": sum(a.pair.relations.out_of_scope for a in self.articles),
            "cast_character": micro(self.table(CastCharacter.name)).as_dict(),
            "date_values": {
                **{label: _accuracy(dates.get(label, Counts())) for label in DATE_RELATIONS},
                "all": _accuracy(total(dates.values())),
            },
            "articles": {a.article_id: self._article_figures(a) for a in self.articles},
        }

    def _article_figures(self, article: ArticleResult) -> dict[str, Any]:
        figures: dict[str, Any] = {
            "predicted": article.predicted,
            "relations": micro(article.counts(RelationMatch.name)).as_dict(),
            "mentions_compared": article.pair.compares_mentions,
        }
        if self.scores_entities:
            figures["entities"] = micro(article.counts(EntityMatch.name)).as_dict()
        return figures


def _typed_figures(table: Mapping[str, Counts]) -> dict[str, Any]:
    return {
        "types": {label: Scores.of(table.get(label, Counts())).as_dict() for label in table},
        "micro": micro(table, SCORED_ENTITY_TYPES).as_dict(),
    }


def _accuracy(counts: Counts) -> dict[str, float | int]:
    # DateValues counts a right value as TP and a wrong one as FP.
    return Accuracy(correct=counts.tp, total=counts.tp + counts.fp).as_dict()


def evaluate_corpora(gold: Corpus, pred: Corpus) -> EvaluationResult:
    """Score predictions against gold, article by article.

    Every gold article is scored; one without a prediction counts as predicting nothing.
    Predicted articles without gold are not scored.

    Args:
        gold: gold corpus (texts attached where known).
        pred: prediction corpus (texts attached where known).

    Returns:
        The per-article outcomes of all strategies.
    """
    articles = []
    for gold_document in sorted(gold.documents, key=lambda d: d.id):
        pred_document = pred.by_id.get(gold_document.id)
        pair = (
            DocumentPair(gold_document, pred_document)
            if pred_document is not None
            else DocumentPair.unpredicted(gold_document)
        )
        outcomes = evaluate_pair(pair, STRATEGIES)
        articles.append(ArticleResult(pair, pred_document is not None, outcomes))
    return EvaluationResult(gold, pred, tuple(articles))
