"""``shapes``: pure token functions for titles and names (``scan_title_*``, ``title_key``)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.lexicon import load_resource, lowered
from extractor.pipeline.shapes import (
    is_joined_hyphen,
    normalise_name,
    scan_title_backward,
    scan_title_forward,
    strip_possessive,
    title_key,
)

FUNCTION_WORDS = lowered(load_resource("work_cues")["function_words"])
MAX_TOKENS = 12


@pytest.fixture(scope="module")
def make_doc():
    return spacy.blank("en").make_doc


def _forward(make_doc, text: str, start: int = 0, max_tokens: int = MAX_TOKENS) -> str:
    doc = make_doc(text)
    end = scan_title_forward(doc, start, len(doc), FUNCTION_WORDS, max_tokens)
    return doc[start:end].text


def _backward(make_doc, text: str, before: str) -> str:
    doc = make_doc(text)
    end = [t.text for t in doc].index(before)
    start = scan_title_backward(doc, end, 0, FUNCTION_WORDS, MAX_TOKENS)
    return doc[start:end].text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lantern Street opens", "Lantern Street"),
        ("Dune Walker: Part Two arrives", "Dune Walker: Part Two"),
        ("Letters from Iwo Jima opens", "Letters from Iwo Jima"),
        ("Night of the Living Dead returns", "Night of the Living Dead"),
        ("Rosa's Last Dance opens", "Rosa's Last Dance"),
        ("Spin-Off Heroes rule", "Spin-Off Heroes"),
        ("Lantern Street \u2014 The Return opens", "Lantern Street \u2014 The Return"),
        ("Iron Comet: 3Parabellum opens", "Iron Comet: 3Parabellum"),
        # a function word is taken only before a capitalised word, at most two in a row
        ("Lantern Street in June", "Lantern Street"),
        ("Lantern Street in 2024", "Lantern Street"),
        ("Lantern Street of the and Damned", "Lantern Street"),
        ("Lantern Street, Copper Valley", "Lantern Street"),
        ("Lantern Street opens in May", "Lantern Street"),
        # no title starts at a lower-case word or punctuation
        ("lantern Street", ""),
        (", Lantern Street", ""),
    ],
)
def test_scan_title_forward(make_doc, text, title):
    assert _forward(make_doc, text) == title


def test_scan_title_forward_stops_at_max_tokens_and_limit(make_doc):
    assert _forward(make_doc, "A B C D E F", max_tokens=3) == "A B C"
    doc = make_doc("Lantern Street Copper Valley")
    assert scan_title_forward(doc, 0, 2, FUNCTION_WORDS, MAX_TOKENS) == 2
    assert scan_title_forward(doc, 4, 4, FUNCTION_WORDS, MAX_TOKENS) == 4


@pytest.mark.parametrize(
    ("text", "before", "title"),
    [
        ("the sequel to Iron Comet: Chapter 4 director", "director", "Iron Comet: Chapter 4"),
        ("a remake of Ballerina director", "director", "Ballerina"),
        ("loved Spin-Off Heroes director", "director", "Spin-Off Heroes"),
        ("the studio director", "director", ""),
    ],
)
def test_scan_title_backward(make_doc, text, before, title):
    assert _backward(make_doc, text, before) == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("fans of Night of the Living Dead franchise", "Night of the Living Dead"),
        ("fans of the Lord of the Rings franchise", "Lord of the Rings"),
    ],
)
def test_scan_title_backward_takes_two_function_words_like_forward(make_doc, text, title):
    assert _backward(make_doc, text, "franchise") == title


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Reeves's", "Reeves"), ("Wick\u2019s", "Wick"), ("Lantern Street,", "Lantern Street")],
)
def test_strip_possessive(make_doc, text, kept):
    doc = make_doc(text)
    assert doc[: strip_possessive(doc, 0, len(doc))].text == kept


def test_is_joined_hyphen(make_doc):
    joined = make_doc("Spin-Off")
    spaced = make_doc("Spin - Off")
    assert [t.text for t in joined] == ["Spin", "-", "Off"]
    assert is_joined_hyphen(joined, 1)
    assert not is_joined_hyphen(spaced, 1)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Iron Comet: Chapter 3Parabellum", "Iron Comet Chapter 3 Parabellum"),
        ("Iron Comet: Chapter 4", "iron comet chapter 4"),
        ("Am\u00e9lie\u2019s Garden", "Amelie Garden"),
        ("Lantern  Street!", "lantern street"),
    ],
)
def test_title_key_equal(left, right):
    assert title_key(left) == title_key(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Iron Comet: Chapter 3", "Iron Comet: Chapter 4"), ("Lantern Street", "Lantern Streets")],
)
def test_title_key_different(left, right):
    assert title_key(left) != title_key(right)


def test_normalise_name_drops_accents_case_and_possessive():
    assert normalise_name("Pen\u00e9lope Cruz\u2019s") == "penelope cruz"
    assert normalise_name("de Armas") == normalise_name("De Armas") == "de armas"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_title_key_is_idempotent(text):
    key = title_key(text)
    assert title_key(key) == key


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalise_name_is_idempotent_and_lower_case(text):
    key = normalise_name(text)
    assert normalise_name(key) == key
    assert key == key.lower()
