"""User-facing errors, in one place.

Every error a user can cause (bad path, missing model, malformed gold, wrong
format) is raised as a :class:`UserError` subclass. The CLI prints its message on
one line and exits with its ``exit_code``; nothing else reaches the user as a
traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """An error caused by the user's input or environment, not by a bug.

    Args:
        message: one sentence saying what is wrong and, where possible, how to fix it.
    """

    exit_code = 2
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputPathError(UserError):
    """An input path does not exist or cannot be read."""

    code = "E001"


class ModelNotFoundError(UserError):
    """The spaCy model named by ``--model`` is not installed."""

    code = "E002"


class FormatError(UserError):
    """A file is not in the format the command expects (gold, predictions, DocRED)."""

    code = "E003"


class OutputError(UserError):
    """The output folder cannot be written, or ``--update`` finds no usable previous run."""

    code = "E004"


class ValidationFailed(UserError):
    """``extractor validate`` found problems (exit status 1, problems already printed)."""

    code = "E005"
    exit_code = 1
