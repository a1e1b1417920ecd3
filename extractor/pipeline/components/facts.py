"""``relation_extractor``: the facts that are not credits or release dates.

Each family is a pure function ``(sent, index, cues) -> list[dict]`` reading the
dependency parse of one sentence, so one rule covers many phrasings:

* ``date_of_death``: a person subject of *die* / *pass away* / *succumb* with a
  DATE in the verb's own phrase (``X died on Tuesday aged 84``, ``X, who passed
  away in March 2023``, ``He died on Sunday``), and ``the death of X in DATE``.
* ``original_broadcaster`` (SERIES) and ``distributor`` (FILM): the work as
  subject of *airs / premieres / streams on ORG*; the outlet as subject of
  *renew / order / distribute / release / push / date / acquire rights to*;
  ``distributed by ORG``; ``opens in cinemas through ORG``; an outlet that
  pre-modifies or possesses the work (``the HBO drama W``, ``Netflix's W``);
  ``ORG has announced the release date of W``. An outlet that distributes a
  SERIES is its broadcaster.
* ``production_company``: ``produced by ORG`` (ORG agents only; people are the
  role extractor's), an ORG subject of *produce*, ``produced the film for /
  through / with ORG``, ``a ORG production``, ``ORG's production of W``,
  ``ORG is the studio``.
* ``filming_location``: a LOC in the locative phrase of *film / shoot / wrap*,
  of ``filming / production / cameras`` + *begin / start / roll / move*, of
  ``on location in``, ``LOC-shot``, and ``LOC, where W was filmed``; the work is
  the verb's object or passive subject, else the work of the sentence, else the
  work in focus.
* ``part_of_series``: ``Y, a spin-off of X``, ``Y is the sequel to X``, ``the X
  spin-off film Y``, ``X prequel series Y``, ``Y, the fourth instalment of X``,
  and a title that extends another title of the article (``Joker: Folie à Deux``
  and ``Joker``, ``M3GAN 2.0`` and ``M3GAN``).
* ``parent`` / ``sibling`` / ``spouse``: family nouns read through apposition,
  possessives, ``of`` and copulas (``X's son Y``, ``Y, the daughter of X``, ``his
  wife X``, ``as her brother, C``, ``X is Y's mother``), plural nouns (``the
  sisters A and B`` are siblings; ``their sons A and B`` are siblings and
  children of both), pairs (``the father-and-son duo A and B``) and *marry*.
  A possessive pronoun is the nearest earlier person or character of the
  relative's type that agrees in gender, so in casting news ``A plays C1, and B
  plays her brother, C2`` relates the two characters, never actor and character.
* ``award_won`` / ``award_nominated``: a winner subject (or indirect object:
  ``W earned her the prize``) of *win / take / receive*, ``nominated for``,
  ``earned a nomination for``, ``is up for``, ``AWARD went to X``, ``X beat Y
  for AWARD``, ``Oscar winner X``, ``a Bafta nominee for W``, ``the
  Oscar-winning W``; the work honoured is the ``for W`` phrase when there is one.

A verbal fact that is negated, conditional or denied (``did not win``, ``if it
airs on``, ``denied that``) gives nothing; facts held in appositions and
possessives are presupposed, so they stand under a denial of something else.
Confidence follows ``roles.py``: 0.9 when the parse names both ends, 0.75 when
the work is the sentence's, 0.6 when it is the work in focus.

The position in the parse says what an argument is when the upstream type does
not: an outlet may be an ORG or a company-shaped name typed as a place
(``Peregrine Media``), never a person-shaped ORG; the object of a place
preposition after a filming verb is a place even if typed ORG or PERSON
(``on Westray``, ``Pinewood Studios``); a named possessor of a family noun is a
relative whatever its type. Whether an outlet broadcasts or distributes is
read from the words of the text and of the outlet's name before the work's
FILM/SERIES type, which is the least reliable (:func:`outlet_kind`).

Reads: ``doc.spans["mentions"]``, ``doc._.entities``, ``doc._.references``, the parse.
Writes: appends to ``doc._.relations``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.pipeline.components.roles import (
    RELATIVE_PRONOUNS,
    WORK_CONFIDENCE,
    people_at,
    relation,
)
from extractor.pipeline.discourse import (
    PERSONISH,
    WORK_TYPES,
    MentionIndex,
    child_with_dep,
    clause_subject,
    passes_clause,
)
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import FrozenDict, load_resource, lowered
from extractor.pipeline.names import looks_like_person_name
from extractor.pipeline.names import name_gender as gender_of_name

PERSON = frozenset({"PERSON"})
ORG = frozenset({"ORG"})
LOC = frozenset({"LOC"})
DATE = frozenset({"DATE"})
AWARD = frozenset({"AWARD"})
CHARACTER = frozenset({"CHARACTER"})
WINNER_TYPES = frozenset({"PERSON", "FILM", "SERIES"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "‘s", "'", "’"})
HYPHENS = frozenset({"-", "–"})
# Dependency labels that keep a word inside the noun phrase it modifies.
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
# How far back (in sentences) a possessive pronoun looks for its antecedent.
PRONOUN_REACH = 3


def _words(section: Any, key: str) -> frozenset[str]:
    return lowered(tuple(section[key]))


@dataclass(frozen=True)
class RelationCues:
    """The sections of ``relation_cues.json`` used here, as sets of lower-cased words."""

    hedge_lemmas: frozenset[str]
    hedge_markers: frozenset[str]
    hedge_modals: frozenset[str]
    death_verbs: frozenset[str]
    death_particles: dict[str, frozenset[str]]
    death_nouns: frozenset[str]
    date_preps: frozenset[str]
    on_verbs: frozenset[str]
    on_preps: frozenset[str]
    to_verbs: frozenset[str]
    outlet_verbs: frozenset[str]
    outlet_particles: dict[str, frozenset[str]]
    order_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    film_nouns: frozenset[str]
    on_nouns: frozenset[str]
    series_nouns: frozenset[str]
    broadcaster_words: frozenset[str]
    film_company_words: frozenset[str]
    org_words: frozenset[str]
    passive_release_verbs: frozenset[str]
    company_release_verbs: frozenset[str]
    acquisition_verbs: frozenset[str]
    rights_nouns: frozenset[str]
    marketing_nouns: frozenset[str]
    announce_verbs: frozenset[str]
    release_nouns: frozenset[str]
    through_preps: frozenset[str]
    release_context: frozenset[str]
    distributor_nouns: frozenset[str]
    production_org_words: frozenset[str]
    production_verbs: frozenset[str]
    company_production_verbs: frozenset[str]
    partner_preps: frozenset[str]
    production_nouns: frozenset[str]
    company_nouns: frozenset[str]
    from_nouns: frozenset[str]
    filming_verbs: frozenset[str]
    filming_nouns: frozenset[str]
    camera_verbs: frozenset[str]
    phase_verbs: frozenset[str]
    location_preps: frozenset[str]
    studio_words: frozenset[str]
    shot_words: frozenset[str]
    place_nouns: frozenset[str]
    work_part_nouns: frozenset[str]
    membership_nouns: frozenset[str]
    membership_preps: frozenset[str]
    franchise_nouns: frozenset[str]
    prepositional_nouns: frozenset[str]
    child_nouns: frozenset[str]
    parent_nouns: frozenset[str]
    sibling_nouns: frozenset[str]
    spouse_nouns: frozenset[str]
    spouse_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    plural_family_nouns: frozenset[str]
    casting_verbs: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    female_pronouns: frozenset[str]
    male_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    win_verbs: frozenset[str]
    nomination_verbs: frozenset[str]
    nomination_nouns: frozenset[str]
    winner_nouns: frozenset[str]
    nominee_nouns: frozenset[str]
    winning_words: frozenset[str]
    nominated_words: frozenset[str]
    go_verbs: frozenset[str]
    beat_verbs: frozenset[str]
    prize_nouns: frozenset[str]
    acting_award_words: frozenset[str]
    crew_award_words: FrozenDict

    @classmethod
    def load(cls) -> RelationCues:
        """Read the cues from the package data."""
        data = load_resource("relation_cues")
        hedges, death, broadcast = data["hedges"], data["death"], data["broadcast"]
        dist, prod, film = data["distribution"], data["production"], data["filming"]
        member, family, awards = data["series_membership"], data["family"], data["awards"]
        return cls(
            hedge_lemmas=_words(hedges, "lemmas"),
            hedge_markers=_words(hedges, "markers"),
            hedge_modals=_words(hedges, "modals"),
            death_verbs=_words(death, "verbs"),
            death_particles={k: lowered(v) for k, v in death["particle_verbs"].items()},
            death_nouns=_words(death, "nouns"),
            date_preps=_words(death, "date_prepositions"),
            on_verbs=_words(broadcast, "on_verbs"),
            on_preps=_words(broadcast, "on_prepositions"),
            to_verbs=_words(broadcast, "to_verbs"),
            outlet_verbs=_words(broadcast, "outlet_verbs"),
            outlet_particles={k: lowered(v) for k, v in broadcast["outlet_particle_verbs"].items()},
            order_nouns=_words(broadcast, "order_nouns"),
            outlet_nouns=_words(broadcast, "outlet_nouns"),
            film_nouns=_words(broadcast, "film_nouns"),
            on_nouns=_words(broadcast, "on_nouns"),
            series_nouns=_words(broadcast, "series_nouns"),
            broadcaster_words=_words(broadcast, "broadcaster_words"),
            film_company_words=_words(broadcast, "film_company_words"),
            org_words=_words(load_resource("entity_cues"), "org_words"),
            passive_release_verbs=_words(dist, "passive_verbs"),
            company_release_verbs=_words(dist, "company_verbs"),
            acquisition_verbs=_words(dist, "acquisition_verbs"),
            rights_nouns=_words(dist, "rights_nouns"),
            marketing_nouns=_words(dist, "marketing_nouns"),
            announce_verbs=_words(dist, "announce_verbs"),
            release_nouns=_words(dist, "release_nouns"),
            through_preps=_words(dist, "through_prepositions"),
            release_context=_words(dist, "release_context"),
            distributor_nouns=_words(dist, "agent_nouns"),
            production_org_words=_words(dist, "production_org_words"),
            production_verbs=_words(prod, "verbs"),
            company_production_verbs=_words(prod, "company_subject_verbs"),
            partner_preps=_words(prod, "partner_prepositions"),
            production_nouns=_words(prod, "nouns"),
            company_nouns=_words(prod, "company_nouns"),
            from_nouns=_words(prod, "from_nouns"),
            filming_verbs=_words(film, "verbs"),
            filming_nouns=_words(film, "nouns"),
            camera_verbs=_words(film, "camera_verbs"),
            phase_verbs=_words(film, "phase_verbs"),
            location_preps=_words(film, "location_prepositions"),
            studio_words=_words(film, "studio_words"),
            shot_words=_words(film, "shot_words"),
            place_nouns=_words(film, "place_nouns"),
            work_part_nouns=_words(film, "work_part_nouns"),
            membership_nouns=_words(member, "nouns"),
            membership_preps=_words(member, "prepositions"),
            franchise_nouns=_words(member, "franchise_nouns"),
            prepositional_nouns=_words(member, "prepositional_nouns"),
            child_nouns=_words(family, "child_nouns"),
            parent_nouns=_words(family, "parent_nouns"),
            sibling_nouns=_words(family, "sibling_nouns"),
            spouse_nouns=_words(family, "spouse_nouns"),
            spouse_verbs=_words(family, "spouse_verbs"),
            pair_nouns=_words(family, "pair_nouns"),
            plural_family_nouns=_words(family, "plural_nouns"),
            casting_verbs=_words(family, "casting_verbs"),
            female_words=_words(family, "female_words"),
            male_words=_words(family, "male_words"),
            female_pronouns=_words(family, "female_pronouns"),
            male_pronouns=_words(family, "male_pronouns"),
            plural_pronouns=_words(family, "plural_pronouns"),
            win_verbs=_words(awards, "win_verbs"),
            nomination_verbs=_words(awards, "nomination_verbs"),
            nomination_nouns=_words(awards, "nomination_nouns"),
            winner_nouns=_words(awards, "winner_nouns"),
            nominee_nouns=_words(awards, "nominee_nouns"),
            winning_words=_words(awards, "winning_adjectives"),
            nominated_words=_words(awards, "nominated_adjectives"),
            go_verbs=_words(awards, "go_verbs"),
            beat_verbs=_words(awards, "beat_verbs"),
            prize_nouns=_words(awards, "prize_nouns"),
            acting_award_words=_words(awards, "acting_award_words"),
            crew_award_words=FrozenDict(
                {
                    role: _words(awards["crew_award_words"], role)
                    for role in awards["crew_award_words"]
                }
            ),
        )

    def family_kind(self, word: str) -> str | None:
        """The family relation a noun names.

        Args:
            word: a lower-cased noun.

        Returns:
            ``child`` / ``parent`` / ``sibling`` / ``spouse`` (what the noun's referent is to
            its possessor), else None.
        """
        for kind, words in (
            ("child", self.child_nouns),
            ("parent", self.parent_nouns),
            ("sibling", self.sibling_nouns),
            ("spouse", self.spouse_nouns),
        ):
            if word in words:
                return kind
        return None


Family = Callable[[Span, MentionIndex, RelationCues], list[dict]]


class RelationExtractor:
    """Extract the relations listed in the module docstring.

    Args:
        nlp: the pipeline (unused; kept for the factory signature).
        name: the component's name.
    """

    def __init__(self, nlp: Language, name: str = "relation_extractor") -> None:
        register_extensions()
        self.name = name
        self.cues = RelationCues.load()

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc)
        relations = list(doc._.relations or [])
        for sent in doc.sents:
            for family in SENTENCE_FAMILIES:
                relations.extend(family(sent, index, self.cues))
        relations.extend(extended_titles(doc, index))
        doc._.relations = relations
        return doc


# -- reading the parse ---------------------------------------------------------------------


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def fact_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` (``roles``' reading, without climbing out of gerunds)."""
    return clause_subject(verb, through_gerunds=False)


def _unique(keys: Iterable[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if key and key not in out:
            out.append(key)
    return out


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for (``Neon, which distributed`` -> ``Neon``)."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        while (
            clause.dep_ in ("conj", "xcomp")
            and clause.head.i != clause.i
            and clause.dep_ != "relcl"
        ):
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def _named(
    token: Token | None, index: MentionIndex, types: frozenset[str], depth: int = 2
) -> list[str]:
    """Keys of ``types`` that ``token``'s phrase names: the token, else its name parts and
    appositions (``the actor Robert Stephens``, ``his wife, the animator Hana Tolland``).
    A title in apposition beats what the common noun was resolved to (``the third film,
    Skylark: Ashes of the Ember Coast``)."""
    if token is None:
        return []
    if not index.by_token.get(token.i) and depth > 0:
        titled = [k for c in token.children if c.dep_ == "appos" for k in index.at(c, types)]
        if titled:
            return _unique(titled)
    keys = index.at(token, types)
    if keys or depth == 0:
        return list(keys)
    found: list[str] = []
    for child in token.children:
        if child.dep_ in ("compound", "appos", "nmod"):
            found.extend(_named(child, index, types, depth - 1))
    return _unique(found)


def _keys_at(token: Token | None, index: MentionIndex, types: frozenset[str]) -> list[str]:
    """Keys named by ``token``'s phrase and its conjuncts; a relative pronoun is its
    antecedent, and a common noun in apposition stands for its head (``Don't Look Now,
    Roeg's chiller, which was shot``)."""
    if token is None:
        return []
    token = _antecedent(token)
    found: list[str] = []
    for candidate in (token, *token.conjuncts):
        found.extend(_named(candidate, index, types))
    if not found and token.dep_ == "appos" and token.pos_ == "NOUN":
        found = _named(token.head, index, types)
    return _unique(found)


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, also for a participle clause that shares its main clause's
    subject (``Shot in Belfast, the show…``, ``…, producing alongside X``)."""
    subject = fact_subject(verb)
    if subject is None and verb.dep_ == "advcl" and verb.head.i != verb.i:
        subject = fact_subject(verb.head)
    return subject


def _subject_keys(subject: Token | None, index: MentionIndex, types: frozenset[str]) -> list[str]:
    """Keys named by a subject; the parser sometimes splits ``The film Iron Road`` into two
    subjects (``film`` and ``Road``), so a sibling subject counts too."""
    if subject is None:
        return []
    keys = _keys_at(subject, index, types)
    if not keys:
        for sibling in subject.head.children:
            if sibling.dep_ == subject.dep_ and sibling.i != subject.i:
                keys += _keys_at(sibling, index, types)
    return _unique(keys)


def _passive_work(verb: Token, index: MentionIndex) -> list[str]:
    """The work a passive or participle verb describes (``W was shot``, ``an epic produced
    by X``, ``Produced by X, W opens``, ``W, which was filmed``)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    for candidate in (verb, clause):
        subject = child_with_dep(candidate, "nsubjpass", "nsubj")
        if subject is not None:
            keys = _subject_keys(subject, index, WORK_TYPES)
            if keys:
                return keys
    if clause.dep_ in ("acl", "amod") and clause.head.i != clause.i:
        described = clause.head
        keys = _named(described, index, WORK_TYPES)
        if not keys and described.dep_ == "appos":
            keys = _named(described.head, index, WORK_TYPES)
        if keys:
            return keys
    if clause.dep_ == "advcl" and clause.head.i != clause.i:
        return _subject_keys(fact_subject(clause.head), index, WORK_TYPES)
    return []


def _object_work(verb: Token, index: MentionIndex) -> list[str]:
    """Works named by the verb's direct object phrase (``shot the film``, ``pushed W``)."""
    for obj in _children(verb, "dobj", "attr", "oprd"):
        keys = _keys_at(obj, index, WORK_TYPES) or index.in_subtree(obj, WORK_TYPES)
        if keys:
            return keys
    for other in _children(verb, "npadvmod"):
        # "has pushed *Starfall Protocol* from March": the asterisks derail the parse
        span = index.span_of(other, WORK_TYPES)
        if span is not None and not index.is_modifier(span):
            return [span.kb_id_]
    return []


def _work_for(
    trigger: Token, sent: Span, index: MentionIndex, explicit: list[str], fallback: bool = True
) -> tuple[str | None, float]:
    """The work and the confidence of how it was found (explicit, sentence, topic)."""
    if not explicit and not fallback:
        return None, 0.0
    work, how = index.work_for(trigger, sent, explicit[0] if explicit else None)
    return (work, WORK_CONFIDENCE[how]) if work else (None, 0.0)


def asserted(token: Token, cues: RelationCues) -> bool:
    """Whether a verbal fact is stated as so: not negated, conditional, modal or denied.

    Climbs from the trigger through the words that govern it (``is not expected to air``,
    ``denied that she had died``, ``rumours that he had died were false``) but not out of a
    relative clause, whose hedges are its own. A condition on the trigger (``will premiere
    on Netflix if talks succeed``) also counts.

    Args:
        token: the trigger word of the fact (usually its verb).
        cues: the hedge words of ``relation_cues.json``.

    Returns:
        False when a negation, a condition, a hedging modal or a denial governs ``token``.
    """
    current = token
    for _ in range(8):
        if current.lemma_.lower() in cues.hedge_lemmas:
            return False
        for child in current.children:
            if child.dep_ == "neg" or (child.dep_ == "mark" and child.lower_ in cues.hedge_markers):
                return False
            if child.dep_ == "aux" and child.lower_ in cues.hedge_modals:
                return False
            if child.dep_ in ("acomp", "attr") and child.lemma_.lower() in cues.hedge_lemmas:
                return False
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in cues.hedge_markers for m in child.children
            ):
                return False
        if current.dep_ in ("relcl", "ROOT") or current.head.i == current.i:
            return True
        current = current.head
    return True


def _hyphen_word(token: Token) -> tuple[str, Token]:
    """``spin-off`` / ``follow-up`` as one word, and the token that heads it in the parse."""
    doc = token.doc
    i = token.i
    if i + 2 < len(doc) and doc[i + 1].text in HYPHENS and not doc[i + 1].whitespace_:
        other = doc[i + 2]
        word = f"{token.lower_}-{other.lower_}"
        head = other if token.head.i == other.i else token
        return word, head
    return token.lower_, token


def _company_keys(token: Token | None, index: MentionIndex, cues: RelationCues) -> list[str]:
    """Outlets named by ``token``'s phrase: ORG mentions that are not shaped like a person's
    name, and places whose name is shaped like a company (``Peregrine Media``)."""
    names = _entity_names(index)
    out = []
    for key in _keys_at(token, index, ORG | LOC):
        words = names.get(key, "").split()
        company = any(w.lower() in cues.org_words for w in words)
        person_shaped = looks_like_person_name(words)
        if company or (index.entity_type.get(key) == "ORG" and not person_shaped):
            out.append(key)
    return out


def _is_television(outlet: str, index: MentionIndex, cues: RelationCues) -> bool:
    """An outlet whose name says television (``BBC One``, ``Vireo+``) and not film company."""
    words = [w.lower() for w in _entity_names(index).get(outlet, "").split()]
    television = any(w in cues.broadcaster_words or w.endswith("+") for w in words)
    return television and not any(w in cues.film_company_words for w in words)


def outlet_kind(
    base: str,
    work: str,
    outlet: str,
    index: MentionIndex,
    cues: RelationCues,
    noun: str | None = None,
) -> str:
    """Which relation an outlet has to a work: a series noun (``the HBO miniseries``) or a
    series makes it the broadcaster, a film noun the distributor; otherwise a television
    outlet (``BBC One``, ``Vireo+``) broadcasts and a film company (``X Pictures``) keeps
    ``base``. The work's own type is weighed last because films and series are often
    confused upstream.

    Args:
        base: the relation the cue suggests for a film (``distributor`` or
            ``original_broadcaster``).
        work: entity key of the work.
        outlet: entity key of the outlet.
        index: the doc's mentions and entity types.
        cues: the outlet words of ``relation_cues.json``.
        noun: the common noun the text uses for the work (``miniseries``, ``film``), if any.

    Returns:
        ``original_broadcaster``, ``distributor`` or ``base``'s film reading.
    """
    television = _is_television(outlet, index, cues)
    film_base = base if base != "original_broadcaster" else "distributor"
    if noun in cues.series_nouns:
        return "original_broadcaster"
    if noun in cues.film_nouns:
        return film_base
    if index.entity_type.get(work) == "SERIES" or television:
        return "original_broadcaster"
    return film_base


def _emit(
    out: list[dict],
    kind: str,
    heads: Iterable[str],
    tails: Iterable[str],
    sent: Span,
    confidence: float,
    cue: str,
    **extra: str | None,
) -> None:
    tails = list(tails)
    for head in heads:
        for tail in tails:
            if head and tail and head != tail:
                record = relation(kind, head, tail, sent, round(confidence, 3), cue)
                record.update({k: v for k, v in extra.items() if v})
                out.append(record)


def _work_of_noun(noun: Token, index: MentionIndex) -> list[str]:
    """The work a common noun stands for: its title (``the drama The Ferryman's Daughter``),
    the title it is in apposition to (``Slow Horses, the spy drama``), the subject it is
    predicated of (``W is a drama``), and only then what ``the drama`` was resolved to."""
    direct = [s.kb_id_ for s in index.by_token.get(noun.i, []) if s.label_ in WORK_TYPES]
    if direct:
        return direct
    titled = [
        k
        for c in noun.children
        if c.dep_ in ("appos", "compound") and c.i > noun.i
        for k in index.at(c, WORK_TYPES)
    ]
    if titled:
        return _unique(titled)
    after = index.title_after(noun)
    if after:
        return after
    if noun.dep_ in ("appos", "conj"):
        keys = _named(noun.head, index, WORK_TYPES)
        if keys:
            return keys
    if noun.dep_ == "attr":
        keys = _subject_keys(fact_subject(noun.head), index, WORK_TYPES)
        if keys:
            return keys
    return index.at(noun, WORK_TYPES)


# -- date_of_death ---------------------------------------------------------------------------


def _dates_of(verb: Token, index: MentionIndex, preps: frozenset[str]) -> list[str]:
    """DATE keys in the verb's own temporal phrases (``on Thursday``, ``early on Friday``)."""
    found: list[str] = []
    for child in verb.children:
        targets: list[Token] = []
        if child.dep_ == "prep" and child.lower_ in preps:
            targets = _children(child, "pobj")
        elif child.dep_ in ("npadvmod", "tmod", "obl"):
            targets = [child]
        elif child.dep_ == "advmod":
            targets = [
                g
                for p in _children(child, "prep")
                if p.lower_ in preps
                for g in _children(p, "pobj")
            ]
        for target in targets:
            for token in (target, *target.conjuncts):
                found.extend(index.at(token, DATE))
    return _unique(found)


def extract_deaths(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``date_of_death`` relations of one sentence.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    for token in index.free_tokens(sent):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and _is_death_verb(token, lemma, cues):
            if not asserted(token, cues):
                continue
            people = people_at(fact_subject(token), index)
            dates = _dates_of(token, index, cues.date_preps)
            _emit(out, "date_of_death", people, dates, sent, 0.9, f"verb:{lemma}")
        elif token.pos_ == "NOUN" and token.lower_ in cues.death_nouns:
            # "the death of X in 2019", "X's death on Sunday"
            people = [
                k
                for p in _children(token, "prep")
                if p.lower_ == "of"
                for k in _keys_at(child_with_dep(p, "pobj"), index, PERSON)
            ]
            people += _keys_at(child_with_dep(token, "poss"), index, PERSON)
            dates = _dates_of(token, index, cues.date_preps)
            _emit(out, "date_of_death", _unique(people), dates, sent, 0.85, "noun:death")
    return out


def _is_death_verb(token: Token, lemma: str, cues: RelationCues) -> bool:
    if lemma in cues.death_verbs:
        return True
    particles = cues.death_particles.get(lemma)
    return bool(particles) and any(
        c.dep_ == "prt" and c.lower_ in particles for c in token.children
    )


# -- outlets: broadcaster, distributor, production company -----------------------------------


def extract_broadcasters(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``original_broadcaster`` relations (``distributor`` for a film) of one sentence.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    for token in sent:
        if index.by_token.get(token.i) or token.pos_ not in ("VERB", "NOUN"):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in cues.on_verbs:
            out.extend(_airs_on(token, lemma, sent, index, cues))
        if token.pos_ == "VERB" and _is_outlet_verb(token, lemma, cues):
            out.extend(_outlet_orders(token, lemma, sent, index, cues))
        if token.pos_ == "NOUN" and token.lower_ in cues.order_nouns:
            out.extend(_order_noun(token, sent, index, cues))
        if token.pos_ == "NOUN" and (
            token.lower_ in cues.on_nouns or token.lemma_.lower() in cues.on_verbs
        ):
            # "W, ..., premieres on HBO" read as a noun; "its premiere on Netflix"
            out.extend(_airs_on(token, lemma, sent, index, cues))
    return out


def _is_outlet_verb(token: Token, lemma: str, cues: RelationCues) -> bool:
    if lemma in cues.outlet_verbs:
        return True
    particles = cues.outlet_particles.get(lemma)
    return bool(particles) and any(
        c.dep_ == "prt" and c.lower_ in particles for c in token.children
    )


def _airs_on(
    verb: Token, lemma: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``W premieres on Netflix``, ``returns to Disney+``, ``with episodes streaming on Max``."""
    preps = cues.on_preps | (frozenset({"to"}) if lemma in cues.to_verbs else frozenset())
    orgs: list[str] = []
    for prep in _children(verb, "prep"):
        if prep.lower_ not in preps:
            continue
        for key in _company_keys(child_with_dep(prep, "pobj"), index, cues):
            words = _entity_names(index).get(key, "").lower().split()
            if prep.lower_ == "to" and words and words[-1] in cues.studio_words:
                continue  # "moving to Origo Studios": a place, not an outlet
            orgs.append(key)
    if not orgs or not asserted(verb, cues):
        return []
    subject = _clause_subject(verb) if verb.pos_ == "VERB" else child_with_dep(verb, "poss")
    explicit = _subject_keys(subject, index, WORK_TYPES)
    if subject is not None and not explicit and _keys_at(subject, index, PERSONISH | ORG):
        return []  # "she appeared on the BBC": a person, not a work, is on the outlet
    work, confidence = _work_for(verb, sent, index, explicit)
    if work is None:
        return []
    out: list[dict] = []
    noun = _kind_noun(subject, cues)
    for org in _unique(orgs):
        kind = outlet_kind("original_broadcaster", work, org, index, cues, noun)
        _emit(out, kind, [work], [org], sent, confidence, f"on:{lemma}")
    return out


def _kind_noun(token: Token | None, cues: RelationCues) -> str | None:
    """The film or series noun a phrase uses for its work (``the film Iron Road``)."""
    if token is None:
        return None
    nouns = cues.film_nouns | cues.series_nouns
    for candidate in (token, *token.children, token.head):
        if candidate.lower_ in nouns and (
            candidate.i == token.i
            or candidate.dep_ in ("compound", "appos", "nmod")
            or token.dep_ in ("compound", "appos")
        ):
            return candidate.lower_
    return None


def _outlet_orders(
    verb: Token, lemma: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``Hulu has renewed W``, ``Netflix orders W``, ``W has been ordered by Apple``."""
    agent = child_with_dep(verb, "agent")
    if agent is not None:
        orgs = _company_keys(child_with_dep(agent, "pobj"), index, cues)
        explicit = _passive_work(verb, index)
    else:
        orgs = _company_keys(_clause_subject(verb), index, cues)
        explicit = _object_work(verb, index)
        for prep in _children(verb, "prep"):
            if not explicit and prep.lower_ in ("to", "for"):
                explicit = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
    if not orgs or not asserted(verb, cues):
        return []
    fallback = child_with_dep(verb, "dobj") is not None or agent is not None
    work, confidence = _work_for(verb, sent, index, explicit, fallback)
    if work is None:
        return []
    out: list[dict] = []
    for org in orgs:
        kind = outlet_kind("original_broadcaster", work, org, index, cues)
        _emit(out, kind, [work], [org], sent, confidence, f"outlet:{lemma}")
    return out


def _order_noun(noun: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``ORG has handed a series order to W``, ``ORG's renewal of W``."""
    verb = noun.head
    orgs = _company_keys(child_with_dep(noun, "poss"), index, cues)
    if not orgs and noun.dep_ == "dobj":
        orgs = _company_keys(_clause_subject(verb), index, cues)
    if not orgs or not asserted(verb, cues):
        return []
    explicit: list[str] = []
    for holder in (noun, verb):
        for prep in _children(holder, "prep"):
            if prep.lower_ in ("to", "for", "of") and not explicit:
                explicit = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
    work, confidence = _work_for(noun, sent, index, explicit)
    if work is None:
        return []
    out: list[dict] = []
    _emit(out, "original_broadcaster", [work], orgs, sent, confidence, "noun:order")
    return out


def extract_distributors(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``distributor`` relations (``original_broadcaster`` for a series) of one sentence.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    has_release_context = any(t.lower_ in cues.release_context for t in sent)
    for token in index.free_tokens(sent):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            out.extend(_distribution_verb(token, lemma, sent, index, cues))
        if token.pos_ in ("VERB", "AUX") and (
            has_release_context or lemma in cues.company_release_verbs
        ):
            out.extend(_released_through(token, lemma, sent, index, cues))
        elif token.pos_ in ("NOUN", "PROPN") and token.lower_ in cues.distributor_nouns:
            out.extend(_distributor_noun(token, sent, index, cues))
    return out


def _distribution_verb(
    verb: Token, lemma: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    agent = child_with_dep(verb, "agent")
    if agent is not None:
        if lemma not in cues.passive_release_verbs:
            return []
        orgs = _company_keys(child_with_dep(agent, "pobj"), index, cues)
        explicit = _passive_work(verb, index)
        cue: str | None = f"by:{lemma}"
        fallback = True
    else:
        orgs = _company_keys(_clause_subject(verb), index, cues)
        if not orgs:
            return []
        explicit, fallback, cue = _company_verb_work(verb, lemma, index, cues)
        if cue is None:
            return []
    if not orgs or not asserted(verb, cues):
        return []
    work, confidence = _work_for(verb, sent, index, explicit, fallback)
    if work is None:
        return []
    out: list[dict] = []
    obj = child_with_dep(verb, "dobj")
    noun = obj.lower_ if obj is not None and not index.span_of(obj, WORK_TYPES) else None
    for org in orgs:
        kind = outlet_kind("distributor", work, org, index, cues, noun)
        _emit(out, kind, [work], [org], sent, confidence, cue)
    return out


def _company_verb_work(
    verb: Token, lemma: str, index: MentionIndex, cues: RelationCues
) -> tuple[list[str], bool, str | None]:
    """For an ORG subject: the work its verb acts on, whether the sentence's work may
    stand in, and the cue (None when the verb is not a distribution verb)."""
    obj = child_with_dep(verb, "dobj") or _misread_work_object(verb, index)
    obj_word = obj.lower_ if obj is not None else ""
    obj_phrase = " ".join(t.lower_ for t in obj.subtree) if obj is not None else ""
    if lemma in cues.company_release_verbs:
        explicit = _keys_at(obj, index, WORK_TYPES)
        if (
            not explicit
            and obj is not None
            and (obj_word in cues.marketing_nouns or obj.lemma_.lower() in cues.marketing_nouns)
        ):
            # "has released the first trailer for W"
            explicit = index.in_subtree(obj, WORK_TYPES)
        bare = obj is None or obj.pos_ == "PRON" or obj.dep_ == "dobj" and obj.lower_ == "it"
        fallback = lemma in ("distribute", "release") and bare
        if explicit or fallback:
            return explicit, fallback, f"company:{lemma}"
        return [], False, None
    if lemma in cues.acquisition_verbs:
        if obj is None:
            return [], False, None
        rights = obj.lemma_.lower() in cues.rights_nouns or any(
            t.lower_ in cues.rights_nouns for t in obj.subtree
        )
        explicit = index.in_subtree(obj, WORK_TYPES) if rights else _keys_at(obj, index, WORK_TYPES)
        if lemma in ("take", "land", "win", "bag", "scoop", "secure") and not rights:
            return [], False, None
        if explicit or rights:
            return explicit, rights, f"rights:{lemma}"
        return [], False, None
    if (
        lemma in cues.announce_verbs
        and obj is not None
        and any(noun in obj_phrase for noun in cues.release_nouns)
        and obj.lemma_.lower() in cues.release_nouns | {"date"}
    ):
        # "Lionsgate has announced the release date of W"
        return index.in_subtree(obj, WORK_TYPES), True, f"announce:{lemma}"
    return [], False, None


def _misread_work_object(verb: Token, index: MentionIndex) -> Token | None:
    """``has pushed *Starfall Protocol* from March``: a title the asterisks make the parser
    read as an adverbial noun is the verb's object."""
    return next(
        (c for c in verb.children if c.dep_ == "npadvmod" and index.at(c, WORK_TYPES)), None
    )


def _released_through(
    verb: Token, lemma: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``opens in cinemas next Friday through ORG``, ``is due in cinemas via ORG``."""
    holders = [verb, *_children(verb, "acomp", "advmod")]
    orgs = [
        k
        for holder in holders
        for p in _children(holder, "prep")
        if p.lower_ in cues.through_preps
        for k in _company_keys(child_with_dep(p, "pobj"), index, cues)
    ]
    if not orgs or not asserted(verb, cues):
        return []
    explicit = _subject_keys(_clause_subject(verb), index, WORK_TYPES) or _object_work(verb, index)
    work, confidence = _work_for(verb, sent, index, explicit)
    if work is None:
        return []
    out: list[dict] = []
    for org in _unique(orgs):
        kind = "original_broadcaster" if index.entity_type.get(work) == "SERIES" else "distributor"
        _emit(out, kind, [work], [org], sent, confidence, "through")
    return out


def _distributor_noun(
    noun: Token, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``according to distributor ORG``, ``ORG, the film's distributor``."""
    orgs = [k for k in _named(noun, index, ORG | LOC) if k in _company_keys(noun, index, cues)]
    doc = noun.doc
    if not orgs and noun.i + 1 < sent.end:
        orgs = _company_keys(doc[noun.i + 1], index, cues)
    if not orgs and noun.dep_ in ("appos", "attr"):
        holder = noun.head if noun.dep_ == "appos" else fact_subject(noun.head)
        orgs = _company_keys(holder, index, cues)
    if not orgs:
        return []
    explicit = _keys_at(child_with_dep(noun, "poss"), index, WORK_TYPES)
    for prep in _children(noun, "prep"):
        if prep.lower_ in ("of", "for", "on") and not explicit:
            explicit = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
    work, confidence = _work_for(noun, sent, index, explicit)
    if work is None:
        return []
    out: list[dict] = []
    _emit(out, "distributor", [work], orgs, sent, confidence - 0.05, "noun:distributor")
    return out


def extract_outlet_modifiers(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """An outlet that possesses or pre-modifies a work: ``Netflix's Baby Reindeer``, ``the
    HBO miniseries Chernobyl``, ``Slow Horses, the Apple TV+ spy drama``, ``a Lucasfilm
    production``. See :func:`outlet_kind` for which relation; a production house's film
    (``Blumhouse's M3GAN``) gets its production company.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    doc = sent.doc
    # only the sentence's own organisation and place mentions can be outlets here
    companies = {
        key
        for span in index.mentions
        if sent.start <= span.start < sent.end and span.label_ in ("ORG", "LOC")
        for key in _company_keys(span.root, index, cues)
    }
    for span in index.mentions:
        if span.start < sent.start or span.end > sent.end or span.kb_id_ not in companies:
            continue
        if span.label_ not in ("ORG", "LOC"):
            continue
        root = span.root
        possessive = root.dep_ == "poss" or (
            span.end < len(doc) and doc[span.end].text in POSSESSIVE_MARKS
        )
        if not possessive and root.dep_ not in ("compound", "nmod", "amod"):
            surface = _outlet_before_title(span, index, cues)
            if surface is not None:
                work, noun_word = surface
                kind = outlet_kind("distributor", work, span.kb_id_, index, cues, noun_word)
                _emit(out, kind, [work], [span.kb_id_], sent, 0.8, "modifier:surface")
            continue
        # the words between the outlet and the top of its noun phrase
        path: list[Token] = []
        top = root
        while top.dep_ in MODIFIER_DEPS and top.head.i != top.i and len(path) < 6:
            top = top.head
            path.append(top)
            if index.span_of(top, WORK_TYPES) is not None:
                break  # reached a title
        if any(t.dep_ == "poss" and t.lower_ in cues.org_words for t in path):
            continue  # "the Bristol studio's first feature": the name modifies the studio
        production = next(
            (
                t
                for t in path
                if t.lower_ in cues.production_nouns or _hyphen_word(t)[0] in cues.production_nouns
            ),
            None,
        )
        if production is not None:
            work, confidence = _work_for(
                production, sent, index, _production_noun_work(production, index)
            )
            if work is not None:
                _emit(
                    out,
                    "production_company",
                    [work],
                    [span.kb_id_],
                    sent,
                    confidence,
                    "modifier:production",
                )
            continue
        nouns = cues.outlet_nouns | cues.film_nouns | cues.series_nouns
        trigger = next((t for t in path if t.lower_ in nouns and not index.by_token.get(t.i)), None)
        title = index.span_of(top, WORK_TYPES)
        works = [title.kb_id_] if title is not None else []
        if not works and trigger is not None:
            works = _work_of_noun(trigger, index) or _work_of_noun(top, index)
            resolved = index.references.get(trigger.i)
            if (
                works
                and works[0] == resolved
                and index.entity_type.get(resolved) != "SERIES"
                and _is_television(span.kb_id_, index, cues)
            ):
                # "The ITV period drama ran for six series": the series in focus, whatever
                # type the resolver guessed from "drama"
                works = [index.topic_work(trigger.i, frozenset({"SERIES"})) or resolved]
        if not works:
            continue
        work = works[0]
        noun = trigger.lower_ if trigger is not None else None
        kind = outlet_kind("distributor", work, span.kb_id_, index, cues, noun)
        name = span.text.lower()
        if (
            kind == "distributor"
            and possessive
            and any(w in cues.production_org_words for w in name.split())
        ):
            kind = "production_company"
        confidence = 0.85 if trigger is not None else 0.75
        _emit(out, kind, [work], [span.kb_id_], sent, confidence, "modifier:outlet")
    return out


def _outlet_before_title(
    span: Span, index: MentionIndex, cues: RelationCues
) -> tuple[str, str] | None:
    """``the HBO miniseries Chernobyl`` read on the surface, for when the parser takes
    ``miniseries`` for a verb: the outlet, a few modifiers with a work noun among them,
    then a title. Returns the work and the noun."""
    doc = span.doc
    nouns = cues.outlet_nouns | cues.film_nouns | cues.series_nouns
    noun: str | None = None
    for i in range(span.end, min(span.end + 5, span.sent.end)):
        token = doc[i]
        title = index.span_of(token, WORK_TYPES)
        if title is not None:
            return (title.kb_id_, noun) if noun is not None and title.start == i else None
        if token.text in ('"', "“", "*", "‘", "'", "_"):
            continue
        if token.lower_ in nouns:
            noun = token.lower_
        elif token.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM") and token.text not in HYPHENS:
            return None
        if index.by_token.get(i):
            return None
    return None


def _production_noun_work(noun: Token, index: MentionIndex) -> list[str]:
    """``the ORG production of W``, ``W is a ORG production``, ``The Lucasfilm production``."""
    for prep in _children(noun, "prep"):
        if prep.lower_ in ("of", "on"):
            keys = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
            if keys:
                return keys
    return _work_of_noun(noun, index)


def extract_production_companies(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``production_company`` relations of one sentence (see the module docstring).

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    for token in index.free_tokens(sent):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (
            lemma in cues.production_verbs or token.lower_.startswith("co-produc")
        ):
            out.extend(_production_verb(token, lemma, sent, index, cues))
        elif token.pos_ in ("NOUN", "PROPN"):
            word, _ = _hyphen_word(token)
            if token.lower_ in cues.company_nouns or word in cues.company_nouns:
                out.extend(_company_noun(token, sent, index, cues))
            if token.lower_ in cues.from_nouns:
                out.extend(_production_from(token, sent, index, cues))
    return out


def _production_verb(
    verb: Token, lemma: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    out: list[dict] = []
    agent = child_with_dep(verb, "agent")
    producing = (
        lemma in cues.company_production_verbs
        and lemma not in ("make", "develop")
        or "produc" in lemma
    )
    company_subject: list[str] = []
    if agent is not None:
        if not producing:
            return []
        pobj = child_with_dep(agent, "pobj")
        orgs = _company_keys(pobj, index, cues)
        explicit = _passive_work(verb, index)
        if orgs and asserted(verb, cues):
            work, confidence = _work_for(verb, sent, index, explicit)
            if work is not None:
                _emit(out, "production_company", [work], orgs, sent, confidence, f"by:{lemma}")
        company_subject = orgs
    else:
        subject = _clause_subject(verb)
        orgs = _company_keys(subject, index, cues)
        explicit = _object_work(verb, index)
        if orgs and lemma in cues.company_production_verbs and asserted(verb, cues):
            # "Peregrine Media produced the show", "See-Saw Films produces"; "made" needs its work
            fallback = producing and (
                child_with_dep(verb, "dobj") is None
                or bool(explicit)
                or _refers_to_work(child_with_dep(verb, "dobj"), index)
            )
            work, confidence = _work_for(verb, sent, index, explicit, fallback)
            if work is not None:
                _emit(out, "production_company", [work], orgs, sent, confidence, f"company:{lemma}")
        company_subject = orgs
    if not producing:
        return out
    # "produced the film for ORG", "producing again through ORG", "produced with Channel Four",
    # "produced by X, his wife, through their company ORG": any such phrase in the clause
    partners: list[str] = []
    for prep in verb.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in cues.partner_preps:
            continue
        if passes_clause(prep, verb) or (prep.lower_ == "for" and company_subject):
            continue  # "produced by Red Kite for the BBC": the BBC commissioned it
        partners += _company_keys(child_with_dep(prep, "pobj"), index, cues)
    partners = [p for p in _unique(partners) if p not in company_subject]
    if partners and asserted(verb, cues):
        work, confidence = _work_for(verb, sent, index, explicit or _passive_work(verb, index))
        if work is not None:
            _emit(
                out,
                "production_company",
                [work],
                partners,
                sent,
                confidence - 0.05,
                f"partner:{lemma}",
            )
    return out


def _refers_to_work(token: Token | None, index: MentionIndex) -> bool:
    return token is not None and bool(index.at(token, WORK_TYPES))


def _company_noun(noun: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``Peregrine Media is the studio``, ``ORG comes aboard as a co-producer``, ``ORG, the
    studio behind W``."""
    orgs: list[str] = []
    if noun.dep_ == "attr":
        orgs = _company_keys(fact_subject(noun.head), index, cues)
    elif noun.dep_ == "appos":
        orgs = _company_keys(noun.head, index, cues)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
        orgs = _company_keys(_clause_subject(noun.head.head), index, cues)
    if not orgs:
        return []
    explicit: list[str] = []
    for prep in _children(noun, "prep"):
        if prep.lower_ in ("behind", "of", "on", "for") and not explicit:
            explicit = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
    work, confidence = _work_for(noun, sent, index, explicit)
    if work is None:
        return []
    out: list[dict] = []
    _emit(out, "production_company", [work], orgs, sent, confidence - 0.05, f"noun:{noun.lower_}")
    return out


def _production_from(
    noun: Token, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``the latest production from ORG``: ``from`` only counts after a production word."""
    orgs = [
        k
        for p in _children(noun, "prep")
        if p.lower_ == "from"
        for k in _company_keys(child_with_dep(p, "pobj"), index, cues)
    ]
    if not orgs:
        return []
    work, confidence = _work_for(noun, sent, index, _work_of_noun(noun, index))
    if work is None:
        return []
    out: list[dict] = []
    _emit(out, "production_company", [work], orgs, sent, confidence - 0.05, "from")
    return out


# -- filming_location ------------------------------------------------------------------------


def _location_keys(phrase: Token, index: MentionIndex, cues: RelationCues) -> list[str]:
    """Places in a locative phrase: LOC mentions, studios named as ORG (``Pinewood
    Studios``) and, where the parse says it is the place itself (``on Westray``, ``the
    island of Gozo``), a name typed otherwise upstream."""
    found: list[str] = []
    names = _entity_names(index)
    for t in phrase.subtree:
        if passes_clause(t, phrase):
            continue
        found.extend(index.at(t, LOC))
        span = index.span_of(t, ORG)
        if span is not None and span[-1].lower_ in cues.studio_words:
            found.append(span.kb_id_)
        if t.dep_ == "pobj" and (
            t.head.lower_ in cues.location_preps
            or (t.head.lower_ == "of" and t.head.head.lower_ in cues.place_nouns)
        ):
            for other in index.by_token.get(t.i, []):
                if other.label_ == "ORG" or (
                    other.label_ == "PERSON" and _place_shaped(names.get(other.kb_id_, ""), cues)
                ):
                    found.append(other.kb_id_)
    return _unique(found)


def _place_shaped(name: str, cues: RelationCues) -> bool:
    """A one-word name (``Westray``) or one ending in a place noun (``Julian Alps``)."""
    words = name.lower().split()
    return len(words) == 1 or (bool(words) and words[-1] in cues.place_nouns)


def _locative_phrases(verb: Token, cues: RelationCues, seen: set[int] | None = None) -> list[Token]:
    """Prepositions of place under ``verb``, its subject-less phase clauses (``before moving
    to X``, ``before finishing on Y``) and its coordinated prepositions (``in and around
    Sydney``)."""
    seen = set() if seen is None else seen
    if verb.i in seen:
        return []
    seen.add(verb.i)
    phrases: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in cues.location_preps:
            phrases.append(child)
            phrases.extend(c for c in child.conjuncts if c.dep_ in ("conj", "prep"))
        elif child.dep_ in ("advmod", "npadvmod") and child.lower_ in ("there", "location"):
            phrases.extend(_children(child, "prep"))
        if child.dep_ == "prep":
            # "before finishing on the island of Gozo"
            for clause in _children(child, "pcomp"):
                if (
                    clause.lemma_.lower() in cues.phase_verbs
                    and child_with_dep(clause, "nsubj") is None
                ):
                    phrases.extend(_locative_phrases(clause, cues, seen))
        elif (
            child.dep_ in ("advcl", "xcomp")
            and child_with_dep(child, "nsubj", "nsubjpass") is None
            and child.pos_ == "VERB"
            and child.lemma_.lower() in cues.phase_verbs
        ):
            phrases.extend(_locative_phrases(child, cues, seen))
    return phrases


def extract_filming_locations(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``filming_location`` relations of one sentence (see the module docstring).

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    for token in index.free_tokens(sent):
        if (
            token.text in HYPHENS
            and token.i + 1 < sent.end
            and token.nbor().lower_ in cues.shot_words
        ):
            out.extend(_place_shot(token, sent, index))
            continue
        trigger = _filming_trigger(token, index, cues)
        if trigger is None:
            continue
        verbs, explicit = trigger
        if not asserted(verbs[0], cues):
            continue
        places: list[str] = []
        for verb in verbs:
            for phrase in _locative_phrases(verb, cues):
                places.extend(_location_keys(phrase, index, cues))
        places.extend(_where_antecedent(token, index, cues))
        places = [p for p in _unique(places) if p not in explicit]
        if not places:
            continue
        noun_trigger = verbs[0].i != token.i
        fallback = explicit or noun_trigger or _may_borrow_work(token, index, cues)
        work, confidence = _work_for(token, sent, index, explicit, bool(fallback))
        if work is None:
            continue
        cue = f"filming:{token.lemma_.lower()}"
        _emit(out, "filming_location", [work], places, sent, confidence, cue)
    return out


def _may_borrow_work(verb: Token, index: MentionIndex, cues: RelationCues) -> bool:
    """Whether a filming verb with no work of its own may take the sentence's or the focus
    work: not when its subject names something else (``Kestrel``, a character; ``its
    predecessor, which was shot``; ``the original also shot``)."""
    obj = child_with_dep(verb, "dobj")
    if obj is not None and obj.lemma_.lower() not in cues.work_part_nouns:
        return False  # "to shoot Daughters of the Dune Sea": an object we cannot name
    subject = child_with_dep(verb, "nsubj", "nsubjpass")
    if subject is None or subject.pos_ == "PRON" and subject.lower_ not in RELATIVE_PRONOUNS:
        return True
    subject = _antecedent(subject)
    if _keys_at(subject, index, PERSON | ORG):
        return True  # "Reisman shot over eighteen days in ...": the filmmaker
    # "with interiors filmed at Titanic Studios": a part of the work
    return subject.lemma_.lower() in cues.work_part_nouns or subject.lower_ in cues.work_part_nouns


def _with_clause_verb(token: Token) -> Token | None:
    """The verb a ``with`` phrase hangs on, for a participle inside it (``filmed …, with
    sequences shot in``)."""
    if token.dep_ == "pcomp" and token.head.lower_ == "with":
        preposition = token.head  # the parser's "with [sequences shot]" clause
    elif token.dep_ == "acl" and token.head.dep_ == "pobj" and token.head.head.lower_ == "with":
        preposition = token.head.head
    else:
        return None
    verb = preposition.head
    return verb if verb.pos_ == "VERB" and verb.i != token.i else None


def _filming_trigger(
    token: Token, index: MentionIndex, cues: RelationCues
) -> tuple[list[Token], list[str]] | None:
    """The verbs whose places are filming places, and the work the trigger names, if any.

    A filming verb (``W was shot in``, ``shot the film in``, ``the thriller he shot in``), or
    a filming noun as the subject of a phase verb (``Filming starts in``, ``Principal
    photography on W got under way near``, ``Cameras started rolling in``).
    """
    lemma = token.lemma_.lower()
    verb_like = token.pos_ == "VERB" or (
        # "shot *W* last year in the desert": the asterisks make the parser read a noun
        token.lower_ in cues.shot_words
        and child_with_dep(token, "det") is None
        and any(p.lower_ in cues.location_preps for p in _children(token, "prep"))
    )
    if verb_like and (lemma in cues.filming_verbs or token.lower_ in cues.shot_words):
        verbs = [token]
        explicit = _object_work(token, index) or _passive_work(token, index)
        if not explicit and token.dep_ == "relcl" and child_with_dep(token, "dobj") is None:
            # "La Città di Vetro, the thriller he shot in Trieste": the antecedent is the object
            explicit = _keys_at(token.head, index, WORK_TYPES)
        if not explicit:
            # "Filming on W began in Prague"
            for prep in _children(token, "prep"):
                if prep.lower_ in ("on", "of", "for") and not explicit:
                    explicit = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
        if (
            token.dep_ in ("xcomp", "advcl", "pcomp", "dobj", "csubj")
            and child_with_dep(token, "nsubj") is None
            and token.head.lemma_.lower() in cues.phase_verbs
            and (not explicit or token.dep_ == "csubj")
        ):
            # "finished shooting in Toronto", "heads to Morocco to shoot W"
            verbs.append(token.head)
        if not explicit:
            explicit = _subject_keys(_clause_subject(token), index, WORK_TYPES)
        attached = _with_clause_verb(token)
        if not explicit and attached is not None:
            # "W was filmed in Budapest, with underwater sequences shot in Malta": the
            # attached clause films the same work
            outer = _filming_trigger(attached, index, cues)
            explicit = outer[1] if outer else []
        return verbs, explicit
    if token.lower_ not in cues.filming_nouns or token.dep_ not in (
        "nsubj",
        "nsubjpass",
        "compound",
    ):
        return None
    verb = token.head
    if token.dep_ == "compound" and verb.pos_ == "VERB":
        return None
    chain = [verb, *_children(verb, "xcomp")]
    wanted = cues.camera_verbs if token.lower_ in ("cameras", "camera") else cues.phase_verbs
    if not any(v.lemma_.lower() in wanted for v in chain):
        return None
    explicit: list[str] = []
    for holder in (token, *chain):
        for prep in _children(holder, "prep"):
            if prep.lower_ in ("on", "of", "for") and not explicit:
                explicit = _keys_at(child_with_dep(prep, "pobj"), index, WORK_TYPES)
    return chain, explicit


def _where_antecedent(token: Token, index: MentionIndex, cues: RelationCues) -> list[str]:
    """``Slovenia's Julian Alps, where the first film also filmed``: the place meant."""
    clause = token
    while (
        clause.dep_ not in ("relcl", "advcl")
        and clause.head.i != clause.i
        and clause.dep_ in ("conj", "xcomp", "aux")
    ):
        clause = clause.head
    if clause.dep_ not in ("relcl", "advcl") or not any(
        c.lower_ == "where" for c in clause.children
    ):
        return []
    place = clause.head
    keys = index.at(place, LOC)
    if keys:
        keys = keys + [k for c in place.children if c.dep_ == "poss" for k in index.at(c, LOC)]
    return keys


def _place_shot(hyphen: Token, sent: Span, index: MentionIndex) -> list[dict]:
    """``a Belfast-shot thriller``: the place is glued to the participle."""
    if hyphen.i == 0:
        return []
    places = index.at(hyphen.doc[hyphen.i - 1], LOC)
    if not places:
        return []
    shot = hyphen.nbor()
    noun = shot.head if shot.head.i != shot.i else shot
    work, confidence = _work_for(shot, sent, index, _work_of_noun(noun, index))
    if work is None:
        return []
    out: list[dict] = []
    _emit(out, "filming_location", [work], places, sent, confidence, "place-shot")
    return out


# -- part_of_series --------------------------------------------------------------------------


def extract_series_membership(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``part_of_series`` relations stated by a membership noun in one sentence.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    seen: set[int] = set()
    for token in index.free_tokens(sent):
        word, noun = _hyphen_word(token)
        if (
            word not in cues.membership_nouns
            or noun.i in seen
            or noun.pos_ not in ("NOUN", "PROPN", "ADP", "ADJ")
            or (token.i > 0 and token.nbor(-1).text in HYPHENS)  # "a six-part thriller"
        ):
            continue
        seen.add(noun.i)
        # "the John Wick spin-off series Ballerina": the noun modifies a work noun
        phrase = noun
        while (
            phrase.dep_ in ("compound", "nmod", "amod")
            and phrase.head.i != phrase.i
            and not index.at(phrase.head, WORK_TYPES)
        ):
            phrase = phrase.head
        franchise = _franchise_of(noun, phrase, index, cues, word not in cues.prepositional_nouns)
        member = _member_of(phrase, sent, index)
        if not franchise:
            continue
        if (
            member is None
            and phrase.dep_ in ("nsubj", "nsubjpass")
            and child_with_dep(phrase, "det") is not None
        ):
            # "The sequel to The Ashfall Line lost time": the work in focus is the sequel
            topic = index.topic_work(sent.start)
            member = (topic, WORK_CONFIDENCE["topic"]) if topic else None
        if member is None:
            continue
        key, confidence = member
        _emit(
            out,
            "part_of_series",
            [key],
            [f for f in franchise if f != key][:1],
            sent,
            confidence,
            f"noun:{word}",
        )
    return out


def _franchise_of(
    noun: Token, phrase: Token, index: MentionIndex, cues: RelationCues, modifiers: bool = True
) -> list[str]:
    """The franchise: ``of/to/in X`` after the noun, else (unless ``modifiers`` is off, for
    nouns as loose as ``part``) a work modifying the noun phrase."""
    for holder in (noun, phrase):
        for prep in _children(holder, "prep"):
            if prep.lower_ in cues.membership_preps:
                obj = child_with_dep(prep, "pobj")
                if obj is None:
                    continue
                keys = _keys_at(obj, index, WORK_TYPES) or index.in_subtree(obj, WORK_TYPES)
                if keys:
                    return keys
    if not modifiers:
        return []
    doc = noun.doc
    found: list[str] = []
    start = min(t.i for t in phrase.subtree)
    for i in range(start, noun.i):
        span = index.span_of(doc[i], WORK_TYPES)
        if span is not None and span.end <= noun.i + 1:
            found.append(span.kb_id_)
    if not found:
        # 'the "John Wick" spin-off film': the title right before the noun, whatever the parse
        first = noun.i
        if first >= 2 and doc[first - 1].text in HYPHENS:
            first -= 2  # "spin-off" headed by "off"
        before = first - 1
        while before > 0 and doc[before].text in ('"', "”", "'", "’", "*", "_", "'s", "’s"):
            before -= 1
        span = index.span_of(doc[before], WORK_TYPES) if before >= 0 else None
        if span is not None and span.end - 1 == before:
            found.append(span.kb_id_)
    return _unique(found)


def _member_of(phrase: Token, sent: Span, index: MentionIndex) -> tuple[str, float] | None:
    """The work the membership phrase describes: its title, the title it is in apposition
    to, or the subject it is predicated of (``Y is the sequel to X``)."""
    keys = _work_of_noun(phrase, index)
    if not keys and phrase.dep_ == "pobj" and phrase.head.lower_ == "as":
        keys = _subject_keys(_clause_subject(phrase.head.head), index, WORK_TYPES)
    if not keys:
        return None
    return keys[0], WORK_CONFIDENCE["explicit"]


def _title_words(name: str) -> list[str]:
    words = re.findall(r"[\w']+", name.lower().replace("’", "'"))
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return [w[:-2] if w.endswith("'s") else w for w in words]


def extended_titles(doc: Doc, index: MentionIndex) -> list[dict]:
    """A title that extends another work's title is part of it: ``Joker: Folie à Deux`` and
    ``Joker``, ``Skylark II: Blackout`` and ``Skylark``, ``Rogue One: A Star Wars Story`` and
    ``Star Wars``. Both must be works named in the article; a title that merely ends with
    another is cited by its subtitle and is left alone.

    Args:
        doc: the processed doc (``doc._.entities`` read).
        index: the doc's mentions.

    Returns:
        ``part_of_series`` records, evidence the first sentence naming the member.
    """
    works = [e for e in doc._.entities or [] if e["type"] in WORK_TYPES]
    out: list[dict] = []
    first = {}
    for span in index.mentions:
        first.setdefault(span.kb_id_, span)
    for member in works:
        long_words = _title_words(member["name"])
        for franchise in works:
            if franchise["key"] == member["key"]:
                continue
            short = _title_words(franchise["name"])
            if not short or len(short) >= len(long_words) or long_words == short:
                continue
            starts = [
                i
                for i in range(len(long_words) - len(short) + 1)
                if long_words[i : i + len(short)] == short
            ]
            # at the start ("Joker: Folie à Deux"), or named as "A Mad Max Saga"; at the
            # end it is the subtitle the title is cited by ("The Ashfall Line: Vesper Station")
            if not any(i == 0 or long_words[i - 1] in ("a", "an") for i in starts):
                continue
            span = first.get(member["key"])
            if span is None:
                continue
            out.append(
                relation("part_of_series", member["key"], franchise["key"], span.sent, 0.7, "title")
            )
    return out


# -- family ----------------------------------------------------------------------------------


def name_gender(name: str, cues: RelationCues) -> str | None:
    """The gender a name states (see :func:`extractor.pipeline.names.name_gender`), with the
    gendered title words of ``relation_cues.json``."""
    return gender_of_name(name, cues.female_words, cues.male_words)


def _entity_names(index: MentionIndex) -> dict[str, str]:
    return {e["key"]: e["name"] for e in index.doc._.entities or []}


def pronoun_antecedents(
    pronoun: Token,
    index: MentionIndex,
    types: frozenset[str],
    cues: RelationCues,
    exclude: Iterable[str] = (),
) -> list[str]:
    """What ``his`` / ``her`` / ``their`` stands for, agreeing in gender (two for ``their``):
    the nearest earlier mention of ``types`` in the sentence; else the subject of an
    earlier sentence; else the nearest earlier mention, a few sentences back at most.

    Args:
        pronoun: the possessive or object pronoun.
        index: the doc's mentions and resolved subject pronouns.
        types: the entity types the antecedent may have.
        cues: the pronoun and gender words of ``relation_cues.json``.
        exclude: keys that cannot be the antecedent (the relative the pronoun qualifies).

    Returns:
        One key (two for ``their``), or nothing when no candidate agrees.
    """
    word = pronoun.lower_
    excluded = set(exclude)
    gender = "f" if word in cues.female_pronouns else "m" if word in cues.male_pronouns else None
    wanted = 2 if word in cues.plural_pronouns else 1
    doc = pronoun.doc
    names = _entity_names(index)

    def agrees(key: str) -> bool:
        return key not in excluded and (
            gender is None or name_gender(names.get(key, ""), cues) in (gender, None)
        )

    sentences = [pronoun.sent]
    while len(sentences) <= PRONOUN_REACH and sentences[-1].start > 0:
        sentences.append(doc[sentences[-1].start - 1].sent)
    positions: dict[int, list[str]] = {}
    for span in index.mentions:
        if span.label_ in types and sentences[-1].start <= span.start and span.end <= pronoun.i:
            positions.setdefault(span.start, []).append(span.kb_id_)
    for i, key in index.references.items():
        if sentences[-1].start <= i < pronoun.i and index.entity_type.get(key) in types:
            positions.setdefault(i, []).append(key)

    def collect(starts: Iterable[int]) -> list[str]:
        found: list[str] = []
        for start in starts:
            for key in positions.get(start, []):
                if agrees(key) and key not in found:
                    found.append(key)
        return found

    here = collect(sorted((i for i in positions if i >= pronoun.sent.start), reverse=True))
    if len(here) >= wanted:
        return here[:wanted]
    for sent in sentences[1:]:
        found = []
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass"):
                found += [k for k in index.at(token, types) if agrees(k) and k not in found]
        if len(found) >= wanted:
            return found[:wanted]
    found = collect(sorted(positions, reverse=True))
    return found[:wanted] if len(found) >= wanted else []


def extract_family(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``parent`` / ``sibling`` / ``spouse`` relations of one sentence.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    for token in index.free_tokens(sent):
        if (
            token.i + 1 < len(token.doc)
            and token.nbor().text in HYPHENS
            and _pair_phrase(token, sent, index, cues, out)
        ):
            continue
        kind = cues.family_kind(token.lower_)
        if kind and token.pos_ in ("NOUN", "PROPN") and not _is_pair_part(token):
            out.extend(_family_noun(token, kind, sent, index, cues))
        elif token.pos_ in ("VERB", "ADJ") and token.lemma_.lower() in cues.spouse_verbs:
            out.extend(_marriage(token, sent, index, cues))
    return out


def _is_pair_part(token: Token) -> bool:
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text in HYPHENS
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS
    return before or after


def _family_records(
    kind: str,
    relatives: list[str],
    anchors: list[str],
    sent: Span,
    confidence: float,
    cue: str,
    out: list[dict],
) -> None:
    """``relatives`` are the ``kind`` of each anchor (``son``: relative is the anchor's child)."""
    for relative in relatives:
        for anchor in anchors:
            if relative == anchor:
                continue
            if kind == "child":
                _emit(out, "parent", [relative], [anchor], sent, confidence, cue)
            elif kind == "parent":
                _emit(out, "parent", [anchor], [relative], sent, confidence, cue)
            else:
                _emit(out, kind, [anchor], [relative], sent, confidence, cue)


def _family_noun(
    noun: Token, kind: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    out: list[dict] = []
    if noun.dep_ in ("attr", "oprd") and not asserted(noun.head, cues):
        return out  # "She is not his daughter"
    relatives = _relatives(noun, index)
    if not relatives:
        return out
    casting = _in_casting(noun, cues)
    if casting:
        # "B plays her brother, C2": the relative is a character, so is whose brother
        types = CHARACTER
    else:
        types = frozenset({index.entity_type.get(relatives[0], "PERSON")})
        relatives = [r for r in relatives if index.entity_type.get(r) in types]
    anchors = _anchors(noun, index, types, cues, relatives)
    plural = noun.tag_ in ("NNS", "NNPS") or noun.lower_ in cues.plural_family_nouns
    if plural and kind in ("sibling", "child") and len(relatives) > 1:
        # "the sisters A and B", "their sons A and B": the named ones are siblings
        for a, b in combinations(relatives, 2):
            _emit(out, "sibling", [a], [b], sent, 0.85, f"plural:{noun.lower_}")
    if anchors:
        _family_records(kind, relatives, anchors, sent, 0.85, f"noun:{noun.lower_}", out)
    return out


def _in_casting(noun: Token, cues: RelationCues) -> bool:
    """``plays his sister, X``, ``with Y as her father, Z``: the noun names a role."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues.casting_verbs


def _apposed_names(
    token: Token, index: MentionIndex, types: frozenset[str], depth: int = 4
) -> list[str]:
    """Names reached through appositions, name parts and coordination (``her sons, the
    actors Toby Stephens and Chris Larkin``), not through prepositions or clauses."""
    keys = list(index.at(token, types))
    if keys or depth == 0:
        return keys + [k for c in token.children if c.dep_ == "conj" for k in index.at(c, types)]
    found: list[str] = []
    for child in token.children:
        if child.dep_ in ("appos", "compound", "conj", "flat", "nmod"):
            found.extend(_apposed_names(child, index, types, depth - 1))
    return _unique(found)


def _relatives(noun: Token, index: MentionIndex) -> list[str]:
    """Who the family noun denotes: its apposition (``his wife, X``, ``his son Kiefer``), the
    name it modifies (``the Danish brothers A and B``), the name it is in apposition to
    (``X, Villeneuve's wife``) or the subject it is predicated of (``X is Nell's mother``,
    ``X, who turns out to be River's father``); failing the parse, the first name after it
    in its own phrase (``his wife of five decades, the actor X``)."""
    found: list[str] = []
    for child in noun.children:
        if child.dep_ in ("appos", "compound") and child.i > noun.i:
            found.extend(_apposed_names(child, index, PERSONISH))
    doc = noun.doc
    if not found and noun.i + 1 < len(doc):
        span = index.span_of(doc[noun.i + 1], PERSONISH)
        if span is not None:
            # "the Danish brothers Tomas Kvist and Anders Kvist": the name and its conjuncts
            found = [span.kb_id_, *_keys_at(span.root, index, PERSONISH)]
    if found:
        return _unique(found)
    if noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i:
        keys = _keys_at(noun.head, index, PERSONISH)
        if keys:
            return keys
    if noun.dep_ == "appos" or (noun.dep_ == "conj" and child_with_dep(noun, "poss") is not None):
        # "Prince Halvard, Marit's son and heir" is often parsed as a coordination
        keys = _keys_at(noun.head, index, PERSONISH)
        if not keys and noun.dep_ == "appos":
            keys = _born_subject(noun.head, index)
        return keys
    if noun.dep_ in ("attr", "oprd"):
        verb = noun.head
        subject = fact_subject(verb)
        if subject is None and verb.dep_ == "xcomp":
            subject = fact_subject(verb.head)
        return _person_or_pronoun(subject, index)
    return _next_name(noun, index)


def _born_subject(place: Token, index: MentionIndex) -> list[str]:
    """``X was born in Lyon, the daughter of Y``: the parser hangs the apposition on the
    place, but it describes whoever was born there."""
    preposition = place.head
    verb = preposition.head
    if place.dep_ != "pobj" or preposition.dep_ != "prep" or verb.lemma_.lower() != "bear":
        return []
    return _person_or_pronoun(fact_subject(verb), index)


def _next_name(noun: Token, index: MentionIndex, reach: int = 12) -> list[str]:
    """The first name after ``noun`` in an apposition the parser missed (``his wife of five
    decades, the actor X``): only across a comma, ``of``, determiners, adjectives, numbers
    and common nouns, never past a possessive (``her brother's debts, with X``)."""
    doc = noun.doc
    sent = noun.sent
    if noun.i + 1 >= sent.end or doc[noun.i + 1].text not in (",", "of"):
        return []
    for i in range(noun.i + 1, min(sent.end, noun.i + reach)):
        token = doc[i]
        keys = index.at(token, PERSONISH)
        if keys:
            return list(keys)
        if token.text in POSSESSIVE_MARKS or not (
            token.text == ","
            or token.lower_ in ("of", "than")
            or token.pos_ in ("DET", "ADJ", "NUM", "NOUN", "PUNCT")
        ):
            return []
    return []


def _person_or_pronoun(token: Token | None, index: MentionIndex) -> list[str]:
    if token is None:
        return []
    token = _antecedent(token)
    # "The actors Tom Hale and Sam Hale are brothers": the names under the common noun
    keys = _unique(_keys_at(token, index, PERSONISH) + _apposed_names(token, index, PERSONISH))
    if not keys and token.dep_ == "appos":
        # "Frank Harkness, an operator who turns out to be River's father": the name
        keys = _keys_at(token.head, index, PERSONISH)
    return keys


def _anchors(
    noun: Token,
    index: MentionIndex,
    types: frozenset[str],
    cues: RelationCues,
    relatives: list[str],
) -> list[str]:
    """Whose relative: the possessor (a name or a pronoun), ``of X (and Y)``, ``with X``."""
    found: list[str] = []
    for poss in noun.children:
        # "Villeneuve's wife" is sometimes parsed as nmod + case
        marked = any(c.dep_ == "case" for c in poss.children) or poss.text.endswith(
            tuple(POSSESSIVE_MARKS | {"‘s"})
        )
        if poss.dep_ != "poss" and not (poss.dep_ == "nmod" and marked and poss.i < noun.i):
            continue
        if poss.pos_ == "PRON":
            found.extend(pronoun_antecedents(poss, index, types, cues, exclude=relatives))
        else:
            # a named possessor is taken whatever its upstream type ("Carmine's daughter",
            # Carmine typed as a person; "Nell's mother", Nell as an organisation)
            found.extend(_keys_at(poss, index, PERSONISH | ORG))
    for prep in _children(noun, "prep"):
        if prep.lower_ == "of" or (prep.lower_ == "with" and found):
            for key in _keys_at(child_with_dep(prep, "pobj"), index, PERSONISH):
                found.append(key)
    if any(p.lower_ == "of" for p in _children(noun, "prep")):
        # "the daughter of A and the director B": the parser coordinates B with the noun
        for conj in _children(noun, "conj"):
            if cues.family_kind(conj.lower_) is None:
                found.extend(_keys_at(conj, index, types))
    return [k for k in _unique(found) if k not in relatives]


def _pair_phrase(
    first: Token, sent: Span, index: MentionIndex, cues: RelationCues, out: list[dict]
) -> bool:
    """``the father-and-son duo A and B``, ``the husband-and-wife team A and B``."""
    doc = first.doc
    i = first.i
    if not (
        i + 4 < len(doc)
        and doc[i + 1].text in HYPHENS
        and doc[i + 2].lower_ == "and"
        and doc[i + 3].text in HYPHENS
    ):
        return False
    second = doc[i + 4]
    kinds = (cues.family_kind(first.lower_), cues.family_kind(second.lower_))
    if None in kinds:
        return False
    # the names the phrase qualifies: the head of the noun phrase and its conjuncts
    holder = first
    for _ in range(4):
        if index.at(holder, PERSONISH) or holder.head.i == holder.i:
            break
        holder = holder.head
    names = _keys_at(holder, index, PERSONISH)
    if len(names) != 2:
        return True
    a, b = names
    cue = f"pair:{first.lower_}-and-{second.lower_}"
    if kinds == ("parent", "child"):
        _emit(out, "parent", [b], [a], sent, 0.85, cue)
    elif kinds == ("child", "parent"):
        _emit(out, "parent", [a], [b], sent, 0.85, cue)
    elif kinds[0] == kinds[1] and kinds[0] in ("sibling", "spouse"):
        _emit(out, kinds[0], [a], [b], sent, 0.85, cue)
    return True


def _marriage(verb: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``Smith married the actor Robert Stephens``, ``X, who has been married to Y``, ``A and B
    married in 1990``."""
    if not asserted(verb, cues):
        return []
    subject = fact_subject(verb)
    if subject is None and verb.dep_ in ("acomp", "attr") and verb.head.i != verb.i:
        subject = fact_subject(verb.head)
    subjects = _person_or_pronoun(subject, index)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        # "A and B, who married a year later": the antecedent's coordination
        holder = _antecedent(subject)
        subjects = _unique(
            subjects + [k for c in holder.conjuncts for k in _keys_at(c, index, PERSONISH)]
        )
    partners = _keys_at(child_with_dep(verb, "dobj"), index, PERSONISH)
    for prep in _children(verb, "prep"):
        if prep.lower_ == "to":
            partners += _keys_at(child_with_dep(prep, "pobj"), index, PERSONISH)
    if not partners and verb.i + 1 < sent.end and verb.nbor().lower_ == "to":
        # "married to actor Greg Wise" read as an infinitive: the first name after "to"
        for token in sent.doc[verb.i + 2 : min(sent.end, verb.i + 6)]:
            partners = _keys_at(token, index, PERSONISH)
            if partners or token.is_punct:
                break
    out: list[dict] = []
    if partners:
        _emit(out, "spouse", subjects, _unique(partners), sent, 0.85, f"verb:{verb.lemma_.lower()}")
    elif len(subjects) == 2:
        _emit(out, "spouse", subjects[:1], subjects[1:], sent, 0.8, f"verb:{verb.lemma_.lower()}")
    return [r for r in out if index.entity_type.get(r["head"]) == index.entity_type.get(r["tail"])]


# -- awards ----------------------------------------------------------------------------------


def _is_ceremony(span: Span) -> bool:
    """``the 97th Academy Awards``: a ceremony, not a prize."""
    return any(ORDINAL.match(t.text) for t in span) or (
        span[-1].text == "Awards"
        and span.start > 0
        and span.doc[span.start - 1].lower_ in ("the", "at")
    )


def _awards_in(token: Token | None, index: MentionIndex) -> list[str]:
    """AWARD keys in ``token``'s phrase (``an Emmy and a Golden Globe``, ``the prize for
    Best Original Score``), ceremonies left out."""
    if token is None:
        return []
    found: list[str] = []
    for t in token.subtree:
        if passes_clause(t, token):
            continue
        span = index.span_of(t, AWARD)
        if span is not None and not _is_ceremony(span):
            found.append(span.kb_id_)
    return _unique(found)


def _honoured_work(
    holders: Iterable[Token], index: MentionIndex, skip: Iterable[str] = ()
) -> str | None:
    """The work of a ``for W`` / ``for her performance in W`` / ``for playing X in W`` phrase."""
    skipped = set(skip)
    for holder in holders:
        # an award's name may carry the phrase ("won Outstanding Actor in a Drama Series for
        # W" hangs "for W" on "Series"); a verb's subtree is its whole clause, so there only
        # the prepositional phrases it governs are searched
        roots = _children(holder, "prep") if holder.pos_ in ("VERB", "AUX") else [holder]
        preps = [t for root in roots for t in root.subtree if t.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ != "for":
                continue
            for t in prep.subtree:
                keys = [k for k in index.at(t, WORK_TYPES) if k not in skipped]
                if keys:
                    return keys[0]
    return None


def _winners(token: Token | None, index: MentionIndex, cues: RelationCues) -> list[str]:
    """Winners named by a subject or indirect object: people, films, series; a pronoun
    (``brought her``, ``she collected``) is resolved like a possessive, agreeing in gender."""
    if token is None:
        return []
    token = _antecedent(token)
    if token.pos_ == "PRON" and token.lower_ in cues.female_pronouns | cues.male_pronouns:
        return pronoun_antecedents(token, index, PERSON, cues)
    keys = _keys_at(token, index, WINNER_TYPES)
    if not keys and token.dep_ == "appos":
        keys = _keys_at(token.head, index, WINNER_TYPES)
    return keys


def _subject_of_role_noun(verb: Token) -> Token | None:
    """``X became the first actor to win``: the subject of the clause the noun completes."""
    if verb.dep_ in ("relcl", "acl") and verb.head.dep_ in ("attr", "oprd", "dobj"):
        return fact_subject(verb.head.head)
    return None


def extract_awards(sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``award_won`` / ``award_nominated`` relations of one sentence.

    Args:
        sent: the sentence to read.
        index: the doc's mentions, references and works in focus.
        cues: the trigger words of ``relation_cues.json``.

    Returns:
        Relation records as built by ``roles.relation``, possibly none.
    """
    out: list[dict] = []
    for token in index.free_tokens(sent):
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            if lemma in cues.nomination_verbs:
                out.extend(_nominated(token, sent, index, cues))
            elif lemma in cues.win_verbs:
                out.extend(_won(token, lemma, sent, index, cues))
            elif lemma in cues.go_verbs:
                out.extend(_went_to(token, sent, index, cues))
            elif lemma in cues.beat_verbs:
                out.extend(_beat(token, sent, index, cues))
            if lemma == "be":
                out.extend(_up_for(token, sent, index, cues))
        elif (
            token.pos_ in ("NOUN", "PROPN")
            and token.lower_ in cues.winner_nouns | cues.nominee_nouns
        ):
            out.extend(_winner_noun(token, sent, index, cues))
        elif token.text in HYPHENS and token.i + 1 < sent.end:
            out.extend(_award_adjective(token, sent, index, cues))
    return out + _credits_of_category_awards(out, sent, index, cues)


def _credits_of_category_awards(
    awards: list[dict], sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``X won Best Actress for W``, ``X won Best Director for W``: a prize in a craft's
    category for a work says X did that job on it (cast, director, screenwriter, composer)."""
    out: list[dict] = []
    for record in awards:
        work, person = record.get("work"), record["head"]
        if index.entity_type.get(person) != "PERSON":
            continue
        confidence = round(record["confidence"] * 0.9, 3)
        character = None
        if not work:
            # "Jean Smart took Outstanding Lead Actress, her third Emmy for playing
            # Deborah Vance": the prize is for the one work the sentence names, else the
            # work in focus; the part is named after her
            named = index.sentence_works(sent)
            character = _part_after(person, sent, index)
            if len(named) > 1 or (not named and character is None):
                continue  # the work in focus only for a prize the part ties to it
            work = named[0] if named else index.topic_work(sent.start)
            confidence = WORK_CONFIDENCE["sentence" if named else "topic"]
        if not work:
            continue
        award_words = set(record["tail"].partition("::")[2].split())
        if award_words & cues.acting_award_words:
            out.append(
                relation("cast_member", work, person, sent, confidence, "award:acting", character)
            )
        for role, words in cues.crew_award_words.items():
            if award_words & words:
                out.append(relation(role, work, person, sent, confidence, f"award:{role}"))
    return out


def _part_after(person: str, sent: Span, index: MentionIndex) -> str | None:
    """The one character named after ``person`` and before the next person in ``sent``."""
    spans = [s for s in index.mentions if sent.start <= s.start and s.end <= sent.end]
    starts = [s.end for s in spans if s.kb_id_ == person]
    if not starts:
        return None
    start = starts[0]
    end = min(
        (s.start for s in spans if s.label_ == "PERSON" and s.start >= start), default=sent.end
    )
    parts = {s.kb_id_ for s in spans if s.label_ == "CHARACTER" and start <= s.start < end}
    return parts.pop() if len(parts) == 1 else None


def _award_records(
    kind: str,
    winners: list[str],
    awards: list[str],
    work: str | None,
    sent: Span,
    confidence: float,
    cue: str,
) -> list[dict]:
    out: list[dict] = []
    for winner in winners:
        honoured = work if work != winner else None
        _emit(out, kind, [winner], awards, sent, confidence, cue, work=honoured)
    return out


def _won(
    verb: Token, lemma: str, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``X won AWARD for W``, ``W earned her AWARD``, ``X received a nomination for AWARD``,
    ``W was named Best Picture``, ``X repeated as AWARD``, ``W won AWARD for X``."""
    obj = child_with_dep(verb, "dobj")
    dative = child_with_dep(verb, "dative")
    direct = _children(verb, "dobj")
    if dative is None and len(direct) > 1 and not _awards_in(direct[0], index):
        # "won Smith three Emmys": two objects, the first is the recipient (not in "won
        # the Award for W, her study of …", where the parser made the apposition an object)
        dative, obj = direct[0], direct[1]
    objects = [o for o in (obj, *_children(verb, "oprd", "attr")) if o is not None]
    for prep in _children(verb, "prep"):
        if prep.lower_ == "as":
            objects.extend(_children(prep, "pobj"))
    if dative is not None:
        # "earned Daniel Blumberg the prize for Best Original Score": parsed as an apposition
        objects.extend(_children(dative, "appos"))
    if obj is not None and obj.lower_ in cues.nomination_nouns:
        return _nomination_object(verb, obj, sent, index, cues)
    awards = _unique(k for o in objects for k in _awards_in(o, index))
    if not awards and any(o.lemma_.lower() in cues.prize_nouns for o in objects):
        # "earned Daniel Blumberg the prize for Best Original Score"
        awards = [
            k for p in _children(verb, "prep") if p.lower_ == "for" for k in _awards_in(p, index)
        ]
    if not awards or not asserted(verb, cues):
        return []
    giving = lemma in ("give", "hand", "present", "award")
    agent = child_with_dep(verb, "agent")
    passive_subject = child_with_dep(verb, "nsubjpass")
    if giving and dative is None and passive_subject is None:
        return []  # "the Academy gave an award": the giver is not the winner
    subject_token = passive_subject or (_clause_subject(verb) if agent is None else None)
    subject_token = subject_token or _subject_of_role_noun(verb)
    subject = _winners(subject_token, index, cues)
    confidence = 0.85
    if not subject and subject_token is not None and subject_token.lower_ == "it":
        # "The Brazilian drama did not go home empty-handed: it won ...": the work in focus
        topic = index.topic_work(sent.start)
        subject, confidence = ([topic], WORK_CONFIDENCE["topic"]) if topic else ([], 0.0)
    out: list[dict] = []
    if dative is not None:
        winners = _winners(dative, index, cues)
        work_keys = [k for k in subject if index.entity_type.get(k) in WORK_TYPES]
        work = work_keys[0] if work_keys and not giving else _honoured_work([verb, *objects], index)
        return _award_records("award_won", winners, awards, work, sent, confidence, f"win:{lemma}")
    work = _honoured_work([verb, *objects], index, skip=subject)
    out = _award_records("award_won", subject, awards, work, sent, confidence, f"win:{lemma}")
    works = [k for k in subject if index.entity_type.get(k) in WORK_TYPES]
    if works:
        # "Conclave won Best Adapted Screenplay for Peter Straughan": the person wins too
        for prep in (p for holder in (verb, *objects) for p in _children(holder, "prep")):
            if prep.lower_ == "for":
                people = _keys_at(child_with_dep(prep, "pobj"), index, PERSON)
                out += _award_records(
                    "award_won", people, awards, works[0], sent, confidence, "win:for"
                )
    return out


def _nomination_object(
    verb: Token, noun: Token, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``received a Bafta nomination for W``, ``which earned her a nomination for AWARD``."""
    awards = _awards_in(noun, index)
    if not awards or not asserted(verb, cues):
        return []
    dative = child_with_dep(verb, "dative")
    subject = _winners(_clause_subject(verb), index, cues)
    if dative is not None:
        winners = _winners(dative, index, cues)
        work_keys = [k for k in subject if index.entity_type.get(k) in WORK_TYPES]
        work = work_keys[0] if work_keys else _honoured_work([verb, noun], index)
    else:
        winners = subject
        work = _honoured_work([verb, noun], index, skip=winners)
    return _award_records("award_nominated", winners, awards, work, sent, 0.85, "nomination")


def _nominated(verb: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``X was nominated for AWARD (for W)``, ``Ralph Fiennes, nominated for Best Actor``,
    ``is shortlisted for Leading Actor``."""
    awards: list[str] = []
    for prep in _children(verb, "prep"):
        if prep.lower_ in ("for", "in"):
            awards.extend(_awards_in(prep, index))
    awards = _unique(awards)
    if not awards or not asserted(verb, cues):
        return []
    nominee = child_with_dep(verb, "nsubjpass") or child_with_dep(verb, "dobj")
    if nominee is None and verb.dep_ in ("acl", "advcl", "relcl") and verb.head.i != verb.i:
        nominee = verb.head if verb.dep_ == "acl" else fact_subject(verb.head)
    if nominee is None:
        nominee = _clause_subject(verb)
    winners = _winners(nominee, index, cues)
    work = _honoured_work([verb], index, skip=winners)
    return _award_records("award_nominated", winners, awards, work, sent, 0.85, "nominated")


def _went_to(verb: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``Best Actor went to Adrien Brody for The Brutalist``."""
    awards = _awards_in(fact_subject(verb), index)
    if not awards or not asserted(verb, cues):
        return []
    winners: list[str] = []
    holders: list[Token] = [verb]
    for prep in _children(verb, "prep"):
        if prep.lower_ == "to":
            pobj = child_with_dep(prep, "pobj")
            winners.extend(_winners(pobj, index, cues))
            if pobj is not None:
                holders.append(pobj)
    work = _honoured_work(holders, index, skip=winners)
    return _award_records("award_won", _unique(winners), awards, work, sent, 0.85, "went-to")


def _beat(verb: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``X beat Y for AWARD``: X won it, Y was nominated; ``X beat Y to AWARD``: X won it."""
    contest = {
        p.lower_: _awards_in(p, index) for p in _children(verb, "prep") if p.lower_ in ("for", "to")
    }
    awards = _unique(k for keys in contest.values() for k in keys)
    if not awards or not asserted(verb, cues):
        return []
    winners = _winners(_clause_subject(verb), index, cues)
    out = _award_records("award_won", winners, awards, None, sent, 0.8, "beat")
    if contest.get("for"):
        losers = _winners(child_with_dep(verb, "dobj"), index, cues)
        out += _award_records("award_nominated", losers, contest["for"], None, sent, 0.75, "beaten")
    return out


def _up_for(verb: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``X is up for Supporting Actor``."""
    up = next((c for c in verb.children if c.lower_ == "up"), None)
    if up is None:
        return []
    awards = [
        k
        for holder in (up, verb)
        for p in _children(holder, "prep")
        if p.lower_ == "for"
        for k in _awards_in(p, index)
    ]
    if not awards or not asserted(verb, cues):
        return []
    winners = _winners(_clause_subject(verb), index, cues)
    return _award_records("award_nominated", winners, _unique(awards), None, sent, 0.8, "up-for")


def _winner_noun(noun: Token, sent: Span, index: MentionIndex, cues: RelationCues) -> list[dict]:
    """``Oscar winner Delphine Arceneaux``, ``Rafferty, a Bafta nominee for W``, ``the Oscar
    nominee``, ``the third Best Actor nominee``."""
    doc = noun.doc
    awards: list[str] = []
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
            awards.extend(_awards_in(child, index))
    if not awards and noun.i > sent.start:
        span = index.span_of(doc[noun.i - 1], AWARD)
        if span is not None and not _is_ceremony(span):
            awards = [span.kb_id_]
    if not awards:
        return []
    winners: list[str] = []
    if noun.i + 1 < sent.end:
        winners = [
            k
            for k in index.at(doc[noun.i + 1], WINNER_TYPES)
            if index.entity_type.get(k) == "PERSON"
        ]
    if not winners:
        winners = [
            k for c in noun.children if c.dep_ == "appos" for k in _keys_at(c, index, PERSON)
        ]
    if not winners and noun.dep_ in ("appos", "compound"):
        winners = _keys_at(noun.head, index, PERSON)
    if not winners and noun.dep_ in ("attr",):
        winners = _winners(fact_subject(noun.head), index, cues)
    kind = "award_won" if noun.lower_ in cues.winner_nouns else "award_nominated"
    work = _honoured_work([noun], index, skip=winners)
    return _award_records(kind, winners, _unique(awards), work, sent, 0.8, f"noun:{noun.lower_}")


def _award_adjective(
    hyphen: Token, sent: Span, index: MentionIndex, cues: RelationCues
) -> list[dict]:
    """``the Oscar-winning All Quiet on the Western Front``, ``the Oscar-nominated short W``."""
    doc = hyphen.doc
    word = hyphen.nbor().lower_
    if word in cues.winning_words:
        kind = "award_won"
    elif word in cues.nominated_words:
        kind = "award_nominated"
    else:
        return []
    span = index.span_of(doc[hyphen.i - 1], AWARD) if hyphen.i > 0 else None
    if span is None or _is_ceremony(span):
        return []
    adjective = hyphen.nbor()
    noun = adjective.head if adjective.head.i != adjective.i else adjective
    winners = _work_of_noun(noun, index) or [k for k in _named(noun, index, PERSON)]
    if not winners:
        nxt = adjective.i + 1
        if nxt < sent.end:
            winners = index.at(doc[nxt], WINNER_TYPES)
    return _award_records(kind, winners[:1], [span.kb_id_], None, sent, 0.8, f"adjective:{word}")


SENTENCE_FAMILIES: tuple[Family, ...] = (
    extract_deaths,
    extract_broadcasters,
    extract_distributors,
    extract_outlet_modifiers,
    extract_production_companies,
    extract_filming_locations,
    extract_series_membership,
    extract_family,
    extract_awards,
)


@Language.factory("relation_extractor")
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    """Factory of :class:`RelationExtractor` (cues come from ``relation_cues.json``).

    Args:
        nlp: the pipeline.
        name: the component's name.

    Returns:
        The component.
    """
    return RelationExtractor(nlp, name)
