"""Cross-article entity resolution, observed through ``build_dataset``."""

from __future__ import annotations

from extractor.reconcile import build_dataset

from .factory import article, date, ent, rel, row, split


def test_resolve_merges_title_punctuation_variants_across_articles() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "FILM", "John Wick: Chapter 4")], []),
            article("a2", [ent("e1", "FILM", "John Wick Chapter 4")], []),
        ],
        {},
    )
    assert len(dataset.works) == 1
    work = row(dataset.works, type="FILM")
    assert work["n_articles"] == 2
    assert {work["title"], *split(work["aliases"])} == {
        "John Wick: Chapter 4",
        "John Wick Chapter 4",
    }
    assert work["id"] == "work:" + ("john-wick-chapter-4")


def test_resolve_surname_alias_within_one_article() -> None:
    dataset = build_dataset(
        [article("a1", [ent("e1", "PERSON", "Ana de Armas", "de Armas", "De Armas")], [])], {}
    )
    person = row(dataset.people, id="person:ana-de-armas")
    assert person["name"] == "Ana de Armas"
    assert split(person["aliases"]) == ["De Armas", "de Armas"]


def test_resolve_surname_only_article_joins_the_full_name_across_articles() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "PERSON", "Ana de Armas")], []),
            article("a2", [ent("e1", "PERSON", "de Armas")], []),
        ],
        {},
    )
    assert list(dataset.people["name"]) == ["Ana de Armas"]
    person = row(dataset.people, name="Ana de Armas")
    assert split(person["aliases"]) == ["de Armas"]
    assert split(person["article_ids"]) == ["a1", "a2"]


def test_resolve_ambiguous_surname_stays_apart() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "PERSON", "Keanu Reeves", "Reeves")], []),
            article("a2", [ent("e1", "PERSON", "Matt Reeves", "Reeves")], []),
            article("a3", [ent("e1", "PERSON", "Reeves")], []),
        ],
        {},
    )
    assert sorted(dataset.people["name"]) == ["Keanu Reeves", "Matt Reeves", "Reeves"]


def test_resolve_alias_of_one_work_joins_it() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "FILM", "John Wick: Chapter 3 Parabellum", "Parabellum")], []),
            article("a2", [ent("e1", "FILM", "Parabellum")], []),
        ],
        {},
    )
    assert list(dataset.works["title"]) == ["John Wick: Chapter 3 Parabellum"]


def test_resolve_keeps_types_apart() -> None:
    dataset = build_dataset(
        [
            article(
                "a1",
                [
                    ent("e1", "FILM", "John Wick"),
                    ent("e2", "CHARACTER", "John Wick", "Wick"),
                    ent("e3", "PERSON", "Keanu Reeves"),
                ],
                [rel("cast_member", "e1", "e3", character="e2")],
            ),
            article("a2", [ent("e1", "CHARACTER", "John Wick")], []),
        ],
        {},
    )
    assert list(dataset.works["id"]) == ["work:john-wick"]
    assert list(dataset.characters["id"]) == ["character:john-wick"]
    assert row(dataset.characters, id="character:john-wick")["n_articles"] == 2


def test_resolve_keeps_remakes_apart_by_year() -> None:
    dataset = build_dataset(
        [
            article(
                "a1",
                [ent("e1", "FILM", "Casino Royale"), date("d1", "1967")],
                [rel("release_date", "e1", "d1")],
            ),
            article(
                "a2",
                [ent("e1", "FILM", "Casino Royale"), date("d1", "2006-11-16")],
                [rel("release_date", "e1", "d1")],
            ),
            article("a3", [ent("e1", "FILM", "Casino Royale (2006)")], []),
        ],
        {},
    )
    works = dataset.works.set_index("id")
    assert sorted(works.index) == ["work:casino-royale-1967", "work:casino-royale-2006"]
    assert split(works.loc["work:casino-royale-2006", "article_ids"]) == ["a2", "a3"]
    assert works.loc["work:casino-royale-1967", "year"] == 1967


def test_resolve_year_in_brackets_after_a_mention_in_the_text() -> None:
    text = "Casino Royale (1967) was a spoof. Casino Royale was remade."
    annotations = [
        article(
            "a1",
            [ent("e1", "FILM", "Casino Royale", mentions=[{"start": 0, "end": 13}])],
            [],
        ),
        article(
            "a2",
            [ent("e1", "FILM", "Casino Royale"), date("d1", "2006")],
            [rel("release_date", "e1", "d1")],
        ),
    ]
    dataset = build_dataset(annotations, {"a1": {"id": "a1", "text": text}})
    assert sorted(dataset.works["year"].tolist()) == [1967, 2006]


def test_resolve_yearless_mention_between_two_remakes_stays_alone() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "FILM", "Casino Royale (1967)")], []),
            article("a2", [ent("e1", "FILM", "Casino Royale (2006)")], []),
            article("a3", [ent("e1", "FILM", "Casino Royale")], []),
        ],
        {},
    )
    assert sorted(dataset.works["id"]) == [
        "work:casino-royale",
        "work:casino-royale-1967",
        "work:casino-royale-2006",
    ]


def test_resolve_yearless_mention_joins_the_only_fitting_work() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "FILM", "Casino Royale (2006)")], []),
            article("a2", [ent("e1", "FILM", "Casino Royale")], []),
        ],
        {},
    )
    assert list(dataset.works["id"]) == ["work:casino-royale-2006"]


def test_resolve_moved_release_across_a_year_stays_one_work() -> None:
    dataset = build_dataset(
        [
            article(
                "a1",
                [ent("e1", "FILM", "Mickey 17"), date("d1", "2024-03-29")],
                [rel("release_date", "e1", "d1")],
                published="2023-05-01",
            ),
            article(
                "a2",
                [ent("e1", "FILM", "Mickey 17"), date("d1", "2025-03-07")],
                [rel("release_date", "e1", "d1")],
                published="2024-10-01",
            ),
        ],
        {},
    )
    assert list(dataset.works["id"]) == ["work:mickey-17-2025"]


def test_resolve_keeps_films_with_different_directors_apart() -> None:
    def film(article_id: str, director: str) -> dict:
        return article(
            article_id,
            [ent("e1", "FILM", "Crash"), ent("e2", "PERSON", director)],
            [rel("director", "e1", "e2")],
        )

    dataset = build_dataset(
        [film("a1", "David Cronenberg"), film("a2", "Paul Haggis"), film("a3", "Paul Haggis")],
        {},
    )
    assert len(dataset.works) == 2
    assert sorted(dataset.works["directors"]) == ["David Cronenberg", "Paul Haggis"]
    assert sorted(dataset.works["n_articles"].tolist()) == [1, 2]
    assert dataset.works["id"].is_unique


def test_resolve_two_entities_of_one_article_stay_two_works() -> None:
    dataset = build_dataset(
        [article("a1", [ent("e1", "FILM", "Nightjar"), ent("e2", "FILM", "Nightjar")], [])],
        {},
    )
    assert len(dataset.works) == 2
    assert dataset.works["id"].is_unique


def test_resolve_canonical_name_prefers_the_full_form() -> None:
    dataset = build_dataset(
        [
            article(
                "a1",
                [ent("e1", "SERIES", "The Tonight Show Starring Jimmy Fallon", "The Tonight Show")],
                [],
            ),
            article("a2", [ent("e1", "SERIES", "The Tonight Show")], []),
            article("a3", [ent("e1", "SERIES", "The Tonight Show")], []),
        ],
        {},
    )
    work = row(dataset.works, type="SERIES")
    assert work["title"] == "The Tonight Show Starring Jimmy Fallon"
    assert work["n_articles"] == 3


def test_resolve_counts_mentions() -> None:
    spans = [{"start": 0, "end": 4, "text": "Ana"}, {"start": 10, "end": 18, "text": "de Armas"}]
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "PERSON", "Ana de Armas", mentions=spans)], []),
            article("a2", [ent("e1", "PERSON", "Ana de Armas")], []),
        ],
        {},
    )
    assert row(dataset.people, name="Ana de Armas")["n_mentions"] == 3


def test_resolve_character_first_name_joins_the_only_full_name() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "CHARACTER", "Winston Scott")], []),
            article("a2", [ent("e1", "CHARACTER", "Winston")], []),
        ],
        {},
    )
    assert list(dataset.characters["name"]) == ["Winston Scott"]


def test_resolve_award_short_form_stays_its_own_award() -> None:
    dataset = build_dataset(
        [
            article("a1", [ent("e1", "AWARD", "Academy Award for Best Director", "Oscar")], []),
            article("a2", [ent("e1", "AWARD", "Oscar")], []),
        ],
        {},
    )
    assert sorted(dataset.entities["name"]) == ["Academy Award for Best Director", "Oscar"]


def test_resolve_year_after_a_mention_yields_to_the_annotated_year() -> None:
    # Both entities carry every mention of the title, one of them followed by "(1989)".
    text = "Nightjar returns. The original Nightjar (1989) starred Vera Halloway."
    mentions = [{"start": 0, "end": 8}, {"start": 31, "end": 39}]
    annotation = article(
        "a1",
        [
            ent("e1", "FILM", "Nightjar", mentions=mentions),
            ent("e2", "FILM", "Nightjar", mentions=mentions),
            date("d1", "2026-05-22"),
        ],
        [rel("release_date", "e1", "d1")],
    )
    later = article(
        "a2",
        [ent("e1", "FILM", "Nightjar"), date("d1", "2026-05-22")],
        [rel("release_date", "e1", "d1")],
    )
    dataset = build_dataset([annotation, later], {"a1": {"id": "a1", "text": text}})
    assert sorted(dataset.works["id"]) == ["work:nightjar-1989", "work:nightjar-2026"]
    assert row(dataset.works, id="work:nightjar-2026")["n_articles"] == 2


def test_resolve_same_title_film_and_series_get_type_suffixed_ids() -> None:
    dataset = build_dataset(
        [article("a1", [ent("e1", "FILM", "Fargo"), ent("e2", "SERIES", "Fargo")], [])], {}
    )
    assert sorted(dataset.works["id"]) == ["work:fargo-film", "work:fargo-series"]
