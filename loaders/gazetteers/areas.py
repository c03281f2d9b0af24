"""Find mentions of the eight partnership areas.

Full names ("mercury waste management") and acronyms ("ASGM", "WMA") name an area on
their own. Short forms ("coal", "products", "waste management") name it only when the
text qualifies them: "coal partnership area", "products area", "Cement Partnership",
"partnership area on coal", "Partnership on Fate and Transport".

>>> [m.key for m in find_areas("the coal partnership area and ASGM, but not coal power")]
['coal', 'asgm']
"""

from __future__ import annotations

import bisect
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
            # money 'to support work on products', 'funding for work on coal': the area's work
            rf"|(?:(?<=support )|(?<=supporting )|(?<=for ))work[\s\-]+on[\s\-]+(?:the[\s\-]+)?{short}(?![\w\-])"
        )
        full = rf"{alternation(list(area.names))}(?![\w\-])"
        firsts = starts_with([*area.short_forms, *area.names, "partnership", "area", "work"], ignore_case=True)
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


def find_areas_in_document(text: str) -> list[Mention]:
    """find_areas, and the areas a whole document names in ways a phrase alone does not show: several under one
    qualifier, and around a bracketed aside."""
    found = [*find_areas(text), *_coordinated(text), *_around_asides(text)]
    return longest_first(found)


_ASIDE = re.compile(r"\s\((?=[a-z])[^()\n]{1,60}\)(?=\s)")  # a lower-case aside; '(UNEP)' names, it does not interrupt


def _around_asides(text: str) -> list[Mention]:
    """An area named around a bracketed aside: 'mercury releases (to air, water and land) from coal combustion'."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)]
    if not asides:
        return []
    masked = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for a, b in asides:  # only around each aside
        lo, hi = max(0, a - 80), min(len(text), b + 80)
        for key, pattern in _patterns():
            for m in pattern.finditer(masked, lo, hi):
                if m.start() < a and b < m.end():
                    found.append(Mention("Area", key, m.start(), m.end(), text[m.start():m.end()]))
    return found


_COORDINATED = re.compile(r"(?<![\w\-])((?:[\w&\-]+[ \t]+){0,3}?[\w&\-]+)(?:,[ \t]+|[ \t]+and[ \t]+)((?:[\w&\-]+[ \t]+){0,3}?"
                          r"[\w&\-]+)[ \t]+(?:[Pp]artnership[ \t]+)?[Aa]reas\b")


@cache
def _short_form_keys() -> dict[str, str]:
    """Every short form and name (and its singular or plural), lower-cased -> area key."""
    forms: dict[str, str] = {}
    for area in areas():
        for form in (*area.short_forms, *area.names):
            form = form.lower()
            for variant in (form, form[:-1] if form.endswith("s") else form + "s"):
                forms.setdefault(variant, area.key)
    return forms


def _coordinated(text: str) -> list[Mention]:
    """Areas named together under one qualifier: 'the Chlor Alkali and Product Partnership Areas'."""
    if "reas" not in text:
        return []
    found = []
    keys = _short_form_keys()
    windows = [text[max(0, a.start() - 120):a.end()] for a in re.finditer(r"[Aa]reas\b", text)]
    offsets = [max(0, a.start() - 120) for a in re.finditer(r"[Aa]reas\b", text)]
    for window, offset in zip(windows, offsets, strict=True):
        found += [Mention(m.node_type, m.key, m.start + offset, m.end + offset, m.surface)
                  for m in _coordinated_in(window, keys)]
    return found


def _coordinated_in(text: str, keys: dict[str, str]) -> list[Mention]:
    found = []
    for m in _COORDINATED.finditer(text):
        parts = []
        for g in (1, 2):
            words = m.group(g).split()
            for i in range(len(words)):  # the longest ending of the phrase that is an area's form
                key = keys.get(" ".join(words[i:]).lower())
                if key:
                    start = m.start(g) + m.group(g).find(words[i])
                    parts.append(Mention("Area", key, start, m.end(g), m.group(g)[m.group(g).find(words[i]):]))
                    break
        if len(parts) == 2 and parts[0].key != parts[1].key:
            found += parts
    return found


def longest_first(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that overlap a longer one; return the rest in text order."""
    kept: list[Mention] = []
    starts: list[int] = []  # the kept spans never overlap, so sorted by start they are sorted by end too
    ends: list[int] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect.bisect_right(starts, m.start)
        if (i == 0 or ends[i - 1] <= m.start) and (i == len(starts) or m.end <= starts[i]):
            kept.append(m)
            starts.insert(i, m.start)
            ends.insert(i, m.end)
    return sorted(kept, key=lambda m: m.start)


def find_title_area(text: str) -> list[Mention]:
    """A document whose title (its first line) is an area's short name is about that area: 'Supply and
    Storage' at the head of the area's page, where the same words in a sentence would not name it.

    >>> [(m.key, m.surface) for m in find_title_area("Supply and Storage\\n\\nThe Issue")]
    [('supply-storage', 'Supply and Storage')]
    """
    m = re.match(r"\s*(?:#+\s*|\*\*)?([^\n*]{3,60}?)(?:\*\*)?\s*(?:\n|$)", text)
    if not m or find_areas(m.group(1)):
        return []
    key = _short_form_keys().get(m.group(1).strip().lower())
    return [Mention("Area", key, m.start(1), m.end(1), m.group(1))] if key else []

