"""A role verb the tagger reads as a plural noun (``Hale directs`` -> NNS) still gives the
credit to the person just before it."""

from __future__ import annotations


def test_misread_directs_gives_director(extract):
    result = extract(
        "The Lamplighters is a Victorian crime drama series. "
        "Rupert Hale directs the first three episodes."
    )
    assert ("The Lamplighters", "Rupert Hale") in result.pairs("director")


def test_plural_noun_after_a_name_that_is_no_role_verb_gives_nothing(extract):
    result = extract(
        "The Lamplighters is a Victorian crime drama series. "
        "Rupert Hale thanks the first three readers."
    )
    assert result.pairs("director") == set()
