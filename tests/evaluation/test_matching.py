"""Matching strategies on small hand-computed cases."""

from __future__ import annotations

from extractor.evaluation.matching import maximum_matching
from extractor.evaluation.metrics import Counts, Scores

from .helpers import article, ent, evaluate, rel

TEXT = "Ana de Armas stars in Ballerina. De Armas plays Rooney."
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901234


def mention(start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": TEXT[start:end]}


# --- entities ----------------------------------------------------------------------------


def test_entity_matches_gold_alias_and_mention_text() -> None:
    gold = article(
        [
            ent("g1", "PERSON", "Ana de Armas", "de Armas"),
            ent("g2", "CHARACTER", "Rooney", mentions=[mention(48, 54)]),
        ]
    )
    pred = article([ent("p1", "PERSON", "De Armas"), ent("p2", "CHARACTER", "rooney")])
    table = evaluate(gold, pred).table("entities")
    assert table == {"PERSON": Counts(tp=1), "CHARACTER": Counts(tp=1)}


def test_entity_of_other_type_does_not_match() -> None:
    gold = article([ent("g1", "FILM", "John Wick"), ent("g2", "CHARACTER", "John Wick")])
    pred = article([ent("p1", "FILM", "John Wick"), ent("p2", "PERSON", "John Wick")])
    table = evaluate(gold, pred).table("entities")
    assert table == {
        "FILM": Counts(tp=1),
        "PERSON": Counts(fp=1),
        "CHARACTER": Counts(fn=1),
    }


def test_entity_matching_is_one_to_one() -> None:
    gold = article([ent("g1", "PERSON", "Keanu Reeves", "Reeves")])
    pred = article([ent("p1", "PERSON", "Keanu Reeves"), ent("p2", "PERSON", "Reeves")])
    assert evaluate(gold, pred).table("entities") == {"PERSON": Counts(tp=1, fp=1)}


def test_entity_matching_finds_the_largest_assignment() -> None:
    # p1 prefers g1 (same name) but can also take g2 (shared alias "Johnny"); p2 can only
    # take g1 (its name is g1's alias). Taking predictions in order, best first, would
    # leave p2 unmatched; the maximum assignment matches both.
    gold = article(
        [
            ent("g1", "CHARACTER", "Wick", "The Boogeyman"),
            ent("g2", "CHARACTER", "John Wick", "Johnny"),
        ]
    )
    pred = article(
        [ent("p1", "CHARACTER", "Wick", "Johnny"), ent("p2", "CHARACTER", "The Boogeyman")]
    )
    assert evaluate(gold, pred).table("entities") == {"CHARACTER": Counts(tp=2)}


def test_maximum_matching_reassigns_earlier_items() -> None:
    assert maximum_matching([[0, 1], [0]]) == {0: 1, 1: 0}
    assert maximum_matching([[0], [0]]) == {0: 0}
    assert maximum_matching([[], [1, 0]]) == {1: 1}


def test_unscored_entity_types_are_ignored() -> None:
    gold = article([ent("g1", "ORG", "Lionsgate"), ent("g2", "DATE", "2024", value="2024")])
    pred = article([ent("p1", "LOC", "Prague")])
    assert evaluate(gold, pred).table("entities") == {}


def test_missing_prediction_counts_every_gold_entity_as_false_negative() -> None:
    gold = [article([ent("g1", "PERSON", "Len Wiseman")]), article([], article_id="a2")]
    result = evaluate(gold, article([], article_id="a2"))
    assert result.table("entities") == {"PERSON": Counts(fn=1)}
    assert result.missing == ("a1",)


# --- mentions ----------------------------------------------------------------------------


def test_mentions_strict_and_partial() -> None:
    gold = article(
        [
            ent("g1", "PERSON", "Ana de Armas", mentions=[mention(0, 12), mention(33, 41)]),
            ent("g2", "FILM", "Ballerina", mentions=[mention(22, 31)]),
        ],
        text=TEXT,
    )
    pred = article(
        [
            # exact; "Armas" overlapping gold "De Armas"; and a wrong type on the film
            ent("p1", "PERSON", "Ana de Armas", mentions=[mention(0, 12), mention(36, 41)]),
            ent("p2", "CHARACTER", "Ballerina", mentions=[mention(22, 31)]),
        ],
        text=TEXT,
    )
    result = evaluate(gold, pred)
    assert result.table("mentions_strict") == {
        "PERSON": Counts(tp=1, fp=1, fn=1),
        "FILM": Counts(fn=1),
        "CHARACTER": Counts(fp=1),
    }
    assert result.table("mentions_partial") == {
        "PERSON": Counts(tp=2),
        "FILM": Counts(fn=1),
        "CHARACTER": Counts(fp=1),
    }


def test_partial_mentions_are_one_to_one() -> None:
    gold = article([ent("g1", "PERSON", "Ana de Armas", mentions=[mention(0, 12)])])
    pred = article(
        [
            ent("p1", "PERSON", "Ana", mentions=[mention(0, 3)]),
            ent("p2", "PERSON", "Armas", mentions=[mention(7, 12)]),
        ]
    )
    assert evaluate(gold, pred).table("mentions_partial") == {"PERSON": Counts(tp=1, fp=1)}


def test_adjacent_mentions_do_not_overlap() -> None:
    # Offsets are end-exclusive: [0, 3) and [3, 12) share no character.
    gold = article([ent("g1", "PERSON", "Ana", mentions=[mention(0, 3)])])
    pred = article([ent("p1", "PERSON", " de Armas", mentions=[mention(3, 12)])])
    assert evaluate(gold, pred).table("mentions_partial") == {"PERSON": Counts(fp=1, fn=1)}


def test_mentions_are_not_compared_without_offsets_on_both_sides_or_on_other_texts() -> None:
    with_offsets = article([ent("g1", "PERSON", "Ana de Armas", mentions=[mention(0, 12)])])
    without = article([ent("p1", "PERSON", "Ana de Armas")])
    assert evaluate(with_offsets, without).mention_articles == 0
    other_text = dict(with_offsets, text_sha256="0" * 64)
    this_text = dict(with_offsets, text=TEXT)
    assert evaluate(this_text, other_text).mention_articles == 0
    assert evaluate(this_text, with_offsets).mention_articles == 1


# --- relations ---------------------------------------------------------------------------

FILM_GOLD = [
    ent("f", "FILM", "Ballerina"),
    ent("d", "PERSON", "Len Wiseman"),
    ent("a", "PERSON", "Ana de Armas", "de Armas"),
    ent("b", "PERSON", "Keanu Reeves"),
    ent("r", "CHARACTER", "Rooney"),
]


def test_relation_arguments_are_mapped_through_entity_names() -> None:
    gold = article(FILM_GOLD, [rel("director", "f", "d"), rel("cast_member", "f", "a")])
    pred = article(
        [
            ent("x1", "FILM", "Ballerina"),
            # The argument matches by name whatever its type (untyped mapping).
            ent("x2", "ORG", "Len Wiseman"),
            ent("x3", "PERSON", "De Armas"),
        ],
        [rel("director", "x1", "x2"), rel("cast_member", "x1", "x3"), rel("producer", "x1", "x2")],
    )
    table = evaluate(gold, pred).table("relations")
    assert table == {
        "director": Counts(tp=1),
        "cast_member": Counts(tp=1),
        "producer": Counts(fp=1),
    }


def test_symmetric_relations_match_in_either_direction() -> None:
    gold = article(FILM_GOLD, [rel("spouse", "a", "b"), rel("parent", "a", "b")])
    pred = article(FILM_GOLD, [rel("spouse", "b", "a"), rel("parent", "b", "a")])
    table = evaluate(gold, pred).table("relations")
    assert table == {"spouse": Counts(tp=1), "parent": Counts(fp=1, fn=1)}


def test_symmetric_false_positive_in_both_directions_counts_once() -> None:
    pred = article(FILM_GOLD, [rel("sibling", "a", "b"), rel("sibling", "b", "a")])
    assert evaluate(article(FILM_GOLD), pred).table("relations") == {"sibling": Counts(fp=1)}


def test_restated_relation_is_counted_once() -> None:
    gold = article(FILM_GOLD, [rel("director", "f", "d")])
    pred = article(
        [
            ent("x1", "FILM", "Ballerina"),
            ent("x2", "PERSON", "Len Wiseman"),
            ent("x3", "PERSON", "Wiseman", "Len Wiseman"),
        ],
        [rel("director", "x1", "x2"), rel("director", "x1", "x3"), rel("director", "x1", "x2")],
    )
    result = evaluate(gold, pred)
    assert result.table("relations") == {"director": Counts(tp=1)}
    assert result.figures()["relations_restated"] == 2


def test_relation_with_unknown_entity_is_a_false_positive() -> None:
    gold = article(FILM_GOLD, [rel("director", "f", "d")])
    pred = article([ent("x1", "FILM", "Ballerina")], [rel("director", "x1", "nobody")])
    assert evaluate(gold, pred).table("relations") == {"director": Counts(fp=1, fn=1)}


def test_micro_averages_core_and_all() -> None:
    gold = article(FILM_GOLD, [rel("director", "f", "d"), rel("spouse", "a", "b")])
    pred = article(FILM_GOLD, [rel("director", "f", "d"), rel("producer", "f", "a")])
    figures = evaluate(gold, pred).figures()
    assert figures["relations_core_micro"] == Scores.of(Counts(tp=1, fp=1)).as_dict()
    assert figures["relations_all_micro"] == Scores.of(Counts(tp=1, fp=1, fn=1)).as_dict()
    assert figures["relations_all_micro"]["f"] == 0.5


# --- dates -------------------------------------------------------------------------------


def dated(*dates: dict, relations: list[dict]) -> dict:
    return article([ent("f", "FILM", "Ballerina"), *dates], relations)


def test_release_date_with_open_year_matches_any_year() -> None:
    gold = dated(
        ent("t", "DATE", "September", value="XXXX-09"), relations=[rel("release_date", "f", "t")]
    )
    right = dated(
        ent("t", "DATE", "September", value="2023-09"), relations=[rel("release_date", "f", "t")]
    )
    coarse = dated(
        ent("t", "DATE", "2023", value="2023"), relations=[rel("release_date", "f", "t")]
    )
    assert evaluate(gold, right).table("relations") == {"release_date": Counts(tp=1)}
    assert evaluate(gold, coarse).table("relations") == {"release_date": Counts(fp=1, fn=1)}


def test_coarser_predicted_date_is_not_a_separate_claim() -> None:
    gold = dated(
        ent("t", "DATE", "June 7, 2024", value="2024-06-07"),
        relations=[rel("release_date", "f", "t")],
    )
    pred = dated(
        ent("t1", "DATE", "2024", value="2024"),
        ent("t2", "DATE", "June 7, 2024", value="2024-06-07"),
        relations=[rel("release_date", "f", "t1"), rel("release_date", "f", "t2")],
    )
    assert evaluate(gold, pred).table("relations") == {"release_date": Counts(tp=1)}


def test_coarser_gold_date_is_optional() -> None:
    both = dated(
        ent("t1", "DATE", "2000", value="2000"),
        ent("t2", "DATE", "27 September 2000", value="2000-09-27"),
        relations=[rel("release_date", "f", "t1"), rel("release_date", "f", "t2")],
    )
    only_fine = dated(
        ent("t2", "DATE", "27 September 2000", value="2000-09-27"),
        relations=[rel("release_date", "f", "t2")],
    )
    only_coarse = dated(
        ent("t1", "DATE", "2000", value="2000"), relations=[rel("release_date", "f", "t1")]
    )
    # Gold as its own prediction is perfect, although the prediction side drops "2000".
    assert evaluate(both, both).table("relations") == {"release_date": Counts(tp=1)}
    assert evaluate(both, only_fine).table("relations") == {"release_date": Counts(tp=1)}
    assert evaluate(both, only_coarse).table("relations") == {"release_date": Counts(tp=1, fn=1)}


def test_date_values_check_matched_dates_even_when_the_value_is_wrong() -> None:
    gold = article(
        [
            ent("f", "FILM", "Ballerina"),
            ent("p", "PERSON", "Lance Reddick"),
            ent("t", "DATE", "June 7, 2024", value="2024-06-07"),
            ent("d", "DATE", "March 2023", value="2023-03"),
        ],
        [rel("release_date", "f", "t"), rel("date_of_death", "p", "d")],
    )
    pred = article(
        [
            ent("f", "FILM", "Ballerina"),
            ent("p", "PERSON", "Lance Reddick"),
            ent("t", "DATE", "June 7, 2024", value="2024-07-06"),  # wrong value, same text
            ent("d", "DATE", "March 2023", value="2023-03"),
        ],
        [rel("release_date", "f", "t"), rel("date_of_death", "p", "d")],
    )
    result = evaluate(gold, pred)
    assert result.table("relations") == {
        "release_date": Counts(fp=1, fn=1),
        "date_of_death": Counts(tp=1),
    }
    dates = result.figures()["date_values"]
    assert dates["release_date"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert dates["all"] == {"correct": 1, "total": 2, "accuracy": 0.5}


# --- cast characters ---------------------------------------------------------------------


def test_cast_character_right_wrong_and_missing() -> None:
    gold = article(
        [*FILM_GOLD, ent("w", "CHARACTER", "John Wick", "Wick"), ent("c", "PERSON", "Ian McShane")],
        [
            rel("cast_member", "f", "a", character="r"),
            rel("cast_member", "f", "b", character="w"),
            rel("cast_member", "f", "c", character="r"),
            rel("cast_member", "f", "d"),  # no character: not scored
        ],
    )
    pred = article(
        [*FILM_GOLD, ent("w", "CHARACTER", "Wick"), ent("c", "PERSON", "Ian McShane")],
        [
            rel("cast_member", "f", "a", character="r"),  # right
            rel("cast_member", "f", "b", character="r"),  # wrong
            rel("cast_member", "f", "c"),  # none given
            rel("cast_member", "f", "d", character="w"),  # gold names none: ignored
        ],
    )
    result = evaluate(gold, pred)
    assert result.table("relations") == {"cast_member": Counts(tp=4)}
    assert result.table("cast_character") == {"cast_character": Counts(tp=1, fp=1, fn=1)}
    findings = result.articles[0].outcomes["cast_character"].findings
    assert [f.kind for f in findings] == ["WRONG_CHARACTER"]


def test_counts_are_summed_over_articles_not_merged() -> None:
    # Two articles with identical counts: a set of counts would keep one of them.
    one = article(FILM_GOLD, [rel("director", "f", "d")], article_id="a1")
    two = article(FILM_GOLD, [rel("director", "f", "d")], article_id="a2")
    assert evaluate([one, two], [one, two]).table("relations") == {"director": Counts(tp=2)}


def test_restated_cast_claim_naming_the_character_is_the_one_checked() -> None:
    gold = article(FILM_GOLD, [rel("cast_member", "f", "a", character="r")])
    pred = article(
        FILM_GOLD, [rel("cast_member", "f", "a"), rel("cast_member", "f", "a", character="r")]
    )
    result = evaluate(gold, pred)
    assert result.table("relations") == {"cast_member": Counts(tp=1)}
    assert result.table("cast_character") == {"cast_character": Counts(tp=1)}


def test_open_year_date_is_coarser_than_a_full_date() -> None:
    gold = dated(
        ent("t", "DATE", "June 7, 2024", value="2024-06-07"),
        relations=[rel("release_date", "f", "t")],
    )
    pred = dated(
        ent("t1", "DATE", "June", value="XXXX-06"),
        ent("t2", "DATE", "June 7, 2024", value="2024-06-07"),
        relations=[rel("release_date", "f", "t1"), rel("release_date", "f", "t2")],
    )
    assert evaluate(gold, pred).table("relations") == {"release_date": Counts(tp=1)}


def test_exact_date_value_beats_a_match_through_open_digits() -> None:
    dates = [
        ent("t1", "DATE", "June 7", value="XXXX-06-07"),
        ent("t2", "DATE", "June 7, 2024", value="2024-06-07"),
    ]
    gold = dated(*dates, relations=[rel("release_date", "f", "t1"), rel("release_date", "f", "t2")])
    pred = dated(*dates, relations=[rel("release_date", "f", "t2"), rel("release_date", "f", "t1")])
    # The exact value decides: `t2` does not take the `XXXX-06-07` claim first.
    assert evaluate(gold, pred).table("relations") == {"release_date": Counts(tp=2)}
