"""``write_dataset``: files, dtypes, the multi-value convention, and write errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extractor.errors import OutputError
from extractor.reconcile import build_dataset, write_dataset
from extractor.reconcile.schema import SCHEMAS, TABLE_NAMES

from .factory import split, synthetic_corpus


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    annotations, articles = synthetic_corpus()
    out = tmp_path_factory.mktemp("run") / "dataset"
    write_dataset(build_dataset(annotations, articles), out)
    return out


def test_write_creates_every_file(written: Path) -> None:
    expected = {f"{name}.{ext}" for name in TABLE_NAMES for ext in ("csv", "parquet")}
    assert {path.name for path in written.iterdir()} == expected | {"dataset.json"}


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_write_parquet_keeps_columns_and_dtypes(written: Path, table: str) -> None:
    frame = pd.read_parquet(written / f"{table}.parquet")
    assert [(column, str(dtype)) for column, dtype in frame.dtypes.items()] == SCHEMAS[table]


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_write_csv_parquet_and_json_hold_the_same_rows(written: Path, table: str) -> None:
    from_parquet = pd.read_parquet(written / f"{table}.parquet")
    dtypes = dict(SCHEMAS[table])
    numeric_blanks = {column: [""] for column, dtype in dtypes.items() if dtype != "string"}
    from_csv = pd.read_csv(
        written / f"{table}.csv", dtype=dtypes, keep_default_na=False, na_values=numeric_blanks
    )
    records = json.loads((written / "dataset.json").read_text("utf-8"))["tables"][table]
    assert len(from_csv) == len(from_parquet) == len(records)
    assert list(from_csv.columns) == list(from_parquet.columns) == list(records[0])
    # CSV cannot tell an empty string from a missing one; compare with both as "".
    left = from_csv.astype(object).where(from_csv.notna(), "")
    right = from_parquet.astype(object).where(from_parquet.notna(), "")
    assert left.to_dict("records") == right.to_dict("records")


def test_write_json_uses_null_and_numbers(written: Path) -> None:
    payload = json.loads((written / "dataset.json").read_text("utf-8"))
    assert payload["format"] == "reconciled-dataset/1"
    assert list(payload["tables"]) == list(TABLE_NAMES)
    works = {work["id"]: work for work in payload["tables"]["works"]}
    assert works["work:cold-meridian"]["year"] is None
    assert works["work:ballerina-2025"]["year"] == 2025
    credit = payload["tables"]["credits"][0]
    assert isinstance(credit["current"], bool)
    assert isinstance(credit["confidence"], float)


def test_write_multi_valued_cells_are_sorted_and_pipe_joined(written: Path) -> None:
    people = pd.read_csv(written / "people.csv", keep_default_na=False)
    aliases = people.set_index("name").loc["Ana de Armas", "aliases"]
    assert aliases == "De Armas | de Armas"
    for table in TABLE_NAMES:
        frame = pd.read_parquet(written / f"{table}.parquet")
        for column in ("aliases", "article_ids", "evidence", "works", "release_dates"):
            if column in frame:
                for cell in frame[column].dropna():
                    assert split(cell) == sorted(set(split(cell)))


def test_write_replaces_previous_files(tmp_path: Path) -> None:
    annotations, articles = synthetic_corpus()
    out = tmp_path / "dataset"
    write_dataset(build_dataset(annotations, articles), out)
    write_dataset(build_dataset(annotations[:1], articles), out)
    assert pd.read_parquet(out / "works.parquet")["title"].tolist() == ["John Wick: Chapter 4"]
    assert not [path for path in out.iterdir() if path.name.endswith(".tmp")]


def test_write_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    annotations, articles = synthetic_corpus()
    with pytest.raises(OutputError):
        write_dataset(build_dataset(annotations, articles), blocker / "dataset")


def test_write_empty_dataset_keeps_the_schema(tmp_path: Path) -> None:
    write_dataset(build_dataset([], {}), tmp_path)
    for table in TABLE_NAMES:
        frame = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert frame.empty
        assert [(column, str(dtype)) for column, dtype in frame.dtypes.items()] == SCHEMAS[table]
        header = (tmp_path / f"{table}.csv").read_text(encoding="utf-8")
        assert header == ",".join(column for column, _ in SCHEMAS[table]) + "\n"
