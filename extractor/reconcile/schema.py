"""Table names, columns and pandas dtypes of the dataset; ``docs/dataset.md`` describes them.

One place for the schema: :mod:`extractor.reconcile.tables` builds every frame
through :func:`frame`, which sets these dtypes explicitly, and the tests read the
written Parquet back against them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

MULTI_VALUE_SEPARATOR = " | "
DATASET_FORMAT = "reconciled-dataset/1"

# Order of tables in dataset.json and of files written.
TABLE_NAMES = ("works", "people", "characters", "credits", "relations", "conflicts", "entities")

_COUNTS = [("n_articles", "Int64"), ("n_mentions", "Int64"), ("article_ids", "string")]
_SUPPORT = [
    ("n_articles", "Int64"),
    ("article_ids", "string"),
    ("first_published", "string"),
    ("last_published", "string"),
    ("confidence", "float64"),
]

SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "works": [
        ("id", "string"),
        ("title", "string"),
        ("type", "string"),
        ("year", "Int64"),
        ("release_date", "string"),
        ("release_dates", "string"),
        ("directors", "string"),
        ("screenwriters", "string"),
        ("producers", "string"),
        ("composers", "string"),
        ("creators", "string"),
        ("cast", "string"),
        ("distributors", "string"),
        ("production_companies", "string"),
        ("original_broadcasters", "string"),
        ("part_of_series", "string"),
        ("aliases", "string"),
        *_COUNTS,
    ],
    "people": [
        ("id", "string"),
        ("name", "string"),
        ("aliases", "string"),
        ("roles", "string"),
        ("works", "string"),
        ("work_ids", "string"),
        ("date_of_death", "string"),
        *_COUNTS,
    ],
    "characters": [
        ("id", "string"),
        ("name", "string"),
        ("aliases", "string"),
        ("works", "string"),
        ("work_ids", "string"),
        ("actors", "string"),
        ("actor_ids", "string"),
        *_COUNTS,
    ],
    "credits": [
        ("work_id", "string"),
        ("work", "string"),
        ("person_id", "string"),
        ("person", "string"),
        ("role", "string"),
        ("character_id", "string"),
        ("character", "string"),
        ("current", "boolean"),
        *_SUPPORT,
    ],
    "relations": [
        ("relation_id", "string"),
        ("relation", "string"),
        ("head_id", "string"),
        ("head", "string"),
        ("head_type", "string"),
        ("tail_id", "string"),
        ("tail", "string"),
        ("tail_type", "string"),
        ("character_id", "string"),
        ("character", "string"),
        ("work_id", "string"),
        ("work", "string"),
        ("region", "string"),
        ("current", "boolean"),
        *_SUPPORT,
        ("evidence", "string"),
    ],
    "conflicts": [
        ("conflict_id", "string"),
        ("subject_id", "string"),
        ("subject", "string"),
        ("relation", "string"),
        ("character_id", "string"),
        ("character", "string"),
        ("region", "string"),
        ("value", "string"),
        ("value_id", "string"),
        ("current", "boolean"),
        ("decided_by", "string"),
        *_SUPPORT,
        ("evidence", "string"),
    ],
    "entities": [
        ("id", "string"),
        ("type", "string"),
        ("name", "string"),
        ("aliases", "string"),
        *_COUNTS,
    ],
}


def join_values(values: Iterable[str]) -> str:
    """A multi-valued cell: distinct values, sorted by code point, joined with `` | ``.

    Whitespace inside a value is collapsed and a ``|`` in it becomes ``/``, so splitting
    the cell on `` | `` always gives the values back. No values give the empty string.

    Args:
        values: the values.

    Returns:
        The cell text.
    """
    cleaned = {" ".join(value.replace("|", "/").split()) for value in values}
    return MULTI_VALUE_SEPARATOR.join(sorted(value for value in cleaned if value))


def frame(table: str, rows: Iterable[Mapping[str, Any]], sort_by: list[str]) -> pd.DataFrame:
    """A table as a DataFrame with the schema's columns and dtypes, rows sorted.

    Args:
        table: one of :data:`TABLE_NAMES`.
        rows: one mapping per row holding every column (None for missing).
        sort_by: columns giving the row order; missing values sort first.

    Returns:
        The frame, index ``0..n-1``.
    """
    columns = SCHEMAS[table]
    names = [name for name, _ in columns]
    rows = list(rows)
    # Sorting in Python on (is-present, value) keeps the order exact and dtype-independent.
    rows.sort(key=lambda row: tuple(_sort_part(row[column]) for column in [*sort_by, *names]))
    data = {name: pd.array([row[name] for row in rows], dtype=dtype) for name, dtype in columns}
    return pd.DataFrame(data, columns=names)


def _sort_part(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value))


def frame_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as JSON-ready dicts: missing values None, numbers as Python types.

    Args:
        table: a frame built by :func:`frame`.

    Returns:
        One dict per row, keys in column order.
    """
    columns = [(column, str(dtype)) for column, dtype in table.dtypes.items()]
    return [
        {
            column: _plain_value(value, dtype)
            for (column, dtype), value in zip(columns, row, strict=True)
        }
        for row in table.itertuples(index=False, name=None)
    ]


def _plain_value(value: Any, dtype: str) -> Any:
    if value is pd.NA or value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if dtype == "Int64":
        return int(value)
    if dtype == "boolean":
        return bool(value)
    if dtype == "float64":
        return float(value)
    return str(value)
