"""Every custom attribute the pipeline sets, declared in one place.

Values are plain lists and dicts of strings and numbers, so that docs survive
``Doc.to_bytes`` (``nlp.pipe(n_process=N)`` and ``DocBin``) unchanged.

Span groups written by the components:

* ``doc.spans["work_titles"]``: FILM/SERIES title candidates found by cue phrases
  (label = type), written by ``work_title_finder``.
* ``doc.spans["characters"]``: CHARACTER name candidates found by role cues,
  written by ``work_title_finder``'s sibling ``character_finder``.
* ``doc.spans["mentions"]``: the final typed mentions (label = article-annotations
  type, ``kb_id_`` = entity key), written by ``entity_typer`` and
  ``alias_linker``.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    # Article metadata, set by the runner before the pipeline.
    "article_id": None,
    "published": None,  # ISO date string or None
    "title": None,  # the headline when the source gives it apart from the text
    "emphasis": None,  # [[start_char, end_char], ...] italic spans from HTML
    # Set by date_normaliser: [[start_char, end_char, value], ...]
    "date_values": None,
    # Set by alias_linker: [{"key", "type", "name", "aliases", "confidence"}, ...]
    "entities": None,
    # Set by reference_resolver: {str(token index): entity key} for "the film", "she", ...
    "references": None,
    # Set by the relation extractors: [{"type", "head", "tail", ...}, ...]
    "relations": None,
}


def register_extensions() -> None:
    """Declare the Doc extensions (idempotent, safe to call from every component)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
