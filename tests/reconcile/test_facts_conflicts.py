"""Single-valued slots: conflicts, refinements that are not conflicts, and the current value."""

from __future__ import annotations

from extractor.reconcile import Dataset, build_dataset

from .factory import article, date, ent, rel, row


def _released(
    article_id: str, published: str | None, *values: str, confidence: float | None = None
) -> dict:
    extra = {"confidence": confidence} if confidence is not None else {}
    dates = [date(f"d{i}", value) for i, value in enumerate(values)]
    return article(
        article_id,
        [ent("e1", "FILM", "Ballerina"), *dates],
        [rel("release_date", "e1", d["id"], **extra) for d in dates],
        published=published,
    )


def _cast(article_id: str, published: str | None, actor: str) -> dict:
    return article(
        article_id,
        [
            ent("e1", "FILM", "Cold Meridian"),
            ent("e2", "PERSON", actor),
            ent("e3", "CHARACTER", "Silas Crane"),
        ],
        [rel("cast_member", "e1", "e2", character="e3")],
        published=published,
    )


def _sides(dataset: Dataset, relation: str) -> dict[str, tuple[bool, str, int]]:
    conflicts = dataset.conflicts[dataset.conflicts["relation"] == relation]
    return {
        r.value: (bool(r.current), r.decided_by, int(r.n_articles)) for r in conflicts.itertuples()
    }


def test_conflicts_moved_release_date_most_recent_article_wins() -> None:
    dataset = build_dataset(
        [
            _released("a1", "2023-01-10", "2024-06-07"),
            _released("a2", "2023-03-01", "2024-06-07"),
            _released("a3", "2024-02-01", "2025-06-06"),
        ],
        {},
    )
    assert _sides(dataset, "release_date") == {
        "2024-06-07": (False, "most_recent_article", 2),
        "2025-06-06": (True, "most_recent_article", 1),
    }
    assert dataset.conflicts["conflict_id"].nunique() == 1
    work = row(dataset.works, title="Ballerina")
    assert (work["release_date"], work["release_dates"], work["year"]) == (
        "2025-06-06",
        "2024-06-07 | 2025-06-06",
        2025,
    )
    stale = row(dataset.relations, relation="release_date", tail="2024-06-07")
    assert not stale["current"]


def test_conflicts_article_reporting_a_move_votes_for_the_later_date() -> None:
    dataset = build_dataset(
        [
            _released("a1", "2023-01-10", "2024-06-07"),
            _released("a2", "2023-11-01", "2024-06-07", "2025-06-06"),
        ],
        {},
    )
    assert row(dataset.works, title="Ballerina")["release_date"] == "2025-06-06"


def test_conflicts_refined_date_is_not_a_conflict() -> None:
    dataset = build_dataset(
        [
            _released("a1", "2023-01-10", "2025"),
            _released("a2", "2024-05-01", "2025-06-06"),
        ],
        {},
    )
    assert dataset.conflicts.empty
    fact = row(dataset.relations, relation="release_date")
    assert (fact["tail"], fact["n_articles"]) == ("2025-06-06", 2)


def test_conflicts_unknown_year_digits_are_compatible() -> None:
    dataset = build_dataset(
        [_released("a1", None, "XXXX-09"), _released("a2", None, "2023-09")], {}
    )
    assert dataset.conflicts.empty
    assert row(dataset.works, title="Ballerina")["release_date"] == "2023-09"


def test_conflicts_without_dates_the_best_supported_value_wins() -> None:
    dataset = build_dataset(
        [
            _released("a1", None, "2024-06-07"),
            _released("a2", None, "2024-06-07"),
            _released("a3", None, "2025-06-06"),
        ],
        {},
    )
    assert _sides(dataset, "release_date") == {
        "2024-06-07": (True, "most_articles", 2),
        "2025-06-06": (False, "most_articles", 1),
    }


def test_conflicts_same_day_articles_disagreeing_fall_back_to_confidence() -> None:
    dataset = build_dataset(
        [
            _released("a1", "2024-01-01", "2024-06-07", confidence=0.6),
            _released("a2", "2024-01-01", "2025-06-06", confidence=0.9),
        ],
        {},
    )
    assert _sides(dataset, "release_date") == {
        "2024-06-07": (False, "highest_confidence", 1),
        "2025-06-06": (True, "highest_confidence", 1),
    }


def test_conflicts_full_tie_takes_the_later_date() -> None:
    dataset = build_dataset(
        [_released("a1", None, "2025-06-06"), _released("a2", None, "2024-06-07")], {}
    )
    assert _sides(dataset, "release_date")["2025-06-06"] == (True, "tie_break", 1)


def test_conflicts_recast_most_recent_article_wins() -> None:
    dataset = build_dataset(
        [
            _cast("a1", "2025-01-15", "Adrian Kesh"),
            _cast("a2", "2025-06-20", "Adrian Kesh"),
            _cast("a3", "2025-09-03", "Rafe Ellison"),
        ],
        {},
    )
    assert _sides(dataset, "cast_member") == {
        "Adrian Kesh": (False, "most_recent_article", 2),
        "Rafe Ellison": (True, "most_recent_article", 1),
    }
    conflict = dataset.conflicts.iloc[0]
    assert (conflict["subject"], conflict["character"]) == ("Cold Meridian", "Silas Crane")
    credits = dataset.credits.set_index("person")["current"].to_dict()
    assert credits == {"Adrian Kesh": False, "Rafe Ellison": True}
    assert row(dataset.works, title="Cold Meridian")["cast"] == "Rafe Ellison"
    assert row(dataset.characters, name="Silas Crane")["actors"] == "Rafe Ellison"


def test_conflicts_recast_tie_breaks_on_the_name() -> None:
    dataset = build_dataset([_cast("a1", None, "Zoe Zed"), _cast("a2", None, "Adam Ant")], {})
    assert _sides(dataset, "cast_member")["Adam Ant"] == (True, "tie_break", 1)


def test_conflicts_two_actors_named_together_share_the_role() -> None:
    annotation = article(
        "a1",
        [
            ent("e1", "FILM", "Furiosa: A Mad Max Saga"),
            ent("e2", "PERSON", "Anya Taylor-Joy"),
            ent("e3", "PERSON", "Alyla Browne"),
            ent("e4", "CHARACTER", "Furiosa"),
        ],
        [
            rel("cast_member", "e1", "e2", character="e4"),
            rel("cast_member", "e1", "e3", character="e4"),
        ],
    )
    dataset = build_dataset([annotation], {})
    assert dataset.conflicts.empty
    assert dataset.credits["current"].all()


def test_conflicts_same_character_in_different_works_is_no_recast() -> None:
    def played(article_id: str, work: str, actor: str) -> dict:
        return article(
            article_id,
            [
                ent("e1", "FILM", work),
                ent("e2", "PERSON", actor),
                ent("e3", "CHARACTER", "Winston"),
            ],
            [rel("cast_member", "e1", "e2", character="e3")],
        )

    dataset = build_dataset(
        [
            played("a1", "Ballerina", "Ian McShane"),
            played("a2", "The Continental", "Colin Woodell"),
        ],
        {},
    )
    assert dataset.conflicts.empty


def test_conflicts_date_of_death() -> None:
    def died(article_id: str, published: str, value: str) -> dict:
        return article(
            article_id,
            [ent("e1", "PERSON", "Lance Reddick"), date("d1", value)],
            [rel("date_of_death", "e1", "d1")],
            published=published,
        )

    dataset = build_dataset(
        [died("a1", "2023-03-17", "2023-03-16"), died("a2", "2023-03-18", "2023-03-17")], {}
    )
    assert row(dataset.people, name="Lance Reddick")["date_of_death"] == "2023-03-17"
    assert _sides(dataset, "date_of_death")["2023-03-17"] == (True, "most_recent_article", 1)


def test_conflicts_coarse_date_fitting_two_values_is_current_if_it_fits_the_winner() -> None:
    dataset = build_dataset(
        [
            _released("a1", "2024-01-01", "2025"),
            _released("a2", "2024-02-01", "2025-06-06"),
            _released("a3", "2024-03-01", "2025-09-18"),
        ],
        {},
    )
    coarse = row(dataset.relations, relation="release_date", tail="2025")
    assert coarse["current"]
    assert set(dataset.conflicts["value"]) == {"2025-06-06", "2025-09-18"}
