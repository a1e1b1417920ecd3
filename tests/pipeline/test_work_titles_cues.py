"""``work_title_finder``: titles of films and series from the phrases that introduce them."""

from __future__ import annotations

import pytest

# (text, title, label written to doc.spans["work_titles"], final entity type)
CUED_TITLES = [
    # a work noun before the title
    ("Corvin Hale stars in the film Lantern Street.", "Lantern Street", "FILM", "FILM"),
    ("Audiences adored the documentary Lantern Street.", "Lantern Street", "FILM", "FILM"),
    ("The streamer ordered a TV series named Copper Valley.", "Copper Valley", "SERIES", "SERIES"),
    ("The streamer ordered a TV series called Copper Valley.", "Copper Valley", "SERIES", "SERIES"),
    ("Audiences adored the sitcom Copper Valley.", "Copper Valley", "SERIES", "SERIES"),
    # a closer after the title
    (
        "Lantern Street, directed by Priya Castellane, opens in May.",
        "Lantern Street",
        "WORK",
        "FILM",
    ),
    ("Copper Valley, starring Corvin Hale, opens in May.", "Copper Valley", "WORK", "FILM"),
    ("Lantern Street premieres in May.", "Lantern Street", "WORK", "FILM"),
    # an opener before the title
    ("Corvin Hale is starring in Lantern Street this summer.", "Lantern Street", "WORK", "FILM"),
    ("Corvin Hale starred in Copper Valley before.", "Copper Valley", "WORK", "FILM"),
    ("Priya Castellane, the director of Lantern Street, spoke.", "Lantern Street", "WORK", "FILM"),
    # a year in brackets
    ("Corvin Hale won praise for Lantern Street (2004).", "Lantern Street", "WORK", "FILM"),
    # ... even when the model tags the title PERSON
    ("Corvin Hale won praise for Winter Lantern (2004).", "Winter Lantern", "WORK", "FILM"),
    # a franchise noun or role noun after the title, a possessive role
    (
        "Studio executives are expanding the Lantern Street franchise.",
        "Lantern Street",
        "FILM",
        "FILM",
    ),
    ("Fans of the Lantern Street saga cheered.", "Lantern Street", "FILM", "FILM"),
    ("Lantern Street director Priya Castellane spoke.", "Lantern Street", "WORK", "FILM"),
    ("Lantern Street's director Priya Castellane spoke.", "Lantern Street", "WORK", "FILM"),
    # sequel markers
    ("Lantern Street: Chapter 4 arrives next spring.", "Lantern Street: Chapter 4", "WORK", "FILM"),
    ("Lantern Street Part Two arrives next spring.", "Lantern Street Part Two", "WORK", "FILM"),
    ("Lantern Street Part III arrives next spring.", "Lantern Street Part III", "WORK", "FILM"),
    ("Dune Walker: Part Two arrives next spring.", "Dune Walker: Part Two", "WORK", "FILM"),
    # quotes and Markdown italics
    ('Critics loved "Paper Moonrise" when it screened.', "Paper Moonrise", "WORK", "FILM"),
    (
        "Critics loved \u2018Paper Moonrise\u2019 when it screened.",
        "Paper Moonrise",
        "WORK",
        "FILM",
    ),
    ("Critics loved *Paper Moonrise* when it screened.", "Paper Moonrise", "WORK", "FILM"),
    # definitional sentences
    ("Paper Moonrise is a 2012 film directed by Orla Brennan.", "Paper Moonrise", "FILM", "FILM"),
    ("Copper Valley is a 2019 television series.", "Copper Valley", "SERIES", "SERIES"),
    # a hyphenated count of parts or episodes makes a film noun a series
    (
        "Netflix ordered Copper Valley, a six-part prequel set in Chile.",
        "Copper Valley",
        "SERIES",
        "SERIES",
    ),
    # the part before a colon the parser hangs elsewhere, and the split noun "spin-off"
    (
        "Amazon confirmed on Friday that Skylark: Kestrel, a six-episode spin-off of the spy "
        "films, will premiere on February 14.",
        "Skylark: Kestrel",
        "SERIES",
        "SERIES",
    ),
    # a capitalised particle ends a title; only an English function word is trimmed
    (
        "In The Lady in the Van, Nicholas Hytner's film of the memoir, she was superb.",
        "The Lady in the Van",
        "FILM",
        "FILM",
    ),
    # a maker named after "from" is no part of the title
    (
        "Vireo+ orders the prequel series Vesper Station from Clara Wexley.",
        "Vesper Station",
        "SERIES",
        "SERIES",
    ),
    # a capital "The" opens a title read backwards from its work noun
    (
        "Corvin Hale voiced the tiger in the live-action/CGI The Lantern Street film.",
        "The Lantern Street",
        "FILM",
        "FILM",
    ),
]


@pytest.mark.parametrize(("text", "title", "label", "kind"), CUED_TITLES)
def test_cue_finds_title(extract, text, title, label, kind):
    result = extract(text)
    assert (title, label) in result.title_labels()
    assert result.names(kind) == {title}


def test_title_from_html_italics(extract):
    text = "Critics adored Paper Moonrise at the festival."
    start = text.index("Paper")
    result = extract(text, emphasis=[[start, start + len("Paper Moonrise")]])
    assert result.title_labels() == {("Paper Moonrise", "WORK")}
    assert result.names("FILM") == {"Paper Moonrise"}


@pytest.mark.parametrize("title", ["Everything That Rises at Noon", "This Is Hallow Ground"])
def test_italics_keep_a_capitalised_opener_of_the_title(extract, title):
    # "Everything", "This" alone open sentences, not titles; italics say where it starts
    text = f"Mubi bought the rights to {title}, a drama about two sisters."
    start = text.index(title)
    result = extract(text, emphasis=[[start, start + len(title)]])
    assert result.names("FILM") == {title}


def test_same_text_without_italics_has_no_title(extract):
    result = extract("Critics adored Paper Moonrise at the festival.")
    assert result.titles() == set()
    assert result.names("FILM") == set()


def test_defined_title_is_not_read_as_a_person(extract):
    result = extract("Paper Moonrise is a 2012 film directed by Orla Brennan.")
    assert result.entities() >= {("FILM", "Paper Moonrise"), ("PERSON", "Orla Brennan")}
    assert ("PERSON", "Paper Moonrise") not in result.entities()


@pytest.mark.parametrize(
    "text",
    [
        # a person's name after "the film" is the subject of a relative clause, not a title
        "The film Corvin Hale stars in opens in May.",
        "The film Greta Lindqvist stars in opens in May.",
        # a nationality after a work noun's article
        "Greta Lindqvist stars in a British film about grief.",
        # award categories after "nominated for"
        "Greta Lindqvist was nominated for Best Actor at the ceremony.",
        "Greta Lindqvist is nominated for Outstanding Lead Actress again.",
        # a bare year before a work noun
        "Corvin Hale played a small part in a 2012 film.",
        # no cue at all
        "Greta Lindqvist has moved to Berlin.",
        # a nationality before a role noun is no title
        "The music is by the Anglo-Indian composer Ravi Chaudhry-Lowe.",
    ],
)
def test_no_title_without_a_title_cue(extract, text):
    result = extract(text)
    assert result.titles() == set()
    assert result.names("FILM") == set()
    assert result.names("SERIES") == set()


def test_person_after_the_film_stays_a_person(extract):
    result = extract("The film Greta Lindqvist stars in opens in May.")
    assert result.names("PERSON") == {"Greta Lindqvist"}


# -- known failures -----------------------------------------------------------------


def test_named_title_that_the_model_tags_person(extract):
    # the model tags "Quiet Meridian" PERSON; after "named" only a given name would say so
    result = extract("The streamer ordered a TV series named Quiet Meridian.")
    assert "Quiet Meridian" in result.titles()
    assert ("PERSON", "Quiet Meridian") not in result.entities()


def test_a_person_named_after_a_work_noun_stays_a_person(extract):
    # "named" is a verb here: the given name keeps "Emma Stone" a person
    result = extract("The new series named Emma Stone as its lead.")
    assert "Emma Stone" not in result.work_names()


def test_title_does_not_swallow_from_person(extract):
    result = extract("Netflix ordered a TV series named Copper Valley from Mara Quinlan.")
    assert result.names("SERIES") == {"Copper Valley"}


@pytest.mark.xfail(
    strict=True, reason="two titles joined by 'and' after an opener are read as one title"
)
def test_two_titles_joined_by_and(extract):
    result = extract("Greta Lindqvist is known for her roles in Lantern Street and Copper Valley.")
    assert result.names("FILM") == {"Lantern Street", "Copper Valley"}


@pytest.mark.parametrize(
    "text",
    [
        "Priya Castellane, who moved to Berlin in 1999, directed the film Lantern Street.",
        pytest.param(
            "The film Lantern Street, known as Night Street in France, opens soon.",
            marks=pytest.mark.xfail(
                strict=True, reason="the closer's backward scan takes 'Night Street in France'"
            ),
        ),
    ],
)
def test_place_phrase_before_a_closer_is_no_title(extract, text):
    assert extract(text).names("FILM") == {"Lantern Street"}


def test_name_after_the_film_comma_is_no_title(extract):
    result = extract(
        "Corvin Hale will star as Pell Varga in the film Lantern Street. "
        "In the film, Pell is a retired thief."
    )
    assert result.names("FILM") == {"Lantern Street"}


def test_franchise_title_with_two_function_words(extract):
    result = extract("Fans of the Lord of the Rings franchise cheered.")
    assert result.names("FILM") == {"Lord of the Rings"}


def test_name_shaped_item_in_a_list_of_titles_with_years(extract):
    # "Rani" is a given name, but its siblings show the list is of films
    result = extract(
        "Khooni Khanjar was followed by Rani Saheba (1930), Udaykal (1930) and Zulum (1931)."
    )
    assert {"Rani Saheba", "Udaykal", "Zulum"} <= result.names("FILM")


def test_titles_after_plural_work_noun(extract):
    result = extract("Orla Brennan directed the films Lantern Street and Copper Valley.")
    assert result.names("FILM") == {"Lantern Street", "Copper Valley"}


def test_one_name_after_a_plural_work_noun_is_no_title(extract):
    result = extract("Critics praised the films Orla Brennan made in Oslo.")
    assert result.names("FILM") == set()


def test_leading_starring_clause_is_no_title(extract):
    result = extract("Starring Sofia Marchetti, the film Lantern Street opens in May.")
    assert result.names("FILM") == {"Lantern Street"}


@pytest.mark.xfail(
    strict=True,
    reason="a sentence-initial 'The' is kept before a franchise/work noun ('The X sequel'), "
    "so the same film gets a second entity 'The X'",
)
def test_sentence_initial_the_before_franchise_noun(extract):
    result = extract(
        "The Lantern Street sequel is in development. Fans of the Lantern Street saga cheered."
    )
    assert result.names("FILM") == {"Lantern Street"}


def test_title_with_a_work_noun_in_apposition(extract):
    result = extract(
        "The Last Days of Summer Street, the Priyanka Nair-directed coming-of-age drama that "
        "won over audiences, opens next week."
    )
    assert result.names("FILM") == {"The Last Days of Summer Street"}
    assert ("director", "The Last Days of Summer Street", "Priyanka Nair", None) in (
        result.relations()
    )


def test_coordinated_title_with_a_work_noun_in_apposition(extract):
    # the parser reads the title as "The Moth" and "the Lamplighter"
    result = extract(
        "First up is The Moth and the Lamplighter, a hand-drawn fable directed by the "
        "Danish brothers Tomas Kvist and Anders Kvist."
    )
    assert "The Moth and the Lamplighter" in result.names("FILM")
    assert ("The Moth and the Lamplighter", "Tomas Kvist") in result.pairs("director")


def test_title_set_off_by_commas_after_a_work_noun(extract):
    result = extract("Her next film, Paper Moons, opens in cinemas on Friday.")
    assert result.names("FILM") == {"Paper Moons"}


def test_person_set_off_by_commas_after_a_work_noun_is_no_title(extract):
    result = extract("The film, Julia Roberts said, was a joy to make.")
    assert result.names("FILM") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Crazy, Stupid, Love is a 2011 romantic comedy film directed by Ana Reyes.",
            "Crazy, Stupid, Love",
        ),
        ("Hello, Dolly! is a 1969 American musical film directed by Ana Reyes.", "Hello, Dolly"),
    ],
)
def test_lead_title_with_punctuation_up_to_the_copula(extract, text, expected):
    result = extract(text)
    assert result.names("FILM") == {expected}
    assert ("director", expected, "Ana Reyes", None) in result.relations()


def test_lead_aside_before_the_copula_is_no_title(extract):
    assert extract("Paris, the capital of France, is a setting of the film.").names("FILM") == set()


def test_title_before_an_apposition_the_parser_hangs_on_the_verb(extract):
    # the small model reads "the road movie" as the object of "took"
    result = extract(
        "Mirela Danu took Best Supporting Actress for A Quiet Thaw, the road movie written "
        "and directed by Oskar Lind."
    )
    assert "A Quiet Thaw" in result.names("FILM")
    assert ("A Quiet Thaw", "Oskar Lind") in result.pairs("director")


def test_subject_after_a_title_and_comma_is_a_new_clause_not_an_apposition(extract):
    result = extract(
        "From director Hamish Tully, who also directed 2022's Wolfsbane Crown, the sequel is "
        "set for release on December 11, 2026."
    )
    # "the sequel" is no apposition of the earlier film: the release is not its, and Tully
    # directed the earlier one
    assert ("Wolfsbane Crown", "December 11, 2026") not in result.pairs("release_date")
    assert ("Wolfsbane Crown", "Hamish Tully") in result.pairs("director")
    assert result.doc._.references == {}


@pytest.mark.parametrize(
    "text, title",
    [
        ("Dana Ruiz hosts the talk series The Evening Show.", "The Evening Show"),
        ("The animated comedy The Brick Movie opens on Saturday.", "The Brick Movie"),
    ],
)
def test_a_work_noun_closing_a_title_that_opens_with_the_is_kept(extract, text, title):
    assert title in result_titles(extract(text))


def test_people_coordinated_before_an_apposed_work_noun_are_no_title(extract):
    result = extract(
        "Directed by Anaïs Berthier and co-written by Berthier and Julien Mercadier, the film "
        "stars Léo Castaing."
    )
    assert not any("Mercadier" in name for name in result.names("FILM"))


def result_titles(result) -> set[str]:
    return result.work_names()


def test_the_name_before_a_sequels_number_is_the_original_film(extract):
    # the model reads the bare name as a person
    result = extract(
        "Universal pushed Lantrix 2, the sequel to the breakout horror hit, to June. Akela "
        "Moore, the screenwriter of Lantrix, is back."
    )
    assert {"Lantrix 2", "Lantrix"} <= result.names("FILM")
    assert ("Lantrix", "Akela Moore") in result.pairs("screenwriter")


def test_a_sequel_number_does_not_split_a_longer_name(extract):
    result = extract("The film Lantrix 2 opens in June. Lantrix Holdings paid for it.")
    assert "Lantrix" not in result.names("FILM")


def test_known_title_followed_by_a_number_is_its_numbered_sequel(extract):
    result = extract(
        "Owen Feld produced the film Ashfall Line. She will be back in Ashfall Line 2, which "
        "opens on October 9, and Ashfall Line 2 million fans are waiting."
    )
    assert result.names("FILM") == {"Ashfall Line", "Ashfall Line 2"}
    assert [s.text for s in result.doc.spans["mentions"] if s.label_ == "FILM"] == [
        "Ashfall Line",
        "Ashfall Line 2",
        "Ashfall Line",
    ]


def test_numbered_sequel_shares_the_originals_type(extract):
    # "show" alone would make The Batman a series; its sequel is a film
    result = extract(
        "Years after Matt Reeves's The Batman became a hit, one of its crooks gets a show. "
        "Reeves's sequel, The Batman Part II, is dated for October 2026."
    )
    assert {"The Batman", "The Batman Part II"} <= result.names("FILM")
    assert ("The Batman", "Matt Reeves") in result.pairs("director")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Corvin Hale reprises his Lantern Street role. It ends where Lantern Street: A "
            "Harbour Story begins.",
            "Lantern Street: A Harbour Story",
        ),
        (
            "Critics loved the film Harbour Road. Nine years after Lantern Street: Harbour "
            "Road changed the genre, she is back.",
            "Lantern Street: Harbour Road",
        ),
    ],
)
def test_known_title_joined_by_a_colon_gives_the_full_title(extract, text, title):
    assert title in {s.text for s in extract(text).doc.spans["work_titles"]}


def test_nationality_before_a_role_noun_is_no_title_or_person(extract):
    result = extract("The series was created by the Welsh writer Gwen Pritchard.")
    assert result.names("SERIES") == set()
    assert result.names("PERSON") == {"Gwen Pritchard"}


def test_a_title_opened_by_a_pronoun_and_a_capitalised_verb(extract):
    result = extract(
        "They Shoot Horses, Don't They? is a 1969 American drama film directed by Ruth Penrose."
    )
    assert "They Shoot Horses, Don't They" in result.names("FILM")
    assert ("They Shoot Horses, Don't They", "Ruth Penrose") in result.pairs("director")
    assert ("They Shoot Horses, Don't They", "1969") in result.pairs("release_date")


def test_a_sentence_opening_pronoun_is_no_title(extract):
    result = extract("It is a 2014 American horror film directed by Ruth Penrose.")
    assert not result.work_names()


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        (
            "Berger, who directed the Oscar-winning Night Harbour, shoots the Vatican well.",
            "director",
            {("Night Harbour", "Berger")},
        ),
        (
            "Hamish Tully, who also directed 2022's Crown of Ash, returns for the sequel.",
            "director",
            {("Crown of Ash", "Hamish Tully")},
        ),
        (
            "Marta Kell has produced Night Harbour and Salt Road.",
            "producer",
            {("Night Harbour", "Marta Kell"), ("Salt Road", "Marta Kell")},
        ),
        (
            "Villeneuve, who directed Sicario, Arrival and Blade Runner 2049, is the favourite.",
            "director",
            {
                ("Sicario", "Villeneuve"),
                ("Arrival", "Villeneuve"),
                ("Blade Runner 2049", "Villeneuve"),
            },
        ),
    ],
    ids=["premodified", "year-possessive", "coordinated", "listed"],
)
def test_the_object_of_a_crew_verb_is_a_title(extract, text, role, expected):
    assert extract(text).pairs(role) == expected


def test_a_person_directed_in_a_work_is_no_title(extract):
    result = extract("Spielberg directed Tom Hanks in Saving Private Ryan.")
    assert "Tom Hanks" not in result.work_names()
    assert not any("Tom Hanks" in name for name in result.work_names())


def test_a_channel_number_and_possessive_are_no_part_of_the_title(extract):
    result = extract(
        "Channel 4’s Crossfire Estates, a limited drama about a collapsing tower block, "
        "earned four nominations."
    )
    assert "Crossfire Estates" in result.work_names()
    assert not any(name.startswith("4") for name in result.work_names())


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors allege that Mr Ebbers directed Mr Sullivan to hide the losses.",
        "The Chorus, which Jugnot also co-produced, has drawn nine million viewers.",
        "The Xiluodu Dam will produce 12,600 MW of power.",
        "Disney will produce DVDs of the show.",
        "Analysts would not write off Kell-Amberley yet.",
        "She helped write Blue Harbour for the Seabirds in 1988.",
    ],
    ids=["honorific-name", "relative-object", "quantity", "acronym", "phrasal", "song-for"],
)
def test_objects_of_crew_verbs_that_are_no_titles(extract, text):
    assert not extract(text).work_names() - {"The Chorus"}


def test_a_number_after_a_definite_work_noun_is_its_title(extract):
    result = extract(
        "Her son Corvin Hale went on to headline the thriller series 24 as an agent. He was "
        "24 then, and the show ran for 24 weeks."
    )
    assert result.names("SERIES") == {"24"}
    assert ("24", "Corvin Hale") in result.pairs("cast_member")
    # the number is a title only where its cue says so, not wherever it recurs
    assert len(result.entity("SERIES", "24")["mentions"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The BBC renewed the show for series 24 as expected.",
        "The studio has made the film 2 times already.",
    ],
)
def test_a_number_that_counts_is_no_title(extract, text):
    assert not extract(text).work_names()


# Two-word titles the model reads as a person's name ("Pale Orchard"), made titles by a
# credit only a work can take; a name that opens with a given name stays a person.
@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        (
            "Winter Lantern, directed by Priya Castellane, opens in May.",
            "director",
            {("Winter Lantern", "Priya Castellane")},
        ),
        (
            "Pale Orchard, written and directed by Gerard Holm, opens on Friday.",
            "screenwriter",
            {("Pale Orchard", "Gerard Holm")},
        ),
        (
            "Gerard Holm's Pale Orchard, starring Wendy Hart, opens in May.",
            "cast_member",
            {("Pale Orchard", "Wendy Hart")},
        ),
        (
            "Tessa Marr, who wrote Pale Orchard, is adapting a novel.",
            "screenwriter",
            {("Pale Orchard", "Tessa Marr")},
        ),
    ],
    ids=["participle", "coordinated-participles", "possessed-credit", "written-object"],
)
def test_a_credit_makes_a_person_shaped_name_a_title(extract, text, role, expected):
    result = extract(text)
    assert result.pairs(role) == expected
    assert not {title for title, _ in expected} & result.names("PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Emma Stone, directed by Yorgos Lanthimos, won the Oscar.",
        '"I wrote Ines for her," the director says.',
    ],
    ids=["given-name", "written-part"],
)
def test_a_credit_leaves_a_person_or_part_alone(extract, text):
    assert not extract(text).work_names()


@pytest.mark.parametrize(
    "text",
    [
        "It will be the first US movie released this year to top the mark.",
        "The first French drama to open the festival was a hit.",
    ],
)
def test_a_country_before_a_work_noun_is_no_title(extract, text):
    assert not extract(text).work_names()
