"""Shared field normalisation: publication dates and article ids."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.ingest.fields import normalise_published, sanitise_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-04-05", "2023-04-05"),
        ("2023-04-05T23:30:00-05:00", "2023-04-05"),
        ("2023-04-05T10:00:00Z", "2023-04-05"),
        (" 2023-04-05 ", "2023-04-05"),
        ("2023/04/05", "2023-04-05"),
        ("5 April 2023", "2023-04-05"),
        ("April 5, 2023", "2023-04-05"),
        ("Apr 5, 2023", "2023-04-05"),
        ("Wed, 05 Apr 2023 10:20:00 GMT", "2023-04-05"),
        (dt.date(2023, 4, 5), "2023-04-05"),
        (dt.datetime(2023, 4, 5, 23, 59), "2023-04-05"),
    ],
)
def test_published_dates_become_iso_days(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", [None, "", "2023", "2023-04", "yesterday", "2023-02-30", 2023])
def test_partial_or_unparsable_dates_become_none(value):
    assert normalise_published(value) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ballerina", "ballerina"),
        ("news.2024.ballerina", "news.2024.ballerina"),
        ("Ana de Armas", "Ana_de_Armas"),
        ("a//b??c", "a_b_c"),
        ("café-society", "caf_-society"),
        ("", "_"),
    ],
)
def test_sanitise_id_replaces_each_forbidden_run(raw, expected):
    assert sanitise_id(raw) == expected
