"""Shared reading of an annotated doc for the relation components.

:class:`MentionIndex` answers: which mention covers this token, which work does
this sentence (or this ``the film``) talk about, is this work mention only a
modifier (``the John Wick franchise``, ``the John Wick spin-off film``).
Built once per component call from ``doc.spans["mentions"]`` and
``doc._.references``; nothing here is stored on the doc.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from functools import cache, cached_property

from spacy.tokens import Doc, Span, Token

from extractor.pipeline.lexicon import load_resource, lowered
from extractor.pipeline.shapes import (
    OPENING_QUOTES,
    hyphenated_word,
    title_key,
    without_leading_the,
)

WORK_TYPES = frozenset({"FILM", "SERIES"})
PERSONISH = frozenset({"PERSON", "CHARACTER"})
# Dependency labels of a work mention that make it the topic of what follows.
FOCUS_DEPS = frozenset(
    {"nsubj", "nsubjpass", "ROOT", "appos", "dobj", "attr", "acomp", "conj", "npadvmod"}
)
# How many sentences back a work named as subject or object still holds the topic.
FOCUS_WINDOW_SENTENCES = 3
# Nouns of a part in a work: a title before one modifies it ("his Rogue One role").
PART_NOUNS = frozenset({"role", "roles", "part", "character"})
# Modifiers that make a work noun name the earlier work of a franchise ("the first film").
ORIGINAL_MODIFIERS = frozenset({"first", "original"})
# Sentences (lines, for headlines) at the top of an article that count as its headline.
HEADLINE_SENTENCES = 3
# A headline mention is worth this many mentions in the body when choosing the main work.
HEADLINE_WEIGHT = 5
# Entity confidence of a work found by a strong title cue (see alias_linker.FAMILY_CONFIDENCE).
TOPIC_MIN_CONFIDENCE = 0.75
NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})


@cache
def _headline_modified_nouns() -> frozenset[str]:
    """Nouns a title in a headline may modify (``'Dune' director``, ``the X franchise``)."""
    cues = load_resource("work_cues")
    return frozenset().union(
        *(
            lowered(cues[section])
            for section in (
                "film_nouns",
                "series_nouns",
                "franchise_nouns",
                "premodified_role_nouns",
            )
        )
    )


def _work_nouns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    cues = load_resource("work_cues")
    return (
        lowered(cues["film_nouns"]),
        lowered(cues["series_nouns"]),
        lowered(cues["franchise_nouns"]),
    )


@cache
def _time_anchor_prepositions() -> frozenset[str]:
    return lowered(load_resource("work_cues")["time_anchor_prepositions"])


@cache
def _sequel_nouns() -> frozenset[str]:
    return lowered(load_resource("relation_cues")["series_membership"]["nouns"]) - {"part"}


@cache
def _derived_work_nouns() -> frozenset[str]:
    return lowered(load_resource("work_cues")["derived_work_nouns"])


@cache
def _person_nouns_by_gender() -> dict[str, str]:
    cues = load_resource("entity_cues")
    genders = {word: "f" for word in lowered(cues["female_person_nouns"])}
    genders.update({word: "m" for word in lowered(cues["male_person_nouns"])})
    return genders


def titles_naming(noun: Token, index: MentionIndex) -> list[str]:
    """The works a title before a work noun names as that noun (``the Hamlet film``):
    none when the noun or a word before it makes another work of it (``the John Wick
    spin-off film``, ``the Joker sequel``, ``the Hamlet adaptation``)."""
    derived = _derived_work_nouns()
    before = noun.doc[noun.left_edge.i : noun.i + 1]
    if any(t.lower_ in derived or hyphenated_word(t) in derived for t in before):
        return []
    return [
        key
        for child in noun.children
        # the small model often reads a one-word title as an adjective
        if child.dep_ in ("compound", "nmod", "amod")
        for key in index.at(child, WORK_TYPES)
    ]


class MentionIndex:
    """Token-level view of the mentions of one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.film_nouns, self.series_nouns, self.franchise_nouns = _work_nouns()
        # nouns that stand for a film or a series ("the film", "the show")
        self.work_nouns = self.film_nouns | self.series_nouns
        self.mentions: list[Span] = list(doc.spans.get("mentions", []))
        self.by_token: dict[int, list[Span]] = defaultdict(list)
        for span in self.mentions:
            for i in range(span.start, span.end):
                self.by_token[i].append(span)
        self.entity_type = {e["key"]: e["type"] for e in doc._.entities or []}
        self.entity_confidence = {e["key"]: e["confidence"] for e in doc._.entities or []}
        self.references = {int(i): key for i, key in (doc._.references or {}).items()}
        self.sentence_starts = [sent.start for sent in doc.sents]
        # a work counts where it is named as itself, not as a modifier or a character's name
        counts = Counter(
            s.kb_id_
            for s in self.mentions
            if s.label_ in WORK_TYPES and not self.is_modifier(s) and not self.is_ambiguous(s)
        )
        self.work_counts = counts

    @cached_property
    def described_genders(self) -> dict[str, str]:
        """Person keys whose gender a noun describing them states: ``X is an English
        actress``, ``X, the actress``, ``actress X``, ``his son X``. A person described
        both ways gets no entry."""
        nouns = _person_nouns_by_gender()
        found: dict[str, set[str]] = defaultdict(set)
        for span in self.mentions:
            if span.label_ != "PERSON":
                continue
            root = span.root
            describing = [c for c in root.children if c.dep_ == "appos"]
            describing += [c for c in root.children if c.dep_ == "compound" and c.i < span.start]
            if root.dep_ == "appos":
                describing.append(root.head)
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                describing += [c for c in root.head.children if c.dep_ == "attr"]
            for noun in describing:
                for word in (noun, *noun.conjuncts):
                    # lower case: "Big Brother Germaine Greer" is a headline run-on
                    if word.is_lower and word.lower_ in nouns:
                        found[span.kb_id_].add(nouns[word.lower_])
        return {key: next(iter(genders)) for key, genders in found.items() if len(genders) == 1}

    @cached_property
    def families(self) -> dict[str, list[str]]:
        """``harlans`` -> the keys of the people named ``… Harlan``, when two or more are:
        ``The Harlans will remain executive producers`` names them all."""
        by_surname: dict[str, list[str]] = defaultdict(list)
        for entity in self.doc._.entities or []:
            words = entity["name"].split()
            if entity["type"] == "PERSON" and len(words) >= 2:
                by_surname[words[-1].lower() + "s"].append(entity["key"])
        return {plural: keys for plural, keys in by_surname.items() if len(keys) >= 2}

    def family_at(self, token: Token) -> list[str]:
        """The people a capitalised plural surname stands for (``the Harlans``), if any."""
        if not token.text[:1].isupper() or token.tag_ not in ("NNPS", "NNP", "NNS"):
            return []
        return list(self.families.get(token.lower_, []))

    # -- looking up mentions -------------------------------------------------
    def at(self, token: Token, types: frozenset[str] | set[str] | None = None) -> list[str]:
        """Entity keys of the mentions covering ``token`` (or the reference it resolves to)."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            # "the film, which featured X": the relative stands for the noun it follows
            token = token.head.head
        keys = [
            s.kb_id_ for s in self.by_token.get(token.i, []) if types is None or s.label_ in types
        ]
        if not keys and token.i in self.references:
            key = self.references[token.i]
            if types is None or self.entity_type.get(key) in types:
                keys = [key]
        return keys

    def in_subtree(self, token: Token, types: frozenset[str]) -> list[str]:
        """Keys of mentions of ``types`` in ``token``'s phrase, nearest first.

        Clauses inside the phrase (``the character of Rooney, who was introduced
        in X``) are not searched; modifier and ambiguous mentions come last.
        """
        found: list[tuple[int, int, str]] = []
        for t in token.subtree:
            if passes_clause(t, token):
                continue
            for key in self.at(t, types):
                span = self.span_of(t, types)
                weak = span is not None and (self.is_modifier(span) or self.is_ambiguous(span))
                # a franchise name deep inside the phrase ("the return of faces from the
                # John Wick franchise") does not name the work; one modifying the phrase's
                # own noun ("all four John Wick movies") does
                if weak and span.root.head.i != token.i and span.root.i != token.i:
                    continue
                found.append((int(weak), abs(t.i - token.i), key))
        ordered: list[str] = []
        for _, _, key in sorted(found):
            if key not in ordered:
                ordered.append(key)
        return ordered

    def title_after(self, noun: Token) -> list[str]:
        """The work whose mention starts right after ``noun``, past opening quotes
        (``the drama "Conclave"``, ``the BBC drama *Greyfriars Lane*``)."""
        doc = self.doc
        after = noun.i + 1
        while after < len(doc) and doc[after].text in OPENING_QUOTES:
            after += 1
        if after < len(doc):
            span = self.span_of(doc[after], WORK_TYPES)
            if span is not None and span.start == after:
                return [span.kb_id_]
        return []

    def is_ambiguous(self, span: Span) -> bool:
        """A work mention that is also read as a character on the same tokens (``John Wick``)."""
        return span.label_ != "CHARACTER" and any(
            other.label_ == "CHARACTER" and other.start == span.start and other.end == span.end
            for other in self.by_token.get(span.start, [])
        )

    def span_of(self, token: Token, types: frozenset[str]) -> Span | None:
        """The mention of ``types`` covering ``token``, if any."""
        for span in self.by_token.get(token.i, []):
            if span.label_ in types:
                return span
        return None

    def free_tokens(self, sent: Span):
        """The sentence's tokens that no mention covers: a trigger word inside a name
        (``The Tonight Show Starring Jimmy Fallon``) is part of the name, not a trigger."""
        return (token for token in sent if not self.by_token.get(token.i))

    # -- works ----------------------------------------------------------------
    def is_modifier(self, span: Span) -> bool:
        """A work mention used as a modifier: ``the John Wick franchise/spin-off film``."""
        doc = self.doc
        nxt = span.end
        if nxt < len(doc) and doc[nxt].text in ("’s", "'s", "‘s", "’", "'"):
            nxt += 1
        if nxt < len(doc):
            word = doc[nxt].lower_
            if nxt + 2 < len(doc) and doc[nxt + 1].text in ("-", "–"):
                word = doc[nxt : nxt + 3].text.lower()
            numbered = nxt + 1 < len(doc) and (
                doc[nxt + 1].like_num or doc[nxt + 1].text[:1].isdigit()
            )
            if word in ("season", "series") and numbered:
                return False  # "Andor season 2" names the show itself
            if word in self.franchise_nouns or word in self.work_nouns:
                return True
            # "reprises his Rogue One role": the title says which part, not what is told
            if word in PART_NOUNS:
                return True
        return False

    def is_focus(self, span: Span) -> bool:
        """Whether a work mention sets the topic (subject, object, apposition, cued name)."""
        if self.is_modifier(span) or self.is_ambiguous(span):
            return False
        root = span.root
        token = root
        while token.dep_ in ("compound", "appos", "conj", "flat") and token.head.i != token.i:
            token = token.head
        if token.dep_ in ("pobj",) and token.head.head.lemma_ in ("performance", "role", "turn"):
            return False
        if _inside_clause_of_other(root) or _in_where_clause(root):
            return False
        before = span.start - 1
        while before >= 0 and (
            self.doc[before].lower_ in ("named", "called", "titled", "entitled", ",")
            or self.doc[before].text in OPENING_QUOTES
        ):
            before -= 1
        noun = self.doc[before] if before >= 0 else None
        if (
            noun is not None
            and noun.lower_ in self.work_nouns
            and not span.start <= noun.head.i < span.end
        ):
            # "the spin-off film Ballerina" sets the topic where the phrase itself does
            # ("a nominee for the rural drama X" does not); a noun that modifies the
            # title ("the animated musical *X*, which …") leaves it to the title; a noun
            # inside a relative clause ("Pike, who also created the drama *X*") is aside
            # ("The film X: Y opens" may leave the noun unattached: the title's role counts)
            role = token.dep_ if noun.dep_ == "dep" else noun.dep_
            return role in FOCUS_DEPS and not _inside_clause_of_other(noun)
        return token.dep_ in FOCUS_DEPS

    def topic_work(self, position: int, wanted: frozenset[str] = WORK_TYPES) -> str | None:
        """The work in focus at token ``position``: the last focus mention in the few
        sentences before it, else the article's main work.

        Focus fades: a work named as a subject three paragraphs back no longer holds the
        topic against the work the article is about.
        """
        horizon = self._sentence_start_before(position, FOCUS_WINDOW_SENTENCES)
        best = None
        leading: dict[int, str] = {}  # sentence start -> the first work it names
        for span in self.mentions:
            if span.start >= position:
                break
            if span.label_ not in WORK_TYPES:
                continue
            sentence = span.sent.start
            if not self.is_modifier(span):
                # "the Highlands romance X": a modifier does not lead its sentence
                leading.setdefault(sentence, span.kb_id_)
            if span.start < horizon or span.label_ not in wanted:
                continue
            # a work named after another in the same sentence ("X, from the director whose
            # debut Y won …") is background to it, not the new topic
            if leading.get(sentence) != span.kb_id_:
                continue
            if self.is_focus(span) and self.is_established(span.kb_id_):
                best = span.kb_id_
        for index in sorted(self.references):
            last = self._last_start(best, position) if best else -1
            later = best is None or index > last
            wanted_type = self.entity_type.get(self.references[index]) in wanted
            if horizon <= index < position and wanted_type and later:
                token = self.doc[index]
                # "The Penguin, a drama that picks up after the events of the film",
                # "Mark Strong takes over from John Turturro, who played the boss in the
                # film": a reference inside a relative clause is background to its
                # sentence and does not displace the topic
                if _inside_clause_of_other(token):
                    continue
                if names_an_earlier_work(token):
                    continue  # "who played Marit in the 2022 original": background
                if points_back(token):
                    continue  # "That 2016 film, directed by …": a look back, an aside
                best = self.references[index]
        return best or self.main_work(wanted)

    def work_for(
        self, trigger: Token, sent: Span, explicit: str | None = None
    ) -> tuple[str | None, str | None]:
        """The work a statement at ``trigger`` is about, and how it was found.

        In order: the work the trigger's own phrase names (``explicit``, found by the
        caller), the nearest work named in the sentence outside other clauses, the work
        in focus before the sentence. Returns ``(key, "explicit" | "sentence" | "topic")``
        or ``(None, None)``.
        """
        if explicit:
            return explicit, "explicit"
        if self._in_unnamed_works(trigger):
            return None, None
        nearby = self.sentence_works(sent, trigger)
        if nearby:
            return nearby[0], "sentence"
        topic = self.topic_work(sent.start)
        return (topic, "topic") if topic else (None, None)

    def _in_unnamed_works(self, trigger: Token) -> bool:
        """``who plays Brenner in the films``: the statement is about several films it
        does not name (a plural film noun in its ``in`` phrase), so neither the sentence's
        other work nor the one in focus is its work. (``appears in two episodes`` is
        about the series in focus.)"""
        verb = trigger.head if trigger.dep_ == "prep" else trigger
        # "plays Brenner in the films" may hang the phrase on the part
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for prep in (c for holder in holders for c in holder.children):
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                plural = noun.dep_ == "pobj" and noun.tag_ == "NNS"
                if plural and noun.lemma_.lower() in self.film_nouns:
                    named = any(self.at(t, WORK_TYPES) for t in noun.subtree)
                    if not named:
                        return True
        return False

    def _sentence_start_before(self, position: int, sentences: int) -> int:
        """Token index where the sentence ``sentences`` before ``position``'s one starts."""
        if not self.sentence_starts:
            return 0
        current = bisect_right(self.sentence_starts, position) - 1
        return self.sentence_starts[max(0, current - sentences)]

    def _last_start(self, key: str, position: int) -> int:
        starts = [s.start for s in self.mentions if s.kb_id_ == key and s.start < position]
        return max(starts) if starts else -1

    def is_established(self, key: str) -> bool:
        """A work some strong cue named: only such a work can be the topic of later text."""
        return self.entity_confidence.get(key, 0.0) >= TOPIC_MIN_CONFIDENCE

    def main_work(self, wanted: frozenset[str] = WORK_TYPES) -> str | None:
        """The work the article is about: the most mentioned, a mention in the headline
        counting ``HEADLINE_WEIGHT`` times, then the first mentioned."""
        # the headline zone: a site tagline may come before the headline itself
        starts = self.sentence_starts
        headline_end = (
            starts[HEADLINE_SENTENCES] if len(starts) > HEADLINE_SENTENCES else len(self.doc)
        )
        # a headline naming a show after its hero ("Andor returns") still names the show
        # (not a work named in a relative clause there: "…, who made the short Glasshouse")
        # Only the first sentence of that zone to name a work is the headline: the
        # opening of the body ("Nine years after Mad Max: Fury Road …") is not
        headline_mentions = [
            s
            for s in self.mentions
            if s.start < headline_end
            and s.label_ in WORK_TYPES
            and not self.is_modifier(s)
            and not _inside_clause_of_other(s.root)
        ]
        in_headline = {s.kb_id_ for s in headline_mentions if s.sent == headline_mentions[0].sent}
        counts = Counter(self.work_counts)
        # the headline given apart from the text ("'The Wintergarden': … premieres on
        # Netflix") replaces the opening sentences; a work it names counts with all its
        # mentions, even those that are also a character's name
        if self.doc._.title:
            in_headline = set()
        for key in self._named_in_title:
            in_headline.add(key)
            counts[key] = max(
                counts[key],
                sum(1 for s in self.mentions if s.kb_id_ == key and not self.is_modifier(s)),
            )
        ranked = [
            (
                count + HEADLINE_WEIGHT * (key in in_headline),
                -min(s.start for s in self.mentions if s.kb_id_ == key),
                key,
            )
            for key, count in counts.items()
            if self.entity_type.get(key) in wanted and self.is_established(key)
        ]
        return max(ranked)[-1] if ranked else None

    @cached_property
    def _named_in_title(self) -> list[str]:
        """Work keys whose name appears, as whole words, in ``doc._.title``."""
        headline = self.doc._.title
        if not headline:
            return []
        words = f" {title_key(headline)} "
        works = [e for e in self.doc._.entities or [] if e["type"] in WORK_TYPES]
        named = []
        for entity in works:
            name = f" {title_key(entity['name'])} "
            if name not in words:
                name = f" {without_leading_the(title_key(entity['name']))} "
                if name not in words:
                    continue
                # "'Ashfall Line' sequel" may drop the article only before a sequel noun
                named.extend(_sequels_named(entity, words, name, works))
                continue
            # "'Dune' director Denis Villeneuve": a title before a role or work noun modifies it
            following = words[words.index(name) + len(name) :].split()[:2]
            numbered = len(following) == 2 and (
                following[1].isdigit() or following[1] in NUMBER_WORDS
            )
            if following and following[0] in ("season", "series") and numbered:
                pass  # "Andor season 2" names the show
            elif following and following[0] in _headline_modified_nouns():
                named.extend(_sequels_named(entity, words, name, works))
                continue
            named.append(entity["key"])
        return named

    def sentence_works(self, sent: Span, trigger: Token | None = None) -> list[str]:
        """Work keys named in the sentence, nearest to ``trigger`` first.

        Modifier mentions and mentions inside a clause that does not contain the
        trigger (``Rooney, who was introduced in X``) are left out.
        """
        found: list[tuple[int, str]] = []
        for span in self.mentions:
            if span.start < sent.start or span.end > sent.end or span.label_ not in WORK_TYPES:
                continue
            if self.is_modifier(span) or self.is_ambiguous(span):
                continue
            # the parser may hang a title's last words on the main verb ('who directed
            # the cult favourite "Tin Can Saints", directs'): its first word shows the clause
            if trigger is not None and (
                _separate_clause(span.root, trigger)
                or _separate_clause(span[0], trigger)
                or _time_anchor(span.root, trigger)
            ):
                continue
            distance = abs(span.start - trigger.i) if trigger is not None else span.start
            found.append((distance, span.kb_id_))
        for index, key in self.references.items():
            if sent.start <= index < sent.end and self.entity_type.get(key) in WORK_TYPES:
                token = self.doc[index]
                if trigger is not None and (
                    _separate_clause(token, trigger) or _time_anchor(token, trigger)
                ):
                    continue
                distance = abs(index - trigger.i) if trigger is not None else index
                found.append((distance, key))
        ordered = []
        for _, key in sorted(found):
            if key not in ordered:
                ordered.append(key)
        return ordered


def _clause_head(token: Token) -> Token | None:
    """The nearest ancestor (or self) that heads a subordinate clause."""
    current = token
    while True:
        if current.dep_ in CLAUSE_DEPS:
            return current
        if current.head.i == current.i:
            return None
        current = current.head


def in_subordinate_clause(token: Token) -> bool:
    """Whether ``token`` sits in a relative, adverbial or complement clause."""
    return _clause_head(token) is not None


def _in_where_clause(token: Token) -> bool:
    """``it ends where Rogue One begins``: a clause of place locates the main clause's
    subject by another work; that work is not what the text goes on about."""
    head = _clause_head(token)
    return (
        head is not None
        and head.dep_ in ("advcl", "ccomp")
        and any(c.lower_ == "where" and c.dep_ == "advmod" for c in head.children)
    )


def passes_clause(token: Token, top: Token) -> bool:
    """Whether the path from ``token`` up to ``top`` enters a subordinate clause."""
    current = token
    while current.i != top.i:
        if current.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def possessed_by_its(token: Token) -> bool:
    """``its sequel``, ``its 2019 sequel``: a noun a work possesses is another work."""
    return any(c.dep_ == "poss" and c.lower_ == "its" for c in token.children)


def points_back(token: Token) -> bool:
    """``that film``: a noun whose determiner is ``that`` looks back at a work just named."""
    determiners = [c for c in token.children if c.dep_ == "det"]
    return bool(determiners) and determiners[0].lower_ == "that"


def names_an_earlier_work(token: Token) -> bool:
    """``the original``, ``the first film``: a look back at a franchise's earlier work."""
    return token.lower_ == "original" or any(
        c.dep_ == "amod" and c.lower_ in ORIGINAL_MODIFIERS for c in token.children
    )


def is_to_infinitive(token: Token) -> bool:
    """A verb marked by ``to`` (``return to direct``, ``went on to write``)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _inside_clause_of_other(token: Token) -> bool:
    head = _clause_head(token)
    return head is not None and head.dep_ == "relcl"


def _separate_clause(mention_token: Token, trigger: Token) -> bool:
    """Whether the mention sits in a relative/adverbial clause, or in a coordinated clause
    with its own subject (``…, but the running of the room passes to X, the showrunner of
    W``), that the trigger is not part of."""
    clause = _clause_head(mention_token)
    if clause is None or clause.dep_ not in ("relcl", "advcl", "acl"):
        clause = _coordinated_clause(mention_token)
        if clause is None:
            return False
    return trigger not in list(clause.subtree) and clause not in list(trigger.ancestors)


def _sequels_named(entity: dict, words: str, name: str, works: list[dict]) -> list[str]:
    """``Halcyon dates 'Ashfall Line' sequel``: a headline naming a title's sequel is
    about the first work in the article whose title extends it (``The Ashfall Line: Cold
    Meridian``)."""
    following = words[words.index(name) + len(name) :].split()[:1]
    if not following or following[0] not in _sequel_nouns():
        return []
    stem = without_leading_the(title_key(entity["name"]))
    extending = [
        other
        for other in works
        if other["key"] != entity["key"]
        and without_leading_the(title_key(other["name"])).startswith(stem + " ")
    ]
    # doc._.entities lists entities in order of first mention
    return [extending[0]["key"]] if extending else []


def _time_anchor(mention_token: Token, trigger: Token) -> bool:
    """Whether the mention only dates the statement (``is back as C after the events of
    the first movie``, ``returns since W``): a work in a time phrase the trigger is not
    part of is an earlier (or later) work, not the one the statement is about."""
    for ancestor in mention_token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ in _time_anchor_prepositions():
            return trigger not in list(ancestor.subtree)
    return False


def _coordinated_clause(token: Token) -> Token | None:
    """The nearest coordinated verb above ``token`` that has a subject of its own."""
    for current in (token, *token.ancestors):
        if (
            current.dep_ == "conj"
            and current.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        ):
            return current
    return None


def child_with_dep(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` attached with one of ``deps``."""
    return next((c for c in token.children if c.dep_ in deps), None)


def _capitalised_mid_sentence(token: Token) -> bool:
    return token.text[:1].isupper() and token.i != token.sent.start and token.is_alpha


def clause_subject(verb: Token, through_gerunds: bool = True) -> Token | None:
    """The subject of ``verb``, through ``is set to star`` and ``will direct and produce``,
    and (with ``through_gerunds``) through gerunds: ``acclaimed for directing W`` gives
    the subject of ``acclaimed``."""
    current = verb
    for _ in range(5):
        subject = child_with_dep(current, "nsubj", "nsubjpass")
        if subject is not None:
            return subject
        # "Corvin Hale stars as …" parsed with the surname as the verb's compound, "and
        # Tully produces" with the name as an adverb
        compound = child_with_dep(current, "compound", "advmod", "npadvmod")
        if (
            compound is not None
            and compound.i == current.i - 1
            and (
                compound.pos_ == "PROPN"
                or (compound.dep_ != "compound" and _capitalised_mid_sentence(compound))
            )
            and current.dep_ in ("ROOT", "conj", "ccomp", "advcl")
        ):
            return compound
        if current.dep_ == "advcl" and is_to_infinitive(current):
            # "X will return to direct": an infinitive of purpose shares the subject of
            # its verb, when that verb has one of its own
            return child_with_dep(current.head, "nsubj", "nsubjpass")
        if current.dep_ in ("xcomp", "conj", "aux", "ccomp") and current.head.i != current.i:
            current = current.head
            continue
        if (
            current.dep_ == "acl"
            and is_to_infinitive(current)
            and current.head.dep_ == "pobj"
            and current.head.head.dep_ == "prep"
            and current.head.head.head.pos_ in ("VERB", "AUX")
        ):
            # "X is in talks to join W": the infinitive's subject is the verb's, past the
            # noun of the prepositional phrase
            current = current.head.head.head
            continue
        if through_gerunds and current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            current = current.head.head
            if current.pos_ == "NOUN" and current.dep_ in ("dobj", "attr"):
                # "attained acclaim for directing W": the noun's verb has the subject
                current = current.head
            if current.dep_ == "acl" and current.tag_ == "VBN" and current.head.pos_ == "PROPN":
                # "Ralph Fiennes, nominated for playing C": the participle describes the name
                return current.head
            continue
        return None
    return None
