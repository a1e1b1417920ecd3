"""scripts/add_gold_mentions.py on a tiny corpus built in tmp_path."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from extractor.ingest import iter_articles

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "add_gold_mentions.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("add_gold_mentions", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the module executes.
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


WICK_TEXT = (
    "John Wick: Chapter 4 opened in March 2023. Keanu Reeves plays John Wick again, and "
    "Reeves’s Wick faces the High Table. The John Wick franchise grows with Ballerina, "
    "which Lionsgate releases on June 6, 2025."
)

WICK_GOLD = {
    "format": "article-annotations/1",
    "id": "wick",
    "title": "Wick",
    "entities": [
        {"id": "e1", "type": "FILM", "name": "John Wick: Chapter 4"},
        {"id": "e2", "type": "FILM", "name": "John Wick", "aliases": ["John Wick franchise"]},
        {"id": "e3", "type": "CHARACTER", "name": "John Wick", "aliases": ["Wick"]},
        {"id": "e4", "type": "PERSON", "name": "Keanu Reeves", "aliases": ["Reeves's"]},
        {"id": "e5", "type": "DATE", "name": "June 6, 2025", "value": "2025-06-06"},
    ],
    "relations": [{"type": "cast_member", "head": "e1", "tail": "e4", "character": "e3"}],
}


def make_project(tmp_path: Path, gold: dict, text: str = WICK_TEXT) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    annotations = tmp_path / "annotations"
    corpus.mkdir()
    annotations.mkdir()
    (corpus / f"{gold['id']}.txt").write_text(text, encoding="utf-8")
    (annotations / f"{gold['id']}.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
    return corpus, annotations


def run(script, corpus: Path, annotations: Path, *, check: bool = False):
    lines: list[str] = []
    status = script.run(corpus, annotations, check=check, report=lines.append)
    return status, lines


def spans(entity: dict) -> list[tuple[int, int, str]]:
    return [(m["start"], m["end"], m["text"]) for m in entity["mentions"]]


def test_mentions_follow_the_rules(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)

    status, lines = run(script, corpus, annotations)

    gold = json.loads((annotations / "wick.json").read_text(encoding="utf-8"))
    film4, film, character, person, date = gold["entities"]
    text = WICK_TEXT
    # "John Wick" inside "John Wick: Chapter 4" and "John Wick franchise" is not a mention.
    assert spans(film4) == [(0, 20, "John Wick: Chapter 4")]
    shared = text.index("plays John Wick") + len("plays ")
    franchise = text.index("John Wick franchise")
    assert spans(film) == [
        (shared, shared + 9, "John Wick"),
        (franchise, franchise + 19, "John Wick franchise"),
    ]
    # The same span for a film and a character is kept for both, with a warning.
    wick = text.index("’s Wick") + 3
    assert spans(character) == [(shared, shared + 9, "John Wick"), (wick, wick + 4, "Wick")]
    assert any(
        line.startswith("warning:") and "'John Wick' (1x) is a mention of both" in line
        for line in lines
    )
    # The straight apostrophe in the gold matches the curly one in the text.
    keanu = text.index("Keanu Reeves")
    reeves = text.index("Reeves’s")
    assert spans(person) == [(keanu, keanu + 12, "Keanu Reeves"), (reeves, reeves + 8, "Reeves’s")]
    # DATE entities get mentions from their name.
    start = text.index("June 6, 2025")
    assert spans(date) == [(start, start + 12, "June 6, 2025")]
    assert status == 0
    assert lines[-1] == "1 gold files, 1 updated, 0 errors, 1 warnings"


def test_every_mention_text_matches_the_ingested_article(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)

    run(script, corpus, annotations)

    gold = json.loads((annotations / "wick.json").read_text(encoding="utf-8"))
    (article,) = iter_articles([corpus])
    assert gold["text_sha256"] == article.text_sha256
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            assert article.text[mention["start"] : mention["end"]] == mention["text"]


def test_key_order_is_kept_and_layout_is_one_space_indent(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)

    run(script, corpus, annotations)

    content = (annotations / "wick.json").read_text(encoding="utf-8")
    gold = json.loads(content)
    assert list(gold) == ["format", "id", "title", "text_sha256", "entities", "relations"]
    assert list(gold["entities"][4]) == ["id", "type", "name", "value", "mentions"]
    assert content == json.dumps(gold, indent=1, ensure_ascii=False) + "\n"
    assert "Reeves’s" in content


def test_rerunning_changes_nothing(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)
    run(script, corpus, annotations)
    first = (annotations / "wick.json").read_text(encoding="utf-8")

    status, lines = run(script, corpus, annotations)

    assert (annotations / "wick.json").read_text(encoding="utf-8") == first
    assert status == 0
    assert lines[-1].startswith("1 gold files, 0 updated")


def test_stale_mentions_are_replaced(script, tmp_path):
    stale = json.loads(json.dumps(WICK_GOLD))
    stale["text_sha256"] = "0" * 64
    stale["entities"][4]["mentions"] = [{"start": 0, "end": 4, "text": "John"}]
    corpus, annotations = make_project(tmp_path, stale)

    run(script, corpus, annotations)

    gold = json.loads((annotations / "wick.json").read_text(encoding="utf-8"))
    assert gold["text_sha256"] != "0" * 64
    assert [m["text"] for m in gold["entities"][4]["mentions"]] == ["June 6, 2025"]
    # An existing text_sha256 keeps its place, wherever the writer put it.
    assert list(gold) == list(stale)


def test_check_writes_nothing_and_reports_out_of_date(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)
    before = (annotations / "wick.json").read_text(encoding="utf-8")

    status, lines = run(script, corpus, annotations, check=True)

    assert (annotations / "wick.json").read_text(encoding="utf-8") == before
    assert any("out of date" in line for line in lines)
    assert status == 0


def test_missing_alias_is_an_error(script, tmp_path):
    gold = json.loads(json.dumps(WICK_GOLD))
    gold["entities"][3]["aliases"] = ["Mr Reeves"]
    corpus, annotations = make_project(tmp_path, gold)

    status, lines = run(script, corpus, annotations)

    assert status == 1
    assert any(
        line.startswith("error:") and "alias 'Mr Reeves' does not occur in the text" in line
        for line in lines
    )


def test_entity_without_any_mention_is_an_error(script, tmp_path):
    gold = json.loads(json.dumps(WICK_GOLD))
    gold["entities"].append({"id": "e6", "type": "PERSON", "name": "Chad Stahelski"})
    corpus, annotations = make_project(tmp_path, gold)

    status, lines = run(script, corpus, annotations)

    assert status == 1
    assert any("entity e6 (PERSON 'Chad Stahelski') has no mention" in line for line in lines)


def test_entity_only_inside_longer_names_is_a_warning(script, tmp_path):
    gold = {
        "format": "article-annotations/1",
        "id": "fallon",
        "entities": [
            {"id": "e1", "type": "SERIES", "name": "The Tonight Show Starring Jimmy Fallon"},
            {"id": "e2", "type": "PERSON", "name": "Jimmy Fallon"},
        ],
        "relations": [],
    }
    corpus, annotations = make_project(
        tmp_path, gold, "Keanu Reeves appeared on The Tonight Show Starring Jimmy Fallon."
    )

    status, lines = run(script, corpus, annotations)

    saved = json.loads((annotations / "fallon.json").read_text(encoding="utf-8"))
    assert saved["entities"][1]["mentions"] == []
    assert any(line.startswith("warning:") and "no mention of its own" in line for line in lines)
    assert status == 0


def test_same_span_for_two_entities_of_one_type_is_kept_for_both_with_a_warning(script, tmp_path):
    gold = json.loads(json.dumps(WICK_GOLD))
    gold["entities"][2]["type"] = "FILM"
    corpus, annotations = make_project(tmp_path, gold)

    status, lines = run(script, corpus, annotations)

    saved = json.loads((annotations / "wick.json").read_text(encoding="utf-8"))
    shared = WICK_TEXT.index("plays John Wick") + len("plays ")
    assert (shared, shared + 9, "John Wick") in spans(saved["entities"][1])
    assert (shared, shared + 9, "John Wick") in spans(saved["entities"][2])
    assert any(line.startswith("warning:") and "some of the same type" in line for line in lines)
    assert status == 0


def test_gold_without_article_and_article_without_gold(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)
    (corpus / "wick.txt").rename(corpus / "other.txt")

    status, lines = run(script, corpus, annotations)

    assert status == 1
    assert any(
        line.startswith("error:") and "no corpus article has id 'wick'" in line for line in lines
    )
    assert any(
        line.startswith("warning:") and "article 'other' has no gold" in line for line in lines
    )


def test_offsets_refer_to_ingested_text_of_markdown_and_html(script, tmp_path):
    corpus = tmp_path / "corpus"
    annotations = tmp_path / "annotations"
    corpus.mkdir()
    annotations.mkdir()
    (corpus / "md.md").write_text(
        "---\ntitle: Front matter\n---\n\nGreta Gerwig directed Barbie.\n", encoding="utf-8"
    )
    (corpus / "page.html").write_text(
        "<html><head><title>Barbie</title></head><body><nav>Home Barbie News</nav><article>"
        "<p>Greta Gerwig directed <i>Barbie</i> for Warner Bros., starring Margot Robbie.</p>"
        "</article><footer>Barbie fan site</footer></body></html>",
        encoding="utf-8",
    )
    for article_id in ("md", "page"):
        gold = {
            "format": "article-annotations/1",
            "id": article_id,
            "entities": [{"id": "e1", "type": "FILM", "name": "Barbie"}],
            "relations": [],
        }
        (annotations / f"{article_id}.json").write_text(json.dumps(gold), encoding="utf-8")

    status, _ = run(script, corpus, annotations)

    md = json.loads((annotations / "md.json").read_text(encoding="utf-8"))
    page = json.loads((annotations / "page.json").read_text(encoding="utf-8"))
    assert spans(md["entities"][0]) == [(22, 28, "Barbie")]
    assert spans(page["entities"][0]) == [(22, 28, "Barbie")]
    assert status == 0


def test_malformed_gold_is_an_error_and_left_alone(script, tmp_path):
    corpus, annotations = make_project(tmp_path, WICK_GOLD)
    broken = annotations / "broken.json"
    broken.write_text('{"id": "broken", "entities": [{"id": "e1"}]}', encoding="utf-8")

    status, lines = run(script, corpus, annotations)

    assert status == 1
    assert any("entity #0 has no string 'type'" in line for line in lines)
    assert broken.read_text(encoding="utf-8") == '{"id": "broken", "entities": [{"id": "e1"}]}'


def test_main_reports_missing_folder_with_exit_status_2(script, tmp_path, capsys):
    status = script.main(["--corpus", str(tmp_path), "--annotations", str(tmp_path / "nope")])

    assert status == 2
    assert "[E001]" in capsys.readouterr().err


def test_surface_form_pattern_respects_word_boundaries(script):
    pattern = script.surface_form_pattern("Wick")

    assert [m.start() for m in pattern.finditer("Wick Wicked Wick's xWick Wick.")] == [0, 12, 25]
