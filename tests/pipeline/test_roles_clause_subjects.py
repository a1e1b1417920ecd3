"""Who a cast credit goes to when the ``as`` phrase is not the main clause's: the
subject of the clause a possessive pronoun sits in, and a verb the parser read as a
noun at the end of a relative clause."""

from __future__ import annotations


def test_possessive_pronoun_takes_its_own_clause_subject(extract):
    result = extract(
        'The drama "Kettle Point" swept the night. Kenji Arata, who plays the scheming '
        "warlord Ito Masa and also produced the show, became the first Japanese actor to win "
        "Best Actor in a Drama Series, and Yui Sato received Best Actress in a Drama Series "
        "for her performance as the translator Mei Kato."
    )
    cast = result.relations("cast_member")
    assert ("cast_member", "Kettle Point", "Yui Sato", "Mei Kato") in cast
    assert ("cast_member", "Kettle Point", "Kenji Arata", "Mei Kato") not in cast


def test_and_stars_as_at_the_end_of_a_relative_clause(extract):
    result = extract(
        'The series "Night Porter" won three awards. Owen Pask, who wrote the show from '
        "his own years of being ignored and stars as Bernard Cole, took Best Actor."
    )
    assert ("cast_member", "Night Porter", "Owen Pask", "Bernard Cole") in result.relations(
        "cast_member"
    )
