"""``evaluate_command`` and its report folder."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.errors import InputPathError, OutputError
from extractor.evaluation import evaluate_command
from extractor.evaluation.report import (
    ENTITY_ERRORS_FILE,
    HTML_FILE,
    METRICS_FILE,
    RELATION_ERRORS_FILE,
)

from .helpers import article, ent, rel, write_jsonl

REPO = Path(__file__).resolve().parents[2]
CHECK_SCRIPT = REPO / "scripts" / "check_report_render.py"

TEXT = (
    "Ballerina stars Ana de Armas.\n"
    "The film is directed by Len Wiseman. It opens on June 7, 2024.\n"
    "Keanu Reeves returns as John Wick."
)


def at(surface: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "text": surface}


def sentence_span(sentence: str) -> dict:
    start = TEXT.index(sentence)
    return {"start": start, "end": start + len(sentence)}


GOLD = article(
    [
        ent("f", "FILM", "Ballerina", mentions=[at("Ballerina")]),
        ent("a", "PERSON", "Ana de Armas", mentions=[at("Ana de Armas")]),
        ent("d", "PERSON", "Len Wiseman", mentions=[at("Len Wiseman")]),
        ent("k", "PERSON", "Keanu Reeves", mentions=[at("Keanu Reeves")]),
        ent("w", "CHARACTER", "John Wick", mentions=[at("John Wick")]),
        ent("t", "DATE", "June 7, 2024", value="2024-06-07", mentions=[at("June 7, 2024")]),
    ],
    [
        rel("cast_member", "f", "a"),
        rel("director", "f", "d", evidence=[sentence_span("The film is directed by Len Wiseman.")]),
        rel("release_date", "f", "t"),
        rel("cast_member", "f", "k", character="w"),
    ],
    article_id="ballerina",
    text=TEXT,
)

PRED = article(
    [
        ent("p1", "FILM", "Ballerina", mentions=[at("Ballerina")]),
        ent("p2", "PERSON", "Ana de Armas", mentions=[at("Ana de Armas")]),
        ent("p3", "PERSON", "Wiseman", mentions=[at("Wiseman")]),
        ent("p4", "PERSON", "Keanu Reeves", mentions=[at("Keanu Reeves")]),
        ent("p5", "PERSON", "John Wick", mentions=[at("John Wick")]),
        ent("p6", "DATE", "June 7, 2024", value="2024-06-07", mentions=[at("June 7, 2024")]),
    ],
    [
        rel("cast_member", "p1", "p2"),
        rel("producer", "p1", "p3", evidence=[sentence_span("It opens on June 7, 2024.")]),
        rel("release_date", "p1", "p6"),
        rel("cast_member", "p1", "p4"),
    ],
    article_id="ballerina",
)

OTHER_GOLD = article([ent("x", "SERIES", "The Continental")], article_id="continental")


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD, OTHER_GOLD])
    run = tmp_path / "run"
    run.mkdir()
    pred = write_jsonl(run / "annotations.jsonl", [PRED])
    # As the pipeline writes it: texts beside the annotations, not inside them.
    write_jsonl(run / "articles.jsonl", [{"id": "ballerina", "text": TEXT}])
    return gold, pred


def evaluate(gold: Path, pred: Path, report: Path | None) -> str:
    out = io.StringIO()
    assert evaluate_command(gold, pred, report, out=out) == 0
    return out.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_evaluate_prints_the_table(inputs: tuple[Path, Path]) -> None:
    printed = evaluate(*inputs, None)
    assert "articles: 2 in gold, 1 missing in predictions" in printed
    assert "Entities (document level, alias-aware, one to one)" in printed
    assert "Mentions (1 article(s) with offsets on both sides)" in printed
    assert " strict" in printed and " partial" in printed
    assert "core micro" in printed and "all micro" in printed
    assert "cast_character" in printed
    assert "DATE values" in printed
    entity_section = printed.split("Entities (")[1].split("\n\n")[0]
    rows = {line.split()[0]: line.split()[1:] for line in entity_section.splitlines()[2:]}
    # Ana de Armas and Keanu Reeves match; "Wiseman" is not a form of the gold "Len Wiseman"
    # (FP and FN), and John Wick is predicted as a PERSON instead of a CHARACTER.
    assert rows["PERSON"] == ["0.500", "0.667", "0.571", "2", "2", "1"]
    assert rows["CHARACTER"] == ["0.000", "0.000", "0.000", "0", "0", "1"]
    assert rows["micro"] == ["0.600", "0.500", "0.545", "3", "2", "3"]


def test_report_files_and_figures(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    report = tmp_path / "report"
    evaluate(*inputs, report)
    assert sorted(p.name for p in report.iterdir()) == sorted(
        [METRICS_FILE, ENTITY_ERRORS_FILE, RELATION_ERRORS_FILE, HTML_FILE]
    )
    figures = json.loads((report / METRICS_FILE).read_text(encoding="utf-8"))
    assert figures["relations"]["director"] == {
        "p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 0, "fn": 1
    }  # fmt: skip
    assert figures["relations"]["cast_member"]["tp"] == 2
    assert figures["cast_character"]["fn"] == 1
    assert figures["date_values"]["all"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert figures["mentions"]["strict"]["types"]["PERSON"]["fp"] == 2
    assert figures["mentions"]["partial"]["types"]["PERSON"]["tp"] == 3
    assert figures["articles"]["continental"]["predicted"] is False
    text = (report / METRICS_FILE).read_text(encoding="utf-8")
    assert text == json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_error_tables_carry_evidence_sentences(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    report = tmp_path / "report"
    evaluate(*inputs, report)
    relations = read_csv(report / RELATION_ERRORS_FILE)
    assert list(relations[0]) == [
        "article", "kind", "type", "head", "tail", "character", "evidence"
    ]  # fmt: skip
    by_kind = {(r["kind"], r["type"]): r for r in relations}
    # FP: the prediction's own evidence span.
    assert by_kind["FP", "producer"]["evidence"] == "It opens on June 7, 2024."
    assert by_kind["FP", "producer"]["tail"] == "Wiseman"
    # FN with gold evidence.
    assert by_kind["FN", "director"]["evidence"] == "The film is directed by Len Wiseman."
    assert by_kind["FN", "director"]["head"] == "Ballerina"
    entities = read_csv(report / ENTITY_ERRORS_FILE)
    assert {(r["article"], r["kind"], r["type"], r["name"]) for r in entities} == {
        ("ballerina", "FP", "PERSON", "John Wick"),
        ("ballerina", "FP", "PERSON", "Wiseman"),
        ("ballerina", "FN", "CHARACTER", "John Wick"),
        ("ballerina", "FN", "PERSON", "Len Wiseman"),
        ("continental", "FN", "SERIES", "The Continental"),
    }
    wick = next(r for r in entities if r["kind"] == "FN" and r["type"] == "CHARACTER")
    assert wick["evidence"] == "Keanu Reeves returns as John Wick."
    continental = next(r for r in entities if r["article"] == "continental")
    assert continental["evidence"] == ""  # no text for that article


def test_fn_without_evidence_uses_the_sentence_naming_head_and_tail(tmp_path: Path) -> None:
    # No offsets in this gold: names and aliases are looked up in the text.
    gold = article(
        [
            ent("f", "FILM", "Ballerina", "The film"),
            ent("d", "PERSON", "Len Wiseman"),
            ent("k", "PERSON", "Keanu Reeves"),
        ],
        [rel("director", "f", "d"), rel("cast_member", "f", "k")],
        text=TEXT,
    )
    gold_path = write_jsonl(tmp_path / "gold.jsonl", [gold])
    pred_path = write_jsonl(tmp_path / "pred.jsonl", [article([])])
    evaluate(gold_path, pred_path, tmp_path / "report")
    rows = {r["type"]: r for r in read_csv(tmp_path / "report" / RELATION_ERRORS_FILE)}
    # "The film" and "Len Wiseman" share a sentence.
    assert rows["director"]["evidence"] == "The film is directed by Len Wiseman."
    # No sentence names both: the sentence of the head's first occurrence.
    assert rows["cast_member"]["evidence"] == "Ballerina stars Ana de Armas."


def test_html_is_self_contained_with_charts_table_and_displacy(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    report = tmp_path / "report"
    evaluate(*inputs, report)
    html = (report / HTML_FILE).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "<link" not in html
    assert "http://" not in html and "https://" not in html
    assert html.count('<svg class="chart"') == 3  # entities, mentions, relations
    assert 'id="per-article"' in html
    assert '<div class="entities"' in html  # displaCy ent markup
    assert '<mark class="entity"' in html
    assert 'class="side gold"' in html and 'class="side pred"' in html
    assert "Text not available" in html  # the unpredicted article has no text


def test_report_is_deterministic(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    evaluate(*inputs, tmp_path / "first")
    evaluate(*inputs, tmp_path / "second")
    for name in (METRICS_FILE, ENTITY_ERRORS_FILE, RELATION_ERRORS_FILE, HTML_FILE):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


def test_explicit_articles_file(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [dict(GOLD, text=None)])
    pred = write_jsonl(tmp_path / "pred.jsonl", [PRED])
    texts = write_jsonl(tmp_path / "texts.jsonl", [{"id": "ballerina", "text": TEXT}])
    out = io.StringIO()
    evaluate_command(gold, pred, tmp_path / "report", out=out, articles=texts)
    html = (tmp_path / "report" / HTML_FILE).read_text(encoding="utf-8")
    assert "Text not available" not in html


def test_errors(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = inputs
    with pytest.raises(InputPathError):
        evaluate(gold, tmp_path / "missing.jsonl", None)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError):
        evaluate(gold, pred, blocker / "report")


def test_warns_when_no_article_ids_agree(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    pred = write_jsonl(tmp_path / "pred.jsonl", [dict(PRED, id="other")])
    assert "warning: no gold article has a prediction" in evaluate(gold, pred, None)


@pytest.mark.skipif(
    not any(shutil.which(c) for c in ("/usr/bin/chromium", "chromium", "chromium-browser")),
    reason="Chromium is not installed",
)
def test_report_renders_in_headless_chromium(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    evaluate(*inputs, tmp_path / "report")
    screenshot = tmp_path / "report.png"
    done = subprocess.run(
        [sys.executable, str(CHECK_SCRIPT), str(tmp_path / "report" / HTML_FILE),
         "--screenshot", str(screenshot)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert screenshot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(
    not any(shutil.which(c) for c in ("/usr/bin/chromium", "chromium", "chromium-browser")),
    reason="Chromium is not installed",
)
def test_render_check_fails_on_a_page_without_the_parts(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<!DOCTYPE html><html><body><p>nothing</p></body></html>", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(CHECK_SCRIPT), str(page)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "lacks an inline SVG chart" in done.stderr
