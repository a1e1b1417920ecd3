"""``date_normaliser``: FORMAT.md values of date expressions, relative ones by ``published``."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.components.dates import HOLIDAYS, MONTHS, WEEKDAYS, normalise_date

PUB = "2024-03-14"  # a Thursday
PUB_AUGUST = "2024-08-14"

VALUES = [
    # absolute dates, at the precision given
    ("2024-06-07", None, None, "2024-06-07"),
    ("2024-06", None, None, "2024-06"),
    ("June 7, 2024", None, None, "2024-06-07"),
    ("June 7, 2024", PUB, "past", "2024-06-07"),
    ("7 June 2024", None, None, "2024-06-07"),
    ("5th of May 2021", None, None, "2021-05-05"),
    ("Sept. 5", None, None, "XXXX-09-05"),
    ("Sunday 12 January 2025", None, None, "2025-01-12"),
    ("Friday, February 13", None, None, "XXXX-02-13"),
    ("March 2023", None, None, "2023-03"),
    ("2019", None, None, "2019"),
    ("the 1990s", None, None, "199X"),
    ("early 2025", None, None, "2025"),
    ("summer 2025", None, None, "2025"),
    ("Christmas 2025", None, None, "2025-12-25"),
    # a month or day without a year: X without published, else by tense
    ("September", None, None, "XXXX-09"),
    ("late March", None, None, "XXXX-03"),
    ("June 7", None, None, "XXXX-06-07"),
    ("September", PUB, None, "2024-09"),
    ("September", PUB, "past", "2023-09"),
    ("June 7", PUB, None, "2024-06-07"),
    ("June 7", PUB_AUGUST, "future", "2025-06-07"),
    ("June 7", PUB_AUGUST, "past", "2024-06-07"),
    # next / last / this
    ("next June", None, None, "XXXX-06"),
    ("next June", PUB, None, "2024-06"),
    ("next June", PUB_AUGUST, None, "2025-06"),
    ("last June", PUB, None, "2023-06"),
    ("last June", PUB_AUGUST, None, "2024-06"),
    ("next year", PUB, None, "2025"),
    ("last month", "2024-01-14", None, "2023-12"),
    ("this summer", PUB, None, "2024"),
    # "this" is the article's year whichever way the sentence points
    ("this summer", PUB_AUGUST, "future", "2024"),
    ("next summer", PUB_AUGUST, None, "2025"),
    ("March next year", PUB, None, "2025-03"),
    ("March of next year", PUB, None, "2025-03"),
    ("March next year", None, None, "XXXX-03"),
    # holidays
    ("next Christmas", PUB, None, "2024-12-25"),
    ("next Christmas", "2024-12-30", None, "2025-12-25"),
    ("next Christmas", None, None, "XXXX-12-25"),
    # weekdays, by the sentence's tense
    ("on Friday", PUB, "past", "2024-03-08"),
    ("on Friday", PUB, "future", "2024-03-15"),
    ("Friday", PUB, None, "2024-03-08"),
    ("next Friday", PUB, None, "2024-03-15"),
    ("on Thursday", PUB, "future", "2024-03-21"),
    ("on Thursday", PUB, "past", "2024-03-14"),
    ("tomorrow", "2024-02-28", None, "2024-02-29"),
    ("yesterday", "2024-03-01", None, "2024-02-29"),
    # no value: weekdays without a base, durations, vague periods
    ("on Friday", None, "future", None),
    ("four months", None, None, None),
    ("two weeks", PUB, None, None),
    ("decades", None, None, None),
    ("", PUB, None, None),
]


@pytest.mark.parametrize(("text", "published", "tense", "value"), VALUES)
def test_normalise_date(text, published, tense, value):
    assert normalise_date(text, published, tense) == value


def test_the_year_prefix():
    assert normalise_date("the year 2019") == "2019"


def test_mid_year():
    assert normalise_date("mid-2025") == "2025"


@pytest.mark.parametrize("text", ["June 31, 2024", "February 30, 2024", "2024-13-45"])
def test_impossible_calendar_date_gets_no_full_value(text):
    value = normalise_date(text)
    if value is not None and len(value) == 10:
        datetime.date.fromisoformat(value)  # raises for an impossible date


VALUE_SHAPE = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?$|^\d{3}X$", re.ASCII)
DATE_WORDS = sorted(MONTHS) + list(WEEKDAYS) + list(HOLIDAYS) + [
    "next", "last", "this", "coming", "on", "in", "the", "year", "month", "of", "early",
    "late", "mid-", "summer", "spring", "autumn", "today", "tomorrow", "week", "months", ",",
]  # fmt: skip
date_like = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS), st.integers(0, 3000).map(str)), max_size=5
).map(" ".join)
published_dates = st.one_of(
    st.none(),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)).map(datetime.date.isoformat),
)


@settings(max_examples=400, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), date_like),
    published=published_dates,
    tense=st.sampled_from([None, "future", "past"]),
)
def test_normalise_date_never_raises_and_is_well_formed(text, published, tense):
    value = normalise_date(text, published, tense)
    assert value is None or VALUE_SHAPE.match(value), value


# -- the component -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The film Lantern Street opens on Friday.", "2024-03-15"),
        ("The film Lantern Street opened on Friday.", "2024-03-08"),
        ("The film Lantern Street will open next June.", "2024-06"),
        ("The film Lantern Street opens in March next year.", "2025-03"),
        ("The film Lantern Street arrives next Christmas.", "2024-12-25"),
    ],
)
def test_component_resolves_against_published_and_tense(extract, text, value):
    result = extract(text, published=PUB)
    assert [v for _, _, v in result.doc._.date_values] == [value]


def test_component_without_published_leaves_the_year_open(extract):
    text = "The film Lantern Street opens on June 6."
    start = text.index("June 6")
    result = extract(text)
    assert result.doc._.date_values == [[start, start + len("June 6"), "XXXX-06-06"]]


def test_component_drops_durations(extract):
    result = extract("The shoot for the film Lantern Street lasted four months.", published=PUB)
    assert any(ent.label_ == "DATE" for ent in result.doc.ents)  # the model did tag it
    assert result.doc._.date_values == []
    assert not [s for s in result.doc.spans["mentions"] if s.label_ == "DATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The festival moved from May 16, 2025 to June 27, 2025.",
            [("May 16, 2025", "2025-05-16"), ("June 27, 2025", "2025-06-27")],
        ),
        # the first date borrows the second's year
        (
            "The festival moved from May 16 to June 27, 2025.",
            [("May 16", "2025-05-16"), ("June 27, 2025", "2025-06-27")],
        ),
        # a period between two years is no pair of dated events
        ("He was a familiar face on screen between 1988 and 1999.", []),
    ],
)
def test_a_range_the_model_reads_as_one_date(extract, text, expected):
    result = extract(text, published="2024-05-17")
    found = [(text[start:end], value) for start, end, value in result.doc._.date_values]
    assert found == expected


def _values(result) -> dict[str, str]:
    """Date text -> value, for every date the normaliser valued."""
    text = result.doc.text
    return {text[start:end]: value for start, end, value in result.doc._.date_values}


def test_a_range_crossing_into_the_stated_year(extract):
    result = extract("The show was moved from November to February 2026.", published="2024-03-14")
    assert set(_values(result).values()) == {"2025-11", "2026-02"}


def test_a_weekday_is_not_anchored_by_an_earlier_month(extract):
    result = extract(
        "The film Copper Valley moves to March next year, the studio said on Monday.",
        published="2024-03-14",
    )
    assert _values(result)["Monday"].startswith("2024-03")


NEIGHBOUR_DATED = (
    "Neon acquired rights to the drama Copper Valley after its festival premiere in "
    "September and will release it in March next year."
)


@pytest.mark.parametrize(
    ("text", "published", "date", "value"),
    [
        # a relative word the model left out belongs to the date
        (
            "The film Copper Valley, the follow-up to this summer's Lantern Street, is set for "
            "release on July 9, 2027.",
            "2025-09-05",
            "this summer",
            "2025",
        ),
        # a bare month before the statement of its year (a headline's) takes that year
        (
            "Halcyon moves Copper Valley to October. The studio has moved the thriller Copper "
            "Valley to October 9, 2026.",
            "2025-04-02",
            "October",
            "2026-10",
        ),
        # a past anchor does not date a later bare month
        (
            "The first film opened in March 2024. The sequel Copper Valley opens in March.",
            "2025-01-10",
            "March",
            "2025-03",
        ),
        # a date under a past verb is past in a sentence with a future clause
        (NEIGHBOUR_DATED, "2024-10-10", "September", "2024-09"),
        (NEIGHBOUR_DATED, "2024-10-10", "March next year", "2025-03"),
    ],
    ids=["left-out-word", "headline-month", "past-anchor", "past-verb", "future-clause"],
)
def test_a_date_read_with_its_neighbours(extract, text, published, date, value):
    assert _values(extract(text, published=published))[date] == value
