"""Normalisation of the metadata fields every format shares: id, dates, optional strings."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from typing import Any

from extractor.ingest.models import UnusableInput

logger = logging.getLogger(__name__)

_VALUE_KINDS = {dict: "a mapping", list: "a list", bool: "a boolean"}

_ID_FORBIDDEN_RUN = re.compile(r"[^A-Za-z0-9._-]+")

# Explicit formats only: a fuzzy parser would read relative words ("yesterday") against the clock
# and break determinism.
_DATE_FORMATS = (
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
    "%a %b %d %Y",
)


def sanitise_id(raw_id: str) -> str:
    """Make any string a valid article id by replacing each forbidden run with ``_``.

    Args:
        raw_id: the id as the source gives it.

    Returns:
        A string matching ``[A-Za-z0-9._-]+`` (``_`` for an empty input).
    """
    return _ID_FORBIDDEN_RUN.sub("_", raw_id) or "_"


def normalise_published(value: Any) -> str | None:
    """Turn a publication date in any common shape into ISO ``YYYY-MM-DD``.

    Accepts ``date``/``datetime`` objects (what YAML front matter yields), ISO 8601 strings with
    or without time and zone, RFC 2822 strings (``Wed, 05 Apr 2023 10:20:00 GMT``) and spelled-out
    English dates (``5 April 2023``, ``April 5, 2023``). A date with a time keeps the calendar day
    written in the source; it is not shifted to UTC.

    Args:
        value: the raw field value, or None.

    Returns:
        The date as ``YYYY-MM-DD``, or None when the value is missing, only a year or month, or
        not a recognisable date.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = " ".join(value.split())
    parsed = _parse_date_string(text)
    return None if parsed is None else parsed.isoformat()


def read_published(value: Any, source: str) -> str | None:
    """Normalise a ``published`` field, logging a warning when a given value is unusable.

    An unusable date is not a reason to drop the article, so it only costs the date.

    Args:
        value: the raw field value, or None.
        source: where the value came from, for the warning.

    Returns:
        The date as ``YYYY-MM-DD``, or None.
    """
    published = normalise_published(value)
    if published is None and value is not None and str(value).strip():
        logger.warning("%s: ignoring 'published' value %r: not a full calendar date", source, value)
    return published


def _parse_date_string(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for date_format in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def optional_string(value: Any, field: str) -> str | None:
    """Read an optional text field: None or blank becomes None, numbers become strings.

    Args:
        value: the raw field value.
        field: the field's name, for the error message.

    Returns:
        The stripped string, or None.

    Raises:
        UnusableInput: the value is a list, mapping or boolean.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = _VALUE_KINDS.get(type(value), type(value).__name__)
        raise UnusableInput(f"field {field!r} must be a string, not {kind}")
    text = str(value).strip()
    return text or None
