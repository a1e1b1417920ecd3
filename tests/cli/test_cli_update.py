"""``--update`` merges into a previous run, reusing unchanged articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clihelpers import (
    CORPUS_FILES,
    CORPUS_IDS,
    assert_same_files,
    read_jsonl,
    run_subprocess,
    write_files,
)

HALF_A = {name: CORPUS_FILES[name] for name in ("dune.txt", "oppenheimer.md")}
HALF_B = {name: CORPUS_FILES[name] for name in ("feed.jsonl",)}


def _ids(out: Path) -> list[str]:
    return [annotation["id"] for annotation in read_jsonl(out / "annotations.jsonl")]


def test_cli_update_with_second_half_gives_the_dataset_of_one_run(run_cli, tmp_path: Path):
    half_a = write_files(tmp_path / "a", HALF_A)
    half_b = write_files(tmp_path / "b", HALF_B)
    merged, single = tmp_path / "merged", tmp_path / "single"

    assert run_cli("run", half_a, "--out", merged).status == 0
    update = run_cli("run", half_b, "--out", merged, "--update")
    assert run_cli("run", half_a, half_b, "--out", single).status == 0

    assert update.status == 0, update.stderr
    assert "articles 4 (reused 2)" in update.last_line
    assert sorted(_ids(merged)) == sorted(CORPUS_IDS)
    assert sorted(read_jsonl(merged / "annotations.jsonl"), key=lambda a: a["id"]) == sorted(
        read_jsonl(single / "annotations.jsonl"), key=lambda a: a["id"]
    )
    assert (merged / "dataset" / "works.csv").read_text(encoding="utf-8").count("\n") > 1
    assert_same_files(merged / "dataset", single / "dataset")
    assert not list(merged.glob(".staging-*"))


def test_cli_update_with_unchanged_inputs_reuses_every_article(run_cli, corpus, tmp_path: Path):
    out = tmp_path / "out"
    assert run_cli("run", corpus, "--out", out).status == 0
    before = {name: (out / name).read_bytes() for name in ("annotations.jsonl", "articles.jsonl")}
    shutil.copytree(out / "dataset", tmp_path / "dataset-before")

    again = run_cli("run", corpus, "--out", out, "--update")

    assert again.status == 0, again.stderr
    assert "articles 4 (reused 4)" in again.last_line
    assert "failures 0," in again.last_line
    for name, content in before.items():
        assert (out / name).read_bytes() == content, name
    assert_same_files(out / "dataset", tmp_path / "dataset-before")


def test_cli_update_reprocesses_a_changed_article_only(run_cli, corpus, tmp_path: Path):
    out = tmp_path / "out"
    assert run_cli("run", corpus, "--out", out).status == 0
    old = {a["id"]: a for a in read_jsonl(out / "annotations.jsonl")}
    changed = "Dune: Part Two, directed by Denis Villeneuve, stars Florence Pugh as Irulan.\n"
    (corpus / "dune.txt").write_text(changed, encoding="utf-8")

    again = run_cli("run", corpus, "--out", out, "--update")

    assert again.status == 0, again.stderr
    assert "articles 4 (reused 3)" in again.last_line
    new = {a["id"]: a for a in read_jsonl(out / "annotations.jsonl")}
    assert sorted(new) == sorted(CORPUS_IDS)
    assert new["dune"]["text_sha256"] != old["dune"]["text_sha256"]
    assert "Florence Pugh" in {entity["name"] for entity in new["dune"]["entities"]}
    for entity in new["dune"]["entities"]:
        for mention in entity["mentions"]:
            assert changed[mention["start"] : mention["end"]] == mention["text"]
    assert {a["id"]: a["text"] for a in read_jsonl(out / "articles.jsonl")}["dune"] == changed
    for article_id in ("barbie", "the-bear", "oppenheimer"):
        assert new[article_id] == old[article_id]


def test_cli_update_keeps_articles_not_given_again(run_cli, tmp_path: Path):
    half_a = write_files(tmp_path / "a", HALF_A)
    half_b = write_files(tmp_path / "b", HALF_B)
    out = tmp_path / "out"
    assert run_cli("run", half_a, half_b, "--out", out).status == 0

    again = run_cli("run", half_b, "--out", out, "--update")

    assert again.status == 0, again.stderr
    assert sorted(_ids(out)) == sorted(CORPUS_IDS)
    assert "articles 4 (reused 4)" in again.last_line


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_cli_update_without_a_previous_run_exits_2(tmp_path: Path, state: str):
    folder = write_files(tmp_path / "in", HALF_A)
    out = tmp_path / "out"
    if state == "empty":
        out.mkdir()

    result = run_subprocess("run", folder, "--out", out, "--update", "--no-progress")

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--update" in result.stderr and "no previous run" in result.stderr, result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_cli_update_reprocesses_an_article_whose_headline_changed(run_cli, corpus, tmp_path: Path):
    # the headline names the article's main work, so the same text may read differently
    out = tmp_path / "out"
    assert run_cli("run", corpus, "--out", out).status == 0
    source = corpus / "oppenheimer.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("sweeps the board", "wins again"),
        encoding="utf-8",
    )

    again = run_cli("run", corpus, "--out", out, "--update")

    assert again.status == 0, again.stderr
    assert "articles 4 (reused 3)" in again.last_line
    titles = {a["id"]: a.get("title") for a in read_jsonl(out / "articles.jsonl")}
    assert titles["oppenheimer"] == "“Oppenheimer” wins again"
