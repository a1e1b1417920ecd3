"""User errors end with one clear line on stderr, exit status 2, no traceback and no output."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from clihelpers import run_subprocess, write_files


def _assert_usage_error(result: subprocess.CompletedProcess, *expected: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    error_lines = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(error_lines) == 1, result.stderr
    for text in expected:
        assert text in error_lines[0], error_lines[0]
    return error_lines[0]


def test_cli_missing_input_path_exits_2(tmp_path: Path):
    folder = write_files(tmp_path / "in", {"a.txt": "Nolan directed Tenet."})
    missing = tmp_path / "no_such_folder"

    result = run_subprocess("run", folder, missing, "--out", tmp_path / "out")

    line = _assert_usage_error(result, str(missing), "does not exist")
    assert line.startswith("extractor: error:")
    assert result.stderr.strip() == line
    assert not (tmp_path / "out").exists()


def test_cli_unknown_option_exits_2(tmp_path: Path):
    folder = write_files(tmp_path / "in", {"a.txt": "Nolan directed Tenet."})

    result = run_subprocess("run", folder, "--out", tmp_path / "out", "--frobnicate")

    _assert_usage_error(result, "--frobnicate")
    assert not (tmp_path / "out").exists()


def test_cli_missing_model_exits_2(tmp_path: Path):
    folder = write_files(tmp_path / "in", {"a.txt": "Nolan directed Tenet."})

    result = run_subprocess(
        "run", folder, "--out", tmp_path / "out", "--model", "no_such_model_xyz", "--no-progress"
    )

    line = _assert_usage_error(result, "no_such_model_xyz", "not installed")
    assert result.stderr.strip() == line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("option", "value"), [("--workers", "0"), ("--batch-size", "0"), ("--batch-size", "-3")]
)
def test_cli_count_below_one_exits_2(tmp_path: Path, option: str, value: str):
    # --batch-size 0 used to process nothing and exit 0; -3 ended in a traceback.
    folder = write_files(tmp_path / "in", {"a.txt": "Nolan directed Tenet."})

    result = run_subprocess("run", folder, "--out", tmp_path / "out", option, value)

    _assert_usage_error(result, option, "1 or more")
    assert not (tmp_path / "out").exists()


def test_cli_out_path_that_is_a_file_exits_2(tmp_path: Path):
    folder = write_files(tmp_path / "in", {"a.txt": "Nolan directed Tenet."})
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")

    result = run_subprocess("run", folder, "--out", target, "--no-progress")

    _assert_usage_error(result, "not a folder")
    assert target.read_text(encoding="utf-8") == "keep me"
