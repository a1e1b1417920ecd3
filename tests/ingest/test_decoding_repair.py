"""Decoding and repair: encodings, byte-order marks, mojibake, newlines, binary data."""

from __future__ import annotations

import codecs
import json
import unicodedata

import pytest

from extractor.ingest import decode_bytes, repair_text
from extractor.ingest.models import UnusableInput

WESTERN_TEXT = "Zoë Saldaña’s “Avatar” earned £2bn – café owners cheered…\n"


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("The film cost Â£20m.", "The film cost £20m."),
        ("Itâ€™s a â€œhitâ€\x9d.", "It’s a “hit”."),
        ("Ã©tÃ© in Paris", "été in Paris"),
    ],
)
def test_repair_fixes_mojibake(broken, repaired):
    assert repair_text(broken) == repaired


@pytest.mark.parametrize(
    "legitimate",
    [
        "the film’s “best” scene – ‘quoted’",
        unicodedata.normalize("NFD", "Beyoncé and Zoë"),
        "the ﬁnal cut",
        "ＡＢＣ full width",
        "AT&amp;T sponsors &lt;nothing&gt;",
        "¯\\_(ツ)_/¯",
        "Straight 'quotes' and \"double\" ones",
    ],
)
def test_repair_leaves_legitimate_text_alone(legitimate):
    assert repair_text(legitimate) == legitimate


def test_repair_normalises_newlines():
    assert repair_text("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_utf8_bom_is_stripped(write, ingest_article):
    path = write("bom.txt", codecs.BOM_UTF8 + WESTERN_TEXT.encode("utf-8"))

    assert ingest_article(path).text == WESTERN_TEXT


def test_utf16_with_bom_is_decoded(write, ingest_article):
    path = write("wide.txt", WESTERN_TEXT.encode("utf-16"))

    assert ingest_article(path).text == WESTERN_TEXT


def test_cp1252_file_is_decoded(write, ingest_article):
    path = write("legacy.txt", WESTERN_TEXT.encode("cp1252"))

    assert ingest_article(path).text == WESTERN_TEXT


def test_short_cp1252_file_is_decoded(write, ingest_article):
    # Charset detection alone takes these bytes for UTF-16.
    path = write("short.txt", "Beyoncé\n".encode("cp1252"))

    assert ingest_article(path).text == "Beyoncé\n"


def test_latin1_file_is_decoded(write, ingest_article):
    text = "Señor Müller’s résumé – déjà vu in São Paulo".replace("’", "'").replace("–", "-")
    path = write("latin1.txt", text.encode("latin-1"))

    assert ingest_article(path).text == text


def test_mojibake_file_is_repaired(write, ingest_article):
    path = write("moji.txt", "Itâ€™s worth Â£5m.\r\n".encode())

    assert ingest_article(path).text == "It’s worth £5m.\n"


def test_json_text_fields_are_repaired(write, ingest_article):
    record = {"id": "m", "text": "Profits hit Â£3.3bn.\r\nMore.", "title": "Â£3.3bn profit"}
    path = write("m.jsonl", json.dumps(record) + "\n")

    article = ingest_article(path)

    assert article.text == "Profits hit £3.3bn.\nMore."
    assert article.title == "£3.3bn profit"


def test_decode_bytes_rejects_nul_bytes():
    with pytest.raises(UnusableInput, match="binary"):
        decode_bytes(b"GIF89a\x00\x01\x02 some text")


def test_decode_bytes_rejects_control_character_soup():
    with pytest.raises(UnusableInput, match="binary"):
        decode_bytes(bytes(range(1, 9)) * 20 + b"a few letters")


def test_decode_bytes_rejects_empty_input():
    with pytest.raises(UnusableInput, match="empty"):
        decode_bytes(b"")


def test_declared_encoding_is_used_when_utf8_fails():
    data = "Ярослав".encode("cp1251")

    assert decode_bytes(data, declared_encoding="cp1251") == "Ярослав"
