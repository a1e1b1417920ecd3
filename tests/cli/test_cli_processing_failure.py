"""An article that a pipeline component fails on is written to errors.jsonl; the others, before
and after it in the same batch, are processed in order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from clihelpers import read_jsonl, write_files
from spacy.language import Language
from spacy.tokens import Doc

import extractor.pipeline
from extractor.cli import main

MARKER = "EXPLODE"


@Language.component("test_cli_explode_on_marker")
def explode_on_marker(doc: Doc) -> Doc:
    if MARKER in doc.text:
        raise ValueError("marker found")
    return doc


def test_cli_component_failure_skips_only_that_article(monkeypatch, capsys, tmp_path: Path):
    real_build = extractor.pipeline.build_pipeline

    def build_with_failing_component(model: str = "en_core_web_sm"):
        nlp = real_build(model)
        nlp.add_pipe("test_cli_explode_on_marker", after="ner")
        return nlp

    monkeypatch.setattr(extractor.pipeline, "build_pipeline", build_with_failing_component)
    texts = [f"Film {n} was directed by Greta Gerwig." for n in range(5)]
    texts[2] += f" {MARKER}"
    feed = "".join(json.dumps({"id": f"a{n}", "text": text}) + "\n" for n, text in enumerate(texts))
    folder = write_files(tmp_path / "in", {"feed.jsonl": feed})
    out = tmp_path / "out"

    status = main(["run", str(folder), "--out", str(out), "--batch-size", "8", "--no-progress"])

    stderr = capsys.readouterr().err
    assert status == 0, stderr
    assert [a["id"] for a in read_jsonl(out / "annotations.jsonl")] == ["a0", "a1", "a3", "a4"]
    [error] = read_jsonl(out / "errors.jsonl")
    assert error["id"] == "a2"
    assert error["source"].endswith("feed.jsonl:3")
    assert "test_cli_explode_on_marker" in error["reason"] and "marker found" in error["reason"]
    assert "failures 1," in stderr.strip().splitlines()[-1]


WORKER_SCRIPT = """
import sys
from spacy.language import Language
import extractor.pipeline
from extractor.cli import main

@Language.component("test_cli_explode_on_marker")
def explode(doc):
    if "EXPLODE" in doc.text:
        raise ValueError("marker found")
    return doc

real_build = extractor.pipeline.build_pipeline

def build(model="en_core_web_sm"):
    nlp = real_build(model)
    nlp.add_pipe("test_cli_explode_on_marker", after="ner")
    return nlp

extractor.pipeline.build_pipeline = build
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_cli_component_failure_with_two_workers_skips_only_that_article(tmp_path: Path):
    texts = [f"Film {n} was directed by Greta Gerwig." for n in range(10)]
    texts[2] += f" {MARKER}"
    feed = "".join(json.dumps({"id": f"a{n}", "text": text}) + "\n" for n, text in enumerate(texts))
    folder = write_files(tmp_path / "in", {"feed.jsonl": feed, "run.py": WORKER_SCRIPT})
    out = tmp_path / "out"
    args = [folder / "feed.jsonl", "--out", out, "--workers", "2", "--batch-size", "2"]

    result = subprocess.run(
        [sys.executable, str(folder / "run.py"), "run", *map(str, args), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stderr
    expected = [f"a{n}" for n in range(10) if n != 2]
    assert [a["id"] for a in read_jsonl(out / "annotations.jsonl")] == expected
    [error] = read_jsonl(out / "errors.jsonl")
    # The reason is only "processing failed" here: the worker's error is not passed back.
    assert error["id"] == "a2" and error["reason"]
    assert "failures 1," in result.stderr.strip().splitlines()[-1]
