"""``validate_command``: each kind of problem, clean files, text sources, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from extractor.errors import InputPathError
from extractor.evaluation import validate_command
from extractor.evaluation.model import text_sha256
from extractor.evaluation.validate import load_schema
from extractor.evaluation.vocabulary import ENTITY_TYPES, FORMAT_NAME, RELATION_TYPES

from .helpers import DOCRED_GOLD, SEED_GOLD, article, ent, rel, write_jsonl

TEXT = "Ballerina, directed by Len Wiseman, opens on June 7, 2024."


def clean_article(**fields) -> dict:
    return article(
        [
            ent("e1", "FILM", "Ballerina", mentions=[{"start": 0, "end": 9, "text": "Ballerina"}]),
            ent(
                "e2",
                "PERSON",
                "Len Wiseman",
                mentions=[{"start": 23, "end": 34, "text": "Len Wiseman"}],
            ),
            ent("d1", "DATE", "June 7, 2024", value="2024-06-07"),
            ent("c1", "CHARACTER", "Rooney"),
        ],
        [
            rel("director", "e1", "e2", evidence=[{"start": 0, "end": 58}]),
            rel("release_date", "e1", "d1"),
        ],
        article_id="ballerina",
        **fields,
    )


def run(paths: list[Path], articles: Path | None = None) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = validate_command(paths, out=out, articles=articles)
    return status, out.getvalue().splitlines()


def test_schema_is_valid_draft_2020_12_and_follows_the_vocabulary() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"]["const"] == FORMAT_NAME
    assert schema["$defs"]["entity"]["properties"]["type"]["enum"] == list(ENTITY_TYPES)
    assert schema["$defs"]["relation"]["properties"]["type"]["enum"] == list(RELATION_TYPES)


def test_clean_file_passes(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "annotations.jsonl", [clean_article(text=TEXT)])
    status, lines = run([path])
    assert status == 0
    assert lines == ["checked 1 article(s) in 1 file(s): no problems"]


def test_extra_fields_are_allowed(tmp_path: Path) -> None:
    obj = clean_article(text=TEXT, pipeline_version="0.1")
    obj["entities"][0]["wikidata"] = "Q123"
    assert run([write_jsonl(tmp_path / "a.jsonl", [obj])])[0] == 0


@pytest.mark.skipif(not SEED_GOLD.is_file(), reason="shared seed data not available")
def test_seed_gold_is_valid() -> None:
    assert run([SEED_GOLD])[0] == 0


def problems_of(tmp_path: Path, obj: dict, **kwargs) -> list[str]:
    path = write_jsonl(tmp_path / "pred.jsonl", [obj])
    status, lines = run([path], **kwargs)
    assert status == 1
    assert lines[-1].endswith("problem(s)")
    return lines[:-1]


def one_problem(tmp_path: Path, obj: dict, **kwargs) -> str:
    problems = problems_of(tmp_path, obj, **kwargs)
    assert len(problems) == 1, problems
    return problems[0]


def test_schema_problems_are_reported_with_file_line_article_and_field(tmp_path: Path) -> None:
    obj = clean_article()
    obj["entities"][2].pop("value")  # DATE without value
    obj["entities"][0]["type"] = "MOVIE"
    obj["relations"][0]["confidence"] = 1.5
    obj["id"] = "bad id"
    path = tmp_path / "pred.jsonl"
    problems = problems_of(tmp_path, obj)
    assert f"{path}:1: article bad id: entities[2].value: required field is missing" in problems
    assert any(
        p.startswith(f"{path}:1: article bad id: entities[0].type: 'MOVIE'") for p in problems
    )
    assert any(
        "relations[0].confidence: 1.5 is greater than the maximum of 1" in p for p in problems
    )
    assert any(": id: 'bad id' does not match" in p for p in problems)
    assert len(problems) == 4


def test_missing_required_fields(tmp_path: Path) -> None:
    obj = {"id": "a1", "entities": []}
    problems = problems_of(tmp_path, obj)
    assert [p.split(": ", 2)[2] for p in problems] == [
        "format: required field is missing",
        "relations: required field is missing",
    ]


def test_duplicate_entity_id(tmp_path: Path) -> None:
    obj = clean_article()
    obj["entities"].append(ent("e2", "PERSON", "Shay Hatten"))
    assert one_problem(tmp_path, obj).endswith(
        "entities[4].id: duplicate entity id 'e2' (also entities[1])"
    )


def test_relation_refers_to_missing_entity(tmp_path: Path) -> None:
    obj = clean_article()
    obj["relations"].append(rel("producer", "e1", "e9"))
    assert one_problem(tmp_path, obj).endswith("relations[2].tail: no entity has id 'e9'")


def test_relation_argument_types_follow_the_format_table(tmp_path: Path) -> None:
    obj = clean_article()
    obj["relations"].append(rel("director", "e2", "e1"))
    problems = problems_of(tmp_path, obj)
    assert [p.split(": ", 2)[2] for p in problems] == [
        "relations[2].head: director head must be FILM or SERIES, but 'e2' is PERSON",
        "relations[2].tail: director tail must be PERSON, but 'e1' is FILM",
    ]


def test_character_must_be_a_character_on_a_cast_member(tmp_path: Path) -> None:
    obj = clean_article()
    obj["relations"].append(rel("cast_member", "e1", "e2", character="e2"))
    obj["relations"].append(rel("director", "e1", "e2", character="c1"))
    problems = problems_of(tmp_path, obj)
    assert [p.split(": ", 2)[2] for p in problems] == [
        "relations[2].character: character must be CHARACTER, but 'e2' is PERSON",
        "relations[3].character: only cast_member has a character",
    ]


def test_mention_offsets_and_text_are_checked_against_the_text(tmp_path: Path) -> None:
    obj = clean_article(text=TEXT)
    obj["entities"][0]["mentions"].append({"start": 10, "end": 5, "text": "x"})
    obj["entities"][1]["mentions"][0]["text"] = "Len Wisemann"
    obj["entities"][3]["mentions"] = [{"start": 50, "end": 90, "text": "Rooney"}]
    obj["relations"][0]["evidence"].append({"start": 0, "end": 100})
    problems = problems_of(tmp_path, obj)
    assert [p.split(": ", 2)[2] for p in problems] == [
        "entities[0].mentions[1]: start 10 is not before end 5",
        "entities[1].mentions[0].text: 'Len Wisemann' differs from the article text "
        "'Len Wiseman' at 23-34",
        "entities[3].mentions[0]: end 90 is beyond the article text (58 characters)",
        "relations[0].evidence[1]: end 100 is beyond the article text (58 characters)",
    ]


def test_without_text_offsets_are_only_checked_for_sanity(tmp_path: Path) -> None:
    obj = clean_article()  # no text anywhere
    obj["entities"][1]["mentions"][0]["text"] = "Len Wisemann"
    obj["entities"][3]["mentions"] = [{"start": 500, "end": 600, "text": "Rooney"}]
    path = write_jsonl(tmp_path / "pred.jsonl", [obj])
    assert run([path])[0] == 0
    obj["entities"][3]["mentions"] = [{"start": 6, "end": 6, "text": ""}]
    assert one_problem(tmp_path, obj).endswith("start 6 is not before end 6")


def test_text_hash_must_match_the_text(tmp_path: Path) -> None:
    good = clean_article(text=TEXT, text_sha256=text_sha256(TEXT))
    assert run([write_jsonl(tmp_path / "a.jsonl", [good])])[0] == 0
    bad = clean_article(text=TEXT, text_sha256=text_sha256(TEXT + " "))
    assert "text_sha256: does not match the article text" in one_problem(tmp_path, bad)


def test_articles_file_beside_the_annotations_is_used(tmp_path: Path) -> None:
    obj = clean_article()
    obj["entities"][1]["mentions"][0]["text"] = "Len Wisemann"
    write_jsonl(tmp_path / "articles.jsonl", [{"id": "ballerina", "text": TEXT}])
    assert "differs from the article text" in one_problem(tmp_path, obj)


def test_articles_option_gives_the_text(tmp_path: Path) -> None:
    obj = clean_article()
    obj["entities"][1]["mentions"][0]["text"] = "Len Wisemann"
    elsewhere = tmp_path / "texts"
    elsewhere.mkdir()
    articles = write_jsonl(elsewhere / "texts.jsonl", [{"id": "ballerina", "text": TEXT}])
    assert "differs from the article text" in one_problem(tmp_path, obj, articles=articles)


def test_invalid_json_line_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    broken = clean_article()
    broken["relations"].append(rel("director", "e1", "e9"))
    path.write_text("{oops\n" + json.dumps(broken) + "\n", encoding="utf-8")
    status, lines = run([path])
    assert status == 1
    assert lines[0].startswith(f"{path}:1: article ?: invalid JSON")
    assert lines[1].startswith(f"{path}:2: article ballerina: relations[2].tail")
    assert lines[2] == "checked 2 article(s) in 1 file(s): 2 problem(s)"


def test_json_file_and_folder_and_repeated_ids(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(clean_article()), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(clean_article()), encoding="utf-8")
    status, lines = run([tmp_path])
    assert status == 1
    assert lines[0] == (
        f"{tmp_path / 'b.json'}: article ballerina: id: article id already used at "
        f"{tmp_path / 'a.json'}"
    )


@pytest.mark.skipif(not DOCRED_GOLD.is_file(), reason="shared DocRED data not available")
def test_docred_file_is_reported_once() -> None:
    status, lines = run([DOCRED_GOLD])
    assert status == 1
    assert "this is a DocRED file" in lines[0]
    assert len(lines) == 2


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputPathError):
        run([tmp_path / "missing.jsonl"])
    with pytest.raises(InputPathError):
        run([write_jsonl(tmp_path / "a.jsonl", [clean_article()])], articles=tmp_path / "no.jsonl")
