"""HTML articles: main text through trafilatura, metadata, and spans of emphasised text.

The text is trafilatura's own plain-text rendering of its main-content tree (boilerplate such as
navigation, footers and scripts removed). Emphasis offsets are exact: the emphasised elements of a
copy of that tree are wrapped in marker characters, the copy is rendered the same way, and the
markers' positions are read off. Only when the marked rendering disagrees with the plain one is an
emphasised string looked up near its expected position instead.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from configparser import ConfigParser
from dataclasses import dataclass
from importlib import resources

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import use_config
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from extractor.ingest.fields import normalise_published
from extractor.ingest.models import UnusableInput

_SETTINGS_FILE = "trafilatura.cfg"

# Pairs of printable characters that trafilatura's sanitising keeps; the first pair absent from
# the document marks emphasis.
_MARKER_PAIRS = (("\u27e6", "\u27e7"), ("\u2983", "\u2984"), ("\u27ec", "\u27ed"))

# trafilatura strips <cite> (keeping its text); as <em> it survives as an italic <hi>.
_EMPHASIS_TAGS_TRAFILATURA_DROPS = ("cite",)
_ITALIC_REND = "#i"
# trafilatura deletes every <time> element with its text, taking dates out of sentences such as
# "released on <time>June 7</time>"; inside these blocks the element is unwrapped instead.
_RUNNING_TEXT_BLOCKS = ("p", "li", "blockquote", "td", "dd", "figcaption")

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_CHARSET_SNIFF_BYTES = 4096

_SPACE_RUN = re.compile(r"[ \t]{2,}")
_LINE_EDGE_SPACE = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)


@dataclass(frozen=True)
class HtmlContent:
    """What one HTML page yields.

    Attributes:
        text: the main text.
        title: the page's headline, if any.
        published: publication date ``YYYY-MM-DD``, if the page states one.
        url: the page's canonical address, if it states one.
        emphasis: ``(start, end)`` spans of ``text`` that were ``<i>``, ``<em>`` or ``<cite>``.
    """

    text: str
    title: str | None
    published: str | None
    url: str | None
    emphasis: tuple[tuple[int, int], ...]


def declared_charset(data: bytes) -> str | None:
    """Find the encoding an HTML document declares in a ``<meta>`` tag near its start.

    Args:
        data: the raw bytes of the page.

    Returns:
        The declared encoding name, or None.
    """
    match = _DECLARED_CHARSET.search(data[:_CHARSET_SNIFF_BYTES])
    return None if match is None else match.group(1).decode("ascii")


def extract_html(markup: str) -> HtmlContent:
    """Extract the main text, metadata and emphasis spans of an HTML page.

    Nothing is fetched: links, canonical addresses and scripts are never followed.

    Args:
        markup: the decoded (and repaired) HTML source.

    Returns:
        The page's content.

    Raises:
        UnusableInput: the page cannot be parsed or has no main text.
    """
    tree = _parse(markup)
    stated_date = _stated_publication_date(tree)
    page_title = _page_title(tree)
    _keep_emphasis_and_dates_in_text(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=True,
        deduplicate=False,
        config=_trafilatura_config(),
    )
    body = None if document is None else document.body
    text = "" if body is None else _render(body)
    if not text.strip():
        raise UnusableInput("no main text was found in the HTML")
    return HtmlContent(
        text=text,
        title=_clean_inline(document.title) or page_title,
        published=stated_date or normalise_published(document.date),
        url=_clean_inline(document.url),
        emphasis=_emphasis_spans(body, text),
    )


@functools.cache
def _trafilatura_config() -> ConfigParser:
    config = use_config()
    config.read_string(resources.files(__package__).joinpath(_SETTINGS_FILE).read_text("utf-8"))
    return config


def _parse(markup: str) -> HtmlElement:
    if not markup.strip():
        raise UnusableInput("the file is empty")
    tree = load_html(markup)
    if tree is None:
        # A bare fragment ("<p>...</p>") is rejected by trafilatura's loader; give it a document.
        tree = load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        raise UnusableInput("the HTML could not be parsed")
    return tree


def _stated_publication_date(tree: HtmlElement) -> str | None:
    for content in tree.xpath(
        "//meta[@property='article:published_time' or @name='article:published_time']/@content"
    ):
        date = normalise_published(content)
        if date:
            return date
    # A <time> marked as the publication date; other <time> elements are dates the article talks
    # about, and trafilatura's metadata search (run next) already weighs the rest.
    for value in tree.xpath(
        "//time[@pubdate or @itemprop='datePublished' or @property='datePublished']/@datetime"
    ):
        date = normalise_published(value)
        if date:
            return date
    return None


def _page_title(tree: HtmlElement) -> str | None:
    titles = tree.xpath("//title/text()")
    return _clean_inline(titles[0]) if titles else None


def _clean_inline(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None


def _keep_emphasis_and_dates_in_text(tree: HtmlElement) -> None:
    for element in list(tree.iter(*_EMPHASIS_TAGS_TRAFILATURA_DROPS)):
        element.tag = "em"
    block_path = " or ".join(f"ancestor::{tag}" for tag in _RUNNING_TEXT_BLOCKS)
    for element in tree.xpath(f"//time[{block_path}]"):
        element.drop_tag()


def _emphasis_spans(body: _Element, text: str) -> tuple[tuple[int, int], ...]:
    italics = [element for element in body.iter("hi") if element.get("rend") == _ITALIC_REND]
    if not italics:
        return ()
    body_text = "".join(body.itertext())
    markers = next(
        (pair for pair in _MARKER_PAIRS if pair[0] not in body_text and pair[1] not in body_text),
        None,
    )
    if markers is None:
        return ()
    opening, closing = markers
    marked_body = copy.deepcopy(body)
    for element in marked_body.iter("hi"):
        if element.get("rend") == _ITALIC_REND:
            _wrap_in_markers(element, opening, closing)
    unmarked, expected_spans = _read_markers(_render(marked_body), opening, closing)
    if unmarked == text:
        return _merge_spans(text, expected_spans)
    spans = []
    for start, end in expected_spans:
        located = _locate_near(text, unmarked[start:end], start)
        if located is not None:
            spans.append(located)
    return _merge_spans(text, spans)


def _render(body: _Element) -> str:
    # With formatting kept, trafilatura leaves the spaces inside <hi> elements ("with <hi> Dune
    # </hi> and"), so the plain rendering has doubled spaces and trailing blanks; tidy them.
    # Markers sit next to visible characters, so this tidying treats marked copies alike.
    text = xmltotxt(body, include_formatting=False)
    text = _SPACE_RUN.sub(" ", text)
    return _LINE_EDGE_SPACE.sub("", text)


def _text_slots(element: _Element) -> Iterator[tuple[_Element, str]]:
    """Yield (node, 'text'|'tail') for every text piece inside ``element``, in reading order."""
    yield element, "text"
    for child in element:
        yield from _text_slots(child)
        yield child, "tail"


def _wrap_in_markers(element: _Element, opening: str, closing: str) -> None:
    # Markers go next to the first and last visible characters, inside any surrounding space,
    # so that trafilatura's whitespace collapsing renders the marked copy like the plain one.
    slots = [
        (node, attribute)
        for node, attribute in _text_slots(element)
        if (getattr(node, attribute) or "").strip()
    ]
    if not slots:
        return
    first_node, first_attribute = slots[0]
    value = getattr(first_node, first_attribute)
    stripped = value.lstrip()
    setattr(first_node, first_attribute, value[: len(value) - len(stripped)] + opening + stripped)
    last_node, last_attribute = slots[-1]
    value = getattr(last_node, last_attribute)
    stripped = value.rstrip()
    setattr(last_node, last_attribute, stripped + closing + value[len(stripped) :])


def _read_markers(marked: str, opening: str, closing: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove the markers; return the clean text and the spans they enclosed in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    open_starts: list[int] = []
    length = 0
    for char in marked:
        if char == opening:
            open_starts.append(length)
        elif char == closing:
            if open_starts:
                start = open_starts.pop()
                if length > start:
                    spans.append((start, length))
        else:
            pieces.append(char)
            length += 1
    return "".join(pieces), spans


def _locate_near(text: str, needle: str, expected_start: int) -> tuple[int, int] | None:
    if not needle.strip():
        return None
    starts = []
    position = text.find(needle)
    while position != -1:
        starts.append(position)
        position = text.find(needle, position + 1)
    if not starts:
        return None
    best = min(starts, key=lambda start: (abs(start - expected_start), start))
    return best, best + len(needle)


def _merge_spans(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    # Editors split one italic run into pieces ("<i>Café</i><i> Society</i>"): pieces that
    # overlap, touch or are separated by spaces only are one span.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip(" ")):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
