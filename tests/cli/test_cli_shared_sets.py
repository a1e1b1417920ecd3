"""End to end on the shared data: the seed article and the Re-DocRED film set in one run, scored
by the independent scorer against the seed gold at the issue's floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from clihelpers import read_jsonl, run_subprocess

SHARED = Path("/work/shared")
SEED_TEXT = SHARED / "data" / "seed" / "ballerina.txt"
SEED_GOLD = SHARED / "data" / "seed" / "ballerina.gold.json"
DOCRED_FILM = SHARED / "data" / "redocred-film" / "dev_film.jsonl"
SCORER = SHARED / "tools" / "score.py"
ENTITIES_F1_FLOOR = 0.6
CORE_RELATIONS_F1_FLOOR = 0.5

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory) -> Path:
    missing = [p for p in (SEED_TEXT, SEED_GOLD, DOCRED_FILM, SCORER) if not p.is_file()]
    if missing:
        pytest.skip(f"shared data absent: {', '.join(map(str, missing))}")
    out = tmp_path_factory.mktemp("shared") / "out"
    result = run_subprocess("run", SEED_TEXT, DOCRED_FILM, "--out", out, "--no-progress")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


def test_cli_shared_sets_annotate_every_article(shared_run: Path):
    expected = ["ballerina"] + [record["id"] for record in read_jsonl(DOCRED_FILM)]
    assert len(expected) > 40 and all(i.startswith("docred-") for i in expected[1:])

    ids = [annotation["id"] for annotation in read_jsonl(shared_run / "annotations.jsonl")]

    assert ids == expected
    assert read_jsonl(shared_run / "errors.jsonl") == []


def test_cli_shared_sets_seed_scores_above_the_floors(shared_run: Path, tmp_path: Path):
    scores_file = tmp_path / "scores.json"

    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(SEED_GOLD),
            str(shared_run / "annotations.jsonl"),
            "--json",
            str(scores_file),
            "--quiet",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    scores = json.loads(scores_file.read_text(encoding="utf-8"))

    assert scores["documents_missing_in_pred"] == 0
    assert scores["entities_micro"]["f"] >= ENTITIES_F1_FLOOR, scores["entities_micro"]
    assert scores["relations_core_micro"]["f"] >= CORE_RELATIONS_F1_FLOOR, scores[
        "relations_core_micro"
    ]
