"""Properties that hold for any input, checked with hypothesis."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.ingest import Article, iter_articles
from extractor.ingest.fields import sanitise_id

# Text of news articles: ASCII, line ends of every kind, typographic punctuation, combining marks
# and characters outside every single-byte code page. Letters and signs of those code pages (é,
# ł, Ω, £) are left out on purpose: next to punctuation a few of them spell real mojibake ("â€™";
# "ć‘ł" is 摳 read as Windows-1250; a lone "”£" is ӣ read as MacRoman), and the repair is meant
# to undo mojibake. Realistic text with them is covered by the example-based tests.
ARTICLE_ALPHABET = st.sampled_from(
    [chr(code) for code in range(0x20, 0x7F)]
    + list("\n\r\t’‘“”–—…€日本語🎬")
    + ["\u0301", "\u00a0"]
)

ID_TEXT = st.from_regex(re.compile(r"[A-Za-z0-9._-]{1,12}"), fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(text=st.text(ARTICLE_ALPHABET, min_size=1, max_size=300))
def test_any_txt_round_trips_after_newline_normalisation(text):
    assume(text.strip())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(text.encode("utf-8"))

        (article,) = iter_articles([path])

    assert isinstance(article, Article)
    assert article.text == text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=75, deadline=None)
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {"id": ID_TEXT, "text": st.text(ARTICLE_ALPHABET, min_size=1).filter(str.strip)}
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda record: record["id"],
    )
)
def test_any_jsonl_record_list_yields_its_ids_and_texts_in_order(records):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

        results = list(iter_articles([path]))

    assert [(r.id, r.text) for r in results] == [
        (record["id"], record["text"].replace("\r\n", "\n").replace("\r", "\n"))
        for record in records
    ]


@given(raw=st.text(max_size=40))
def test_sanitised_ids_are_valid_and_stable(raw):
    sanitised = sanitise_id(raw)

    assert re.fullmatch(r"[A-Za-z0-9._-]+", sanitised)
    assert sanitise_id(sanitised) == sanitised
