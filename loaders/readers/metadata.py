"""Document metadata read from the text itself: title, UN symbol, date, meeting line, period.

>>> meta = extract_metadata("Distr.: General\\n15 February 2013\\n\\n**Overall progress of the Partnership"
...                         " from July 2010 to June 2012**", "r.txt", "markdown")
>>> str(meta.date), str(meta.period_start), str(meta.period_end)
('2013-02-15', '2010-07-01', '2012-06-30')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from schema import DocumentMeta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH = "(" + "|".join(m.capitalize() for m in MONTHS) + ")"
_DATE = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)\b")
_MONTH_YEAR = rf"{_MONTH}\s+((?:19|20)\d\d)"
_PERIOD = re.compile(rf"(?:period\s+(?:from\s+|of\s+)?|from\s+|covering\s+){_MONTH_YEAR}\s*(?:to|until|through|\u2013|-)\s*"
                     rf"{_MONTH_YEAR}|\b{_MONTH_YEAR}\s*[\u2013-]\s*{_MONTH_YEAR}")
_SYMBOL = re.compile(r"\b(UNEP(?:\([A-Z]+\))?/(?:[A-Za-z]+[./]){1,4}[A-Za-z0-9.]+(?:/[A-Za-z0-9.]+)*)")
_MEETING = re.compile(rf"^[A-Z][\w .'\u2019-]{{2,60}},\s.*\b{_MONTH}\s+(?:19|20)\d\d\s*$", re.MULTILINE)
_TITLE_WORDS = re.compile(r"\b(report|progress|overview|activities|note)\b", re.IGNORECASE)


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def extract_metadata(text: str, file: str, fmt: str) -> DocumentMeta:
    """Title, symbol, date of issue, meeting line and covered period of a document's text."""
    head = text[:6000]
    top_lines = [ln.strip() for ln in head.split("\n") if ln.strip()][:40]
    meta = DocumentMeta(file=file, format=fmt)
    distr = re.search(r"Distr\.?:?\s*\w+\s*\n\s*" + _DATE.pattern, head)
    if distr:
        meta.date = _date(distr.group(1), distr.group(2), distr.group(3))
    else:
        for line in top_lines[:15]:
            m = _DATE.fullmatch(line.strip("* "))
            if m:
                meta.date = _date(*m.groups())
                break
    m = _MEETING.search("\n".join(top_lines[:30]))
    if m:
        meta.meeting = m.group(0).strip("* ")
    for line in top_lines[:25]:
        s = _SYMBOL.match(line.strip("* "))
        if s and len(line.strip("* ")) <= len(s.group(1)) + 2:  # the symbol stands alone, as in a masthead
            meta.symbol = s.group(1).rstrip(".")
            break
    p = _PERIOD.search(head)
    if p:
        groups = [g for g in p.groups() if g]
        (m1, y1, m2, y2) = groups[:4]
        meta.period_start = dt.date(int(y1), MONTHS[m1.lower()], 1)
        last = calendar.monthrange(int(y2), MONTHS[m2.lower()])[1]
        meta.period_end = dt.date(int(y2), MONTHS[m2.lower()], last)
    meta.title = _title(head)
    return meta


def _title(head: str) -> str | None:
    """The bold block or early line that reads as the report's title."""
    for m in re.finditer(r"\*\*(.+?)\*\*", head, re.DOTALL):
        candidate = " ".join(m.group(1).split())
        if len(candidate.split()) >= 4 and _TITLE_WORDS.search(candidate):
            return candidate
    for line in head.split("\n")[:60]:
        candidate = " ".join(line.strip(" *#").split())
        if (4 <= len(candidate.split()) <= 40 and candidate[:1].isupper() and _TITLE_WORDS.search(candidate)
                and not candidate.endswith((":", ".", ";", ","))):
            return candidate
    return None
