"""Titles from a director's possessive, from the headline, and their FILM/SERIES type."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.components.work_titles import TitleCues, headline_titles

CUES = TitleCues.load()


# -- "W, Person's 1973 chiller" --------------------------------------------------------
def test_title_before_an_apposed_possessive_work_noun(extract):
    result = extract(
        "Critics consider his finest hour to be Cold Harbour Road, Corvin Hale's 1973 "
        "chiller, which was shot in Venice."
    )
    assert result.names("FILM") == {"Cold Harbour Road"}
    assert result.pairs("director") == {("Cold Harbour Road", "Corvin Hale")}


def test_contraction_inside_a_title_before_an_apposed_possessive(extract):
    result = extract(
        "Critics consider his finest hour to be Don't Look Now, Corvin Hale's 1973 chiller."
    )
    assert result.names("FILM") == {"Don't Look Now"}
    assert result.pairs("director") == {("Don't Look Now", "Corvin Hale")}


# -- "Person's W" in film talk -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "film", "director"),
    [
        (
            "A year later he played the investigator Pell Varga in Alan J. Pakula's Klute.",
            "Klute",
            "Alan J. Pakula",
        ),
        (
            "She has scored Priya Castellane's Women Talking and two other films.",
            "Women Talking",
            "Priya Castellane",
        ),
        (
            "Greta Lindqvist won for her turn as the lawyer Morwenna Price in Jacques "
            "Audiard's Emilia Pérez.",
            "Emilia Pérez",
            "Jacques Audiard",
        ),
    ],
)
def test_title_after_a_persons_possessive_in_film_talk(extract, text, film, director):
    result = extract(text)
    assert film in result.names("FILM")
    assert (film, director) in result.pairs("director")


@pytest.mark.parametrize(
    "text",
    [
        # no film talk: a budget, a seat, a book
        "Gordon Brown's Budget turned into a full scale row in Westminster.",
        # a character named after an actor's possessive
        "Critics loved the film, and Gary Oldman's Jackson Lamb is back on screen.",
        # the name modifies a noun
        "The composer Greta Lindqvist's Joker win was a surprise at the film awards.",
    ],
)
def test_no_title_after_a_possessive_outside_film_talk_or_before_a_noun(extract, text):
    result = extract(text)
    assert "possessed_by_person" not in {s.kb_id_ for s in result.doc.spans["work_titles"]}


def test_possessed_title_stops_before_a_coordinated_phrase(extract):
    result = extract(
        "He followed it with Philip Kaufman's Invasion of the Body Snatchers and with a "
        "family drama that took the Academy Award."
    )
    assert "Invasion of the Body Snatchers" in result.names("FILM")


# -- FILM or SERIES ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Corvin Hale, best known for the BBC drama Greyfriars Lane, joins the cast.",
            "Greyfriars Lane",
        ),
        ("FX's feudal Japan epic Shogun Rising swept the drama categories.", "Shogun Rising"),
    ],
)
def test_title_after_a_television_channel_is_a_series(extract, text, title):
    result = extract(text)
    assert title in result.names("SERIES")
    assert title not in result.names("FILM")


def test_genre_noun_without_television_context_stays_a_film(extract):
    result = extract("The crime drama Lantern Street opens in cinemas on Friday.")
    assert result.names("FILM") == {"Lantern Street"}


def test_genre_noun_with_episodes_is_a_series(extract):
    result = extract(
        "The Quiet Shore, an eight-episode crime drama, premieres on Sunday with two episodes."
    )
    assert result.names("SERIES") == {"The Quiet Shore"}


# -- the headline --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Andor season 2: everything to know before it returns", [("Andor", "SERIES")]),
        ("Slow Horses season four: a new joe arrives", [("Slow Horses", "SERIES")]),
        ("Under the Cold Lamps review: a handsome noir", [("Under the Cold Lamps", "WORK")]),
        (
            "Tom Ashcroft to star in Sky Atlantic's 'The Lamplighters'",
            [("The Lamplighters", "WORK")],
        ),
        (
            "Emmys 2024: The Bear season 3 review",
            [("Emmys 2024: The Bear", "SERIES"), ("The Bear", "SERIES")],
        ),
        # a quoted remark and a section label are no titles
        ("Clementine Ashby: 'My dad still gives me notes at dinner'", []),
        ("UK box office: a quiet weekend", []),
        (None, []),
    ],
)
def test_headline_titles(headline, expected):
    assert headline_titles(headline, CUES) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_headline_titles_are_title_cased_parts_of_the_headline(headline):
    for name, label in headline_titles(headline, CUES):
        assert name in headline
        assert label in ("WORK", "SERIES")
        assert name[:1].isupper() or name[:1].isdigit()


def test_headline_names_the_main_work_over_one_mentioned_more_in_the_text(extract):
    # the last work named as a subject is four sentences back, so the main work decides
    text = (
        "The series Copper Valley made Greta Lindqvist famous, and Copper Valley won two "
        "Baftas. "
        "Her new series The Quiet Shore premieres on Sunday. The cast is strong. Critics "
        "are kind. Viewers are hopeful. Corvin Hale directed all six episodes."
    )
    plain = extract(text)
    headed = extract(text, title="'The Quiet Shore' premieres on Sunday")
    assert plain.pairs("director") == {("Copper Valley", "Corvin Hale")}
    assert headed.pairs("director") == {("The Quiet Shore", "Corvin Hale")}


def test_headline_season_cue_makes_a_characters_name_the_show(extract):
    text = (
        "Diego Alva is back as Andor, the thief turned rebel. Andor returns to the "
        "streamer next Tuesday. Corvin Hale directed the new episodes."
    )
    result = extract(text, title="Andor season 2: everything to know")
    assert "Andor" in result.names("SERIES")
    assert ("Andor", "Corvin Hale") in result.pairs("director")


def test_work_in_a_relative_clause_of_the_opening_is_not_the_main_work(extract):
    # "Glasshouse" is named in the opening, but inside "who made …": background only
    text = (
        "Tomas Kvist, who made the short film Glasshouse, returns with the film Lantern "
        "Street. The cast is strong. Critics are kind. Viewers are hopeful. Buyers are "
        "keen. GKIDS will distribute the film in North America."
    )
    result = extract(text)
    assert result.pairs("distributor") == {("Lantern Street", "GKIDS")}


@pytest.mark.parametrize(
    "text",
    [
        "The film prize went to Michael Moore's Bush-baiting documentary about Iraq.",
        "At the film awards Manchester United's Brown was praised by the star.",
    ],
)
def test_possessed_name_before_a_hyphen_or_tagged_a_person_is_no_title(extract, text):
    result = extract(text)
    assert "possessed_by_person" not in {s.kb_id_ for s in result.doc.spans["work_titles"]}


def test_possessed_title_stops_before_another_possessor(extract):
    result = extract("The film prize went to Jean Renoir's La Grande Illusion and Paris's finest.")
    assert "La Grande Illusion and Paris" not in result.titles()


def test_title_in_apposition_does_not_start_at_the_person_before_it(extract):
    result = extract(
        "Best Actor went to Adrien Brody for The Brutalist, Brady Corbet's "
        "three-and-a-half-hour epic, in which he plays the architect László Tóth."
    )
    assert "The Brutalist" in result.names("FILM")
    assert ("The Brutalist", "Brady Corbet") in result.pairs("director")
    assert ("The Brutalist", "Adrien Brody") in result.pairs("cast_member")


def test_possessed_title_the_model_reads_as_a_date(extract):
    result = extract(
        "The horror film lands a week after Orla Brennan's 30 Years Later, which Sony opens "
        "on June 20, 2025."
    )
    assert "30 Years Later" in result.names("FILM")
    assert ("30 Years Later", "Orla Brennan") in result.pairs("director")


@pytest.mark.parametrize(
    "text",
    ["The film Lantern Street premieres in October 2025.", "It opens at Christmas 2025."],
)
def test_dates_with_calendar_words_stay_dates(extract, text):
    assert result_titles(extract(text)) <= {"Lantern Street"}


def result_titles(result) -> set[str]:
    return result.work_names()


def test_a_possessor_after_the_article_belongs_to_the_title(extract):
    # the model tags "Ferryman" a person, but no personal name takes "The"
    result = extract(
        "The nominations were announced on Tuesday, and the BBC One drama The Ferryman's "
        "Daughter leads the field with six, including Drama Series."
    )
    assert "The Ferryman's Daughter" in result.names("SERIES")
