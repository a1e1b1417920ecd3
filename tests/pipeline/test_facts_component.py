"""``relation_extractor``: the component, its cue data and its pure helpers."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.pipeline import build_pipeline
from extractor.pipeline.components import facts
from extractor.pipeline.components.facts import (
    SENTENCE_FAMILIES,
    RelationCues,
    RelationExtractor,
    asserted,
    extended_titles,
    name_gender,
)
from extractor.pipeline.discourse import MentionIndex
from extractor.pipeline.extensions import register_extensions


@pytest.fixture(scope="module")
def facts_nlp() -> Language:
    """The full pipeline with the relation extractor, built once for this module."""
    nlp = build_pipeline()
    if "relation_extractor" not in nlp.pipe_names:
        nlp.add_pipe("relation_extractor")
    return nlp


@pytest.fixture(scope="module")
def cues() -> RelationCues:
    return RelationCues.load()


def test_factory_and_direct_construction_agree(facts_nlp):
    component = facts_nlp.get_pipe("relation_extractor")
    assert isinstance(component, RelationExtractor)
    assert component.cues == RelationExtractor(facts_nlp).cues
    assert facts_nlp.pipe_names[-1] == "relation_extractor"


def test_component_appends_to_earlier_relations(facts_nlp):
    doc = facts_nlp.make_doc("The actor Martin Keel died in 2019.")
    for name, proc in facts_nlp.pipeline:
        if name == "relation_extractor":
            doc._.relations = [*doc._.relations, {"type": "marker"}]
        doc = proc(doc)
    kinds = [r["type"] for r in doc._.relations]
    assert "marker" in kinds
    assert kinds.index("marker") < kinds.index("date_of_death")


def test_a_family_runs_alone_on_one_sentence(facts_nlp, cues):
    doc = facts_nlp("The film was a hit. The actor Martin Keel died in 2019.")
    second = list(doc.sents)[1]
    records = facts.extract_deaths(second, MentionIndex(doc), cues)
    assert records == [
        {
            "type": "date_of_death",
            "head": "PERSON::martin keel",
            "tail": "DATE::2019",
            "evidence": [[second.start_char, second.end_char]],
            "confidence": 0.9,
            "cue": "verb:die",
        }
    ]
    # the other families find nothing in that sentence
    others = [f for f in SENTENCE_FAMILIES if f is not facts.extract_deaths]
    assert [r for f in others for r in f(second, MentionIndex(doc), cues)] == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The film will premiere on Netflix.", "premiere", True),
        ("The film will not premiere on Netflix.", "premiere", False),
        ("The film will premiere on Netflix if talks succeed.", "premiere", False),
        ("The film might premiere on Netflix.", "premiere", False),
        ("The studio denied that the film would premiere on Netflix.", "premiere", False),
        # a relative clause keeps its own polarity: the main clause's negation does not reach it
        ("The film, which premiered on Netflix, did not win.", "premiered", True),
    ],
)
def test_asserted(facts_nlp, cues, text, word, expected):
    doc = facts_nlp(text)
    token = next(t for t in doc if t.text == word)
    assert asserted(token, cues) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Queen Marit", "f"),
        ("Prince Halvard", "m"),
        ("Rohan Bakshi", "m"),
        ("Meera", "f"),
        ("Zxq", None),
    ],
)
def test_name_gender(cues, name, expected):
    assert name_gender(name, cues) == expected


def _titled_doc(words: list[str], titles: list[tuple[int, int, str]]) -> Doc:
    """A bare doc whose only annotations are FILM mentions and their entities."""
    register_extensions()
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    spans = []
    entities = {}
    for start, end, key in titles:
        spans.append(Span(doc, start, end, label="FILM", kb_id=key))
        entities[key] = {"key": key, "type": "FILM", "name": doc[start:end].text, "confidence": 1.0}
    doc.spans["mentions"] = spans
    doc._.entities = list(entities.values())
    doc._.references = {}
    return doc


def test_extended_titles_prefix_and_saga_but_not_subtitle():
    words = [
        "Joker",
        ":",
        "Folie",
        "à",
        "Deux",
        "and",
        "Joker",
        ";",
        "Rogue",
        "One",
        ":",
        "A",
        "Star",
        "Wars",
        "Story",
        "and",
        "Star",
        "Wars",
        ";",
        "The",
        "Line",
        ":",
        "Vesper",
        "Station",
        "or",
        "Vesper",
        "Station",
    ]
    doc = _titled_doc(
        words,
        [
            (0, 5, "FILM::joker folie a deux"),
            (6, 7, "FILM::joker"),
            (8, 15, "FILM::rogue one"),
            (16, 18, "FILM::star wars"),
            (19, 24, "FILM::the line vesper station"),
            (25, 27, "FILM::vesper station"),
        ],
    )
    pairs = {(r["head"], r["tail"]) for r in extended_titles(doc, MentionIndex(doc))}
    assert pairs == {
        ("FILM::joker folie a deux", "FILM::joker"),
        ("FILM::rogue one", "FILM::star wars"),
    }


def test_relation_cues_sections_match_the_lexicon_entry():
    from extractor.pipeline.lexicon import RESOURCE_SECTIONS, load_resource

    assert set(load_resource("relation_cues")) == RESOURCE_SECTIONS["relation_cues"]
    assert facts.RelationCues.load().family_kind("daughter") == "child"
    assert facts.RelationCues.load().family_kind("mother") == "parent"
