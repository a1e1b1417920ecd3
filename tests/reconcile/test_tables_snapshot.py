"""Snapshots of every table for the small synthetic corpus (pytest-regressions).

Regenerate after an intended change with ``pytest tests/reconcile --force-regen`` and review
the YAML diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_regressions.data_regression import DataRegressionFixture
from pytest_regressions.file_regression import FileRegressionFixture

from extractor.reconcile import build_dataset, write_dataset

from .factory import synthetic_corpus


@pytest.mark.regression
def test_tables_snapshot(data_regression: DataRegressionFixture) -> None:
    annotations, articles = synthetic_corpus()
    data_regression.check(build_dataset(annotations, articles).to_dict())


@pytest.mark.regression
@pytest.mark.parametrize("table", ["works", "credits"])
def test_tables_csv_snapshot(
    file_regression: FileRegressionFixture, tmp_path: Path, table: str
) -> None:
    # Pins the CSV notation itself: booleans, blanks for missing values, float text.
    annotations, articles = synthetic_corpus()
    write_dataset(build_dataset(annotations, articles), tmp_path)
    text = (tmp_path / f"{table}.csv").read_text(encoding="utf-8")
    file_regression.check(text, extension=".csv", basename=f"{table}_csv")
