"""Markdown articles: optional YAML front matter, then the body as the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from extractor.ingest.models import UnusableInput

# Front matter opens on the very first line and closes with `---` (or YAML's `...`) on its own
# line. Expects text whose newlines are already normalised to "\n".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.M)


@dataclass(frozen=True)
class MarkdownParts:
    """A markdown file split into its front matter fields and its body.

    Attributes:
        fields: the front matter mapping, empty when there is none.
        body: everything after the front matter, leading blank lines removed.
    """

    fields: dict[str, Any]
    body: str


def split_front_matter(text: str) -> MarkdownParts:
    """Split a markdown document into front matter and body.

    A leading ``---`` block whose YAML is not a mapping (a horizontal rule followed by prose, say)
    is not front matter: the whole text is the body.

    Args:
        text: the decoded markdown, newlines normalised to ``\\n``.

    Returns:
        The front matter fields and the body.

    Raises:
        UnusableInput: the front matter is not valid YAML.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return MarkdownParts(fields={}, body=text)
    try:
        fields = yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError as error:
        raise UnusableInput(_describe_yaml_error(error)) from error
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        return MarkdownParts(fields={}, body=text)
    body = text[match.end() :].lstrip("\n")
    return MarkdownParts(fields={str(key): value for key, value in fields.items()}, body=body)


def _describe_yaml_error(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or "unparsable content"
    mark = getattr(error, "problem_mark", None)
    # The mark counts from the line after the opening "---", from zero.
    where = "" if mark is None else f" on line {mark.line + 2} of the file"
    # The usual cause in hand-written front matter: `title: Oscars 2025: Anora wins`.
    hint = "; quote values that contain ': '" if "mapping values" in problem else ""
    return f"the front matter is not valid YAML ({problem}{where}){hint}"
