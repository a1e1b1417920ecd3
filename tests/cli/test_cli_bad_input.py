"""Bad input is written to errors.jsonl with a reason and skipped; the run goes on and exits 0."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from clihelpers import CliResult, read_jsonl, write_files

GOOD_TEXT = "Oppenheimer was directed by Christopher Nolan.\n"


def _run_with(run_cli, tmp_path: Path, bad: dict[str, str | bytes]) -> tuple[CliResult, Path]:
    folder = write_files(tmp_path / "in", {"good.txt": GOOD_TEXT, **bad})
    out = tmp_path / "out"
    return run_cli("run", folder, "--out", out), out


def _assert_one_failure(result: CliResult, out: Path, source: str, reason: str) -> dict:
    """Exit 0, the good article processed, exactly one failure for ``source``, summary says so."""
    assert result.status == 0, result.stderr
    errors = read_jsonl(out / "errors.jsonl")
    assert len(errors) == 1, errors
    assert errors[0]["source"].endswith(source)
    assert re.search(reason, errors[0]["reason"]), errors[0]["reason"]
    assert "good" in [article["id"] for article in read_jsonl(out / "articles.jsonl")]
    assert "failures 1," in result.last_line
    assert "Traceback" not in result.stderr
    return errors[0]


def test_cli_empty_file_is_reported_and_skipped(run_cli, tmp_path):
    result, out = _run_with(run_cli, tmp_path, {"empty.txt": b""})

    error = _assert_one_failure(result, out, "empty.txt", "empty")

    assert error["id"] == "empty"
    assert [a["id"] for a in read_jsonl(out / "annotations.jsonl")] == ["good"]


def test_cli_binary_file_is_reported_and_skipped(run_cli, tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    result, out = _run_with(run_cli, tmp_path, {"photo.txt": png})

    _assert_one_failure(result, out, "photo.txt", "binary")

    assert [a["id"] for a in read_jsonl(out / "articles.jsonl")] == ["good"]


def test_cli_undecodable_file_is_reported_and_skipped(run_cli, tmp_path):
    # A UTF-8 byte-order mark followed by bytes that are not UTF-8.
    result, out = _run_with(
        run_cli, tmp_path, {"mangled.txt": codecs.BOM_UTF8 + b"Caf\xe9 \xff\xfe society \x80"}
    )

    _assert_one_failure(result, out, "mangled.txt", "not valid utf-8")

    assert [a["id"] for a in read_jsonl(out / "articles.jsonl")] == ["good"]


def test_cli_broken_jsonl_line_is_reported_and_other_lines_processed(run_cli, tmp_path):
    first = {"id": "first", "text": "Barbie, directed by Greta Gerwig, stars Margot Robbie."}
    third = {"id": "third", "text": "Dune was directed by Denis Villeneuve."}
    lines = [json.dumps(first), '{"id": "broken", "text": "Tenet was directed', json.dumps(third)]
    feed = "\n".join(lines) + "\n"
    result, out = _run_with(run_cli, tmp_path, {"z_feed.jsonl": feed})

    _assert_one_failure(result, out, "z_feed.jsonl:2", "not valid JSON")

    assert [a["id"] for a in read_jsonl(out / "articles.jsonl")] == ["good", "first", "third"]
    assert [a["id"] for a in read_jsonl(out / "annotations.jsonl")] == ["good", "first", "third"]
    assert "articles 3 " in result.last_line


def test_cli_every_bad_input_together_is_counted(run_cli, tmp_path):
    result, out = _run_with(
        run_cli,
        tmp_path,
        {
            "a_empty.txt": b"",
            "b_binary.md": b"\x00\x01\x02\x03 not text",
            "c_mangled.txt": codecs.BOM_UTF16_LE + b"odd",
            "d_feed.jsonl": '{"id": "x", "text": "Nolan directed Tenet."}\n{broken\n',
        },
    )

    assert result.status == 0
    sources = [Path(error["source"]).name for error in read_jsonl(out / "errors.jsonl")]
    assert sources == ["a_empty.txt", "b_binary.md", "c_mangled.txt", "d_feed.jsonl:2"]
    assert all(error["reason"] for error in read_jsonl(out / "errors.jsonl"))
    assert [a["id"] for a in read_jsonl(out / "articles.jsonl")] == ["x", "good"]
    assert "failures 4," in result.last_line
