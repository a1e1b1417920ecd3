"""Evaluation: validate annotation files, and score predictions against gold.

Gold and predictions share one format (``article-annotations/1``, FORMAT.md); gold may also
be DocRED / Re-DocRED. The two commands the CLI calls are re-exported here; the matching
semantics are in ``docs/evaluation.md``.
"""

from extractor.evaluation.commands import evaluate_command
from extractor.evaluation.validate import validate_command

__all__ = ["evaluate_command", "validate_command"]
