"""``reference_resolver``: what ``the film``, ``the series`` and ``she`` point to.

* A definite work noun phrase (``the film``, ``the spin-off film``, ``this
  movie``, ``the show``) that is not followed by a title resolves to the work in
  focus before it: the last work named as a subject, object or cued title, of
  the matching type (FILM for film nouns, SERIES for series nouns), else the
  most-mentioned work of that type. ``That film`` points back instead to the work
  (of either type) named last, in its sentence or the one before.
* A subject pronoun (``she``, ``he``, ``they``) of a sentence resolves to the
  subject of the previous sentence when that is a person, else to the last
  person named before it. A sentence's opening ``It`` resolves to the previous
  sentence's subject when that names one work.

Reads: ``doc.spans["mentions"]``, ``doc._.entities``, the parse.
Writes: ``doc._.references``: ``{str(token index): entity key}``; the token is the
head noun or the pronoun.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.discourse import (
    PART_NOUNS,
    WORK_TYPES,
    MentionIndex,
    child_with_dep,
    in_subordinate_clause,
    names_an_earlier_work,
    points_back,
    possessed_by_its,
    titles_naming,
)
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.names import name_gender
from extractor.pipeline.shapes import (
    OPENING_QUOTES,
    POSSESSIVE_MARKERS,
    SEQUEL_NUMBER,
    is_capitalised,
    title_key,
    token_before_comma_phrase,
    without_leading_the,
)

DETERMINERS = frozenset({"the", "this", "that"})
# Modifiers of a work noun that set it apart from a work just named.
OTHER_WORK_MODIFIERS = frozenset(
    {"new", "next", "latest", "upcoming", "forthcoming", "another", "other", "later"}
)
SUBJECT_PRONOUNS = frozenset({"she", "he", "they"})
# Words opening a relative clause whose subject pronoun is not bound by the host clause
# ("…, where she plays", "…, in which he stars"): these keep the sentence-level rules.
RELATIVE_WORDS = frozenset({"where", "which", "when", "whose"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
# Nouns for the next work of a franchise: "its sequel" is another work than "it".
SEQUEL_NOUNS = frozenset({"sequel", "follow-up"})
# How many sentences back a subject pronoun looks for a person subject.
SUBJECT_REACH_SENTENCES = 3
PRONOUN_GENDER = {"she": "f", "he": "m", "her": "f", "his": "m"}


class ReferenceResolver:
    """Resolve definite work phrases and subject pronouns; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "reference_resolver") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.references = {}
        index = MentionIndex(doc)
        references: dict[str, str] = {}
        predecessors: dict[str, str] | None = None  # read once, when first needed
        for token in doc:
            if index.by_token.get(token.i):
                continue
            key = None
            if apposed := _apposed_title(token, index):
                # "A Real Pain, the road movie written by …" is that film, whatever the topic
                key = apposed
            elif _names_the_original(token, index):
                # "the first film", "the 2022 original": the earlier work of the one in
                # focus, when the article names it; never the work in focus itself
                # "the original film" of a series is another work than the series
                topic = index.topic_work(token.i)
                kind = index.entity_type.get(topic or "")
                itself = token.lower_ != "original" and not (
                    kind == "SERIES" and token.lower_ in index.film_nouns
                )
                key = _original_of(topic, doc, itself)
                if key in (None, topic):
                    # "Man of Tomorrow, the follow-up to Superman": the work it follows
                    if predecessors is None:
                        predecessors = _predecessors(doc, index)
                    key = predecessors.get(topic or "", key)
            elif token.lower_ in SEQUEL_NOUNS and possessed_by_its(token):
                # "the 2016 original, Skylark, and its sequel": the one numbered sequel
                # of the work named just before, when the article names it
                key = _numbered_sequel_of(_demonstrated_work(token, index), index)
            elif _is_definite_work_phrase(token, index):
                wanted = (
                    frozenset({"SERIES"})
                    if token.lower_ in index.series_nouns
                    else frozenset({"FILM"})
                )
                if token.lower_ in ("project", "production"):
                    wanted = frozenset({"FILM", "SERIES"})
                # "… ends where Rogue One begins. That 2016 film, directed by …": "that"
                # points back to the work last named, whatever the article is about
                key = (
                    (_demonstrated_work(token, index) if points_back(token) else None)
                    or _named_earlier_in_sentence(token, index, wanted)
                    or index.topic_work(token.i, wanted)
                )
                if key and _source_named_before(token, key, index):
                    # "who directed 2022's W, the sequel is set …": the sequel is not W
                    key = None
            elif quoted := _quoted_title_after(token, index):
                # 'The drama "Conclave" won …': the noun stands for the title it introduces
                key = quoted
            elif token.lower_ in SUBJECT_PRONOUNS and token.dep_ in SUBJECT_DEPS:
                key = _person_antecedent(doc, token, index)
            elif token.lower_ == "it" and token.dep_ in SUBJECT_DEPS:
                key = _work_antecedent(token, index)
            elif token.lower_ in POSSESSIVE_PRONOUNS and token.dep_ == "poss":
                key = _possessor_antecedent(doc, token, index)
            if key:
                references[str(token.i)] = key
                # later phrases see earlier resolutions through the index
                index.references[token.i] = key
        doc._.references = references
        return doc


def _work_antecedent(pronoun, index: MentionIndex) -> str | None:
    """``His final film, "Last Orders", was directed by … It is due in cinemas next
    March``: a sentence's opening ``It`` is the work the sentence before has as its
    subject (through a work noun in apposition, or an earlier reference)."""
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0:
        return None
    previous = pronoun.doc[sent.start - 1].sent
    subject = child_with_dep(previous.root, "nsubj", "nsubjpass")
    if subject is None:
        return None
    keys = index.at(subject, WORK_TYPES) or index.in_subtree(subject, WORK_TYPES)
    return keys[0] if len(set(keys)) == 1 else None


def _names_the_original(token, index: MentionIndex) -> bool:
    """``the first film``, ``the original``, ``the 2022 original``, ``the original series``."""
    if token.pos_ not in ("NOUN", "ADJ") or token.tag_ == "NNS":
        return False
    determiners = [c for c in token.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ != "the":
        return False
    work_noun = token.lower_ in index.work_nouns
    return (token.lower_ == "original" or work_noun) and names_an_earlier_work(token)


def _original_of(work: str | None, doc: Doc, or_itself: bool) -> str | None:
    """The work whose title the given one extends (``M3GAN`` for ``M3GAN 2.0``, ``Crown
    of Wolves`` for ``Crown of Wolves: The Ninefold War``), the longest if several, else
    (``or_itself``) the work itself."""
    if work is None:
        return None
    # compared without a leading article: "Ashfall Line" is the original of "The Ashfall
    # Line: Vesper Station"
    names = {
        e["key"]: without_leading_the(title_key(e["name"]))
        for e in doc._.entities or []
        if e["type"] in WORK_TYPES
    }
    current = names.get(work)
    if not current:
        return None
    earlier = [
        (len(name), key)
        for key, name in names.items()
        if key != work and name and current.startswith(name + " ")
    ]
    if earlier:
        return max(earlier)[1]
    # "the original 1967 film" may be the work in focus itself; a bare "the original"
    # (of a spin-off named differently) is left unresolved
    return work if or_itself else None


def _predecessors(doc: Doc, index: MentionIndex) -> dict[str, str]:
    """Work key -> the work the article calls it the sequel of (``W2, the follow-up to
    W1``, ``W2 is the sequel to W1``): the last work named before ``sequel to`` in its
    sentence, and the first named in the few words after. Read from the surface, as the
    tokenizer splits ``follow-up`` and the parser then loses the phrase."""
    found: dict[str, str] = {}
    for token in doc:
        after = _after_sequel_noun(doc, token.i)
        if after is None or after >= len(doc) or doc[after].lower_ != "to":
            continue
        sent = token.sent
        before = [
            key
            for t in doc[max(sent.start, token.i - 12) : token.i]
            for key in index.at(t, WORK_TYPES)
        ]
        later = [
            key
            for t in doc[after + 1 : min(sent.end, after + 6)]
            for key in index.at(t, WORK_TYPES)
        ]
        if before and later and before[-1] != later[0]:
            found.setdefault(before[-1], later[0])
    return found


def _after_sequel_noun(doc: Doc, i: int) -> int | None:
    """The index after a sequel noun starting at ``i`` (``sequel``, ``follow-up`` as one
    token or three), else None."""
    if doc[i].lower_ in SEQUEL_NOUNS:
        return i + 1
    if doc[i].lower_ == "follow" and doc[i + 1 : i + 3].text.replace(" ", "") == "-up":
        return i + 3
    return None


def _is_definite_work_phrase(token, index: MentionIndex) -> bool:
    word = token.lower_
    if word not in index.work_nouns and word not in ("project", "production"):
        return False
    if token.pos_ != "NOUN" or token.tag_ == "NNS":
        return False
    determiners = [c for c in token.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in DETERMINERS:
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return False  # "the original, W, and its sequel": a possessor makes it another work
    if titles_naming(token, index):
        return False  # "the Hamlet film": the title before the noun names it
    # "the final season of The Crown" names its work: it is not a reference to the topic
    for prep in token.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "of"
            and any(index.at(c, WORK_TYPES) for c in prep.children if c.dep_ == "pobj")
        ):
            return False
    following = token.i + 1
    # "the film Ballerina", 'the drama "Saltwick"' name their title: the title finder has it
    if following < len(token.doc) and token.doc[following].text in OPENING_QUOTES:
        following += 1
    return not (following < len(token.doc) and is_capitalised(token.doc[following]))


def _numbered_sequel_of(original: str | None, index: MentionIndex) -> str | None:
    """The one work in the article whose title is ``original``'s with a sequel number
    after it (``Skylark II: Blackout`` for ``Skylark``)."""
    if original is None:
        return None
    prefix = original.partition("::")[2] + " "
    sequels = set()
    for span in index.mentions:
        name = span.kb_id_.partition("::")[2]
        number = name[len(prefix) :].split(" ")[0].upper()
        if span.label_ in WORK_TYPES and name.startswith(prefix) and SEQUEL_NUMBER.match(number):
            sequels.add(span.kb_id_)
    return sequels.pop() if len(sequels) == 1 else None


def _demonstrated_work(token, index: MentionIndex) -> str | None:
    """The work named last before ``token``, in its sentence or the one before (of
    either type: "that film" is sure of its antecedent where typing may not be)."""
    doc = token.doc
    sent = token.sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for span in reversed(index.mentions):
        if span.start >= token.i:
            continue
        if span.start < floor:
            break
        if span.label_ in WORK_TYPES and not index.is_modifier(span):
            return span.kb_id_
    return None


def _named_earlier_in_sentence(token, index: MentionIndex, wanted: frozenset[str]) -> str | None:
    """``Blumhouse has come aboard W, and Universal has dated the horror comedy for …``:
    the one work of the wanted type named before the phrase in its own sentence."""
    sent = token.sent
    # the main clause's subject speaks of the work in focus ("Created by Devlin, whose
    # drama W was a hit, the series follows …")
    if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT":
        return None
    # "won for W, and has been developing the new project": another work than W
    if any(c.lower_ in OTHER_WORK_MODIFIERS for c in token.children):
        return None
    keys = {
        span.kb_id_
        for span in index.mentions
        if sent.start <= span.start
        and span.end <= token.i
        and span.label_ in wanted
        # "reprises his Rogue One role …, a role he originated in the film": a title
        # modifying a part still names the work the part was played in
        and (not index.is_modifier(span) or _names_a_part(span))
        and not in_subordinate_clause(span.root)
    }
    return keys.pop() if len(keys) == 1 else None


def _source_named_before(token, key: str, index: MentionIndex) -> bool:
    """Whether ``token`` is a sequel noun and ``key`` is named earlier in its sentence, so
    that ``key`` is the work the sequel follows, not the sequel."""
    if token.lower_ not in SEQUEL_NOUNS:
        return False
    sent = token.sent
    return any(
        span.kb_id_ == key and sent.start <= span.start and span.end <= token.i
        for span in index.mentions
    )


def _names_a_part(span) -> bool:
    """Whether a title modifies a part noun (``his Rogue One role``)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in PART_NOUNS


def _apposed_title(token, index: MentionIndex) -> str | None:
    """The work a work-noun phrase stands in apposition to: the parser's ``appos`` on a
    title, or a phrase opening with a determiner right after ``Title,`` (the small model
    often hangs such a phrase on the verb)."""
    word = token.lower_
    if token.pos_ != "NOUN" or word not in index.work_nouns:
        return None
    if token.dep_ == "appos" and (span := index.span_of(token.head, WORK_TYPES)) is not None:
        return span.kb_id_
    before = token_before_comma_phrase(token)
    if before is None or token.left_edge.lower_ not in ("the", "a", "an"):
        return None
    if token.dep_ in SUBJECT_DEPS:
        return None  # "… directed Crown of Wolves, the sequel is set for …": a new clause
    span = index.span_of(before, WORK_TYPES)
    return span.kb_id_ if span is not None and span.end == before.i + 1 else None


def _quoted_title_after(token, index: MentionIndex) -> str | None:
    """The work named in quotes right after a work noun that is a clause's subject
    (``The drama "Conclave" won …``): extractors read a verb's subject token, and the
    title only hangs off it. Elsewhere the noun is left to the phrase rules."""
    word = token.lower_
    if word not in index.work_nouns:
        return None
    if token.dep_ not in SUBJECT_DEPS:
        return None
    following = token.i + 1
    if following >= len(token.doc) or token.doc[following].text not in OPENING_QUOTES:
        return None
    keys = index.title_after(token)
    return keys[0] if keys else None


def _person_antecedent(doc: Doc, pronoun, index: MentionIndex) -> str | None:
    """The person a subject pronoun stands for, agreeing in gender where names tell.

    A pronoun inside a clause of a longer sentence (``…, in which she plays X``) first
    looks within its sentence: the main subject, else the nearest person named before it
    who is not a possessor (``Daniel Okoro's drama``). Otherwise the subject of the
    previous sentence, else the last person named. At each step a name of the
    pronoun's gender beats one whose gender is unknown.
    """
    fit = _gender_fit(doc, pronoun, index)
    sent = pronoun.sent
    person = frozenset({"PERSON"})
    if (key := _host_clause_subject(pronoun, index, fit)) is not None:
        return key
    if pronoun.head.dep_ != "ROOT" and pronoun.i > sent.start:
        subjects = [
            key
            for token in doc[sent.start : pronoun.i]
            if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT"
            for key in index.at(token, person)
        ]
        earlier = [
            span.kb_id_
            for span in reversed(index.mentions)
            if sent.start <= span.start
            and span.end <= pronoun.i
            and span.label_ == "PERSON"
            and not _possessor(doc, span.end)
        ]
        key = _best(subjects, fit) or _best(earlier, fit)
        if key:
            return key
    # the subject of the nearest earlier sentence that has a fitting person subject
    # ("The Bafta winner's film work was long. She was …" skips the sentence about work)
    previous_start = sent.start
    for _ in range(SUBJECT_REACH_SENTENCES):
        if previous_start == 0:
            break
        previous = doc[previous_start - 1].sent
        previous_start = previous.start
        subjects = [
            key
            for token in previous
            if token.dep_ in SUBJECT_DEPS
            for key in index.at(token, person)
        ]
        key = _best(subjects, fit)
        if key:
            return key
    return _last_person_before(pronoun, index, fit)


def _host_clause_subject(pronoun, index: MentionIndex, fit) -> str | None:
    """``B voices K-2SO, a role he originated``, ``A met B, whom he married``: the
    subject of a relative clause stands for the subject of the clause it hangs in."""
    relative = pronoun.head
    opening = pronoun.doc[relative.left_edge.i : pronoun.i]
    if relative.dep_ != "relcl" or any(t.lower_ in RELATIVE_WORDS for t in opening):
        return None
    subject = child_with_dep(_verb_above(relative.head, 4), "nsubj", "nsubjpass")
    if subject is None or subject.i > pronoun.i:
        return None
    return _best(index.at(subject, frozenset({"PERSON"})), fit)


def _verb_above(token, moves: int):
    """The first verb (or the root) at or above ``token``, at most ``moves`` heads up."""
    current = token
    for _ in range(moves):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            break
        current = current.head
    return current


def _best(keys: list[str], fit) -> str | None:
    """The first key of the pronoun's gender, else the first of unknown gender."""
    scored = [(fit(key), position, key) for position, key in enumerate(keys) if fit(key)]
    return min(scored, key=lambda item: (-item[0], item[1]))[2] if scored else None


def _gender_fit(doc: Doc, pronoun, index: MentionIndex, lenient: bool = False):
    """How well an entity key fits ``pronoun``: 2 same gender, 1 unknown, 0 other
    (``lenient``: 1 for a given name only mostly of the other gender)."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    names = {e["key"]: e["name"] for e in doc._.entities or []}
    described = index.described_genders

    def fit(key: str) -> int:
        if gender is None:
            return 1
        # a describing noun ("X is an actress") outranks a given name read off a list
        stated = described.get(key) or name_gender(names.get(key, ""))
        if stated == gender:
            return 2
        if stated is None:
            return 1
        # leniently, a name the list only mostly gives the other gender ("Jamie") does
        # not rule the pronoun out
        certain = key in described or name_gender(names.get(key, ""), certain_only=True)
        return 1 if lenient and not certain else 0

    return fit


def _possessor(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in POSSESSIVE_MARKERS


def _possessor_antecedent(doc: Doc, pronoun, index: MentionIndex) -> str | None:
    """``Ko Joo-yeon … for her roles``: the person subject of the clause, else as subjects.

    The clause is the one whose verb governs the pronoun (``A won …, and B received
    … for her performance`` gives B); without a person subject there, the first
    person subject of the sentence before the pronoun.
    """
    fit = _gender_fit(doc, pronoun, index)
    subject = child_with_dep(_verb_above(pronoun.head, len(doc)), "nsubj", "nsubjpass")
    if subject is not None and subject.i < pronoun.i:
        # the subject of the pronoun's own clause ("Foxx triumphed for his performance")
        # is ruled out only by a name that is certainly of the other gender
        lenient = _gender_fit(doc, pronoun, index, lenient=True)
        keys = [k for k in index.at(subject, frozenset({"PERSON"})) if lenient(k)]
        if keys:
            return keys[0]
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if token.dep_ in SUBJECT_DEPS:
            # "the daughter of Suresh Raman, who died …, and her second feature": a subject
            # of the other gender is no antecedent
            key = _best(index.at(token, frozenset({"PERSON"})), fit)
            if key:
                return key
    return _person_antecedent(doc, pronoun, index)


def _last_person_before(pronoun, index: MentionIndex, fit) -> str | None:
    persons = [
        span.kb_id_
        for span in reversed(index.mentions)
        if span.start < pronoun.i and span.label_ == "PERSON"
    ]
    return _best(persons, fit)


@Language.factory("reference_resolver")
def make_reference_resolver(nlp: Language, name: str) -> ReferenceResolver:
    """Factory of :class:`ReferenceResolver`."""
    return ReferenceResolver(nlp, name)
