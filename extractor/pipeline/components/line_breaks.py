"""``line_sentence_starts``: a line break starts a new sentence.

Headlines, bylines and datelines carry no full stop, so the parser would glue
them to the first sentence of the body (``… Ballerina\\n\\nThe release of …``)
and relations would cross from a headline into the text. Placed before the
parser, this component marks the first token after a newline as a sentence
start; the parser keeps preset boundaries.

Reads: token whitespace. Writes: ``Token.is_sent_start``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("line_sentence_starts")
def line_sentence_starts(doc: Doc) -> Doc:
    """Mark tokens that follow a line break as sentence starts."""
    for index in range(1, len(doc)):
        previous = doc[index - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            doc[index].is_sent_start = True
    return doc
