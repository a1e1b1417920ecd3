"""``line_sentence_starts``: a line break starts a new sentence."""

from __future__ import annotations

import spacy

from extractor.pipeline.components.line_breaks import line_sentence_starts

HEADLINE = "Lantern Street Sequel Announced\nThe film Copper Valley opens in May."


def test_token_after_a_newline_starts_a_sentence():
    doc = spacy.blank("en").make_doc("Big News\n\nCorvin Hale joins the cast today")
    doc = line_sentence_starts(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Big", "Corvin"]
    # nothing else is decided: the other tokens are left to the parser
    assert [t.is_sent_start for t in doc if t.text in ("News", "joins", "today")] == [
        None,
        None,
        None,
    ]


def test_text_without_newlines_is_left_alone():
    doc = line_sentence_starts(spacy.blank("en").make_doc("Corvin Hale joins the cast."))
    assert [t.is_sent_start for t in doc][1:] == [None] * (len(doc) - 1)


def test_headline_without_full_stop_is_its_own_sentence(extract):
    result = extract(HEADLINE)
    assert [s.text.strip() for s in result.doc.sents] == [
        "Lantern Street Sequel Announced",
        "The film Copper Valley opens in May.",
    ]
    assert result.pairs("release_date") == {("Copper Valley", "May")}
