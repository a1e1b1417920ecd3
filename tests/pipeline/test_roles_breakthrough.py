"""``won acclaim for W``, ``broke out in W``, ``broke through with W``: a career-making work."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yusra Benali, 24, broke out last year in the coming-of-age drama Small Hours.",
            ("cast_member", "Small Hours", "Yusra Benali", None),
        ),
        (
            "Greta Lindqvist won acclaim last year for the miniseries Copper Valley.",
            ("cast_member", "Copper Valley", "Greta Lindqvist", None),
        ),
        # a credit elsewhere in the article tells the trade: a director broke through
        (
            "Paragon has pushed *Lantern Street* to October, giving the Ravi Menon-directed "
            "thriller more time. Menon, who broke through with the alien-invasion picture "
            "*Porchlight*, shot it in Malta.",
            ("director", "Porchlight", "Ravi Menon", None),
        ),
    ],
)
def test_breakthrough_work_is_credited(extract, text, expected):
    assert expected in extract(text).relations()


@pytest.mark.parametrize(
    "text",
    [
        "Greta Lindqvist did not win acclaim for the miniseries Copper Valley.",
        # "break out" without a work phrase
        "Fighting broke out in Berlin as Greta Lindqvist arrived.",
    ],
)
def test_no_breakthrough_credit(extract, text):
    assert "breakthrough" not in {r.get("cue") for r in extract(text).doc._.relations}
