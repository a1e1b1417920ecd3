"""Typographic quotes: the model reads them as the ASCII ones, the text keeps them."""

from __future__ import annotations

import pytest

CURLY_TO_ASCII = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

SENTENCES = [
    "She won the César for Best Editing for Le Tunnel, Bernard Gaillac’s 1977 heist film.",
    "Her last feature, L’Été sans retour (2009), gave her daughter the role of Jeanne.",
    "It’s the studio’s biggest opening, and the critics didn’t see it coming.",
    "The BBC One drama “The Ferryman’s Daughter” leads the field with six nominations.",
]


def _reading(doc) -> list[tuple[str, str, int, str]]:
    return [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_curly_quotes_parse_as_ascii_ones_do(nlp, sentence):
    curly = nlp(sentence)
    ascii_only = nlp(sentence.translate(CURLY_TO_ASCII))
    assert _reading(curly) == _reading(ascii_only)


def test_the_text_keeps_its_typographic_quotes(nlp):
    doc = nlp(SENTENCES[0])
    assert doc.text == SENTENCES[0]
    assert [t.text for t in doc if t.tag_ == "POS"] == ["’s"]
