"""Membership figures: "As of 30 June 2012, there were 111 official partners in the Global Mercury
Partnership, including 24 governments, 5 intergovernmental organizations, ... and 38 others."

>>> from loaders.readers import parse_text
>>> doc = parse_text("As of 1 March 2022, there were 236 members of the Partnership, including 37 "
...                  "governments, 11 international organizations as well as 53 academia and others.", "r.txt")
>>> [(f.as_of, f.total, f.by_category) for f in find_membership(doc)]
[('2022-03-01', 236, {'governments': 37, 'international organizations': 11, 'academia and others': 53})]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from loaders.locate import BlockIndex, provenance_for
from schema import Document
from schema.nodes import MembershipFigure

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_FIGURE = re.compile(
    r"\b[Aa]s (?:of|at) (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+),? (?P<year>(?:19|20)\d\d),? there (?:were|are) "
    r"(?P<total>\d[\d,]*) (?:official |registered )?(?:partners|members)\b(?P<rest>[^.;]{0,400})")
_PART = re.compile(r"(\d[\d,]*)\s+([A-Za-z][\w/\- ]*?)\s*(?=,|;|\.|$|\band\s+\d|\bas well as\b)")


def find_membership(doc: Document) -> list[MembershipFigure]:
    """Every membership count the document states, with its date, categories and provenance."""
    index = BlockIndex(doc)
    found = []
    for m in _FIGURE.finditer(doc.text):
        month = _MONTHS.get(m.group("month").lower())
        block = index.block_at(m.start())
        if month is None or block is None:
            continue
        try:
            when = dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            continue
        rest = m.group("rest")
        including = rest.find("including")
        categories = {}
        if including >= 0:
            for number, name in _PART.findall(rest[including + len("including"):]):
                categories[name.strip()] = int(number.replace(",", ""))
        found.append(MembershipFigure(as_of=when.isoformat(), total=int(m.group("total").replace(",", "")),
                                      by_category=categories,
                                      provenance=provenance_for(doc, block, m.start(), m.end())))
    return found
