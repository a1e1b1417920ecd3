"""Reconciliation: many per-article annotations into one dataset.

Public API::

    dataset = build_dataset(annotations, articles)   # a pure function of the set of annotations
    write_dataset(dataset, out_dir)                   # CSV, Parquet and dataset.json

Entity resolution, fact merging, conflicts and the current-value rule are described
in ``docs/dataset.md`` and in the docstrings of :mod:`.resolve` and :mod:`.facts`.
"""

from extractor.reconcile.build import Dataset, build_dataset
from extractor.reconcile.settings import ReconcileSettings, default_settings
from extractor.reconcile.write import write_dataset

__all__ = ["Dataset", "ReconcileSettings", "build_dataset", "default_settings", "write_dataset"]
