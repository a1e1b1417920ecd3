"""Corpus -> outputs -> evaluation, end to end.

* A regression snapshot (pytest-regressions) of what the pipeline extracts from
  ``corpus/``: any change in extraction shows up in review as a diff of
  ``test_end_to_end/test_corpus_extraction_snapshot.yml``. Regenerate deliberately with
  ``pytest tests/quality --force-regen``.
* A quality gate: F1 floors per task in ``floors.json``, tied to a hash of the gold they
  were measured on. Any drop fails; a floor is lowered only by editing that file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.evaluation.loading import load_corpus
from extractor.evaluation.scoring import evaluate_corpora

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "annotations"
SHARED = ROOT.parent / "shared" / "data"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


def _run(inputs: list[Path], out: Path) -> Path:
    status = main(["run", *map(str, inputs), "--out", str(out), "--no-progress"])
    assert status == 0
    return out


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    return _run([CORPUS], tmp_path_factory.mktemp("corpus-run"))


def gold_digest(folder: Path) -> str:
    """SHA-256 over the gold files' names and bytes, in name order."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _figures(gold: Path, pred: Path) -> dict:
    return evaluate_corpora(load_corpus(gold), load_corpus(pred)).figures()


def _summary(annotation: dict) -> dict:
    names = {entity["id"]: entity["name"] for entity in annotation["entities"]}
    entities = sorted(f"{e['type']} {e['name']}" for e in annotation["entities"])
    relations = sorted(
        " | ".join(
            part
            for part in (
                rel["type"],
                names[rel["head"]],
                names[rel["tail"]],
                names.get(rel.get("character"), ""),
            )
            if part
        )
        for rel in annotation["relations"]
    )
    return {"entities": entities, "relations": relations}


def test_corpus_extraction_snapshot(corpus_run, data_regression):
    annotations = [
        json.loads(line)
        for line in (corpus_run / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(annotations) == len(list(GOLD.glob("*.json")))
    data_regression.check({a["id"]: _summary(a) for a in annotations})


def test_floors_belong_to_this_gold():
    assert gold_digest(GOLD) == FLOORS["corpus"]["gold_sha256"], (
        "the gold changed: re-measure and update tests/quality/floors.json"
    )


@pytest.mark.parametrize("figure", sorted(FLOORS["corpus"]["f1"]))
def test_corpus_quality_gate(corpus_run, figure):
    measured = _figures(GOLD, corpus_run / "annotations.jsonl")[figure]["f"]
    assert measured >= FLOORS["corpus"]["f1"][figure], f"{figure} F1 fell to {measured:.3f}"


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory) -> Path:
    seed = SHARED / "seed" / "ballerina.txt"
    docred = SHARED / "redocred-film" / "dev_film.jsonl"
    if not seed.is_file() or not docred.is_file():
        pytest.skip("shared development sets not present")
    return _run([seed, docred], tmp_path_factory.mktemp("shared-run"))


@pytest.mark.parametrize(
    ("dataset", "gold"),
    [("seed", "seed/ballerina.gold.json"), ("docred", "redocred-film/dev_film.json")],
)
def test_shared_quality_gate(shared_run, dataset, gold):
    figures = _figures(SHARED / gold, shared_run / "annotations.jsonl")
    for figure, floor in FLOORS[dataset]["f1"].items():
        measured = figures[figure]["f"]
        assert measured >= floor, f"{dataset} {figure} F1 fell to {measured:.3f}"


def test_report_is_written_for_the_corpus(corpus_run, tmp_path):
    report = tmp_path / "report"
    predictions = corpus_run / "annotations.jsonl"
    status = main(["evaluate", str(GOLD), str(predictions), "--report", str(report)])
    assert status == 0
    metrics = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["documents"] == len(list(GOLD.glob("*.json")))
    html = (report / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html  # per-type charts
    assert 'class="entities' in html  # displaCy renderings of the articles
