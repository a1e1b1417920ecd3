"""Which work a credit goes to when the phrase names it by a title before a work noun,
and who the subject is when the verb hangs below a noun (``in talks to join``)."""

from __future__ import annotations


def test_title_before_the_work_noun_names_the_work(extract):
    result = extract(
        "Harbourlight star Idris Vale has signed on for the Hamlet film directed by Nell Osei."
    )
    assert ("director", "Hamlet", "Nell Osei", None) in result.relations()
    assert ("director", "Harbourlight", "Nell Osei", None) not in result.relations()


def test_a_derived_work_noun_is_another_work_than_its_title(extract):
    result = extract(
        'The film "Glass Orchard" opens in May. The Harbourlight sequel, written by Nell '
        "Osei, also features Dan Roe."
    )
    assert ("screenwriter", "Harbourlight", "Nell Osei", None) not in result.relations()


def test_in_talks_to_join_takes_the_subject_of_is(extract):
    result = extract("Sources say Mira Castell is in talks to join the cast of The Salt Road.")
    assert ("cast_member", "The Salt Road", "Mira Castell", None) in result.relations()


def test_role_as_a_character_on_a_show(extract):
    result = extract(
        "Paul Deane is best known for his role as Vinnie Crouse on The Lockhart Files."
    )
    assert ("SERIES", "The Lockhart Files") in result.entities()
    assert ("cast_member", "The Lockhart Files", "Paul Deane", "Vinnie Crouse") in (
        result.relations()
    )


def test_bare_job_description_before_a_character(extract):
    result = extract('The series "Cinder Row" stars Ian Marr as gang leader Tommy Vale.')
    assert ("cast_member", "Cinder Row", "Ian Marr", "Tommy Vale") in result.relations()
