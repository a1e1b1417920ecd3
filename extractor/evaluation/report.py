"""The evaluation's outputs: the console table and the report folder.

The folder holds ``metrics.json`` (every figure), ``errors_entities.csv``,
``errors_relations.csv`` and ``report.html``. All are deterministic: the same inputs give
byte-identical files (sorted keys and rows, no timestamps).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from extractor.errors import OutputError
from extractor.evaluation.errors_table import (
    EntityErrorRow,
    RelationErrorRow,
    all_entity_rows,
    all_relation_rows,
)
from extractor.evaluation.report_html import render_report
from extractor.evaluation.scoring import EvaluationResult
from extractor.evaluation.vocabulary import DATE_RELATIONS

METRICS_FILE = "metrics.json"
ENTITY_ERRORS_FILE = "errors_entities.csv"
RELATION_ERRORS_FILE = "errors_relations.csv"
HTML_FILE = "report.html"


def format_table(figures: Mapping[str, Any]) -> str:
    """The figures as a plain-text table for the terminal.

    Args:
        figures: :meth:`EvaluationResult.figures`.

    Returns:
        Lines ending in a newline.
    """
    lines = [
        f"gold: {figures['gold']['path']} ({figures['gold']['kind']})",
        f"predictions: {figures['predictions']['path']}",
        f"articles: {figures['documents']} in gold, "
        f"{figures['documents_missing_in_pred']} missing in predictions, "
        f"{figures['documents_not_in_gold']} predicted but not in gold (not scored)",
        "",
    ]
    header = f"  {'':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"
    if figures["entities_scored"]:
        lines += ["Entities (document level, alias-aware, one to one)", header]
        lines += _rows(figures["entities"].items())
        lines += _rows([("micro", figures["entities_micro"])])
    else:
        lines += ["Entities: not scored against DocRED gold"]
    mentions = figures["mentions"]
    lines += ["", f"Mentions ({mentions['articles']} article(s) with offsets on both sides)"]
    if mentions["articles"]:
        for mode in ("strict", "partial"):
            lines += [f" {mode}", header]
            lines += _rows(mentions[mode]["types"].items())
            lines += _rows([("micro", mentions[mode]["micro"])])
    lines += ["", "Relations", header]
    lines += _rows(figures["relations"].items())
    lines += _rows(
        [
            ("core micro", figures["relations_core_micro"]),
            ("all micro", figures["relations_all_micro"]),
        ]
    )
    lines += ["", "Cast characters", header]
    lines += _rows([("cast_character", figures["cast_character"])])
    dates = figures["date_values"]
    lines += ["", "DATE values (matched date relations)"]
    for label in (*DATE_RELATIONS, "all"):
        d = dates[label]
        lines.append(f"  {label:24} {d['correct']:>4} / {d['total']:<4} {d['accuracy']:.3f}")
    return "\n".join(lines) + "\n"


def _rows(items: Iterable[tuple[str, Mapping[str, Any]]]) -> list[str]:
    return [
        f"  {label:24} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}"
        f" {s['tp']:6} {s['fp']:6} {s['fn']:6}"
        for label, s in items
    ]


def write_report(result: EvaluationResult, report_dir: Path) -> list[Path]:
    """Write the report folder (created if needed).

    Args:
        result: the evaluation.
        report_dir: the folder.

    Returns:
        The files written.

    Raises:
        OutputError: when the folder cannot be created or written.
    """
    figures = result.figures()
    entity_rows = all_entity_rows(result)
    relation_rows = all_relation_rows(result)
    contents = {
        METRICS_FILE: json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
        ENTITY_ERRORS_FILE: _csv(EntityErrorRow.COLUMNS, (r.values() for r in entity_rows)),
        RELATION_ERRORS_FILE: _csv(RelationErrorRow.COLUMNS, (r.values() for r in relation_rows)),
        HTML_FILE: render_report(result, figures, entity_rows, relation_rows),
    }
    written = []
    try:
        report_dir.mkdir(parents=True, exist_ok=True)
        for name, content in contents.items():
            path = report_dir / name
            # newline="" keeps "\n" on every platform, so runs compare byte for byte.
            path.write_text(content, encoding="utf-8", newline="")
            written.append(path)
    except OSError as err:
        raise OutputError(f"cannot write the report to {report_dir}: {err.strerror}.") from err
    return written


def _csv(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
