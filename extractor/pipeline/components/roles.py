"""``role_extractor``: director, screenwriter, producer, composer, creator and cast.

Read from the dependency parse, so that one rule covers many phrasings:

* verbs: passive and participles (``directed by X and Y``, ``Directed by X,
  Ballerina…``), active (``X directed W``, ``X will direct``, ``X is set to
  star``), relative clauses (``X, who has directed W``), coordination of the
  people (``starring A, B and C``), the work as subject (``The show stars A as
  C``), ``X joins the cast of W``, ``X will play C``;
* role nouns: apposition (``director Ron Howard``, ``Ron Howard, the
  director``), the work as pre-modifier or possessor (``Goldeneye director
  Martin Campbell``, ``W's director X``), ``writer-director X`` (two roles);
* ``PERSON as CHARACTER`` anywhere (``Keanu Reeves' performance as John Wick``).

The work is, in order: the one the trigger's own phrase names; the nearest work
named in the sentence outside other clauses; the work in focus before the
sentence (``doc._.references`` and :class:`MentionIndex`).

Reads: ``doc.spans["mentions"]``, ``doc._.entities``, ``doc._.references``, the parse.
Writes: appends to ``doc._.relations``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.pipeline.components.characters import (
    PartListCues,
    listed_parts,
    role_start_after_copula,
    skip_descriptors,
)
from extractor.pipeline.discourse import (
    PART_NOUNS,
    WORK_TYPES,
    MentionIndex,
    child_with_dep,
    clause_subject,
    is_to_infinitive,
    titles_naming,
)
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import FrozenDict, load_resource, lowered
from extractor.pipeline.shapes import (
    OPENING_QUOTES,
    POSSESSIVE_MARKERS,
    hyphenated_word,
    token_before_comma_phrase,
)

PERSON = frozenset({"PERSON"})
CHARACTER = frozenset({"CHARACTER"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
QUANTIFIERS = frozenset({"all", "every", "each", "both"})
PLAY_LEMMAS = frozenset({"play", "portray", "voice", "reprise", "embody"})
# Copular verbs whose complement is a role held on the work in focus.
ROLE_KEEPING_VERBS = frozenset({"remain", "stay", "become", "continue"})
# Adverbs of a return to a part: "is back as", "is once again as".
RETURN_ADVERBS = frozenset({"back", "again"})
# Nouns of a performance or a part ("her turn as X", "his role as X").
PART_WORDS = lowered(
    (
        *load_resource("entity_cues")["performance_nouns"],
        *load_resource("entity_cues")["character_role_nouns"],
    )
)
# Nouns whose "of" phrase is the part itself ("his portrayal of Bob Dylan").
CHARACTER_OF_NOUNS = lowered(load_resource("entity_cues")["character_of_nouns"])
NAMING_PARTICIPLES = frozenset({"named", "called", "dubbed"})
CREW_ROLES = frozenset({"director", "screenwriter", "producer", "composer", "creator"})
# "A replaces B as C": the object is the actor who left the part
SUCCESSION_VERBS = frozenset({"replace", "succeed", "supplant"})
# "such as", "as well as", "known as": an ``as`` that introduces no part
AS_HEDGES = frozenset({"such", "well", "known"})
# Confidence by how the work was found.
WORK_CONFIDENCE = {"explicit": 0.9, "sentence": 0.75, "topic": 0.6}


@dataclass(frozen=True)
class RoleTriggers:
    """``role_triggers.json``: verb lemma -> roles, noun -> roles."""

    verbs: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    cast_object_verbs: frozenset[str] = frozenset()
    originating_verbs: frozenset[str] = frozenset()
    cast_object_nouns: frozenset[str] = frozenset()
    co_person_prepositions: frozenset[str] = frozenset()
    cast_in_nouns: frozenset[str] = frozenset()
    duty_nouns: frozenset[str] = frozenset()
    duty_gerunds: FrozenDict = field(default_factory=lambda: FrozenDict())
    object_roles: FrozenDict = field(default_factory=lambda: FrozenDict())
    reputation_verbs: frozenset[str] = frozenset()
    career_work_nouns: frozenset[str] = frozenset()
    directing_modifiers: frozenset[str] = frozenset()
    acclaim_nouns: frozenset[str] = frozenset()
    breakthrough_verbs: frozenset[str] = frozenset()
    breakthrough_particles: frozenset[str] = frozenset()
    breakthrough_prepositions: frozenset[str] = frozenset()
    cast_list_verbs: frozenset[str] = frozenset()
    cast_list_nouns: frozenset[str] = frozenset()
    work_subject_nouns: frozenset[str] = frozenset()
    destination_verbs: frozenset[str] = frozenset()
    crew_ambiguous_cast_verbs: frozenset[str] = frozenset()
    leading_participles: FrozenDict = field(default_factory=lambda: FrozenDict())
    whole_series_nouns: frozenset[str] = frozenset()
    accolade_nouns: frozenset[str] = frozenset()
    accolade_participles: frozenset[str] = frozenset()
    object_cast_verbs: frozenset[str] = frozenset()
    making_verbs: frozenset[str] = frozenset()
    career_copulas: frozenset[str] = frozenset()
    lent_verbs: frozenset[str] = frozenset()
    lent_objects: frozenset[str] = frozenset()
    lent_prepositions: frozenset[str] = frozenset()
    career_sequence_modifiers: frozenset[str] = frozenset()
    career_making_verbs: frozenset[str] = frozenset()
    career_making_prepositions: frozenset[str] = frozenset()
    own_work_parts: frozenset[str] = frozenset()
    stations: FrozenDict = field(default_factory=lambda: FrozenDict())

    @classmethod
    def load(cls) -> RoleTriggers:
        """Read the triggers from the package data."""
        data = load_resource("role_triggers")
        verbs: dict[str, list[str]] = {}
        nouns: dict[str, list[str]] = {}
        for role, spec in sorted(data["roles"].items()):
            for verb in spec["verbs"]:
                verbs.setdefault(verb.lower(), []).append(role)
            for noun in spec["nouns"]:
                nouns.setdefault(noun.lower(), []).append(role)
        return cls(
            verbs={k: tuple(v) for k, v in verbs.items()},
            nouns={k: tuple(v) for k, v in nouns.items()},
            cast_object_verbs=lowered(data["cast_object_verbs"]),
            originating_verbs=lowered(data["originating_verbs"]),
            cast_object_nouns=lowered(data["cast_object_nouns"]),
            co_person_prepositions=lowered(data["co_person_prepositions"]),
            cast_in_nouns=lowered(data["cast_in_nouns"]),
            duty_nouns=lowered(data["duty_nouns"]),
            duty_gerunds=data["duty_gerunds"],
            object_roles=data["object_roles"],
            career_work_nouns=lowered(data["career_work_nouns"]),
            directing_modifiers=lowered(data["directing_modifiers"]),
            reputation_verbs=lowered(data["reputation_verbs"]),
            acclaim_nouns=lowered(data["acclaim_nouns"]),
            breakthrough_verbs=lowered(data["breakthrough"]["verbs"]),
            breakthrough_particles=lowered(data["breakthrough"]["particles"]),
            breakthrough_prepositions=lowered(data["breakthrough"]["prepositions"]),
            cast_list_verbs=lowered(data["cast_list"]["verbs"]),
            cast_list_nouns=lowered(data["cast_list"]["subject_nouns"]),
            work_subject_nouns=lowered(data["work_subject_nouns"]),
            destination_verbs=lowered(data["destination_verbs"]),
            crew_ambiguous_cast_verbs=lowered(data["crew_ambiguous_cast_verbs"]),
            leading_participles=data["leading_participles"],
            whole_series_nouns=lowered(data["whole_series_nouns"]),
            accolade_nouns=lowered(data["accolade"]["nouns"]),
            accolade_participles=lowered(data["accolade"]["participles"]),
            object_cast_verbs=lowered(data["object_cast_verbs"]),
            making_verbs=lowered(data["making_verbs"]),
            career_copulas=lowered(data["career_predicates"]["copular"]),
            lent_verbs=lowered(data["lent_parts"]["verbs"]),
            lent_objects=lowered(data["lent_parts"]["objects"]),
            lent_prepositions=lowered(data["lent_parts"]["prepositions"]),
            career_sequence_modifiers=lowered(data["career_predicates"]["sequence_modifiers"]),
            career_making_verbs=lowered(data["career_predicates"]["making"]),
            career_making_prepositions=lowered(data["career_predicates"]["making_prepositions"]),
            own_work_parts=lowered(data["own_work_parts"]),
            stations=data["stations"],
        )

    def roles_of_noun(self, noun: Token) -> tuple[str, ...]:
        """The roles a role noun states, by its form, else its lemma (``actresses``)."""
        return self.nouns.get(noun.lower_, ()) or self.nouns.get(noun.lemma_, ())


class RoleExtractor:
    """Extract role relations; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "role_extractor") -> None:
        register_extensions()
        self.name = name
        self.triggers = RoleTriggers.load()
        cues = load_resource("entity_cues")
        self.not_character_words = lowered(cues["not_character_after_as"])
        self.part_lists = PartListCues.load()

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc)
        relations = list(doc._.relations or [])
        for sent in doc.sents:
            relations.extend(extract_roles(sent, index, self.triggers))
            relations.extend(extract_as_character(sent, index))
            relations.extend(extract_possessive_director(sent, index))
            relations.extend(extract_verb_as_character(sent, index, self.triggers))
            relations.extend(extract_described_part(sent, index, self.triggers))
            relations.extend(extract_known_for(sent, index, self.triggers))
            relations.extend(extract_listed_parts(sent, index, self.part_lists))
            relations.extend(extract_stations(sent, index, self.triggers))
            relations.extend(extract_parenthesised_actors(sent, index))
            relations.extend(extract_whose_parts(sent, index))
        # after every sentence, so that a credit stated anywhere tells a person's trade
        credited = _credited_roles(relations)
        for sent in doc.sents:
            relations.extend(extract_breakthrough(sent, index, self.triggers, credited))
            relations.extend(extract_accolades(sent, index, self.triggers, credited))
            relations.extend(extract_made_works(sent, index, self.triggers, credited))
        doc._.relations = [r for r in relations if not _crew_returning(r, credited, self.triggers)]
        return doc


def relation(
    kind: str,
    head: str,
    tail: str,
    sent: Span,
    confidence: float,
    cue: str,
    character: str | None = None,
) -> dict:
    """A relation record as stored in ``doc._.relations``."""
    record = {
        "type": kind,
        "head": head,
        "tail": tail,
        "evidence": [[sent.start_char, sent.end_char]],
        "confidence": confidence,
        "cue": cue,
    }
    if character:
        record["character"] = character
    return record


def people_at(token: Token | None, index: MentionIndex) -> list[str]:
    """Person keys named by ``token``'s phrase, its conjuncts and, for ``who``, its antecedent."""
    if token is None:
        return []
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        # "Stahelski, who has directed": the antecedent alone, not its list
        antecedent = token.head.head
        keys = index.at(antecedent, PERSON)
        if not keys and antecedent.dep_ == "appos":
            # "Michael Giacchino, the composer who scored W": the name the noun describes
            keys = index.at(antecedent.head, PERSON)
        if token.head.lower_.startswith("co-"):
            # "A and B, who co-directed W": a shared credit is the whole list's
            keys += [k for c in antecedent.conjuncts for k in index.at(c, PERSON) if k not in keys]
        return keys
    found = []
    candidates = [token, *token.conjuncts]
    if not index.at(token, PERSON):
        # "the ensemble cast of A, B and C", "a cast including A"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "including", "featuring"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        candidates += [obj, *obj.conjuncts]
    for candidate in candidates:
        keys = index.at(candidate, PERSON) or index.family_at(candidate)
        if not keys:
            # "a cast led by X": the name may be a compound part of the phrase head, and
            # "with his wife, the animator Hana Tolland" an apposition of an apposition
            apposed = [t for t in candidate.children if t.dep_ in ("compound", "appos")]
            apposed += [
                t for a in apposed if a.dep_ == "appos" for t in a.children if t.dep_ == "appos"
            ]
            # ("company founders A and B": the names' conjuncts too)
            keys = [k for t in apposed for c in (t, *t.conjuncts) for k in index.at(c, PERSON)]
            keys = list(dict.fromkeys(keys))
        for key in keys:
            if key not in found:
                found.append(key)
    return found


def people_listed_after(start: int, sent: Span, index: MentionIndex) -> list[str]:
    """The people of a list that opens at token ``start``: ``A, B (as C), D and E``.

    Read from the text rather than the parse, which breaks long lists (``stars`` tagged a
    noun with the names hanging off it as appositions). The list ends at the first item
    that is not a person's name.
    """
    doc = sent.doc
    found: list[str] = []
    i = start
    while i < sent.end:
        span = index.span_of(doc[i], PERSON)
        if span is None or span.start != i:
            break
        if span.end < sent.end and doc[span.end].text in POSSESSIVE_MARKERS:
            break  # "Anjali Rao, Kettle Hill's head of drama": an apposition, not an item
        if span.kb_id_ not in found:
            found.append(span.kb_id_)
        i = span.end
        if i < sent.end and doc[i].lower_ == "as":
            # "A as Helen, B as Menelaus": skip the role
            role = index.span_of(doc[i + 1], CHARACTER) if i + 1 < sent.end else None
            if role is None:
                break
            i = role.end
        if i < sent.end and doc[i].text == ",":
            i += 1
        if i < sent.end and doc[i].lower_ == "and":
            i += 1
    return found


def _explicit_work(verb: Token, index: MentionIndex, passive: bool) -> str | None:
    """The work the trigger's own phrase names (object, ``in W``, ``cast of W``, subject)."""
    candidates: list[Token] = []
    # "he wrote, directed and produced the film": the object hangs on the last conjunct
    chain = (
        [verb, *verb.conjuncts] if verb.dep_ != "conj" else [verb, verb.head, *verb.head.conjuncts]
    )
    children = [
        c for member in chain for c in member.children if member.i == verb.i or c.dep_ == "dobj"
    ]
    for child in children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "of", "for"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    if passive:
        clause = verb
        # "Directed by X and written by Y, W…": the second participle shares the first's place
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ in ("acl", "amod") and clause.head.i != clause.i:
            described = _outer_work_of_apposition(clause, index) or clause.head
            keys = index.at(described, WORK_TYPES)
            following = described.i + 1
            if not keys and following < len(verb.doc):
                # "the Bertrand-directed thriller Under the Cold Lamps"
                keys = index.at(verb.doc[following], WORK_TYPES)
            if not keys and described.lower_ in index.work_nouns:
                # "the Hamlet film directed by X": the title names the work noun
                keys = titles_naming(described, index)
            if keys:
                return keys[0]
            if described.dep_ == "appos" and index.at(described.head, WORK_TYPES):
                # "A Real Pain, the road movie written and directed by X"
                return index.at(described.head, WORK_TYPES)[0]
            if described.dep_ in ("attr", "appos", "dobj"):
                # "W promises to be a thriller produced by X": W is what is described
                subject = clause_subject(described.head)
                if subject is not None and index.at(subject, WORK_TYPES):
                    return index.at(subject, WORK_TYPES)[0]
        candidates.extend(c for c in verb.children if c.dep_ == "nsubjpass")
        if clause.dep_ == "advcl":
            candidates.extend(c for c in clause.head.children if c.dep_ in SUBJECT_DEPS)
    for candidate in candidates:
        keys = (
            index.in_subtree(candidate, WORK_TYPES)
            if candidate.dep_ != "nsubjpass"
            else index.at(candidate, WORK_TYPES)
        )
        if candidate.lower_ == "cast" or candidate.lemma_ in ("role",):
            keys = keys or []
        if keys:
            return keys[0]
    return None


def _outer_work_of_apposition(participle: Token, index: MentionIndex) -> Token | None:
    """``W1, the fourth instalment of HBO's W0, written and directed by X``: a participle
    set off by a comma after an apposition describing W1 credits W1, not the work the
    apposition's ``of``/``to`` phrase names in passing."""
    named = participle.head
    doc = participle.doc
    if participle.i == 0 or doc[participle.i - 1].text != "," or named.dep_ != "pobj":
        return None
    preposition = named.head
    apposition = preposition.head
    if preposition.lower_ not in ("of", "to") or apposition.dep_ != "appos":
        return None
    if not index.at(named, WORK_TYPES) or not index.at(apposition.head, WORK_TYPES):
        return None
    return apposition.head


LIST_INTRODUCERS = frozenset({"including", "like", "as", "among"})


def listed_works(token: Token, index: MentionIndex) -> list[str]:
    """Works a phrase names: ``W1, W2 and W3``, or ``films including W1, W2 and W3``,
    ``such shows as W1 and W2``."""
    heads = [token, *token.conjuncts]
    if not index.at(token, WORK_TYPES) and (
        token.lower_ in index.work_nouns or token.lemma_.lower() in index.work_nouns
    ):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in LIST_INTRODUCERS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        heads += [obj, *obj.conjuncts]
    found: list[str] = []
    last_end = None
    for head in heads:
        for key in index.at(head, WORK_TYPES):
            if key not in found:
                found.append(key)
        span = index.span_of(head, WORK_TYPES)
        if span is not None and (last_end is None or span.end > last_end):
            last_end = span.end
    if last_end is not None:
        # the parser often breaks a long list ("…, The Animal, Spider-Man 2, 3000 Miles …")
        found += [k for k in works_listed_after(last_end, token.sent, index) if k not in found]
    return found


def coordinated_works(key: str, sent: Span, index: MentionIndex) -> list[str]:
    """``directed W1, W2 and W3``: the works coordinated with the one a rule found."""
    found = [key]
    for span in index.mentions:
        if span.kb_id_ != key or not sent.start <= span.start < sent.end:
            continue
        for conjunct in span.root.conjuncts:
            for other in index.at(conjunct, WORK_TYPES):
                if other not in found:
                    found.append(other)
        found += [w for w in works_listed_after(span.end, sent, index) if w not in found]
        break
    return found


def works_listed_after(start: int, sent: Span, index: MentionIndex) -> list[str]:
    """The works that continue a list after a work ending at ``start``: ``W1 (1990),
    W2 (1997) and W3``, read from the text since the parser breaks such lists."""
    doc = sent.doc
    work_nouns = index.work_nouns | index.franchise_nouns
    found: list[str] = []
    i = start
    while i < sent.end:
        if doc[i].lower_ in work_nouns and doc[i].text[:1].islower():
            i += 1  # "the Koker trilogy (1987–94), …"
        if i < sent.end and doc[i].text == "(":
            close = next((k for k in range(i, min(i + 6, sent.end)) if doc[k].text == ")"), None)
            if close is None:
                break
            i = close + 1
        if i < sent.end and doc[i].text in ("–", "—"):
            # "W2 (1997) – which won the Palme d'Or – and W3": an aside between dashes
            close = next((k for k in range(i + 1, sent.end) if doc[k].text == doc[i].text), None)
            if close is None:
                break
            i = close + 1
        if i < sent.end and doc[i].text == ",":
            i += 1
        elif not (i < sent.end and doc[i].lower_ == "and"):
            break
        if i < sent.end and doc[i].lower_ == "and":
            i += 1
        span = index.span_of(doc[i], WORK_TYPES) if i < sent.end else None
        if span is None or span.start != i:
            break
        if span.kb_id_ not in found:
            found.append(span.kb_id_)
        i = span.end
    return found


def _character_after(token_end: int, sent: Span, index: MentionIndex) -> str | None:
    """``as [the infamous hitman,] NAME`` right after a person: the character key."""
    doc = sent.doc
    i = token_end
    if i < sent.end and doc[i].text in POSSESSIVE_MARKERS:
        return None
    if i >= sent.end or not _introduces_part(doc[i]):
        return None
    # the same descriptors the character finder skips: "as her orphaned niece Cady",
    # "as Cordelia's younger sister, Agnes Crowe"
    j = skip_descriptors(doc, i + 1, sent.end)
    # "as gang leader Tommy Shelby": the character finder also takes a bare description
    k = j
    while k < sent.end and k - j < 3 and doc[k].is_alpha and doc[k].is_lower:
        if doc[k].tag_ == "CC" and k + 1 < sent.end and doc[k + 1].text[:1].isupper():
            k = j  # "as a detective and Tom Reyes as …": the name is the next actor
            break
        k += 1
    for start in (j, k):
        keys = index.at(doc[start], CHARACTER) if start < sent.end else []
        if keys:
            return keys[0]
    return None


def _work_after_part(
    as_token: Token, character: str, sent: Span, index: MentionIndex
) -> str | None:
    """``as the lawyer C in Jacques Audiard's W``: the work the ``in`` right after the
    character names, even a title that is also a character's name."""
    doc = sent.doc
    spans = [s for s in index.mentions if s.kb_id_ == character and as_token.i < s.start < sent.end]
    if not spans or spans[0].end >= sent.end or doc[spans[0].end].lower_ != "in":
        return None
    for token in doc[spans[0].end + 1 : min(sent.end, spans[0].end + 8)]:
        if token.is_punct and token.text not in POSSESSIVE_MARKERS:
            break
        keys = index.at(token, WORK_TYPES)
        if keys:
            return keys[0]
    return None


def _introduces_part(token: Token) -> bool:
    """``as`` (``stars as C``), or ``of`` after a portrayal noun (``portrayal of C``)."""
    if token.lower_ == "as":
        return True
    return token.lower_ == "of" and token.i > 0 and token.nbor(-1).lower_ in CHARACTER_OF_NOUNS


def _person_just_before(token: Token, sent: Span, index: MentionIndex) -> list[str]:
    """The last person named before ``token`` with no verb or other name in between."""
    doc = sent.doc
    for i in range(token.i - 1, sent.start - 1, -1):
        keys = index.at(doc[i], PERSON)
        if keys:
            owned = doc[i + 1 : token.i]
            # "Herbert's novel to the screen as Dune": the possessor owns what is described
            if (
                owned
                and owned[0].text in POSSESSIVE_MARKERS
                and not any(t.lower_ in PART_WORDS for t in owned)
            ):
                return []
            return keys[:1]
        if doc[i].pos_ == "VERB" or index.by_token.get(i) or doc[i].text in (";", ":"):
            return []
    return []


def _with_person_before(as_token: Token, index: MentionIndex) -> list[str]:
    """``…, with Elliott Gould alongside him as Trapper John``: the person of a ``with``
    phrase just before ``as`` plays the part, whatever the verb the parser hung it on."""
    doc = as_token.doc
    for i in range(as_token.i - 1, max(as_token.sent.start, as_token.i - 8) - 1, -1):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":"):
            return []
        if token.lower_ == "with":
            obj = child_with_dep(token, "pobj")
            if obj is None or obj.i >= as_token.i:
                return []
            return index.at(obj, PERSON)
    return []


def _verb_of_as(as_token: Token) -> Token:
    """The verb an ``as`` phrase belongs to, past an adverb the parser hung it on
    (``most memorably as …``); the ``as`` token's head when there is none."""
    verb = as_token.head
    if verb.pos_ not in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def _co_credited(word: Token, index: MentionIndex, triggers: RoleTriggers) -> list[str]:
    """The people a credit word shares its credit with: ``X produces alongside Y``, ``a
    script he co-wrote with Y``, ``serves as producer alongside Y`` (not ``with Hale back
    in the title role``, where Y has a predicate of its own)."""
    return [
        key
        for child in word.children
        if child.dep_ == "prep" and child.lower_ in triggers.co_person_prepositions
        for obj in child.children
        if obj.dep_ == "pobj" and not _has_own_predicate(obj)
        for key in people_at(obj, index)
    ]


def _has_own_predicate(noun: Token) -> bool:
    """``with Hale back in the title role``, ``with Kaye reprising Flint``: the object of
    ``with`` is followed by what it does, so it is no partner in the credit."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    return after < len(doc) and (
        doc[after].lower_ in RETURN_ADVERBS or doc[after].tag_ in ("VBG", "VBN")
    )


def _verb_before_misread_as(as_token: Token, triggers: RoleTriggers) -> Token | None:
    """``X is back as her niece Cady, the girl the doll was built to protect``: the parser
    made ``as`` open a clause (``mark``) whose subject is the part; the casting verb the
    ``as`` follows (``returns as``, ``is back as``) is the one it belongs to."""
    if as_token.dep_ != "mark" or as_token.i == 0:
        return None
    before = as_token.doc[as_token.i - 1]
    if before.pos_ == "VERB" and "cast_member" in triggers.verbs.get(before.lemma_.lower(), ()):
        return before
    if before.lower_ in RETURN_ADVERBS and before.head.pos_ in ("VERB", "AUX"):
        return before.head
    return None


def _people_of_as(as_token: Token, verb: Token, sent: Span, index: MentionIndex) -> list[str]:
    """Who the ``as`` phrase describes: the verb's subject, else the person just before."""
    if _coordinated_misread_verb(as_token.head):
        # "who wrote the show from his experience of being stalked and stars as C": the
        # parser joined "stars" (as a noun) to the nearest verb; its subject is the
        # subject of the clause the coordination belongs to
        return people_at(clause_subject(_clause_verb(as_token.head)), index)
    if verb.pos_ in ("VERB", "AUX"):
        return people_at(clause_subject(verb), index)
    return _person_just_before(as_token, sent, index)


def _coordinated_misread_verb(token: Token) -> bool:
    """``… and stars as``: a verb's -s form after ``and``, tagged a plural noun."""
    return (
        token.tag_ == "NNS"
        and token.dep_ == "conj"
        and token.i > 0
        and token.doc[token.i - 1].lower_ == "and"
        and token.lower_.endswith("s")
    )


def _clause_verb(token: Token) -> Token:
    """The verb of the main or relative clause ``token`` sits in."""
    current = token
    while current.dep_ not in ("ROOT", "relcl") and current.head.i != current.i:
        current = current.head
    return current


def extract_verb_as_character(
    sent: Span, index: MentionIndex, triggers: RoleTriggers
) -> list[dict]:
    """``X returns as C``, ``X is back as her niece C``, ``X turns up as C``.

    The person is the subject of the verb that ``as`` depends on; when the parser
    misreads the verb (``Strachan returns`` as a plural noun), the last person named
    before ``as`` in the same clause.
    """
    doc = sent.doc
    out = []
    for token in sent:
        if not _introduces_part(token):
            continue
        verb = (
            _verb_of_as(token) if token.dep_ == "prep" else _verb_before_misread_as(token, triggers)
        )
        if verb is None:
            continue
        character = _character_after(token.i, sent, index)
        if character is None:
            continue
        people = _with_person_before(token, index) or _people_of_as(token, verb, sent, index)
        people = [p for p in people if index.entity_type.get(p) == "PERSON"]
        if len(people) != 1 or doc[token.i - 1].lower_ in AS_HEDGES:
            continue
        work, how = index.work_for(token, sent, _work_after_part(token, character, sent, index))
        if work:
            confidence = WORK_CONFIDENCE[how] - 0.05
            out.append(
                relation("cast_member", work, people[0], sent, confidence, "verb_as", character)
            )
    return out


def extract_described_part(sent: Span, index: MentionIndex, triggers: RoleTriggers) -> list[dict]:
    """``X, last seen as the soft-spoken killer in the thriller W``, ``he was memorable as
    the doomed quartermaster in W``: a part described, not named, in a work the ``as``
    phrase itself names: cast without a character.
    """
    doc = sent.doc
    out = []
    for token in sent:
        if token.lower_ != "as" or token.dep_ != "prep" or doc[token.i - 1].lower_ in AS_HEDGES:
            continue
        if _character_after(token.i, sent, index):
            continue  # the named-character rules cover it
        part = child_with_dep(token, "pobj")
        if part is None or part.pos_ != "NOUN" or triggers.roles_of_noun(part):
            continue
        works = _works_in(part, index)
        if len(works) != 1:
            continue
        verb = _verb_of_as(token)
        # "Ellison, last seen as …": the participle describes the person
        people = (
            index.at(verb.head, PERSON)
            if verb.dep_ == "acl"
            else _people_of_as(token, verb, sent, index)
        )
        people = [p for p in people if index.entity_type.get(p) == "PERSON"]
        if len(people) == 1:
            out.append(relation("cast_member", works[0], people[0], sent, 0.7, "described_part"))
    return out


def extract_roles(sent: Span, index: MentionIndex, triggers: RoleTriggers) -> list[dict]:
    """Role relations from verb and noun triggers in one sentence."""
    out: list[dict] = []
    for token in index.free_tokens(sent):
        if token.pos_ in ("VERB", "AUX"):
            out.extend(_verb_trigger(token, token.lemma_.lower(), sent, index, triggers))
        elif token.pos_ in ("NOUN", "PROPN"):
            if token.i == sent.start and token.lower_ in triggers.leading_participles:
                out.extend(_leading_participle(token, sent, index, triggers))
            noun = hyphenated_word(token)
            if (noun in index.film_nouns or noun in triggers.career_work_nouns) and not token.text[
                :1
            ].isupper():
                out.extend(_person_premodified_film(token, sent, index, triggers))
            if token.pos_ == "NOUN" and token.lower_ in triggers.cast_in_nouns:
                out.extend(_roles_in_works(token, sent, index))
            if token.lower_ in triggers.nouns:
                out.extend(_noun_roles(token, sent, index, triggers))
            if token.lower_ in triggers.duty_nouns:
                out.extend(_role_duties(token, sent, index, triggers))
            if token.tag_ == "NNS" and token.lower_.endswith("s"):
                out.extend(_misread_verb(token, sent, index, triggers))
        if token.pos_ in ("ADJ", "NOUN") and token.lower_ in triggers.verbs:
            out.extend(_misread_plural_verb(token, sent, index, triggers))
    return out


def _verb_trigger(token, lemma, sent, index, triggers) -> list[dict]:
    if token.lower_ in triggers.leading_participles and _opens_clause(token, sent):
        inverted = _inverted_participle(token, sent, index, triggers)
        if inverted:
            return inverted
    if lemma in triggers.verbs:
        return _verb_roles(token, lemma, sent, index, triggers)
    if lemma == "be":
        copular = _copular_cast(token, sent, index)
        if copular:
            return copular
    if lemma in triggers.cast_list_verbs:
        return _cast_list(token, sent, index, triggers)
    if lemma in triggers.originating_verbs:
        originated = _originated_part(token, sent, index)
        if originated:
            return originated
    if lemma in triggers.lent_verbs:
        lent = _lent_voice(token, sent, index, triggers)
        if lent:
            return lent
    if lemma in triggers.cast_object_verbs:
        obj = child_with_dep(token, "dobj")
        if obj is not None and obj.lemma_.lower() in triggers.cast_object_nouns:
            # "X has landed the lead role", "X boarded the project", "X joins the cast"
            return _verb_roles(token, lemma, sent, index, triggers, ("cast_member",))
    return []


def _lent_voice(verb: Token, sent: Span, index: MentionIndex, triggers) -> list[dict]:
    """``Wendy Hart lends her voice to Mara Quill in W``: a voice credit whose part is the
    character after the preposition."""
    obj = child_with_dep(verb, "dobj")
    if obj is None or obj.lower_ not in triggers.lent_objects:
        return []
    characters = [
        key
        for holder in (verb, obj)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in triggers.lent_prepositions
        for key in index.in_subtree(prep, CHARACTER)
    ]
    if not characters:
        return []
    out = []
    for record in _verb_roles(verb, "voice", sent, index, triggers, ("cast_member",)):
        out.append({**record, "character": record.get("character") or characters[0]})
    return out


def _originated_part(verb: Token, sent: Span, index: MentionIndex) -> list[dict]:
    """``Keays-Byrne, who originated the role in Fury Road``, ``K-2SO, a role he
    originated in the film``: the subject first played the part in the ``in`` work; the
    part is the one character named before the verb in the sentence.
    """
    obj = child_with_dep(verb, "dobj")
    part = obj if obj is not None else (verb.head if verb.dep_ == "relcl" else None)
    if part is None or part.lemma_.lower() not in ("role", "part"):
        return []
    holders = (verb, part) if obj is not None else (verb,)
    works = [work for holder in holders for work in _works_in(holder, index)]
    people = people_at(child_with_dep(verb, "nsubj"), index)
    people = [p for p in people if index.entity_type.get(p) == "PERSON"]
    # the part a role noun stands in apposition to ("the droid K-2SO, a role he …"), else
    # the character named last before the verb
    characters = index.at(part.head, CHARACTER) if part.dep_ == "appos" else []
    characters = (
        characters
        or [
            span.kb_id_
            for span in reversed(index.mentions)
            if span.label_ == "CHARACTER" and sent.start <= span.start and span.end <= verb.i
        ][:1]
    )
    if len(works) != 1 or len(people) != 1 or not characters:
        return []
    return [relation("cast_member", works[0], people[0], sent, 0.75, "originated", characters[0])]


def _role_duties(noun: Token, sent: Span, index: MentionIndex, triggers) -> list[dict]:
    """``A, B and C share directing duties``, ``X takes over writing duties``."""
    roles = [
        triggers.duty_gerunds[c.lower_]
        for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in triggers.duty_gerunds
    ]
    if not roles:
        return []
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        subjects = people_at(clause_subject(verb), index)
    else:
        # the parser read the verb as a noun ("share" in "A, B and C share directing
        # duties"): the names opening the sentence, right before the verb
        subjects = _list_right_before(noun.left_edge.i, sent, index)
    people = [p for p in subjects if index.entity_type.get(p) == "PERSON"]
    work, how = index.work_for(noun, sent, None)
    if not people or work is None:
        return []
    confidence = WORK_CONFIDENCE[how] - 0.05
    return [
        relation(role, work, p, sent, confidence, f"duties:{role}")
        for role in roles
        for p in people
    ]


def _list_right_before(position: int, sent: Span, index: MentionIndex) -> list[str]:
    """The people listed at the start of the sentence when at most one lower-case word (the
    misread verb) separates the list from ``position``."""
    people = people_listed_after(sent.start, sent, index)
    if not people:
        return []
    last_end = max(
        (s.end for s in index.mentions if s.kb_id_ == people[-1] and sent.start <= s.start),
        default=position + 1,
    )
    if last_end > position:
        return []
    between = sent.doc[last_end:position]
    if len(between) > 1 or any(not t.is_lower for t in between):
        return []
    return people


def _leading_participle(token: Token, sent: Span, index: MentionIndex, triggers) -> list[dict]:
    """``Starring Sofia Marchetti, the film W opens``, with ``Starring`` tagged a proper
    noun: the people listed after it, credited on the work the sentence names."""
    return _participle_credits(token, token.i + 1, None, sent, index, triggers)


def _participle_credits(
    token: Token, list_start: int, explicit: str | None, sent: Span, index: MentionIndex, triggers
) -> list[dict]:
    """The credits of a participle (``Starring``) for the people listed from
    ``list_start``, in ``explicit`` or the work the sentence is about."""
    people = [
        p
        for p in people_listed_after(list_start, sent, index)
        if index.entity_type.get(p) == "PERSON"
    ]
    work, how = index.work_for(token, sent, explicit)
    if not people or work is None:
        return []
    lemma = triggers.leading_participles[token.lower_]
    return [
        relation(role, work, person, sent, WORK_CONFIDENCE[how] - 0.05, f"verb:{lemma}")
        for role in triggers.verbs.get(lemma, ())
        for person in people
    ]


def _opens_clause(token: Token, sent: Span) -> bool:
    """Only adverbs (``Also``) come before ``token`` in its sentence."""
    return all(t.pos_ == "ADV" for t in sent.doc[sent.start : token.i])


def _inverted_participle(token: Token, sent: Span, index: MentionIndex, triggers) -> list[dict]:
    """``Also starring in W are A and B``: the people after the copula the participle
    opens, in the work its ``in`` phrase names."""
    doc = sent.doc
    copula = next(
        (t for t in doc[token.i + 1 : sent.end] if t.lemma_ == "be" and t.lower_ != "being"),
        None,
    )
    if copula is None:
        return []
    explicit = None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            works = [k for obj in prep.children for k in index.in_subtree(obj, WORK_TYPES)]
            if works:
                explicit = works[0]
                break
    return _participle_credits(token, copula.i + 1, explicit, sent, index, triggers)


def _misread_verb(token: Token, sent: Span, index: MentionIndex, triggers) -> list[dict]:
    """``Rupert Hale directs the first episodes`` with ``directs`` tagged a plural noun:
    a role verb's -s form right after a person's name is read as that person's verb."""
    lemma = token.lower_[:-1]
    if lemma not in triggers.verbs or token.i == sent.start:
        return []
    people = [p for p in index.at(sent.doc[token.i - 1], PERSON)]
    roles = _misread_verb_roles(lemma, triggers)
    if lemma == "star" and not people and _work_subject_before(token, index):
        # "The film stars A, B and C" with "stars" tagged a plural noun
        people = people_listed_after(token.i + 1, sent, index)
        roles = ["cast_member"]
    elif len(people) != 1:
        return []
    work, how = index.work_for(token, sent, None)
    if work is None:
        return []
    confidence = WORK_CONFIDENCE[how] - 0.1
    return [
        relation(role, work, person, sent, confidence, f"misread_verb:{lemma}")
        for role in roles
        for person in people
    ]


def _misread_verb_roles(lemma: str, triggers: RoleTriggers) -> list[str]:
    """The roles of a role verb the tagger misread: a cast credit only for ``star``."""
    return [r for r in triggers.verbs[lemma] if r != "cast_member" or lemma in ("star", "co-star")]


def _misread_plural_verb(token: Token, sent: Span, index: MentionIndex, triggers) -> list[dict]:
    """``A and B, who co-directed W, direct from a screenplay by C`` with ``direct`` read as
    an adjective of the subject: a role verb's base form right after the comma that closes
    a relative clause on coordinated people is their verb."""
    subject = token.head
    if (
        token.dep_ not in ("amod", "appos")
        or subject.i > token.i
        or sent.doc[token.i - 1].text != ","
        or not any(c.dep_ == "relcl" for c in (subject, *subject.conjuncts) for c in c.children)
    ):
        return []
    people = [p for p in people_at(subject, index) if index.entity_type.get(p) == "PERSON"]
    if len(people) < 2:
        return []  # a base form agrees only with a plural subject
    work, how = index.work_for(token, sent, None)
    if work is None:
        return []
    lemma = token.lower_
    roles = _misread_verb_roles(lemma, triggers)
    return [
        relation(role, work, person, sent, WORK_CONFIDENCE[how] - 0.1, f"misread_verb:{lemma}")
        for role in roles
        for person in people
    ]


def _work_subject_before(token: Token, index: MentionIndex) -> bool:
    """``The film stars``/``Tropic of Cancer stars``: a work or a definite work noun right
    before ``token``."""
    before = token.doc[token.i - 1]
    if index.at(before, WORK_TYPES):
        return True
    return (
        before.lower_ in index.work_nouns
        and token.i >= 2
        and (token.doc[token.i - 2].lower_ in ("the", "this"))
    )


def _copular_cast(copula: Token, sent: Span, index: MentionIndex) -> list[dict]:
    """``Tom Burke is Praetorian Jack``: an actor ``is`` the character the finder named."""
    subject = child_with_dep(copula, "nsubj")
    people = [p for p in people_at(subject, index) if index.entity_type.get(p) == "PERSON"]
    if len(people) != 1 or subject.i > copula.i:
        return []
    doc = sent.doc
    start = role_start_after_copula(doc, copula, sent.end)
    span = index.span_of(doc[start], CHARACTER) if start < sent.end else None
    if span is None or (span.end < len(doc) and doc[span.end].text in ("'s", "’s", "'", "’")):
        return []  # "X is Mira's father" names a relative, not the role
    characters = [span.kb_id_]
    work, how = index.work_for(copula, sent, None)
    if work is None:
        return []
    confidence = WORK_CONFIDENCE[how] - 0.1
    return [relation("cast_member", work, people[0], sent, confidence, "copula", characters[0])]


def _cast_list(verb: Token, sent: Span, index: MentionIndex, triggers: RoleTriggers) -> list[dict]:
    """``The cast included A, B and C``, ``The main protagonists are A and B``."""
    subject = child_with_dep(verb, "nsubj")
    if subject is None or subject.lemma_.lower() not in triggers.cast_list_nouns:
        return []
    people = people_at(child_with_dep(verb, "dobj", "attr"), index)
    work, how = index.work_for(verb, sent, None)
    if work is None:
        return []
    return [
        relation("cast_member", work, person, sent, WORK_CONFIDENCE[how], "cast_subject")
        for person in people
        if index.entity_type.get(person) == "PERSON"
    ]


def _verb_roles(token, lemma, sent, index, triggers, roles=None) -> list[dict]:
    roles = roles or triggers.verbs[lemma]
    if _negated(token):
        return []  # "did not star in", "will not direct", "is not expected to appear"
    if "cast_member" in roles:
        if any(_crew_infinitive(c, triggers) for c in token.children):
            return []  # "will return to direct": the other verb states the role
        if lemma in triggers.destination_verbs and _elsewhere(token, index, triggers):
            return []  # "before returning to post-production on the sequel"
        # "joined the series as a co-executive producer"
        roles = _role_after_as(token, triggers) or roles
    obj = child_with_dep(token, "dobj", "nsubjpass")
    if obj is not None and obj.lower_ in triggers.object_roles and "composer" not in roles:
        # "is writing the score" composes; "wrote the novel" or "the theme was written by"
        # is no credit (while "the theme is composed by X" stays one)
        roles = tuple(triggers.object_roles[obj.lower_])
        if not roles:
            return []
    agent = child_with_dep(token, "agent")
    if agent is None and token.tag_ == "VBN" and not child_with_dep(token, "dobj"):
        # "produced, written and directed by X": earlier participles share the last one's
        # agent (not "directed by X and starred Y", where the later verb has its own object)
        agent = next(
            (a for c in token.conjuncts if c.i > token.i for a in c.children if a.dep_ == "agent"),
            None,
        )
    passive = agent is not None
    hyphen_person = _hyphenated_person(token, index)
    if passive:
        agent_object = child_with_dep(agent, "pobj")
        if agent_object is None:
            # "written by and starring X": the dangling "by" shares the next verb's object
            agent_object = next(
                (child_with_dep(c, "dobj") for c in token.conjuncts if c.i > token.i), None
            )
        people = people_at(agent_object, index)
        if not people:
            # "produced by Pike, Voss and Anjali Rao, Kettle Hill's head of drama", "created
            # by the sisters Bex Harlan and Jo Harlan": the parser may hang the names
            # elsewhere; read the list from the text, after a describing noun
            start = agent.i + 1
            while start < min(sent.end, agent.i + 5) and sent.doc[start].is_lower:
                start += 1
            people = people_listed_after(start, sent, index)
    elif hyphen_person:
        people = [hyphen_person]
    else:
        subject = clause_subject(token)
        people = people_at(subject, index)
        partners = _co_credited(token, index, triggers)
        if partners and subject is not None and subject.dep_ == "nsubjpass":
            # "her second feature was co-written with her brother": the work's owner is
            # the other writer
            people += people_at(child_with_dep(subject, "poss"), index)
        people += partners
        subject_is_work = subject is not None and bool(index.at(subject, WORK_TYPES))
        if (
            "cast_member" in roles
            and lemma in triggers.object_cast_verbs
            and (not people or subject_is_work)
        ):
            # "The show stars A as C", "a film starring A", "features A"
            obj = child_with_dep(token, "dobj")
            listed = people_at(obj, index)
            if listed:
                # a long list the parser broke: continue it from the first name
                first = min(
                    s.start for s in index.mentions if s.kb_id_ == listed[0] and s.start > token.i
                )
                listed += [p for p in people_listed_after(first, sent, index) if p not in listed]
            people = listed or people
    if not people:
        return []
    explicit = _explicit_work(token, index, passive or bool(hyphen_person))
    if not passive and explicit is None and "cast_member" in roles:
        subject = clause_subject(token)
        if subject is not None:
            keys = index.at(subject, WORK_TYPES)
            explicit = keys[0] if keys else None
    work, how = index.work_for(token, sent, explicit)
    if work is None:
        return []
    works = coordinated_works(work, sent, index) if how == "explicit" else [work]
    if how == "explicit" and _reprised_from(token, work, index):
        # "reprises his Rogue One role": the part is played again in the work in focus
        topic = index.topic_work(sent.start)
        if topic and topic not in works:
            works.append(topic)
    people = [p for p in people if index.entity_type.get(p) == "PERSON"]
    out = []
    for role in roles:
        for person in people:
            character = _cast_character(token, lemma, person, people, passive, sent, index)
            character = character if role == "cast_member" else None
            cue = f"verb:{lemma}"
            confidence = WORK_CONFIDENCE[how]
            out.extend(relation(role, w, person, sent, confidence, cue, character) for w in works)
        out.extend(_quantified_works(token, role, people, sent, index))
    return out


def _reprised_from(verb: Token, work: str, index: MentionIndex) -> bool:
    """``reprises his Rogue One role``: the work names the part's earlier outing."""
    if verb.lemma_.lower() != "reprise":
        return False
    part = child_with_dep(verb, "dobj")
    return part is not None and any(
        work in index.at(child, WORK_TYPES)
        for child in part.children
        if child.dep_ in ("compound", "nmod", "nummod", "amod")
    )


def _crew_infinitive(token: Token, triggers: RoleTriggers) -> bool:
    """A ``to direct``/``to write`` complement of a cast verb (``return to direct``)."""
    return (
        token.dep_ in ("xcomp", "advcl")
        and is_to_infinitive(token)
        and any(role != "cast_member" for role in triggers.verbs.get(token.lemma_, ()))
    )


def _elsewhere(verb: Token, index: MentionIndex, triggers: RoleTriggers) -> bool:
    """A ``to`` phrase naming neither a work nor the cast (``returning to post-production``)."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "to":
            continue
        target = child_with_dep(child, "pobj")
        if target is None:
            continue
        named_work = bool(index.in_subtree(target, WORK_TYPES))
        # "returns to voice Juniper", the verb read as a noun: a part, not a place
        return (
            not named_work
            and not _after_playing_verb_read_as_noun(target)
            and target.lemma_.lower() not in triggers.cast_object_nouns
        )
    return False


def _negated(verb: Token) -> bool:
    """``did not star``, and through a control verb: ``is not expected to appear``."""
    current = verb
    for _ in range(3):
        if child_with_dep(current, "neg") is not None:
            return True
        if current.dep_ != "xcomp" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _role_after_as(verb: Token, triggers: RoleTriggers) -> tuple[str, ...] | None:
    """The roles of a crew noun in the verb's ``as`` phrase (``joined the series as a
    co-executive producer``); ``None`` when there is none, or the noun is a cast noun or
    a part (``returns as the star``, ``joins as the villain``)."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "as":
            continue
        noun = child_with_dep(child, "pobj")
        roles = triggers.roles_of_noun(noun) if noun is not None else ()
        if roles and "cast_member" not in roles:
            return tuple(roles)
    return None


def _cast_character(token, lemma, person, people, passive, sent, index) -> str | None:
    """The character a cast verb gives ``person``: ``A as C``, ``played by A``, ``plays C``."""
    span = next(
        (s for s in index.mentions if s.kb_id_ == person and sent.start <= s.start < sent.end),
        None,
    )
    character = _character_after(span.end, sent, index) if span is not None else None
    if character is None and passive:
        character = _passive_character(token, index)
    if character is None and len(people) == 1:
        character = _as_character_of_verb(token, index) or _character_of_infinitive(token, index)
    if character is None and lemma in PLAY_LEMMAS:
        obj = child_with_dep(token, "dobj")
        chars = index.in_subtree(obj, CHARACTER) if obj is not None else []
        if obj is not None and not chars:
            # "plays a character named Morwenna": the name is in the participle's clause
            chars = [
                key
                for naming in obj.children
                if naming.dep_ == "acl" and naming.lower_ in NAMING_PARTICIPLES
                for key in index.in_subtree(naming, CHARACTER)
            ]
        character = chars[0] if chars else None
    if character is None:
        # "landed the role of Sam Quill", "takes on the part of C": the part names it
        obj = child_with_dep(token, "dobj")
        if obj is not None and obj.lower_ in PART_NOUNS:
            chars = [
                key
                for prep in obj.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for key in index.in_subtree(prep, CHARACTER)
            ]
            character = chars[0] if chars else None
    return character


def _as_character_of_verb(verb: Token, index: MentionIndex) -> str | None:
    """``joined the cast as Father Tobin``, ``will be seen again as Charon``."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "advmod"))]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    keys = index.in_subtree(obj, CHARACTER)
                    if keys:
                        return keys[0]
    return None


def _character_of_infinitive(verb: Token, index: MentionIndex) -> str | None:
    """``returns to play Sable``, ``returns to voice Juniper`` (``voice`` read as a noun
    of the ``to`` phrase): the part the playing verb after ``to`` names."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in PLAY_LEMMAS:
            obj = child_with_dep(child, "dobj")
            keys = index.in_subtree(obj, CHARACTER) if obj is not None else []
        elif child.dep_ == "prep" and child.lower_ == "to":
            keys = [
                key
                for obj in child.children
                if obj.dep_ == "pobj" and _after_playing_verb_read_as_noun(obj)
                for key in index.at(obj, CHARACTER)
            ]
        else:
            continue
        if keys:
            return keys[0]
    return None


def _after_playing_verb_read_as_noun(noun: Token) -> bool:
    """``returns to voice Juniper`` parsed as ``to [voice Juniper]``: the playing verb
    became a compound of the name after it."""
    return any(c.dep_ == "compound" and c.lemma_.lower() in PLAY_LEMMAS for c in noun.children)


def _hyphenated_person(verb: Token, index: MentionIndex) -> str | None:
    """``the Zoë Adebayo-Kraus-directed thriller``: the name glued before the participle."""
    doc = verb.doc
    if verb.tag_ != "VBN" or verb.i < 2 or doc[verb.i - 1].text not in ("-", "–"):
        return None
    if doc[verb.i - 1].whitespace_ or doc[verb.i - 2].whitespace_:
        return None
    keys = index.at(doc[verb.i - 2], PERSON)
    return keys[0] if keys else None


def _person_premodified_film(
    noun: Token, sent: Span, index: MentionIndex, triggers: RoleTriggers
) -> list[dict]:
    """``the Zhang Yimou film Coming Home``, ``Nolan's latest film``, ``Pryce, whose debut
    W``, ``her second feature, W``: the person's film.

    A person named as the possessor or compound modifier of a film noun (or a career
    noun: debut, feature) made it; the film is the title after the noun, the noun's
    apposition, or what the phrase refers to. The credit is director unless the article
    describes the person only as an actor (``Her next film, W`` of an actress is cast).
    """
    doc = sent.doc
    directing = any(c.lower_ in triggers.directing_modifiers for c in noun.children)
    people = []
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "nmod", "amod"):
            owner = _antecedent_of_whose(child)
            people += [k for k in index.at(owner, PERSON) if k not in people]
    # "the directorial debut of Wendy Hart": only a directing noun names its maker after it
    of_person = directing and not people
    if of_person:
        people = _of_person(noun, index)
    if len(people) != 1:
        return []
    career_noun = hyphenated_word(noun) not in index.film_nouns
    if career_noun and not of_person and not any(c.dep_ == "poss" for c in noun.children):
        return []  # "the Kiri Tane debut": only a possessor ties a career noun to a person
    work = None
    after = noun.i + 1
    if after + 1 < sent.end and doc[after].text == ",":
        after += 1  # "Raman's debut, Salt on the Tongue,": set off by a comma
        # "Hart's directorial debut, the drama Pale Orchard,"
        while after + 1 < sent.end and (
            doc[after].dep_ == "det" or doc[after].lower_ in index.work_nouns
        ):
            after += 1
    while after + 1 < sent.end and doc[after].text in OPENING_QUOTES:
        after += 1
    if after < sent.end:
        span = index.span_of(doc[after], WORK_TYPES)
        work = span.kb_id_ if span is not None and span.start == after else None
    if work is None:
        keys = index.at(noun, WORK_TYPES) or [
            k for c in noun.children if c.dep_ == "appos" for k in index.at(c, WORK_TYPES)
        ]
        if not keys and noun.dep_ == "appos":
            # "The Brutalist, Brady Corbet's three-and-a-half-hour epic"
            keys = index.at(noun.head, WORK_TYPES)
        before = token_before_comma_phrase(noun, sent.start)
        if not keys and before is not None:
            # "Don't Look Now, Nicolas Roeg's 1973 chiller": set off after the title even
            # where the parser did not see the apposition
            keys = index.at(before, WORK_TYPES)
        keys = keys or _work_of_career_predicate(noun, index, triggers)
        work = keys[0] if keys else None
    if work is None:
        return []
    if index.entity_type.get(work) != "FILM":
        return []  # "whose Channel 4 drama W": a series is its creator's, not a director's
    role = "director"
    if not directing and _described_roles(people[0], index, triggers) == {"cast_member"}:
        role = "cast_member"
    return [relation(role, work, people[0], sent, 0.65, "person_film")]


def _of_person(noun: Token, index: MentionIndex) -> list[str]:
    """``the directorial debut of Wendy Hart``: the person in the noun's ``of`` phrase."""
    return [
        key
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
        for key in index.at(obj, PERSON)
    ]


def _work_of_career_predicate(
    noun: Token, index: MentionIndex, triggers: RoleTriggers
) -> list[str]:
    """The work a career noun is said to be: the other argument of a copula (``W marks
    the directorial debut of P``, ``W is P's first feature``, ``P's debut was W``), or
    the ``with`` phrase of a making verb (``P makes her directorial debut with W``)."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    # "Karger, whose favourite film was Vera Drake": only a career noun, or a film noun
    # that places the work in a career ("first", "latest", "directorial"), says who made it
    placed = any(
        c.lower_ in triggers.career_sequence_modifiers or c.lower_ in triggers.directing_modifiers
        for c in noun.children
    )
    if hyphenated_word(noun) not in triggers.career_work_nouns and not placed:
        return []
    if noun.dep_ in ("attr", "dobj", "nsubj") and lemma in triggers.career_copulas:
        others = ("nsubj", "nsubjpass") if noun.dep_ != "nsubj" else ("attr",)
        for child in verb.children:
            if child.dep_ in others and child.i != noun.i:
                # the work is the argument itself ("the film W"), not a modifier inside
                # it ("the first US movie")
                found = index.at(child, WORK_TYPES) or [
                    k for c in child.children if c.dep_ == "appos" for k in index.at(c, WORK_TYPES)
                ]
                if found:
                    return found
    if noun.dep_ == "dobj" and lemma in triggers.career_making_verbs:
        for holder in (verb, noun):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in triggers.career_making_prepositions:
                    found = [k for obj in prep.children for k in index.in_subtree(obj, WORK_TYPES)]
                    if found:
                        return found
    return []


def _antecedent_of_whose(token: Token) -> Token:
    """``Pryce, whose debut …``: the noun the relative clause hangs on; other tokens as is."""
    if token.lower_ != "whose":
        return token
    if token.i >= 2 and token.nbor(-1).text == ",":
        return token.nbor(-2)  # the parser may hang the clause elsewhere; the comma does not
    clause = token.head
    while clause.dep_ != "relcl" and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else token


def _described_roles(person: str, index: MentionIndex, triggers: RoleTriggers) -> set[str]:
    """The roles of the nouns the article describes ``person`` by, next to any of their
    mentions: ``director Gethin Pryce``, ``the actress Clementine Ashby``, ``Ashby, the
    actress``."""
    doc = index.doc
    roles: set[str] = set()
    for span in index.mentions:
        if span.kb_id_ != person:
            continue
        root = span.root
        nouns = [
            c
            for c in root.children
            if c.dep_ in ("compound", "appos") and c.i not in range(span.start, span.end)
        ]
        if root.dep_ in ("appos", "compound"):
            nouns.append(root.head)
        if span.start > 0:
            nouns.append(doc[span.start - 1])
        for noun in nouns:
            roles.update(triggers.roles_of_noun(noun))
    return roles


def _roles_in_works(noun: Token, sent: Span, index: MentionIndex) -> list[dict]:
    """``her roles in W1 and W2``, ``X's performance in W``, ``known for his turn in W``.

    The person is the possessor of the noun, else the subject of its clause.
    """
    works: list[str] = []
    holders = [noun]
    if noun.dep_ == "dobj":
        holders.append(noun.head)  # "had roles in W": the parser hangs "in W" on the verb
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ == "prep" and child.lower_ in ("in", "on"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    # "in the film W1 and the series W2": titles apposed to work nouns
                    found = listed_works(obj, index) or index.in_subtree(obj, WORK_TYPES)
                    works += [k for k in found if k not in works]
    if not works:
        return []
    people = _sole_holder(noun, index)
    if not people:
        return []
    character = _as_character_of_verb(noun, index)
    return [
        relation("cast_member", work, people[0], sent, 0.8, f"noun_in:{noun.lower_}", character)
        for work in works
    ]


def _passive_character(verb: Token, index: MentionIndex) -> str | None:
    """``Rooney, who was originally portrayed by X``: the character the clause describes."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    subject = child_with_dep(verb, "nsubjpass") or child_with_dep(clause, "nsubjpass")
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        subject = clause.head
    if subject is None and verb.dep_ == "acl":
        subject = verb.head  # "her mother, Corra, voiced by X"
    if subject is None:
        return None
    keys = index.at(subject, CHARACTER) or [
        k for c in subject.children if c.dep_ == "appos" for k in index.at(c, CHARACTER)
    ]
    return keys[0] if keys else None


def _quantified_works(token: Token, role: str, people: list[str], sent: Span, index: MentionIndex):
    """``directed all four John Wick movies``: every film of that franchise named in the article."""
    obj = child_with_dep(token, "dobj")
    if obj is None or not any(c.lower_ in QUANTIFIERS for c in obj.children):
        return []
    franchise = index.in_subtree(obj, WORK_TYPES)
    if not franchise:
        return []
    prefix = franchise[0].split("::", 1)[1] + " "
    members = sorted(
        key
        for key, kind in index.entity_type.items()
        if kind in WORK_TYPES and key.split("::", 1)[1].startswith(prefix)
    )
    return [
        relation(role, key, person, sent, 0.6, "quantified") for key in members for person in people
    ]


def _noun_roles(token, sent, index, triggers) -> list[dict]:
    roles = triggers.nouns[token.lower_]
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("of", "about")
        and token.head.head.lemma_.lower() in triggers.work_subject_nouns
    ):
        return []  # "a film biography of the composer X": what the work is about
    if _author_of_source(token, triggers):
        return []
    doc = sent.doc
    # "writer-director X", "producer/director X": the joined noun adds its own roles
    if (
        token.i >= 2
        and doc[token.i - 1].text in ("-", "–", "/")
        and not doc[token.i - 2].whitespace_
    ):
        roles = tuple(dict.fromkeys(roles + triggers.nouns.get(doc[token.i - 2].lower_, ())))
    people: list[str] = []
    # "director Ron Howard": the name follows the noun
    nxt = token.i + 1
    if nxt < sent.end:
        people = index.at(doc[nxt], PERSON)
    if not people:
        for child in token.children:
            if child.dep_ == "appos":
                people += index.at(child, PERSON)
    if not people and token.dep_ in ("appos", "attr"):
        head = token.head
        if token.dep_ == "attr":
            head = child_with_dep(token.head, "nsubj") or head
        people = people_at(head, index)
    if not people and token.dep_ == "compound":
        people = index.at(token.head, PERSON)
    # "from a screenplay by X", "a score by X", "the screenplay is by X": like "serves as",
    # a credit on the work in focus when the sentence names none
    by_phrase = False
    if not people:
        people = _agents_of_work_part(token, index) or _own_work_part(token, index, triggers)
        by_phrase = bool(people)
    serves_as = False
    if not people and token.dep_ == "pobj" and token.head.lower_ == "among":
        # "Reeves and Dylan Clark are among the executive producers"
        verb = token.head.head
        if verb.lemma_ == "be":
            people = people_at(clause_subject(verb), index)
            serves_as = bool(people)
    if not people and token.dep_ == "pobj" and token.head.lower_ == "as":
        # "X serves as executive producer", "with Y serving as producer"
        serves_as = True
        verb = token.head.head
        people = people_at(clause_subject(verb), index) if verb.pos_ in ("VERB", "AUX") else []
        if not people and verb.head.i != verb.i:
            people = people_at(verb.head, index)
        if people:
            # "serves as an executive producer alongside A and B's founder, C"
            people += [p for p in _co_credited(token, index, triggers) if p not in people]
    if not people:
        return []
    # the work: pre-modifier ("Goldeneye director"), possessor ("W's director"), "of W"
    explicit = None
    previous = token.i - 1
    if previous >= sent.start:
        prev = doc[previous]
        if prev.text in ("'s", "’s", "'", "’") and previous - 1 >= sent.start:
            prev = doc[previous - 1]
        keys = index.at(prev, WORK_TYPES)
        explicit = keys[0] if keys else None
    if explicit is None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "on", "for", "behind"):
                keys = [k for c in child.children for k in index.in_subtree(c, WORK_TYPES)]
                if keys:
                    explicit = keys[0]
                    break
            if child.dep_ == "poss":
                keys = index.at(child, WORK_TYPES)
                if keys:
                    explicit = keys[0]
                    break
    if explicit is None:
        nearby = index.sentence_works(sent, token)
        # "Composer Anders Holm is also back": a bare crew title on the sentence's
        # subject (not "festival director X", "Okafor's former co-star X", "actress X")
        titled_subject = (
            token.dep_ == "compound"
            and token.head.dep_ in ("nsubj", "nsubjpass")
            and not list(token.children)
            and "cast_member" not in roles
        )
        # "The Harlans will remain executive producers": a role kept or taken on (not
        # "X is a producer", which may only name a trade)
        kept_role = token.dep_ == "attr" and token.head.lemma_.lower() in ROLE_KEEPING_VERBS
        takes_topic = serves_as or by_phrase or titled_subject or kept_role
        topic = index.topic_work(sent.start) if takes_topic and not nearby else None
        if not nearby and topic is None:
            return []
        # "X will serve as an executive producer": a role taken on, of the work in focus
        work, how = (nearby[0], "sentence") if nearby else (topic, "topic")
    else:
        work, how = explicit, "explicit"
    if (
        how != "explicit"
        and token.lower_ in triggers.whole_series_nouns
        and any(t.lemma_.lower() == "episode" for t in sent)
    ):
        return []  # "The episode was written by showrunner X": the series' credit
    out = []
    for role in roles:
        for person in people:
            if index.entity_type.get(person) == "PERSON":
                character = None
                if role == "cast_member":
                    span = next(
                        (s for s in index.mentions if s.kb_id_ == person and s.start > token.i),
                        None,
                    )
                    character = (
                        _character_after(span.end, sent, index) if span is not None else None
                    )
                out.append(
                    relation(
                        role,
                        work,
                        person,
                        sent,
                        WORK_CONFIDENCE[how] - 0.05,
                        f"noun:{token.lower_}",
                        character,
                    )
                )
    return out


def _agents_of_work_part(noun: Token, index: MentionIndex) -> list[str]:
    """The people of the ``by`` phrase of a role noun (``a score by X``), or of its copula
    when the noun is the subject (``the screenplay is by X and Y``)."""
    holders = [noun]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        holders.append(noun.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                return people_at(child_with_dep(child, "pobj"), index)
    return []


def _author_of_source(noun: Token, triggers: RoleTriggers) -> bool:
    """``based on the children's book by English writer X``: a role noun in the ``by``
    phrase of a book, novel or play names the source's author, no credit on the film."""
    phrase = noun.head if noun.dep_ in ("compound", "appos") else noun
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "by":
        return False
    source = phrase.head.head.lemma_.lower()
    return source in triggers.object_roles and not triggers.object_roles[source]


def _own_work_part(noun: Token, index: MentionIndex, triggers: RoleTriggers) -> list[str]:
    """``Kiri Tane directs from her own screenplay``: the possessor of a role noun that
    ``own`` marks wrote (scored, …) it; a role noun for a person (``her own writer``)
    names someone else."""
    if noun.lower_ not in triggers.own_work_parts or not any(
        c.dep_ == "amod" and c.lower_ == "own" for c in noun.children
    ):
        return []
    owner = child_with_dep(noun, "poss")
    return index.at(owner, PERSON) if owner is not None else []


def extract_possessive_director(sent: Span, index: MentionIndex) -> list[dict]:
    """``Jacques Audiard's Emilia Pérez``, ``Stuart Burge's Othello``: a film named right
    after a person's possessive is that person's film (film writing's usual credit)."""
    doc = sent.doc
    out = []
    for span in index.mentions:
        if span.label_ != "FILM" or not sent.start + 2 <= span.start < sent.end:
            continue
        marker = doc[span.start - 1]
        if marker.text not in ("'s", "’s", "'", "’"):
            continue
        owners = index.at(doc[span.start - 2], PERSON)
        after = doc[span.end] if span.end < sent.end else None
        # "Guðnadóttir's Joker win": the title modifies a noun, the person owns that
        modifies_noun = after is not None and after.pos_ == "NOUN" and after.text.islower()
        if len(owners) == 1 and not index.is_modifier(span) and not modifies_noun:
            out.append(relation("director", span.kb_id_, owners[0], sent, 0.6, "possessive_film"))
    return out


def extract_as_character(sent: Span, index: MentionIndex) -> list[dict]:
    """``PERSON as CHARACTER`` (``Keanu Reeves' performance as John Wick``): cast with character."""
    doc = sent.doc
    out = []
    for span in index.mentions:
        if span.label_ != "PERSON" or span.start < sent.start or span.end > sent.end:
            continue
        if span.root.dep_ == "dobj" and span.root.head.lemma_.lower() in SUCCESSION_VERBS:
            continue  # "A replaces B as C": B no longer plays C
        end = span.end
        # "Reeves' impeccable performance as": skip a possessive and its noun phrase, when
        # that names a part ("Herbert's novel to the screen as Dune" does not)
        if end < sent.end and doc[end].text in ("'s", "’s", "'", "’", "‘"):
            j = end + 1
            while (
                j < sent.end
                and j - end <= 4
                and doc[j].lower_ != "as"
                and doc[j].text[:1].islower()
            ):
                j += 1
            if not any(t.lower_ in PART_WORDS for t in doc[end + 1 : j]):
                continue
            end = j
        character = _character_after(end, sent, index)
        if character is None:
            continue
        as_token = doc[end]
        work, how = index.work_for(as_token, sent, None)
        if work:
            out.append(
                relation(
                    "cast_member",
                    work,
                    span.kb_id_,
                    sent,
                    WORK_CONFIDENCE[how],
                    "as_character",
                    character,
                )
            )
    return out


def extract_listed_parts(sent: Span, index: MentionIndex, cues: PartListCues) -> list[dict]:
    """``her roles including Merle Jackson in Grease Monkeys and Sue in Paradise Heights``,
    ``he played Hamlet in W1 and Lear in W2``: the person (the part noun's possessor, else
    the subject of its clause) is cast in each work as its character."""
    doc = sent.doc
    out = []
    holders: dict[int, list[str]] = {}
    for part in listed_parts(sent, cues):
        if part.opener not in holders:
            holders[part.opener] = _sole_holder(doc[part.opener], index)
        people = holders[part.opener]
        work = index.at(doc[part.work[0]], WORK_TYPES)
        character = index.at(doc[part.character[0]], CHARACTER)
        if len(people) == 1 and work and character:
            out.append(
                relation("cast_member", work[0], people[0], sent, 0.7, "listed_part", character[0])
            )
    return out


def _sole_holder(word: Token, index: MentionIndex) -> list[str]:
    """The one person whose parts a part noun or playing verb speaks of, as a list of one
    key (empty when there is not exactly one): ``her roles`` (the possessor), ``she is
    known for roles …`` and ``he played …`` (the subject of the clause)."""
    owner = child_with_dep(word, "poss")
    people = index.at(owner, PERSON) if owner is not None else []
    if not people:
        verb = word
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        people = people_at(clause_subject(verb), index) if verb.pos_ in ("VERB", "AUX") else []
    people = [p for p in people if index.entity_type.get(p) == "PERSON"]
    return people if len(people) == 1 else []


def extract_known_for(sent: Span, index: MentionIndex, triggers: RoleTriggers) -> list[dict]:
    """``Kesh, best known for the BBC drama W``, ``the actress best known for W``, ``he is
    best remembered for W1 and W2``: the person's credit on the works of the ``for``
    phrase, in the role of the noun that describes them (actress, director), else cast.
    """
    out = []
    for token in sent:
        if token.lemma_.lower() not in triggers.reputation_verbs or token.tag_ != "VBN":
            continue
        if child_with_dep(token, "neg") is not None:
            continue
        phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if phrase is None:
            continue
        people, descriptors = _reputation_holder(token, index)
        if len(people) != 1:
            continue
        works = _works_named_by(phrase, index, ("pobj", "pcomp"), nearest_only=False)
        roles: tuple[str, ...] = ()
        for noun in descriptors:
            roles = triggers.roles_of_noun(noun)
            if roles:
                break
        for role in roles or ("cast_member",):
            out.extend(relation(role, work, people[0], sent, 0.55, "known_for") for work in works)
    return out


def extract_parenthesised_actors(sent: Span, index: MentionIndex) -> list[dict]:
    """``The series follows Mara Quill (Wendy Hart), a detective``: a part with its actor
    in brackets is a cast credit in the work the sentence is about."""
    doc = sent.doc
    out = []
    for span in index.mentions:
        if span.label_ != "CHARACTER" or not sent.start <= span.start < sent.end:
            continue
        bracket = span.end
        if bracket >= sent.end or doc[bracket].text != "(":
            continue
        actor = index.span_of(doc[bracket + 1], PERSON) if bracket + 1 < sent.end else None
        if actor is None or actor.start != bracket + 1 or actor.end >= sent.end:
            continue
        if doc[actor.end].text != ")" or index.entity_type.get(actor.kb_id_) != "PERSON":
            continue
        work, how = index.work_for(doc[bracket], sent, None)
        if work:
            confidence = WORK_CONFIDENCE[how] - 0.1
            out.append(
                relation(
                    "cast_member",
                    work,
                    actor.kb_id_,
                    sent,
                    confidence,
                    "parenthesised_actor",
                    span.kb_id_,
                )
            )
    return out


def extract_whose_parts(sent: Span, index: MentionIndex) -> list[dict]:
    """``Malcolm Oduya, whose Brother Cassius appeared to perish at the end of W``: the
    actor's part, in the work the relative clause names, else the work in focus."""
    doc = sent.doc
    out = []
    for span in index.mentions:
        if span.label_ != "CHARACTER" or not sent.start + 3 <= span.start < sent.end:
            continue
        if doc[span.start - 1].lower_ != "whose" or doc[span.start - 2].text != ",":
            continue
        people = index.at(doc[span.start - 3], PERSON)
        if len(people) != 1 or index.entity_type.get(people[0]) != "PERSON":
            continue
        clause_end = next((t.i for t in doc[span.end + 1 : sent.end] if t.text == ","), sent.end)
        named = [
            m.kb_id_
            for m in index.mentions
            if m.label_ in WORK_TYPES and span.end <= m.start and m.end <= clause_end
        ]
        work, how = (named[0], "explicit") if named else index.work_for(doc[span.start - 1], sent)
        if work:
            out.append(
                relation(
                    "cast_member",
                    work,
                    people[0],
                    sent,
                    WORK_CONFIDENCE[how] - 0.1,
                    "whose_part",
                    span.kb_id_,
                )
            )
    return out


def extract_stations(sent: Span, index: MentionIndex, triggers: RoleTriggers) -> list[dict]:
    """``Gerard Johnstone … is back behind the camera``: a place that states a role
    (``stations``), held by the person the phrase describes or the subject of its clause,
    on the work the sentence or the text around it is about."""
    out = []
    for token in sent:
        nouns = triggers.stations.get(token.lower_)
        if not nouns or token.dep_ != "prep":
            continue
        place = child_with_dep(token, "pobj")
        role = nouns.get(place.lower_) if place is not None else None
        if role is None:
            continue
        holder = token.head
        if holder.i > token.i:
            continue  # "Behind the camera, Gilroy has split the writing": crew at large
        people = index.at(holder, PERSON)
        if not people and holder.pos_ in ("VERB", "AUX"):
            if _negated(holder):
                continue
            people = people_at(clause_subject(holder), index)
        people = [p for p in people if index.entity_type.get(p) == "PERSON"]
        work, how = index.work_for(token, sent, None)
        if len(people) != 1 or work is None:
            continue
        confidence = WORK_CONFIDENCE[how] - 0.1
        out.append(relation(role, work, people[0], sent, confidence, f"station:{place.lower_}"))
    return out


def _credited_roles(relations: list[dict]) -> dict[str, set[str]]:
    """Person key -> the roles of the credits found for them."""
    roles: dict[str, set[str]] = {}
    for record in relations:
        roles.setdefault(record["tail"], set()).add(record["type"])
    return roles


def _crew_returning(record: dict, credited: dict[str, set[str]], triggers: RoleTriggers) -> bool:
    """``Castellane, who directed W, returns this year``: a bare ``return`` is no cast credit
    for someone credited as crew (a character would make it one)."""
    verb = record.get("cue", "").removeprefix("verb:")
    return (
        record["type"] == "cast_member"
        and verb in triggers.crew_ambiguous_cast_verbs
        and not record.get("character")
        and bool(credited.get(record["tail"], set()) & CREW_ROLES)
    )


def extract_breakthrough(
    sent: Span,
    index: MentionIndex,
    triggers: RoleTriggers,
    credited: dict[str, set[str]] | None = None,
) -> list[dict]:
    """``X won acclaim for the miniseries W``, ``Benali broke out in the drama W``,
    ``Menon, who broke through with the picture W``: the work that made someone's name,
    credited in the role the article describes them by (director Menon) or, failing
    that, the crew roles of their other credits (``credited``), else as cast.
    """
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or _negated(verb):
            continue
        phrases = _breakthrough_phrases(verb, triggers)
        if not phrases:
            continue
        works = [key for phrase in phrases for key in _works_named_by(phrase, index)]
        people = [
            p
            for p in people_at(clause_subject(verb), index)
            if index.entity_type.get(p) == "PERSON"
        ]
        if len(people) != 1 or not works:
            continue
        roles = sorted(_trade_of(people[0], index, triggers, credited)) or ["cast_member"]
        for role in roles:
            out.extend(relation(role, w, people[0], sent, 0.55, "breakthrough") for w in works)
    return out


def _trade_of(
    person: str,
    index: MentionIndex,
    triggers: RoleTriggers,
    credited: dict[str, set[str]] | None,
) -> set[str]:
    """The crew or acting roles the article gives ``person`` for a credit that names no
    trade: the roles of the nouns describing them (``director Menon``), else the crew
    roles of their other credits; empty when neither says."""
    crew = (credited or {}).get(person, set()) & CREW_ROLES
    return _described_roles(person, index, triggers) or crew


def extract_accolades(
    sent: Span,
    index: MentionIndex,
    triggers: RoleTriggers,
    credited: dict[str, set[str]] | None = None,
) -> list[dict]:
    """``Rafferty, a Bafta nominee for the rural drama W``, ``Demi Moore, nominated for
    the satire W``: a person set off by a comma, then an accolade noun or participle and
    ``for``; each work named before the next comma earned them the honour. The credit is
    the role a role noun in the phrase names (``nominated for best director for W``), else
    the role the article describes them by, else that of their other credits, else cast.

    Read from the surface: the parser hangs such a phrase anywhere in a long list.
    """
    doc = sent.doc
    out = []
    for comma in range(sent.start + 1, sent.end - 2):
        if doc[comma].text != ",":
            continue
        people = [
            p for p in index.at(doc[comma - 1], PERSON) if index.entity_type.get(p) == "PERSON"
        ]
        trigger = _accolade_after(doc, comma + 1, sent.end, triggers)
        if len(people) != 1 or trigger is None:
            continue
        phrase_end = trigger + 2
        while phrase_end < sent.end and doc[phrase_end].text not in (",", ";", "."):
            phrase_end += 1
        phrase = doc[trigger + 2 : phrase_end]
        named = {t.i: index.at(t, WORK_TYPES) for t in phrase}
        named_at = [i for i, keys in named.items() if keys]
        if not named_at:
            continue
        works = list(dict.fromkeys(key for i in named_at for key in named[i]))
        # the category before the work ("for best director for W"), not a credit after it
        category = doc[phrase.start : named_at[0]]
        stated = {role for t in category if not t.ent_type_ for role in triggers.roles_of_noun(t)}
        roles = stated or _trade_of(people[0], index, triggers, credited) or {"cast_member"}
        for role in sorted(roles):
            out.extend(relation(role, w, people[0], sent, 0.5, "accolade") for w in works)
    return out


def extract_made_works(
    sent: Span,
    index: MentionIndex,
    triggers: RoleTriggers,
    credited: dict[str, set[str]] | None = None,
) -> list[dict]:
    """``In 1991 she made W``, ``the Kvist brothers, who made the short W``, ``the 1968
    thriller he shot in Trieste``: a making verb whose object is a work credits its
    subject in the role the article describes them by (the director, the actress), else
    that of their other crew credits, else cast when cast is all they are credited with.
    Without any of these the verb says too little (a cinematographer shoots films too),
    and nothing is credited.
    """
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in triggers.making_verbs:
            continue
        if _negated(verb):
            continue
        obj = child_with_dep(verb, "dobj")
        if obj is None and verb.dep_ == "relcl":
            obj = verb.head  # "the 1968 thriller he shot": the noun the clause describes
        if obj is None:
            continue
        works = _named_work(obj, index)
        subject = clause_subject(verb)
        people = people_at(subject, index)
        if not people and subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            # "a fable directed by the brothers A and B, who made …": the parser hung the
            # clause on the fable; the names right before the comma are its subject
            people = _named_right_before(subject, index)
        people = [p for p in people if index.entity_type.get(p) == "PERSON"]
        if not works or not people:
            continue
        for person in people:
            # someone the article credits only as cast shoots a film as its actor
            cast = (credited or {}).get(person, set()) & {"cast_member"}
            roles = _trade_of(person, index, triggers, credited) or cast
            for role in sorted(roles):
                out.append(relation(role, works[0], person, sent, 0.5, "made"))
    return out


def _named_work(noun: Token, index: MentionIndex) -> list[str]:
    """The work a noun names by its title: the title itself, the title right after a
    work noun (``the short Glasshouse``) or the title it is in apposition to (``W, the
    1968 thriller``), never a work noun standing alone (``made the film``, which may
    mean another film than the one in focus)."""
    for token in (noun, noun.head if noun.dep_ == "appos" else None):
        span = index.span_of(token, WORK_TYPES) if token is not None else None
        if span is not None:
            return [span.kb_id_]
    return _title_after_noun(noun, index)


def _named_right_before(token: Token, index: MentionIndex) -> list[str]:
    """The people of the name (and the names coordinated with it) that ends right
    before ``, token``."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != ",":
        return []
    last = doc[token.i - 2]
    while last.dep_ == "conj" and last.head.i < last.i:
        last = last.head
    return people_at(last, index)


def _accolade_after(doc: Doc, start: int, limit: int, triggers: RoleTriggers) -> int | None:
    """The accolade word that opens the phrase at ``start`` and has ``for`` after it:
    ``nominated for``, ``a Bafta nominee for``, ``the two-time Oscar winner for``."""
    for i in range(start, min(limit - 1, start + 5)):
        token = doc[i]
        lemma = token.lemma_.lower()
        if token.tag_ == "VBN" and lemma in triggers.accolade_participles and i == start:
            return i if doc[i + 1].lower_ == "for" else None
        if lemma in triggers.accolade_nouns and token.pos_ == "NOUN":
            return i if doc[i + 1].lower_ == "for" else None
        if token.is_punct and token.text != "-" or token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _breakthrough_phrases(verb: Token, triggers: RoleTriggers) -> list[Token]:
    """The prepositions whose objects name the work: the ``for`` of ``won acclaim for``,
    the ``in``/``with`` of ``broke out in``."""
    children = list(verb.children)
    if verb.lemma_.lower() in triggers.breakthrough_verbs and any(
        c.dep_ == "prt" and c.lower_ in triggers.breakthrough_particles for c in children
    ):
        return [
            c
            for c in children
            if c.dep_ == "prep" and c.lower_ in triggers.breakthrough_prepositions
        ]
    acclaim = [
        c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in triggers.acclaim_nouns
    ]
    # "won acclaim for W" hangs "for" on the noun or on the verb
    holders = [*acclaim, verb] if acclaim else []
    return [
        c for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ == "for"
    ]


def _works_named_by(
    preposition: Token,
    index: MentionIndex,
    objects: tuple[str, ...] = ("pobj",),
    nearest_only: bool = True,
) -> list[str]:
    """The works a preposition's objects name (``in the thriller W``, ``for the BBC drama
    *W*``), each object's nearest one only unless ``nearest_only`` is off."""
    works = []
    for obj in preposition.children:
        if obj.dep_ in objects:
            found = index.in_subtree(obj, WORK_TYPES) or _title_after_noun(obj, index)
            works += found[:1] if nearest_only else found
    return works


def _works_in(holder: Token, index: MentionIndex) -> list[str]:
    """The works the ``in`` phrases of ``holder`` name (``the role in Fury Road``)."""
    return [
        work
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for work in _works_named_by(prep, index)
    ]


def _title_after_noun(noun: Token, index: MentionIndex) -> list[str]:
    """The work named right after a work noun the parser did not attach it to
    (``the BBC drama *Greyfriars Lane*``)."""
    if noun.lower_ not in index.work_nouns:
        return []
    return index.title_after(noun)


def _reputation_holder(verb: Token, index: MentionIndex) -> tuple[list[str], list[Token]]:
    """The person ``known`` describes and the nouns that describe them: the noun it
    qualifies (``the actress best known``) and that noun's apposition anchor, or the
    passive subject (``He is best known``)."""
    if verb.dep_ in ("acl", "amod"):
        described = verb.head
        people = index.at(described, PERSON)
        descriptors = [described] if not people else []
        if not people and described.dep_ == "appos":
            people = index.at(described.head, PERSON)
        anchor = described if people and not descriptors else described.head
        descriptors += [c for c in anchor.children if c.dep_ in ("appos", "compound")]
        return people, descriptors
    subject = child_with_dep(verb, "nsubjpass")
    return (people_at(subject, index) if subject is not None else []), []


@Language.factory("role_extractor")
def make_role_extractor(nlp: Language, name: str) -> RoleExtractor:
    """Factory of :class:`RoleExtractor` (triggers come from ``role_triggers.json``)."""
    return RoleExtractor(nlp, name)
