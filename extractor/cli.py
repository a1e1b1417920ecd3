"""Command line: ``extractor run | evaluate | validate``.

Every user-caused error ends in one line on stderr and a non-zero exit status;
argparse usage errors exit with status 2 as well.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from extractor import __version__
from extractor.errors import UserError

DEFAULT_MODEL = "en_core_web_sm"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Extract people, works, characters, credits and dates from entertainment news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="extract annotations and tables from article files")
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders (recursive)")
    run.add_argument("--out", required=True, type=Path, help="output folder")
    run.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model (default: %(default)s)")
    run.add_argument("--workers", type=int, default=1, help="processes for nlp.pipe (default: 1)")
    run.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch")
    run.add_argument(
        "--update",
        action="store_true",
        help="merge into an existing output folder, re-extracting only articles not seen before",
    )
    run.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    evaluate = commands.add_parser("evaluate", help="score predictions against gold annotations")
    evaluate.add_argument("gold", type=Path, help="gold: v1 file, folder or JSONL, or DocRED JSON")
    evaluate.add_argument("pred", type=Path, help="predictions: v1 file, folder or JSONL")
    evaluate.add_argument("--report", type=Path, default=None, help="write a report folder")
    evaluate.add_argument(
        "--articles", type=Path, default=None, help="articles.jsonl holding the texts (optional)"
    )

    validate = commands.add_parser("validate", help="check annotation files against the format")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument(
        "--articles", type=Path, default=None, help="articles.jsonl holding the texts (optional)"
    )
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from extractor.runner import RunOptions, run

        if args.workers < 1:
            raise UserError("--workers must be 1 or more")
        if args.batch_size < 1:
            raise UserError("--batch-size must be 1 or more")
        options = RunOptions(
            model=args.model,
            workers=args.workers,
            batch_size=args.batch_size,
            update=args.update,
            progress=not args.no_progress,
        )
        summary = run(args.inputs, args.out, options)
        print(summary.one_line(), file=sys.stderr)
        return 0
    if args.command == "evaluate":
        from extractor.evaluation import evaluate_command

        return evaluate_command(args.gold, args.pred, args.report, articles=args.articles)
    if args.command == "validate":
        from extractor.evaluation import validate_command

        return validate_command(args.paths, articles=args.articles)
    raise AssertionError(f"unhandled command {args.command}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``extractor`` console script and ``python -m extractor``.

    Args:
        argv: arguments without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The process exit status.
    """
    logging.basicConfig(level=logging.WARNING, format="extractor: %(levelname)s: %(message)s")
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    except UserError as error:
        print(f"extractor: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
