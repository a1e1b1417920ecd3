"""Titles the name list would read as people: a title right after its work noun that
ends the phrase, a foreign title opened by an article that is also a given name, and a
name set off by commas after a noun that can only stand for a work."""

from __future__ import annotations

import pytest


def test_name_shaped_title_right_after_its_noun(extract):
    result = extract("Duties pass to Ravi Kell, the showrunner of the workplace sitcom Night Desk.")
    assert ("SERIES", "Night Desk") in result.entities()
    assert ("producer", "Night Desk", "Ravi Kell", None) in result.relations()


def test_name_before_a_verb_after_the_noun_is_still_a_person(extract):
    result = extract("In the film Grace Kelly plays a princess.")
    assert "Grace Kelly" in result.names("PERSON")


def test_a_name_the_parser_sets_in_apposition_to_its_noun_is_the_title(extract):
    # the model tags the name a person; the parse makes it the noun's apposition
    result = extract("The drama series Harbour Lights won six Emmys.")
    assert ("SERIES", "Harbour Lights") in result.entities()
    assert "Harbour Lights" not in result.names("PERSON")


def test_foreign_article_title_before_a_year(extract):
    result = extract("Her first feature, Les Nuits Blanches (1983), followed a night nurse.")
    assert "Les Nuits Blanches" in result.names("FILM")
    assert ("release_date", "Les Nuits Blanches", "1983", None) in result.relations()


def test_name_set_off_after_original_and_its_sequel(extract):
    result = extract(
        "Iris Vane wrote the 2014 original, Kingfisher, and its 2017 sequel, "
        "Kingfisher II: Undertow. Both were directed by Marek Stahl."
    )
    assert "Kingfisher" in result.names("FILM")
    # "its sequel" is the numbered sequel of the film named before it, never that film
    dates = result.pairs("release_date")
    assert ("Kingfisher", "2017") not in dates


def test_set_off_name_shaped_like_a_person_is_no_title(extract):
    result = extract("Her debut, Anna Perrin recalled, was made for almost nothing.")
    assert "Anna Perrin" not in result.names("FILM")


def test_renewed_for_a_season_names_a_series(extract):
    result = extract("Streamer Lumen+ has renewed Severn Lane for a third season.")
    assert ("SERIES", "Severn Lane") in result.entities()


def test_companies_joined_by_and_before_a_closer_are_no_title(extract):
    result = extract(
        "The comedy, a co-production between StudioCanal and Working Title Films, hits "
        "cinemas next Friday."
    )
    assert not result.names("FILM") and not result.names("SERIES")


def test_a_verb_before_a_person_ends_the_title(extract):
    result = extract("Joining Mara Quill in the film Harbour Lights are Tom Ward and Rhys Penn.")
    assert "Harbour Lights" in result.names("FILM")
    assert ("cast_member", "Harbour Lights", "Tom Ward", None) in result.relations()


def test_a_title_noun_is_no_given_name(extract):
    result = extract("Rounding out the cast of Night Ferry are Tom Ward and Mara Quill.")
    assert "Night Ferry" in result.names("FILM")


def test_title_in_apposition_after_leading_adverbs(extract):
    # the model calls the title a facility; the dated work noun in apposition says film
    result = extract(
        "She was cutting his pictures, most memorably La Città di Vetro, the 1968 thriller "
        "he shot in Trieste."
    )
    assert "La Città di Vetro" in result.work_names()
    assert ("La Città di Vetro", "1968") in result.pairs("release_date")


def test_apposition_on_a_titles_last_noun_names_the_whole_title(extract):
    # the parser hangs "an epic" on "Sea", inside the title's "of" phrase
    result = extract(
        "After that she heads to Morocco to shoot Daughters of the Dune Sea, an epic "
        "produced by Working Title."
    )
    assert "Daughters of the Dune Sea" in result.work_names()


def test_a_sentence_opening_work_phrase_takes_the_name_after_it(extract):
    # after "The series" opening the sentence, a name without a given name is the title
    result = extract("The series Iron Bay premieres on Netflix on March 3.")
    assert ("SERIES", "Iron Bay") in result.entities()
    assert "Iron Bay" not in result.names("PERSON")


def test_a_nationality_tag_right_after_the_work_noun_is_still_the_title(extract):
    result = extract(
        "The six-part drama Adolescence, co-created by Jack Thorne and Stephen Graham, "
        "launched on Netflix on March 13."
    )
    assert ("SERIES", "Adolescence") in result.entities()
    assert ("creator", "Adolescence", "Jack Thorne", None) in result.relations()


def test_a_place_tagged_name_classed_as_a_kind_of_work_is_the_title(extract):
    result = extract(
        "Paul Mescal will star opposite Saoirse Ronan in Lowland, a period drama written "
        "and directed by Joanna Hogg."
    )
    assert ("director", "Lowland", "Joanna Hogg", None) in result.relations()
    assert ("cast_member", "Lowland", "Paul Mescal", None) in result.relations()


def test_a_place_before_a_definite_work_phrase_stays_a_place(extract):
    result = extract("The film Lantern Street was shot in Belfast, the drama's setting.")
    assert "Belfast" not in result.work_names()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Mikey Madison plays Ani, a stripper from Brooklyn, in Sean Baker's Anora.", "Anora"),
        ("Steve McQueen's Blitz, starring Saoirse Ronan, was shot in London.", "Blitz"),
    ],
)
def test_a_title_after_a_directors_possessive_the_model_calls_a_name(extract, text, title):
    assert title in extract(text).work_names()


def test_a_place_modifying_a_noun_after_a_possessive_is_no_title(extract):
    result = extract("Johnny Depp played a soldier in Oliver Stone's Vietnam epic Platoon.")
    assert "Vietnam" not in result.work_names()
    assert ("cast_member", "Platoon", "Johnny Depp", None) in result.relations()
