"""Two runs over the same input give the same output files, byte for byte.

Each run is a fresh interpreter with its own ``PYTHONHASHSEED``, so output that depends on the
iteration order of a set or dict of strings shows up as a difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clihelpers import RUN_FILES, assert_same_files, relative_files, run_subprocess


def _run(corpus: Path, out: Path, *options: str, hash_seed: str) -> None:
    result = run_subprocess(
        "run", corpus, "--out", out, "--no-progress", *options, hash_seed=hash_seed
    )
    assert result.returncode == 0, result.stderr


def test_cli_two_runs_give_identical_files(corpus: Path, tmp_path: Path):
    _run(corpus, tmp_path / "first", hash_seed="1")
    _run(corpus, tmp_path / "second", hash_seed="2")

    names = set(relative_files(tmp_path / "first"))
    assert names >= RUN_FILES | {"dataset/dataset.json", "dataset/credits.parquet"}
    assert (tmp_path / "first" / "relations.csv").read_text(encoding="utf-8").count("\n") > 1
    assert_same_files(tmp_path / "first", tmp_path / "second")


@pytest.mark.slow
def test_cli_two_workers_give_the_same_files_as_one(corpus: Path, tmp_path: Path):
    # More articles than one batch, so both worker processes get some.
    feed = "".join(
        f'{{"id": "extra-{n}", "text": "Film {n} was directed by Greta Gerwig."}}\n'
        for n in range(12)
    )
    (corpus / "more.jsonl").write_text(feed, encoding="utf-8")

    _run(corpus, tmp_path / "one", "--workers", "1", "--batch-size", "4", hash_seed="1")
    _run(corpus, tmp_path / "two", "--workers", "2", "--batch-size", "4", hash_seed="2")

    assert (tmp_path / "one" / "annotations.jsonl").read_text(encoding="utf-8").count("\n") == 16
    assert_same_files(tmp_path / "one", tmp_path / "two")
