"""``Michael Voss, the composer who scored W``: the relative clause's antecedent is a role
noun in apposition, and the credit goes to the name it describes."""

from __future__ import annotations


def test_who_after_an_apposed_role_noun_credits_the_name(extract):
    result = extract(
        "Critics praised Michael Voss, the composer who scored the film Lantern Street."
    )
    assert ("Lantern Street", "Michael Voss") in result.pairs("composer")
