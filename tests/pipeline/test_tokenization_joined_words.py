"""Hyphenated role words stay one token with their lemma, so the parse around them holds."""

from __future__ import annotations

import pytest

from extractor.pipeline.tokenization import joined_word_forms


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("co-directed", "co-direct"), ("Co-written", "co-write"), ("co-stars", "co-star")],
)
def test_joined_word_is_one_token_with_its_lemma(nlp, word, lemma):
    doc = nlp(f"The film Lantern Street, {word} by Ysolde Merrow, opens in May.")
    token = next(t for t in doc if t.text.lower() == word.lower())
    assert token.lemma_ == lemma


def test_every_listed_form_has_a_capitalised_twin():
    forms = joined_word_forms()
    assert forms["co-wrote"] == "co-write"
    assert forms["Co-wrote"] == "co-write"


def test_co_directed_by_credits_both_directors(extract):
    result = extract("The film Lantern Street was co-directed by Ysolde Merrow and Orla Brennan.")
    assert result.pairs("director") == {
        ("Lantern Street", "Ysolde Merrow"),
        ("Lantern Street", "Orla Brennan"),
    }


def test_relative_clause_with_a_joined_verb_keeps_its_own_work(extract):
    # split into "co - directed", the parser hung "Paper Boats" off a noun and lost the clause
    result = extract(
        "The film Lantern Street is in production. Greta Lindqvist and Tom Bexley, who "
        "co-directed the studio's short Paper Boats, direct from a screenplay by Orla Brennan."
    )
    assert ("Paper Boats", "Greta Lindqvist") in result.pairs("director")
