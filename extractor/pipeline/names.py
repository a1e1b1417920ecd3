"""Knowledge of personal names: is this word a known given name?

Backed by the ``gender-guesser`` package's dictionary of about 40,000 given names
from many countries (loaded once per process, about 0.2 s). Only membership is
used, never the gender.
"""

from __future__ import annotations

from functools import lru_cache

NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "ibn",
        "y",
        "dos",
        "das",
        "st",
        "st.",
    }
)


# Words the name dictionary lists (some are given names somewhere) that in English
# text are almost always function words or title nouns.
NOT_GIVEN_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "And",
        "Of",
        "In",
        "On",
        "At",
        "To",
        "For",
        "With",
        "From",
        "By",
        "As",
        "But",
        "Or",
        "If",
        "So",
        "It",
        "He",
        "She",
        "We",
        "They",
        "His",
        "Her",
        "Its",
        "Our",
        "Their",
        "This",
        "That",
        "These",
        "Those",
        "Who",
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "Not",
        "No",
        "Yes",
        "All",
        "Star",
        "Chapter",
        "Part",
        "Season",
        "Episode",
        "Director",
        "Lord",
        "Lady",
        "King",
        "Queen",
        # common nouns of titles the list also holds as rare given names
        "Night",
        "Love",
        "Spring",
        "Ice",
        "Red",
        "Silver",
    }
)


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gender_detector

    return gender_detector.Detector(case_sensitive=False)


@lru_cache(maxsize=20000)
def given_name_gender(word: str) -> str:
    """The name list's reading of a given name: ``male``, ``mostly_female``, ``andy``,
    ``unknown`` ... (used only for pronoun agreement, never output)."""
    return _detector().get_gender(word)


def name_gender(
    name: str,
    female_words: frozenset[str] = frozenset(),
    male_words: frozenset[str] = frozenset(),
    certain_only: bool = False,
) -> str | None:
    """The gender a name states, for pronoun agreement only.

    Args:
        name: a person's or character's name (``Queen Marit``, ``Rohan Bakshi``).
        female_words: lower-case title words that make a name female (``queen``).
        male_words: lower-case title words that make a name male (``king``).
        certain_only: count only names the list gives one gender outright, not those it
            calls mostly one (``Jamie``).

    Returns:
        ``f`` or ``m`` from a title word or the first known given name before the surname,
        else None.
    """
    words = name.replace(".", " ").split()
    # the last word of a full name is a surname, whatever a name list says of it ("Hale")
    for position, word in enumerate(words):
        lower = word.lower()
        if lower in female_words:
            return "f"
        if lower in male_words:
            return "m"
        if position == len(words) - 1 and position > 0:
            break
        guess = given_name_gender(word)
        if certain_only and guess.startswith("mostly_"):
            return None
        if guess in ("female", "mostly_female"):
            return "f"
        if guess in ("male", "mostly_male"):
            return "m"
        if guess == "andy":
            return None
    return None


@lru_cache(maxsize=20000)
def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name (``Keanu``, ``Ana``; not ``Ballerina``)."""
    if not word or not word[0].isupper() or not word.isalpha() or word in NOT_GIVEN_NAMES:
        return False
    return _detector().get_gender(word) != "unknown"


def looks_like_person_name(words: list[str]) -> bool:
    """Two to four capitalised words (particles allowed inside) starting with a given name."""
    if not 2 <= len(words) <= 4:
        return False
    if not is_given_name(words[0]) or words[-1].lower() in NAME_PARTICLES:
        return False
    for word in words[1:]:
        if word.lower() in NAME_PARTICLES:
            continue
        if not (
            word[:1].isupper() and word.replace("-", "").replace("'", "").replace("’", "").isalpha()
        ):
            return False
    return True
