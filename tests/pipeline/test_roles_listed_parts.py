"""Lists of parts, each ``CHARACTER in WORK``, after a part noun with a list opener
(``roles including``, ``characters such as``) or after a playing verb."""

from __future__ import annotations


def test_roles_including_pairs(extract):
    result = extract(
        "Wren Abernathy is known for roles including Dot Pruitt in Copper Hollow, "
        "Sue in Little Harbour and Tina Vale in Mercy Lane."
    )
    assert result.relations("cast_member") >= {
        ("cast_member", "Copper Hollow", "Wren Abernathy", "Dot Pruitt"),
        ("cast_member", "Little Harbour", "Wren Abernathy", "Sue"),
        ("cast_member", "Mercy Lane", "Wren Abernathy", "Tina Vale"),
    }


def test_characters_such_as_with_hyphenated_and_described_names(extract):
    result = extract(
        "Gemma Stroud is an English actress. She is often cast in characters such as "
        "Anne-Marie in Dockside and nurse Sarah in The Quiet Ward."
    )
    assert {"Anne-Marie", "Sarah"} <= result.names("CHARACTER")
    assert ("Dockside", "Gemma Stroud") in result.pairs("cast_member")
    assert ("The Quiet Ward", "Gemma Stroud") in result.pairs("cast_member")


def test_played_two_parts_in_two_works(extract):
    result = extract(
        "Over six decades Margaret Ellery played Prospero in The Isle and Lear in Old Man Storm."
    )
    assert ("The Isle", "Margaret Ellery") in result.pairs("cast_member")
    assert ("Old Man Storm", "Margaret Ellery") in result.pairs("cast_member")


def test_parts_played_in_places_are_no_works(extract):
    result = extract("Tilda Marsh played Hamlet in London and Lear in Manchester.")
    assert not {"London", "Manchester"} & result.work_names()


def test_an_actress_described_as_such_takes_she(extract):
    # "Nicky" reads as a man's name in the name list; "actress" says otherwise, so "She"
    # is Nicky Pell and not the woman named later in the sentence before
    result = extract(
        "Nicky Pell is an English actress. She is known for roles including Merle Grant "
        "in Dockside and Lisa Trotter in Mercy Lane."
    )
    assert ("Dockside", "Nicky Pell") in result.pairs("cast_member")
    assert ("Mercy Lane", "Nicky Pell") in result.pairs("cast_member")


def test_a_describing_noun_outranks_the_given_name_for_she(extract):
    result = extract("Nicky Pell is an English actress. She directed the drama The Quiet Ward.")
    assert ("The Quiet Ward", "Nicky Pell") in result.pairs("director")


def test_a_capitalised_compound_before_a_name_states_no_gender(extract):
    # "Big Brother Germaine Greer": a headline run-on, not "brother" describing her
    result = extract(
        "Big Brother Germaine Greer has quit the show. She directed the drama The Quiet Ward."
    )
    assert ("The Quiet Ward", "Germaine Greer") in result.pairs("director")
