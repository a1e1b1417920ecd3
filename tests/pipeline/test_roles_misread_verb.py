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


PAIR_WHO_CODIRECTED = (
    "Thornbury Animation has rounded out the voice cast of Pip and the Lantern Fox, the "
    "Bristol studio's first original feature. Giulia Perrotta and Tom Bexley, who "
    "co-directed the studio's short Paper Boats, direct from a screenplay by Hattie Lowell."
)


def test_base_form_read_as_an_adjective_after_a_relative_clause(extract):
    # the tagger reads "direct" as an adjective of the subject; the two directors are the
    # feature's, not the short's named inside the clause
    directors = extract(PAIR_WHO_CODIRECTED).pairs("director")
    assert ("Pip and the Lantern Fox", "Giulia Perrotta") in directors
    assert ("Pip and the Lantern Fox", "Tom Bexley") in directors


def test_a_shared_credit_in_a_relative_clause_is_the_whole_list(extract):
    directors = extract(PAIR_WHO_CODIRECTED).pairs("director")
    assert {("Paper Boats", "Giulia Perrotta"), ("Paper Boats", "Tom Bexley")} <= directors


def test_a_single_credit_in_a_relative_clause_is_the_last_name_only(extract):
    result = extract(
        "The cast of Low Tide includes Ana Reyes and Tom Bexley, who directed Paper Boats."
    )
    assert ("Paper Boats", "Ana Reyes") not in result.pairs("director")
