"""``X has taken over writing duties``: a role named by a gerund before duties/reins/credit."""

from __future__ import annotations


def test_taking_over_writing_duties_is_a_screenwriter_credit(extract):
    result = extract(
        "The series Andor returns next week. Tony Gilroy has taken over writing duties."
    )
    assert ("Andor", "Tony Gilroy") in result.pairs("screenwriter")


def test_duties_without_a_role_gerund_give_nothing(extract):
    result = extract(
        "The series Andor returns next week. Tony Gilroy has taken over publicity duties."
    )
    assert result.pairs("screenwriter") == set() and result.pairs("director") == set()
