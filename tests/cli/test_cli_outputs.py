"""What ``extractor run`` writes: every file, in the format, consistent with each other."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from clihelpers import CORPUS_FILES, CORPUS_IDS, RUN_FILES, read_jsonl, write_files

import extractor.pipeline
from extractor.cli import main
from extractor.evaluation import validate_command
from extractor.export import TABLE_COLUMNS

ROLE_TYPES = {"director", "screenwriter", "producer", "cast_member", "composer", "creator"}


@pytest.fixture(scope="module")
def run_output(tmp_path_factory, cached_build_pipeline) -> tuple[Path, str]:
    """One run over the test corpus: the output folder and what the run printed on stderr."""
    base = tmp_path_factory.mktemp("outputs")
    corpus = write_files(base / "corpus", CORPUS_FILES)
    out = base / "out"
    stderr = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(stderr):
        patch.setattr(extractor.pipeline, "build_pipeline", cached_build_pipeline)
        status = main(["run", str(corpus), "--out", str(out), "--no-progress"])
    assert status == 0, stderr.getvalue()
    return out, stderr.getvalue()


@pytest.fixture(scope="module")
def out(run_output) -> Path:
    return run_output[0]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _texts(out: Path) -> dict[str, str]:
    return {article["id"]: article["text"] for article in read_jsonl(out / "articles.jsonl")}


def test_cli_run_writes_every_output_file(out: Path):
    names = {path.name for path in out.iterdir()}

    assert names == RUN_FILES | {"dataset"}
    dataset = {path.name for path in (out / "dataset").iterdir()}
    for table in ("works", "people", "credits", "relations", "entities"):
        assert {f"{table}.csv", f"{table}.parquet"} <= dataset
    assert "dataset.json" in dataset
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_cli_annotations_validate_against_articles(out: Path):
    report = io.StringIO()

    status = validate_command([out / "annotations.jsonl"], out=report)

    assert status == 0, report.getvalue()
    assert "checked 4 article(s)" in report.getvalue()


def test_cli_annotations_one_object_per_article_in_input_order(out: Path):
    annotations = read_jsonl(out / "annotations.jsonl")
    articles = read_jsonl(out / "articles.jsonl")

    assert [a["id"] for a in annotations] == CORPUS_IDS
    assert [a["id"] for a in articles] == CORPUS_IDS
    assert all(a["format"] == "article-annotations/1" for a in annotations)
    for annotation, article in zip(annotations, articles, strict=True):
        assert annotation["text_sha256"] == article["text_sha256"]


def test_cli_mentions_point_at_their_text(out: Path):
    texts = _texts(out)
    mentions = 0
    for annotation in read_jsonl(out / "annotations.jsonl"):
        text = texts[annotation["id"]]
        for entity in annotation["entities"]:
            assert 0 < entity["confidence"] <= 1, entity
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
                mentions += 1
    assert mentions >= 10


def test_cli_every_relation_has_evidence_and_confidence(out: Path):
    texts = _texts(out)
    relations = [
        (annotation["id"], relation)
        for annotation in read_jsonl(out / "annotations.jsonl")
        for relation in annotation["relations"]
    ]

    assert len(relations) >= 3
    for article_id, relation in relations:
        assert 0 < relation["confidence"] <= 1, relation
        assert relation["evidence"], relation
        for span in relation["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(texts[article_id]), relation


def test_cli_articles_jsonl_fields_and_hash(out: Path):
    articles = {article["id"]: article for article in read_jsonl(out / "articles.jsonl")}

    for article in articles.values():
        assert list(article) == [
            "id", "title", "published", "url", "source", "text", "text_sha256",
        ]  # fmt: skip
        assert article["text_sha256"] == hashlib.sha256(article["text"].encode()).hexdigest()
    assert articles["oppenheimer"]["title"] == "“Oppenheimer” sweeps the board"
    assert articles["oppenheimer"]["published"] == "2024-03-11"
    assert articles["oppenheimer"]["url"] == "https://example.com/oppenheimer"
    assert articles["oppenheimer"]["text"].startswith("Oppenheimer was directed")
    assert articles["barbie"]["published"] == "2023-07-21"
    assert articles["dune"]["source"].endswith("dune.txt")
    assert articles["the-bear"]["source"].endswith("feed.jsonl:2")
    # ensure_ascii is off: the accented name is stored as itself
    assert "Timothée" in (out / "articles.jsonl").read_text(encoding="utf-8")


def test_cli_credits_csv_header_and_rows(out: Path):
    header = (out / "credits.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    role_relations = [
        relation
        for annotation in read_jsonl(out / "annotations.jsonl")
        for relation in annotation["relations"]
        if relation["type"] in ROLE_TYPES
    ]

    assert header == "work,person,role,character,article,evidence"
    rows = _csv_rows(out / "credits.csv")
    assert len(rows) == len(role_relations) > 0
    assert all(row["evidence"] and row["work"] and row["person"] for row in rows)
    directors = [(r["work"], r["person"]) for r in rows if r["role"] == "director"]
    assert ("Oppenheimer", "Christopher Nolan") in directors


def test_cli_tables_match_the_annotations(out: Path):
    annotations = read_jsonl(out / "annotations.jsonl")
    entities = [e for a in annotations for e in a["entities"]]
    relations = [r for a in annotations for r in a["relations"]]

    for name, columns in TABLE_COLUMNS.items():
        first_line = (out / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first_line == ",".join(columns), name
    assert len(_csv_rows(out / "entities.csv")) == len(entities)
    assert len(_csv_rows(out / "mentions.csv")) == sum(len(e["mentions"]) for e in entities)
    relation_rows = _csv_rows(out / "relations.csv")
    assert len(relation_rows) == len(relations)
    assert all(row["evidence"] and row["confidence"] for row in relation_rows)


def test_cli_final_stderr_line_counts_the_run(run_output):
    out, stderr = run_output
    annotations = read_jsonl(out / "annotations.jsonl")
    entities = sum(len(a["entities"]) for a in annotations)
    relations = sum(len(a["relations"]) for a in annotations)

    last = stderr.strip().splitlines()[-1]

    assert last.startswith(
        f"extractor: articles 4 (reused 0), entities {entities}, relations {relations}, "
        "failures 0, "
    ), last


def test_cli_run_json_records_the_pipeline(out: Path, cached_build_pipeline):
    nlp = cached_build_pipeline("en_core_web_sm")

    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))

    assert manifest["model"] == "en_core_web_sm"
    assert manifest["model_version"] == nlp.meta["version"]
    assert manifest["components"] == nlp.pipe_names
    assert set(extractor.pipeline.PROJECT_COMPONENTS) <= set(manifest["components"])
