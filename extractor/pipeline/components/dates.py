"""``date_normaliser``: ISO values for DATE mentions, at the precision the text gives.

``June 7, 2024`` is ``2024-06-07``, ``March 2023`` is ``2023-03``, ``September``
with no publication date is ``XXXX-09``. Relative expressions (``next June``,
``on Friday``, ``last week``'s ``Tuesday``, ``this autumn``) are resolved against the
article's ``published`` date with dateparser, looking forward or back by the
sentence's tense. Durations (``four months``) get no value and are dropped.

Reads: ``doc.spans["mentions"]`` (DATE), ``doc._.published``.
Writes: ``doc._.date_values`` as ``[[start_char, end_char, value], ...]`` and
removes value-less DATE mentions from ``doc.spans["mentions"]``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.pipeline.extensions import register_extensions

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
FULL_DATE = re.compile(
    rf"^(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{MONTH_RE})\.?"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>\d{{4}}))?$"
)
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")
YEAR_ONLY = re.compile(r"^(?P<year>1[89]\d\d|20\d\d)$")
DECADE = re.compile(r"^(?:the\s+)?(?P<decade>1[89]\d|20\d)0s$")
RELATIVE_MONTH = re.compile(rf"^(?P<rel>next|last|this|coming)\s+(?P<month>{MONTH_RE})$")
RELATIVE_UNIT = re.compile(r"^(?P<rel>next|last|this)\s+(?P<unit>year|month)$")
MONTH_OF_RELATIVE_YEAR = re.compile(
    rf"^(?P<month>{MONTH_RE})\s+(?:of\s+)?(?P<rel>next|last|this)\s+year$"
)
HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "new year's day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "christmas eve": (12, 24),
}
HOLIDAY_RE = re.compile(
    rf"^(?:(?P<rel>next|last|this)\s+)?(?P<holiday>{'|'.join(map(re.escape, HOLIDAYS))})"
    rf"(?:\s+(?P<year>\d{{4}}))?$"
)
LEADING_WEEKDAY = re.compile(rf"^(?:{'|'.join(WEEKDAYS)}),?\s+(?=\S*\d|{MONTH_RE})")
WEEKDAY_RE = re.compile(rf"^(?:(?P<rel>next|last|this|on)\s+)?(?P<day>{'|'.join(WEEKDAYS)})$")
SEASON_RE = re.compile(
    rf"^(?:(?P<rel>next|last|this|early|late)\s+)?(?P<season>{'|'.join(SEASONS)})"
    rf"(?:\s+(?:of\s+)?(?P<year>\d{{4}}))?$"
)
LEADING_NOISE = re.compile(
    r"^(?:(?:on|in|by|from|until|since|as of|early|late|mid|the end of|the start of|the year"
    r"|the)\s+|mid-\s*)"
)
FUTURE_WORDS = frozenset(
    {
        "will",
        "'ll",
        "shall",
        "set",
        "slated",
        "scheduled",
        "due",
        "upcoming",
        "expected",
        "plans",
        "planned",
        "coming",
        "next",
        "forthcoming",
        "arrives",
        "opens",
        "premieres",
        "debuts",
        "hits",
        "returns",
        "lands",
    }
)


def sentence_tense(sent: Span) -> str | None:
    """``future``, ``past`` or None, from auxiliaries and the main verb's tag."""
    if any(token.lower_ in FUTURE_WORDS for token in sent):
        return "future"
    root = sent.root
    if root.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ == "aux" for c in root.children):
        return "past"
    if any(c.lower_ in ("has", "have", "had") and c.dep_ == "aux" for c in root.children):
        return "past"
    return None


def date_tense(span: Span) -> str | None:
    """The tense a date's own clause points in: the sentence's, except that a date under a
    simple past verb is past even when another clause is future (``acquired rights after
    its premiere in September and will release it in March``)."""
    tense = sentence_tense(span.sent)
    if tense != "future":
        return tense
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    own_future = verb.lower_ in FUTURE_WORDS or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_WORDS for c in verb.children
    )
    if verb.tag_ == "VBD" and not own_future:
        return "past"
    return tense


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """The ISO value, or None for a day or month that no calendar has (``June 31``)."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            date(year or 2000, month or 1, day)  # 2000 is a leap year: "February 29" stays valid
        except ValueError:
            return None
    text = f"{year:04d}" if year else "XXXX"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def _year_for_month(month: int, published: date | None, tense: str | None) -> int | None:
    if published is None:
        return None
    if tense == "future" and month < published.month:
        return published.year + 1
    if tense == "past" and month > published.month:
        return published.year - 1
    return published.year


@lru_cache(maxsize=4096)
def normalise_date(text: str, published: str | None = None, tense: str | None = None) -> str | None:
    """The FORMAT.md value of a date expression, or None for durations and vague periods.

    Args:
        text: the date as written (``June 7, 2024``, ``next June``, ``on Friday``).
        published: the article's publication date (ISO), the base of relative dates.
        tense: ``future`` or ``past``: which way a bare month or weekday points.

    Returns:
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` (``X`` for digits the text leaves open),
        or None.
    """
    base = date.fromisoformat(published[:10]) if published else None
    clean = text.strip().lower().replace("’", "'")
    clean = re.sub(r"\s+", " ", clean).rstrip(".,")
    previous = None
    while previous != clean:
        previous, clean = clean, LEADING_NOISE.sub("", clean)
        # "Sunday 12 January 2025", "Friday, February 13": the weekday adds nothing
        clean = LEADING_WEEKDAY.sub("", clean)
    if match := ISO_DATE.match(clean):
        day = match.group("day")
        return _iso(int(match.group("year")), int(match.group("month")), int(day) if day else None)
    if match := FULL_DATE.match(clean):
        month = MONTHS[match.group("month")]
        day_text = match.group("day1") or match.group("day2")
        day = int(day_text) if day_text and 1 <= int(day_text) <= 31 else None
        year = int(match.group("year")) if match.group("year") else None
        if year is None:
            year = _year_for_month(month, base, tense)
        return _iso(year, month, day)
    if match := YEAR_ONLY.match(clean):
        return match.group("year")
    if match := DECADE.match(clean):
        return match.group("decade") + "X"
    if match := RELATIVE_MONTH.match(clean):
        month = MONTHS[match.group("month")]
        if base is None:
            return _iso(None, month)
        rel = match.group("rel")
        if rel in ("next", "coming"):
            year = base.year + (1 if month <= base.month else 0)
        elif rel == "last":
            year = base.year - (1 if month >= base.month else 0)
        else:
            year = base.year
        return _iso(year, month)
    if match := MONTH_OF_RELATIVE_YEAR.match(clean):
        month = MONTHS[match.group("month")]
        if base is None:
            return _iso(None, month)
        step = {"next": 1, "last": -1, "this": 0}[match.group("rel")]
        return _iso(base.year + step, month)
    if match := HOLIDAY_RE.match(clean):
        month, day = HOLIDAYS[match.group("holiday")]
        if match.group("year"):
            return _iso(int(match.group("year")), month, day)
        if base is None:
            return _iso(None, month, day)
        rel = match.group("rel")
        upcoming = (month, day) >= (base.month, base.day)
        if rel == "next" or (rel is None and tense == "future"):
            year = base.year if upcoming else base.year + 1
        elif rel == "last" or (rel is None and tense == "past"):
            year = base.year - 1 if upcoming else base.year
        else:
            year = base.year
        return _iso(year, month, day)
    if match := RELATIVE_UNIT.match(clean):
        if base is None:
            return None
        step = {"next": 1, "last": -1, "this": 0}[match.group("rel")]
        if match.group("unit") == "year":
            return str(base.year + step)
        month_index = base.year * 12 + base.month - 1 + step
        return _iso(month_index // 12, month_index % 12 + 1)
    if match := SEASON_RE.match(clean):
        if match.group("year"):
            return match.group("year")
        if base is None:
            return None
        rel = match.group("rel")
        month = SEASONS[match.group("season")]
        if rel == "next":
            return str(base.year + (1 if month <= base.month else 0))
        if rel == "last":
            return str(base.year - (1 if month >= base.month else 0))
        if rel == "this":
            return str(base.year)
        return str(_year_for_month(month, base, tense) or base.year)
    if clean in ("today", "tonight", "yesterday", "tomorrow") and base:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[clean]
        return (base + timedelta(days=offset)).isoformat()
    if match := WEEKDAY_RE.match(clean):
        if base is None:
            return None
        rel = match.group("rel")
        direction = "future" if rel == "next" else "past" if rel == "last" else tense
        return _weekday(match.group("day"), base, direction)
    return None


def _weekday(day_name: str, base: date, direction: str | None) -> str | None:
    """Resolve a weekday with dateparser, relative to ``base`` in ``direction``."""
    import dateparser

    if WEEKDAYS.index(day_name) == base.weekday() and direction != "future":
        return base.isoformat()
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if direction == "future" else "past",
    }
    parsed = dateparser.parse(day_name, languages=["en"], settings=settings)
    if parsed is None:
        return None
    resolved = parsed.date()
    if resolved == base and direction == "future":
        resolved += timedelta(days=7)
    return resolved.isoformat()


RANGE_JOINERS = frozenset({"to", "and", "through", "until", "-", "–", "—"})


def _dated_parts(span: Span, published: str | None, tense: str | None) -> list[tuple[Span, str]]:
    """The span with its value; a range the model took as one date (``May 16, 2025 to
    June 27, 2025``) is two dates, the first borrowing the second's year when it has
    none (``May 16 to June 27, 2025``). A ``between … and …`` period has no value."""
    value = normalise_date(span.text, published, tense)
    if value:
        return [(span, value)]
    if "between" in (span[0].lower_, span.doc[span.start - 1].lower_ if span.start else ""):
        return []  # "between 1988 and 1999": a period, not two dated events
    for joiner in span[1:-1]:
        if joiner.lower_ not in RANGE_JOINERS:
            continue
        cut = joiner.i - 1 if span.doc[joiner.i - 1].text == "," else joiner.i
        start = span.start
        while start < cut and span.doc[start].lower_ == "from":
            start += 1  # the model may take the range's preposition into the date
        if start >= cut:
            continue
        first = Span(span.doc, start, cut, label=span.label_)
        second = Span(span.doc, joiner.i + 1, span.end, label=span.label_)
        second_value = normalise_date(second.text, published, tense)
        first_value = normalise_date(first.text, published, tense)
        if not (first_value and second_value):
            continue
        if not re.search(r"\d{4}", first.text) and second_value[:4].isdigit():
            year = int(second_value[:4])
            first_value = normalise_date(f"{first.text} {year}", published, tense) or first_value
            if first_value[5:7] > second_value[5:7] and len(second_value) >= 7:
                # "November to February 2026": the range crosses into the stated year
                first_value = str(year - 1) + first_value[4:]
        return [(first, first_value), (second, second_value)]
    return []


def _with_word_before(span: Span) -> Span:
    """The date with a word the model left out before it: a month name before a relative
    year (``October next year`` for ``next year``), a relative word before a month or
    season (``this summer's`` for ``summer``)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    if before is None:
        return span
    month_before_year = (
        before.text[:1].isupper() and before.lower_ in MONTHS and span[0].lower_ in RELATIVE_WORDS
    )
    relative_before_period = before.lower_ in RELATIVE_WORDS and (
        span[0].lower_ in MONTHS or span[0].lower_ in SEASONS
    )
    if month_before_year or relative_before_period:
        return Span(doc, before.i, span.end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)
    return span


def _range_year(span: Span, value: str, following: Span | None, published: str | None) -> str:
    """The year of ``from March to October next year`` for its bare first month, when the
    model made two dates of the range: the second's year, or the year before it when the
    range crosses a new year (``from November to February 2026``). Empty otherwise."""
    doc = span.doc
    if following is None or len(value) < 7 or not value[:4].isdigit():
        return ""
    if following.start != span.end + 1 or doc[span.end].lower_ not in ("to", "until", "through"):
        return ""
    if not OWN_YEAR.search(following.text):
        return ""
    closing = normalise_date(following.text, published, date_tense(following))
    if not closing or len(closing) < 7 or not closing[:4].isdigit():
        return ""
    year = int(closing[:4]) - (1 if value[5:7] > closing[5:7] else 0)
    return str(year)


RELATIVE_WORDS = frozenset({"next", "last", "this"})
MONTH_NAME = re.compile(rf"\b(?:{MONTH_RE})\b", re.IGNORECASE)
WEEKDAY_NAME = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
# A date that names its own year, or a year relative to the article's ("next year").
OWN_YEAR = re.compile(r"\b\d{4}\b|\b(?:next|last|this|coming)\b", re.IGNORECASE)


def _anchor_bare_months(records: list[list], published: str | None) -> None:
    """Give a month named without a year the year the article gives that month elsewhere,
    when that year is not past: ``from March to October next year`` … ``had been dated
    for October`` is the same October, and so is a headline's bare ``October`` before the
    body states it. The nearest statement before the month wins, else the first after.

    ``records`` are ``[span, value, anchoring]`` in text order; values are updated in place.
    """
    anchors: dict[str, list[tuple[int, str]]] = {}
    for span, value, anchoring in records:
        month = _named_month(span.text, value)
        if anchoring and month and (published is None or value[:4] >= published[:4]):
            anchors.setdefault(month, []).append((span.start, value[:4]))
    for record in records:
        span, value, anchoring = record
        month = _named_month(span.text, value)
        if anchoring or month not in anchors:
            continue
        before = [year for start, year in anchors[month] if start < span.start]
        year = before[-1] if before else anchors[month][0][1]
        record[1] = year + value[4:]


def _named_month(text: str, value: str) -> str | None:
    """The month of a value whose text names a month (not a weekday's date), else None."""
    if len(value) < 7 or not value[:4].isdigit():
        return None
    if not MONTH_NAME.search(text) or WEEKDAY_NAME.search(text):
        return None
    return value[5:7]


class DateNormaliser:
    """Attach values to DATE mentions; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "date_normaliser") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        records: list[list] = []
        mentions = list(doc.spans.get("mentions", []))
        dates = [_with_word_before(m) for m in mentions if m.label_ == "DATE"]
        kept = [m for m in mentions if m.label_ != "DATE"]
        for position, mention in enumerate(dates):
            tense = date_tense(mention)
            following = dates[position + 1] if position + 1 < len(dates) else None
            states_year = bool(OWN_YEAR.search(mention.text))
            for span, value in _dated_parts(mention, published, tense):
                anchoring = states_year
                # a part of a range ("March to October next year") shares the range's year
                if not anchoring and (closing := _range_year(span, value, following, published)):
                    value, anchoring = closing + value[4:], True
                records.append([span, value, anchoring])
                kept.append(span)
        _anchor_bare_months(records, published)
        doc.spans["mentions"] = sorted(kept, key=lambda s: (s.start, s.end, s.label_))
        doc._.date_values = [[span.start_char, span.end_char, value] for span, value, _ in records]
        return doc


@Language.factory("date_normaliser")
def make_date_normaliser(nlp: Language, name: str) -> DateNormaliser:
    """Factory of :class:`DateNormaliser`."""
    return DateNormaliser(nlp, name)
