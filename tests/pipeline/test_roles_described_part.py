"""``X as the <description> in W``: a part described, not named, is cast without a character."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corvin Hale, last seen as the soft-spoken killer in the thriller Quiet Tenant, "
            "flew to Hungary last week.",
            ("cast_member", "Quiet Tenant", "Corvin Hale", None),
        ),
        (
            "Walter Ashdown was a stage actor. On film he was a dependable presence, most "
            'memorably as the doomed quartermaster in the war drama "The Iron Sea".',
            ("cast_member", "The Iron Sea", "Walter Ashdown", None),
        ),
    ],
)
def test_described_part_in_a_named_work_is_cast(extract, text, expected):
    assert expected in extract(text).relations()


@pytest.mark.parametrize(
    "text",
    [
        # a job, not a part
        "Corvin Hale worked as the producer in the thriller Quiet Tenant.",
        # "such as" introduces examples, not a part
        "Stars such as Corvin Hale appeared in the thriller Quiet Tenant.",
    ],
)
def test_no_described_part_without_a_performance(extract, text):
    cues = {r.get("cue") for r in extract(text).doc._.relations}
    assert "described_part" not in cues
