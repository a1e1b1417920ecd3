"""Fact merging across articles, date refinement, conflicts and the current-value rule.

A *fact* is one relation between canonical entities (or a canonical entity and a
date value) with its *support*: one entry per article stating it, with the
article's publication date, confidence and evidence spans.

* **Combined confidence** is the noisy-or of the per-article confidences,
  ``1 - prod(1 - c_i)`` (one ``c_i`` per article: the highest of that article's
  statements of the fact; gold, which has no confidence, counts 1.0).
* **Refinement**: a less specific statement joins the one it refines: a date value
  joins the single more specific compatible value (``2025`` -> ``2025-06-06``); a
  ``cast_member`` without a character joins the single one with a character for the
  same work and person (awards without a work likewise).
* **Conflicts**: a work's release date (per region), a person's date of death, and the
  actor of one character in one work admit one value. Two or more values there form a
  conflict, and one value is *current*: see :func:`choose_current`. Actors that some
  article names together for one character share the role (see :func:`_shared_role`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from extractor.reconcile.dates import compatible, join_dates, latest, refines
from extractor.reconcile.records import SYMMETRIC_RELATIONS, ArticleRecord, Evidence

DATE_PREFIX = "DATE|"
SINGLE_VALUED_DATES = frozenset({"release_date", "date_of_death"})
QUALIFIED_RELATIONS = {
    "cast_member": "character",
    "award_won": "work",
    "award_nominated": "work",
}


@dataclass(frozen=True)
class Support:
    """One article's statement of a fact.

    Attributes:
        article_id: the article.
        published: its publication date, None when unknown.
        confidence: the highest confidence the article gives the fact (1.0 for gold).
        evidence: its evidence spans, ordered.
    """

    article_id: str
    published: str | None
    confidence: float
    evidence: tuple[Evidence, ...]

    def merged(self, other: Support) -> Support:
        """The same article's two statements of one fact as one."""
        return replace(
            self,
            confidence=max(self.confidence, other.confidence),
            evidence=tuple(
                sorted(set(self.evidence) | set(other.evidence), key=lambda e: (e.start, e.end))
            ),
        )


@dataclass(frozen=True, order=True)
class FactKey:
    """What a fact states. References are entity keys, or ``DATE|<value>`` for dates.

    Attributes:
        type: relation type.
        head: head reference.
        tail: tail reference.
        character: character reference (``cast_member``), empty when none.
        work: work reference (awards), empty when none.
        region: release region, empty when none.
    """

    type: str
    head: str
    tail: str
    character: str = ""
    work: str = ""
    region: str = ""

    @property
    def tail_date(self) -> str | None:
        """The date value when the tail is a date."""
        return self.tail[len(DATE_PREFIX) :] if self.tail.startswith(DATE_PREFIX) else None


@dataclass(frozen=True)
class Fact:
    """A merged relation with its support.

    Attributes:
        key: what it states.
        supports: one per article, ordered by article id.
        current: False when it lost a conflict (an old release date, a replaced actor).
        conflict: the conflict it takes part in, None when none.
    """

    key: FactKey
    supports: tuple[Support, ...]
    current: bool = True
    conflict: ConflictKey | None = None

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Supporting articles, sorted."""
        return tuple(support.article_id for support in self.supports)

    def confidence(self, decimals: int) -> float:
        """Noisy-or of the per-article confidences, rounded (see the module docstring)."""
        return noisy_or([support.confidence for support in self.supports], decimals)

    @property
    def first_published(self) -> str | None:
        """Earliest publication date among the supporting articles."""
        dates = [s.published for s in self.supports if s.published]
        return min(dates) if dates else None

    @property
    def last_published(self) -> str | None:
        """Latest publication date among the supporting articles."""
        dates = [s.published for s in self.supports if s.published]
        return max(dates) if dates else None


@dataclass(frozen=True, order=True)
class ConflictKey:
    """The slot that admits one value.

    Attributes:
        head: the work or person.
        type: ``release_date``, ``date_of_death`` or ``cast_member``.
        character: for ``cast_member``, the character recast; else empty.
        region: release region, empty when none.
    """

    head: str
    type: str
    character: str = ""
    region: str = ""


@dataclass(frozen=True)
class Conflict:
    """Disagreeing values of one slot and the value chosen as current.

    Attributes:
        key: the slot.
        sides: the facts holding each value, ordered by value.
        current: the tail reference chosen.
        decided_by: which step of the rule chose it: ``most_recent_article``,
            ``most_articles``, ``highest_confidence`` or ``tie_break``.
    """

    key: ConflictKey
    sides: tuple[Fact, ...]
    current: str
    decided_by: str


@dataclass(frozen=True)
class MergedFacts:
    """Result of :func:`merge_facts`.

    Attributes:
        facts: every fact once, ordered by key.
        conflicts: ordered by key.
        current_values: per single-valued slot (conflicting or not), the current tail
            reference.
    """

    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    current_values: Mapping[ConflictKey, str]


def noisy_or(confidences: Iterable[float], decimals: int) -> float:
    """``1 - prod(1 - c)``, multiplied in sorted order so equal inputs give equal bits.

    Args:
        confidences: per-article confidences in 0..1.
        decimals: decimals kept.

    Returns:
        The combined confidence; 0.0 for no input.
    """
    remaining = 1.0
    for confidence in sorted(confidences):
        remaining *= 1.0 - confidence
    return round(1.0 - remaining, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0


def merge_facts(
    articles: Iterable[ArticleRecord],
    reference_of: Mapping[tuple[str, str], str],
    display_name: Callable[[str], str],
) -> MergedFacts:
    """Merge the relations of all articles into facts, and settle single-valued slots.

    Args:
        articles: article records.
        reference_of: ``(article_id, local_id)`` to an entity key, or ``DATE|<value>``.
        display_name: a reference's display name, for the alphabetical tie-break.

    Returns:
        Facts, conflicts and current values.
    """
    supports = _collect(articles, reference_of)
    supports = _absorb_unqualified(supports)
    supports, ambiguous_dates = _refine_dates(supports)
    facts = {
        key: tuple(by_article[article] for article in sorted(by_article))
        for key, by_article in supports.items()
    }
    return _settle_slots(facts, ambiguous_dates, display_name)


_Supports = dict[FactKey, dict[str, Support]]


def _add(supports: _Supports, key: FactKey, support: Support) -> None:
    by_article = supports.setdefault(key, {})
    known = by_article.get(support.article_id)
    by_article[support.article_id] = known.merged(support) if known else support


def _collect(
    articles: Iterable[ArticleRecord], reference_of: Mapping[tuple[str, str], str]
) -> _Supports:
    supports: _Supports = {}
    for article in articles:
        references = {entity.local_id: reference_of[entity.key] for entity in article.entities}
        for relation in article.relations:
            head, tail = references[relation.head], references[relation.tail]
            if relation.type in SYMMETRIC_RELATIONS:
                head, tail = sorted((head, tail))
            key = FactKey(
                relation.type,
                head,
                tail,
                references.get(relation.character or "", ""),
                references.get(relation.work or "", ""),
                relation.region or "",
            )
            support = Support(
                article.article_id, article.published, relation.confidence, relation.evidence
            )
            _add(supports, key, support)
    return supports


def _absorb_unqualified(supports: _Supports) -> _Supports:
    # "X stars in W" and "X plays C in W" are one credit when X plays only C there.
    qualified: dict[FactKey, list[FactKey]] = defaultdict(list)
    for key in supports:
        field = QUALIFIED_RELATIONS.get(key.type)
        if field and getattr(key, field):
            qualified[replace(key, **{field: ""})].append(key)
    merged: _Supports = {}
    for key in sorted(supports):
        field = QUALIFIED_RELATIONS.get(key.type)
        targets = qualified.get(key, []) if field and not getattr(key, field) else []
        destination = targets[0] if len(targets) == 1 else key
        for support in supports[key].values():
            _add(merged, destination, support)
    return merged


def _refine_dates(supports: _Supports) -> tuple[_Supports, set[FactKey]]:
    groups: dict[FactKey, list[FactKey]] = defaultdict(list)
    for key in supports:
        if key.tail_date is not None:
            groups[replace(key, tail="")].append(key)
    destination: dict[FactKey, FactKey] = {}
    ambiguous: set[FactKey] = set()
    for slot, keys in groups.items():
        values = sorted({key.tail_date for key in keys if key.tail_date is not None})
        mapping = refine_values(values)
        for key in keys:
            target = mapping.get(key.tail_date or "")
            if target is None:
                ambiguous.add(key)
                destination[key] = key
            else:
                destination[key] = replace(slot, tail=DATE_PREFIX + target)
    merged: _Supports = {}
    for key in sorted(supports):
        for support in supports[key].values():
            _add(merged, destination.get(key, key), support)
    return merged, ambiguous


def refine_values(values: list[str]) -> dict[str, str]:
    """Map each date value of one slot to the value it is counted under.

    Maximal values (refined by no other) that are pairwise compatible join into one
    (``XXXX-09-18`` and ``2026-09`` -> ``2026-09-18``); a less specific value goes to the
    single joined value refining it. A value refined by several incompatible values
    (``2025`` beside ``2025-06-06`` and ``2025-09-18``) maps nowhere: it supports none of
    them, and is not in the result.

    Args:
        values: distinct date values, sorted.

    Returns:
        Value to counted value, for every value that has one.
    """
    maximal = [v for v in values if not any(w != v and refines(w, v) for w in values)]
    components = _compatible_components(maximal)
    candidate_of: dict[str, str] = {}
    for component in components:
        if all(compatible(a, b) for a in component for b in component):
            joined = join_dates(component)
            candidate_of.update(dict.fromkeys(component, joined))
        else:
            candidate_of.update({value: value for value in component})
    candidates = sorted(set(candidate_of.values()))
    mapping: dict[str, str] = {}
    for value in values:
        if value in candidate_of:
            mapping[value] = candidate_of[value]
            continue
        refining = [candidate for candidate in candidates if refines(candidate, value)]
        if len(refining) == 1:
            mapping[value] = refining[0]
    return mapping


def _compatible_components(values: list[str]) -> list[list[str]]:
    components: list[list[str]] = []
    for value in values:
        touching = [c for c in components if any(compatible(value, other) for other in c)]
        merged = [value] + [other for component in touching for other in component]
        components = [c for c in components if c not in touching] + [sorted(merged)]
    return sorted(components)


def _slot_of(key: FactKey) -> ConflictKey | None:
    if key.type in SINGLE_VALUED_DATES and key.tail_date is not None:
        return ConflictKey(key.head, key.type, "", key.region)
    if key.type == "cast_member" and key.character:
        return ConflictKey(key.head, key.type, key.character, "")
    return None


def _settle_slots(
    facts: Mapping[FactKey, tuple[Support, ...]],
    ambiguous_dates: set[FactKey],
    display_name: Callable[[str], str],
) -> MergedFacts:
    slots: dict[ConflictKey, list[FactKey]] = defaultdict(list)
    for key in facts:
        slot = _slot_of(key)
        if slot is not None and key not in ambiguous_dates:
            slots[slot].append(key)

    conflicts: list[Conflict] = []
    current_values: dict[ConflictKey, str] = {}
    losing: set[FactKey] = set()
    in_conflict: dict[FactKey, ConflictKey] = {}
    for slot in sorted(slots):
        sides = tuple(Fact(key, facts[key]) for key in sorted(slots[slot]))
        if len(sides) == 1:
            current_values[slot] = sides[0].key.tail
            continue
        if slot.type == "cast_member" and _shared_role(sides):
            continue
        current, decided_by = choose_current(sides, display_name)
        current_values[slot] = current
        conflicts.append(Conflict(slot, sides, current, decided_by))
        for side in sides:
            in_conflict[side.key] = slot
            if side.key.tail != current:
                losing.add(side.key)

    # A coarse date that fits several values is still true if it fits the current one.
    for key in ambiguous_dates:
        slot = _slot_of(key)
        if slot in current_values:
            chosen = current_values[slot][len(DATE_PREFIX) :]
            if not compatible(key.tail_date or "", chosen):
                losing.add(key)

    merged = tuple(
        Fact(key, facts[key], current=key not in losing, conflict=in_conflict.get(key))
        for key in sorted(facts)
    )
    conflicts = [
        replace(
            conflict,
            sides=tuple(
                Fact(
                    s.key, s.supports, current=s.key.tail == conflict.current, conflict=conflict.key
                )
                for s in conflict.sides
            ),
        )
        for conflict in conflicts
    ]
    return MergedFacts(merged, tuple(conflicts), current_values)


def _shared_role(sides: tuple[Fact, ...]) -> bool:
    """Whether every two actors of one character are named together by some article.

    An article giving two actors for one character in one work presents a shared role
    (young and old Furiosa, M3GAN's body and voice), not a recast: a recast shows as
    articles that disagree.
    """
    articles = [set(side.article_ids) for side in sides]
    return all(
        articles[i] & articles[j] for i in range(len(sides)) for j in range(i + 1, len(sides))
    )


def choose_current(sides: tuple[Fact, ...], display_name: Callable[[str], str]) -> tuple[str, str]:
    """Pick the current value of a slot with disagreeing values.

    1. *Most recent article*: every article votes for the value it states; an article
       stating several dates reports a move, and votes for the latest of them. The votes
       of the most recently published supporting article(s) decide when they agree.
    2. Otherwise (no article dated, or the latest ones disagree), among the values still
       in the running (the latest articles' votes, or all when none is dated): the one
       supported by the **most articles**, then the **highest combined confidence**,
       then a **tie-break**: the latest date, or for actors the name first in code-point
       order.

    Args:
        sides: one fact per value, same slot.
        display_name: display name of a tail reference, for the tie-break.

    Returns:
        The chosen tail reference and the step that chose it.
    """
    is_date = sides[0].key.tail_date is not None
    claims: dict[str, set[str]] = defaultdict(set)
    published: dict[str, str | None] = {}
    for side in sides:
        for support in side.supports:
            claims[support.article_id].add(side.key.tail)
            published[support.article_id] = support.published
    votes = {
        article: ({_latest_reference(claimed)} if is_date else claimed)
        for article, claimed in claims.items()
    }
    dated = [date for date in published.values() if date]
    in_running = {side.key.tail for side in sides}
    if dated:
        newest = max(dated)
        in_running = {
            value
            for article, date in published.items()
            if date == newest
            for value in votes[article]
        }
        if len(in_running) == 1:
            return next(iter(in_running)), "most_recent_article"

    ranked = [side for side in sides if side.key.tail in in_running]
    most = max(len(side.supports) for side in ranked)
    ranked = [side for side in ranked if len(side.supports) == most]
    if len(ranked) == 1:
        return ranked[0].key.tail, "most_articles"
    # Full precision here: rounding could turn a real difference into a tie.
    best = max(side.confidence(15) for side in ranked)
    ranked = [side for side in ranked if side.confidence(15) == best]
    if len(ranked) == 1:
        return ranked[0].key.tail, "highest_confidence"
    if is_date:
        return _latest_reference(side.key.tail for side in ranked), "tie_break"
    return min(ranked, key=lambda s: (display_name(s.key.tail), s.key.tail)).key.tail, "tie_break"


def _latest_reference(references: Iterable[str]) -> str:
    return DATE_PREFIX + latest(reference[len(DATE_PREFIX) :] for reference in references)
