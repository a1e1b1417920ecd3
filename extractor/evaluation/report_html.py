"""``report.html``: one self-contained page (inline CSS and SVG, no scripts, no links out).

Sections: summary figures, bar charts of P/R/F1 per type, a per-article table, and every
article with its gold and predicted mentions side by side (displaCy ``ent`` markup) and its
errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from extractor.evaluation.errors_table import EntityErrorRow, RelationErrorRow
from extractor.evaluation.model import Document, Span
from extractor.evaluation.scoring import ArticleResult, EvaluationResult

ENTITY_COLOURS = {
    "PERSON": "#aa9cfc",
    "FILM": "#ffb15c",
    "SERIES": "#f7d35e",
    "CHARACTER": "#7aecec",
    "ORG": "#bfeeb7",
    "DATE": "#bfe1d9",
    "LOC": "#ff9561",
    "AWARD": "#e4e7d2",
    "MISC": "#dddddd",
    "NUM": "#e2c7f5",
}
METRIC_COLOURS = (("P", "p", "#4e79a7"), ("R", "r", "#f28e2b"), ("F1", "f", "#59a14f"))

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
       max-width: 1400px; padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2.5rem; }
.inputs { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.article { margin: 0.6rem 0; }
.article summary { cursor: pointer; padding: 0.3rem 0; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.side { border: 1px solid #e3e3e3; border-radius: 6px; padding: 0.5rem 1rem;
        overflow-wrap: anywhere; font-size: 0.95rem; }
.side h4 { margin: 0.3rem 0; }
.note { color: #777; font-style: italic; }
.kind-FP { color: #b03a2e; } .kind-FN { color: #1f618d; }
.kind-WRONG_CHARACTER, .kind-WRONG_VALUE { color: #9a7d0a; }
.muted { color: #999; }
"""


def render_report(
    result: EvaluationResult,
    figures: Mapping[str, Any],
    entity_rows: Sequence[EntityErrorRow],
    relation_rows: Sequence[RelationErrorRow],
) -> str:
    """Render the whole page.

    Args:
        result: the evaluation (articles, texts and mentions).
        figures: :meth:`EvaluationResult.figures` of it.
        entity_rows: entity errors, sorted by article.
        relation_rows: relation errors, sorted by article.

    Returns:
        The HTML document.
    """
    entity_errors: dict[str, list[EntityErrorRow]] = {}
    for row in entity_rows:
        entity_errors.setdefault(row.article, []).append(row)
    relation_errors: dict[str, list[RelationErrorRow]] = {}
    for row in relation_rows:
        relation_errors.setdefault(row.article, []).append(row)
    anchors = {a.article_id: f"article-{i}" for i, a in enumerate(result.articles)}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Evaluation report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<h1>Evaluation report</h1>",
        _inputs(figures),
        _summary(figures),
        _charts(figures),
        _article_table(result, figures, anchors),
        '<section id="articles">',
        "<h2>Articles</h2>",
        '<p class="note">Gold mentions on the left, predicted on the right; '
        "errors below each article.</p>",
    ]
    for index, article in enumerate(result.articles):
        parts.append(
            _article_section(
                article,
                anchors[article.article_id],
                figures["articles"][article.article_id],
                entity_errors.get(article.article_id, []),
                relation_errors.get(article.article_id, []),
                opened=index == 0,
            )
        )
    parts += ["</section>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _inputs(figures: Mapping[str, Any]) -> str:
    gold, pred = figures["gold"], figures["predictions"]
    return (
        '<p class="inputs">'
        f"gold <code>{escape(gold['path'])}</code> ({escape(gold['kind'])}) &middot; "
        f"predictions <code>{escape(pred['path'])}</code> &middot; "
        f"{figures['documents']} article(s), {figures['documents_missing_in_pred']} missing "
        f"in predictions, {figures['documents_not_in_gold']} predicted but not in gold</p>"
    )


def _figure_cells(scores: Mapping[str, Any]) -> str:
    return "".join(f'<td class="num">{scores[k]:.3f}</td>' for k in ("p", "r", "f")) + "".join(
        f'<td class="num">{scores[k]}</td>' for k in ("tp", "fp", "fn")
    )


def _summary(figures: Mapping[str, Any]) -> str:
    rows: list[tuple[str, Mapping[str, Any]]] = []
    if figures["entities_scored"]:
        rows.append(("Entities (micro)", figures["entities_micro"]))
    if figures["mentions"]["articles"]:
        rows.append(("Mentions, strict (micro)", figures["mentions"]["strict"]["micro"]))
        rows.append(("Mentions, partial (micro)", figures["mentions"]["partial"]["micro"]))
    rows += [
        ("Relations, core five (micro)", figures["relations_core_micro"]),
        ("Relations, all (micro)", figures["relations_all_micro"]),
        ("Cast characters", figures["cast_character"]),
    ]
    body = "".join(f"<tr><th>{escape(name)}</th>{_figure_cells(s)}</tr>" for name, s in rows)
    dates = figures["date_values"]
    date_cells = "; ".join(
        f"{escape(label)} {d['correct']}/{d['total']} ({d['accuracy']:.3f})"
        for label, d in dates.items()
    )
    notes = []
    if not figures["entities_scored"]:
        notes.append("Entities are not scored against DocRED gold.")
    if not figures["mentions"]["articles"]:
        notes.append(
            "Mentions were not compared: no article has offsets into one text on both sides."
        )
    note_html = "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
    return (
        '<section id="summary"><h2>Summary</h2>'
        '<table class="figures"><thead><tr><th></th><th>P</th><th>R</th><th>F1</th>'
        f"<th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>{body}</tbody></table>"
        f"<p>DATE values of matched date relations: {date_cells}</p>{note_html}</section>"
    )


def _charts(figures: Mapping[str, Any]) -> str:
    charts = []
    if figures["entities_scored"]:
        charts.append(bar_chart("Entities by type", list(figures["entities"].items())))
    if figures["mentions"]["articles"]:
        charts.append(
            bar_chart(
                "Mentions by type (strict)", list(figures["mentions"]["strict"]["types"].items())
            )
        )
    charts.append(bar_chart("Relations by type", list(figures["relations"].items())))
    return (
        '<section id="charts"><h2>Scores by type</h2><div class="charts">'
        + "".join(charts)
        + "</div></section>"
    )


def bar_chart(title: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    """An inline SVG chart: for each label, three horizontal bars for P, R and F1.

    Args:
        title: caption.
        rows: (label, figures with ``p``, ``r``, ``f``) in display order.

    Returns:
        A ``<figure>`` holding the ``<svg>``.
    """
    label_width, plot_width, value_width = 170, 360, 50
    bar, gap, top, bottom = 9, 10, 28, 24
    row_height = 3 * bar + gap
    width = label_width + plot_width + value_width
    height = top + max(len(rows), 1) * row_height + bottom
    plot_bottom = height - bottom
    items = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-size="11" '
        'font-family="system-ui, sans-serif">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (name, _, colour) in enumerate(METRIC_COLOURS):
        x = label_width + index * 60
        items.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>')
        items.append(f'<text x="{x + 14}" y="15">{name}</text>')
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = label_width + tick * plot_width
        items.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{plot_bottom}" stroke="#ddd"/>'
        )
        items.append(
            f'<text x="{x:.1f}" y="{plot_bottom + 14}" text-anchor="middle" fill="#666">'
            f"{tick:g}</text>"
        )
    if not rows:
        items.append(
            f'<text x="{label_width + 8}" y="{top + 20}" fill="#999">nothing to score</text>'
        )
    for row, (label, scores) in enumerate(rows):
        y = top + row * row_height
        items.append(
            f'<text x="{label_width - 8}" y="{y + 1.5 * bar + 4:.1f}" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        for index, (name, key, colour) in enumerate(METRIC_COLOURS):
            value = float(scores[key])
            bar_y = y + index * bar
            items.append(
                f'<rect class="bar" x="{label_width}" y="{bar_y}" '
                f'width="{value * plot_width:.1f}" height="{bar - 1}" fill="{colour}">'
                f"<title>{escape(label)} {name} {value:.3f}</title></rect>"
            )
            items.append(
                f'<text x="{label_width + value * plot_width + 4:.1f}" y="{bar_y + bar - 1}" '
                f'font-size="9" fill="#444">{value:.2f}</text>'
            )
    items.append("</svg>")
    return f"<figure><figcaption>{escape(title)}</figcaption>{''.join(items)}</figure>"


def _article_table(
    result: EvaluationResult, figures: Mapping[str, Any], anchors: Mapping[str, str]
) -> str:
    scores_entities = figures["entities_scored"]
    head = "<tr><th rowspan=2>article</th><th rowspan=2>predicted</th>"
    if scores_entities:
        head += "<th colspan=5>entities</th>"
    head += "<th colspan=5>relations</th></tr><tr>"
    group = "<th>P</th><th>R</th><th>F1</th><th>FP</th><th>FN</th>"
    head += (group if scores_entities else "") + group + "</tr>"
    rows = []
    for article in result.articles:
        article_figures = figures["articles"][article.article_id]
        cells = [
            f'<td><a href="#{anchors[article.article_id]}">{escape(article.article_id)}</a></td>',
            f"<td>{'yes' if article.predicted else '<b>no</b>'}</td>",
        ]
        groups = (["entities"] if scores_entities else []) + ["relations"]
        for name in groups:
            s = article_figures[name]
            cells += [f'<td class="num">{s[k]:.3f}</td>' for k in ("p", "r", "f")]
            cells += [f'<td class="num">{s[k]}</td>' for k in ("fp", "fn")]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<section id="per-article-section"><h2>Per article</h2>'
        f'<table id="per-article"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        "</section>"
    )


def _article_section(
    article: ArticleResult,
    anchor: str,
    article_figures: Mapping[str, Any],
    entity_errors: Sequence[EntityErrorRow],
    relation_errors: Sequence[RelationErrorRow],
    opened: bool,
) -> str:
    summary = [f"<code>{escape(article.article_id)}</code>"]
    if "entities" in article_figures:
        summary.append(f"entities F1 {article_figures['entities']['f']:.3f}")
    summary.append(f"relations F1 {article_figures['relations']['f']:.3f}")
    summary.append(f"{len(entity_errors) + len(relation_errors)} error(s)")
    if not article.predicted:
        summary.append("<b>not predicted</b>")
    return (
        f'<section class="article" id="{anchor}">'
        f"<details{' open' if opened else ''}><summary>{' &middot; '.join(summary)}</summary>"
        '<div class="sides">'
        f'<div class="side gold"><h4>Gold</h4>{render_mentions(article.pair.gold)}</div>'
        f'<div class="side pred"><h4>Predicted</h4>{render_mentions(article.pair.pred)}</div>'
        "</div>"
        f"{_error_tables(entity_errors, relation_errors)}"
        "</details></section>"
    )


def displayable_spans(document: Document) -> list[tuple[Span, str]]:
    """Mentions to highlight, sorted, overlaps dropped (the longer, earlier one wins).

    displaCy's ``ent`` style cannot nest marks, and would repeat text for overlapping ones.
    """
    text_length = len(document.text or "")
    spans = sorted(
        (
            (m.span, e.type)
            for e in document.entities
            for m in e.mentions
            if 0 <= m.span.start < m.span.end <= text_length
        ),
        key=lambda item: (item[0].start, -item[0].end, item[1]),
    )
    kept: list[tuple[Span, str]] = []
    for span, label in spans:
        if not kept or span.start >= kept[-1][0].end:
            kept.append((span, label))
    return kept


def render_mentions(document: Document) -> str:
    """The document's text with its mentions highlighted by displaCy, or a note why not."""
    if document.text is None:
        return (
            '<p class="note">Text not available: give it a <code>text</code> field, or put '
            "<code>articles.jsonl</code> beside the predictions.</p>"
        )
    # Imported here so that `validate` and the scoring do not pay for importing spaCy.
    from spacy import displacy

    spans = displayable_spans(document)
    note = "" if spans else '<p class="note">No mention offsets.</p>'
    markup = displacy.render(
        {
            "text": document.text,
            "ents": [{"start": s.start, "end": s.end, "label": label} for s, label in spans],
            "title": None,
        },
        style="ent",
        manual=True,
        page=False,
        jupyter=False,
        options={"colors": ENTITY_COLOURS},
    )
    return note + markup


def _error_tables(
    entity_errors: Sequence[EntityErrorRow], relation_errors: Sequence[RelationErrorRow]
) -> str:
    if not entity_errors and not relation_errors:
        return '<p class="note">No errors.</p>'
    parts = []
    if entity_errors:
        rows = "".join(
            f'<tr><td class="kind-{r.kind}">{r.kind}</td><td>{escape(r.type)}</td>'
            f"<td>{escape(r.name)}</td><td>{_evidence(r.evidence)}</td></tr>"
            for r in entity_errors
        )
        parts.append(
            '<h4>Entity errors</h4><table class="errors"><thead><tr><th>kind</th><th>type</th>'
            f"<th>name</th><th>evidence</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    if relation_errors:
        rows = "".join(
            f'<tr><td class="kind-{r.kind}">{r.kind}</td><td>{escape(r.type)}</td>'
            f"<td>{escape(r.head)}</td><td>{escape(r.tail)}</td><td>{escape(r.character)}</td>"
            f"<td>{_evidence(r.evidence)}</td></tr>"
            for r in relation_errors
        )
        parts.append(
            '<h4>Relation errors</h4><table class="errors"><thead><tr><th>kind</th>'
            "<th>type</th><th>head</th><th>tail</th><th>character</th><th>evidence</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )
    return "".join(parts)


def _evidence(sentence: str) -> str:
    return escape(sentence) if sentence else '<span class="muted">(no text)</span>'
