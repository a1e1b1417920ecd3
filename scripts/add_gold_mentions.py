"""Add ``mentions`` and ``text_sha256`` to the gold annotation drafts in ``annotations/``.

Gold drafts name each entity (``name``, ``aliases``) but carry no offsets. This script ingests the
corpus with ``extractor.ingest`` - so offsets refer to exactly the text the pipeline uses - and
writes back every gold file with:

- ``text_sha256`` of the article text;
- for every entity, ``mentions``: each occurrence of its name and aliases in the text (exact,
  case-sensitive, on word boundaries; straight and curly apostrophes count as the same), as
  ``{"start", "end", "text"}`` sorted by start. A match inside a longer match of another entity
  is dropped (``John Wick`` inside ``John Wick: Chapter 4`` belongs to the film only); the same
  span matched by entities of different types (a film and a character both called ``John Wick``)
  is kept for each and reported as a warning.

Errors (exit status 1): a name or alias that never occurs in the text, an entity without any
mention, a gold file without a corpus article, a corpus file that fails to ingest, a malformed
gold file. Warnings: a span shared by several entities (kept for each; also when they have the
same type, as a remake and the original film sharing a title), crossing spans, an entity whose
every occurrence lies inside another entity's longer name, corpus articles without gold, and,
with ``--check``, gold files that are out of date. Re-running replaces the mentions, so the
script is idempotent.

Usage::

    python scripts/add_gold_mentions.py [--corpus DIR] [--annotations DIR] [--check]
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import InputPathError, UserError
from extractor.ingest import Article, IngestFailure, iter_articles

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT / "corpus"
DEFAULT_ANNOTATIONS = REPO_ROOT / "annotations"

# Writers of gold type whichever apostrophe their keyboard gives; articles use all of these.
APOSTROPHES = "'\u2019\u2018\u02bc"
_APOSTROPHE_CLASS = "[" + re.escape(APOSTROPHES) + "]"


@dataclass(frozen=True)
class Problem:
    """One finding of the run.

    Attributes:
        severity: ``"error"`` (makes the run fail) or ``"warning"``.
        where: the file (or article) concerned.
        message: one sentence.
    """

    severity: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


@dataclass(frozen=True)
class Candidate:
    """A match of one entity's surface form in the text, end exclusive."""

    start: int
    end: int
    entity_index: int


def surface_form_pattern(form: str) -> re.Pattern[str]:
    """Compile a pattern for one name or alias: exact, case-sensitive, on word boundaries.

    Any apostrophe in ``form`` matches any of the straight and curly apostrophes.

    Args:
        form: the name or alias as written in the gold.

    Returns:
        The compiled pattern.
    """
    pieces = [_APOSTROPHE_CLASS if char in APOSTROPHES else re.escape(char) for char in form]
    return re.compile(r"(?<!\w)" + "".join(pieces) + r"(?!\w)")


def surface_forms(entity: dict[str, Any]) -> list[str]:
    """The entity's name followed by its aliases, without blanks or repeats."""
    forms = [entity["name"], *entity.get("aliases", [])]
    return list(dict.fromkeys(form for form in forms if form.strip()))


def find_mentions(
    text: str, entities: Sequence[dict[str, Any]], where: str
) -> tuple[list[list[dict[str, Any]]], list[Problem]]:
    """Find the mentions of every entity in the article text.

    Args:
        text: the article text, exactly as ingested.
        entities: the gold entity objects (``id``, ``type``, ``name``, optional ``aliases``).
        where: how to name the gold file in problems.

    Returns:
        The mention lists, one per entity in the given order, and the problems found.
    """
    problems: list[Problem] = []
    candidates: list[Candidate] = []
    for index, entity in enumerate(entities):
        for form in surface_forms(entity):
            matches = list(surface_form_pattern(form).finditer(text))
            if not matches:
                kind = "name" if form == entity["name"] else "alias"
                problems.append(
                    Problem(
                        "error",
                        where,
                        f"{_describe(entity)}: {kind} {form!r} does not occur in the text",
                    )
                )
            candidates.extend(Candidate(m.start(), m.end(), index) for m in matches)

    kept = _drop_nested(set(candidates))
    problems.extend(_shared_span_problems(kept, entities, text, where))

    mentions: list[list[dict[str, Any]]] = [[] for _ in entities]
    for candidate in sorted(kept, key=lambda c: (c.start, c.end, c.entity_index)):
        mentions[candidate.entity_index].append(
            {
                "start": candidate.start,
                "end": candidate.end,
                "text": text[candidate.start : candidate.end],
            }
        )
    occurring = {candidate.entity_index for candidate in candidates}
    for index, entity in enumerate(entities):
        if mentions[index]:
            continue
        if index in occurring:
            # The gold is right to list it (a PERSON named inside a show title is still named),
            # but nothing will link it to the text.
            problems.append(
                Problem(
                    "warning",
                    where,
                    f"{_describe(entity)} has no mention of its own: every occurrence lies "
                    "inside a longer name of another entity",
                )
            )
        else:
            problems.append(Problem("error", where, f"{_describe(entity)} has no mention"))
    return mentions, problems


def _drop_nested(candidates: set[Candidate]) -> list[Candidate]:
    # A match strictly inside a longer match is part of that longer name (same entity or not).
    spans = {(c.start, c.end) for c in candidates}
    return [
        candidate
        for candidate in candidates
        if not any(
            start <= candidate.start
            and candidate.end <= end
            and end - start > candidate.end - candidate.start
            for start, end in spans
        )
    ]


def _shared_span_problems(
    kept: list[Candidate], entities: Sequence[dict[str, Any]], text: str, where: str
) -> list[Problem]:
    owners: dict[tuple[int, int], set[int]] = defaultdict(set)
    for candidate in kept:
        owners[(candidate.start, candidate.end)].add(candidate.entity_index)
    shared: dict[tuple[tuple[int, ...], str], int] = defaultdict(int)
    for (start, end), entity_indexes in owners.items():
        if len(entity_indexes) > 1:
            shared[(tuple(sorted(entity_indexes)), text[start:end])] += 1

    problems = []
    for (entity_indexes, surface), count in sorted(shared.items()):
        sharing = [entities[index] for index in entity_indexes]
        described = " and ".join(_describe(entity) for entity in sharing)
        if len({entity["type"] for entity in sharing}) < len(sharing):
            # Legitimate (a remake and the original film share a title) but the offsets alone
            # cannot tell the two apart, so say so more loudly than for a film and a character.
            described += ", some of the same type"
        problems.append(
            Problem("warning", where, f"{surface!r} ({count}x) is a mention of both {described}")
        )

    ordered = sorted(owners)
    for (start, end), (next_start, next_end) in zip(ordered, ordered[1:], strict=False):
        if next_start < end < next_end:
            problems.append(
                Problem(
                    "warning",
                    where,
                    f"mentions {text[start:end]!r} and {text[next_start:next_end]!r} cross "
                    f"at offsets {start}-{next_end}",
                )
            )
    return problems


def _describe(entity: dict[str, Any]) -> str:
    return f"entity {entity['id']} ({entity['type']} {entity['name']!r})"


def gold_structure_problem(gold: Any) -> str | None:
    """Say what keeps a gold object from being processed, or None if it is usable.

    Args:
        gold: the parsed JSON of a gold file.

    Returns:
        One sentence, or None.
    """
    if not isinstance(gold, dict):
        return "the file is not a JSON object"
    if not isinstance(gold.get("id"), str):
        return "the object has no string 'id'"
    entities = gold.get("entities")
    if not isinstance(entities, list):
        return "the object has no 'entities' list"
    for position, entity in enumerate(entities):
        if not isinstance(entity, dict):
            return f"entity #{position} is not an object"
        for key in ("id", "type", "name"):
            if not isinstance(entity.get(key), str) or not entity[key].strip():
                return f"entity #{position} has no string {key!r}"
        aliases = entity.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            return f"entity {entity['id']}: 'aliases' must be a list of strings"
    return None


def annotate_gold(
    gold: dict[str, Any], article: Article, where: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Return a copy of the gold object with ``text_sha256`` and fresh ``mentions``.

    Key order is kept; a new ``text_sha256`` goes just before ``entities``, new ``mentions`` at
    the end of each entity.

    Args:
        gold: a structurally valid gold object (see :func:`gold_structure_problem`).
        article: the ingested article it annotates.
        where: how to name the gold file in problems.

    Returns:
        The updated gold object and the problems found.
    """
    updated = copy.deepcopy(gold)
    mentions, problems = find_mentions(article.text, updated["entities"], where)
    for entity, entity_mentions in zip(updated["entities"], mentions, strict=True):
        entity["mentions"] = entity_mentions
    return _with_text_sha256(updated, article.text_sha256), problems


def _with_text_sha256(gold: dict[str, Any], digest: str) -> dict[str, Any]:
    if "text_sha256" in gold:
        gold["text_sha256"] = digest
        return gold
    reordered: dict[str, Any] = {}
    for key, value in gold.items():
        if key == "entities":
            reordered["text_sha256"] = digest
        reordered[key] = value
    return reordered


def serialise_gold(gold: dict[str, Any]) -> str:
    """The project's layout for gold files: one-space indent, UTF-8 characters, final newline."""
    return json.dumps(gold, indent=1, ensure_ascii=False) + "\n"


def run(
    corpus: Path,
    annotations: Path,
    *,
    check: bool = False,
    report: Callable[[str], None] = print,
) -> int:
    """Update (or, with ``check``, only verify) every gold file against the corpus.

    Args:
        corpus: the corpus folder (any format ``extractor.ingest`` reads).
        annotations: the folder of gold ``<article id>.json`` files.
        check: report only; write nothing.
        report: where each problem line and the summary go.

    Returns:
        The exit status: 0, or 1 if any error was found.

    Raises:
        InputPathError: the corpus or annotation folder is missing or unreadable.
    """
    if not annotations.is_dir():
        raise InputPathError(f"annotation folder {str(annotations)!r} does not exist")
    gold_paths = sorted(
        path for path in annotations.glob("*.json") if not path.name.startswith(".")
    )
    problems: list[Problem] = []
    golds: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in gold_paths:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(Problem("error", str(path), f"cannot be read as JSON ({error})"))
            continue
        structure_problem = gold_structure_problem(gold)
        if structure_problem is not None:
            problems.append(Problem("error", str(path), structure_problem))
            continue
        if gold["id"] != path.stem:
            problems.append(
                Problem("error", str(path), f"id {gold['id']!r} does not match the file name")
            )
            continue
        golds[gold["id"]] = (path, gold)

    articles: dict[str, Article] = {}
    for result in iter_articles([corpus]):
        if isinstance(result, IngestFailure):
            problems.append(Problem("error", result.source, f"ingest failed: {result.reason}"))
        elif result.id in golds:
            articles[result.id] = result
        else:
            problems.append(Problem("warning", result.source, f"article {result.id!r} has no gold"))

    updated_count = 0
    for article_id, (path, gold) in golds.items():
        article = articles.get(article_id)
        if article is None:
            problems.append(Problem("error", str(path), f"no corpus article has id {article_id!r}"))
            continue
        updated, gold_problems = annotate_gold(gold, article, str(path))
        problems.extend(gold_problems)
        new_content = serialise_gold(updated)
        if path.read_text(encoding="utf-8") == new_content:
            continue
        updated_count += 1
        if check:
            problems.append(
                Problem("warning", str(path), "mentions or text_sha256 are out of date")
            )
        else:
            path.write_text(new_content, encoding="utf-8")

    for problem in problems:
        report(str(problem))
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    verb = "out of date" if check else "updated"
    report(f"{len(golds)} gold files, {updated_count} {verb}, {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point.

    Args:
        argv: arguments without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The exit status: 0 clean, 1 errors found, 2 unusable folders.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument(
        "--annotations", type=Path, default=DEFAULT_ANNOTATIONS, help="gold annotation folder"
    )
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    arguments = parser.parse_args(argv)
    try:
        return run(arguments.corpus, arguments.annotations, check=arguments.check)
    except UserError as error:
        print(error, file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
