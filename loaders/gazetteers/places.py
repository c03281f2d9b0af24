"""Countries implied by the cities where things happen: "held in Jakarta", "workshop: 18-20 February
2015, Minsk", "(Tokyo)", "in Montevideo, Uruguay".

City names are reference data (schema/reference/cities.json, made from GeoNames by
scripts/make_cities.py): every capital, and cities of 100,000 people or more whose name is not
shared with a comparably large city elsewhere. A city is only read in a place context, never as
a bare word, so "Reading" or "Mobile" in a sentence are not places. The mention's ``names_it`` is
False: "Minsk" implies Belarus but is not a name for it.

>>> [(m.key, m.surface) for m in find_places("The workshop was held in Jakarta; another took place in Minsk.")]
[('IDN', 'Jakarta'), ('BLR', 'Minsk')]
>>> find_places("Reading the report, Mobile teams went home.")
[]
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from loaders.gazetteers.countries import country_names
from loaders.gazetteers.mention import Mention

_NAME = r"[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z][\w'\u2019\-]+|(?:of|de|es|do|da|la|del|am|upon)\b))*"
_CONTEXTS = re.compile(
    rf"\b(?:held|took place|convened|organi[sz]ed|hosted|met|meeting|workshop|forum|conference|session)\s+"
    rf"(?:\w+\s+){{0,5}}?in\s+(?:the\s+city\s+of\s+)?(?P<a>{_NAME})"
    rf"|\bin\s+(?P<b>{_NAME})\s*(?:,\s*[A-Z][\w ]+)?\s*(?:,|from|on|in|during)\s"
    rf"|\((?P<c>{_NAME})\)"
    rf"|\((?P<f>{_NAME}),\s*(?:\d{{1,2}}\s+)?[A-Z][a-z]+\s+\d{{4}}\)"
    rf"|(?:\d{{4}}|\b[A-Z][a-z]+ \d{{4}}),\s*(?P<d>{_NAME})\s*(?:[;.)]|$)"
    rf"|^[ \t]*(?:\d+\.\s+)?[^\n:]{{3,120}}:\s*[^\n]{{0,40}}?,\s*(?P<e>{_NAME})\s*[;.]?\s*$", re.MULTILINE)


@cache
def city_countries() -> dict[str, str]:
    """City name -> ISO alpha-3 of its country."""
    data = resources.files("schema.reference").joinpath("cities.json").read_text(encoding="utf-8")
    return json.loads(data)["cities"]


def _lookup(name: str) -> tuple[str, str] | None:
    """The longest leading part of ``name`` that is a known city ('Jakarta from 17' -> 'Jakarta')."""
    table = city_countries()
    words = name.split()
    named = country_names()
    if named.get(name):  # 'held in Armenia': the country, though a city in Colombia has its name
        return None
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if candidate in table:
            return candidate, table[candidate]
    return None


def find_places(text: str) -> list[Mention]:
    """Country mentions implied by city names in place contexts, in text order."""
    found = []
    for m in _CONTEXTS.finditer(text):
        for group in "abcdef":
            value = m.group(group)
            if not value:
                continue
            hit = _lookup(re.sub(r"\s+", " ", value))
            if hit:
                start = m.start(group)
                found.append(Mention("Country", hit[1], start, start + len(hit[0]), hit[0], names_it=False))
    return sorted(found, key=lambda x: x.start)
