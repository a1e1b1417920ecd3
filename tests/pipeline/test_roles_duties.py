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


def test_names_opening_the_sentence_share_duties_the_parser_misreads(extract):
    # the small model tags "share" a noun, leaving "duties" no verb
    result = extract(
        "The series Andor returns next week. Ariel Kleiman, Janus Metz and Alonso "
        "Ruizpalacios share directing duties."
    )
    assert result.pairs("director") == {
        ("Andor", "Ariel Kleiman"),
        ("Andor", "Janus Metz"),
        ("Andor", "Alonso Ruizpalacios"),
    }


def test_duties_named_before_the_people_give_no_crash_and_no_guess(extract):
    result = extract("The series Andor returns. Directing duties go to Ariel Kleiman.")
    assert ("Andor", "Ariel Kleiman") not in result.pairs("cast_member")
