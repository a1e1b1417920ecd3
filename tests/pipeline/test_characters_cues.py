"""``character_finder``: names of fictional characters from casting cues."""

from __future__ import annotations

import pytest

CUED_CHARACTERS = [
    # PERSON as NAME
    ("In the film Lantern Street, Corvin Hale stars as Captain Ardis.", "Captain Ardis"),
    ("Corvin Hale will star as Pell Varga in the film Lantern Street.", "Pell Varga"),
    ("Greta Lindqvist is cast as Morwenna in the film Lantern Street.", "Morwenna"),
    # a descriptor between "as" and the name
    ("Corvin Hale appears as a young Pell Varga in the film Lantern Street.", "Pell Varga"),
    (
        "In Lantern Street, Corvin Hale appears as the infamous hitman, Silas Crane.",
        "Silas Crane",
    ),
    (
        "Greta Lindqvist appears as Cordelia's younger sister, Agnes Crowe, in the film "
        "Lantern Street.",
        "Agnes Crowe",
    ),
    # play / voice / reprise
    ("Greta Lindqvist plays Morwenna in the film Lantern Street.", "Morwenna"),
    ("Corvin Hale will play Tomas Ruiz in the film Lantern Street.", "Tomas Ruiz"),
    ("Greta Lindqvist voices Morwenna in the animated film Lantern Street.", "Morwenna"),
    ("Greta Lindqvist will reprise her role as Morwenna in the film Lantern Street.", "Morwenna"),
    # role nouns
    ("Greta Lindqvist landed the role of Morwenna in Lantern Street.", "Morwenna"),
    ("Greta Lindqvist plays a character named Morwenna in the film Lantern Street.", "Morwenna"),
    ("Greta Lindqvist takes on the character of Morwenna in the film Lantern Street.", "Morwenna"),
    # a capitalised nationality only qualifies the noun before the name
    (
        "In the film Lantern Street, Corvin Hale plays the Hungarian-Jewish architect Pell Varga.",
        "Pell Varga",
    ),
    # a performance noun names the role however far back the actor is
    (
        "Greta Lindqvist was named Best Supporting Actress at the ceremony for her turn as "
        "the lawyer Morwenna Price in Lantern Street.",
        "Morwenna Price",
    ),
    (
        "Corvin Hale was nominated for his portrayal of Pell Varga in Lantern Street.",
        "Pell Varga",
    ),
    # NAME, who was played by PERSON
    (
        "Morwenna, who was played by Greta Lindqvist, returns in the film Lantern Street.",
        "Morwenna",
    ),
]


@pytest.mark.parametrize(("text", "character"), CUED_CHARACTERS)
def test_cue_finds_character(extract, text, character):
    result = extract(text)
    assert result.characters() == {character}
    assert result.names("CHARACTER") == {character}


@pytest.mark.parametrize(
    "text",
    [
        "Stars such as Greta Lindqvist joined the film Lantern Street.",
        "The actor, known as Corvin Hale, joined the film Lantern Street.",
        "Greta Lindqvist is known as Greta to her fans.",
        # a relative of the character, not the role
        "Greta Lindqvist appears as Silas Crane's mother in the film Lantern Street.",
        # a job, not a role
        "Corvin Hale serves as executive producer on the film Lantern Street.",
        "Corvin Hale returns as host of the series Copper Valley.",
        # an award category after "as"
        "Corvin Hale repeated as Outstanding Lead Actor in a Comedy Series for the show.",
        # a date after "as of"
        "Corvin Hale starred as of March in the film Lantern Street.",
        # the name after a preposition inside the description is not the role
        "Corvin Hale, last seen as the killer in the Noor Haddad-directed thriller Quiet "
        "Tenant, flew to Hungary.",
    ],
)
def test_no_character_without_a_casting_cue(extract, text):
    result = extract(text)
    assert result.characters() == set()
    assert result.names("CHARACTER") == set()


def test_pronoun_is_a_named_part_when_the_sentence_opens_with_the_work(extract):
    result = extract(
        "Donald Sutherland starred in many films and played many roles. In M*A*S*H, the "
        "1970 comedy directed by Altman, he was the wisecracking surgeon Hawkeye Pierce."
    )
    assert "Hawkeye Pierce" in result.names("CHARACTER")


def test_quoted_nickname_inside_a_character_name(extract):
    result = extract(
        'The film Brass Knuckle Ballad opens. Renée Dufresne stars as Dolores "Lola" Vance, a '
        "retired prizefighter."
    )
    assert result.names("CHARACTER") == {'Dolores "Lola" Vance'}
    assert result.names("FILM") == {"Brass Knuckle Ballad"}


def test_actor_before_as_stays_a_person(extract):
    result = extract("Corvin Hale will star as Pell Varga in the film Lantern Street.")
    assert result.names("PERSON") == {"Corvin Hale"}


@pytest.mark.xfail(
    strict=True,
    reason="after a play verb 'the' is skipped as a filler word, so 'The Director' becomes "
    "'Director', which not_character_after_as rejects",
)
def test_character_named_the_director(extract):
    result = extract("Greta Lindqvist portrays The Director in the film Lantern Street.")
    assert result.names("CHARACTER") == {"The Director"}


def test_as_a_relative_with_a_hyphenated_description_then_the_name(extract):
    result = extract(
        "The series Iron Bay returns. Jack Lowden returns as River Cartwright, with "
        "Saskia Reeves as Lamb's long-suffering deputy, Catherine Standish."
    )
    credits = result.relations("cast_member")
    assert ("cast_member", "Iron Bay", "Saskia Reeves", "Catherine Standish") in credits
    assert "Lamb" not in result.names("CHARACTER")


def test_to_voice_read_as_a_noun_and_a_part_voiced_by_an_actor(extract):
    # the model reads "voice" after "to" as a noun; the apposition "Corra" is the part
    # the participle "voiced by" describes
    result = extract(
        "The second project is the animated film Juniper: The Winter Road. Isla McTavish "
        "returns to voice Juniper, now twelve and travelling north to find her missing "
        "mother, Corra, voiced by Siobhan Mair."
    )
    credits = result.relations("cast_member")
    work = "Juniper: The Winter Road"
    assert ("cast_member", work, "Isla McTavish", "Juniper") in credits
    assert ("cast_member", work, "Siobhan Mair", "Corra") in credits


def test_whose_part_names_the_actors_character(extract):
    result = extract(
        "Cold Meridian has started filming in Iceland. Ana Reyes returns as Mira Kell. "
        "Malcolm Oduya, whose Brother Cassius appeared to perish at the end of The Ashfall "
        "Line, is also on the call sheet."
    )
    credits = result.relations("cast_member")
    assert ("cast_member", "The Ashfall Line", "Malcolm Oduya", "Brother Cassius") in credits


def test_whose_before_a_company_or_a_noun_names_no_part(extract):
    result = extract(
        "Cold Meridian has started filming in Iceland. Ana Reyes returns as Mira Kell. "
        "Tom Hale, whose Netflix deal ends in May, and Sam Ortiz, whose Oscar-winning turn "
        "in Lantern Street made his name, are also on board."
    )
    characters = result.names("CHARACTER")
    assert "Netflix" not in characters and "Oscar" not in characters
