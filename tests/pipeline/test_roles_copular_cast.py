"""``Tom Burke is Praetorian Jack``: in an article about casting, an actor ``is`` a role."""

from __future__ import annotations

TEXT = (
    "The film Ember Road opens in May. Chris Hale plays the warlord Dementus. "
    "Tom Burke is Praetorian Jack, the road warrior who teaches the heroine to drive. "
    "Ana Reyes stars as Mira."
)


def test_actor_is_role_gives_a_cast_credit_with_character(extract):
    result = extract(TEXT)
    assert ("cast_member", "Ember Road", "Tom Burke", "Praetorian Jack") in result.relations()


def test_copula_about_a_real_relative_gives_no_character(extract):
    result = extract(TEXT + " Tom Burke is Mira's father, the article says.")
    credits = result.relations("cast_member")
    assert not any(tail == "Tom Burke" and character == "Mira" for _, _, tail, character in credits)


def test_copula_in_a_coordinated_clause_with_descriptors(extract):
    # the second and third clauses hang off the first; "Canadian" and "scene-devouring"
    # describe the role rather than begin its name, and "once again" sits before it
    result = extract(
        "The film Ember Road opens in May. Its cast is stacked: Chris Hale plays the warlord "
        "Dementus. Ana Reyes is once again Mira Kell; Tom Burke is the silky Canadian "
        "Cardinal Joseph Tremblay; and Sam Ortiz is a scene-devouring reactionary, "
        "Cardinal Aldo Bellini."
    )
    credits = result.relations("cast_member")
    assert ("cast_member", "Ember Road", "Ana Reyes", "Mira Kell") in credits
    assert ("cast_member", "Ember Road", "Tom Burke", "Cardinal Joseph Tremblay") in credits
    assert ("cast_member", "Ember Road", "Sam Ortiz", "Cardinal Aldo Bellini") in credits


def test_pronoun_is_a_role_set_in_a_work(extract):
    result = extract(
        "Greta Lindqvist played many roles over six decades. She was the priggish "
        "chaperone Morwenna Price in the film Lantern Street, which brought her a Bafta."
    )
    assert result.relations("cast_member") == {
        ("cast_member", "Lantern Street", "Greta Lindqvist", "Morwenna Price")
    }


def test_pronoun_is_a_person_outside_any_work_is_no_role(extract):
    result = extract(
        "The film Ember Road stars Ana Reyes, who played many roles. "
        "She was the former aide Morwenna Price, she said."
    )
    assert "Morwenna Price" not in result.names("CHARACTER")


def test_copula_counts_where_another_cue_named_a_part(extract):
    # one casting word only, but "returns as" has already named a part in the article
    result = extract(
        "The spy drama Iron Bay returns to Apple TV+ next week. Jack Lowden returns as "
        "River Cartwright. Gary Oldman is once again Jackson Lamb, the head of the outpost."
    )
    credits = result.relations("cast_member")
    assert ("cast_member", "Iron Bay", "Gary Oldman", "Jackson Lamb") in credits


def test_copula_without_any_part_named_in_the_article_is_no_role(extract):
    result = extract(
        "The spy drama Iron Bay returns to Apple TV+ next week. "
        "Gary Oldman is once again Jackson Lamb's neighbour in the village."
    )
    assert "Jackson Lamb" not in result.names("CHARACTER")


def test_copula_to_a_relative_then_the_described_name(extract):
    # "Nell's mother, the imperious Bernadette Abernathy": the name after the comma,
    # past its own description, is the part
    result = extract(
        "The drama The Parlour is back. Ossie Grant plays her cousin, Reggie Abernathy, "
        "and Lorna Feld is Nell's mother, the imperious Bernadette Abernathy."
    )
    credits = result.relations("cast_member")
    assert ("cast_member", "The Parlour", "Lorna Feld", "Bernadette Abernathy") in credits
    assert "Nell" not in result.names("CHARACTER")
