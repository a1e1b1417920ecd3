"""``alias_linker``: group the mentions of one article into entities.

* People: a surname or short form (``Reddick``, ``de Armas``, ``De Armas``) joins
  the nearest full name it ends; surname occurrences the model missed are added.
* Characters: a first or last name (``Winston``) joins the full name.
* Films and series: forms that differ in punctuation or spacing share a key
  (``John Wick: Chapter 4`` = ``John Wick Chapter 4``), and a subtitle cited alone
  (``Parabellum``) joins its full title.
* Organisations, places, awards: the same normalised name. Dates: the same value.

The entity's name is its fullest form; the other forms are its aliases.

Reads: ``doc.spans["mentions"]``, ``doc._.date_values``.
Writes: ``kb_id_`` of every mention (the entity key), missing surname mentions, and
``doc._.entities``: ``[{"key", "type", "name", "aliases", "confidence", "value"?}]``
in order of first mention.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.pipeline.components.entity_typer import subtitle_keys
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import load_resource
from extractor.pipeline.names import NAME_PARTICLES, is_given_name
from extractor.pipeline.shapes import normalise_name, title_key

# How sure a cue family makes us of a mention's type, on 0..1.
FAMILY_CONFIDENCE = {
    "character_cue": 0.9,
    "person_role_context": 0.95,
    "title_strong": 0.85,
    "award": 0.8,
    "person_ner": 0.85,
    "org_gazetteer": 0.8,
    "title_propagated": 0.75,
    "character_propagated": 0.7,
    "title_weak": 0.6,
    "person_shape": 0.6,
    "date": 0.9,
    "other_ner": 0.6,
    "surname": 0.8,
}
WORK_TYPES = ("FILM", "SERIES")
# Cue families that say a name is a person's on more than its shape.
NAMED_PERSON_CUES = frozenset({"person_ner", "person_role_context"})


def _words(span: Span) -> list[str]:
    return normalise_name(span.text).split()


def short_forms(full_words: list[str]) -> list[list[str]]:
    """Tails of a full name that may stand for it: ``[de, armas]`` and ``[armas]``."""
    forms = []
    for i in range(1, len(full_words)):
        tail = full_words[i:]
        if tail[0] in NAME_PARTICLES and len(tail) == 1:
            continue
        forms.append(tail)
    return forms


class AliasLinker:
    """Assign entity keys to mentions; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "alias_linker") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans.get("mentions", []))
        mentions += _missing_surnames(doc, mentions)
        keyed = link_mentions(doc, mentions)
        doc.spans["mentions"] = sorted(keyed, key=lambda s: (s.start, s.end, s.label_))
        doc._.entities = build_entities(doc, doc.spans["mentions"])
        return doc


def _missing_surnames(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Surname-only references to a named person that no mention covers yet, and lone
    given names the model typed as companies."""
    covered = {i for span in mentions for i in range(span.start, span.end)}
    weak = {(s.start, s.end): s for s in mentions if s.label_ in ("LOC", "ORG")}
    forms: set[tuple[str, ...]] = set()
    full_names_by_given: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    attested_people: set[tuple[str, ...]] = set()
    for span in mentions:
        words = _words(span)
        if span.label_ == "PERSON" and len(words) >= 2:
            forms.update(
                tuple(f) for f in short_forms(words) if f[0] not in NAME_PARTICLES or len(f) > 1
            )
            if is_given_name(span[0].text):
                full_names_by_given[words[0]].add(tuple(words))
                if span.id_ in NAMED_PERSON_CUES:
                    attested_people.add(tuple(words))
    # "Léa's father", read as an organisation: a lone given name the model typed as a
    # company (not a place: "London" opens "London Rules" too) is the one person of that
    # given name the article names in full
    # only for a full name the model or a role noun calls a person: a company read as a
    # name ("Cairn Energy") must not draw the company's own short form ("Cairn") in
    given_names = {
        (given,)
        for given, names in full_names_by_given.items()
        if len(names) == 1 and names <= attested_people
    } - forms
    read_as_company = {
        place for place, span in weak.items() if span.label_ == "ORG" and not span.text.isupper()
    }
    added = []
    keys = [normalise_name(t.text) for t in doc]
    for form in sorted(forms | given_names, key=lambda f: (-len(f), f)):
        n = len(form)
        for i in range(len(doc) - n + 1):
            if tuple(keys[i : i + n]) != form:
                continue
            if form in given_names and (i, i + n) not in read_as_company:
                continue
            if not (doc[i].text[:1].isupper() or (n > 1 and doc[i].lower_ in NAME_PARTICLES)):
                continue
            if (i, i + n) in weak:
                covered.difference_update(range(i, i + n))
            if any(j in covered for j in range(i, i + n)):
                continue
            added.append(Span(doc, i, i + n, label="PERSON", span_id="surname"))
            covered.update(range(i, i + n))
    if added:
        taken = {(s.start, s.end) for s in added}
        mentions[:] = [s for s in mentions if (s.start, s.end) not in taken]
    return added


def link_mentions(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Return the mentions with ``kb_id_`` set to their entity key."""
    date_values = {(start, end): value for start, end, value in doc._.date_values or []}
    headline = doc._.title or ""
    keys: dict[int, str] = {}
    by_type: dict[str, list[Span]] = defaultdict(list)
    for index, span in enumerate(mentions):
        by_type[span.label_].append(span)
        if span.label_ == "DATE":
            value = date_values.get((span.start_char, span.end_char))
            keys[index] = f"DATE::{value}"
    index_of = {id(span): i for i, span in enumerate(mentions)}

    cued_parts = {(s.start, s.end) for s in doc.spans.get("characters", [])}
    for label in ("PERSON", "CHARACTER"):
        spans = by_type.get(label, [])
        full = [s for s in spans if len(_words(s)) >= 2]
        for span in spans:
            words = _words(span)
            target = words
            longer = [f for f in full if len(_words(f)) > len(words)]
            if longer:
                owners = [
                    f
                    for f in longer
                    if words in short_forms(_words(f))
                    or (label == "CHARACTER" and len(words) == 1 and _words(f)[0] == words[0])
                ]
                if not owners and label == "PERSON" and len(words) == 1:
                    # "the mother of Kiefer": a given name alone stands for the one person
                    # of that given name the article names in full
                    owners = [f for f in longer if _words(f)[0] == words[0]]
                    if len({tuple(_words(f)) for f in owners}) != 1:
                        owners = []
                if label == "CHARACTER" and (span.start, span.end) in cued_parts:
                    # "Diego Luna is back as Andor" … "Fiona Shaw, whose Maarva Andor": a
                    # part a cue names is not a later full name's short form (each cue
                    # has its own actor; a family shares the surname)
                    owners = [f for f in owners if f.start < span.start]
                if owners:
                    target = _words(_owner(owners, span, headline))
            keys[index_of[id(span)]] = f"{label}::{' '.join(target)}"

    for label in WORK_TYPES:
        spans = by_type.get(label, [])
        subtitle_owner: dict[str, str] = {}
        for span in spans:
            for sub in subtitle_keys(span):
                subtitle_owner.setdefault(sub, title_key(span.text))
        for span in spans:
            key = title_key(span.text)
            keys[index_of[id(span)]] = f"{label}::{subtitle_owner.get(key, key)}"

    for index, span in enumerate(mentions):
        if index not in keys:
            keys[index] = f"{span.label_}::{normalise_name(span.text)}"
    return [
        Span(doc, s.start, s.end, label=s.label_, kb_id=keys[i], span_id=s.id_)
        for i, s in enumerate(mentions)
        if not keys[i].endswith("::") and keys[i] != "DATE::None"
    ]


def _owner(owners: list[Span], span: Span, headline: str) -> Span:
    """The full name a short form stands for when several end with it.

    News style keeps the bare surname for the article's subject and calls relatives by
    their given names (``Priya Raman`` … ``her brother, Arjun Raman`` … ``Raman says``):
    the name in the headline wins, else the nearest one before the short form.
    """
    if len({tuple(_words(f)) for f in owners}) == 1:
        return owners[0]
    headlined = [f for f in owners if _surface(f) in headline]
    if len({tuple(_words(f)) for f in headlined}) == 1:
        return headlined[0]
    preceding = [f for f in owners if f.start < span.start] or owners
    return max(preceding, key=lambda f: f.start)


def _surface(span: Span) -> str:
    """The mention's text without a trailing possessive (``Reeves'``, ``Wick’s``)."""
    text = span.text
    for suffix in ("'s", "’s", "‘s", "'", "’", "‘"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)].rstrip()
    return text.rstrip("-–— ")


def build_entities(doc: Doc, mentions) -> list[dict]:
    """One record per entity key, in order of first mention."""
    grouped: dict[str, list[Span]] = {}
    for span in mentions:
        grouped.setdefault(span.kb_id_, []).append(span)
    date_values = {(start, end): value for start, end, value in doc._.date_values or []}
    entities = []
    for key, spans in sorted(grouped.items(), key=lambda item: (item[1][0].start_char, item[0])):
        forms: dict[str, int] = {}
        for span in spans:
            forms[_surface(span)] = forms.get(_surface(span), 0) + 1
        name = max(
            forms, key=lambda f: (len(normalise_name(f).split()), forms[f], -list(forms).index(f))
        )
        aliases = {f for f in forms if f != name}
        if spans[0].label_ == "CHARACTER":
            aliases |= set(_without_honorifics(name)) - {name}
        record = {
            "key": key,
            "type": spans[0].label_,
            "name": name,
            "aliases": sorted(aliases),
            "confidence": round(max(FAMILY_CONFIDENCE.get(s.id_, 0.5) for s in spans), 3),
        }
        if record["type"] == "DATE":
            record["value"] = date_values[(spans[0].start_char, spans[0].end_char)]
        entities.append(record)
    return entities


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(load_resource("entity_cues")["honorifics"])


def _without_honorifics(name: str) -> list[str]:
    """``Senator Mon Mothma`` is also ``Mon Mothma``: the name with its leading titles
    and ranks dropped, when a name of two words or more is left."""
    words = name.split()
    start = 0
    while start < len(words) and words[start] in _honorifics():
        start += 1
    return [" ".join(words[start:])] if start > 0 and len(words) - start >= 2 else []


@Language.factory("alias_linker")
def make_alias_linker(nlp: Language, name: str) -> AliasLinker:
    """Factory of :class:`AliasLinker`."""
    return AliasLinker(nlp, name)
