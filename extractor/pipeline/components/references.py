"""``reference_resolver``: what ``the film``, ``the series`` and ``she`` point to.

* A definite work noun phrase (``the film``, ``the spin-off film``, ``this
  movie``, ``the show``) that is not followed by a title resolves to the work in
  focus before it: the last work named as a subject, object or cued title, of
  the matching type (FILM for film nouns, SERIES for series nouns), else the
  most-mentioned work of that type.
* A subject pronoun (``she``, ``he``, ``they``) of a sentence resolves to the
  subject of the previous sentence when that is a person, else to the last
  person named before it.

Reads: ``doc.spans["mentions"]``, ``doc._.entities``, the parse.
Writes: ``doc._.references``: ``{str(token index): entity key}``; the token is the
head noun or the pronoun.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.discourse import WORK_TYPES, MentionIndex
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.shapes import is_capitalised

DETERMINERS = frozenset({"the", "this", "that"})
SUBJECT_PRONOUNS = frozenset({"she", "he", "they"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})


class ReferenceResolver:
    """Resolve definite work phrases and subject pronouns; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "reference_resolver") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.references = {}
        index = MentionIndex(doc)
        references: dict[str, str] = {}
        for token in doc:
            if index.by_token.get(token.i):
                continue
            key = None
            if _is_definite_work_phrase(token, index):
                wanted = (
                    frozenset({"SERIES"})
                    if token.lower_ in index.series_nouns
                    else frozenset({"FILM"})
                )
                if token.lower_ in ("project", "production"):
                    wanted = frozenset({"FILM", "SERIES"})
                key = index.topic_work(token.i, wanted)
            elif token.lower_ in SUBJECT_PRONOUNS and token.dep_ in SUBJECT_DEPS:
                key = _person_antecedent(doc, token, index)
            elif token.lower_ in POSSESSIVE_PRONOUNS and token.dep_ == "poss":
                key = _possessor_antecedent(doc, token, index)
            if key:
                references[str(token.i)] = key
                # later phrases see earlier resolutions through the index
                index.references[token.i] = key
        doc._.references = references
        return doc


def _is_definite_work_phrase(token, index: MentionIndex) -> bool:
    word = token.lower_
    if (
        word not in index.film_nouns
        and word not in index.series_nouns
        and word
        not in (
            "project",
            "production",
        )
    ):
        return False
    if token.pos_ != "NOUN" or token.tag_ == "NNS":
        return False
    determiners = [c for c in token.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in DETERMINERS:
        return False
    # "the final season of The Crown" names its work: it is not a reference to the topic
    for prep in token.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "of"
            and any(index.at(c, WORK_TYPES) for c in prep.children if c.dep_ == "pobj")
        ):
            return False
    following = token.i + 1
    # "the film Ballerina" names its title: the title finder has it
    return not (following < len(token.doc) and is_capitalised(token.doc[following]))


def _person_antecedent(doc: Doc, pronoun, index: MentionIndex) -> str | None:
    sent = pronoun.sent
    if sent.start == 0:
        return _last_person_before(pronoun, index)
    previous = doc[sent.start - 1].sent
    for token in previous:
        if token.dep_ in SUBJECT_DEPS:
            keys = index.at(token, frozenset({"PERSON"}))
            if keys:
                return keys[0]
    return _last_person_before(pronoun, index)


def _possessor_antecedent(doc: Doc, pronoun, index: MentionIndex) -> str | None:
    """``Ko Joo-yeon … for her roles``: the person subject of the clause, else as subjects."""
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if token.dep_ in SUBJECT_DEPS:
            keys = index.at(token, frozenset({"PERSON"}))
            if keys:
                return keys[0]
    return _person_antecedent(doc, pronoun, index)


def _last_person_before(pronoun, index: MentionIndex) -> str | None:
    last = None
    for span in index.mentions:
        if span.start >= pronoun.i:
            break
        if span.label_ == "PERSON":
            last = span.kb_id_
    return last


@Language.factory("reference_resolver")
def make_reference_resolver(nlp: Language, name: str) -> ReferenceResolver:
    """Factory of :class:`ReferenceResolver`."""
    return ReferenceResolver(nlp, name)
