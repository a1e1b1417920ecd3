"""Re-measure the F1 floors of ``tests/quality/floors.json`` after a deliberate change.

Runs the pipeline on the corpus and on the shared development sets, scores them with
``extractor evaluate``'s figures and writes the floors (rounded down to 3 decimals) with
the gold's hash. Review the diff: a lower floor needs a reason in the commit message.

Usage: ``python scripts/measure_floors.py``
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path

from extractor.cli import main
from extractor.evaluation.loading import load_corpus
from extractor.evaluation.scoring import evaluate_corpora

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
FLOORS = ROOT / "tests" / "quality" / "floors.json"
TASKS = ("entities_micro", "relations_core_micro", "relations_all_micro", "cast_character")

sys.path.insert(0, str(ROOT / "tests" / "quality"))
from test_end_to_end import gold_digest  # noqa: E402


def floor(value: float) -> float:
    """Round down to 3 decimals, so the measured value itself passes."""
    return math.floor(value * 1000) / 1000


def measure(inputs: list[Path], gold: Path, tasks: tuple[str, ...], work: Path) -> dict:
    """F1 per task of a fresh run over ``inputs`` against ``gold``."""
    if main(["run", *map(str, inputs), "--out", str(work), "--no-progress"]) != 0:
        raise SystemExit("the run failed")
    figures = evaluate_corpora(load_corpus(gold), load_corpus(work / "annotations.jsonl")).figures()
    return {task: floor(figures[task]["f"]) for task in tasks}


def run() -> None:
    """Measure and write the floors."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        floors["corpus"] = {
            "gold_sha256": gold_digest(ROOT / "annotations"),
            "f1": measure([ROOT / "corpus"], ROOT / "annotations", TASKS, Path(tmp) / "c"),
        }
        seed = SHARED / "seed"
        docred = SHARED / "redocred-film"
        shared_inputs = [seed / "ballerina.txt", docred / "dev_film.jsonl"]
        floors["seed"]["f1"] = measure(
            shared_inputs, seed / "ballerina.gold.json", TASKS, Path(tmp) / "s"
        )
        floors["docred"]["f1"] = measure(
            shared_inputs, docred / "dev_film.json", TASKS[1:3], Path(tmp) / "d"
        )
    FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(floors, indent=1))


if __name__ == "__main__":
    run()
