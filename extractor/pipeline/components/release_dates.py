"""``release_date_extractor``: release and premiere dates tied to their work.

A DATE in a sentence that speaks of a release (``hits theatres on``, ``premieres``,
``set for release``, ``pushed from March to October``) is a release date of the
work that sentence names (the nearest, outside other clauses), else of the work
in focus. Every date of such a sentence gives its own relation, so a moved date
gives one relation per date. ``Title (2004)`` gives the year as a release date.
Settings and periods (``set in 1975``), births, deaths and shoots are not
release dates.

Reads: ``doc.spans["mentions"]``, ``doc._.date_values``, ``doc._.references``.
Writes: appends to ``doc._.relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.pipeline.components.roles import relation
from extractor.pipeline.discourse import (
    WORK_TYPES,
    MentionIndex,
    child_with_dep,
    is_to_infinitive,
    possessed_by_its,
)
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import WordSequences, load_resource, lowered
from extractor.pipeline.shapes import POSSESSIVE_S, token_before_comma_phrase


class ReleaseDateExtractor:
    """Extract ``release_date`` relations; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "release_date_extractor") -> None:
        register_extensions()
        self.name = name
        cues = load_resource("relation_cues")
        self.verbs = lowered(cues["release_verbs"])
        self.nouns = lowered(cues["release_nouns"])
        self.context = lowered(cues["release_context_words"])
        self.blockers = WordSequences.from_phrases(cues["release_blockers"])
        # verbs that move a release: only their "from/to/until" dates are release dates
        self.delay_verbs = lowered(cues["release_delay_verbs"])
        self.delay_preps = lowered(cues["release_delay_prepositions"])
        # "released the trailer on Wednesday", "production is slated to begin this autumn"
        self.non_work_objects = lowered(cues["release_non_work_objects"])
        self.production_subjects = lowered(cues["release_production_subjects"])
        self.career_year_verbs = lowered(cues["career_year_verbs"])
        # "Slow Horses returns on September 4": release words only with a work as subject
        self.work_subject_verbs = lowered(cues["release_work_subject_verbs"])
        # "W, due out in June", "W is due in cinemas in May": only said of a work
        self.work_adjectives = lowered(cues["release_work_adjectives"])
        # "…, the streamer announced on Thursday": the date of the telling, not the release
        self.reporting_verbs = lowered(cues["release_reporting_verbs"])
        # lemmas that make a word a release trigger (a delay verb moves a release)
        self.trigger_lemmas = self.verbs | self.nouns | self.delay_verbs
        # of those, the ones a noun with its own modifiers still counts as ("a delay")
        self.noun_trigger_lemmas = self.nouns | self.delay_verbs

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc)
        relations = list(doc._.relations or [])
        words = [t.lower_ for t in doc]
        for sent in doc.sents:
            relations.extend(self.extract(sent, index, words))
        relations.extend(year_after_title(doc, index))
        doc._.relations = relations
        return doc

    def is_trigger(self, token: Token, index: MentionIndex) -> bool:
        """A word that speaks of a release: ``premieres``, ``hit theatres``, ``release date``,
        and ``returns`` with a work as its subject (``Slow Horses returns on …``)."""
        lemma = token.lemma_.lower()
        # "last autumn's surprise hit": a verb's lemma on a noun with its own modifiers is
        # the noun ("a hit"), not a misread verb
        noun_phrase = (
            token.pos_ == "NOUN"
            and lemma not in self.noun_trigger_lemmas
            and any(c.dep_ in ("det", "amod", "compound", "poss") for c in token.children)
        )
        if token.lower_ in self.context and not noun_phrase:
            return True
        if token.pos_ in ("VERB", "NOUN") and lemma in self.trigger_lemmas and not noun_phrase:
            return True
        if token.pos_ == "ADJ" and lemma in self.work_adjectives:
            # "due to start filming in May": the verb after it says what is due ("due
            # to be released" is read at "released")
            if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in token.children):
                return False
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                return False
            if token.dep_ == "amod":
                return _names_a_work(token.head, index)
            return any(
                _names_a_work(c, index)
                for c in token.head.children
                if c.dep_ in ("nsubj", "nsubjpass")
            )
        # the small model reads a sentence's "returns" as a plural noun with a subject
        return (
            token.pos_ in ("VERB", "NOUN")
            and lemma in self.work_subject_verbs
            and any(
                _names_a_work(c, index) for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
            )
        )

    def governing_trigger(self, date: Span, index: MentionIndex) -> Token | None:
        """The release word whose clause the date belongs to, if any.

        Walks up from the date to its clause's verb (through ``set to hit``,
        ``pushed from … to``), and accepts that verb or one of its nominal arguments
        (``the release date is June 7``). A date inside another clause (``a record
        kept since 1971``) is not governed.

        The walk starts at the date's head word, and again at its first word when the
        head hangs elsewhere (``to October next year``, whose ``year`` the parser may
        attach to the verb while ``October`` is the object of ``to``).
        """
        if _set_for(date, index):
            return date.root.head.head  # "Juniper: The Winter Road is set for next Christmas"
        trigger = self._trigger_above(date, date.root, index)
        if trigger is None and date[0].i != date.root.i:
            trigger = self._trigger_above(date, date[0], index)
        return trigger

    def _trigger_above(self, date: Span, start: Token, index: MentionIndex) -> Token | None:
        token = start
        preposition = None
        came_from = start
        for _ in range(12):
            if self.is_trigger(token, index) and token.i not in range(date.start, date.end):
                # "moved to October" is a new date; "moved to Berlin in 1999" is not
                if token.lemma_.lower() in self.delay_verbs and preposition not in self.delay_preps:
                    return None
                if _releases_something_else(token, self.non_work_objects, self.production_subjects):
                    return None  # "released the trailer on Wednesday"
                if _a_persons_own(token):
                    return None  # "since his professional debut in the mid-1950s"
                return token
            if token.dep_ == "pobj" and token.head.dep_ == "prep":
                preposition = token.head.lower_
            if token.pos_ in ("VERB", "AUX"):
                if token.lemma_.lower() in self.reporting_verbs:
                    return None
                for child in token.children:
                    # (for a date in the verb's own adjunct, not one inside its subject
                    # or object: "W, the follow-up to this summer's X, is set for …")
                    if child.dep_ == "prep" and child.lower_ == "for" and came_from.dep_ == "prep":
                        # "the sequel is set for release on December 11"
                        release = child_with_dep(child, "pobj")
                        if release is not None and self.is_trigger(release, index):
                            return release
                    if child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "acomp"):
                        continue
                    # "the release date of W is June 6": the trigger may be a compound
                    compounds = (c for c in child.children if c.dep_ == "compound")
                    if self.is_trigger(child, index) or any(
                        self.is_trigger(c, index) for c in compounds
                    ):
                        return child
                # a conjunct with a subject of its own is another clause: "X will release
                # the series on Friday, the streamer announced on Thursday"
                own_subject = token.dep_ == "conj" and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in token.children
                )
                if (
                    token.dep_ in ("xcomp", "conj", "aux", "auxpass", "acl")
                    and token.head.i != token.i
                    and not own_subject
                ):
                    came_from, token = token, token.head
                    continue
                return None
            if token.head.i == token.i:
                return None
            came_from, token = token, token.head
        return None

    def _blocked(self, date: Span, words: list[str]) -> bool:
        """``set in 1975``, ``born in``, ``died in``: the words just before the date."""
        sent = date.sent
        for end in range(date.start, max(sent.start, date.start - 4), -1):
            if self.blockers.match_ending_at(words, end):
                return True
        return False

    def extract(self, sent: Span, index: MentionIndex, words: list[str]) -> list[dict]:
        """Release-date relations of one sentence."""
        out = []
        for date in index.mentions:
            if date.label_ != "DATE" or not sent.start <= date.start < sent.end:
                continue
            if self._blocked(date, words):
                continue
            work, confidence = year_modifier_work(date, index)
            if work is None:
                work, confidence = career_year_work(date, index, self.career_year_verbs)
            bracketed = date.start > 0 and sent.doc[date.start - 1].text == "("
            if work is None and bracketed:
                continue  # "Les Heures Creuses (1979)": the year of the name before it only
            if work is None:
                trigger = self.governing_trigger(date, index)
                if trigger is None or _unresolved_work_subject(trigger, index):
                    continue
                work, how = index.work_for(trigger, sent, _work_of_trigger(trigger, index))
                confidence = 0.6 if how == "topic" else 0.8
            if work is None:
                continue
            out.append(relation("release_date", work, date.kb_id_, sent, confidence, "release"))
        return out


def _names_a_work(token: Token, index: MentionIndex) -> bool:
    """A work's mention, or a work noun whose phrase names one (``The BBC drama X``)."""
    if index.at(token, WORK_TYPES):
        return True
    work_noun = token.lower_ in index.work_nouns
    return work_noun and bool(index.in_subtree(token, WORK_TYPES))


def _releases_something_else(
    trigger: Token, non_work_objects: frozenset[str], production_subjects: frozenset[str]
) -> bool:
    """The release verb's object or subject is not a work (a trailer, a shoot)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for current in (verb, verb.head):
        for child in current.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in non_work_objects:
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in production_subjects:
                return True
    return False


def _a_persons_own(trigger: Token) -> bool:
    """A release noun a person possesses (``his debut``, ``Hale's first outing``): the
    person's start, not a work's release."""
    if trigger.pos_ != "NOUN":
        return False
    return any(
        c.dep_ == "poss" and (c.lower_ in PERSONAL_POSSESSIVES or c.ent_type_ == "PERSON")
        for c in trigger.children
    )


PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "our"})


def _work_of_trigger(trigger: Token, index: MentionIndex) -> str | None:
    """The work that is subject or object of the release word (``Ballerina hits theatres``,
    ``the sequel is set for release``)."""
    verb = _verb_of_trigger(trigger)
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                keys = index.at(child, WORK_TYPES)
                if keys:
                    return keys[0]
        if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for obj in child.children:
                keys = index.in_subtree(obj, WORK_TYPES)
                if keys:
                    return keys[0]
    return None


def _set_for(date: Span, index: MentionIndex) -> bool:
    """``W is set for D``, ``the film is set for D``: the date right after ``set for``,
    with a work as the subject (not ``set for the June-July tour``)."""
    root = date.root
    if root.dep_ != "pobj" or root.head.lower_ != "for":
        return False
    verb = root.head.head
    if verb.lemma_.lower() != "set" or verb.pos_ != "VERB":
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (index.at(c, WORK_TYPES) or c.lower_ in index.work_nouns)
        for c in verb.children
    )


def _verb_of_trigger(trigger: Token) -> Token:
    """The clause verb of a release word: itself, the head of a noun, or the verb above
    ``for release``."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    if trigger.dep_ == "pobj" and trigger.head.head.pos_ in ("VERB", "AUX"):
        return trigger.head.head
    return trigger.head


def _unresolved_work_subject(trigger: Token, index: MentionIndex) -> bool:
    """``the sequel is set for release on …`` where no title stands for ``the sequel``: the
    date is that unnamed work's, not another work's named nearby."""
    verb = _verb_of_trigger(trigger)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(index.at(s, WORK_TYPES) or index.in_subtree(s, WORK_TYPES) for s in subjects):
        return False
    return any(
        s.lower_ in index.work_nouns and any(c.lower_ in ("the", "this") for c in s.children)
        for s in subjects
    )


def year_modifier_work(date: Span, index: MentionIndex) -> tuple[str | None, float]:
    """``a 1936 British film``, ``the 2019 film Parasite``, ``2022's Crown of Wolves``.

    A bare year modifying a work noun or a title is that work's release year.
    """
    if len(date.text) != 4 or not date.text.isdigit():
        return None, 0.0
    doc = date.doc
    root = date.root
    head = root.head
    possessive = date.end < len(doc) and doc[date.end].text in POSSESSIVE_S
    if root.dep_ == "poss" or possessive:
        after = date.end + 1 if possessive else date.end
        keys = index.at(doc[after], WORK_TYPES) if after < len(doc) else []
        return (keys[0], 0.8) if keys else (None, 0.0)
    if root.dep_ not in ("nummod", "compound", "amod", "npadvmod") or head.i == root.i:
        return None, 0.0
    if any(t.text == "," for t in doc[min(root.i, head.i) : max(root.i, head.i)]):
        return None, 0.0  # a modifier across a comma is the parser's guess, not a phrase
    keys = index.at(head, WORK_TYPES)
    if keys:
        return keys[0], 0.8
    # "a 1952 film biography": a work noun compounded onto the head makes it a work
    if head.lower_ not in index.work_nouns and not any(
        c.dep_ == "compound" and c.lower_ in index.work_nouns for c in head.children
    ):
        return None, 0.0
    if head.i + 1 < len(doc):
        keys = index.at(doc[head.i + 1], WORK_TYPES)
        if keys:
            return keys[0], 0.8
    if head.dep_ == "attr":
        copula = head.head
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject is None:
            # "It Follows is a 2014 film": the parser read the title as a clause; the
            # title just before the copula (and its "?") is the subject
            subject = next(
                (t for t in reversed(doc[copula.sent.start : copula.i]) if not t.is_punct),
                None,
            )
        keys = index.at(subject, WORK_TYPES) if subject is not None else []
        if keys:
            return keys[0], 0.8
    if head.dep_ == "appos":
        keys = index.at(head.head, WORK_TYPES)
        if keys:
            return keys[0], 0.8
    if possessed_by_its(head):
        return None, 0.0  # "W, and its 2019 sequel": the year is another work's
    # "Don't Look Now, Nicolas Roeg's 1973 chiller": the punctuation shows the apposition
    # the parser missed
    before = token_before_comma_phrase(head, head.sent.start)
    keys = index.at(before, WORK_TYPES) if before is not None else []
    if keys:
        return keys[0], 0.75
    return None, 0.0


def career_year_work(
    date: Span, index: MentionIndex, verbs: frozenset[str]
) -> tuple[str | None, float]:
    """``In 2007 she appeared in the horror film Epitaph``, ``he wrote and directed W in
    2006``: the year of a past credit is the year of its one film.

    Only a bare year in an ``in`` phrase of a past-tense credit verb, and only a FILM: a
    series runs for years, so the year someone joined it dates nothing.
    """
    root = date.root
    if not (len(date.text) == 4 and date.text.isdigit()) or root.dep_ != "pobj":
        return None, 0.0
    preposition = root.head
    verb = preposition.head
    if preposition.lower_ != "in" or not _past(verb):
        return None, 0.0
    credits = [verb, *verb.conjuncts]
    if not any(v.lemma_.lower() in verbs for v in credits):
        return None, 0.0
    works: list[str] = []
    for credit in credits:
        for child in credit.children:
            if child.i == preposition.i:
                continue
            if child.dep_ == "dobj":
                found = index.in_subtree(child, WORK_TYPES)
            elif child.dep_ == "prep" and child.lower_ == "in":
                found = [k for obj in child.children for k in _works_of_phrase(obj, index)]
            else:
                continue
            works.extend(k for k in found[:1] if k not in works)
    if len(works) != 1 or index.entity_type.get(works[0]) != "FILM":
        return None, 0.0
    return works[0], 0.6


def _works_of_phrase(noun: Token, index: MentionIndex) -> list[str]:
    """The works ``noun``'s phrase names, or the one set off right after it (``starred in
    Raman's debut, Salt on the Tongue,``, which the parser may hang elsewhere)."""
    found = index.in_subtree(noun, WORK_TYPES)
    doc = noun.doc
    after = noun.right_edge.i + 1
    if not found and after < len(doc) and doc[after].text == ",":
        found = index.title_after(doc[after])
    return found


def _past(verb: Token) -> bool:
    """A verb in the past, itself or through the verb it completes: ``wrote``, ``went on
    to direct and write``."""
    current = verb
    for _ in range(3):
        if current.tag_ == "VBD":
            return True
        # "Okonjo also starred in …" tagged VBN: a participle with a subject and no
        # auxiliary is a past tense misread
        deps = {c.dep_ for c in current.children}
        if current.tag_ == "VBN" and "nsubj" in deps and not deps & {"aux", "auxpass"}:
            return True
        infinitive = current.dep_ == "advcl" and is_to_infinitive(current)
        if current.dep_ not in ("conj", "xcomp") and not infinitive:
            return False
        current = current.head
    return False


def year_after_title(doc: Doc, index: MentionIndex) -> list[dict]:
    """``Casino Royale (2006)``: the year in brackets after a title."""
    out = []
    for span in index.mentions:
        if span.label_ != "DATE" or span.start < 2:
            continue
        before = doc[span.start - 1]
        if before.text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
            continue
        works = index.at(doc[span.start - 2], WORK_TYPES)
        if works and len(span.text) == 4:
            out.append(
                relation("release_date", works[0], span.kb_id_, span.sent, 0.85, "year_after_title")
            )
    return out


@Language.factory("release_date_extractor")
def make_release_date_extractor(nlp: Language, name: str) -> ReleaseDateExtractor:
    """Factory of :class:`ReleaseDateExtractor` (cues come from ``relation_cues.json``)."""
    return ReleaseDateExtractor(nlp, name)
