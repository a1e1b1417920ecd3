"""Matching predictions to gold within one article: one strategy per matching mode.

Each strategy (:class:`EntityMatch`, :class:`StrictMentions`, :class:`PartialMentions`,
:class:`RelationMatch`, :class:`CastCharacter`, :class:`DateValues`) takes a
:class:`DocumentPair` and returns an :class:`Outcome`: explicit TP/FP/FN per label and the
findings behind the errors. The semantics are described in ``docs/evaluation.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Literal, Protocol

from extractor.evaluation.metrics import Counts
from extractor.evaluation.model import Document, Entity, Relation, Span, text_sha256
from extractor.evaluation.normalize import date_value_matches, is_coarser_date, normalize_name
from extractor.evaluation.vocabulary import (
    CHARACTER_RELATION,
    DATE_RELATIONS,
    FILM_SCOPED_RELATIONS,
    SCORED_ENTITY_TYPES,
    SYMMETRIC_RELATIONS,
)

FindingKind = Literal["FP", "FN", "WRONG_CHARACTER", "WRONG_VALUE"]


@dataclass(frozen=True)
class Finding:
    """One error in one article.

    Attributes:
        kind: ``FP`` (predicted, not in gold), ``FN`` (gold, not predicted),
            ``WRONG_CHARACTER`` / ``WRONG_VALUE`` (matched relation, wrong character or date).
        label: the entity or relation type.
        gold: the gold entity or relation involved, if any.
        pred: the predicted entity or relation involved, if any.
    """

    kind: FindingKind
    label: str
    gold: Entity | Relation | None = None
    pred: Entity | Relation | None = None


@dataclass(frozen=True)
class Outcome:
    """What one strategy found in one article."""

    counts: Mapping[str, Counts]
    findings: tuple[Finding, ...] = ()


# ---------------------------------------------------------------------------------------
# Surface forms and entity correspondence


@dataclass(frozen=True)
class SurfaceForms:
    """An entity's normalised names, computed once per article.

    Attributes:
        entity: the entity.
        primary: its normalised ``name``.
        keys: normalised name, aliases and mention texts (without empty ones).
    """

    entity: Entity
    primary: str
    keys: frozenset[str]

    @classmethod
    def of(cls, entity: Entity) -> SurfaceForms:
        """Normalise an entity's surface forms."""
        keys = frozenset(normalize_name(form) for form in entity.surface_forms) - {""}
        return cls(entity, normalize_name(entity.name), keys)


# Strength of the evidence that a predicted entity denotes a gold one. The name counts for
# more than an alias because an article's aliases can be shared ("Wick" for the film
# character and for the franchise); the tiers decide between such candidates.
SAME_NAME = 3
NAME_IS_GOLD_FORM = 2
SHARED_FORM = 1
NO_MATCH = 0


def match_strength(pred: SurfaceForms, gold: SurfaceForms) -> int:
    """How strongly a predicted entity matches a gold one, ignoring types except DATE.

    Non-DATE entities: the predicted name equals the gold name (3), or equals a gold alias or
    mention text (2), or some predicted form equals some gold form (1). DATEs match only
    DATEs: by equal values (3), by values equal through the gold's ``X`` digits (2), or, when
    the prediction has no value, by its name being a gold form (1).

    Args:
        pred: surface forms of the predicted entity.
        gold: surface forms of the gold entity.

    Returns:
        One of :data:`SAME_NAME`, :data:`NAME_IS_GOLD_FORM`, :data:`SHARED_FORM`,
        :data:`NO_MATCH`.
    """
    pred_is_date = pred.entity.type == "DATE"
    if pred_is_date or gold.entity.type == "DATE":
        if not (pred_is_date and gold.entity.type == "DATE"):
            return NO_MATCH
        if pred.entity.value and pred.entity.value == gold.entity.value:
            return SAME_NAME
        # `2024-06-07` is also `XXXX-06-07`, but less surely than it is `2024-06-07`.
        if date_value_matches(gold.entity.value, pred.entity.value):
            return NAME_IS_GOLD_FORM
        if not pred.entity.value and pred.primary in gold.keys:
            return SHARED_FORM
        return NO_MATCH
    if pred.primary in gold.keys:
        return SAME_NAME if pred.primary == gold.primary else NAME_IS_GOLD_FORM
    return SHARED_FORM if pred.keys & gold.keys else NO_MATCH


def maximum_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """One-to-one assignment of items to targets, as many pairs as possible.

    Kuhn's augmenting paths: items are placed in order, each trying its candidates in the
    order given (best first); a later item may move an earlier one to another of its
    candidates, so no item is left out when a full reassignment could include it.

    Args:
        candidates: for each item, the target indices it may take, most preferred first.

    Returns:
        Target index -> item index.
    """
    owner: dict[int, int] = {}

    def place(item: int, visited: set[int]) -> bool:
        for target in candidates[item]:
            if target in visited:
                continue
            visited.add(target)
            if target not in owner or place(owner[target], visited):
                owner[target] = item
                return True
        return False

    for item in range(len(candidates)):
        place(item, set())
    return owner


ClaimKey = tuple[str, str, str]


def claim_key(relation_type: str, head: str, tail: str) -> ClaimKey:
    """The identity of a relation claim; symmetric types ignore direction."""
    if relation_type in SYMMETRIC_RELATIONS and tail < head:
        head, tail = tail, head
    return (relation_type, head, tail)


def _subsumed(relations: Sequence[Relation], entities: Mapping[str, Entity]) -> set[int]:
    """Indices of relations whose DATE tail is a coarser form of another's with same type and head.

    ``released in 2024`` and ``released on 7 June 2024`` are one claim, stated twice.
    """

    def value(entity_id: str) -> str | None:
        entity = entities.get(entity_id)
        return entity.value if entity else None

    coarser = set()
    for i, relation in enumerate(relations):
        mine = value(relation.tail)
        if mine and any(
            other.type == relation.type
            and other.head == relation.head
            and other.tail != relation.tail
            and is_coarser_date(mine, value(other.tail))
            for other in relations
        ):
            coarser.add(i)
    return coarser


@dataclass(frozen=True)
class RelationAlignment:
    """Gold claims against predicted relations in one article.

    Attributes:
        matched: (gold relation, predicted relation) pairs, one per gold claim at most.
        false_positives: predicted relations matching no gold claim.
        false_negatives: gold claims no prediction matches (optional ones excepted).
        restated: predictions dropped because they repeat a claim already counted.
        out_of_scope: predictions not scored (DocRED gold: film relation on a non-film head).
    """

    matched: tuple[tuple[Relation, Relation], ...]
    false_positives: tuple[Relation, ...]
    false_negatives: tuple[Relation, ...]
    restated: int = 0
    out_of_scope: int = 0


@dataclass(frozen=True)
class DocumentPair:
    """A gold article and the prediction for it (empty when the article was not predicted).

    The correspondences every strategy needs are computed once here.
    """

    gold: Document
    pred: Document

    @classmethod
    def unpredicted(cls, gold: Document) -> DocumentPair:
        """Pair a gold article with an empty prediction."""
        return cls(gold, Document(gold.id, (), (), gold.source))

    @property
    def is_docred(self) -> bool:
        """Whether the gold is DocRED (relations only, film-scoped)."""
        return self.gold.film_heads is not None

    @cached_property
    def gold_forms(self) -> dict[str, SurfaceForms]:
        """Surface forms of the gold entities, by id, in file order."""
        return {e.id: SurfaceForms.of(e) for e in self.gold.entities}

    @cached_property
    def pred_forms(self) -> dict[str, SurfaceForms]:
        """Surface forms of the predicted entities, by id, in file order."""
        return {e.id: SurfaceForms.of(e) for e in self.pred.entities}

    @cached_property
    def argument_map(self) -> dict[str, tuple[str, ...]]:
        """For each predicted entity, the gold entities it may denote as a relation argument.

        Untyped (a predicted ORG can stand for a gold PERSON of the same name: the relation
        type already says what the argument is), but a same-type gold entity wins over an
        equally strong other-type one. All gold entities tied for best are kept; relation
        matching picks among them. Many predicted entities may map to one gold entity.
        """
        mapping: dict[str, tuple[str, ...]] = {}
        for pred_id, pred in self.pred_forms.items():
            best: list[str] = []
            best_rank = 0
            for gold_id, gold in self.gold_forms.items():
                strength = match_strength(pred, gold)
                if not strength:
                    continue
                rank = 2 * strength + (gold.entity.type == pred.entity.type)
                if rank > best_rank:
                    best, best_rank = [gold_id], rank
                elif rank == best_rank:
                    best.append(gold_id)
            mapping[pred_id] = tuple(best)
        return mapping

    @cached_property
    def gold_claims(self) -> dict[ClaimKey, Relation]:
        """Gold relations in scope, one per claim, in file order."""
        claims: dict[ClaimKey, Relation] = {}
        for relation in self.gold.relations:
            if self.is_docred and not self._in_film_scope(relation.type, (relation.head,)):
                continue
            key = claim_key(relation.type, relation.head, relation.tail)
            # A repeated claim counts once; keep the statement that names a character.
            if key not in claims or (claims[key].character is None and relation.character):
                claims[key] = relation
        return claims

    @cached_property
    def optional_claims(self) -> frozenset[ClaimKey]:
        """Gold date claims implied by a finer gold date for the same type and head.

        Predicting them is right, omitting them is not an error (see docs/evaluation.md).
        """
        relations = list(self.gold_claims.values())
        coarser = _subsumed(relations, self.gold.entity_index)
        return frozenset(
            claim_key(r.type, r.head, r.tail) for i, r in enumerate(relations) if i in coarser
        )

    @cached_property
    def scored_predictions(self) -> tuple[Relation, ...]:
        """Predicted relations less those restating a finer date given for the same head."""
        relations = self.pred.relations
        coarser = _subsumed(relations, self.pred.entity_index)
        return tuple(r for i, r in enumerate(relations) if i not in coarser)

    def _in_film_scope(self, relation_type: str, heads: Sequence[str]) -> bool:
        film_heads = self.gold.film_heads or frozenset()
        return relation_type not in FILM_SCOPED_RELATIONS or any(h in film_heads for h in heads)

    @cached_property
    def relations(self) -> RelationAlignment:
        """Align predicted relations to gold claims through :attr:`argument_map`.

        Predictions are taken in file order. Each maps its head and tail to gold entities;
        the first gold claim so reached and not yet matched is matched. A prediction that
        only reaches claims already matched restates them and is not counted; one that
        reaches no gold claim is a false positive (once per predicted head, tail and type).
        """
        claims = self.gold_claims
        matched: dict[ClaimKey, tuple[Relation, Relation]] = {}
        false_positives: list[Relation] = []
        unmatched_keys: set[ClaimKey] = set()
        restated = out_of_scope = 0
        for relation in self.scored_predictions:
            heads = self.argument_map.get(relation.head, ())
            tails = self.argument_map.get(relation.tail, ())
            # A head mapped only to gold non-films has no DocRED film gold to be scored on;
            # an unmapped head is still a false positive.
            if self.is_docred and heads and not self._in_film_scope(relation.type, heads):
                out_of_scope += 1
                continue
            reachable = [claim_key(relation.type, h, t) for h in heads for t in tails]
            key = next((k for k in reachable if k in claims and k not in matched), None)
            if key is not None:
                matched[key] = (claims[key], relation)
                continue
            own_key = claim_key(relation.type, f"pred:{relation.head}", f"pred:{relation.tail}")
            restates = next((k for k in reachable if k in matched), None)
            if restates is not None or own_key in unmatched_keys:
                restated += 1
                # Of two statements of one claim, keep the one that names a character.
                if (
                    restates is not None
                    and relation.character
                    and not matched[restates][1].character
                ):
                    matched[restates] = (matched[restates][0], relation)
                continue
            unmatched_keys.add(own_key)
            false_positives.append(relation)
        false_negatives = tuple(
            relation
            for key, relation in claims.items()
            if key not in matched and key not in self.optional_claims
        )
        return RelationAlignment(
            matched=tuple(matched.values()),
            false_positives=tuple(false_positives),
            false_negatives=false_negatives,
            restated=restated,
            out_of_scope=out_of_scope,
        )

    @cached_property
    def compares_mentions(self) -> bool:
        """Whether mention offsets can be compared: v1 gold, offsets on both sides, one text.

        Texts are taken to be the same unless both sides know a hash and they differ.
        """
        if self.is_docred or not (self.gold.has_mentions and self.pred.has_mentions):
            return False
        gold_hash, pred_hash = _text_hash(self.gold), _text_hash(self.pred)
        return gold_hash is None or pred_hash is None or gold_hash == pred_hash


def _text_hash(document: Document) -> str | None:
    if document.text_sha256:
        return document.text_sha256
    return text_sha256(document.text) if document.text is not None else None


# ---------------------------------------------------------------------------------------
# Strategies


class Strategy(Protocol):
    """A matching mode: TP/FP/FN per label for one article."""

    name: ClassVar[str]

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Match the prediction to the gold of one article."""
        ...


def _tally(labels_tp: list[str], labels_fp: list[str], labels_fn: list[str]) -> dict[str, Counts]:
    """Build per-label counts from lists of labels (one entry per TP, FP, FN)."""
    tp, fp, fn = Counter(labels_tp), Counter(labels_fp), Counter(labels_fn)
    return {
        label: Counts(tp[label], fp[label], fn[label])
        for label in sorted(set(tp) | set(fp) | set(fn))
    }


class EntityMatch:
    """Document-level entities of the scored types, typed, alias-aware, one to one.

    A predicted entity may match a gold entity of the same type with
    :func:`match_strength` > 0; the assignment has as many pairs as possible, each
    prediction preferring its strongest candidates. Not scored against DocRED gold.
    """

    name: ClassVar[str] = "entities"

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Count TP/FP/FN per entity type."""
        if pair.is_docred:
            return Outcome({})
        preds = [f for f in pair.pred_forms.values() if f.entity.type in SCORED_ENTITY_TYPES]
        golds = [f for f in pair.gold_forms.values() if f.entity.type in SCORED_ENTITY_TYPES]
        candidates = []
        for pred in preds:
            scored = [
                (-match_strength(pred, gold), index)
                for index, gold in enumerate(golds)
                if gold.entity.type == pred.entity.type
            ]
            candidates.append([index for strength, index in sorted(scored) if strength])
        owner = maximum_matching(candidates)
        matched_preds = set(owner.values())
        findings = [
            Finding("FP", p.entity.type, pred=p.entity)
            for i, p in enumerate(preds)
            if i not in matched_preds
        ]
        findings += [
            Finding("FN", g.entity.type, gold=g.entity)
            for i, g in enumerate(golds)
            if i not in owner
        ]
        counts = _tally(
            [golds[i].entity.type for i in owner],
            [f.label for f in findings if f.kind == "FP"],
            [f.label for f in findings if f.kind == "FN"],
        )
        return Outcome(counts, tuple(findings))


@dataclass(frozen=True, order=True)
class TypedSpan:
    """A mention as NER sees it: offsets and entity type."""

    span: Span
    type: str


def mention_spans(document: Document) -> list[TypedSpan]:
    """All mentions of entities of the scored types, in file order (repeats kept)."""
    return [
        TypedSpan(m.span, e.type)
        for e in document.entities
        if e.type in SCORED_ENTITY_TYPES
        for m in e.mentions
    ]


class StrictMentions:
    """Mention-level NER, strict: same start, end and type."""

    name: ClassVar[str] = "mentions_strict"

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Count TP/FP/FN per entity type (empty when mentions are not comparable)."""
        if not pair.compares_mentions:
            return Outcome({})
        gold = Counter(mention_spans(pair.gold))
        pred = Counter(mention_spans(pair.pred))
        both = gold & pred
        return Outcome(
            _tally(
                [m.type for m in both.elements()],
                [m.type for m in (pred - both).elements()],
                [m.type for m in (gold - both).elements()],
            )
        )


class PartialMentions:
    """Mention-level NER, partial: overlapping offsets and the same type, one to one."""

    name: ClassVar[str] = "mentions_partial"

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Count TP/FP/FN per entity type (empty when mentions are not comparable)."""
        if not pair.compares_mentions:
            return Outcome({})
        gold = mention_spans(pair.gold)
        pred = mention_spans(pair.pred)
        candidates = []
        for p in pred:
            overlapping = [
                (-_overlap(p.span, g.span), index)
                for index, g in enumerate(gold)
                if g.type == p.type and p.span.overlaps(g.span)
            ]
            candidates.append([index for _, index in sorted(overlapping)])
        owner = maximum_matching(candidates)
        matched_preds = set(owner.values())
        return Outcome(
            _tally(
                [gold[i].type for i in owner],
                [p.type for i, p in enumerate(pred) if i not in matched_preds],
                [g.type for i, g in enumerate(gold) if i not in owner],
            )
        )


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


class RelationMatch:
    """Relations per type, arguments mapped to gold entities (see DocumentPair.relations)."""

    name: ClassVar[str] = "relations"

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Count TP/FP/FN per relation type."""
        alignment = pair.relations
        findings = [Finding("FP", r.type, pred=r) for r in alignment.false_positives]
        findings += [Finding("FN", r.type, gold=r) for r in alignment.false_negatives]
        counts = _tally(
            [gold.type for gold, _ in alignment.matched],
            [r.type for r in alignment.false_positives],
            [r.type for r in alignment.false_negatives],
        )
        return Outcome(counts, tuple(findings))


class CastCharacter:
    """Characters of cast members, over gold cast claims that name a character.

    TP: the matched prediction names a character that maps to the gold one. FP: it names
    another. FN: the claim was not matched, or the prediction names no character.
    Predicted characters on claims whose gold has none are not scored.
    """

    name: ClassVar[str] = "cast_character"
    label: ClassVar[str] = "cast_character"

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Count TP/FP/FN under the single label ``cast_character``."""
        predicted = {claim_key(g.type, g.head, g.tail): p for g, p in pair.relations.matched}
        counts = Counts()
        findings = []
        for key, gold in pair.gold_claims.items():
            if gold.type != CHARACTER_RELATION or not gold.character:
                continue
            pred = predicted.get(key)
            if pred is None or not pred.character:
                counts += Counts(fn=1)
            elif gold.character in pair.argument_map.get(pred.character, ()):
                counts += Counts(tp=1)
            else:
                counts += Counts(fp=1)
                findings.append(Finding("WRONG_CHARACTER", gold.type, gold=gold, pred=pred))
        return Outcome({self.label: counts} if counts.any else {}, tuple(findings))


class DateValues:
    """DATE values of release and death dates, as accuracy: TP right value, FP wrong value.

    Checked are gold date relations whose tail is a DATE with a value. A prediction is
    checked against one when it matched it, or else when its head maps to the gold head and
    its tail is a DATE naming the same date (so that a wrong value shows as a wrong value,
    not only as a missing relation). FN is always 0: missing dates are the relation
    figures' business.
    """

    name: ClassVar[str] = "date_values"

    def evaluate(self, pair: DocumentPair) -> Outcome:
        """Count correct (``tp``) and wrong (``fp``) values per relation type."""
        checked = {
            id(g): g for g in pair.gold_claims.values() if self._gold_value(pair, g) is not None
        }
        pairs = [(g, p) for g, p in pair.relations.matched if id(g) in checked]
        used = {id(p) for _, p in pair.relations.matched}
        spare = [
            p for p in pair.scored_predictions if p.type in DATE_RELATIONS and id(p) not in used
        ]
        paired = {id(g) for g, _ in pairs}
        for gold in checked.values():
            if id(gold) in paired:
                continue
            found = next((p for p in spare if self._same_date(pair, gold, p)), None)
            if found is not None:
                spare.remove(found)
                pairs.append((gold, found))
        counts: dict[str, Counts] = {}
        findings = []
        for gold, pred in pairs:
            pred_tail = pair.pred.entity_index.get(pred.tail)
            right = date_value_matches(
                self._gold_value(pair, gold), pred_tail.value if pred_tail else None
            )
            outcome = Counts(tp=1) if right else Counts(fp=1)
            counts[gold.type] = counts.get(gold.type, Counts()) + outcome
            if not right:
                findings.append(Finding("WRONG_VALUE", gold.type, gold=gold, pred=pred))
        return Outcome(dict(sorted(counts.items())), tuple(findings))

    @staticmethod
    def _gold_value(pair: DocumentPair, gold: Relation) -> str | None:
        tail = pair.gold.entity_index.get(gold.tail)
        if gold.type not in DATE_RELATIONS or tail is None or tail.type != "DATE":
            return None
        return tail.value

    @staticmethod
    def _same_date(pair: DocumentPair, gold: Relation, pred: Relation) -> bool:
        if pred.type != gold.type or gold.head not in pair.argument_map.get(pred.head, ()):
            return False
        pred_tail = pair.pred_forms.get(pred.tail)
        gold_tail = pair.gold_forms[gold.tail]
        if pred_tail is None or pred_tail.entity.type != "DATE":
            return False
        return date_value_matches(gold_tail.entity.value, pred_tail.entity.value) or bool(
            pred_tail.keys & gold_tail.keys
        )


STRATEGIES: tuple[Strategy, ...] = (
    EntityMatch(),
    StrictMentions(),
    PartialMentions(),
    RelationMatch(),
    CastCharacter(),
    DateValues(),
)
"""All strategies, in report order."""


def evaluate_pair(
    pair: DocumentPair, strategies: Sequence[Strategy] = STRATEGIES
) -> dict[str, Outcome]:
    """Run strategies on one article; outcomes by strategy name."""
    return {strategy.name: strategy.evaluate(pair) for strategy in strategies}


__all__ = [
    "STRATEGIES",
    "CastCharacter",
    "DateValues",
    "DocumentPair",
    "EntityMatch",
    "Finding",
    "Outcome",
    "PartialMentions",
    "RelationAlignment",
    "RelationMatch",
    "Strategy",
    "StrictMentions",
    "SurfaceForms",
    "claim_key",
    "evaluate_pair",
    "match_strength",
    "maximum_matching",
]
