"""Runs that name companies are not titles: a streamer's ``+``, a company word at the end;
and a person's possessive is not part of the title after it."""

from __future__ import annotations


def test_streamer_with_plus_is_not_a_title(extract):
    result = extract("The series Vesper Station premieres on Vireo+ in March.")
    assert "Vireo+" not in result.work_names()


def test_company_suffix_is_not_a_title(extract):
    result = extract(
        "The show is executive produced by Mark Eddowes for Blackfriars Television, "
        "and the drama Lamp Street starts filming in May."
    )
    titles = result.work_names()
    assert not any(title.endswith("Television") for title in titles)


def test_possessive_filmmaker_is_cut_from_the_title(extract):
    result = extract("She was nominated for the film Robert Altman's Gosford Park in 2002.")
    titles = result.names("FILM")
    assert "Gosford Park" in titles
    assert not any("Altman" in title for title in titles)
