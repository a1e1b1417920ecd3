"""HTML pages: main text without boilerplate, metadata, and emphasis spans."""

from __future__ import annotations

import socket

import pytest

from extractor.ingest.html import _locate_near, _merge_spans, _read_markers, extract_html

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Dune: Part Three gets a date | Screen News</title>
<link rel="canonical" href="https://example.com/dune-three">
<meta property="article:published_time" content="2025-01-14T22:00:00-05:00">
<script>window.tracking = "Do not extract me";</script>
<style>.nav {{ color: red }}</style>
</head><body>
<header><nav><ul><li><a href="/film">Film news</a></li><li><a href="/tv">TV news</a></li>
<li><a href="/awards">Awards season</a></li></ul></nav></header>
<main><article>
<h1>Dune: Part Three gets a date</h1>
<div class="byline">By Jane Critic</div>
{body}
</article>
<section id="comments" class="comments"><h3>2 Comments</h3>
<div class="comment"><p>Best franchise ever, cannot wait!</p></div></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Oscar nominations in full</a></li>
</ul></aside>
<footer><p>Copyright 2025 Screen News. All rights reserved.</p></footer>
</body></html>
"""

BODY = (
    "<p>Legendary Pictures has dated <em>Dune: Part Three</em> for December 18, 2026, with "
    "Denis Villeneuve returning to adapt Frank Herbert's <i>Dune Messiah</i>.</p>"
    "<p>Timothée Chalamet returns as Paul Atreides, and <cite>Variety</cite> reports that "
    "Warner Bros. will distribute the film, shot in Budapest and Abu Dhabi.</p>"
    "<p>Its predecessor <i> Dune: Part Two </i> grossed more than $700 million, and "
    "Villeneuve wrote the screenplay of <i>Dune</i> with Jon Spaihts.</p>"
)


def emphasised(content) -> list[str]:
    return [content.text[start:end] for start, end in content.emphasis]


def test_main_text_excludes_navigation_comments_sidebar_footer_and_scripts():
    content = extract_html(NEWS_PAGE.format(body=BODY))

    assert content.text.startswith("Dune: Part Three gets a date\n")
    assert "Legendary Pictures has dated Dune: Part Three for December 18, 2026" in content.text
    for boilerplate in [
        "Film news",
        "Awards season",
        "Best franchise ever",
        "Oscar nominations",
        "Copyright",
        "Do not extract me",
        "color: red",
    ]:
        assert boilerplate not in content.text


def test_metadata_title_date_and_url():
    content = extract_html(NEWS_PAGE.format(body=BODY))

    assert content.title == "Dune: Part Three gets a date"
    # The calendar day written in the page, not shifted to UTC.
    assert content.published == "2025-01-14"
    assert content.url == "https://example.com/dune-three"


def test_emphasis_spans_cover_i_em_and_cite():
    content = extract_html(NEWS_PAGE.format(body=BODY))

    assert emphasised(content) == [
        "Dune: Part Three",
        "Dune Messiah",
        "Variety",
        "Dune: Part Two",
        "Dune",
    ]


def test_emphasis_spans_point_at_the_emphasised_occurrence():
    content = extract_html(NEWS_PAGE.format(body=BODY))

    # "Dune" occurs many times; the span must be the italic one near the end.
    last_start, last_end = content.emphasis[-1]
    assert content.text[last_start - len("screenplay of ") : last_end] == "screenplay of Dune"


def test_spaces_inside_emphasis_do_not_double_in_text():
    content = extract_html(NEWS_PAGE.format(body=BODY))

    assert "predecessor Dune: Part Two grossed" in content.text
    assert "  " not in content.text


def test_nested_and_adjacent_emphasis_merge_into_one_span():
    body = (
        "<p>Woody Allen followed <i>Midnight in <b>Paris</b></i> with <i>Café</i><i> Society</i>"
        " and <em><i>Blue Jasmine</i></em>, starring Cate Blanchett and Alec Baldwin.</p>"
    )

    content = extract_html(NEWS_PAGE.format(body=body))

    assert emphasised(content) == ["Midnight in Paris", "Café Society", "Blue Jasmine"]


def test_inline_time_keeps_its_date_in_the_text():
    body = (
        "<p>Lionsgate will release Ballerina on <time datetime='2025-06-06'>June 6, 2025</time>, "
        "with Ana de Armas as Rooney and Keanu Reeves as John Wick.</p>"
    )

    content = extract_html(NEWS_PAGE.format(body=body))

    assert "release Ballerina on June 6, 2025, with Ana de Armas" in content.text


def test_time_marked_as_publication_date_is_used_without_meta():
    page = (
        "<html><head><title>Page title</title></head><body><article>"
        "<p class='dateline'>Posted <time pubdate datetime='2024-03-02T08:00'>2 March</time></p>"
        "<p>Denis Villeneuve's Dune: Part Two opened in cinemas around the world to strong "
        "reviews and a large opening weekend for Warner Bros.</p></article></body></html>"
    )

    content = extract_html(page)

    assert content.published == "2024-03-02"


def test_title_element_is_the_fallback_title():
    page = (
        "<html><head><title>  Only a   title element </title></head><body><div>"
        "<p>Greta Gerwig directed Barbie, which Warner Bros. released in July 2023 to "
        "enormous box office success around the world.</p></div></body></html>"
    )

    content = extract_html(page)

    assert content.title == "Only a title element"
    assert content.published is None


def test_bare_fragment_is_accepted():
    content = extract_html(
        "<p>Sofia Coppola directed Priscilla, starring Cailee Spaeny as Priscilla Presley.</p>"
    )

    assert content.text == (
        "Sofia Coppola directed Priscilla, starring Cailee Spaeny as Priscilla Presley."
    )


def test_html_file_in_declared_windows_1252_is_decoded(write, ingest_article):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Caf\u00e9</title></head><body><article><p>Woody Allen\u2019s <i>Caf\u00e9 "
        "Society</i> stars Jesse Eisenberg and Kristen Stewart \u2013 a \u201ccharming\u201d "
        "film.</p></article></body></html>"
    )
    path = write("cafe.html", page.encode("cp1252"))

    article = ingest_article(path)

    assert article.text == (
        "Woody Allen\u2019s Caf\u00e9 Society stars Jesse Eisenberg and Kristen Stewart "
        "\u2013 a \u201ccharming\u201d film."
    )
    assert [article.text[a:b] for a, b in article.emphasis] == ["Caf\u00e9 Society"]


def test_html_mojibake_is_repaired(write, ingest_article):
    page = (
        "<html><body><article><p>The sequel cost Â£150m, and itâ€™s <i>Dune</i>â€™s "
        "biggest budget yet, according to Legendary Pictures.</p></article></body></html>"
    )

    article = ingest_article(write("moji.html", page))

    assert article.text == (
        "The sequel cost £150m, and it’s Dune’s biggest budget yet, according to "
        "Legendary Pictures."
    )
    assert [article.text[a:b] for a, b in article.emphasis] == ["Dune"]


def test_read_markers_returns_clean_text_and_nested_spans():
    clean, spans = _read_markers("a [b [c] d] e", "[", "]")

    assert clean == "a b c d e"
    assert sorted(spans) == [(2, 7), (4, 5)]


@pytest.mark.parametrize(
    ("expected_start", "located"),
    [(0, (0, 4)), (7, (5, 9)), (30, (10, 14))],
)
def test_locate_near_picks_the_closest_occurrence(expected_start, located):
    assert _locate_near("Dune Dune Dune", "Dune", expected_start) == located


def test_locate_near_skips_absent_strings():
    assert _locate_near("Dune and Arrival", "Sicario", 0) is None


def test_merge_spans_joins_overlapping_touching_and_space_separated_spans():
    text = "abcdefg hij\nklm nop"
    spans = [(8, 11), (0, 3), (3, 5), (4, 7), (12, 15), (16, 19)]

    assert _merge_spans(text, spans) == ((0, 11), (12, 19))


def test_merge_spans_keeps_spans_apart_across_other_text_or_lines():
    text = "Manhattan, Annie Hall\nHer"

    assert _merge_spans(text, [(0, 9), (11, 21), (22, 25)]) == ((0, 9), (11, 21), (22, 25))


def test_extraction_opens_no_network_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = (
        "<html><head><link rel='canonical' href='https://example.com/a'>"
        "<script src='https://cdn.example.com/app.js'></script></head><body><article>"
        "<img src='https://images.example.com/poster.jpg'>"
        "<iframe src='https://video.example.com/embed/1'></iframe>"
        "<p>Ridley Scott directed Gladiator II, starring Paul Mescal, for Paramount Pictures.</p>"
        "</article></body></html>"
    )

    content = extract_html(page)

    assert content.text == (
        "Ridley Scott directed Gladiator II, starring Paul Mescal, for Paramount Pictures."
    )
    assert content.url == "https://example.com/a"
