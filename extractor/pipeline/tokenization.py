"""Tokenizer settings the components rely on: hyphenated words kept whole.

spaCy's English tokenizer splits ``co-directed`` into ``co``, ``-``, ``directed``, and
the small model's parser then misreads the clause around the pieces. The words listed
in ``resources/tokenizer_cues.json`` stay one token, and the model's attribute ruler
gives each its lemma, so ``co-directed`` reads as the verb ``co-direct``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH

from extractor.pipeline.lexicon import load_resource


def joined_word_forms() -> dict[str, str]:
    """Every form kept whole (lower-case and capitalised) -> its lemma."""
    forms: dict[str, str] = {}
    for lemma, words in sorted(load_resource("tokenizer_cues")["joined_words"].items()):
        for word in words:
            forms[word] = lemma
            forms[word[:1].upper() + word[1:]] = lemma
    return forms


def keep_joined_words(nlp: Language) -> None:
    """Make ``nlp`` keep the listed hyphenated words whole and lemmatise them.

    The lemma is set by the model's ``attribute_ruler`` when it has one (a lemmatizer
    that does not overwrite keeps it); without one the words are still kept whole.
    """
    forms = joined_word_forms()
    for form in forms:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        for form, lemma in forms.items():
            ruler.add([[{"ORTH": form}]], {"LEMMA": lemma})
