"""Cross-article entity resolution: per-article entities grouped into canonical entities.

Rules, in order (``docs/dataset.md`` has the full account):

1. *Blocking by type*: only entities of one type are compared, so the film and the
   character both called ``John Wick`` stay apart. DATE entities are values, not
   resolved.
2. *Same name*: entities whose ``name`` fields have equal name keys, or keys that
   ``rapidfuzz.fuzz.ratio`` scores at least the type's threshold (with equal numbers),
   join, unless kept apart by the evidence (works only): two entities of one
   article; years further apart than ``max_year_spread`` (``Casino Royale`` 1967 and
   2006); films whose named directors have none in common. Entities with a year or
   a director group first; an entity with neither then joins the one matching group
   it fits, and stays alone when several fit (it cannot say which it is).
3. *Short forms* (not for awards): a group whose names are all aliases of exactly one other group
   (``Parabellum``), or for people and characters the last words (``de Armas``) or,
   for characters, the first words (``Winston``) of exactly one other group's name,
   joins that group. Ambiguous short forms (``Reeves`` of two people) stay alone.

Processing follows a sort of the input, never its arrival order, so the result is
a function of the set of annotations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from extractor.reconcile.names import matching_key_pairs, name_key
from extractor.reconcile.records import WORK_TYPES, EntityRecord
from extractor.reconcile.settings import ReconcileSettings

RESOLVED_TYPES = ("PERSON", "CHARACTER", "ORG", "LOC", "AWARD", "FILM", "SERIES")


@dataclass(frozen=True)
class ResolvedEntity:
    """One canonical entity and the per-article entities it stands for.

    Attributes:
        key: internal key, ``TYPE|article|local id`` of its first member; public ids are
            assigned later, once a work's year is known.
        type: entity type.
        name: canonical name (see :func:`canonical_name`).
        aliases: every other surface form, sorted.
        members: ``(article_id, local_id)`` of its per-article entities, sorted.
        article_ids: articles naming it, sorted.
        n_mentions: mentions over all articles.
        year_hints: years the articles tie to it, sorted, one per article and year.
    """

    key: str
    type: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[tuple[str, str], ...]
    article_ids: tuple[str, ...]
    n_mentions: int
    year_hints: tuple[int, ...]


@dataclass
class _Group:
    """Mutable state of one cluster root while clustering."""

    articles: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    directors: set[str] = field(default_factory=set)

    def absorb(self, other: _Group) -> None:
        self.articles |= other.articles
        self.years |= other.years
        self.directors |= other.directors


class _Clustering:
    """Union-find over record indices, the smaller index always the root."""

    def __init__(self, groups: list[_Group], compatible: Callable[[_Group, _Group], bool]):
        self.parent = list(range(len(groups)))
        self.groups = groups
        self.compatible_groups = compatible

    def find(self, index: int) -> int:
        root = index
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[index] != root:
            self.parent[index], index = root, self.parent[index]
        return root

    def compatible(self, left: int, right: int) -> bool:
        return self.compatible_groups(self.groups[self.find(left)], self.groups[self.find(right)])

    def join(self, left: int, right: int) -> bool:
        """Merge two clusters if they may be merged; True when they are (now) one."""
        left, right = self.find(left), self.find(right)
        if left == right:
            return True
        if not self.compatible_groups(self.groups[left], self.groups[right]):
            return False
        root, child = min(left, right), max(left, right)
        self.parent[child] = root
        self.groups[root].absorb(self.groups[child])
        return True


def resolve_entities(
    records: Iterable[EntityRecord],
    settings: ReconcileSettings,
    directors: Mapping[tuple[str, str], frozenset[str]] | None = None,
) -> list[ResolvedEntity]:
    """Group per-article entities of the resolved types into canonical entities.

    Args:
        records: per-article entities; DATE entities and unknown types are ignored.
        settings: thresholds.
        directors: per work entity ``(article_id, local_id)``, the resolved keys of the people
            its article names as directors; used to keep same-title films apart.

    Returns:
        Canonical entities sorted by key.
    """
    by_type: dict[str, list[EntityRecord]] = defaultdict(list)
    for record in records:
        if record.type in RESOLVED_TYPES:
            by_type[record.type].append(record)
    resolved: list[ResolvedEntity] = []
    for entity_type in sorted(by_type):
        block = sorted(by_type[entity_type], key=lambda record: record.key)
        for indices in _cluster_block(block, entity_type, settings, directors or {}):
            resolved.append(_describe([block[index] for index in indices], settings))
    return sorted(resolved, key=lambda entity: entity.key)


def _cluster_block(
    block: Sequence[EntityRecord],
    entity_type: str,
    settings: ReconcileSettings,
    directors: Mapping[tuple[str, str], frozenset[str]],
) -> list[list[int]]:
    is_work = entity_type in WORK_TYPES
    groups = [
        _Group(
            articles={record.article_id},
            years=set(record.year_hints) if is_work else set(),
            directors=set(directors.get(record.key, ())) if is_work else set(),
        )
        for record in block
    ]
    compatible = _work_compatibility(entity_type, settings) if is_work else _always
    clustering = _Clustering(groups, compatible)
    keys = [_key_of(record.name) for record in block]

    informative = [i for i, group in enumerate(groups) if group.years or group.directors]
    uninformative = [i for i, group in enumerate(groups) if not (group.years or group.directors)]
    key_pairs = _fuzzy_key_pairs(keys, entity_type, settings)
    _cluster_by_name(clustering, informative, keys, key_pairs)
    _cluster_by_name(clustering, uninformative, keys, key_pairs)
    _attach_uninformative(clustering, informative, uninformative, keys, key_pairs)
    if entity_type in settings.short_form_types:
        _absorb_short_forms(clustering, block, keys, entity_type, settings)

    clusters: dict[int, list[int]] = defaultdict(list)
    for index in range(len(block)):
        clusters[clustering.find(index)].append(index)
    return [clusters[root] for root in sorted(clusters)]


def _always(_left: _Group, _right: _Group) -> bool:
    return True


def _work_compatibility(
    entity_type: str, settings: ReconcileSettings
) -> Callable[[_Group, _Group], bool]:
    check_directors = entity_type in settings.director_separated_types

    def compatible(left: _Group, right: _Group) -> bool:
        # Two entities of one article are two works by the format's definition.
        if left.articles & right.articles:
            return False
        years = left.years | right.years
        if years and max(years) - min(years) > settings.max_year_spread:
            return False
        return not (
            check_directors
            and left.directors
            and right.directors
            and not left.directors & right.directors
        )

    return compatible


def _key_of(name: str) -> str:
    # A name of punctuation only still needs a key that equals only itself.
    return name_key(name) or name.casefold()


def _fuzzy_key_pairs(
    keys: Sequence[str], entity_type: str, settings: ReconcileSettings
) -> dict[str, list[str]]:
    distinct = sorted(set(keys))
    neighbours: dict[str, list[str]] = defaultdict(list)
    matches = matching_key_pairs(distinct, entity_type, settings)
    # Each key's neighbours closest first, so a cluster takes its best match first.
    for match in sorted(matches, key=lambda m: (-m.score, m.left, m.right)):
        neighbours[distinct[match.left]].append(distinct[match.right])
        neighbours[distinct[match.right]].append(distinct[match.left])
    return neighbours


def _cluster_by_name(
    clustering: _Clustering,
    indices: Sequence[int],
    keys: Sequence[str],
    neighbours: Mapping[str, list[str]],
) -> None:
    by_key: dict[str, list[int]] = defaultdict(list)
    for index in indices:
        by_key[keys[index]].append(index)
    # Equal names: each entity joins the first compatible cluster of its name.
    for key in sorted(by_key):
        roots: list[int] = []
        for index in by_key[key]:
            for root in roots:
                if clustering.join(root, index):
                    break
            else:
                roots.append(index)
    # Similar names: clusters of neighbouring keys (closest first) join where compatible.
    for key in sorted(by_key):
        for other in neighbours.get(key, ()):
            if other <= key or other not in by_key:
                continue
            for left in _roots(clustering, by_key[key]):
                for right in _roots(clustering, by_key[other]):
                    clustering.join(left, right)


def _roots(clustering: _Clustering, indices: Iterable[int]) -> list[int]:
    return sorted({clustering.find(index) for index in indices})


def _attach_uninformative(
    clustering: _Clustering,
    informative: Sequence[int],
    uninformative: Sequence[int],
    keys: Sequence[str],
    neighbours: Mapping[str, list[str]],
) -> None:
    informative_by_key: dict[str, list[int]] = defaultdict(list)
    for index in informative:
        informative_by_key[keys[index]].append(index)
    members: dict[int, list[int]] = defaultdict(list)
    for index in uninformative:
        members[clustering.find(index)].append(index)
    for root in sorted(members):
        names = {keys[index] for index in members[root]}
        near = names | {other for name in names for other in neighbours.get(name, ())}
        candidates = _roots(
            clustering, (i for name in sorted(near) for i in informative_by_key.get(name, ()))
        )
        fitting = [candidate for candidate in candidates if clustering.compatible(candidate, root)]
        # With two fitting works (1967 and 2006) a yearless mention cannot say which it is.
        if len(fitting) == 1:
            clustering.join(fitting[0], root)


def _absorb_short_forms(
    clustering: _Clustering,
    block: Sequence[EntityRecord],
    keys: Sequence[str],
    entity_type: str,
    settings: ReconcileSettings,
) -> None:
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(block)):
        members[clustering.find(index)].append(index)
    names_of = {root: {keys[i] for i in indices} for root, indices in members.items()}

    # Only aliases and parts that are not also names of the same cluster: clusters sharing a
    # name were kept apart on purpose by the name rule, and that stands.
    alias_index: dict[str, set[int]] = defaultdict(set)
    part_index: dict[str, set[int]] = defaultdict(set)
    for root, indices in members.items():
        own = names_of[root]
        for index in indices:
            for alias in block[index].aliases:
                if _key_of(alias) not in own:
                    alias_index[_key_of(alias)].add(root)
        for name in own:
            for part in _name_parts(name, entity_type, settings):
                if part not in own:
                    part_index[part].add(root)

    for root in sorted(members):
        names = names_of[root]
        for lookup in (alias_index, part_index):
            candidates = set.intersection(*(lookup.get(name, set()) for name in names))
            fitting = _roots(
                clustering,
                (c for c in candidates if clustering.find(c) != clustering.find(root)),
            )
            fitting = [c for c in fitting if clustering.compatible(c, root)]
            if len(fitting) == 1:
                clustering.join(fitting[0], root)
                break
            if fitting:
                break  # ambiguous: neither the alias nor a part of a name decides


def _name_parts(name: str, entity_type: str, settings: ReconcileSettings) -> list[str]:
    tokens = name.split()
    parts: list[str] = []
    if entity_type in settings.surname_types:
        parts += [" ".join(tokens[start:]) for start in range(1, len(tokens))]
    if entity_type in settings.first_name_types:
        parts += [" ".join(tokens[:stop]) for stop in range(1, len(tokens))]
    return parts


def canonical_name(records: Sequence[EntityRecord], settings: ReconcileSettings) -> str:
    """The display name of a group of per-article entities.

    A name that another member uses as an alias or that is part of another member's
    name (``de Armas``, ``Parabellum``) is a short form and only wins when every name is
    one. Among the rest: the name used by the most articles, then the longest, then the
    first in code-point order.

    Args:
        records: the members (their ``name`` fields are the candidates).
        settings: which types treat first and last words as short forms.

    Returns:
        The chosen name.
    """
    entity_type = records[0].type
    name_keys = {_key_of(record.name) for record in records}
    alias_of_other = {
        _key_of(alias)
        for record in records
        for alias in record.aliases
        if _key_of(alias) != _key_of(record.name)
    }
    parts = {part for key in name_keys for part in _name_parts(key, entity_type, settings)}
    articles_using: dict[str, set[str]] = defaultdict(set)
    for record in records:
        articles_using[record.name].add(record.article_id)
    full = [
        name
        for name in articles_using
        if _key_of(name) not in alias_of_other and _key_of(name) not in parts
    ]
    candidates = full or list(articles_using)
    return min(candidates, key=lambda name: (-len(articles_using[name]), -len(name), name))


def _describe(records: Sequence[EntityRecord], settings: ReconcileSettings) -> ResolvedEntity:
    records = sorted(records, key=lambda record: record.key)
    name = canonical_name(records, settings)
    surface_forms = {form for record in records for form in (record.name, *record.aliases)}
    first = records[0]
    years = Counter(year for record in records for year in record.year_hints)
    return ResolvedEntity(
        key=f"{first.type}|{first.article_id}|{first.local_id}",
        type=first.type,
        name=name,
        aliases=tuple(sorted(surface_forms - {name})),
        members=tuple(record.key for record in records),
        article_ids=tuple(sorted({record.article_id for record in records})),
        n_mentions=sum(record.n_mentions for record in records),
        year_hints=tuple(sorted(years.elements())),
    )
