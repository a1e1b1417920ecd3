"""``ascii_quote_features``: the model sees typographic quotes as the ASCII ones.

The stock English models learned from text written with ASCII quotes. A curly
apostrophe changes a token's prefix, suffix and shape features, and that alone flips
parses: in ``Le Tunnel, Bernard Gaillac’s 1977 heist film`` the small model reads
``film`` as a second object of the verb, with ``Gaillac's`` as an apposition to the
title. Placed before the model, this component gives every word written with a
character from ``model_view_characters`` (``resources/tokenizer_cues.json``) the
features of its ASCII spelling. The text, and so every offset, name and evidence
span, keeps the characters the article was written with.

Reads: token text. Writes: ``Lexeme.norm_/prefix_/suffix_/shape_`` of the words it
rewrites (shared through the vocab, so each word is rewritten once).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.pipeline.lexicon import load_resource


class AsciiQuoteFeatures:
    """Copy the lexical features of each word's ASCII-quoted spelling onto the word."""

    def __init__(self, vocab: Vocab, replacements: dict[str, str]) -> None:
        self.vocab = vocab
        self.table = str.maketrans(dict(replacements))
        self.characters = frozenset(replacements)
        self.rewritten: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.orth in self.rewritten or self.characters.isdisjoint(token.text):
                continue
            self._rewrite(token.text)
            self.rewritten.add(token.orth)
        return doc

    def _rewrite(self, word: str) -> None:
        lexeme = self.vocab[word]
        ascii_lexeme = self.vocab[word.translate(self.table)]
        # a tokenizer exception may give the word its own norm ("n’t" -> "not"): keep it
        if lexeme.norm_ == word.lower():
            lexeme.norm_ = ascii_lexeme.norm_
        lexeme.prefix_ = ascii_lexeme.prefix_
        lexeme.suffix_ = ascii_lexeme.suffix_
        lexeme.shape_ = ascii_lexeme.shape_


@Language.factory("ascii_quote_features")
def make_ascii_quote_features(nlp: Language, name: str) -> AsciiQuoteFeatures:
    """Build the component from ``model_view_characters`` in ``tokenizer_cues.json``."""
    return AsciiQuoteFeatures(nlp.vocab, load_resource("tokenizer_cues")["model_view_characters"])
