"""Shared fixtures for the pipeline component tests.

The pipeline is built once per session (``nlp``); ``extract`` runs a short text
through it (optionally with a ``published`` date) and returns an
:class:`Extraction` that reads the component outputs and the
``article-annotations/1`` object by name, so tests can assert exact outcomes
without knowing entity ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline import build_pipeline
from extractor.pipeline.annotate import doc_to_annotation


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline (model + project components), built once per session."""
    return build_pipeline()


@dataclass
class Extraction:
    """One processed text: the doc and its ``article-annotations/1`` object."""

    doc: Doc
    annotation: dict
    _by_id: dict[str, dict] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {entity["id"]: entity for entity in self.annotation["entities"]}

    # -- component outputs ---------------------------------------------------
    def titles(self, label: str | None = None) -> set[str]:
        """Texts of ``doc.spans["work_titles"]`` (of ``label``, if given)."""
        return {s.text for s in self.doc.spans["work_titles"] if label is None or s.label_ == label}

    def title_labels(self) -> set[tuple[str, str]]:
        """``(text, label)`` of every title candidate."""
        return {(s.text, s.label_) for s in self.doc.spans["work_titles"]}

    def characters(self) -> set[str]:
        """Texts of ``doc.spans["characters"]``."""
        return {s.text for s in self.doc.spans["characters"]}

    def mentions(self) -> set[tuple[str, str]]:
        """``(text, type)`` of every final mention."""
        return {(s.text, s.label_) for s in self.doc.spans["mentions"]}

    def mention_types_at(self, start_char: int, end_char: int) -> set[str]:
        """Types of the mentions on exactly this character span."""
        return {
            s.label_
            for s in self.doc.spans["mentions"]
            if s.start_char == start_char and s.end_char == end_char
        }

    # -- the written annotation ------------------------------------------------
    def entities(self, kind: str | None = None) -> set[tuple[str, str]]:
        """``(type, name)`` of the written entities (of type ``kind``, if given)."""
        return {
            (e["type"], e["name"])
            for e in self.annotation["entities"]
            if kind is None or e["type"] == kind
        }

    def names(self, kind: str) -> set[str]:
        """Names of the written entities of type ``kind``."""
        return {e["name"] for e in self.annotation["entities"] if e["type"] == kind}

    def work_names(self) -> set[str]:
        """Names of the written FILM and SERIES entities."""
        return self.names("FILM") | self.names("SERIES")

    def entity(self, kind: str, name: str) -> dict:
        """The one written entity of this type and name."""
        found = [e for e in self.annotation["entities"] if e["type"] == kind and e["name"] == name]
        assert len(found) == 1, (kind, name, self.annotation["entities"])
        return found[0]

    def name_of(self, entity_id: str) -> str:
        """The name of the entity with this id."""
        return self._by_id[entity_id]["name"]

    def relations(self, kind: str | None = None) -> set[tuple[str, str, str, str | None]]:
        """``(type, head name, tail name, character name or None)`` of the written relations."""
        out = set()
        for rel in self.annotation["relations"]:
            if kind is not None and rel["type"] != kind:
                continue
            character = self.name_of(rel["character"]) if "character" in rel else None
            out.add((rel["type"], self.name_of(rel["head"]), self.name_of(rel["tail"]), character))
        return out

    def pairs(self, kind: str) -> set[tuple[str, str]]:
        """``(head name, tail name)`` of the written relations of type ``kind``."""
        return {(head, tail) for _, head, tail, _ in self.relations(kind)}

    def date_values(self) -> dict[str, str]:
        """DATE name -> normalised value, for the written DATE entities."""
        return {e["name"]: e["value"] for e in self.annotation["entities"] if e["type"] == "DATE"}


Extract = Callable[..., Extraction]


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Extract:
    """Run a text through the pipeline, with optional ``published`` date, italic spans and
    a headline given apart from the text (``title``).

    Results are cached per input, so tests that read one text several ways share a run.
    """
    cache: dict[tuple, Extraction] = {}

    def run(
        text: str,
        published: str | None = None,
        emphasis: list[list[int]] | None = None,
        title: str | None = None,
    ) -> Extraction:
        key = (text, published, tuple(map(tuple, emphasis or ())), title)
        if key not in cache:
            doc = nlp.make_doc(text)
            doc._.published = published
            doc._.emphasis = emphasis
            doc._.title = title
            doc = nlp(doc)
            annotation = doc_to_annotation(doc, "test-article", published=published)
            cache[key] = Extraction(doc, annotation)
        return cache[key]

    return run
