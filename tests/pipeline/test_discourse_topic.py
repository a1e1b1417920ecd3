"""Which work a statement without a title of its own is about (``MentionIndex.topic_work``)."""

from __future__ import annotations


def test_earlier_credit_in_a_quoted_title_does_not_take_the_topic(extract):
    # the parser hangs the quoted title off "fresh"; the work noun before it shows it is
    # the object of "turn in", a credit in passing
    result = extract(
        'Tom Ashcroft will play Inspector Lyle Bratton in "The Lamplighters", a crime drama. '
        'Ashcroft, fresh from his breakout turn in the boxing film "Southpaw Sunday", takes '
        "the lead. Ruth Amadi wrote all six scripts."
    )
    assert ("The Lamplighters", "Ruth Amadi") in result.pairs("screenwriter")
    assert ("Southpaw Sunday", "Ruth Amadi") not in result.pairs("screenwriter")


def test_work_noun_modifying_the_title_leaves_the_focus_to_the_title(extract):
    # "musical" modifies the title, so the title's own role (subject) sets the topic
    result = extract(
        "The film Starfall Protocol moves to October. Paragon Street's animated musical "
        "*Moss & Marrow*, which had been dated for October, now opens in March. Directed by "
        "Kit Harlow, the film follows two mushroom siblings."
    )
    assert ("Moss & Marrow", "Kit Harlow") in result.pairs("director")


def test_name_the_parser_reads_as_an_adverb_is_the_subject_of_its_verb(extract):
    result = extract(
        "Hamish Tully directs the film Lantern Street. Beatrix Coyle and Aaron Pellew co-wrote "
        "the screenplay, and Tully produces alongside Ruth Okeke."
    )
    producers = {person for _, person in result.pairs("producer")}
    assert "Hamish Tully" in producers
    assert not producers & {"Beatrix Coyle", "Aaron Pellew"}


def test_work_noun_inside_a_relative_clause_does_not_take_the_topic(extract):
    result = extract(
        "*The Wintergarden*, the gothic saga from Eleanor Pike, premieres on Netflix, with all "
        "six episodes arriving at once. Created by Pike, who also created the BBC drama *The "
        "Long Cold Spring*, the series is set in Yorkshire. Harriet Voss plays Cordelia Ashby, "
        "the icy matriarch."
    )
    assert ("The Wintergarden", "Harriet Voss") in result.pairs("cast_member")
    assert ("The Long Cold Spring", "Harriet Voss") not in result.pairs("cast_member")


def test_modifier_title_does_not_lead_its_sentence(extract):
    # "Highlands" before "romance" is read as a title modifying the noun; the apposed
    # title is still the one the sentence is about
    result = extract(
        'The comedy "The Café on Rue Délice" took the top spot this weekend. Last week\'s '
        'leader, the Highlands romance "Northern Lights Over Skye", dropped to second. '
        "Directed by Ewan McCrae and starring Morag Sinclair, the film was shot on Skye."
    )
    assert ("Northern Lights Over Skye", "Ewan McCrae") in result.pairs("director")
    assert ("The Café on Rue Délice", "Ewan McCrae") not in result.pairs("director")


def test_reference_inside_a_clause_keeps_its_sentences_topic(extract):
    result = extract(
        "Two years after the film The Batman became a hit, one of its crooks gets a show. "
        "The Penguin, an eight-episode crime drama that picks up a week after the events of "
        "the film, premieres on HBO. Colin Farrell returns as the gangster."
    )
    assert ("The Penguin", "Colin Farrell") in result.pairs("cast_member")
    assert ("The Batman", "Colin Farrell") not in result.pairs("cast_member")
