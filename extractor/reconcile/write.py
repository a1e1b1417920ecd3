"""``write_dataset``: the tables as CSV, Parquet and one JSON file.

Output is byte-for-byte reproducible: rows and multi-valued cells are sorted,
nothing records a time, floats are written by Python's shortest round-trip
``repr`` (CSV, JSON) or as IEEE doubles (Parquet), and each file is replaced
atomically so a reader never sees half a table.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from extractor.errors import OutputError
from extractor.reconcile.build import Dataset
from extractor.reconcile.schema import SCHEMAS

JSON_NAME = "dataset.json"


def write_dataset(dataset: Dataset, out_dir: Path) -> None:
    """Write ``<table>.csv``, ``<table>.parquet`` and ``dataset.json`` into ``out_dir``.

    Args:
        dataset: the reconciled dataset.
        out_dir: the folder to write (created when missing; the caller passes ``DIR/dataset``).
            Files of these names are replaced; other files are left alone.

    Raises:
        OutputError: the folder cannot be created or written.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        tables = dataset.tables()
        for name, table in tables.items():
            _check_schema(name, table)
            _write_atomically(out_dir / f"{name}.csv", lambda path, t=table: _write_csv(t, path))
            _write_atomically(
                out_dir / f"{name}.parquet", lambda path, t=table: t.to_parquet(path, index=False)
            )
        text = json.dumps(dataset.to_dict(), ensure_ascii=False, indent=1) + "\n"
        _write_atomically(out_dir / JSON_NAME, lambda path: path.write_text(text, "utf-8"))
    except OSError as error:
        raise OutputError(f"cannot write the dataset to {out_dir}: {error.strerror}") from error


def _check_schema(name: str, table: pd.DataFrame) -> None:
    expected = SCHEMAS[name]
    actual = [(column, str(dtype)) for column, dtype in table.dtypes.items()]
    if actual != expected:
        raise AssertionError(f"table {name} does not follow its schema: {actual}")


def _write_csv(table: pd.DataFrame, path: Path) -> None:
    # Columns are object-converted first so every float is written by repr().
    table.astype(object).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def _write_atomically(path: Path, write: Callable[[Path], Any]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
