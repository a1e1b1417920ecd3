"""Memory of a streaming run: does the resident set grow with the number of articles?

Streams the BBC corpus through the full pipeline exactly as ``extractor run`` does (ingest,
``nlp.pipe``, ``doc_to_annotation``, ``RunWriter`` into a temporary folder) and prints, after
each checkpoint (by default 200, 1000 and 2000 articles), the current resident memory, the
process's peak so far (which only grows: one long batch raises it for good), the peak within
the interval since the previous checkpoint (``VmHWM``, reset at each checkpoint; Linux only;
resetting it resets ``getrusage``'s max RSS too, so the process peak is the maximum of the
interval peaks), and the size of the spaCy StringStore, which grows with every new
word. Memory that does not grow with the corpus shows as flat interval peaks. ``--dataset``
then also builds the reconciled dataset over what was written (the last step of a run) and
prints the peak after it.

Usage::

    python bench/memory.py [--checkpoints 200,1000,2000] [--batch-size 32] [--model NAME]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

BBC_CORPUS = Path("/work/shared/data/bbc/articles.jsonl")


def _status_mib(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (``VmHWM``) of this process; False when not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def max_rss_mib() -> float:
    """Peak resident memory (``getrusage``) in MiB, since the start or the last reset."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / 1024 if sys.platform != "darwin" else maxrss / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--checkpoints", default="200,1000,2000", help="article counts (default: %(default)s)"
    )
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy model")
    parser.add_argument("--corpus", type=Path, default=BBC_CORPUS, help="articles JSONL")
    parser.add_argument("--dataset", action="store_true", help="also build the dataset at the end")
    args = parser.parse_args(argv)
    try:
        checkpoints = sorted({int(value) for value in args.checkpoints.split(",")})
    except ValueError:
        print(
            f"bench: --checkpoints takes counts like 200,1000: {args.checkpoints!r}",
            file=sys.stderr,
        )
        return 2
    if not args.corpus.is_file():
        print(f"bench: corpus {args.corpus} not found; pass --corpus PATH", file=sys.stderr)
        return 2

    from extractor.errors import UserError
    from extractor.export import ANNOTATIONS_FILE, ARTICLES_FILE, RunWriter, article_record
    from extractor.ingest import Article, iter_articles
    from extractor.pipeline import build_pipeline
    from extractor.pipeline.annotate import doc_to_annotation

    try:
        nlp = build_pipeline(args.model)
    except UserError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    limit = checkpoints[-1]

    def docs():
        count = 0
        for item in iter_articles([args.corpus]):
            if not isinstance(item, Article):
                continue
            doc = nlp.make_doc(item.text)
            doc._.article_id = item.id
            doc._.published = item.published
            doc._.title = item.title
            doc._.emphasis = [list(span) for span in item.emphasis]
            yield doc, item
            count += 1
            if count == limit:
                return

    print(
        f"model {args.model}, batch size {args.batch_size}, corpus {args.corpus}; "
        f"after loading: {_status_mib('VmRSS'):.0f} MiB resident, max {max_rss_mib():.0f} MiB"
    )
    print(
        f"{'articles':>8} {'tokens':>9} {'seconds':>8} {'RSS MiB':>8} {'max RSS MiB':>12} "
        f"{'interval peak':>13} {'strings':>8}"
    )
    process_peak = max_rss_mib()
    resettable = reset_peak_rss()
    started = time.perf_counter()
    processed = tokens = 0
    pending = list(checkpoints)
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        out = Path(folder)
        with RunWriter(out) as writer:
            for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=args.batch_size):
                annotation = doc_to_annotation(
                    doc,
                    article.id,
                    article.title,
                    article.published,
                    article.url,
                    article.text_sha256,
                )
                writer.write_article(article_record(article), annotation)
                processed += 1
                tokens += len(doc)
                if pending and processed == pending[0]:
                    pending.pop(0)
                    interval_peak = max_rss_mib()
                    process_peak = max(process_peak, interval_peak)
                    print(
                        f"{processed:>8} {tokens:>9} {time.perf_counter() - started:>8.1f} "
                        f"{_status_mib('VmRSS'):>8.0f} {process_peak:>12.0f} "
                        f"{interval_peak if resettable else float('nan'):>13.0f} "
                        f"{len(nlp.vocab.strings):>8}",
                        flush=True,
                    )
                    reset_peak_rss()
        if pending:
            process_peak = max(process_peak, max_rss_mib())
            print(f"the corpus ended after {processed} articles (max RSS {process_peak:.0f} MiB)")
        if args.dataset:
            from extractor.export import read_jsonl
            from extractor.reconcile import build_dataset, write_dataset
            from extractor.runner import ArticleStore

            process_peak = max(process_peak, max_rss_mib())
            reset_peak_rss()
            started = time.perf_counter()
            dataset = build_dataset(
                read_jsonl(out / ANNOTATIONS_FILE), ArticleStore(out / ARTICLES_FILE)
            )
            write_dataset(dataset, out / "dataset")
            print(
                f"dataset over {processed} articles: {time.perf_counter() - started:.1f} s, "
                f"RSS {_status_mib('VmRSS'):.0f} MiB, peak during it {max_rss_mib():.0f} MiB, "
                f"process max RSS {max(process_peak, max_rss_mib()):.0f} MiB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
