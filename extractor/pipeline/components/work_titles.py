"""``work_title_finder``: find titles of films and series from cue phrases.

spaCy's small model rarely tags titles (WORK_OF_ART F1 0.39) and often calls them
places or people, so titles are found from the way news writing introduces them:
a work noun before (``the spin-off film Ballerina``, ``a TV series named The
Continental``), a franchise or role noun after (``the John Wick franchise``,
``Goldeneye director Martin Campbell``), an opener (``starring in X``,
``performance in X``), a closer (``X, directed by``, ``X (2004)``, ``X premieres``),
a possessive (``X's director``), quotes, HTML italics and the model's own
WORK_OF_ART entities.

Reads: ``doc.ents``, ``doc._.emphasis``, the parse.
Writes: ``doc.spans["work_titles"]``: one span per cue hit, label ``FILM`` or
``SERIES`` (``WORK`` when the cue does not tell), ``kb_id_`` = the cue's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.pipeline.components.characters import PartListCues, listed_parts
from extractor.pipeline.discourse import child_with_dep
from extractor.pipeline.extensions import register_extensions
from extractor.pipeline.lexicon import WordSequences, load_resource, lowered
from extractor.pipeline.names import is_given_name, looks_like_person_name
from extractor.pipeline.shapes import (
    APOSTROPHES,
    CALENDAR_WORDS,
    CLOSING_QUOTES,
    DASHES,
    OPENING_QUOTES,
    POSSESSIVE_S,
    SEQUEL_NUMBER,
    YEAR,
    hyphenated_word,
    is_capitalised,
    is_joined_hyphen,
    is_sequel_number,
    scan_title_backward,
    scan_title_forward,
    strip_possessive,
    token_before_comma_phrase,
)

SPAN_GROUP = "work_titles"
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its"})
ARTICLES = frozenset({"the", "a", "an"})
# Cues too weak to make a known person's surname a title.
SURNAME_SENSITIVE_CUES = frozenset(
    {
        "closer",
        "opener",
        "possessive_role",
        "defined_as_work",
        "role_noun_after",
        "ner_work_of_art",
    }
)
# Last words that make a capitalised run a company, not a title.
COMPANY_SUFFIXES = frozenset(
    {
        "television",
        "pictures",
        "studios",
        "productions",
        "entertainment",
        "media",
        "network",
        "networks",
        "films",
        "releasing",
        "distribution",
        "animation",
        "inc",
        "ltd",
        "llc",
    }
)
NON_TITLE_ENTITY_TYPES = frozenset({"NORP", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT"})
VENUE_PREPOSITIONS = frozenset({"in", "at", "for", "on", "from", "with", "by"})
VENUE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG", "DATE"})
# Relative pronouns that stand for a verb's object ("which Jugnot co-produced").
RELATIVE_OBJECTS = frozenset({"which", "that", "whom"})
INTRODUCERS = frozenset({"named", "called", "titled", "entitled", "dubbed", ","})
# Function words that never end a title, capitalised or not (unlike "Van", "De", "La").
ENGLISH_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
PASSIVE_ROLE_VERBS = frozenset({"direct", "write", "produce", "create", "helm", "pen", "score"})
TITLE_NER_LABELS = frozenset({"WORK_OF_ART"})


@dataclass(frozen=True)
class TitleCues:
    """The cue lists of ``work_cues.json`` in the shapes the finder uses."""

    film_nouns: frozenset[str]
    genre_nouns: frozenset[str]
    series_nouns: frozenset[str]
    franchise_nouns: frozenset[str]
    openers: frozenset[tuple[str, ...]]
    closers: WordSequences
    possessive_role_nouns: frozenset[str]
    premodified_role_nouns: frozenset[str]
    function_words: frozenset[str]
    max_tokens: int
    strong_franchise_nouns: frozenset[str]
    sequel_markers: frozenset[str]
    not_title_words: frozenset[str]
    number_words: frozenset[str]
    award_category_openers: frozenset[str]
    org_names: frozenset[str]
    org_words: frozenset[str]
    possessed_title_context: frozenset[str]
    headline_series_words: frozenset[str]
    headline_suffixes: tuple[str, ...]
    episodic_modifiers: frozenset[str] = frozenset()
    episode_nouns: frozenset[str] = frozenset()
    part_nouns_after_title: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    foreign_articles: frozenset[str] = frozenset()
    apposition_work_nouns: frozenset[str] = frozenset()
    playing_words: frozenset[str] = frozenset()
    part_nouns_before_character: frozenset[str] = frozenset()
    season_order_verbs: frozenset[str] = frozenset()
    title_opening_pronouns: frozenset[str] = frozenset()
    part_lists: PartListCues | None = None
    acting_award_words: frozenset[str] = frozenset()
    title_object_verbs: frozenset[str] = frozenset()
    part_or_title_object_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> TitleCues:
        """Read the cues from the package data."""
        data = load_resource("work_cues")
        entity_cues = load_resource("entity_cues")
        return cls(
            award_category_openers=frozenset(data["award_category_openers"]),
            org_names=frozenset(entity_cues["org_names"]),
            org_words=lowered(entity_cues["org_words"]),
            film_nouns=lowered(data["film_nouns"]),
            genre_nouns=lowered(data["genre_nouns"]),
            series_nouns=lowered(data["series_nouns"]),
            franchise_nouns=lowered(data["franchise_nouns"]),
            openers=frozenset(
                tuple(word.lower() for word in pair) for pair in data["title_openers"]
            ),
            closers=WordSequences.from_phrases(data["title_closers"]),
            possessive_role_nouns=lowered(data["possessive_role_nouns"]),
            premodified_role_nouns=lowered(data["premodified_role_nouns"]),
            function_words=lowered(data["function_words"]),
            max_tokens=int(data["max_title_tokens"]),
            strong_franchise_nouns=lowered(data["strong_franchise_nouns"]),
            sequel_markers=frozenset(data["sequel_markers"]),
            not_title_words=frozenset(data["not_title_words"]),
            number_words=frozenset(data["number_words"]),
            possessed_title_context=lowered(data["possessed_title_context"]),
            part_nouns_after_title=lowered(data["part_nouns_after_title"]),
            demonyms=frozenset(entity_cues["demonyms"]),
            headline_series_words=lowered(data["headline_cues"]["series_words"]),
            headline_suffixes=tuple(data["headline_cues"]["suffix_words"]),
            episodic_modifiers=lowered(data["episodic_modifiers"]),
            episode_nouns=lowered(data["episode_nouns"]),
            foreign_articles=lowered(data["foreign_articles"]),
            apposition_work_nouns=lowered(data["apposition_work_nouns"]),
            playing_words=lowered(data["playing_words"]),
            part_nouns_before_character=lowered(data["part_nouns_before_character"]),
            season_order_verbs=lowered(data["season_order_verbs"]),
            title_opening_pronouns=frozenset(data["title_opening_pronouns"]),
            part_lists=PartListCues.load(),
            title_object_verbs=lowered(data["title_object_verbs"]),
            part_or_title_object_verbs=lowered(data["part_or_title_object_verbs"]),
            acting_award_words=lowered(
                load_resource("relation_cues")["awards"]["acting_award_words"]
            ),
        )

    def work_type_at(self, noun: Token) -> str | None:
        """The work type of ``noun`` in its phrase: ``a six-part prequel`` is a series, and
        the tokenizer's ``spin - off`` is the noun ``spin-off``."""
        doc = noun.doc
        word = noun.lower_
        if noun.i >= 2 and is_joined_hyphen(doc, noun.i - 1):
            word = f"{doc[noun.i - 2].lower_}-{word}"
        label = self.work_type_of_noun(word)
        if label in ("FILM", "WORK"):
            for i in range(max(noun.i - 3, 2), noun.i):
                if doc[i].lower_ in self.episodic_modifiers and doc[i - 1].text == "-":
                    return "SERIES"
        return label

    def work_type_of_noun(self, word: str) -> str | None:
        """FILM or SERIES for a work noun, WORK for a genre noun, None for other words."""
        if word in self.series_nouns:
            return "SERIES"
        if word in self.genre_nouns:
            return "WORK"  # "a drama", "an epic": the context decides
        if word in self.film_nouns:
            return "FILM"
        return None


class WorkTitleFinder:
    """Collect title candidates; see the module docstring for the cues."""

    def __init__(self, nlp: Language, name: str = "work_title_finder") -> None:
        register_extensions()
        self.name = name
        self.cues = TitleCues.load()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_GROUP] = find_title_candidates(doc, self.cues)
        return doc


def _person_like(doc: Doc, start: int, end: int) -> bool:
    """Whether the stretch reads as a personal name rather than a title.

    A name is two to four capitalised words starting with a known given name, or a
    stretch the model tagged PERSON that has no digit and no sequel marker.
    """
    words = [token.text for token in doc[start:end]]
    if looks_like_person_name(words):
        return True
    # "Christopher Walken and Anthony Anderson": a list of names
    parts, current = [], []
    for word in words:
        if word in (",", "and", "&"):
            parts.append(current)
            current = []
        else:
            current.append(word)
    parts.append(current)
    if len(parts) > 1 and all(looks_like_person_name(part) for part in parts if part):
        return True
    if any(token.like_num or token.text[:1].isdigit() for token in doc[start:end]):
        return False
    return any(
        ent.label_ == "PERSON" and ent.start == start and ent.end == end and end - start >= 2
        for ent in doc.ents
        if ent.start < end and ent.end > start
    )


def _capitalised_verb(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.pos_ in ("VERB", "AUX")


def _pronoun_in_title(doc: Doc, i: int, cues: TitleCues) -> bool:
    """Whether the pronoun at ``i`` is a title word: ``They Shoot Horses, Don't They?``,
    ``It Follows``. Prose writes the verb beside a pronoun in lower case, so a capitalised
    verb after it (or ``n't`` or a capitalised verb before it) marks a title."""
    if doc[i].text not in cues.title_opening_pronouns:
        return False
    opens = i + 1 < len(doc) and _capitalised_verb(doc[i + 1])
    closes = i > 0 and (doc[i - 1].lower_ in ("n't", "’t") or _capitalised_verb(doc[i - 1]))
    return opens or closes


# After these nouns a number counts them ("series 24" is a show's 24th run in British
# usage), unless another work noun before them makes the pair a genre ("the thriller
# series 24").
COUNTED_WORK_NOUNS = frozenset({"series", "season", "episode", "part", "chapter", "volume"})
# What may follow a number that is a whole title: it ends the phrase.
AFTER_NUMERIC_TITLE = frozenset({"as", "and", "with", ",", ".", ";", ")"})


def _numeric_title_after(doc: Doc, noun: int, limit: int, cues: TitleCues) -> bool:
    """``the thriller series 24 as Jack Bauer``, ``the war film 1917,``: a number
    right after a definite work noun, ending the phrase, is the work's title."""
    number = noun + 1
    if number + 1 >= limit or not doc[number].text.isdigit():
        return False
    if doc[number + 1].lower_ not in AFTER_NUMERIC_TITLE:
        return False
    work_words = cues.film_nouns | cues.series_nouns
    if doc[noun].lower_ in COUNTED_WORK_NOUNS and doc[noun - 1].lower_ not in work_words:
        return False
    determiner = next(
        (t for t in doc[max(0, noun - 3) : noun] if t.lower_ in ARTICLES | {"his", "her"}), None
    )
    return determiner is not None and determiner.lower_ == "the"


def _owned_by_person(doc: Doc, possessive: int) -> bool:
    """Whether the name before the possessive marker at ``possessive`` is a person's
    the model found: not after an article (``The Ferryman's Daughter``), which no
    personal name takes."""
    first = possessive - 1
    if doc[first].ent_type_ != "PERSON":
        return False
    while doc[first].ent_iob_ == "I":
        first -= 1
    return first == 0 or doc[first - 1].lower_ not in ARTICLES


# Cues whose span the typography delimits: quotes and italics.
DELIMITED_CUES = frozenset({"quoted", "emphasis"})


def _trim(
    doc: Doc, start: int, end: int, cues: TitleCues, delimited: bool = False
) -> tuple[int, int]:
    """Drop what cannot start or end a title: sentence openers, function words, work nouns,
    and a person's possessive before it (``Robert Altman's Gosford Park``).

    ``delimited``: quotes or italics mark where the title starts, so a capitalised
    opener followed by a capitalised word stays (*Everything That Rises at Noon*).
    """
    for index in range(start + 1, end - 1):
        if doc[index].text in APOSTROPHES and _owned_by_person(doc, index):
            start = index + 1
    end = strip_possessive(doc, start, end)
    while start < end and (
        (
            doc[start].text in cues.not_title_words
            and not _pronoun_in_title(doc, start, cues)
            and not (delimited and start + 1 < end and is_capitalised(doc[start + 1]))
        )
        or (doc[start].lower_ in cues.function_words and not doc[start].text[:1].isupper())
    ):
        start += 1
    # "Channel 4's Crossfire Estates" once "Channel" is dropped: the channel's number and
    # possessive are no part of the title
    if end - start > 2 and doc[start].like_num and doc[start + 1].text in POSSESSIVE_S:
        start += 2
    work_words = cues.franchise_nouns | cues.film_nouns | cues.series_nouns
    while end > start:
        last = doc[end - 1]
        # "Paper Moonrise is a 2012 film": a year after a lower-case word modifies the noun,
        # as does a nationality ("a 1952 American film")
        if end - 2 > start and YEAR.match(last.text) and doc[end - 2].text[:1].islower():
            end -= 1
            continue
        if end - 1 > start and last.ent_type_ in ("NORP", "LANGUAGE"):
            end -= 1
            continue
        if end - 3 >= start and is_joined_hyphen(doc, end - 2):
            compound = doc[end - 3 : end].text.lower()
            if compound in work_words:
                end -= 3
                continue
        # a lower-case work noun never ends a title; a capitalised one only when it is
        # generic ("John Wick Movie"), not a title word like "Saga" or "Chronicles"
        own_noun = last.lower_ in work_words and last.text[:1].isupper()
        # "The Morning Show", "The Lego Movie": after "The" the noun is the title's own
        if own_noun and end - start >= 3 and doc[start].text == "The":
            break
        generic_end = last.lower_ in work_words and (
            last.text[:1].islower() or last.text in cues.not_title_words
        )
        # a capitalised particle ends a name ("The Lady in the Van"), an English one does not
        dangling = last.lower_ in cues.function_words and (
            last.text[:1].islower() or last.lower_ in ENGLISH_FUNCTION_WORDS
        )
        closing_pronoun = _pronoun_in_title(doc, end - 1, cues)
        if dangling or generic_end or (last.text in cues.not_title_words and not closing_pronoun):
            end -= 1
            continue
        break
    if end - start >= 2 and doc[end - 1].text in DASHES:
        end -= 1
    for index in range(start, end - 1):
        token = doc[index]
        # "series Vesper Station from Clara Wexley": a maker's name after "from"/"by" ends it
        if (
            token.lower_ in ("from", "by")
            and index > start
            and all(t.ent_type_ == "PERSON" for t in doc[index + 1 : end])
        ):
            return _trim(doc, start, index, cues)
        # "Chapter 4- Ballerina": a hyphen closing up on the left only separates headline parts
        if token.text.endswith("-") and token.whitespace_ and index > start:
            return _trim(doc, start, index + (len(token.text) > 1), cues)
        # "X: Chapter 3 and John Wick Chapter 4": two titles joined by "and"
        if token.lower_ == "and" and doc[index + 1].text == doc[start].text and index > start:
            return _trim(doc, start, index, cues)
    return start, end


def find_title_candidates(doc: Doc, cues: TitleCues) -> list[Span]:
    """All cue hits in ``doc``, as labelled spans (see the module docstring)."""
    found: dict[tuple[int, int, str], str] = {}
    # surnames of people the model found ("Priya Raman" -> "Raman"): a weak cue on a bare
    # surname ("Raman shot the film") names the person, not a title
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2}

    def add(start: int, end: int, label: str, cue: str) -> None:
        start, end = _trim(doc, start, end, cues, delimited=cue in DELIMITED_CUES)
        if end <= start or not is_capitalised(doc[start]) or doc[start].is_punct:
            return
        if all(token.lower_ in cues.function_words for token in doc[start:end]):
            return
        tokens = doc[start:end]
        if end - start == 1 and doc[start].text in surnames and cue in SURNAME_SENSITIVE_CUES:
            return
        # 'the episode "Crimson Sky"': an episode's title, not a work's
        before = start - 1 if start > 0 and doc[start - 1].text in OPENING_QUOTES else start
        if before > 0 and doc[before - 1].lower_ in cues.episode_nouns:
            return
        # a closer ("X, directed by") is weak evidence: not when the model named X a place,
        # person or company ("who moved to Berlin in 1999, directed …")
        if cue == "closer" and _is_entity(doc, start, end, labels=("PERSON", "ORG", "NORP", "GPE")):
            return
        # "a co-production between StudioCanal and Working Title Films, hits …": companies
        if cue == "closer" and any(
            doc[k].lower_ in ("and", "&") and doc[k - 1].ent_type_ == "ORG" == doc[k + 1].ent_type_
            for k in range(start + 1, end - 1)
        ):
            return
        # "a Mexican telenovela", "the Hindi film", "premieres in October": not titles
        # (right after its work noun a name is the title: "the drama Adolescence")
        after_noun = cue == "work_noun_before" and start > 0 and not doc[start - 1].is_punct
        if (
            all(token.ent_type_ in NON_TITLE_ENTITY_TYPES for token in tokens)
            and not _capitalised_inside_date(tokens)
            and not (after_noun and all(t.ent_type_ in ("NORP", "LANGUAGE") for t in tokens))
        ):
            return
        # "the Welsh writer X", "a South African drama": a nationality is no title
        if tokens.text in cues.demonyms:
            return
        # "nominated for Best Actor", "Outstanding Drama Series": award categories
        if tokens[0].text in cues.award_category_openers:
            return
        # "streams on Disney+": a company the cue happened to precede; a streamer's "+" or a
        # company word at the end ("Blackfriars Television") marks an organisation too
        if tokens.text in cues.org_names or all(t.lower_ in cues.org_words for t in tokens):
            return
        # "The BBC One drama Harbour Lane": a sentence-initial article before the outlet
        if len(tokens) > 1 and tokens[0].lower_ == "the" and tokens[1:].text in cues.org_names:
            return
        if tokens.text.endswith("+") or (len(tokens) > 1 and tokens[-1].lower_ in COMPANY_SUFFIXES):
            return
        # "co-written by Berthier and Julien Mercadier, the film …": people, not a title
        if cue == "defined_as_work" and _ends_with_coordinated_person(doc, start, end):
            return
        # a bare year ("the 2012 film") is a date, not a title
        numbers = all(token.like_num or YEAR.match(token.text) for token in doc[start:end])
        if numbers and cue != "numeric_title":
            return
        found.setdefault((start, end, label), cue)

    words = [token.lower_ for token in doc]
    for sent in doc.sents:
        s_start, s_end = sent.start, sent.end
        for i in range(s_start, s_end):
            token = doc[i]
            word = words[i]
            # the spin-off film Ballerina / a TV series named The Continental
            work_type = cues.work_type_at(token)
            if work_type and not is_capitalised(token):
                j = i + 1
                while j < s_end and words[j] in INTRODUCERS and j - i <= 2:
                    j += 1
                if j < s_end and doc[j].text in OPENING_QUOTES:
                    j += 1
                end = scan_title_forward(doc, j, s_end, cues.function_words, cues.max_tokens)
                # "the BBC drama Greyfriars Lane, …": a name the model calls a person right
                # after its noun and set off by punctuation is still the title, unless it is
                # shaped like a real name ("the film Corvin Hale stars in" is a clause)
                # A name shaped like a person's that follows its noun directly and ends the
                # phrase ("the workplace sitcom Night Desk.") can only be the title: a person
                # there would need a verb or a possessive after the noun
                closed = end >= s_end or doc[end].is_punct
                right_after = j == i + 1 and closed
                named = not right_after and _name_shaped(doc[j:end], cues)
                # "a TV series named Quiet Meridian": a naming word leaves only the
                # name's shape, not the model's PERSON, to say it is a person
                titled = any(w in INTRODUCERS and w != "," for w in words[i + 1 : j])
                # "The drama series Harbour Lights won": the parser sets the name in
                # apposition to its noun, where "the film Corvin Hale stars in" makes it
                # the subject of a clause
                apposed = end > j and doc[end - 1].dep_ == "appos" and doc[end - 1].head.i == i
                # "The series Iron Bay premieres": after a noun phrase that opens the
                # sentence, a name with no given name cannot open a relative clause
                apposed = apposed or (
                    j == i + 1
                    and _opens_sentence_phrase(doc, i, s_start)
                    and not _stranded_preposition_after(doc, end, s_end)
                )
                person = named or (
                    not titled
                    and not apposed
                    and (j > i + 1 or not closed)
                    and _person_like(doc, j, end)
                )
                # "in the film, Louie was not featured": after a comma, a name followed by
                # its verb starts a new clause
                clause = (
                    "," in words[i + 1 : j] and end < s_end and doc[end].pos_ in ("AUX", "VERB")
                )
                if _numeric_title_after(doc, i, s_end, cues):
                    add(i + 1, i + 2, work_type, "numeric_title")
                elif end > j and not person and not clause:
                    add(j, end, work_type, "work_noun_before")
            # the John Wick franchise / all four John Wick movies / Dune director Denis Villeneuve
            if (
                word in cues.franchise_nouns or word in cues.premodified_role_nouns or work_type
            ) and not is_capitalised(token):
                start = scan_title_backward(doc, i, s_start, cues.function_words, cues.max_tokens)
                strong = word in cues.strong_franchise_nouns
                if start < i and (strong or not _person_like(doc, *_trim(doc, start, i, cues))):
                    if word in cues.premodified_role_nouns:
                        # "the Anglo-Indian composer X": a nationality is no title
                        nationality = all(
                            t.tag_ == "JJ" or t.ent_type_ == "NORP"
                            for t in doc[start:i]
                            if t.is_alpha
                        )
                        if i + 1 < s_end and is_capitalised(doc[i + 1]) and not nationality:
                            add(start, i, "WORK", "role_noun_after")
                    elif not _is_entity(doc, start, i, labels=("GPE", "NORP")):
                        # ("the first US movie", "a French drama": where, not which)
                        label = work_type or "FILM"
                        cue = "work_noun_after" if work_type else "franchise_noun_after"
                        add(start, i, label, cue)
            # "reprises his Rogue One role", "her Succession co-star": a name between a
            # possessive and a part in a work is that work
            if word in cues.part_nouns_after_title and not is_capitalised(token):
                start = scan_title_backward(doc, i, s_start, cues.function_words, cues.max_tokens)
                owner = doc[start - 1] if start > s_start else None
                if (
                    start < i
                    and owner is not None
                    and (owner.lower_ in POSSESSIVE_DETERMINERS or owner.text in APOSTROPHES)
                    and not _is_entity(doc, start, i, labels=("PERSON", "ORG", "NORP", "GPE"))
                    and not _person_like(doc, start, i)
                ):
                    add(start, i, "WORK", "part_noun_after")
            # starring in X / performance in X / the release of X
            if i + 1 < s_end and (
                (token.lemma_.lower(), words[i + 1]) in cues.openers
                or (word, words[i + 1]) in cues.openers
            ):
                j = i + 2
                if j < s_end and doc[j].text in OPENING_QUOTES:
                    j += 1
                end = scan_title_forward(doc, j, s_end, cues.function_words, cues.max_tokens)
                if end > j and not _person_like(doc, j, end):
                    add(j, end, "WORK", "opener")
            # "the 2016 original, Skylark, and", "Raman's debut, Salt on the Tongue, in"
            if word in cues.apposition_work_nouns and not is_capitalised(token):
                _set_off_after_work_noun(doc, i, sent, cues, add)
            # X (2004)
            if i + 2 < s_end and _bracketed_year_at(doc, i):
                start = scan_title_backward(doc, i, s_start, cues.function_words, cues.max_tokens)
                # a name-shaped item of a list of "Title (year)" items is a title too
                # ("Rani Saheba (1930), Udaykal (1930) and Zulum (1931)")
                listed = _bracketed_years_in(sent) >= 2
                named = _name_shaped(doc[start:i], cues)
                if start < i and (listed or not named):
                    add(start, i, "WORK", "year_after")
            # X's director / X's cast
            if (
                token.text in APOSTROPHES
                and i + 1 < s_end
                and words[i + 1] in cues.possessive_role_nouns
            ):
                start = scan_title_backward(doc, i, s_start, cues.function_words, cues.max_tokens)
                if start < i and not _person_like(doc, start, i) and not _is_entity(doc, start, i):
                    add(start, i, "WORK", "possessive_role")
            # X, directed by / X premieres
            closer = cues.closers.match_starting_at(words, i + 1 if token.text == "," else i)
            if closer and i > s_start:
                end = i
                start = scan_title_backward(doc, end, s_start, cues.function_words, cues.max_tokens)
                if (
                    start < end
                    and not _person_like(doc, start, end)
                    and not _is_entity(doc, start, end, labels=("PERSON", "ORG", "NORP", "GPE"))
                ):
                    add(start, end, "WORK", "closer")
            # John Wick: Chapter 4 / Dune: Part Two / Toy Story 4
            if (
                token.text in cues.sequel_markers
                and i + 1 < s_end
                and (doc[i + 1].text[:1].isdigit() or doc[i + 1].text in cues.number_words)
            ):
                left = i
                if i > s_start and doc[i - 1].text in (":", "–", "—"):
                    left = i - 1
                start = scan_title_backward(
                    doc, left, s_start, cues.function_words, cues.max_tokens
                )
                if start < left:
                    end = scan_title_forward(doc, i, s_end, cues.function_words, cues.max_tokens)
                    add(start, end, "WORK", "sequel_marker")
            # “Title”
            if token.text in OPENING_QUOTES and i + 1 < s_end:
                end = scan_title_forward(doc, i + 1, s_end, cues.function_words, cues.max_tokens)
                nickname = (
                    i > s_start
                    and end + 1 < s_end
                    and all(t.pos_ == "PROPN" and t.is_alpha for t in (doc[i - 1], doc[end + 1]))
                )
                # 'Dolores "Lola" Vance': a quoted word inside a name is a nickname
                if end > i + 1 and end < s_end and doc[end].text in CLOSING_QUOTES and not nickname:
                    add(i + 1, end, "WORK", "quoted")
        _listed_after_work_noun(doc, sent, cues, add, words)
        _title_after_played_part(doc, sent, cues, add)
        if cues.part_lists is not None:
            # "roles including Sue in Paradise Heights and Tina in Coronation Street"
            for part in listed_parts(sent, cues.part_lists):
                add(*part.work, "WORK", "listed_part")
        _renewed_for_a_season(doc, sent, cues, add)
        _title_after_award_category(doc, sent, cues, add)
        _object_of_crew_verb(doc, sent, cues, add)
        _possessed_titles(doc, sent, cues, add)
        _subject_of_role_participle(doc, sent, add)
        _defined_work(doc, sent, cues, add)
    for name, label in headline_titles(doc._.title, cues):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                add(span.start, span.end, label, "headline")
    for ent in doc.ents:
        # 'Lola" Vance': a quote inside the model's span shows it cut across a name
        quote_inside = any(t.text in OPENING_QUOTES | CLOSING_QUOTES for t in ent)
        if ent.label_ in TITLE_NER_LABELS and not quote_inside:
            # the small model often stops short of a title's last word ("The Morning| Show")
            end = scan_title_forward(
                doc, ent.start, ent.sent.end, cues.function_words, cues.max_tokens
            )
            add(ent.start, ent.end, "WORK", "ner_work_of_art")
            if end > ent.end and not doc[ent.end].is_punct:
                add(ent.start, end, "WORK", "ner_work_of_art")
    for start_char, end_char in doc._.emphasis or ():
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and is_capitalised(span[0]):
            add(span.start, span.end, "WORK", "emphasis")
    for (start, end, _), cue in list(found.items()):
        if cue in STRONG_SEQUEL_SOURCES:
            for base_start, base_end in _sequel_base_occurrences(doc, start, end):
                add(base_start, base_end, "FILM", "sequel_base")
        for sequel_start, sequel_end in _numbered_sequel_occurrences(doc, start, end):
            add(sequel_start, sequel_end, "FILM", "numbered_sequel")
        for full_start, full_end in _colon_joined_occurrences(doc, start, end, cues):
            add(full_start, full_end, "WORK", "colon_joined")
    return [
        Span(doc, start, end, label=label, kb_id=cue)
        for (start, end, label), cue in sorted(found.items())
    ]


HEADLINE_QUOTED = re.compile(r"(?:^|(?<=[\s(:,]))['‘\"“]([^'‘’\"“”]{1,80}?)['’\"”](?!\w)")


# A word of a title in a headline: capitalised or a number (a colon or comma may close it),
# or a function word inside the title.
HEADLINE_TITLE_WORD = r"(?:[A-Z0-9][\w'’&.\-]*[:,]?|of|the|a|an|and|in|on|at|to|for|with|from)"


def headline_titles(headline: str | None, cues: TitleCues) -> list[tuple[str, str]]:
    """Titles a headline marks, as ``(name, label)``: a quoted title-cased name
    (``Tom Ashcroft to play X in Sky Atlantic's 'The Lamplighters'``) or a name before a
    headline word (``Andor season 2: …``, ``Under the Cold Lamps review: …``)."""
    if not headline:
        return []
    found: list[tuple[str, str]] = []
    for match in HEADLINE_QUOTED.finditer(headline):
        if _title_cased(match.group(1), cues):
            found.append((match.group(1).strip(), "WORK"))
    for suffix in cues.headline_suffixes:
        pattern = rf"(?:^|: )((?:{HEADLINE_TITLE_WORD} )+?)(?={re.escape(suffix)}\b)"
        for match in re.finditer(pattern, headline):
            name = match.group(1).strip().rstrip(":,")
            label = "SERIES" if suffix in cues.headline_series_words else "WORK"
            # "Emmys 2024: The Bear season 3": the title may be the part after a colon
            for part in dict.fromkeys([name, name.rsplit(": ", 1)[-1]]):
                if _title_cased(part, cues):
                    found.append((part, label))
    return found


def _title_cased(name: str, cues: TitleCues) -> bool:
    """Capitalised words, numbers and a title's function words, starting capitalised (a
    title, not a quoted remark)."""
    words = name.split()
    if not words or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    return all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in cues.function_words
        for word in words
    )


def _is_entity(doc: Doc, start: int, end: int, labels: tuple[str, ...] = ("PERSON", "ORG")) -> bool:
    return any(
        ent.start == start and ent.end == end and ent.label_ in labels
        for ent in doc.ents
        if ent.start < end and ent.end > start
    )


def _title_after_played_part(doc: Doc, sent: Span, cues: TitleCues, add) -> None:
    """``for playing Cardinal Lawrence in Conclave``, ``his portrayal of Bob Dylan in A
    Complete Unknown``, ``his role as C on The Sopranos``: after a part named by a
    playing cue, ``in`` or ``on`` introduces the work.

    The part is a capitalised run, with only a determiner and lower-case descriptors
    (``the troubled``) between it and the cue word.
    """
    for i in range(sent.start + 2, sent.end - 1):
        # "in W", and "on W" for a show ("his role as C on The Sopranos")
        if doc[i].lower_ not in ("in", "on") or not is_capitalised(doc[i - 1]):
            continue
        name_start = i - 1
        while name_start > sent.start and is_capitalised(doc[name_start - 1]):
            name_start -= 1
        if name_start == sent.start or i - name_start > 4:
            continue
        cue = name_start - 1
        while cue > sent.start and doc[cue].pos_ in ("DET", "ADJ") and doc[cue].is_lower:
            cue -= 1
        word = doc[cue].lower_
        if word in ("of", "as") and cue > sent.start:
            # "the role of", "her performance as": the noun before names a part
            if doc[cue - 1].lower_ not in cues.part_nouns_before_character:
                continue
        elif word not in cues.playing_words:
            continue
        start = i + 1
        if start + 2 < sent.end and _year_possessive_at(doc, start):
            start += 2  # "in 1999's American Beauty"
        end = scan_title_forward(doc, start, sent.end, cues.function_words, cues.max_tokens)
        end = _before_venue(doc, start, end, cues)
        # "played Lady Macbeth in London": a place, a company or a person the model names
        # is where or with whom the part was played
        if (
            end > start
            and not _name_shaped(doc[start:end], cues)
            and not _is_entity(doc, start, end, labels=("GPE", "LOC", "FAC", "ORG", "PERSON"))
        ):
            # a part played "on" a work is played on a show
            add(start, end, "SERIES" if doc[i].lower_ == "on" else "WORK", "after_played_part")


def _object_of_crew_verb(doc: Doc, sent: Span, cues: TitleCues, add) -> None:
    """``Berger, who directed the Oscar-winning All Quiet on the Western Front``, ``she has
    produced Night Harbour and Salt Road``: the capitalised object of an active crew verb
    (and its conjuncts) is a work's title, unless it is shaped like a person's name or a
    work follows it (``directed Tom Hanks in Big``)."""
    for verb in sent:
        lemma = verb.lemma_.lower()
        writes = lemma in cues.part_or_title_object_verbs
        if verb.pos_ != "VERB" or not (writes or lemma in cues.title_object_verbs):
            continue
        if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            continue  # "directed by X": the passive's object is the maker
        if child_with_dep(verb, "prt") is not None:
            continue  # "write off X", "produce up": a phrasal verb makes nothing
        obj = child_with_dep(verb, "dobj")
        if obj is None:
            continue
        if obj.i < verb.i or any(c.lower_ in RELATIVE_OBJECTS for c in verb.children):
            continue  # "The Chorus, which Jugnot co-produced": the relative is the object
        heads = sorted((obj, *obj.conjuncts), key=lambda t: t.i)
        for position, head in enumerate(heads):
            # "directed Sicario, Arrival and Blade Runner 2049": each conjunct is one title
            limit = heads[position + 1].left_edge.i if position + 1 < len(heads) else sent.end
            start = _after_premodifiers(doc, head.left_edge.i, head.i + 1)
            if start < limit and doc[start].text in OPENING_QUOTES:
                start += 1
            end = scan_title_forward(doc, start, limit, cues.function_words, cues.max_tokens)
            if end <= start or end <= head.i or _name_shaped(doc[start:end], cues):
                continue
            if end - start == 2 and doc[start].text.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr"):
                continue  # "directed Mr Sullivan to hide …": a person
            if writes and end - start == 1 and doc[start].ent_type_ in ("PERSON", ""):
                continue  # "I wrote Ines for her": one name written is a part as often
            if writes and any(t.lower_ == "for" for t in doc[start:end]):
                continue  # "write Kokomo for the Beach Boys": a song written for someone
            if doc[start].like_num and not doc[start].text.isdigit():
                continue  # "produce 12,600 MW": a quantity
            if all(t.is_upper or t.text.rstrip("s").isupper() for t in doc[start:end]):
                continue  # "produce DVDs": an acronym
            if end < sent.end and doc[end].text in POSSESSIVE_S:
                continue  # "produced Netflix's …": the owner, not the title
            if any(
                doc[k].lower_ in ("in", "on") and _name_shaped(doc[start:k], cues)
                for k in range(start + 1, end)
            ):
                continue  # "directed Tom Hanks in Big": the person directed in a work
            add(start, end, "WORK", "object_of_crew_verb")


def _year_possessive_at(doc: Doc, i: int) -> bool:
    """Whether ``YYYY's`` opens at token ``i`` (the caller keeps ``i + 1`` in range)."""
    return bool(YEAR.match(doc[i].text)) and doc[i + 1].text in POSSESSIVE_S


def _after_premodifiers(doc: Doc, start: int, limit: int) -> int:
    """Skip a determiner, lower-case or hyphenated modifiers and a year's possessive
    (``the Oscar-winning``, ``her acclaimed``, ``2022's``) before a title."""
    i = start
    while i < limit:
        token = doc[i]
        if token.is_lower and token.is_alpha:
            i += 1  # an article, a possessive or a lower-case modifier
        elif i + 2 < limit and is_joined_hyphen(doc, i + 1) and doc[i + 2].is_lower:
            i += 3  # "Oscar-winning", "Bafta-nominated"
        elif i + 1 < limit and _year_possessive_at(doc, i):
            i += 2  # "2022's"
        else:
            break
    return i


def _title_after_award_category(doc: Doc, sent: Span, cues: TitleCues, add) -> None:
    """``won the Academy Award for Best Director for The Power of the Dog``: after an award
    category, ``for`` and a capitalised run name the work honoured (a person's name there
    is the winner, ``Best Adapted Screenplay for Peter Straughan``)."""
    for i in range(sent.start + 2, sent.end - 1):
        if doc[i].lower_ != "for" or not is_capitalised(doc[i - 1]):
            continue
        category = i - 1
        while (
            category > sent.start
            and i - category < 8
            and doc[category].text not in (cues.award_category_openers)
        ):
            category -= 1
        if doc[category].text not in cues.award_category_openers:
            continue
        # the run from the category word to "for" is the category's own ("Best Actress in a
        # Leading Role"): capitalised words and title function words only
        if not all(is_capitalised(t) or t.lower_ in cues.function_words for t in doc[category:i]):
            continue
        start = i + 1
        if start < sent.end and doc[start].text in OPENING_QUOTES:
            start += 1
        end = scan_title_forward(doc, start, sent.end, cues.function_words, cues.max_tokens)
        if end > start and doc[start].text not in cues.award_category_openers:
            # "Outstanding Lead Actor … for Carmy Berzatto": after an acting category a bare
            # two-word name may be the part played, not the work
            acting = any(t.lower_ in cues.acting_award_words for t in doc[category:i])
            named = end - start == 2 and all(t.is_title for t in doc[start:end])
            if acting and named and doc[start].lower_ not in ARTICLES:
                continue
            # the model often calls a title a company here ("The Power of the Dog")
            if not _person_like(doc, start, end):
                add(start, end, "WORK", "after_award_category")


def _renewed_for_a_season(doc: Doc, sent: Span, cues: TitleCues, add) -> None:
    """``Apple TV+ has renewed Severance for a third season``: the object of a renewal
    verb followed by ``for a … season`` is a series' title."""
    for token in sent:
        if token.lemma_.lower() not in cues.season_order_verbs or token.pos_ != "VERB":
            continue
        start = token.i + 1
        if start < sent.end and doc[start].dep_ == "prt":
            start += 1  # "picked up Severance for"
        if start < sent.end and doc[start].text in OPENING_QUOTES:
            start += 1
        end = scan_title_forward(doc, start, sent.end, cues.function_words, cues.max_tokens)
        after = end + 1 if end < sent.end and doc[end].text in CLOSING_QUOTES else end
        if end == start or after >= sent.end or doc[after].lower_ != "for":
            continue
        tail = [t.lower_ for t in doc[after + 1 : min(sent.end, after + 5)]]
        if any(word in ("season", "seasons") for word in tail):
            add(start, end, "SERIES", "renewed_for_season")


def _before_venue(doc: Doc, start: int, end: int, cues: TitleCues) -> int:
    """Cut a title scan before a preposition that opens a place, company or date the model
    names (``Othello for the Royal Shakespeare Company``, ``The History Boys at the
    National Theatre``)."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in VENUE_PREPOSITIONS and any(
            t.ent_type_ in VENUE_ENTITY_TYPES or t.lower_ in cues.org_words
            for t in doc[k + 1 : end]
        ):
            return k
    return end


def _subject_of_role_participle(doc: Doc, sent: Span, add) -> None:
    """``Directed by X, Ballerina promises…`` and ``Ballerina was written by X``."""
    for token in sent:
        if token.lemma_.lower() not in PASSIVE_ROLE_VERBS or token.tag_ != "VBN":
            continue
        if not any(child.dep_ == "agent" for child in token.children):
            continue
        # "X, written and directed by Y": the agent hangs on the last participle
        first = token
        while first.dep_ == "conj" and first.head.tag_ == "VBN":
            first = first.head
        subjects = []
        if first.dep_ in ("advcl", "acl") and first.head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in first.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [c for c in first.children if c.dep_ == "nsubjpass"]
        if first.dep_ == "acl" and first.head.pos_ == "PROPN":
            subjects.append(first.head)
        for subject in subjects:
            if subject.pos_ != "PROPN":
                continue
            # the name itself: the subject with its compounds and a capitalised "The",
            # extended as a title ("The Weight of Small Things"), not its clauses
            name_part = [
                subject,
                *(c for c in subject.children if c.dep_ in ("compound", "flat", "det")),
            ]
            left = min(t.i for t in name_part if t.dep_ != "det" or t.text == "The")
            right = max(t.i for t in name_part) + 1
            # the model reads many two-word titles as names ("Pale Orchard, directed by
            # X"): only a stretch shaped like a personal name is a person here
            words = [t.text for t in doc[left:right]]
            if subject.ent_type_ == "PERSON" and (
                looks_like_person_name(words) or (len(words) == 1 and is_given_name(words[0]))
            ):
                continue
            end = scan_title_forward(doc, left, sent.end, TITLE_WORDS_NO_CLAUSE, 12)
            add(left, max(right, end), "WORK", "subject_of_role_participle")


# Words a subject's title may contain before its verb (no verbs: "X was produced by").
TITLE_WORDS_NO_CLAUSE = frozenset({"of", "the", "a", "an", "and", "in", "on", "at", "to", "for"})
LIST_INTRODUCERS = ("including", "like", "such as", "notably", "among them")


def _listed_after_work_noun(doc: Doc, sent: Span, cues: TitleCues, add, words) -> None:
    """``films including A, B and C``, ``shows such as A and B``: each item is a title."""
    for token in sent:
        label = cues.work_type_of_noun(token.lemma_.lower()) or cues.work_type_of_noun(token.lower_)
        if label is None or token.tag_ not in ("NNS", "NNPS") or token.text[:1].isupper():
            continue
        j = token.i + 1
        opener = next(
            (p for p in LIST_INTRODUCERS if words[j : j + len(p.split())] == p.split()), None
        )
        if opener is not None:
            j += len(opener.split())
        elif not (j < sent.end and is_capitalised(doc[j])):
            continue
        # "and" separates the items here rather than joining words of one title
        item_words = cues.function_words - {"and", "or", "&"}
        items: list[tuple[int, int]] = []
        while j < sent.end:
            end = scan_title_forward(doc, j, sent.end, item_words, cues.max_tokens)
            if end == j:
                break
            # an item the model tags PERSON stays a title unless it is also shaped like a
            # name ("… Natural Born Killers and Suicide Kings" is a list of films)
            tagged_person = _is_entity(doc, j, end, labels=("PERSON",))
            if not (tagged_person and looks_like_person_name([t.text for t in doc[j:end]])):
                items.append((j, end))
            j = end
            # skip "(2008)" and the separator before the next item
            if j < sent.end and doc[j].text == "(":
                while j < sent.end and doc[j].text != ")":
                    j += 1
                j += 1
            if j < sent.end and doc[j].text == ",":
                j += 1
            if j < sent.end and doc[j].lower_ in ("and", "or"):
                j += 1
        # without "including" it takes a list to show the names are the works ("the films
        # A and B"), not a clause about them ("the films Nolan made")
        if opener is not None or len(items) >= 2:
            for start, end in items:
                add(start, end, label, "listed_after_work_noun")


def _defined_work(doc: Doc, sent: Span, cues: TitleCues, add) -> None:
    """``Song of Freedom is a 1936 British film``, ``Vase de Noces, a 1974 film``.

    The proper-noun subject of ``be`` whose attribute is a work noun, or a proper
    noun with a work noun in apposition, is the title of that kind of work. When the
    subject opens the sentence, the whole capitalised run there is taken
    (``María la del Barrio (…) is a telenovela``).
    """
    for token in sent:
        label = cues.work_type_at(token)
        if label is None or token.pos_ not in ("NOUN", "PROPN") or token.text[:1].isupper():
            continue
        _named_in_apposition(doc, token, label, cues, add)
        if any(c.lower_ == "whose" for c in token.children):
            continue  # "Pilar Estrada, whose debut …": the name owns the work, it is no title
        if token.dep_ == "attr" and token.head.lemma_ == "be":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            copula = token.head
            if copula.i - sent.start >= 2:
                # "They Shoot Horses, Don't They? is a 1969 film": a title with punctuation
                # (and its own clause, so the parser may hang the copula anywhere) running
                # from the sentence's start to the copula
                end = _punctuated_title_end(doc, sent.start, copula.i, cues)
                if end > sent.start + 1:
                    add(sent.start, end, label, "defined_as_work")
        elif token.dep_ == "appos":
            subject = token.head
            # "The Moth and the Lamplighter, a fable": the apposition hangs on the last
            # conjunct of a title the parser read as a coordination
            while subject.dep_ == "conj" and subject.head.i < subject.i:
                subject = subject.head
            # "Daughters of the Dune Sea, an epic": it hangs on the title's last noun
            while (
                subject.dep_ == "pobj"
                and subject.head.lower_ == "of"
                and is_capitalised(subject.head.head)
                and subject.head.head.i < subject.i
            ):
                subject = subject.head.head
            subjects = [subject]
        elif (named := _misparsed_apposition(token, sent)) is not None:
            subjects = [named]
        else:
            continue
        for subject in subjects:
            # a capitalised common noun heads a title in apposition ("The Last Days of …, the
            # drama"); a date word inside a title is left to add()'s whole-span check
            proper = subject.pos_ == "PROPN" or (
                token.dep_ == "appos" and subject.pos_ == "NOUN" and is_capitalised(subject)
            )
            if not proper or subject.ent_type_ in ("NORP", "CARDINAL"):
                continue
            if subject.dep_ == "poss" or any(c.dep_ == "case" for c in subject.children):
                continue  # "Maya Bertrand's noir": the possessor made it, it is not its title
            # the title ends before the copula: "Property Brothers is a Canadian series"
            limit = token.head.i if token.dep_ == "attr" else token.i
            opening = scan_title_forward(
                doc, sent.start, limit, cues.function_words, cues.max_tokens
            )
            if sent.start <= subject.i < opening:
                # "Starring Sofia Marchetti, the film W": a credit, not a title
                if doc[sent.start].lower_ not in CREDIT_PARTICIPLES:
                    add(sent.start, opening, label, "defined_as_work")
                continue
            # "Channel 4's Crossfire Estates, a limited drama": the possessor is no part of it
            owned = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
            first = min(t.i for t in subject.subtree if t.i not in owned and not t.is_punct)
            # "most memorably La Città di Vetro, the 1968 thriller": adverbs lead into it
            while first < subject.i and doc[first].pos_ in ("ADV", "PUNCT"):
                first += 1
            if first > sent.start and doc[first - 1].lower_ in CREDIT_PARTICIPLES:
                continue
            left = _before_colon(doc, first, sent)
            end = scan_title_forward(doc, left, token.i, cues.function_words, cues.max_tokens)
            if left <= subject.i < end:
                # "Adrien Brody for The Brutalist, … epic": the parser's subject was the
                # person; the title is what follows them
                add(_after_leading_person(doc, left, end), end, label, "defined_as_work")


def _bracketed_year_at(doc: Doc, i: int) -> bool:
    """Whether ``(YYYY)`` opens at token ``i`` (the caller keeps ``i + 2`` in range)."""
    return doc[i].text == "(" and bool(YEAR.match(doc[i + 1].text)) and doc[i + 2].text == ")"


def _bracketed_years_in(sent: Span) -> int:
    """How many ``(YYYY)`` brackets the sentence holds."""
    return sum(1 for i in range(sent.start, sent.end - 2) if _bracketed_year_at(sent.doc, i))


def _before_colon(doc: Doc, left: int, sent: Span) -> int:
    """``Skylark: Kestrel, a spin-off``: the parser hangs the part before the colon
    elsewhere; the capitalised words right before a colon open the title."""
    if left - 2 < sent.start or doc[left - 1].text != ":" or not is_capitalised(doc[left - 2]):
        return left
    start = left - 2
    while start - 1 >= sent.start and is_capitalised(doc[start - 1]) and doc[start - 1].is_alpha:
        start -= 1
    return start


# A sequel's own number: "M3GAN 2.0", "Ashfall Line 2", "Skylark II".
# Cues sure enough about a title that the name before its number is the original film.
STRONG_SEQUEL_SOURCES = frozenset(
    {"headline", "quoted", "emphasis", "work_noun_before", "defined_as_work", "year_after"}
)


def _occurrences(doc: Doc, start: int, end: int) -> list[int]:
    """Where the words of ``doc[start:end]`` occur in ``doc``: each start index."""
    words = [t.text for t in doc[start:end]]
    size = len(words)
    return [
        i
        for i in range(len(doc) - size + 1)
        if doc[i].text == words[0] and [t.text for t in doc[i : i + size]] == words
    ]


def _sequel_base_occurrences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """``M3GAN 2.0`` names a sequel: each bare ``M3GAN`` elsewhere is the original film."""
    if end - start < 2 or not SEQUEL_NUMBER.match(doc[end - 1].text):
        return []
    size = end - 1 - start
    hits = []
    for i in _occurrences(doc, start, end - 1):
        following = doc[i + size] if i + size < len(doc) else None
        if following is not None and (
            SEQUEL_NUMBER.match(following.text) or is_capitalised(following)
        ):
            continue  # the sequel itself, or a longer name
        hits.append((i, i + size))
    return hits


def _numbered_sequel_occurrences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """``Ashfall Line 2`` where ``Ashfall Line`` is a known title: the number is part of
    the name, the sequel's."""
    size = end - start
    return [
        (i, i + size + 1)
        for i in _occurrences(doc, start, end)
        if i + size < len(doc) and is_sequel_number(doc, i + size)
    ]


def _colon_joined_occurrences(
    doc: Doc, start: int, end: int, cues: TitleCues
) -> list[tuple[int, int]]:
    """A known title joined by a colon to a capitalised run inside a sentence: ``Rogue
    One: A Star Wars Story`` for a known ``Rogue One``, ``Mad Max: Fury Road`` for a known
    ``Fury Road``. The whole is the work's full title."""
    size = end - start
    hits = []
    for i in _occurrences(doc, start, end):
        sent = doc[i].sent
        after = i + size
        # the known title, then ": Subtitle"
        if after + 1 < sent.end and doc[after].text == ":" and i > sent.start:
            sub_end = scan_title_forward(
                doc, after + 1, sent.end, cues.function_words, cues.max_tokens
            )
            if sub_end > after + 1 and doc[after + 1].lower_ not in cues.series_nouns:
                hits.append((i, sub_end))
        # "Main Title: " before the known title
        if i - 2 > sent.start and doc[i - 1].text == ":":
            main_start = scan_title_backward(
                doc, i - 1, sent.start, cues.function_words, cues.max_tokens
            )
            if sent.start < main_start < i - 1:
                hits.append((main_start, i + size))
    return hits


# Capitalised words that dates do have besides months and weekdays.
DATE_NAME_WORDS = frozenset(
    {"christmas", "easter", "halloween", "thanksgiving", "new", "year", "years", "eve", "day"}
    | {"spring", "summer", "autumn", "fall", "winter", "mid", "early", "late"}
)


def _capitalised_inside_date(tokens: Span) -> bool:
    """``Danny Boyle's 28 Years Later``: the model's DATE holds a capitalised word no date
    has (not a month, weekday or season), away from the sentence's first word."""
    return (
        len(tokens) > 1
        and tokens.start > tokens.sent.start
        and any(
            token.is_alpha
            and token.text[:1].isupper()
            and token.text not in CALENDAR_WORDS
            and token.lower_ not in DATE_NAME_WORDS
            for token in tokens
        )
    )


def _ends_with_coordinated_person(doc: Doc, start: int, end: int) -> bool:
    """``Berthier and Julien Mercadier``: the span closes on a full name the model tagged
    PERSON, joined by ``and`` to what precedes it."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.end == end and len(ent) >= 2 and ent.start > start:
            return doc[ent.start - 1].lower_ == "and"
    return False


# Entity types of a name that a definite work phrase after a comma does not rename
# ("filmed in Belfast, the drama follows …").
NOT_APPOSED_TYPES = ("PERSON", "GPE", "LOC", "NORP", "DATE")


def _misparsed_apposition(noun: Token, sent: Span) -> Token | None:
    """``took Best Supporting Actor for A Real Pain, the road movie written by …``: the
    parser hung the noun phrase on the verb, yet a comma right after a capitalised name
    and a determiner opening the phrase make it an apposition to that name (returned)."""
    if noun.dep_ in ("appos", "attr", "nsubj", "nsubjpass", "conj"):
        return None
    before = token_before_comma_phrase(noun, sent.start)
    if before is None or noun.left_edge.lower_ not in ARTICLES:
        return None
    # "in Lowland, a period drama": a name classed as a kind of work is that work, even
    # where the model calls it a place
    blocked = ("PERSON", "DATE") if noun.left_edge.lower_ in ("a", "an") else NOT_APPOSED_TYPES
    if before.pos_ != "PROPN" or before.ent_type_ in blocked:
        return None
    return before


def _person_before_possessive(doc: Doc, marker: int) -> Span | None:
    """The full name (two words at least) right before the possessive ``'s`` at ``marker``:
    one the model tagged PERSON, or any entity shaped like a personal name (``Todd
    Field's`` comes out as ORG)."""
    if marker < 2 or doc[marker].text not in APOSTROPHES or not doc[marker - 1].ent_type_:
        return None
    for ent in doc.ents:
        if ent.start <= marker - 1 < ent.end:
            # the model may fold the possessive marker into the name
            end = min(ent.end, marker)
            if end - ent.start < 2:
                return None
            name = doc[ent.start : end]
            shaped = looks_like_person_name([t.text for t in name])
            return name if ent.label_ == "PERSON" or shaped else None
    return None


def _possessed_titles(doc: Doc, sent: Span, cues: TitleCues, add) -> None:
    """Film writing credits a film to its director with a possessive.

    * ``Don't Look Now, Nicolas Roeg's 1973 chiller``: the name before a comma and a
      person's possessive work noun in apposition is that work's title.
    * ``Todd Field's Tár``, ``in Alan J. Pakula's Klute``: a capitalised name right after
      a person's possessive is a film title when the sentence talks about film
      (``possessed_title_context``), and the name is not shaped like a person's.
    """
    talks_film = any(
        t.lemma_.lower() in cues.possessed_title_context or t.lower_ in cues.possessed_title_context
        for t in sent
    )
    for marker in range(sent.start + 2, sent.end - 1):
        owner = _person_before_possessive(doc, marker)
        if owner is None:
            continue
        after = marker + 1
        # the apposition: lower-case modifiers and numbers up to a work noun
        j = after
        while (
            j < sent.end
            and j - after <= 5
            and (doc[j].text[:1].islower() or doc[j].like_num or doc[j].text in ("-", "–"))
            # "Kettle Hill's head of drama": a preposition ends the apposition's head noun
            and doc[j].pos_ != "ADP"
        ):
            # "Scott Derrickson's follow-up": a hyphenated noun is read at its last part
            label = cues.work_type_of_noun(hyphenated_word(doc[j]))
            if label and not (j + 1 < sent.end and doc[j + 1].text in ("-", "–")):
                comma = owner.start - 1
                if comma > sent.start and doc[comma].text == ",":
                    start = scan_title_backward(
                        doc, comma, sent.start, cues.function_words, cues.max_tokens
                    )
                    # "Don't Look Now": the parser's "Do n't" still reads as title words
                    start = _extend_over_contractions(doc, start, sent.start, cues)
                    if start < comma and not _person_like(doc, start, comma):
                        add(start, comma, label, "apposed_possessive")
                break
            j += 1
        if not talks_film or not is_capitalised(doc[after]):
            continue
        end = scan_title_forward(doc, after, sent.end, cues.function_words, cues.max_tokens)
        # "Kaufman's Invasion of the Body Snatchers and with Ordinary People": a
        # conjunction before a lower-case word joins phrases, not title words
        # as does one before another possessor ("Kechiche's L'Esquive and France's …")
        for index in range(after + 1, end - 1):
            if doc[index].lower_ in ("and", "or") and (
                doc[index + 1].text[:1].islower()
                or any(t.text in POSSESSIVE_S for t in doc[index + 1 : end + 1])
            ):
                end = index
                break
        trimmed = _trim(doc, after, end, cues)
        if trimmed[1] <= trimmed[0]:
            continue
        following = doc[end] if end < sent.end else None
        # "Guðnadóttir's Joker win", "Moore's Bush-baiting film": a modifier of a noun
        if following is not None and (
            (following.text[:1].islower() and following.pos_ == "NOUN")
            or is_joined_hyphen(doc, end)
        ):
            continue
        # "Holm's Pale Orchard, starring X": a credit right after it makes the name a
        # title even where the model reads it as a person's
        credited = _credit_after(doc, trimmed[1]) and not looks_like_person_name(
            [t.text for t in doc[trimmed[0] : trimmed[1]]]
        )
        # "as Rita in Jacques Audiard's Emilia Pérez": after "in", even a name-shaped title
        # (or one the model calls a person, place or company: "in Sean Baker's Anora")
        # (not before a lower-case word: "in Oliver Stone's Vietnam epic Platoon")
        set_in = doc[owner.start - 1].lower_ == "in" and not (
            following is not None and following.is_alpha and following.is_lower
        )
        # "Ferguson's Brown": one word the model calls a person is a player, not a film
        single = trimmed[1] - trimmed[0] == 1
        if single and not (credited or set_in) and _is_entity(doc, *trimmed, labels=("PERSON",)):
            continue
        if not (set_in or credited) and (
            _person_like(doc, *trimmed) or _is_entity(doc, *trimmed, labels=("ORG", "GPE"))
        ):
            continue
        add(after, end, "WORK", "possessed_by_person")


def _credit_after(doc: Doc, end: int) -> bool:
    """``X, starring …``, ``X, directed by …``: a credit set off right after ``end``."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    word = doc[end + 1]
    if word.lower_ in ("starring", "co-starring"):
        return True
    return (
        word.tag_ == "VBN"
        and word.lemma_.lower() in PASSIVE_ROLE_VERBS
        and doc[end + 2].lower_ in ("by", "and")
    )


def _extend_over_contractions(doc: Doc, start: int, floor: int, cues: TitleCues) -> int:
    """Move ``start`` back over a split contraction (``Do n't Look``) inside a title run."""
    while (
        start - 2 >= floor
        and doc[start - 1].lower_ in ("n't", "’t")
        and is_capitalised(doc[start - 2])
    ):
        start = scan_title_backward(doc, start - 1, floor, cues.function_words, cues.max_tokens)
    return start


def _after_leading_person(doc: Doc, start: int, end: int) -> int:
    """Where a title starts in ``Adrien Brody for The Brutalist``: after a person the model
    named and a preposition joining them (not ``and``: ``The Moth and the Lamplighter``)."""
    for index in range(start, end - 2):
        token, joiner = doc[index], doc[index + 1]
        if token.ent_type_ == "PERSON" and joiner.lower_ in PERSON_TITLE_JOINERS:
            return index + 2
    return start


# Participles that open a credit before the work they describe ("Starring X, the film W").
CREDIT_PARTICIPLES = frozenset(
    {"starring", "co-starring", "featuring", "directed", "written", "produced", "created"}
)
PERSON_TITLE_JOINERS = frozenset({"for", "in", "to", "with", "from", "by", "on", "at"})
TITLE_PUNCTUATION = frozenset({",", "?", "!", ":", "-", "–", "&", "'", "’", "."})


def _punctuated_title_end(doc: Doc, start: int, limit: int, cues: TitleCues) -> int:
    """``limit`` when everything from ``start`` to it can be one title (capitalised words,
    title function words, numbers, ``n't`` and in-title punctuation), else ``start``."""
    if limit - start > cues.max_tokens:
        return start
    if doc[start].text in cues.not_title_words and not _pronoun_in_title(doc, start, cues):
        return start
    for token in doc[start:limit]:
        if not (
            is_capitalised(token)
            or token.like_num
            or token.text in TITLE_PUNCTUATION
            or token.lower_ in cues.function_words
            or token.lower_ in ("n't", "’t")
        ):
            return start
    if doc[limit - 1].text == ",":
        return start  # "Paris, the film's setting, is …": an aside, not a title
    return limit


def _opens_sentence_phrase(doc: Doc, noun: int, sentence_start: int) -> bool:
    """Whether the noun at ``noun`` ends a definite phrase that opens its sentence
    (``The drama series``, ``The new BBC series``)."""
    if doc[sentence_start].lower_ != "the" or noun == sentence_start:
        return False
    return all(
        not t.is_punct and t.pos_ in ("ADJ", "NOUN", "PROPN")
        for t in doc[sentence_start + 1 : noun]
    )


def _stranded_preposition_after(doc: Doc, end: int, limit: int) -> bool:
    """``The film Corvin Hale stars in opens in May``: a verb and a preposition with no
    object of its own after the name make the name the subject of a relative clause."""
    if end + 2 > limit or not doc[end].is_alpha or doc[end + 1].tag_ not in ("IN", "RP"):
        return False
    if end + 2 == limit or doc[end + 2].is_punct:
        return True
    following = doc[end + 2]
    return following.is_lower and following.tag_ not in ("DT", "PRP$", "CD", "JJ", "JJS")


def _name_shaped(tokens: Span, cues: TitleCues) -> bool:
    """Whether ``tokens`` read as a personal name: not when a foreign article opens three
    or more words (``Les Heures Creuses``, where ``Les`` is also a given name)."""
    words = [t.text for t in tokens]
    if len(words) >= 3 and words[0].lower() in cues.foreign_articles:
        return False
    return looks_like_person_name(words)


def _set_off_after_work_noun(doc: Doc, i: int, sent: Span, cues: TitleCues, add) -> None:
    """A capitalised name between commas right after a determined noun that can only
    stand for a work (``its 2019 sequel, Skylark II,``), whatever the parser made of the
    noun: that work's title, unless it reads as a person's name."""
    start = i + 2
    if start >= sent.end or doc[i + 1].text != "," or not is_capitalised(doc[start]):
        return
    if not any(
        t.lower_ in ARTICLES or t.lower_ in POSSESSIVE_DETERMINERS or t.text in APOSTROPHES
        for t in doc[max(sent.start, i - 3) : i]
    ):
        return
    end = scan_title_forward(doc, start, sent.end, cues.function_words, cues.max_tokens)
    closed = end >= sent.end or doc[end].is_punct
    if end > start and closed and not _name_shaped(doc[start:end], cues):
        add(start, end, cues.work_type_at(doc[i]) or "WORK", "named_in_apposition")


def _named_in_apposition(doc: Doc, noun: Token, label: str, cues: TitleCues, add) -> None:
    """``Her next film, Paper Moons, opens``: a capitalised name set off by commas in
    apposition to a work noun is that work's title, unless it reads as a person's name."""
    for child in noun.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < noun.i:
            continue
        left = min(t.i for t in child.subtree)
        if left != noun.i + 2 or doc[noun.i + 1].text != ",":
            continue
        end = scan_title_forward(doc, left, noun.sent.end, cues.function_words, cues.max_tokens)
        closed = end >= noun.sent.end or doc[end].is_punct
        if child.i < end and closed and not looks_like_person_name([t.text for t in doc[left:end]]):
            add(left, end, label, "named_in_apposition")


@Language.factory("work_title_finder")
def make_work_title_finder(nlp: Language, name: str) -> WorkTitleFinder:
    """Factory of :class:`WorkTitleFinder` (no settings: cues come from ``work_cues.json``)."""
    return WorkTitleFinder(nlp, name)
