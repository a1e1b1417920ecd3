"""``extractor run``: ingest -> spaCy pipeline -> per-article files -> dataset.

Articles stream through ``nlp.pipe``: nothing but the current batch is held in
memory. An article that cannot be read or processed is written to
``errors.jsonl`` and the run goes on. With ``update``, articles already in the
output folder (same id, same text hash, same pipeline) are not processed again:
their stored annotations are reused, and the dataset is rebuilt over all of them.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extractor import __version__
from extractor.errors import OutputError
from extractor.export import ANNOTATIONS_FILE, ARTICLES_FILE, RunWriter, article_record, read_jsonl
from extractor.ingest import Article, IngestFailure, check_inputs, iter_articles

log = logging.getLogger(__name__)
MANIFEST_FILE = "run.json"
DATASET_DIR = "dataset"


@dataclass(frozen=True)
class RunOptions:
    """Settings of one run.

    Args:
        model: spaCy model name or path.
        workers: processes for ``nlp.pipe`` (``n_process``).
        batch_size: documents per batch.
        update: merge into an existing output folder, reusing unchanged articles.
        progress: show a progress bar on stderr.
    """

    model: str = "en_core_web_sm"
    workers: int = 1
    batch_size: int = 32
    update: bool = False
    progress: bool = True


@dataclass
class RunSummary:
    """Counts of a finished run."""

    articles: int = 0
    reused: int = 0
    entities: int = 0
    relations: int = 0
    failures: int = 0
    seconds: float = 0.0
    failure_reasons: list[str] = field(default_factory=list)

    def one_line(self) -> str:
        """``articles 40 (reused 0), entities 812, relations 640, failures 0, 12.3 s``."""
        warning = f" — {self.failures} warning(s), see errors.jsonl" if self.failures else ""
        return (
            f"extractor: articles {self.articles} (reused {self.reused}), "
            f"entities {self.entities}, relations {self.relations}, "
            f"failures {self.failures}, {self.seconds:.1f} s{warning}"
        )


class ArticleStore(Mapping):
    """Read-only ``id -> record`` view of a JSONL file keyed by ``id``, loaded on demand.

    Only the byte offset of each record is kept in memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offsets: dict[str, int] = {}
        with path.open("rb") as handle:
            offset = 0
            for line in handle:
                if line.strip():
                    record_id = json.loads(line)["id"]
                    self._offsets[record_id] = offset
                offset += len(line)

    def __getitem__(self, key: str) -> dict:
        with self.path.open("rb") as handle:
            handle.seek(self._offsets[key])
            return json.loads(handle.readline())

    def __iter__(self):
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


def pipeline_signature(nlp, model: str) -> dict:
    """What must match for a stored annotation to be reused by ``--update``."""
    return {
        "extractor_version": __version__,
        "model": model,
        "model_version": nlp.meta.get("version"),
        "components": list(nlp.pipe_names),
    }


def _load_previous(out_dir: Path, signature: dict) -> dict[str, tuple[str, str | None]]:
    """``id -> (text_sha256, title)`` of the previous run in ``out_dir``: the headline is
    read too (it names the article's main work), so a changed one is run again."""
    manifest = out_dir / MANIFEST_FILE
    if not manifest.is_file() or not (out_dir / ARTICLES_FILE).is_file():
        raise OutputError(f"--update: {out_dir} holds no previous run (no {MANIFEST_FILE})")
    previous = json.loads(manifest.read_text(encoding="utf-8"))
    if previous != signature:
        raise OutputError(
            f"--update: {out_dir} was written by another pipeline ({previous.get('model')}, "
            f"extractor {previous.get('extractor_version')}); run again without --update"
        )
    return {
        record["id"]: (record["text_sha256"], record.get("title"))
        for record in read_jsonl(out_dir / ARTICLES_FILE)
    }


def _progress(enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="article", file=sys.stderr, dynamic_ncols=True, leave=False)


def run(inputs: list[str], out_dir: Path, options: RunOptions) -> RunSummary:
    """Process ``inputs`` into ``out_dir``; see the module docstring.

    Raises:
        InputPathError: an input path does not exist.
        ModelNotFoundError: the model is not installed.
        OutputError: the output folder cannot be written, or ``--update`` finds no usable run.
    """
    from extractor.pipeline import build_pipeline

    started = time.perf_counter()
    check_inputs(inputs)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} exists and is not a folder")
    nlp = build_pipeline(options.model)
    signature = pipeline_signature(nlp, options.model)
    previous = _load_previous(out_dir, signature) if options.update else {}
    summary = RunSummary()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    except OSError as error:
        raise OutputError(f"cannot write to {out_dir}: {error}") from error
    try:
        with RunWriter(staging) as writer:
            bar = _progress(options.progress)
            new_ids: set[str] = set()
            for article, annotation in _process(
                nlp, inputs, previous, out_dir, options, writer, summary
            ):
                new_ids.add(article["id"])
                writer.write_article(article, annotation)
                summary.entities += len(annotation["entities"])
                summary.relations += len(annotation["relations"])
                summary.articles += 1
                if bar is not None:
                    bar.update(1)
            if options.update:
                # articles of the previous run that this run did not mention are kept as they were
                for article, annotation in _stored(out_dir, exclude=new_ids):
                    writer.write_article(article, annotation)
                    summary.entities += len(annotation["entities"])
                    summary.relations += len(annotation["relations"])
                    summary.articles += 1
                    summary.reused += 1
            if bar is not None:
                bar.close()
        (staging / MANIFEST_FILE).write_text(
            json.dumps(signature, indent=1) + "\n", encoding="utf-8"
        )
        _write_dataset(staging)
        for item in staging.iterdir():
            target = out_dir / item.name
            if target.is_dir():
                shutil.rmtree(target)
            item.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _write_dataset(folder: Path) -> None:
    from extractor.reconcile import build_dataset, write_dataset

    articles = ArticleStore(folder / ARTICLES_FILE)
    dataset = build_dataset(read_jsonl(folder / ANNOTATIONS_FILE), articles)
    write_dataset(dataset, folder / DATASET_DIR)


def _stored(out_dir: Path, exclude: set[str]) -> Iterator[tuple[dict, dict]]:
    annotations = read_jsonl(out_dir / ANNOTATIONS_FILE)
    for article, annotation in zip(read_jsonl(out_dir / ARTICLES_FILE), annotations, strict=True):
        if article["id"] not in exclude:
            yield article, annotation


def _process(
    nlp, inputs, previous, out_dir, options, writer, summary
) -> Iterator[tuple[dict, dict]]:
    """Yield ``(article record, annotation)`` in input order; failures go to ``writer``."""
    from extractor.pipeline.annotate import doc_to_annotation

    pending: deque[Article] = deque()
    failures: dict[str, str] = {}
    reusable: set[str] = set()
    if previous:
        old_articles = ArticleStore(out_dir / ARTICLES_FILE)
        old_annotations = ArticleStore(out_dir / ANNOTATIONS_FILE)

    def reuse(article_id: str) -> tuple[dict, dict]:
        summary.reused += 1
        return old_articles[article_id], old_annotations[article_id]

    def on_error(component_name, component, docs, error) -> None:
        for doc in docs:
            failures[doc._.article_id] = f"{component_name} failed: {type(error).__name__}: {error}"

    # Components without their own pipe() report here; the failing doc is dropped by spaCy.
    nlp.default_error_handler = on_error

    def docs() -> Iterator[tuple[object, int]]:
        for item in iter_articles(inputs):
            if isinstance(item, IngestFailure):
                writer.write_failure(item.source, item.reason, item.id)
                summary.failures += 1
                continue
            if previous.get(item.id) == (item.text_sha256, item.title):
                reusable.add(item.id)
                pending.append(item)
                continue
            doc = nlp.make_doc(item.text)
            doc._.article_id = item.id
            doc._.published = item.published
            doc._.title = item.title
            doc._.emphasis = [list(span) for span in item.emphasis]
            pending.append(item)
            yield doc, len(pending)

    def flush_reused() -> Iterator[tuple[dict, dict]]:
        while pending and pending[0].id in reusable:
            yield reuse(pending.popleft().id)

    stream = nlp.pipe(
        docs(), as_tuples=True, batch_size=options.batch_size, n_process=options.workers
    )
    for doc, _ in stream:
        yield from flush_reused()
        while pending and pending[0].id != doc._.article_id:
            lost = pending.popleft()
            if lost.id in reusable:
                yield reuse(lost.id)
                continue
            _fail(writer, summary, lost, failures.get(lost.id, "processing failed"))
        article = pending.popleft()
        annotation = doc_to_annotation(
            doc, article.id, article.title, article.published, article.url, article.text_sha256
        )
        yield article_record(article), annotation
    yield from flush_reused()
    while pending:
        lost = pending.popleft()
        if lost.id in reusable:
            yield reuse(lost.id)
            continue
        _fail(writer, summary, lost, failures.get(lost.id, "processing failed"))


def _fail(writer: RunWriter, summary: RunSummary, article: Article, reason: str) -> None:
    log.warning("article %s skipped: %s", article.id, reason)
    writer.write_failure(article.source, reason, article.id)
    summary.failures += 1
