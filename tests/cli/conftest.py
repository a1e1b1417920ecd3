"""Fixtures of the command-line tests: a small corpus written into ``tmp_path``, and
``run_cli``, which calls ``extractor.cli.main`` in-process with the spaCy pipeline built once per
session. Subprocess runs (exit statuses, fresh interpreters) are in ``clihelpers``."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from clihelpers import CORPUS_FILES, CliResult, write_files

import extractor.pipeline
from extractor.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder holding ``CORPUS_FILES``."""
    return write_files(tmp_path / "corpus", CORPUS_FILES)


@pytest.fixture(scope="session")
def cached_build_pipeline() -> Callable:
    """``build_pipeline`` that builds each model's pipeline once per session."""
    real = extractor.pipeline.build_pipeline
    built: dict[str, object] = {}

    def build(model: str = "en_core_web_sm", *args, **kwargs):
        if args or kwargs:
            return real(model, *args, **kwargs)
        if model not in built:
            built[model] = real(model)
        return built[model]

    return build


@pytest.fixture
def run_cli(monkeypatch, capsys, cached_build_pipeline) -> Callable[..., CliResult]:
    """Call ``extractor.cli.main(args + ["--no-progress"])`` in-process with the cached pipeline."""
    monkeypatch.setattr(extractor.pipeline, "build_pipeline", cached_build_pipeline)

    def run(*args: str | Path) -> CliResult:
        capsys.readouterr()
        status = main([os.fspath(arg) for arg in args] + ["--no-progress"])
        return CliResult(status, capsys.readouterr().err)

    return run
