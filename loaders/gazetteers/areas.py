"""Find mentions of the eight partnership areas.

Full names ("mercury waste management") and acronyms ("ASGM", "WMA") name an area on
their own. Short forms ("coal", "products", "waste management") name it only when the
text qualifies them: "coal partnership area", "products area", "Cement Partnership",
"partnership area on coal", "Partnership on Fate and Transport".

>>> [m.key for m in find_areas("the coal partnership area and ASGM, but not coal power")]
['coal', 'asgm']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from loaders.gazetteers.mention import Mention, alternation, starts_with
from schema.reference import areas


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    compiled = []
    for area in areas():
        short = alternation(list(area.short_forms) + list(area.names))
        qualified = (
            rf"{short}[\s\-]+(?:partnership[\s\-]+)?areas?\b(?:[\s\-]+partnership\b)?"
            rf"|{short}[\s\-]+partnership\b"
            rf"|(?:partnership[\s\-]+)?(?:areas?|partnership)[\s\-]+(?:on|of|for)[\s\-]+(?:the[\s\-]+)?{short}"
            r"(?![\w\-])"
        )
        full = rf"{alternation(list(area.names))}(?![\w\-])"
        firsts = starts_with([*area.short_forms, *area.names, "partnership", "area"], ignore_case=True)
        pattern = rf"(?<![\w\-]){firsts}(?:{qualified}|{full})"
        compiled.append((area.key, re.compile(pattern, re.IGNORECASE)))
        if area.acronyms:
            acronyms = "|".join(re.escape(a) for a in area.acronyms)
            compiled.append((area.key, re.compile(rf"(?<![\w&])(?:{acronyms})(?![\w&])")))
    return compiled


def find_areas(text: str) -> list[Mention]:
    """Every mention of a partnership area in ``text``, in text order; overlaps keep the longest."""
    return list(_areas_in(text))


@lru_cache(maxsize=8192)
def _areas_in(text: str) -> tuple[Mention, ...]:
    """find_areas, remembered: rules ask about the same short phrases many times."""
    found: list[Mention] = []
    for key, pattern in _patterns():
        for m in pattern.finditer(text):
            found.append(Mention("Area", key, m.start(), m.end(), m.group(0)))
    return tuple(longest_first(found))


def longest_first(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that overlap a longer one; return the rest in text order."""
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= a or m.start >= b for a, b in taken):
            kept.append(m)
            taken.append((m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
