"""Throughput of the full pipeline against bare ``nlp.pipe`` of the same spaCy model.

Both phases run in this one process over the same texts (the first ``--limit`` articles of
the BBC corpus, read through the project's ingest so the text is what ``extractor run`` sees).
Each phase loads its pipeline, runs a warm-up over the first ``--warmup`` texts, then is timed
over all texts:

* bare: ``spacy.load(resolve_model_name(model))`` and ``nlp.pipe(texts)``;
* full: ``build_pipeline(model)``, the article metadata set on each doc as the runner does,
  and ``doc_to_annotation`` for each processed doc.

Prints tokens per second of both, their ratio and the target (0.8), and the peak resident
memory of each phase (``VmHWM``, reset between phases where Linux allows it; otherwise the
process peak from ``getrusage``, which only grows). ``--repeat N`` alternates the phases N times
and keeps the best speed of each, which damps interference from other processes (the load
average is printed for that reason). ``--profile`` adds the time spent in each component.

Usage::

    python bench/throughput.py [--limit 500] [--batch-size 32] [--model en_core_web_sm]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

BBC_CORPUS = Path("/work/shared/data/bbc/articles.jsonl")
TARGET_RATIO = 0.8


@dataclass
class Phase:
    name: str
    seconds: float
    tokens: int
    load_seconds: float
    peak_rss_mib: float

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else float("nan")


def reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark of this process (Linux >= 4.0); False when not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_mib() -> float:
    """Peak resident memory in MiB: ``VmHWM`` (resettable) or ``ru_maxrss`` as a fallback."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / 1024 if sys.platform != "darwin" else maxrss / 1024 / 1024


def current_rss_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def load_articles(corpus: Path, limit: int) -> list:
    """The first ``limit`` articles of ``corpus``, ingested as ``extractor run`` would."""
    from extractor.ingest import Article, iter_articles

    articles = (item for item in iter_articles([corpus]) if isinstance(item, Article))
    return list(itertools.islice(articles, limit))


def run_phase(
    name: str, load: Callable[[], object], process: Callable[[object, list], int], articles, warmup
) -> Phase:
    gc.collect()
    reset_peak_rss()
    started = time.perf_counter()
    nlp = load()
    load_seconds = time.perf_counter() - started
    process(nlp, articles[:warmup])
    started = time.perf_counter()
    tokens = process(nlp, articles)
    seconds = time.perf_counter() - started
    phase = Phase(name, seconds, tokens, load_seconds, peak_rss_mib())
    del nlp
    gc.collect()
    return phase


def bare_tokens(batch_size: int) -> Callable[[object, list], int]:
    def process(nlp, articles) -> int:
        texts = (article.text for article in articles)
        return sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))

    return process


def full_tokens(batch_size: int) -> Callable[[object, list], int]:
    from extractor.pipeline.annotate import doc_to_annotation

    def process(nlp, articles) -> int:
        def docs() -> Iterator[tuple[object, object]]:
            for article in articles:
                doc = nlp.make_doc(article.text)
                doc._.article_id = article.id
                doc._.published = article.published
                doc._.title = article.title
                doc._.emphasis = [list(span) for span in article.emphasis]
                yield doc, article

        tokens = 0
        for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            doc_to_annotation(
                doc, article.id, article.title, article.published, article.url, article.text_sha256
            )
            tokens += len(doc)
        return tokens

    return process


def profile_components(model: str, articles: list, batch_size: int) -> list[tuple[str, float]]:
    """Seconds spent in each pipeline component (model components together), one pass."""
    from extractor.pipeline import build_pipeline
    from extractor.pipeline.annotate import doc_to_annotation

    nlp = build_pipeline(model)
    project = [name for name in nlp.pipe_names if name in _project_components()]
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    with nlp.select_pipes(disable=project):
        docs = []
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article_id = article.id
            doc._.published = article.published
            doc._.emphasis = [list(span) for span in article.emphasis]
            docs.append(doc)
        docs = list(nlp.pipe(docs, batch_size=batch_size))
    others = ", ".join(name for name in nlp.pipe_names if name not in project)
    timings.append((f"model and others ({others})", time.perf_counter() - started))
    for name in project:
        component = nlp.get_pipe(name)
        started = time.perf_counter()
        docs = [component(doc) for doc in docs]
        timings.append((name, time.perf_counter() - started))
    started = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        doc_to_annotation(doc, article.id, article.title, article.published, article.url)
    timings.append(("doc_to_annotation", time.perf_counter() - started))
    return timings


def _project_components() -> tuple[str, ...]:
    from extractor.pipeline import PROJECT_COMPONENTS

    return PROJECT_COMPONENTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=500, help="articles (default: %(default)s)")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy model")
    parser.add_argument("--warmup", type=int, default=20, help="warm-up articles, not timed")
    parser.add_argument("--corpus", type=Path, default=BBC_CORPUS, help="articles JSONL")
    parser.add_argument("--repeat", type=int, default=1, help="alternate the phases N times")
    parser.add_argument("--profile", action="store_true", help="time each component as well")
    args = parser.parse_args(argv)

    if not args.corpus.is_file():
        print(f"bench: corpus {args.corpus} not found; pass --corpus PATH", file=sys.stderr)
        return 2
    import spacy

    from extractor.errors import UserError
    from extractor.pipeline import build_pipeline, resolve_model_name

    try:
        resolved = resolve_model_name(args.model)
    except UserError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    articles = load_articles(args.corpus, args.limit)
    if not articles:
        print(f"bench: no articles in {args.corpus}", file=sys.stderr)
        return 2
    warmup = min(args.warmup, len(articles))
    resettable = reset_peak_rss()
    print(
        f"{len(articles)} articles from {args.corpus}, model {args.model} ({resolved}), "
        f"batch size {args.batch_size}, warm-up {warmup} articles (not timed)"
    )
    print(f"memory before the phases: {current_rss_mib():.0f} MiB resident")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    phases: dict[str, list[Phase]] = {"bare nlp.pipe": [], "full pipeline": []}
    for _ in range(max(1, args.repeat)):
        phases["bare nlp.pipe"].append(
            run_phase(
                "bare nlp.pipe",
                lambda: spacy.load(resolved),
                bare_tokens(args.batch_size),
                articles,
                warmup,
            )
        )
        phases["full pipeline"].append(
            run_phase(
                "full pipeline",
                lambda: build_pipeline(args.model),
                full_tokens(args.batch_size),
                articles,
                warmup,
            )
        )
    bare, full = (min(runs, key=lambda phase: phase.seconds) for runs in phases.values())
    runs = {
        name: ", ".join(f"{p.tokens_per_second:.0f}" for p in ps) for name, ps in phases.items()
    }
    if bare.tokens != full.tokens:
        print(f"warning: token counts differ ({bare.tokens} vs {full.tokens})", file=sys.stderr)

    print(f"{'phase':<15} {'load s':>7} {'run s':>7} {'tokens':>8} {'tokens/s':>9} {'peak MiB':>9}")
    for phase in (bare, full):
        print(
            f"{phase.name:<15} {phase.load_seconds:>7.2f} {phase.seconds:>7.2f} "
            f"{phase.tokens:>8} {phase.tokens_per_second:>9.0f} {phase.peak_rss_mib:>9.0f}"
        )
    if args.repeat > 1:
        for name, speeds in runs.items():
            print(f"  {name} tokens/s per repeat: {speeds} (best kept)")
    if not resettable:
        print("(peak MiB is the process peak so far: the kernel mark could not be reset)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ratio = full.tokens_per_second / bare.tokens_per_second
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"ratio full/bare: {ratio:.2f} (target >= {TARGET_RATIO}: {verdict})")

    if args.profile:
        print("time per component (one pass, no warm-up):")
        timings = profile_components(args.model, articles, args.batch_size)
        total = sum(seconds for _, seconds in timings)
        for name, seconds in timings:
            print(f"  {name:<60} {seconds:>7.2f} s {100 * seconds / total:>5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
