"""``character_finder``: find names of fictional characters from casting cues.

Cues: ``PERSON as NAME`` (``Keanu Reeves as John Wick``, ``as a young Winston``,
``as the infamous hitman, John Wick``), ``plays NAME``, ``the role of NAME``,
``the character of NAME``, ``a character named NAME``, ``reprise her role as NAME``
and ``NAME, who was played by PERSON`` (read from the parse).

Reads: ``doc.ents``, the parse.
Writes: ``doc.spans["characters"]``: one span per cue hit, label ``CHARACTER``,
``kb_id_`` = the cue's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import load_resource, lowered
from extractor.pipeline.names import looks_like_person_name
from extractor.pipeline.shapes import (
    APOSTROPHES,
    CALENDAR_WORDS,
    CLOSING_QUOTES,
    OPENING_QUOTES,
    is_capitalised,
    is_joined_hyphen,
    is_name_token,
    scan_title_forward,
)

SPAN_GROUP = "characters"
PLAY_VERBS = frozenset({"play", "portray", "voice", "reprise", "embody", "essay"})
NAME_INTRODUCERS = frozenset({"named", "called", "dubbed", "known"})
AS_BLOCKERS = frozenset({"such", "well", "known", "referred", "same", "serve", "serves", "served"})
MAX_CHARACTER_TOKENS = 4
# Clause heads a copular "X is <role>" can stand on: main, coordinated and reported clauses.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp"})
# Words that open a description before a character's name: "as her orphaned niece Cady".
DESCRIPTOR_OPENERS = frozenset({"a", "an", "the", "her", "his", "their", "its", "our"})


@dataclass(frozen=True)
class PartListCues:
    """Words that open a list of parts, each ``CHARACTER in WORK``: a part noun and a list
    opener (``roles including``, ``characters such as``), or a playing verb."""

    nouns: frozenset[str]
    openers: tuple[tuple[str, ...], ...]
    playing_words: frozenset[str]
    function_words: frozenset[str]
    max_title_tokens: int
    not_after_as: frozenset[str]

    @classmethod
    def load(cls) -> PartListCues:
        """Read the cues from the package data."""
        entity_cues = load_resource("entity_cues")
        work_cues = load_resource("work_cues")
        return cls(
            nouns=lowered(entity_cues["part_list_nouns"]),
            openers=tuple(tuple(o.lower().split()) for o in entity_cues["part_list_openers"]),
            playing_words=lowered(work_cues["playing_words"]),
            function_words=lowered(work_cues["function_words"]),
            max_title_tokens=int(work_cues["max_title_tokens"]),
            not_after_as=lowered(entity_cues["not_character_after_as"]),
        )


@dataclass(frozen=True)
class CharacterCues:
    """Cue lists of ``entity_cues.json`` used to find characters, and the award-category
    openers of ``work_cues.json`` (``as Outstanding Lead Actor`` names no role)."""

    role_nouns: frozenset[str]
    performance_nouns: frozenset[str]
    not_after_as: frozenset[str]
    org_names: frozenset[str]
    award_category_openers: frozenset[str] = frozenset()
    part_lists: PartListCues | None = None
    lent_verbs: frozenset[str] = frozenset()
    lent_objects: frozenset[str] = frozenset()
    lent_prepositions: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> CharacterCues:
        """Read the cues from the package data."""
        data = load_resource("entity_cues")
        lent = load_resource("role_triggers")["lent_parts"]
        return cls(
            role_nouns=lowered(data["character_role_nouns"]),
            performance_nouns=lowered(data["performance_nouns"]),
            not_after_as=lowered(data["not_character_after_as"]),
            org_names=frozenset(data["org_names"]),
            award_category_openers=frozenset(load_resource("work_cues")["award_category_openers"]),
            part_lists=PartListCues.load(),
            lent_verbs=lowered(lent["verbs"]),
            lent_objects=lowered(lent["objects"]),
            lent_prepositions=lowered(lent["prepositions"]),
        )


class ListedPart(NamedTuple):
    """One ``CHARACTER in WORK`` item of a list of parts, as token ranges, and the index of
    the word (part noun or playing verb) that opened the list."""

    character: tuple[int, int]
    work: tuple[int, int]
    opener: int


# Entity types of a place: "Sue in Leeds" is where, not what, she played.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# How far after its part noun a list opener may come ("roles in a long career including").
MAX_OPENER_DISTANCE = 10


def listed_parts(sent: Span, cues: PartListCues) -> list[ListedPart]:
    """The parts of ``her roles including Merle Jackson in Grease Monkeys, Sue in Paradise
    Heights and Tina Fowler in Coronation Street``, and of ``played C1 in W1 and C2 in W2``.

    A playing verb opens a list only when two or more items follow it (one item is the
    ordinary ``played C in W``, which other cues read).
    """
    doc = sent.doc
    found: list[ListedPart] = []
    for token in sent:
        if token.lower_ in cues.playing_words and token.pos_ == "VERB":
            items = _part_items(doc, token.i + 1, sent.end, cues)
            # "played Hamlet in London and Lear in Stratford": stages, not works (after a
            # part noun's list the model's place tags on titles are the ones in error)
            if len(items) < 2 or any(_place(doc, *work) for _, work in items):
                continue
        elif token.lower_ in cues.nouns and token.pos_ == "NOUN":
            start = _after_list_opener(doc, token.i + 1, sent.end, cues)
            if start is None:
                continue
            items = _part_items(doc, start, sent.end, cues)
        else:
            continue
        found += [ListedPart(character, work, token.i) for character, work in items]
    return found


def _place(doc: Doc, start: int, end: int) -> bool:
    return all(t.ent_type_ in PLACE_TYPES for t in doc[start:end])


def _after_list_opener(doc: Doc, start: int, limit: int, cues: PartListCues) -> int | None:
    """Index after a list opener within reach of ``start``, or None."""
    for k in range(start, min(limit, start + MAX_OPENER_DISTANCE)):
        for opener in cues.openers:
            if tuple(t.lower_ for t in doc[k : k + len(opener)]) == opener:
                return k + len(opener)
        if doc[k].text in (";", ":") or doc[k].pos_ == "VERB":
            return None  # the part noun's phrase has ended
    return None


def _part_at(doc: Doc, start: int, limit: int, cues: PartListCues) -> tuple[int, int] | None:
    """The character name of a ``NAME in|on Title`` item starting at ``start`` (after any
    description), when an ``in``/``on`` and a capitalised word follow it."""
    j = skip_descriptors(doc, start, limit)
    end = scan_character_name(doc, j, limit)
    if end == j:
        # "nurse Sarah in W": a bare description before the name
        j = _after_bare_description(doc, j, limit, cues.not_after_as)
        end = scan_character_name(doc, j, limit)
    if end == j or end + 1 >= limit or doc[end].lower_ not in ("in", "on"):
        return None
    if not is_capitalised(doc[end + 1]) or doc[end + 1].is_punct:
        return None
    return j, end


def _part_items(
    doc: Doc, start: int, limit: int, cues: PartListCues
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The ``NAME in Title`` items of a list opening at ``start``, up to the first item of
    another shape."""
    items = []
    i = start
    while i < limit:
        part = _part_at(doc, i, limit, cues)
        if part is None:
            break
        work_start = part[1] + 1
        end = scan_title_forward(doc, work_start, limit, cues.function_words, cues.max_title_tokens)
        # "Hollyoaks and Lorna in The Sarah Jane Adventures": the next item ends the title
        for k in range(work_start + 1, end):
            if (doc[k].lower_ == "and" or doc[k].text == ",") and _part_at(doc, k + 1, limit, cues):
                end = k
                break
        if end == work_start:
            break
        items.append((part, (work_start, end)))
        i = end
        if i < limit and doc[i].text == ",":
            i += 1
        if i < limit and doc[i].lower_ in ("and", "or"):
            i += 1
        if i == end:
            break
    return items


class CharacterFinder:
    """Collect character-name candidates; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "character_finder") -> None:
        register_extensions()
        self.name = name
        self.cues = CharacterCues.load()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_GROUP] = find_character_candidates(doc, self.cues)
        return doc


def scan_character_name(doc: Doc, start: int, limit: int) -> int:
    """End of a character name starting at ``start``: capitalised words, ``The`` first.

    Returns ``start`` when no name starts there.
    """
    end = start
    if end < limit and doc[end].text == "The" and end + 1 < limit and is_name_token(doc[end + 1]):
        end += 1
    words = 0
    while end < limit and words < MAX_CHARACTER_TOKENS and is_name_token(doc[end]):
        end += 1
        words += 1
        # "Anne-Marie", "Jean-Luc": a hyphenated name is one word
        if end + 1 < limit and is_joined_hyphen(doc, end) and is_name_token(doc[end + 1]):
            end += 2
        # 'Dolores "Lola" Vance': a quoted nickname between the parts of a name
        if (
            end + 3 < limit
            and doc[end].text in OPENING_QUOTES
            and is_name_token(doc[end + 1])
            and doc[end + 2].text in CLOSING_QUOTES
            and is_name_token(doc[end + 3])
        ):
            end += 3
    return end


def skip_descriptors(doc: Doc, index: int, limit: int) -> int:
    """Skip ``a young``, ``the infamous hitman,`` before a name; return the name's index."""
    j = index
    if (
        j < limit
        and doc[j].lower_ in DESCRIPTOR_OPENERS
        and not (doc[j].text == "The" and j + 1 < limit and is_name_token(doc[j + 1]))
    ):
        j += 1
        # lower-case words ("scene-devouring" too), an acronym qualifying the next noun
        # ("the ISB supervisor") and a nationality ("the silky Canadian Cardinal X")
        while (
            j < limit
            and j - index <= 6
            and (doc[j].is_alpha or (doc[j].text == "-" and j > index + 1))
            # "as the killer in the Noor Haddad-directed thriller": a preposition (not
            # "of", which stays inside "the widow of a fisherman, Agnes") ends
            # the description, and the name after it is not the role
            and (doc[j].tag_ != "IN" or doc[j].lower_ == "of")
            # "as a detective and Tom Reyes as …": a conjunction before a name ends it
            # ("her cousin and chief embalmer, Reggie" goes on)
            and not (doc[j].tag_ == "CC" and j + 1 < limit and is_name_token(doc[j + 1]))
            and (
                doc[j].text[:1].islower()
                or doc[j].text == "-"
                or (doc[j].is_upper and j + 1 < limit and doc[j + 1].text[:1].islower())
                or (doc[j].ent_type_ == "NORP" and doc[j].tag_ == "JJ")
            )
        ):
            j += 1
        if j < limit and doc[j].text == ",":
            j += 1
    # "as Cordelia's younger sister, Agnes Crowe": the role is the name after the comma,
    # after a description of its own ("Nell's mother, the imperious Bernadette")
    end = scan_character_name(doc, j, limit)
    if end > j and end < limit and doc[end].text in APOSTROPHES:
        k = end + 1
        while (
            k < limit
            and k - end <= 6
            and ((doc[k].text[:1].islower() and doc[k].is_alpha) or is_joined_hyphen(doc, k))
        ):
            k += 1
        if k + 1 < limit and doc[k].text == ",":
            name = skip_descriptors(doc, k + 1, limit) if doc[k + 1].is_lower else k + 1
            if name < limit and is_name_token(doc[name]):
                return name
    return j


def _after_bare_description(doc: Doc, start: int, limit: int, not_after_as: frozenset[str]) -> int:
    """Where a name starts after up to three lower-case nouns and adjectives with no
    determiner (``gang leader``, ``astronaut``), none of them a crew role; ``start`` when
    no name follows them."""
    k = start
    while (
        k < limit
        and k - start < 3
        and doc[k].is_alpha
        and doc[k].is_lower
        and doc[k].tag_ in ("NN", "JJ")
        and doc[k].lower_ not in not_after_as
    ):
        k += 1
    return k if k > start and k < limit and is_name_token(doc[k]) else start


def role_start_after_copula(doc: Doc, copula: Token, limit: int) -> int:
    """Where the role's name starts in ``X is [once again] [the silky] NAME``."""
    after = copula.i + 1
    while after < limit and doc[after].dep_ == "advmod" and doc[after].tag_ == "RB":
        after += 1
    return skip_descriptors(doc, after, limit)


def _person_before(doc: Doc, index: int, floor: int) -> bool:
    for k in range(index - 1, max(floor, index - 8) - 1, -1):
        token = doc[k]
        if token.ent_type_ == "PERSON" or (
            token.ent_type_ in ("ORG", "GPE", "NORP", "")
            and is_name_token(token)
            and k > floor
            and looks_like_person_name([doc[k - 1].text, token.text])
        ):
            return True
    return False


def find_character_candidates(doc: Doc, cues: CharacterCues) -> list[Span]:
    """All character cue hits in ``doc`` (see the module docstring)."""
    found: dict[tuple[int, int], str] = {}

    def add(start: int, end: int, cue: str) -> None:
        while end > start and doc[end - 1].text in APOSTROPHES:
            end -= 1
        if end <= start:
            return
        text = doc[start:end].text
        if text in cues.org_names or any(t.text in CALENDAR_WORDS for t in doc[start:end]):
            return
        if doc[start:end].text.lower() in cues.not_after_as:
            return
        # "repeated as Outstanding Lead Actor": an award category, not a role
        if doc[start].text in cues.award_category_openers:
            return
        # "as John Wick's mother" names a relative of the character, not the role
        if end < len(doc) and doc[end].text in APOSTROPHES:
            return
        found.setdefault((start, end), cue)

    # "Tom Burke is Praetorian Jack" names a role only in an article about casting
    casting_article = sum(t.lemma_.lower() in CASTING_LEMMAS for t in doc) >= 2
    deferred: list[tuple[int, int, str]] = []
    for sent in doc.sents:
        s_start, s_end = sent.start, sent.end
        if cues.part_lists is not None:
            for part in listed_parts(sent, cues.part_lists):
                add(*part.character, "listed_part")
        for i in range(s_start, s_end):
            token = doc[i]
            if (
                token.lower_ == "as"
                and i > s_start
                and doc[i - 1].lower_ not in AS_BLOCKERS
                and not (i - 2 >= s_start and doc[i - 2].lower_ in AS_BLOCKERS)
            ):
                j = skip_descriptors(doc, i + 1, s_end)
                if j < s_end and doc[j].lower_ in cues.not_after_as and doc[j].text[:1].islower():
                    continue
                end = scan_character_name(doc, j, s_end)
                if end == j:
                    # "as gang leader Tommy Shelby": a bare job description before the name
                    j = _after_bare_description(doc, j, s_end, cues.not_after_as)
                    end = scan_character_name(doc, j, s_end)
                performance = doc[i - 1].lemma_.lower() in cues.performance_nouns
                if end > j and (
                    performance or _person_before(doc, i, s_start) or _cast_context(sent)
                ):
                    add(j, end, "as_name")
            if token.lemma_.lower() in PLAY_VERBS and (
                token.pos_ in ("VERB", "AUX") or _infinitive_read_as_noun(doc, token, s_start)
            ):
                j = i + 1
                # "plays the role of X" / "will play the character of X" / "reprise her role as X"
                while (
                    j < s_end
                    and j - i <= 4
                    and (
                        doc[j].lower_
                        in ("the", "a", "her", "his", "their", "role", "character", "part")
                        or doc[j].lower_ in cues.role_nouns
                    )
                ):
                    j += 1
                if j < s_end and doc[j].lower_ in ("of", "as", ","):
                    j += 1
                # "plays the warlord Dementus", "plays his sister, Clara Bratton", and
                # "plays the Hungarian-Jewish architect X", where a capitalised word
                # only qualifies the noun after it
                end = scan_character_name(doc, j, s_end)
                if end > j and end < s_end and doc[end].lower_ in cues.role_nouns:
                    # "reprises his Rogue One role (of Krennic)": the name is the work
                    j = end + 2 if _names_work_of_role(doc, end, s_end, cues) else end
                    end = scan_character_name(doc, j, s_end) if j > end else j
                elif j < s_end and (not is_name_token(doc[j]) or _qualifies_noun(doc, end, s_end)):
                    j = skip_descriptors(doc, i + 1, s_end)
                    end = scan_character_name(doc, j, s_end)
                # "plays Charon", "will play Ines Varela": in casting news the object of
                # play/portray/voice is the role, even when it is shaped like a real name
                if end > j:
                    add(j, end, "play_verb")
            # "lends her voice to Mara Quill": the name after the preposition is the part
            if (
                token.lower_ in cues.lent_objects
                and token.head.lemma_.lower() in cues.lent_verbs
                and i + 1 < s_end
                and doc[i + 1].lower_ in cues.lent_prepositions
            ):
                j = skip_descriptors(doc, i + 2, s_end)
                end = scan_character_name(doc, j, s_end)
                if end > j:
                    add(j, end, "lent_voice")
            # "follows Mara Quill (Wendy Hart), a detective": a part and its actor
            if token.text == "(":
                named = _name_before_parenthesised_actor(doc, i, s_start, s_end)
                if named:
                    add(*named, "parenthesised_actor")
            if token.lower_ in cues.role_nouns and i + 1 < s_end:
                j = i + 1
                if doc[j].lower_ in ("of", "as") or doc[j].lower_ in NAME_INTRODUCERS:
                    j += 1
                    end = scan_character_name(doc, j, s_end)
                    if end > j:
                        add(j, end, "role_noun")
            if token.lower_ == "whose" and i >= s_start + 2 and doc[i - 1].text == ",":
                found_span = _part_after_whose(doc, token, s_end)
                if found_span:
                    deferred.append((*found_span, "whose_part"))
            if token.lemma_ == "be" and token.dep_ in CLAUSE_DEPS:
                found_span = _copular_role(doc, token, s_end)
                if found_span and casting_article:
                    add(*found_span, "copula_cast")
                elif found_span:
                    deferred.append((*found_span, "copula_cast"))
            if token.lemma_.lower() in PLAY_VERBS and token.tag_ == "VBN":
                for antecedent in _passive_subjects(token):
                    start, end = _name_around(doc, antecedent)
                    if end > start:
                        add(start, end, "played_by")
    # ... or in one where another cue has already named a part ("returns as River
    # Cartwright" before "Gary Oldman is once again Jackson Lamb"); so does an actor's
    # "whose NAME"
    if found or casting_article:
        for start, end, cue in deferred:
            add(start, end, cue)
    return [
        Span(doc, start, end, label="CHARACTER", kb_id=cue)
        for (start, end), cue in sorted(found.items())
    ]


SUBJECT_PRONOUNS = frozenset({"he", "she"})
CASTING_LEMMAS = frozenset(
    {"play", "star", "cast", "portray", "voice", "role", "co-star", "reprise"}
)


def _copular_role(doc: Doc, copula: Token, limit: int) -> tuple[int, int] | None:
    """``Tom Burke is Praetorian Jack``, ``Stanley Tucci is the liberal Cardinal Aldo
    Bellini``: an actor's name, ``is``, then a name that is not a real person's."""
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > copula.i:
        return None
    pronoun = subject.lower_ in SUBJECT_PRONOUNS
    if not (pronoun or _names_a_person(subject)):
        return None
    if copula.i + 1 < limit and doc[copula.i + 1].lower_ in ("not", "also", "now", "still"):
        return None
    start = role_start_after_copula(doc, copula, limit)
    end = scan_character_name(doc, start, limit)
    if end <= start or (end < limit and doc[end].text in APOSTROPHES):
        return None  # "X is Nell's mother": a relation, named elsewhere
    # "she was the chaperone Charlotte Bartlett in W": a name set in a work; after a
    # pronoun nothing else counts ("he was Prime Minister Tony Blair's adviser")
    in_work = end < limit and doc[end].lower_ == "in" and _title_follows(doc, end + 1, limit)
    # "In M*A*S*H, the 1970 comedy, he was the surgeon Hawkeye Pierce": the work opens
    # the sentence
    first = copula.sent.start
    in_work = in_work or (
        doc[first].lower_ == "in" and _title_follows(doc, first + 1, limit) and subject.i > first
    )
    if pronoun and not in_work:
        return None
    if end < limit and doc[end].is_alpha and doc[end].text[:1].islower() and not in_work:
        return None  # "X is an Irish actor": the capitalised word qualifies a noun
    if any(t.ent_type_ in ("NORP", "GPE", "ORG", "DATE") for t in doc[start:end]):
        return None
    return start, end


def _infinitive_read_as_noun(doc: Doc, token: Token, floor: int) -> bool:
    """``returns to voice Juniper`` with ``voice`` tagged a noun: a playing verb's base
    form right after ``to`` and before a name is a verb."""
    return (
        token.i > floor
        and doc[token.i - 1].lower_ == "to"
        and token.tag_ == "NN"
        and token.i + 1 < len(doc)
        and is_name_token(doc[token.i + 1])
    )


def _part_after_whose(doc: Doc, whose: Token, limit: int) -> tuple[int, int] | None:
    """``Fiona Shaw, whose Maarva Andor gave the season its finale``: right after an
    actor's ``, whose`` a bare name (no noun after it, not a title or a company) is the
    actor's part."""
    if not _person_before(doc, whose.i - 1, whose.i - 3):
        return None
    start = whose.i + 1
    end = scan_character_name(doc, start, limit)
    if end == start or end >= limit:
        return None
    following = doc[end]
    # "whose Oscar-winning turn", "whose Netflix deal", "whose Succession co-star"
    if following.text in APOSTROPHES or _qualifies_noun(doc, end, limit):
        return None
    if following.tag_ in ("NN", "NNS") and following.dep_ != "relcl":
        return None
    if any(t.ent_type_ in NOT_PART_LABELS - {"GPE"} for t in doc[start:end]):
        return None
    titles = doc.spans.get("work_titles", [])
    if any(t.start < end and t.end > start and t.end - t.start >= end - start for t in titles):
        return None  # "Gilroy, whose Andor": the work
    return start, end


def _title_follows(doc: Doc, start: int, limit: int) -> bool:
    """Whether a capitalised name comes next, after at most an article and two lower-case
    words (``in A Room with a View``, ``in the film Lantern Street``)."""
    for index in range(start, min(limit, start + 3)):
        if doc[index].text[:1].isupper():
            return True
        if not doc[index].is_alpha:
            return False
    return False


def _names_work_of_role(doc: Doc, end: int, limit: int, cues: CharacterCues) -> bool:
    """Whether the name before ``end`` modifies a role noun that ``of``/``as`` follows
    (``his Rogue One role of X``): the name is then the work, and X the character."""
    return (
        end + 2 < limit
        and doc[end].lower_ in cues.role_nouns
        and doc[end + 1].lower_ in ("of", "as")
    )


def _qualifies_noun(doc: Doc, end: int, limit: int) -> bool:
    """Whether the capitalised words before ``end`` modify what follows (``Hungarian-Jewish
    architect``) rather than end a name."""
    if end >= limit:
        return False
    following = doc[end]
    return following.text in ("-", "–") or (
        following.text[:1].islower() and following.pos_ in ("NOUN", "ADJ")
    )


def _names_a_person(subject: Token) -> bool:
    """The model tagged the subject PERSON, or its name is shaped like one (``Ana Reyes``
    tagged ORG)."""
    if subject.ent_type_ == "PERSON":
        return True
    name = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    return looks_like_person_name([t.text for t in (*name, subject)])


def _cast_context(sent: Span) -> bool:
    return any(
        token.lemma_.lower() in ("star", "play", "cast", "feature", "reprise", "return", "role")
        for token in sent
    )


def _passive_subjects(verb: Token) -> list[Token]:
    """The noun a passive ``played by`` describes, through ``who`` and coordination."""
    if not any(child.dep_ == "agent" for child in verb.children):
        return []
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    subjects += [c for c in clause.children if c.dep_ == "nsubjpass" and c not in subjects]
    result = []
    for subject in subjects:
        if subject.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
            result.append(clause.head)
        elif subject.pos_ == "PROPN":
            result.append(subject)
        else:
            # "Her husband, the reckless Edmund Ashby, is played by X": the name in apposition
            result.extend(c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    if not subjects and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        result.append(verb.head)
    elif not subjects and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "her missing mother, Corra, voiced by X": the name in apposition to the noun
        result.extend(c for c in verb.head.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return result


# Entity labels of a name that is not a part: "BBC One (Netflix in the US)".
NOT_PART_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "WORK_OF_ART"})


def _parenthesised_actor(doc: Doc, bracket: int, limit: int) -> int | None:
    """End of a personal name bracketed at ``bracket`` (``(Wendy Hart)``), if any: a
    full name that a given name opens."""
    end = scan_character_name(doc, bracket + 1, limit)
    if end - (bracket + 1) < 2 or end >= limit or doc[end].text != ")":
        return None
    return end if looks_like_person_name([t.text for t in doc[bracket + 1 : end]]) else None


def _brackets_name_people(doc: Doc, floor: int, limit: int) -> bool:
    """Whether every bracket after a name in the sentence holds a personal name: a list
    of ``Person (Work)`` or ``Player (Club)`` items (``Imelda Staunton (Vera Drake),
    Natalie Press (My Summer of Love)``) uses the other convention."""
    return all(
        _parenthesised_actor(doc, i, limit) is not None
        for i in range(floor + 1, limit)
        if doc[i].text == "(" and is_name_token(doc[i - 1])
    )


def _name_before_parenthesised_actor(
    doc: Doc, bracket: int, floor: int, limit: int
) -> tuple[int, int] | None:
    """``Mara Quill (Wendy Hart)``: reviews and plot summaries name a part, then its actor
    in brackets. The name before the bracket is the part, unless it is a title, a place
    or a company."""
    end = _parenthesised_actor(doc, bracket, limit)
    if end is None or not _brackets_name_people(doc, floor, limit):
        return None
    start = bracket
    while (
        start > floor and bracket - start < MAX_CHARACTER_TOKENS and is_name_token(doc[start - 1])
    ):
        start -= 1
    if start == bracket or doc[start:bracket].text in ("The", "A", "An"):
        return None
    if any(t.ent_type_ in NOT_PART_LABELS for t in doc[start:bracket]):
        return None
    if any(t.is_stop for t in doc[start:bracket]):
        return None  # "Hallelujah, I Love Her So (Eddie Cochran)": a song and its singer
    # ("Gerard Holm (Pale Orchard)", a maker and his work, fails the bracket's shape test)
    titles = doc.spans.get("work_titles", [])
    if any(t.start < bracket and t.end > start for t in titles):
        return None  # "Pale Orchard (Gerard Holm)": a work and its maker
    return start, bracket


def _name_around(doc: Doc, token: Token) -> tuple[int, int]:
    if token.pos_ != "PROPN":
        return token.i, token.i
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    if start > 0 and doc[start - 1].text == "The":
        start -= 1
    return start, token.i + 1


@Language.factory("character_finder")
def make_character_finder(nlp: Language, name: str) -> CharacterFinder:
    """Factory of :class:`CharacterFinder` (cues come from ``entity_cues.json``)."""
    return CharacterFinder(nlp, name)
