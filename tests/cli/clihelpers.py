"""Plain helpers of the command-line tests (fixtures are in conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

# Three files, four articles: plain text, Markdown with front matter, and JSONL (two records).
CORPUS_FILES: dict[str, str] = {
    "dune.txt": (
        "Dune: Part Two, directed by Denis Villeneuve, stars Timothée Chalamet as Paul Atreides.\n"
        "The sequel was  released by Warner Bros. on March 1, 2024.\n"
    ),
    "oppenheimer.md": (
        "---\n"
        "title: “Oppenheimer” sweeps the board\n"
        "published: 2024-03-11\n"
        "url: https://example.com/oppenheimer\n"
        "---\n"
        "Oppenheimer was directed by Christopher Nolan. Cillian Murphy plays J. Robert "
        "Oppenheimer, and Emily Blunt plays Kitty Oppenheimer.\n"
    ),
    "feed.jsonl": "".join(
        json.dumps(record, ensure_ascii=False) + "\n"
        for record in (
            {
                "id": "barbie",
                "title": "Barbie",
                "published": "2023-07-21",
                "text": "Barbie, directed by Greta Gerwig, stars Margot Robbie as Barbie "
                "and Ryan Gosling as Ken.",
            },
            {
                "id": "the-bear",
                "text": "The Bear, created by Christopher Storer, stars Jeremy Allen White as "
                "Carmy Berzatto. The series was written by Christopher Storer.",
            },
        )
    ),
}
CORPUS_IDS = ["dune", "barbie", "the-bear", "oppenheimer"]  # folder order: sorted file names
RUN_FILES = {
    "annotations.jsonl",
    "articles.jsonl",
    "entities.csv",
    "mentions.csv",
    "relations.csv",
    "credits.csv",
    "errors.jsonl",
    "run.json",
}


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``name -> text (UTF-8) or bytes`` into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return folder


@dataclass(frozen=True)
class CliResult:
    status: int
    stderr: str

    @property
    def last_line(self) -> str:
        lines = self.stderr.strip().splitlines()
        return lines[-1] if lines else ""


def run_subprocess(*args: str | Path, hash_seed: str = "0") -> subprocess.CompletedProcess:
    """``python -m extractor ARGS`` with a chosen ``PYTHONHASHSEED``; output captured as text."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-m", "extractor", *(os.fspath(arg) for arg in args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def read_jsonl(path: Path) -> list[dict]:
    """Objects of a JSONL file, split at line feeds only (U+2028 may occur inside a line)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def relative_files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def assert_same_files(left: Path, right: Path) -> None:
    """Same file names below both folders and the same content: bytes, or for a Parquet file
    whose bytes differ, the same data read back with pandas."""
    names = relative_files(left)
    assert names == relative_files(right)
    for name in names:
        a, b = (left / name).read_bytes(), (right / name).read_bytes()
        if a == b:
            continue
        assert name.endswith(".parquet"), f"{name} differs"
        pd.testing.assert_frame_equal(pd.read_parquet(left / name), pd.read_parquet(right / name))
