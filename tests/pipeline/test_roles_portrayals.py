"""Acting credits told as a praised or nominated portrayal: the part, then ``in`` and
the work, with no title cue before the work itself."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nadia Ekwueme was nominated for her portrayal of Ada Lovelace in Engine of Dreams.",
            ("Engine of Dreams", "Nadia Ekwueme", "Ada Lovelace"),
        ),
        (
            "Piers Holloway, nominated for playing the weary Inspector Gault in Low Tide, "
            "lost out.",
            ("Low Tide", "Piers Holloway", "Inspector Gault"),
        ),
        (
            "Odile Brun earned praise for her turn as Mireille Sorel in The Long Quiet.",
            ("The Long Quiet", "Odile Brun", "Mireille Sorel"),
        ),
    ],
    ids=["portrayal-of", "nominated-for-playing", "turn-as"],
)
def test_portrayal_in_a_work(extract, text, expected):
    work, person, character = expected
    result = extract(text)
    assert work in result.work_names()
    assert ("cast_member", work, person, character) in result.relations("cast_member")


def test_a_place_after_the_part_is_no_work(extract):
    result = extract("Tilda Marsh played Lady Macbeth in London before she moved to film.")
    assert "London" not in result.work_names()


def test_originated_the_role_in_a_named_work(extract):
    result = extract(
        'The film "Red Salt" opens in May. Tom Vessey takes over as Captain Orrin from the '
        "late Peter Hale-Watkins, who originated the role in Dust Road."
    )
    assert "Peter Hale-Watkins" in result.names("PERSON")
    assert ("cast_member", "Dust Road", "Peter Hale-Watkins", "Captain Orrin") in (
        result.relations("cast_member")
    )


def test_a_role_he_originated_in_the_film_named_before(extract):
    result = extract(
        'The series "Ironwood" returns in May. Sam Orla reprises his Paper Kites role of '
        "Major Tess Arden, while Joel Brant again voices the robot Q-9, a role he originated "
        "in the film."
    )
    cast = result.relations("cast_member")
    # "he" is the subject of the clause the relative clause hangs in, not the sentence's
    assert ("cast_member", "Paper Kites", "Joel Brant", "Q-9") in cast
    assert ("cast_member", "Paper Kites", "Sam Orla", "Q-9") not in cast


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Amanda Reyes played Emilia in Othello for the Royal Shakespeare Company.", "Othello"),
        (
            "The buzz was for her role as Carolyn Burnham in 1999's American Beauty.",
            "American Beauty",
        ),
    ],
    ids=["company-after-title", "year-possessive-before-title"],
)
def test_work_after_the_part_stops_at_the_venue(extract, text, title):
    titles = extract(text).titles()
    assert title in titles
    assert not any(t != title and title in t for t in titles)


def test_the_work_after_the_part_wins_over_the_topic(extract):
    # "Rosa Lind" names both the film and its title character
    result = extract(
        "Corvin Hale took Best Supporting Actor for Lantern Street, the road movie written "
        "by Mara Quist. Greta Lindqvist was named Best Supporting Actress for her turn as "
        "the lawyer Nell Carrow in Tomas Brandt's Rosa Lind. Its star, who plays Rosa Lind, "
        "was nominated too."
    )
    assert ("cast_member", "Rosa Lind", "Greta Lindqvist", "Nell Carrow") in result.relations()
    assert ("Lantern Street", "Greta Lindqvist") not in result.pairs("cast_member")


def test_a_part_in_unnamed_films_is_not_the_topic_series_part(extract):
    result = extract(
        "Vireo+ has ordered Lantern Street, an eight-episode prequel series. Greta "
        "Lindqvist, who plays the older Nell Carrow in the films, is not expected to appear."
    )
    assert ("Lantern Street", "Greta Lindqvist") not in result.pairs("cast_member")


def test_appearing_in_episodes_is_a_part_in_the_series(extract):
    result = extract(
        "Vireo+ has ordered Lantern Street, an eight-episode prequel series. Greta "
        "Lindqvist appears in two episodes."
    )
    assert ("Lantern Street", "Greta Lindqvist") in result.pairs("cast_member")


def test_a_described_part_does_not_run_into_the_next_actor(extract):
    # "as a detective and Tom Reyes": the conjunction before a name starts the next credit
    result = extract(
        "The series Iron Bay stars Wendy Hart as a detective and Tom Reyes as her partner, "
        "Sam Quill."
    )
    assert result.relations("cast_member") == {
        ("cast_member", "Iron Bay", "Wendy Hart", None),
        ("cast_member", "Iron Bay", "Tom Reyes", "Sam Quill"),
    }


def test_a_description_joined_by_and_still_reaches_its_name(extract):
    result = extract(
        "The series Iron Bay stars Wendy Hart. Tom Reyes plays her cousin and chief "
        "embalmer, Sam Quill."
    )
    assert ("cast_member", "Iron Bay", "Tom Reyes", "Sam Quill") in result.relations()


@pytest.mark.parametrize("verb", ["landed", "takes on", "has won"])
def test_the_role_of_a_character_names_the_part(extract, verb):
    result = extract(f"Tom Reyes {verb} the role of Sam Quill in the film Pale Orchard.")
    assert ("cast_member", "Pale Orchard", "Tom Reyes", "Sam Quill") in result.relations()


def test_lending_a_voice_to_a_character_is_a_voice_part(extract):
    result = extract("Wendy Hart lends her voice to Mara Quill in the animated film Pale Orchard.")
    assert result.relations("cast_member") == {
        ("cast_member", "Pale Orchard", "Wendy Hart", "Mara Quill")
    }
    assert "Mara Quill" in result.names("CHARACTER")


def test_lending_a_voice_to_a_cause_is_no_part(extract):
    result = extract(
        "The film Pale Orchard opens in May. Tom Reyes gave his voice to the campaign."
    )
    assert not result.relations("cast_member")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The series Iron Bay follows Mara Quill (Wendy Hart), a detective in Hull.",
            {("cast_member", "Iron Bay", "Wendy Hart", "Mara Quill")},
        ),
        (
            "The film Pale Orchard opens soon. Mara (Wendy Hart) and her brother Sam "
            "(Tom Reyes) flee the city.",
            {
                ("cast_member", "Pale Orchard", "Wendy Hart", "Mara"),
                ("cast_member", "Pale Orchard", "Tom Reyes", "Sam"),
            },
        ),
    ],
    ids=["full-name", "first-names"],
)
def test_a_part_with_its_actor_in_brackets(extract, text, expected):
    assert extract(text).relations("cast_member") == expected


def test_a_maker_with_a_bracketed_work_is_no_part(extract):
    result = extract("The film Iron Bay opens soon. Gerard Holm (Pale Orchard) will direct.")
    assert "Gerard Holm" not in result.names("CHARACTER")


@pytest.mark.parametrize(
    "text",
    [
        "Fellow nominees include Imelda Hale (Vera Drake), Natalie Press (My Summer of Love) "
        "and Anne Reid (The Mother).",
        "Winners: Harry Clitheroe (Preston Harriers), Dan Fraser (Croydon Harriers).",
        "His hits were covered by others, including Hallelujah, I Love Her So (Eddie Cochran).",
    ],
    ids=["nominee-and-work", "player-and-club", "song-and-singer"],
)
def test_a_list_of_people_with_bracketed_works_or_clubs_has_no_parts(extract, text):
    result = extract(text)
    assert not result.names("CHARACTER")
    assert not result.relations("cast_member")
