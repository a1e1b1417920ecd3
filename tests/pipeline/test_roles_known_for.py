"""``X, best known for W``: a credit on W in the role of the noun that describes X."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Greta Lindqvist joins the film Lantern Street. Lindqvist, the Swedish actress "
            "best known for the noir series The Ice Ledger, said she learned to draw.",
            ("cast_member", "The Ice Ledger", "Greta Lindqvist", None),
        ),
        (
            "Corvin Hale joins the film Lantern Street. Hale, best known for the BBC drama "
            "*Greyfriars Lane*, beat out a long list of names.",
            ("cast_member", "Greyfriars Lane", "Corvin Hale", None),
        ),
        (
            "Priya Castellane, the director best known for the thriller Copper Valley, has "
            "signed on.",
            ("director", "Copper Valley", "Priya Castellane", None),
        ),
    ],
)
def test_known_for_gives_a_credit_in_the_described_role(extract, text, expected):
    assert expected in extract(text).relations()


def test_known_as_is_no_credit(extract):
    result = extract("Corvin Hale, known as Corky to his friends, joins the series Copper Valley.")
    assert ("cast_member", "Copper Valley", "Corvin Hale", None) in result.relations()
    assert "known_for" not in {r.get("cue") for r in result.doc._.relations}


def test_not_known_for_is_no_credit(extract):
    result = extract(
        "Priya Castellane, who is not known for the thriller Copper Valley, has signed on."
    )
    assert "known_for" not in {r.get("cue") for r in result.doc._.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corvin Hale joins the film Lantern Street. Hale, a Bafta nominee for the rural "
            "drama The Long Field, has spent the past decade on stage.",
            ("cast_member", "The Long Field", "Corvin Hale", None),
        ),
        (
            "The shortlist included Greta Lindqvist, nominated for the satire The Ice Ledger "
            "from director Orla Brennan, and two newcomers.",
            ("cast_member", "The Ice Ledger", "Greta Lindqvist", None),
        ),
        (
            "The nominees include Tomas Brandt, nominated for best director for the drama "
            "Copper Valley, and three others.",
            ("director", "Copper Valley", "Tomas Brandt", None),
        ),
    ],
)
def test_accolade_after_a_person_credits_the_work_that_earned_it(extract, text, expected):
    assert expected in extract(text).relations()


def test_a_credit_after_the_work_is_not_the_nominees_role(extract):
    result = extract(
        "The shortlist included Greta Lindqvist, nominated for the satire The Ice Ledger "
        "from director Orla Brennan, and two newcomers."
    )
    assert ("The Ice Ledger", "Greta Lindqvist") not in result.pairs("director")


def test_an_accolade_without_for_credits_nothing(extract):
    result = extract(
        "The jury met Greta Lindqvist, a Bafta nominee, after the drama The Ice Ledger ended."
    )
    assert "accolade" not in {r.get("cue") for r in result.doc._.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mara Quist, the French film-maker, has died. In 1991 she made Lantern Street, "
            "an English-language drama starring Corvin Hale.",
            ("director", "Lantern Street", "Mara Quist", None),
        ),
        (
            "She was born in Rome, the daughter of the Italian director Tomas Brandt. She "
            "was cutting his pictures, most memorably Copper Valley, the 1968 thriller he "
            "shot in Trieste.",
            ("director", "Copper Valley", "Tomas Brandt", None),
        ),
    ],
)
def test_a_maker_is_credited_in_the_trade_the_article_gives_them(extract, text, expected):
    assert expected in extract(text).relations()


def test_makers_named_before_a_clause_the_parser_hangs_elsewhere(extract):
    result = extract(
        "First up is The Ice Ledger, a hand-drawn fable directed by the Danish brothers "
        "Tomas Kvist and Anders Kvist, who made the Oscar-nominated short Glasshouse."
    )
    assert {("Glasshouse", "Tomas Kvist"), ("Glasshouse", "Anders Kvist")} <= result.pairs(
        "director"
    )


def test_a_maker_of_no_stated_trade_is_not_credited(extract):
    result = extract("In 1991 Mara Quist made Lantern Street, a drama starring Corvin Hale.")
    assert "made" not in {r.get("cue") for r in result.doc._.relations}


def test_a_maker_credited_only_as_cast_shoots_as_an_actor(extract):
    result = extract(
        "Greta Lindqvist stars as Nell Carrow in the drama Lantern Street. After that she "
        "heads to Morocco to shoot Daughters of the Dune Sea, an epic produced by Working "
        "Title."
    )
    assert ("Daughters of the Dune Sea", "Greta Lindqvist") in result.pairs("cast_member")


def test_back_behind_the_camera_directs_the_work_in_focus(extract):
    result = extract(
        "Universal pushed the horror sequel Lantern Street 2 back six weeks. Tomas Brandt "
        "is back behind the camera."
    )
    assert ("Lantern Street 2", "Tomas Brandt") in result.pairs("director")


def test_behind_the_camera_opening_a_sentence_names_no_director(extract):
    result = extract(
        "The drama Lantern Street returns next week. Behind the camera, Tomas Brandt, who "
        "created the series, has split the writing with a small team."
    )
    assert ("Lantern Street", "Tomas Brandt") not in result.pairs("director")


def test_making_the_film_names_no_work_to_credit(extract):
    # "the film" is Brandt's own, not the one in focus
    result = extract(
        "The drama Lantern Street led the nominations with eleven. The prize for best first "
        "film went to Copper Valley, whose director, Tomas Brandt, was in the room. Brandt "
        "said he made the film because he wanted to show people we rarely see."
    )
    assert "made" not in {r.get("cue") for r in result.doc._.relations}
    assert ("Lantern Street", "Tomas Brandt") not in result.pairs("director")
