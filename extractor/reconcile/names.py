"""Name normalisation, slugs and fuzzy name matching (rapidfuzz).

A *name key* is the form names are compared in: accents dropped, case folded,
punctuation turned into spaces, ``&`` spelt ``and``, number words and Roman
numerals written as digits, runs of initials joined (``J. K.`` -> ``jk``). Two
surface forms with one key (``John Wick: Chapter 4``, ``John Wick Chapter 4``) are
the same name; other pairs are compared with ``rapidfuzz.fuzz.ratio`` on their
keys, and never match when their numbers differ (``Chapter 3``, ``Chapter 4``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from extractor.reconcile.settings import ReconcileSettings

_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
# A year in brackets closing a work title: "Casino Royale (2006)", "Dune (2021 film)".
_TRAILING_YEAR = re.compile(r"\s*\((1[89]\d\d|20\d\d)(?:\s+(?:film|movie|series|tv series))?\)\s*$")
# "i" is left alone: as a word ("I, Tonya") it is far more common than as a numeral.
_NUMBER_TOKENS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
    "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8",
    "ix": "9", "x": "10", "xi": "11", "xii": "12", "xiii": "13", "xiv": "14", "xv": "15",
}  # fmt: skip


def split_title_year(name: str) -> tuple[str, int | None]:
    """Split a trailing bracketed year off a work title.

    Args:
        name: a surface form such as ``Casino Royale (2006)``.

    Returns:
        The title without the bracket, and the year or None.
    """
    match = _TRAILING_YEAR.search(name)
    if match is None or match.start() == 0:
        return name, None
    return name[: match.start()], int(match.group(1))


LEADING_ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The comparison form of a name (see the module docstring).

    Args:
        name: any surface form.

    Returns:
        Lower-case ASCII-folded words separated by single spaces; may be empty.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    tokens = [_NUMBER_TOKENS.get(token, token) for token in _NOT_WORD.sub(" ", text).split()]
    # "The Ashfall Line" and "Ashfall Line" are one title; a leading article is dropped
    if len(tokens) > 1 and tokens[0] in LEADING_ARTICLES:
        tokens = tokens[1:]
    return " ".join(_join_initials(tokens))


def _join_initials(tokens: list[str]) -> list[str]:
    # "J. K. Simmons" and "JK Simmons" are one name; a lone initial ("Alan J. Pakula") stays.
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if len(run) > 1:
            joined.append("".join(run))
        else:
            joined.extend(run)
        run = []
        if token:
            joined.append(token)
    return joined


def numbers_of(key: str) -> frozenset[str]:
    """The digit runs of a name key (sequel numbers, years)."""
    return frozenset(_DIGITS.findall(key))


def slugify(text: str) -> str:
    """A lower-case ASCII slug (``John Wick: Chapter 4`` -> ``john-wick-chapter-4``).

    Names with no ASCII letters or digits (a title in Japanese script) get a short hash,
    so every name has a non-empty slug.

    Args:
        text: a display name.

    Returns:
        Words of ``[a-z0-9]`` joined by ``-``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = _APOSTROPHES.sub("", ascii_text.casefold().replace("&", " and "))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "h" + short_hash(text)


def short_hash(*parts: str, length: int = 8) -> str:
    """A short, stable hex digest of some strings (SHA-1, so equal across runs and machines)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class KeyMatch:
    """Two distinct name keys that count as the same name.

    Attributes:
        left: index of one key in the list given to :func:`matching_key_pairs`.
        right: index of the other key, greater than ``left``.
        score: ``rapidfuzz.fuzz.ratio`` of the keys, 0..100.
    """

    left: int
    right: int
    score: float


def keys_match(left: str, right: str, entity_type: str, settings: ReconcileSettings) -> bool:
    """Whether two name keys of one entity type name the same thing.

    Args:
        left: a name key.
        right: another name key.
        entity_type: the entity type both belong to.
        settings: thresholds.

    Returns:
        True when the keys are equal, or similar enough under the type's threshold with
        equal numbers (and, for some types, equally many words).
    """
    if left == right:
        return True
    if not left or not right or not _guards_pass(left, right, entity_type, settings):
        return False
    threshold = settings.threshold_for(entity_type)
    return fuzz.ratio(left, right, score_cutoff=threshold) >= threshold


def _guards_pass(left: str, right: str, entity_type: str, settings: ReconcileSettings) -> bool:
    # High string similarity says nothing about sequel numbers or an extra initial.
    if numbers_of(left) != numbers_of(right):
        return False
    return not (
        entity_type in settings.same_token_count_types and len(left.split()) != len(right.split())
    )


def matching_key_pairs(
    keys: Sequence[str], entity_type: str, settings: ReconcileSettings
) -> list[KeyMatch]:
    """All pairs of distinct keys that fuzzily name the same thing.

    Only keys that can pass the guards are compared: keys are blocked by their numbers
    (and word count where the type requires equal counts), and within a block by length,
    since ``fuzz.ratio >= t`` needs the longer key to be at most ``200 / t - 1`` times the
    shorter. The comparisons run in ``rapidfuzz.process.cdist`` in row chunks, so memory
    stays at ``fuzzy_chunk_rows`` rows of scores; the result does not depend on the chunking.

    Args:
        keys: distinct, non-empty name keys of one entity type.
        entity_type: their type, for its threshold and guards.
        settings: thresholds.

    Returns:
        Matches with ``left < right`` (indices into ``keys``), ordered by ``(left, right)``.
    """
    threshold = settings.threshold_for(entity_type)
    if threshold >= 100 or len(keys) < 2:
        return []
    blocks: dict[tuple[frozenset[str], int], list[int]] = defaultdict(list)
    counts_words = entity_type in settings.same_token_count_types
    for index, key in enumerate(keys):
        blocks[(numbers_of(key), len(key.split()) if counts_words else 0)].append(index)
    stretch = 200.0 / threshold - 1.0
    chunk = max(1, settings.fuzzy_chunk_rows)
    matches: list[KeyMatch] = []
    for block in blocks.values():
        order = sorted(block, key=lambda index: (len(keys[index]), keys[index]))
        texts = [keys[index] for index in order]
        lengths = [len(text) for text in texts]
        for start in range(0, len(order), chunk):
            stop = min(start + chunk, len(order))
            # Columns before `start` are shorter keys, already compared as rows.
            column_stop = bisect.bisect_right(lengths, lengths[stop - 1] * stretch)
            if column_stop - start < 2:
                continue
            scores = process.cdist(
                texts[start:stop],
                texts[start:column_stop],
                scorer=fuzz.ratio,
                score_cutoff=threshold,
                dtype=np.float32,
                workers=-1,
            )
            rows, columns = np.nonzero(scores)
            for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
                if column <= row:
                    continue
                left, right = sorted((order[start + row], order[start + column]))
                # float32 scores; two decimals keep the ordering reproducible.
                matches.append(KeyMatch(left, right, round(float(scores[row, column]), 2)))
    matches.sort(key=lambda match: (match.left, match.right))
    return matches
