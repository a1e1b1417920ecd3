"""``build_dataset`` is a function of the set of annotations: order, batching and repeats
never change a byte of the written files."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.reconcile import build_dataset, write_dataset

from .factory import synthetic_corpus

ANNOTATIONS, ARTICLES = synthetic_corpus()


def _written_bytes(annotations: list[dict]) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "dataset"
        write_dataset(build_dataset(iter(annotations), ARTICLES), out)
        return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


REFERENCE = _written_bytes(ANNOTATIONS)


@st.composite
def reordered_batches(draw: st.DrawFn) -> list[dict]:
    """The corpus shuffled, split into an old and a new batch whose union is taken (the way
    ``--update`` combines cached and new annotations), some articles repeated, and each
    article's entity and relation lists shuffled."""
    order = draw(st.permutations(ANNOTATIONS))
    cut = draw(st.integers(min_value=0, max_value=len(order)))
    old, new = list(order[:cut]), list(order[cut:])
    repeated = draw(st.lists(st.sampled_from(ANNOTATIONS), max_size=3))
    union = [*new, *repeated, *old] if draw(st.booleans()) else [*old, *repeated, *new]
    shuffled = []
    for annotation in union:
        annotation = copy.deepcopy(annotation)
        annotation["entities"] = draw(st.permutations(annotation["entities"]))
        annotation["relations"] = draw(st.permutations(annotation["relations"]))
        shuffled.append(annotation)
    return shuffled


@settings(max_examples=25, deadline=None)
@given(reordered_batches())
def test_build_output_bytes_independent_of_order_batches_and_repeats(
    annotations: list[dict],
) -> None:
    assert _written_bytes(annotations) == REFERENCE


def test_build_reference_output_is_not_empty() -> None:
    # Guards the property above against comparing two empty outputs.
    assert len(REFERENCE) == 15
    assert REFERENCE["works.csv"].count(b"\n") == 6
