"""``entity_typer``: one typed mention list from the model's NER and the cue finders.

Types are those of the article-annotations format: PERSON, FILM, SERIES,
CHARACTER, ORG, LOC, DATE, AWARD. Candidates come with a priority; overlapping
candidates are resolved greedily, highest priority (then longest) first:

* character cues (``character_finder``) beat everything, since ``X as Y`` is
  the strongest statement of what Y is;
* title cues (``work_title_finder``), then names in a role context
  (``directed by X``), then the model's PERSON, then repaired names (an ORG or
  place that is shaped like ``Given-name Surname``), then the rest of the
  model's entities;
* a title or character name found once is propagated to all its other
  occurrences. A name found both as a character and as a title (``John Wick``)
  keeps both readings on its uncued occurrences; later components pick the one
  a relation needs.

Reads: ``doc.ents``, ``doc.spans["work_titles"]``, ``doc.spans["characters"]``.
Writes: ``doc.spans["mentions"]`` (label = type, ``kb_id_`` empty until
``alias_linker``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import WordSequences, load_resource, lowered
from extractor.pipeline.names import looks_like_person_name
from extractor.pipeline.shapes import (
    APOSTROPHES,
    CALENDAR_WORDS,
    OPENING_QUOTES,
    POSSESSIVE_S,
    SEQUEL_NUMBER,
    YEAR,
    is_capitalised,
    is_joined_hyphen,
    is_sequel_number,
    title_key,
)

MENTION_GROUP = "mentions"
# Labels the model gives names it does not know as people.
MISREAD_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
LEADING_ROLE_WORDS = frozenset(
    {
        "director",
        "producer",
        "showrunner",
        "actor",
        "actress",
        "star",
        "writer",
        "creator",
        "composer",
        "filmmaker",
        "screenwriter",
        "host",
        "co-star",
        "newcomer",
        "veteran",
        # "Starring Sofia Marchetti, the film …": a credit word the model takes into the name
        "starring",
        "featuring",
    }
)
# Verbs whose subject plays the part named right after them.
PLAYING_LEMMAS = frozenset({"play", "portray", "voice"})
STRONG_TITLE_CUES = frozenset(
    {
        "work_noun_before",
        "work_noun_after",
        "franchise_noun_after",
        "sequel_marker",
        "sequel_base",
        "numbered_sequel",
        "opener",
        "year_after",
        "role_noun_after",
        "possessive_role",
        "subject_of_role_participle",
        "defined_as_work",
        "listed_after_work_noun",
        "apposed_possessive",
        "possessed_by_person",
        "headline",
        "quoted",
        "emphasis",
        "renewed_for_season",
        "numeric_title",
    }
)
NER_TO_TYPE = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "DATE": "DATE",
}
DEFAULT_PRIORITIES = {
    "character_cue": 90,
    "person_role_context": 88,
    "title_strong": 80,
    "award": 85,
    "person_ner": 70,
    "org_gazetteer": 66,
    "title_propagated": 73,
    "character_propagated": 72,
    "title_weak": 60,
    "person_shape": 55,
    "date": 50,
    "other_ner": 40,
}


@dataclass(frozen=True)
class TypingCues:
    """Cue lists of ``entity_cues.json`` and ``work_cues.json`` used for typing."""

    org_words: frozenset[str]
    org_names: WordSequences
    award_heads: WordSequences
    person_context: WordSequences
    company_context: frozenset[tuple[str, ...]]
    company_nouns_before: frozenset[str]
    non_name_words: frozenset[str]
    series_context: frozenset[str]
    film_nouns: frozenset[str]
    genre_nouns: frozenset[str]
    series_nouns: frozenset[str]
    series_outlets: frozenset[str]
    demonyms: frozenset[str]
    place_name_heads: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> TypingCues:
        """Read the cues from the package data."""
        entity = load_resource("entity_cues")
        work = load_resource("work_cues")
        return cls(
            org_words=lowered(entity["org_words"]),
            org_names=WordSequences.from_phrases(entity["org_names"]),
            award_heads=WordSequences.from_phrases(entity["award_heads"]),
            person_context=WordSequences.from_phrases(entity["person_context_before"]),
            company_context=frozenset(
                tuple(phrase.lower().split()) for phrase in entity["company_context_before"]
            ),
            company_nouns_before=lowered(entity["company_nouns_before"]),
            non_name_words=frozenset(entity["non_name_words"]),
            series_context=lowered(work["series_context_words"]),
            film_nouns=lowered(work["film_nouns"]),
            genre_nouns=lowered(work["genre_nouns"]),
            series_nouns=lowered(work["series_nouns"]),
            series_outlets=lowered(work["series_outlets"]),
            demonyms=frozenset(entity["demonyms"]),
            place_name_heads=frozenset(entity["place_name_heads"]),
        )


@dataclass(frozen=True)
class Candidate:
    """A typed stretch of tokens proposed as a mention."""

    start: int
    end: int
    label: str
    priority: int
    cue: str


class EntityTyper:
    """Resolve candidates into ``doc.spans["mentions"]``; see the module docstring.

    Args:
        nlp: the pipeline.
        name: component name.
        priorities: overrides of ``DEFAULT_PRIORITIES`` (cue family -> priority).
    """

    def __init__(
        self, nlp: Language, name: str = "entity_typer", priorities: dict[str, int] | None = None
    ) -> None:
        register_extensions()
        self.name = name
        self.cues = TypingCues.load()
        self.priorities = {**DEFAULT_PRIORITIES, **(priorities or {})}
        # mentions carry their cue family (span id) so later stages can weigh them
        self.family_of_priority = {value: key for key, value in self.priorities.items()}
        if len(self.family_of_priority) != len(self.priorities):
            raise ValueError(f"entity_typer priorities must be distinct: {self.priorities}")

    def __call__(self, doc: Doc) -> Doc:
        candidates = collect_candidates(doc, self.cues, self.priorities)
        spans = []
        for cand in resolve_overlaps(candidates):
            start = cand.start
            if doc[start].lower_ == "the" and doc[start].text == "the" and cand.end - start > 1:
                start += 1
            family = self.family_of_priority[cand.priority]
            spans.append(Span(doc, start, cand.end, label=cand.label, span_id=family))
            if cand.label in ("FILM", "SERIES"):
                spans.extend(_names_inside_title(doc, cand))
        doc.spans[MENTION_GROUP] = sorted(spans, key=lambda s: (s.start, s.end, s.label_))
        return doc


def _words(doc: Doc) -> list[str]:
    return [token.lower_ for token in doc]


def _is_org_like(span: Span, cues: TypingCues) -> bool:
    """A company word in the name (``Albion Pictures``) or just before it, in lower case
    (``whose company Atomic Monster``)."""
    if any(token.lower_ in cues.org_words for token in span):
        return True
    if _joined_to_company(span, cues):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.is_lower and before.lower_ in cues.company_nouns_before


def _joined_to_company(span: Span, cues: TypingCues) -> bool:
    """``produced by FilmNation Entertainment and Indian Paintbrush``: a name no given name
    opens, coordinated with a company, is a company too."""
    if looks_like_person_name([t.text for t in span]):
        return False
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    return any(
        t.lower_ in cues.org_words and t.text[:1].isupper()
        for partner in partners
        if partner.pos_ == "PROPN"
        for t in (partner, *(c for c in partner.children if c.dep_ == "compound"))
    )


def _work_type_votes(doc: Doc, titles: list[Span], cues: TypingCues) -> dict[str, str]:
    """FILM or SERIES for every title key: the cue's own label, else the context words."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: {"FILM": 0, "SERIES": 0})
    for span in titles:
        key = title_key(span.text)
        tally = votes[key]
        if span.label_ in ("FILM", "SERIES"):
            tally[span.label_] += 3
        if any(token.lower_ in cues.series_nouns for token in span):
            tally["SERIES"] += 5
        for token in span.sent:
            if token.lower_ in cues.series_context:
                tally["SERIES"] += 1
            elif token.lower_ in cues.film_nouns and token.lower_ not in cues.genre_nouns:
                tally["FILM"] += 1
        if _outlet_before(span, cues) or _outlet_apposed(span, cues):
            tally["SERIES"] += 3
        # "X premieres in May. The six-part series follows …": the next sentence names
        # the work again by its kind
        following = _next_sentence_work_noun(span, cues)
        if following:
            tally[following] += 2
    # "The Batman" and "The Batman Part II": a numbered sequel is the same kind of work
    # as its original, so the two share their evidence
    pooled = {key: dict(tally) for key, tally in votes.items()}
    for key in votes:
        base = sequel_base_key(key)
        if base in votes:
            for label in ("FILM", "SERIES"):
                pooled[key][label] += votes[base][label]
                pooled[base][label] += votes[key][label]
    return {key: ("SERIES" if v["SERIES"] > v["FILM"] else "FILM") for key, v in pooled.items()}


# The end of a numbered sequel's title key: "2", "2.0", "ii", "part ii", "chapter 4".
SEQUEL_KEY_SUFFIX = re.compile(
    r"\s+(?:(?:part|chapter|volume|vol|book)\s+)?(?:[2-9](?:\.0)?|ii|iii|iv|v|vi|two|three|four)$"
)


def sequel_base_key(key: str) -> str | None:
    """The key of the original a numbered sequel's key names (``the batman part ii`` gives
    ``the batman``), or None when the key has no sequel number."""
    base = SEQUEL_KEY_SUFFIX.sub("", key)
    return base if base != key and base else None


def _outlet_apposed(span: Span, cues: TypingCues) -> bool:
    """``"The Lamplighters", Sky Atlantic's crime drama``: a channel's possessive in the
    phrase set off by a comma right after the title."""
    doc = span.doc
    i = span.end
    while i < span.sent.end and doc[i].text in ('"', "'", "”", "’", "*"):
        i += 1
    if i >= span.sent.end or doc[i].text != ",":
        return False
    for index in range(i + 1, min(span.sent.end, i + 5)):
        if doc[index].text in POSSESSIVE_S:
            return any(t.lower_ in cues.series_outlets for t in doc[i + 1 : index])
    return False


def _next_sentence_work_noun(span: Span, cues: TypingCues) -> str | None:
    """SERIES or FILM when the sentence after the title's opens with ``The [six-part]
    series`` or ``The film``: the same work named by its kind."""
    doc = span.doc
    start = span.sent.end
    if start >= len(doc) or doc[start].lower_ not in ("the", "this"):
        return None
    for token in doc[start + 1 : min(len(doc), start + 6)]:
        if token.lower_ in cues.series_nouns:
            return "SERIES"
        if token.lower_ in cues.film_nouns and token.lower_ not in cues.genre_nouns:
            return "FILM"
        if token.pos_ in ("VERB", "AUX") or token.is_punct and token.text != "-":
            return None
    return None


def _outlet_before(span: Span, cues: TypingCues) -> bool:
    """A television channel's name just before the title, across its possessive and a few
    lower-case or capitalised modifiers: ``the BBC drama X``, ``FX's feudal Japan epic X``."""
    doc = span.doc
    for index in range(span.start - 1, max(span.sent.start, span.start - 6) - 1, -1):
        token = doc[index]
        if token.lower_ in cues.series_outlets:
            return True
        if token.is_punct and token.text not in ("'s", "’s", "-", *OPENING_QUOTES):
            return False
    return False


def collect_candidates(doc: Doc, cues: TypingCues, priorities: dict[str, int]) -> list[Candidate]:
    """Every typed candidate with its priority, before overlap resolution."""
    out: list[Candidate] = []
    words = _words(doc)
    characters = list(doc.spans.get("characters", []))
    titles = [
        span
        for span in doc.spans.get("work_titles", [])
        if not looks_like_person_name([t.text for t in span]) or span.kb_id_ in STRONG_TITLE_CUES
    ]
    character_keys = {title_key(span.text) for span in characters}
    work_types = _work_type_votes(doc, titles, cues)

    for span in characters:
        out.append(Candidate(span.start, span.end, "CHARACTER", priorities["character_cue"], "cue"))
    for span in titles:
        strong = span.kb_id_ in STRONG_TITLE_CUES
        key = title_key(span.text)
        family = "title_strong" if strong else "title_weak"
        out.append(
            Candidate(span.start, span.end, work_types[key], priorities[family], span.kb_id_)
        )

    # names in a role context: "directed by X", "starring X", "director X"
    for ent in map(_trim_entity, doc.ents):
        if ent is None or ent.text in cues.demonyms:
            continue  # "the Welsh writer": the model's PERSON is a nationality
        shape_words = [t.text for t in ent]
        phrase = cues.person_context.match_ending_at(words, ent.start)
        person_shaped = looks_like_person_name(shape_words)
        if ent.label_ == "PERSON" and _is_org_like(ent, cues):
            # "Kingfisher Pictures": a company word outweighs a given-name-shaped start
            out.append(Candidate(ent.start, ent.end, "ORG", priorities["other_ner"], "ORG"))
        elif ent.label_ == "PERSON" and not any(t.like_num for t in ent):
            family = "person_role_context" if phrase else "person_ner"
            out.append(Candidate(ent.start, ent.end, "PERSON", priorities[family], ent.label_))
        elif person_shaped and not _is_org_like(ent, cues):
            family = "person_role_context" if phrase else "person_shape"
            out.append(Candidate(ent.start, ent.end, "PERSON", priorities[family], ent.label_))
        elif phrase and _misread_person(ent, phrase, cues):
            out.append(
                Candidate(
                    ent.start, ent.end, "PERSON", priorities["person_role_context"], ent.label_
                )
            )
        elif ent.label_ in NER_TO_TYPE:
            family = "date" if ent.label_ == "DATE" else "other_ner"
            out.append(
                Candidate(
                    ent.start, ent.end, NER_TO_TYPE[ent.label_], priorities[family], ent.label_
                )
            )
    out.extend(_name_shaped_spans(doc, priorities))
    out.extend(_players(doc, characters, priorities))
    out.extend(_coordinated_relatives(doc, priorities))
    out.extend(_bracketed_years(doc, priorities))
    out.extend(_gazetteer(doc, words, cues.org_names, "ORG", priorities["org_gazetteer"]))
    out.extend(_awards(doc, words, cues, priorities["award"]))
    out.extend(_named_regions(doc, cues, priorities["other_ner"]))
    token_keys = _token_keys(doc)
    out.extend(_propagate(doc, titles, work_types, priorities["title_propagated"], token_keys))
    out.extend(_propagate_characters(doc, characters, character_keys, priorities, token_keys))
    return out


def _misread_person(ent: Span, phrase: tuple[str, ...], cues: TypingCues) -> bool:
    """``co-directed by Keshavrao Dhaiber``: a name the model calls an organisation or a
    place, after a phrase only a person follows, shaped like a name with no company word.
    """
    return (
        ent.label_ in MISREAD_PERSON_LABELS
        and phrase not in cues.company_context
        and 2 <= len([t for t in ent if t.is_alpha]) <= 4
        # "Hugh Keays-Byrne": a hyphen joins the parts of a double surname
        and all(
            (t.is_alpha and t.text[:1].isupper() and not t.is_upper)
            or (t.text == "-" and 0 < t.i - ent.start < len(ent) - 1)
            for t in ent
        )
        and not _is_org_like(ent, cues)
    )


def _trim_entity(ent: Span) -> Span | None:
    """The model's span without a leading article or a glued participle.

    ``The Zoë Adebayo-Kraus-directed`` becomes ``Zoë Adebayo-Kraus``.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    if ent.label_ == "PERSON":
        # "The X-directed", "Showrunner Dana Whitcombe": an article or a role word is no name
        while start < end and (
            doc[start].lower_ in ("the", "a", "an") or doc[start].lower_ in LEADING_ROLE_WORDS
        ):
            start += 1
    elif (
        doc[start].lower_ in LEADING_ROLE_WORDS
        and end - start > 2
        and looks_like_person_name([t.text for t in doc[start + 1 : end]])
    ):
        # "Composer Anders Holm" read as one organisation: the title is no part of it
        start += 1
    if end - start > 2 and doc[end - 1].tag_ == "VBN" and doc[end - 2].text in ("-", "–"):
        end -= 2
    # "Todd Field's": the model may take the possessive marker into the name, and
    # "Edward Berger's Conclave" the thing the person owns too
    if ent.label_ == "PERSON":
        for k in range(start + 2, end - 1):
            if doc[k].text in POSSESSIVE_S:
                end = k
                break
    # "Keanu Reeves‘ performance": a plural or misspelt possessive is no part of it either
    if end - start > 1 and doc[end - 1].text in APOSTROPHES:
        end -= 1
    # "Newcomer Anaya| Krishnan plays": the model stopped before the name's head, which
    # its own last word modifies
    while (
        ent.label_ == "PERSON"
        and end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].pos_ == "PROPN"
        and not doc[end].ent_type_
    ):
        end += 1
    if end <= start:
        return None
    return Span(doc, start, end, label=ent.label_)


def _names_inside_title(doc: Doc, title: Candidate) -> list[Span]:
    """A host named in a show's title: ``The Tonight Show Starring Jimmy Fallon``."""
    out = []
    for i in range(title.start, title.end - 2):
        if doc[i].lower_ in ("starring", "with"):
            end = min(title.end, i + 4)
            while end > i + 2 and not looks_like_person_name([t.text for t in doc[i + 1 : end]]):
                end -= 1
            if looks_like_person_name([t.text for t in doc[i + 1 : end]]):
                out.append(Span(doc, i + 1, end, label="PERSON", span_id="person_shape"))
    return out


def _bracketed_years(doc: Doc, priorities: dict[str, int]) -> list[Candidate]:
    """``Certified Copy (2010)``: a year in brackets after a name is a date."""
    out = []
    for i in range(1, len(doc) - 1):
        if (
            doc[i - 1].text == "("
            and YEAR.match(doc[i].text)
            and doc[i + 1].text in (")", "–", "-")
        ):
            out.append(Candidate(i, i + 1, "DATE", priorities["date"], "bracketed_year"))
    return out


def _players(doc: Doc, characters: list[Span], priorities: dict[str, int]) -> list[Candidate]:
    """``Rhenzy Feliz plays Victor Aguilar``: the two or three capitalised words right
    before a playing verb whose object the character finder named are a person, whatever
    the model made of them (``Rhenzy`` is in no list of given names)."""
    part_starts = {span.start for span in characters}
    out = []
    for verb in doc:
        if verb.lemma_.lower() not in PLAYING_LEMMAS or verb.pos_ != "VERB":
            continue
        if verb.i + 1 not in part_starts:
            continue
        start = verb.i
        while start > verb.sent.start and verb.i - start < 3 and _plain_name_word(doc[start - 1]):
            start -= 1
        if start > verb.sent.start and is_capitalised(doc[start - 1]):
            continue  # a longer capitalised run than a name
        while start < verb.i and doc[start].lower_ in LEADING_ROLE_WORDS:
            start += 1  # "Newcomer Anaya Krishnan plays"
        if verb.i - start >= 2:
            out.append(
                Candidate(start, verb.i, "PERSON", priorities["person_role_context"], "player")
            )
    return out


def _plain_name_word(token: Token) -> bool:
    return (
        token.is_alpha and token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper
    )


def _name_shaped_spans(doc: Doc, priorities: dict[str, int]) -> list[Candidate]:
    """``Given-name Surname`` stretches the model did not tag as a whole.

    A one-word entity of another type may lie inside the stretch (``Hugo`` alone tagged
    EVENT); a longer one is the model's reading of the whole name (``Albion Pictures``).
    """
    out = []
    # "Helen, Lewis Stone as Menelaus" read as one ORG: an entity across a comma or an
    # "as" is a misreading, and the names inside it are free
    broken = {
        t.i for ent in doc.ents if any(t.text == "," or t.lower_ == "as" for t in ent) for t in ent
    }

    def inside_entity(token) -> bool:
        return token.ent_iob_ == "I" and token.i not in broken

    i = 0
    while i < len(doc):
        if doc[i].ent_type_ == "PERSON" or inside_entity(doc[i]) or not is_capitalised(doc[i]):
            i += 1
            continue
        # "the Ruska Roma" (``Ruska`` tagged GPE): after an article, a stretch the model
        # partly typed is a group or a place, not a person
        after_article = i > 0 and doc[i - 1].lower_ in ("the", "a", "an")
        for length in (4, 3, 2):
            end = i + length
            if (
                end <= len(doc)
                and not any(t.ent_type_ == "PERSON" or inside_entity(t) for t in doc[i:end])
                and not (after_article and any(t.ent_type_ for t in doc[i:end]))
                and not (end < len(doc) and inside_entity(doc[end]))
                and looks_like_person_name([t.text for t in doc[i:end]])
            ):
                out.append(Candidate(i, end, "PERSON", priorities["person_shape"], "shape"))
                i = end - 1
                break
        i += 1
    return out


def _coordinated_relatives(doc: Doc, priorities: dict[str, int]) -> list[Candidate]:
    """``Rossif Sutherland and Angus Sutherland``: two ``Given Surname`` names joined by
    ``and`` or a comma with the same surname are both people when the model tags one."""
    out = []
    for i in range(len(doc) - 4):
        first, second = doc[i : i + 2], doc[i + 3 : i + 5]
        if doc[i + 2].lower_ not in ("and", ",") or first[1].text != second[1].text:
            continue
        pairs = (first, second)
        if not all(t.is_alpha and t.text[:1].isupper() for pair in pairs for t in pair):
            continue
        tagged = [all(t.ent_type_ == "PERSON" for t in pair) for pair in pairs]
        for pair, is_person in zip(pairs, tagged, strict=True):
            if any(tagged) and not is_person:
                out.append(
                    Candidate(
                        pair.start, pair.end, "PERSON", priorities["person_shape"], "relative"
                    )
                )
    return out


def _gazetteer(doc: Doc, words: list[str], names: WordSequences, label: str, priority: int):
    out = []
    for i in range(len(doc)):
        if not is_capitalised(doc[i]):
            continue
        seq = names.match_starting_at(words, i)
        if seq:
            end = i + len(seq)
            if doc[i:end].text[:1].isupper():
                start, end = _within_named_company(doc, i, end, label, words, names)
                out.append(Candidate(start, end, label, priority, "gazetteer"))
    return out


def _within_named_company(
    doc: Doc, start: int, end: int, label: str, words: list[str], names: WordSequences
) -> tuple[int, int]:
    """``Universal Pictures``, ``Amazon MGM Studios``: a known company name inside a longer
    capitalised name the model tags as an organisation stands for that whole name. A
    sentence's capitalised first word joins it only when it is a known name itself
    (``Amazon``, not the noun of ``Distributor Sony Pictures said``)."""
    for ent in doc.ents:
        inside = ent.label_ == label and ent.start <= start and end <= ent.end
        if not inside or ent.end - ent.start <= end - start:
            continue
        if not all(is_capitalised(t) for t in ent):
            continue
        first = doc[ent.start]
        if (
            first.is_sent_start
            and ent.start < start
            and not names.match_starting_at(words, first.i)
        ):
            return start, ent.end
        return ent.start, ent.end
    return start, end


# How many capitalised words may come before a region's head word ("the Scottish Highlands").
MAX_REGION_QUALIFIERS = 3


def _named_regions(doc: Doc, cues: TypingCues, priority: int) -> list[Candidate]:
    """``the Scottish Highlands``, ``the Julian Alps``: ``the``, capitalised words, and a
    region word; the model often tags only the first word, as a nationality."""
    out = []
    for i, token in enumerate(doc):
        if token.text not in cues.place_name_heads or i < 2:
            continue
        start = i
        while (
            start > 0
            and i - start < MAX_REGION_QUALIFIERS
            and is_capitalised(doc[start - 1])
            and doc[start - 1].is_alpha
            and doc[start - 1].text not in ("The", *cues.non_name_words)
        ):
            start -= 1
        if start < i and start > 0 and doc[start - 1].lower_ == "the":
            out.append(Candidate(start, i + 1, "LOC", priority, "region"))
    return out


def _awards(doc: Doc, words: list[str], cues: TypingCues, priority: int) -> list[Candidate]:
    """``Academy Award for Best Actress``, ``Golden Globe``, ``Bafta``, ``Oscar``."""
    out = []
    for i in range(len(doc)):
        seq = cues.award_heads.match_starting_at(words, i)
        if not seq or not is_capitalised(doc[i]):
            continue
        start = i
        # pull in capitalised qualifiers before the head: "Independent Spirit Award"
        while (
            start > 0
            and is_capitalised(doc[start - 1])
            and doc[start - 1].text not in (cues.non_name_words)
            and not doc[start - 1].is_punct
        ):
            start -= 1
        end = i + len(seq)
        # "BAFTA Rising Star Award": a named award after the body that gives it
        named = end
        while named < len(doc) and named - end < 3 and is_capitalised(doc[named]):
            named += 1
        if named > end and doc[named - 1].lower_ in ("award", "prize"):
            end = named
        if end < len(doc) and doc[end].lower_ == "award":
            end += 1
        # "for Best Actress", "for Outstanding Drama Series", "for best drama series"
        if (
            end + 1 < len(doc)
            and doc[end].lower_ == "for"
            and doc[end + 1].lower_ in ("best", "outstanding")
        ):
            lower_case = doc[end + 1].is_lower
            end += 2
            while end < len(doc) and _continues_category(doc, end, lower_case):
                end += 1
        out.append(Candidate(start, end, "AWARD", priority, "award"))
    return out


def _continues_category(doc: Doc, index: int, lower_case: bool) -> bool:
    """Whether token ``index`` is still part of an award category: capitalised words and
    the small words between them (``Best Actor in a Leading Role``), or, for a category
    written in lower case (``for best drama series``), its nouns and adjectives; never a
    year or a month."""
    token = doc[index]
    # "best foreign-language film": a hyphen joining two words of the category
    if is_joined_hyphen(doc, index) and index + 1 < len(doc):
        return _continues_category(doc, index + 1, lower_case)
    if token.is_punct or token.like_num or token.text in CALENDAR_WORDS:
        return False
    if lower_case:
        return token.is_lower and token.pos_ in ("NOUN", "ADJ", "PROPN")
    return is_capitalised(token) or (
        token.lower_ in ("in", "a", "of", "by", "an")
        and index + 1 < len(doc)
        and is_capitalised(doc[index + 1])
        and not doc[index + 1].like_num
    )


def _token_keys(doc: Doc) -> list[str]:
    return [title_key(token.text) for token in doc]


def _find_sequences(doc: Doc, token_keys: list[str], key_words: list[str]) -> list[tuple[int, int]]:
    """Occurrences of a title whose key is ``key_words``, ignoring punctuation tokens."""
    hits = []
    n = len(doc)
    for i in range(n):
        if token_keys[i] != key_words[0] or not is_capitalised(doc[i]):
            continue
        j, k = i, 0
        while j < n and k < len(key_words):
            key = token_keys[j]
            if not key:
                j += 1
                continue
            parts = key.split()
            if parts != key_words[k : k + len(parts)]:
                break
            k += len(parts)
            j += 1
        if k == len(key_words):
            hits.append((i, j))
    return hits


def _propagate(
    doc: Doc, titles: list[Span], work_types: dict[str, str], priority: int, token_keys: list[str]
):
    out = []
    seen = set()
    for span in titles:
        key = title_key(span.text)
        if key in seen or not key or key.isdigit():
            continue  # a number ("the series 24") is a title only where its cue says so
        seen.add(key)
        forms = [key.split()] + [sub.split() for sub in subtitle_keys(span)]
        for words in forms:
            for start, end in _find_sequences(doc, token_keys, words):
                if SEQUEL_NUMBER.match(doc[end - 1].text) and not is_sequel_number(doc, end - 1):
                    continue  # "Ashfall Line 2 million fans": the number counts the fans
                out.append(Candidate(start, end, work_types[key], priority, "propagated"))
    return out


SEQUEL_MARKERS = frozenset({"chapter", "part", "volume", "vol", "episode", "book"})


def subtitle_keys(span: Span) -> list[str]:
    """Keys of the subtitle a title may be cited by alone.

    ``John Wick: Chapter 3 Parabellum`` gives ``parabellum``: the words after the
    colon, less a leading ``Chapter 3``. Subtitles of one common word are skipped.
    """
    words = title_key(span.text).split()
    cut = None
    for i, token in enumerate(span):
        if token.text in (":", "–", "—"):
            cut = len(title_key(span[:i].text).split())
            break
    if cut is None:
        return []
    rest = words[cut:]
    if len(rest) >= 2 and rest[0] in SEQUEL_MARKERS:
        rest = rest[2:]
    if not rest or (len(rest) == 1 and len(rest[0]) < 4):
        return []
    return [" ".join(rest)]


def _propagate_characters(
    doc: Doc, characters: list[Span], keys: set[str], priorities, token_keys: list[str]
):
    out = []
    for key in sorted(keys):
        if not key:
            continue
        for start, end in _find_sequences(doc, token_keys, key.split()):
            out.append(
                Candidate(start, end, "CHARACTER", priorities["character_propagated"], "propagated")
            )
    return out


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy selection: highest priority, then longest, then leftmost wins.

    A propagated title and a propagated character on exactly the same tokens are
    both kept (the ``John Wick`` case); any other overlap drops the loser.
    """
    ordered = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start, c.label))
    taken: list[Candidate] = []
    occupied: dict[int, list[Candidate]] = defaultdict(list)
    for cand in ordered:
        clash = {id(other): other for i in range(cand.start, cand.end) for other in occupied[i]}
        if clash:
            same_span = all(
                o.start == cand.start
                and o.end == cand.end
                and o.label != cand.label
                and {o.label, cand.label} <= {"FILM", "SERIES", "CHARACTER"}
                and {o.label, cand.label} != {"FILM", "SERIES"}
                and cand.cue == "propagated"
                for o in clash.values()
            )
            if not same_span or any(o.label == cand.label for o in clash.values()):
                continue
        taken.append(cand)
        for i in range(cand.start, cand.end):
            occupied[i].append(cand)
    return sorted(taken, key=lambda c: (c.start, c.end, c.label))


@Language.factory("entity_typer", default_config={"priorities": None})
def make_entity_typer(nlp: Language, name: str, priorities: dict[str, int] | None) -> EntityTyper:
    """Factory of :class:`EntityTyper`.

    Args:
        nlp: the pipeline.
        name: component name.
        priorities: optional overrides of ``DEFAULT_PRIORITIES``.
    """
    return EntityTyper(nlp, name, priorities)
