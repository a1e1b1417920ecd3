"""``reference_resolver``: what ``the film``, ``the series`` and ``she`` point to."""

from __future__ import annotations

import pytest


def _references(result) -> dict[tuple[str, int], str]:
    """(token text, char offset) -> entity key, for every resolved reference."""
    doc = result.doc
    return {(doc[int(i)].text, doc[int(i)].idx): key for i, key in doc._.references.items()}


def test_the_film_after_a_named_film(extract):
    text = "The film Lantern Street opens in May. Priya Castellane directed the film."
    result = extract(text)
    assert _references(result) == {("film", text.rindex("film")): "FILM::lantern street"}
    assert result.pairs("director") == {("Lantern Street", "Priya Castellane")}


def test_the_film_joins_the_cast_of(extract):
    result = extract(
        "The film Lantern Street opens in May. Greta Lindqvist joins the cast of the film."
    )
    assert result.pairs("cast_member") == {("Lantern Street", "Greta Lindqvist")}


def test_the_series_and_the_film_each_find_their_own_kind(extract):
    opening = "The TV series Copper Valley returns in May. The film Lantern Street opens in June. "
    series = extract(opening + "Priya Castellane created the series.")
    assert series.relations("creator") == {("creator", "Copper Valley", "Priya Castellane", None)}
    assert list(_references(series).values()) == ["SERIES::copper valley"]
    film = extract(opening + "Priya Castellane directed the film.")
    assert film.relations("director") == {("director", "Lantern Street", "Priya Castellane", None)}
    assert list(_references(film).values()) == ["FILM::lantern street"]


def test_the_film_followed_by_its_title_is_no_reference(extract):
    result = extract("Corvin Hale stars in the film Lantern Street.")
    assert result.doc._.references == {}


def test_plural_films_is_no_reference(extract):
    result = extract(
        "The film Lantern Street opens in May. Critics admire the films of Priya Castellane."
    )
    assert result.doc._.references == {}
    assert result.pairs("director") == set()


def test_she_after_a_named_actress(extract):
    text = "Greta Lindqvist has joined the film Lantern Street. She will play Morwenna."
    result = extract(text)
    assert _references(result) == {("She", text.index("She")): "PERSON::greta lindqvist"}
    assert result.relations() == {("cast_member", "Lantern Street", "Greta Lindqvist", "Morwenna")}


def test_pronoun_takes_the_previous_subject_not_the_last_person(extract):
    he = extract(
        "Corvin Hale met Priya Castellane in Rome. He will star in the film Lantern Street."
    )
    assert list(_references(he).values()) == ["PERSON::corvin hale"]
    assert he.pairs("cast_member") == {("Lantern Street", "Corvin Hale")}
    she = extract(
        "Priya Castellane met Corvin Hale in Rome. She will direct the film Lantern Street."
    )
    assert list(_references(she).values()) == ["PERSON::priya castellane"]
    assert she.pairs("director") == {("Lantern Street", "Priya Castellane")}
    assert she.pairs("cast_member") == set()


def test_possessive_her_refers_to_the_clause_subject(extract):
    text = (
        "Greta Lindqvist is known for her roles in \u2018Lantern Street\u2019 and "
        "\u2018Copper Valley\u2019."
    )
    result = extract(text)
    assert _references(result) == {("her", text.index("her")): "PERSON::greta lindqvist"}


def test_the_film_prefers_a_later_subject_over_the_first_sentence_work(extract):
    result = extract(
        "Fans of the Lantern Street franchise cheered. Copper Valley is a new film. "
        "Priya Castellane directed the film."
    )
    assert list(_references(result).values()) == ["FILM::copper valley"]
    assert result.pairs("director") == {("Copper Valley", "Priya Castellane")}


def test_the_film_after_a_work_noun_subject(extract):
    result = extract(
        "Corvin Hale stars in the film Lantern Street. The film Copper Valley features "
        "Greta Lindqvist. The film was shot in Oslo."
    )
    assert list(_references(result).values()) == ["FILM::copper valley"]


def test_work_named_after_another_in_its_sentence_does_not_take_the_topic(extract):
    # "The Orange Grove" sits in a clause about the director; the sentence is about
    # "The Cartographer's Widow", which keeps the topic for the cast that follows
    result = extract(
        'Cameras started rolling last week in Valletta on "The Cartographer\'s Widow", the '
        "second feature from Spanish writer-director Pilar Estrada, whose directorial debut, "
        '"The Orange Grove", won the Golden Lion in Venice two years ago. '
        "Set in 1798, the drama follows a widow. Eva Lindholm plays Catalina Ferro."
    )
    credits = result.relations("cast_member")
    assert credits == {
        ("cast_member", "The Cartographer's Widow", "Eva Lindholm", "Catalina Ferro")
    }


def test_title_before_a_numbered_season_is_no_modifier(extract):
    from extractor.pipeline.discourse import MentionIndex

    result = extract("Andor season 2 arrives on Disney+ next week, the streamer said.")
    index = MentionIndex(result.doc)
    andor = [s for s in index.mentions if s.text == "Andor" and s.label_ == "SERIES"]
    assert andor and not index.is_modifier(andor[0])


def test_a_season_of_a_named_show_is_no_reference_to_the_topic(extract):
    result = extract(
        "The TV series Copper Valley won the top prize. Greta Lindqvist won an award for "
        "playing Morwenna in the final season of The Quiet Shore."
    )
    assert result.doc._.references == {}
    assert result.relations("cast_member") == {
        ("cast_member", "The Quiet Shore", "Greta Lindqvist", "Morwenna")
    }


def test_pronoun_in_a_relative_clause_skips_a_possessor(extract):
    text = (
        "Greta Lindqvist was nominated for The Quiet Shore, Corvin Hale's wintry drama, "
        "in which she plays Morwenna."
    )
    result = extract(text)
    assert _references(result)[("she", text.index("she"))] == "PERSON::greta lindqvist"
    assert ("cast_member", "The Quiet Shore", "Greta Lindqvist", "Morwenna") in (
        result.relations("cast_member")
    )


@pytest.mark.parametrize(
    ("text", "pronoun", "antecedent"),
    [
        # gender agreement passes over the nearer subject
        (
            "Greta Lindqvist and Thomas Berg met on the film Lantern Street. "
            "Thomas Berg later directed it. She will play Morwenna in the film.",
            "She",
            "PERSON::greta lindqvist",
        ),
        # a sentence about something else has no person subject to offer
        (
            "Corvin Hale met Greta Lindqvist in Rome. The film work was long and varied. "
            "He was the chaperone Pell Varga in the film Lantern Street.",
            "He",
            "PERSON::corvin hale",
        ),
    ],
    ids=["gender", "reach"],
)
def test_subject_pronoun_antecedent(extract, text, pronoun, antecedent):
    result = extract(text)
    assert _references(result)[(pronoun, text.index(pronoun))] == antecedent


def test_the_drama_before_a_quoted_title_is_no_reference(extract):
    result = extract(
        "The film Lantern Street opens in May. Corvin Hale is best known for the BBC drama "
        '"Greyfriars Lane".'
    )
    assert result.doc._.references == {}
    assert "Greyfriars Lane" in result.names("SERIES")


def test_a_subject_work_noun_stands_for_its_quoted_title(extract):
    text = 'The drama "Conclave" won Best Adapted Screenplay for Peter Straughan.'
    result = extract(text)
    assert _references(result) == {("drama", text.index("drama")): "FILM::conclave"}
    assert ("Conclave", "Best Adapted Screenplay") in result.pairs("award_won")


def test_a_work_noun_in_apposition_to_a_title_is_that_title(extract):
    # the topic is Lantern Street; the apposition names the other film
    text = (
        "Lantern Street won Best Picture. Mirela Danu took Best Supporting Actress for "
        "A Quiet Thaw, the road movie written and directed by Oskar Lind."
    )
    result = extract(text)
    assert _references(result)[("movie", text.index("movie"))] == "FILM::a quiet thaw"
    assert result.pairs("director") == {("A Quiet Thaw", "Oskar Lind")}


def test_the_original_is_the_work_the_sequels_title_extends(extract):
    result = extract(
        "Ironbridge Pictures has dated the film Crown of Wolves: The Ninefold War for December, "
        "the sequel to the film Crown of Wolves. Daria Lenz, who played Marit in the 2022 "
        "original, has left the sequel."
    )
    assert ("Crown of Wolves", "Daria Lenz") in result.pairs("cast_member")
    assert ("Crown of Wolves: The Ninefold War", "Daria Lenz") not in result.pairs("cast_member")


def test_the_original_of_a_differently_named_spin_off_is_left_unresolved(extract):
    result = extract(
        "Netflix has ordered the series Sable, a prequel. The original also shot extensively "
        "on Tenerife."
    )
    assert ("Sable", "Tenerife") not in result.pairs("filming_location")


def test_that_film_points_back_to_the_work_named_last(extract):
    # the article is about the series; "that film" is the one the sentence before named,
    # and the look back does not make it the topic of what follows
    result = extract(
        "The series Copper Valley returns next Tuesday, years after Mara Quinlan starred in "
        "Lantern Street: A Harbour Story. Its final season ends where Lantern Street: A "
        "Harbour Story begins. That 2016 film, directed by Priya Castellane, was a hit. "
        "Corvin Hale plays the smuggler Ivo Brandt."
    )
    assert result.pairs("director") == {("Lantern Street: A Harbour Story", "Priya Castellane")}
    assert ("Copper Valley", "Corvin Hale") in result.pairs("cast_member")
    assert ("Lantern Street: A Harbour Story", "Corvin Hale") not in result.pairs("cast_member")


def test_the_film_after_a_work_named_earlier_in_its_sentence(extract):
    # the work named in the sentence's first clause, not the one in focus before it
    result = extract(
        "The film Copper Valley sold to A24. Blumhouse has come aboard the film Lantern Street, "
        "and "
        "Universal has dated the horror comedy for October 31, 2025.",
        published="2025-02-20",
    )
    assert result.pairs("release_date") == {("Lantern Street", "October 31, 2025")}


@pytest.mark.parametrize(
    "text",
    [
        # the main clause's subject is the work in focus, whatever its clause names
        "The series Copper Valley opens in May. Created by Ruth Amadi, whose drama Lantern "
        "Street won a Bafta, the series premieres in May.",
        # a new project is another work than the one just named
        "The series Copper Valley opens in May. Ruth Amadi won a Bafta for the drama Lantern "
        "Street and has been developing the new series, which premieres in May.",
    ],
)
def test_the_series_is_not_a_work_named_aside(extract, text):
    works = {work for work, _ in extract(text, published="2025-02-20").pairs("release_date")}
    assert works == {"Copper Valley"}


def test_the_original_film_of_a_series_is_the_film_it_extends(extract):
    # the headline's "Ashfall Line" has no article; the series' title extends it anyway
    result = extract(
        "The world of The Ashfall Line is expanding. Vireo+ has ordered The Ashfall Line: "
        "Vesper Station, an eight-episode prequel. Set twenty years before the events of "
        "the original film, which Tamsin Kroeger directed, the series follows a young marshal.",
        title="Vireo+ orders 'Ashfall Line' prequel series Vesper Station",
    )
    directors = result.pairs("director")
    assert any(
        head.endswith("Ashfall Line") and tail == "Tamsin Kroeger" for head, tail in directors
    )
    assert ("The Ashfall Line: Vesper Station", "Tamsin Kroeger") not in directors


def test_a_work_the_parser_hangs_on_is_as_a_complement_sets_the_topic(extract):
    result = extract(
        "First up is The Moth and the Lamplighter, a hand-drawn fable directed by Tomas Kvist. "
        "The second project is Juniper: The Winter Road, the follow-up to the 2021 film Juniper. "
        "Ed Tolland, who directed the first film, will co-direct with his wife, the animator "
        "Hana Tolland."
    )
    directors = result.pairs("director")
    assert ("Juniper", "Ed Tolland") in directors
    assert ("Juniper: The Winter Road", "Hana Tolland") in directors
    assert ("The Moth and the Lamplighter", "Ed Tolland") not in directors


def test_a_possessive_pronoun_skips_a_subject_of_the_other_gender(extract):
    result = extract(
        "Priya Raman laughs when she is asked about the family trade. The director is the "
        "daughter of the documentary maker Suresh Raman, who died in 2011, and her second "
        "feature, The Weight of Small Things, opens on Friday."
    )
    assert result.pairs("director") == {("The Weight of Small Things", "Priya Raman")}


def test_the_first_film_is_the_work_the_sequel_follows(extract):
    result = extract(
        '"Northern Lights", the follow-up to last summer\'s Glasswing (2025), is set for '
        "release on July 9, 2027. Mara Quist, who wrote and directed the first film, is "
        "again writing and directing."
    )
    assert ("Glasswing", "Mara Quist") in result.pairs("director")
    assert ("Glasswing", "Mara Quist") in result.pairs("screenwriter")


def test_a_possessive_pronoun_keeps_its_clause_subject_of_a_mostly_other_gender_name(extract):
    # the name list calls "Jamie" mostly female; "his" in Foxx's own clause is still his
    result = extract(
        "Martin Scorsese's The Aviator leads the field. Swank won Best Actress for Million "
        "Dollar Baby while Jamie Foxx triumphed for his performance as Ray Charles in the "
        "biopic Ray."
    )
    assert ("cast_member", "Ray", "Jamie Foxx", "Ray Charles") in result.relations()
    assert not {tail for _, tail in result.pairs("cast_member")} - {"Jamie Foxx"}
