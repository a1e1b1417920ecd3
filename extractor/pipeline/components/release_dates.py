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
from spacy.tokens import Doc, Span

from extractor.pipeline.components.roles import relation
from extractor.pipeline.discourse import WORK_TYPES, MentionIndex
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import WordSequences, load_resource, lowered


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

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc)
        relations = list(doc._.relations or [])
        words = [t.lower_ for t in doc]
        for sent in doc.sents:
            relations.extend(self.extract(sent, index, words))
        relations.extend(year_after_title(doc, index))
        doc._.relations = relations
        return doc

    def _trigger(self, sent: Span):
        for token in sent:
            if token.lower_ in self.context or (
                token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in self.verbs | self.nouns
            ):
                return token
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
        dates = [
            s for s in index.mentions if s.label_ == "DATE" and sent.start <= s.start < sent.end
        ]
        if not dates:
            return []
        trigger = self._trigger(sent)
        if trigger is None:
            return []
        out = []
        for date in dates:
            if self._blocked(date, words):
                continue
            works = index.sentence_works(sent, trigger)
            if works:
                work, confidence = works[0], 0.8
            else:
                work, confidence = index.topic_work(sent.start), 0.6
            if work is None:
                continue
            out.append(relation("release_date", work, date.kb_id_, sent, confidence, "release"))
        return out


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
