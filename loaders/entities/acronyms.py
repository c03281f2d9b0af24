"""Acronym definitions: "United Nations Industrial Development Organization (UNIDO)".

The long form is found with the Schwartz-Hearst algorithm (Schwartz & Hearst, 2003:
"A simple algorithm for identifying abbreviation definitions in biomedical text"): the
shortest run of words before the parenthesis that holds the acronym's letters in order,
the first letter starting a word. Only runs of capitalised words (with lower-case
connectors such as "of", "for", "and") count, as names are capitalised.

>>> [(d.long, d.short) for d in find_definitions("led by the Natural Resources Defense Council (NRDC) and UNEP")]
[('Natural Resources Defense Council', 'NRDC')]
>>> [(d.long, d.short) for d in find_definitions("the Group on Earth Observations (GEO), the Mercury Watch (www.x.org)")]
[('Group on Earth Observations', 'GEO')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "de", "do", "da", "del", "des", "la", "le", "y",
                        "para", "at", "to", "&", "du", "van", "von", "und", "für", "et", "delle", "della", "di",
                        "pour", "un", "une", "es", "en", "sobre", "sur", "em", "dos", "das"})
# ('es': 'University of Dar es Salaam'; 'en': 'Centro de Estudios en Residuos Peligrosos')
_SHORT = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-/ ]{0,18}[A-Za-z0-9])\s*\)")
_WORD = re.compile(r"[\w'\u2019&.\-]+")


@dataclass(frozen=True)
class Definition:
    """``long`` at ``text[long_start:long_end]`` is spelled out by ``short`` at ``text[short_start:short_end]``."""

    long: str
    short: str
    long_start: int
    long_end: int
    short_start: int
    short_end: int


def is_acronym(token: str) -> bool:
    """Two or more capitals, mostly capitals: 'UNEP', 'UNECE-CLRTAP', 'GOS4M', 'USDoS', 'IEA CCC'; or an acronym
    and the region it is for ('BCRC-Caribbean').

    >>> is_acronym("BCRC-Caribbean"), is_acronym("GEF-funded"), is_acronym("Basel")
    (True, False, False)
    """
    letters = [c for c in token if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper())
    if caps >= 2 and caps >= 0.6 * len(letters) and len(token) <= 20:
        return True
    head, _, rest = token.partition("-")
    return bool(rest) and " " not in token and len(token) <= 20 and is_acronym(head) and rest[:1].isupper() \
        and rest[1:].isalpha() and rest[1:].islower()


def best_long_form(short: str, long: str) -> str | None:
    """Schwartz-Hearst: the shortest suffix of ``long`` whose words spell ``short``; None if none."""
    s_idx, l_idx = len(short) - 1, len(long) - 1
    while s_idx >= 0:
        c = short[s_idx].lower()
        if not c.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (long[l_idx].lower() != c or (s_idx == 0 and l_idx > 0 and long[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = max(long.rfind(c, 0, l_idx + 1) for c in " \n\u2014\u2013/") + 1  # a word starts after a space or dash
    return long[start:]


def find_definitions(text: str) -> list[Definition]:
    """Every 'Long Form (ACR)' in ``text`` whose long form is a capitalised name spelling the acronym."""
    found: list[Definition] = []
    for m in _SHORT.finditer(text):
        short = m.group(1).strip()
        if not is_acronym(short) or "www" in short.lower():
            continue
        window_start = max(0, m.start() - 200)
        before = text[window_start:m.start()]
        # the candidate: the capitalised run right before the parenthesis (same sentence, same line)
        # a name wraps at a line's end ('Pesticide Action Network\nMauritius (PANeM)'); a blank line or a list
        # item's mark ends it
        before = re.sub(r"[\"\u201d\u00bb]\s*$", "", before)  # 'the project "Sahel and ... Mercury" (SCGWM)'
        before = re.split(r"\n(?=[ \t]*(?:\n|[-\u2022*\u25aa\u25cf\u2013]|\d+[.)]))|[;:()\u201c\u201d\"]"
                          r"|(?<=[a-z])\.\s|,\s(?=[a-z])", before)[-1]
        words = list(_WORD.finditer(before))
        letters = len([c for c in short if c.isalnum()])
        words = words[-min(letters + 5, letters * 2):] if words else []
        if not words:
            continue
        candidate = before[words[0].start():].rstrip(" \n,-\u2013\u00b9\u00b2\u00b3")
        long = best_long_form(short, candidate)
        if not long:
            continue
        long = long.strip(" ,-\u2013")
        tokens = long.split()
        if len(tokens) < 2 or not tokens[0][:1].isupper():
            continue
        if any(not (t[:1].isupper() or t[:1].isdigit() or t.lower() in CONNECTORS or "-" in t) for t in tokens):
            continue
        if tokens[-1].lower() in CONNECTORS:
            continue
        long_end = window_start + len(
            text[window_start:m.start()].rstrip(" \n,-\u2013\u00b9\u00b2\u00b3\"\u201d\u00bb"))
        long_start = text.rfind(long, window_start, long_end + 1)
        if long_start < 0:
            continue
        found.append(Definition(long, short, long_start, long_start + len(long), m.start(1),
                                m.start(1) + len(m.group(1).strip())))
    return found
