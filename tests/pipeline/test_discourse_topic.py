"""Which work a statement without a title of its own is about (``MentionIndex.topic_work``)."""

from __future__ import annotations

import pytest

from extractor.pipeline.discourse import MentionIndex

# (text, relation type, the work the last statement is about, a work it is not about, person)
TOPICS = [
    # the parser hangs the quoted title off "fresh"; the work noun before it shows it is
    # the object of "turn in", a credit in passing
    (
        'Tom Ashcroft will play Inspector Lyle Bratton in "The Lamplighters", a crime drama. '
        'Ashcroft, fresh from his breakout turn in the boxing film "Southpaw Sunday", takes '
        "the lead. Ruth Amadi wrote all six scripts.",
        "screenwriter",
        "The Lamplighters",
        "Southpaw Sunday",
        "Ruth Amadi",
    ),
    # "musical" modifies the title, so the title's own role (subject) sets the topic
    (
        "The film Starfall Protocol moves to October. Paragon Street's animated musical "
        "*Moss & Marrow*, which had been dated for October, now opens in March. Directed by "
        "Kit Harlow, the film follows two mushroom siblings.",
        "director",
        "Moss & Marrow",
        "Starfall Protocol",
        "Kit Harlow",
    ),
    # a work named after a work noun inside a relative clause is an aside
    (
        "*The Wintergarden*, the gothic saga from Eleanor Pike, premieres on Netflix, with all "
        "six episodes arriving at once. Created by Pike, who also created the BBC drama *The "
        "Long Cold Spring*, the series is set in Yorkshire. Harriet Voss plays Cordelia Ashby, "
        "the icy matriarch.",
        "cast_member",
        "The Wintergarden",
        "The Long Cold Spring",
        "Harriet Voss",
    ),
    # "Highlands" before "romance" is read as a title modifying the noun; the apposed
    # title is still the one the sentence is about
    (
        'The comedy "The Café on Rue Délice" took the top spot this weekend. Last week\'s '
        'leader, the Highlands romance "Northern Lights Over Skye", dropped to second. '
        "Directed by Ewan McCrae and starring Morag Sinclair, the film was shot on Skye.",
        "director",
        "Northern Lights Over Skye",
        "The Café on Rue Délice",
        "Ewan McCrae",
    ),
    # a reference inside a clause does not displace its own sentence's topic
    (
        "Two years after the film The Batman became a hit, one of its crooks gets a show. "
        "The Penguin, an eight-episode crime drama that picks up a week after the events of "
        "the film, premieres on HBO. Colin Farrell returns as the gangster.",
        "cast_member",
        "The Penguin",
        "The Batman",
        "Colin Farrell",
    ),
    # a reference inside a relative clause of an earlier sentence is background too
    (
        "The film The Batman was a hit. The Penguin, an eight-episode crime drama, premieres "
        "on HBO. Mark Strong takes over from John Turturro, who played the boss in the film. "
        "Clancy Brown turns up as the rival boss Salvatore Maroni.",
        "cast_member",
        "The Penguin",
        "The Batman",
        "Clancy Brown",
    ),
]


@pytest.mark.parametrize(("text", "kind", "work", "not_work", "person"), TOPICS)
def test_statement_goes_to_the_work_in_focus(extract, text, kind, work, not_work, person):
    pairs = extract(text).pairs(kind)
    assert (work, person) in pairs
    assert (not_work, person) not in pairs


def test_name_the_parser_reads_as_an_adverb_is_the_subject_of_its_verb(extract):
    result = extract(
        "Hamish Tully directs the film Lantern Street. Beatrix Coyle and Aaron Pellew co-wrote "
        "the screenplay, and Tully produces alongside Ruth Okeke."
    )
    producers = {person for _, person in result.pairs("producer")}
    assert "Hamish Tully" in producers
    assert not producers & {"Beatrix Coyle", "Aaron Pellew"}


def test_headline_subject_outweighs_a_work_the_body_names_more_often(extract):
    # only the first sentence naming a work counts as the headline: the body's opening
    # sentence names the earlier film, which the article then mentions more often
    result = extract(
        "Copper Valley: A Lantern Saga roars into cinemas\n\n"
        "Nine years after the film Lantern Street changed the action movie, Priya Castellane "
        "is back. Copper Valley: A Lantern Saga opens in May. Fans of Lantern Street will see "
        "the heroine again, as will critics of Lantern Street."
    )
    index = MentionIndex(result.doc)
    assert index.work_counts == {
        "FILM::copper valley a lantern saga": 2,
        "FILM::lantern street": 3,
    }
    assert index.main_work() == "FILM::copper valley a lantern saga"


def test_a_work_in_a_time_phrase_is_not_the_statements_work(extract):
    # "after the events of the first movie" dates the return; the casting is for the sequel
    result = extract(
        "The first film, Harbour Lights, was a hit. The film Harbour Lights: Undertow opens "
        "next spring. Mina Castellane is back as Odette Vale, now a fugitive herself after "
        "the events of the first movie."
    )
    pairs = result.pairs("cast_member")
    assert ("Harbour Lights: Undertow", "Mina Castellane") in pairs
    assert ("Harbour Lights", "Mina Castellane") not in pairs


def test_headline_naming_a_sequel_makes_the_extending_title_the_main_work(extract):
    # the body names the first film more often; the headline says the article is about
    # its sequel, the one title that extends it
    result = extract(
        "Strand Pictures has dated the film The Harbour Lights: Undertow for May. The first "
        "film, The Harbour Lights, grossed $400 million. Critics loved The Harbour Lights, "
        "and The Harbour Lights won two awards. Plot details are under wraps. Cameras roll "
        "in the summer. The studio is pleased. Tomas Reyna will play the role of Silas Marr.",
        title="Strand dates 'Harbour Lights' sequel for May",
    )
    assert MentionIndex(result.doc).main_work() == "FILM::the harbour lights undertow"
    assert ("The Harbour Lights: Undertow", "Tomas Reyna") in result.pairs("cast_member")
