"""Pure functions on tokens: what looks like a title, a name, a subtitle.

Kept out of the components so they can be tested on a bare ``Doc`` and shared by
the title, character and entity components.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from extractor.pipeline.names import is_given_name

DASHES = frozenset({"-", "–", "—"})
APOSTROPHES = frozenset({"'", "’", "‘", "'s", "’s", "‘s"})
# The possessive clitic as the tokenizer splits it off ("1999's", "Herbert’s").
POSSESSIVE_S = frozenset({"'s", "’s"})
# Any possessive mark after a name: the clitic, or a bare apostrophe ("Reeves' film").
POSSESSIVE_MARKERS = POSSESSIVE_S | {"'", "’"}
# Quote marks, and Markdown's * and _ around an italic title.
OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "*", "_"})
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "*", "_"})
YEAR = re.compile(r"^(18[89]\d|19\d\d|20\d\d)$")
CALENDAR_WORDS = frozenset(
    {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    }
)


def is_capitalised(token: Token) -> bool:
    """A token starting with a capital or a digit (``Chapter``, ``4``, ``3Parabellum``)."""
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def is_name_token(token: Token) -> bool:
    """A capitalised word token (not punctuation, not a bare number)."""
    return (
        token.is_alpha
        and token.text[0].isupper()
        or (
            not token.is_punct and token.text[:1].isupper() and any(c.isalpha() for c in token.text)
        )
    )


def token_before_comma_phrase(noun: Token, floor: int = 0) -> Token | None:
    """The token right before the comma that opens ``noun``'s phrase (``A Real Pain`` in
    ``A Real Pain, the road movie``), at ``floor`` or later; None when no comma opens it.
    Used where the parser misses an apposition the punctuation still shows."""
    left = noun.left_edge.i
    if left - 2 < floor or noun.doc[left - 1].text != ",":
        return None
    return noun.doc[left - 2]


# The number of a numbered sequel's title: "M3GAN 2.0", "Ashfall Line 2", "Rocky IV".
SEQUEL_NUMBER = re.compile(r"^(?:[2-9]|[2-9]\.0|II|III|IV|V|VI)$")


def is_sequel_number(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` can end a numbered sequel's title: a sequel number
    inside its sentence that no noun or number follows (``Ashfall Line 2 million``)."""
    token = doc[index]
    if not SEQUEL_NUMBER.match(token.text) or token.is_sent_start:
        return False
    following = doc[index + 1] if index + 1 < len(doc) else None
    return following is None or not (
        following.pos_ in ("NOUN", "NUM", "PROPN") or following.text in ("%", "-")
    )


def hyphenated_word(token: Token) -> str:
    """The lower-case word a token ends when it closes a joined hyphen compound
    (``hander`` of ``two-hander`` gives ``two-hander``), else the token's own."""
    i = token.i
    if i >= 2 and is_joined_hyphen(token.doc, i - 1):
        return f"{token.doc[i - 2].lower_}-{token.lower_}"
    return token.lower_


def is_joined_hyphen(doc: Doc, index: int) -> bool:
    """A hyphen written without spaces, as in ``Spin-Off`` (tokenised ``Spin - Off``)."""
    token = doc[index]
    return (
        token.text in DASHES
        and index > 0
        and not doc[index - 1].whitespace_
        and not token.whitespace_
        and index + 1 < len(doc)
    )


# Function words of titles that are verbs ("Life is Beautiful").
TITLE_VERBS = frozenset({"is", "are", "was", "were"})


def scan_title_forward(
    doc: Doc, start: int, limit: int, function_words: frozenset[str], max_tokens: int
) -> int:
    """Extend a title that starts at ``start`` as far as title casing allows.

    Function words (``of``, ``the``) are taken only when a capitalised word follows
    them; a colon or spaced dash is taken when a capitalised subtitle follows.

    Args:
        doc: the document.
        start: index of the first token, which must be capitalised.
        limit: index the title may not reach (usually the sentence end).
        function_words: lower-case words allowed inside a title.
        max_tokens: longest title considered.

    Returns:
        The end index (exclusive); ``start`` when no title starts there.
    """
    if start >= limit or not is_capitalised(doc[start]) or doc[start].is_punct:
        return start
    end = start + 1
    hard_limit = min(limit, start + max_tokens)
    while end < hard_limit:
        token = doc[end]
        if is_capitalised(token) and not token.is_punct:
            end += 1
            continue
        if is_joined_hyphen(doc, end) and end + 1 < hard_limit and is_capitalised(doc[end + 1]):
            end += 2
            continue
        if token.text in (":", "–", "—") and end + 1 < hard_limit and is_capitalised(doc[end + 1]):
            end += 2
            continue
        if token.lower_ in function_words or token.text in APOSTROPHES:
            lookahead = end
            while lookahead < hard_limit and (
                doc[lookahead].lower_ in function_words or doc[lookahead].text in APOSTROPHES
            ):
                lookahead += 1
            if lookahead < hard_limit and lookahead - end <= 2 and is_capitalised(doc[lookahead]):
                if (
                    doc[lookahead].is_punct
                    or doc[lookahead].text in CALENDAR_WORDS
                    or YEAR.match(doc[lookahead].text)
                ):
                    break
                # "Joining her in W are Tom Ward and …": a verb before a name the model
                # calls a person ends the title, as does the sentence's own main verb
                # ("The film Pale Orchard is Wendy Hart's first feature")
                verbs = [t for t in doc[end:lookahead] if t.lower_ in TITLE_VERBS]
                if verbs and (
                    doc[lookahead].ent_type_ == "PERSON"
                    or is_given_name(doc[lookahead].text)
                    or any(t.dep_ == "ROOT" for t in verbs)
                ):
                    break
                end = lookahead + 1
                continue
        break
    return end


def scan_title_backward(
    doc: Doc, end: int, floor: int, function_words: frozenset[str], max_tokens: int
) -> int:
    """Extend a title that ends just before ``end`` leftwards; returns its start index.

    Leading function words are trimmed, so ``of Ballerina`` gives ``Ballerina``.
    Returns ``end`` when the token before ``end`` is not capitalised.
    """
    if end - 1 < floor or not is_capitalised(doc[end - 1]) or doc[end - 1].is_punct:
        return end
    start = end - 1
    lower_limit = max(floor, end - max_tokens)
    while start > lower_limit:
        previous = doc[start - 1]
        # a capital "The" opens a title read backwards: "the live-action/CGI The Jungle
        # Book film" (a subtitle's "The" follows a colon, read below)
        if doc[start].text == "The" and previous.text != ":":
            break
        if is_capitalised(previous) and not previous.is_punct:
            start -= 1
            continue
        if is_joined_hyphen(doc, start - 1) and start - 2 >= lower_limit:
            start -= 2
            continue
        if previous.text == ":" and start - 2 >= lower_limit and is_capitalised(doc[start - 2]):
            start -= 2
            continue
        # a verb is never inside a title read backwards: "Song of Freedom is a 1936 film"
        if (
            previous.lower_ in function_words
            and previous.text[0].islower()
            and previous.pos_ not in ("AUX", "VERB")
        ):
            probe = start - 1
            while probe > lower_limit and doc[probe].lower_ in function_words:
                probe -= 1
            # up to two function words in a row: "Lord of the Rings", "Night of the Living Dead"
            if start - probe <= 3 and is_capitalised(doc[probe]) and not doc[probe].is_punct:
                start = probe
                continue
        break
    return start


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """A comparison key for names: accents, case, punctuation and possessive ``'s`` ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[‘’‚‛`´]", "'", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=65536)
def title_key(text: str) -> str:
    """A comparison key for titles: like :func:`normalise_name`, and digits split from letters.

    ``John Wick: Chapter 3Parabellum`` and ``John Wick Chapter 3 Parabellum`` share a key.
    """
    key = normalise_name(text)
    key = re.sub(r"(\d)([a-z])", r"\1 \2", key)
    return re.sub(r"\s+", " ", key).strip()


def without_leading_the(key: str) -> str:
    """A title key without its leading ``the``: ``Ashfall Line`` names ``The Ashfall Line``
    in a headline, and is the original of ``The Ashfall Line: Vesper Station``."""
    return key[4:] if key.startswith("the ") else key


def span_words(span: Span | Iterable[Token]) -> list[str]:
    """The lower-cased word tokens of a span, punctuation dropped."""
    return [token.lower_ for token in span if not token.is_punct]


def strip_possessive(doc: Doc, start: int, end: int) -> int:
    """Move ``end`` before a trailing possessive marker or stray punctuation."""
    while end > start + 1 and (doc[end - 1].text in APOSTROPHES or doc[end - 1].is_punct):
        end -= 1
    return end
