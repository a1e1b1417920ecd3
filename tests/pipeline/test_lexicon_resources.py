"""``lexicon``: the rule data files load, are checked section by section, and are read-only."""

from __future__ import annotations

import json
from importlib import resources
from types import SimpleNamespace

import pytest

from extractor.pipeline import lexicon
from extractor.pipeline.lexicon import (
    RESOURCE_PACKAGE,
    RESOURCE_SECTIONS,
    FrozenDict,
    ResourceError,
    WordSequences,
    load_resource,
    lowered,
)


def _raw(name: str) -> dict:
    text = resources.files(RESOURCE_PACKAGE).joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(text)


def _no_lists(value) -> bool:
    if isinstance(value, list):
        return False
    if isinstance(value, dict):
        return isinstance(value, FrozenDict) and all(_no_lists(v) for v in value.values())
    if isinstance(value, tuple):
        return all(_no_lists(v) for v in value)
    return True


@pytest.mark.parametrize("name", sorted(RESOURCE_SECTIONS))
def test_every_resource_loads_with_exactly_its_sections(name):
    data = load_resource(name)
    assert isinstance(data, FrozenDict)
    assert set(data) == RESOURCE_SECTIONS[name]
    assert _no_lists(data)


@pytest.mark.parametrize("name", sorted(RESOURCE_SECTIONS))
def test_every_resource_file_has_a_description(name):
    assert isinstance(_raw(name).get("description"), str)


def test_unknown_resource_is_rejected():
    with pytest.raises(ResourceError, match="unknown resource 'no_such_cues'"):
        load_resource("no_such_cues")


def _load_uncached(monkeypatch, name: str, content: dict) -> FrozenDict:
    """``load_resource`` (bypassing its cache) with the file's text replaced by ``content``."""
    fake_file = SimpleNamespace(read_text=lambda encoding: json.dumps(content))
    fake_folder = SimpleNamespace(joinpath=lambda filename: fake_file)
    monkeypatch.setattr(lexicon, "resources", SimpleNamespace(files=lambda package: fake_folder))
    return load_resource.__wrapped__(name)


def test_unknown_section_is_rejected(monkeypatch):
    content = {**_raw("work_cues"), "film_nounz": ["picture"]}
    with pytest.raises(
        ResourceError, match=r"unknown sections \['film_nounz'\], missing sections \[\]"
    ):
        _load_uncached(monkeypatch, "work_cues", content)


def test_missing_section_is_rejected(monkeypatch):
    content = {k: v for k, v in _raw("relation_cues").items() if k != "hedges"}
    with pytest.raises(
        ResourceError, match=r"unknown sections \[\], missing sections \['hedges'\]"
    ):
        _load_uncached(monkeypatch, "relation_cues", content)


def test_patched_reader_is_used(monkeypatch):
    # the check above really reads the patched content: a valid file passes
    content = {**_raw("entity_cues"), "org_names": ["Kingfisher Pictures"]}
    data = _load_uncached(monkeypatch, "entity_cues", content)
    assert data["org_names"] == ("Kingfisher Pictures",)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.__setitem__("film_nouns", ()),
        lambda d: d.__delitem__("film_nouns"),
        lambda d: d.update(film_nouns=()),
        lambda d: d.pop("film_nouns"),
        lambda d: d.popitem(),
        lambda d: d.setdefault("new", ()),
        lambda d: d.clear(),
    ],
)
def test_loaded_data_refuses_mutation(mutate):
    data = load_resource.__wrapped__("work_cues")  # a private copy: the cache stays clean
    with pytest.raises(TypeError, match="read-only"):
        mutate(data)
    assert set(data) == RESOURCE_SECTIONS["work_cues"]


def test_lists_become_tuples():
    data = load_resource("work_cues")
    assert isinstance(data["film_nouns"], tuple)
    with pytest.raises(AttributeError):
        data["film_nouns"].append("reel")  # type: ignore[attr-defined]


def test_loading_twice_shares_one_read_only_object():
    assert load_resource("role_triggers") is load_resource("role_triggers")


def test_in_place_union_is_refused():
    data = load_resource.__wrapped__("work_cues")
    with pytest.raises(TypeError):
        data |= {"film_nouns": ()}


def test_lowered():
    assert lowered(("Film", "MOVIE", "show")) == frozenset({"film", "movie", "show"})


def test_word_sequences_prefer_the_longest_phrase():
    seqs = WordSequences.from_phrases(("set", "is set", "Set To Hit"))
    words = ["the", "film", "is", "set", "to", "hit", "theatres"]
    assert seqs.match_ending_at(words, 4) == ("is", "set")
    assert seqs.match_starting_at(words, 3) == ("set", "to", "hit")
    assert seqs.match_starting_at(words, 2) == ("is", "set")
    assert seqs.match_starting_at(words, 1) is None
    assert seqs.match_ending_at(words, 0) is None
