"""The assembled pipeline saves and loads: ``nlp.to_disk`` then ``spacy.load`` gives the same
components and the same annotations (the project's factories come back through their
entry points and read their rules from package data, so nothing else must be saved)."""

from __future__ import annotations

import spacy

from extractor.pipeline import build_pipeline
from extractor.pipeline.annotate import doc_to_annotation

TEXT = (
    "The film Ballerina, directed by Len Wiseman, stars Ana de Armas as Rooney. "
    "It opens on June 7, 2024."
)


def test_pipeline_round_trips_through_disk(tmp_path):
    nlp = build_pipeline()
    before = doc_to_annotation(nlp(TEXT), "t")
    assert any(r["type"] == "director" for r in before["relations"])
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert doc_to_annotation(loaded(TEXT), "t") == before


def test_joined_words_survive_the_round_trip(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded("Ysolde Merrow co-directed the film.")
    assert [t.text for t in doc][:3] == ["Ysolde", "Merrow", "co-directed"]
    assert doc[2].lemma_ == "co-direct"
