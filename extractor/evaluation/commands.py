"""``extractor evaluate``: score predictions against gold, print a table, write a report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from extractor.evaluation.loading import load_corpus, with_texts
from extractor.evaluation.reading import articles_beside, load_articles, require_path
from extractor.evaluation.report import format_table, write_report
from extractor.evaluation.scoring import evaluate_corpora


def evaluate_command(
    gold: Path,
    pred: Path,
    report_dir: Path | None,
    out: TextIO = sys.stdout,
    articles: Path | None = None,
) -> int:
    """Score predictions against gold and print the figures.

    Article texts (for evidence sentences, the report's rendering and text checks) come from
    each object's ``text`` field, else from ``articles``, else from an ``articles.jsonl``
    beside the predictions or, failing that, beside the gold.

    Args:
        gold: gold file or folder (``article-annotations/1``), or a DocRED JSON file.
        pred: prediction file or folder (``article-annotations/1``).
        report_dir: when given, the folder for ``metrics.json``, ``errors_entities.csv``,
            ``errors_relations.csv`` and ``report.html``.
        out: where to print the table.
        articles: JSONL file of ``{"id", "text"}`` objects.

    Returns:
        0.

    Raises:
        InputPathError: when an input path does not exist.
        FormatError: when gold, predictions or the articles file are malformed.
        OutputError: when the report cannot be written.
    """
    require_path(gold)
    require_path(pred)
    gold_corpus = load_corpus(gold)
    pred_corpus = load_corpus(pred)
    texts = _texts(gold, pred, articles)
    result = evaluate_corpora(with_texts(gold_corpus, texts), with_texts(pred_corpus, texts))
    out.write(format_table(result.figures()))
    if result.articles and len(result.missing) == len(result.articles):
        out.write(
            "warning: no gold article has a prediction; do the article ids agree "
            "(DocRED gold uses docred-<title>)?\n"
        )
    if report_dir is not None:
        written = write_report(result, report_dir)
        out.write(f"report: {', '.join(str(p) for p in written)}\n")
    return 0


def _texts(gold: Path, pred: Path, articles: Path | None) -> dict[str, str]:
    if articles is not None:
        return load_articles(articles)
    texts: dict[str, str] = {}
    # The file beside the predictions wins: the predictions' offsets refer to its texts.
    for source in (articles_beside(gold), articles_beside(pred)):
        if source is not None:
            texts.update(load_articles(source))
    return texts
