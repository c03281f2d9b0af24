"""A mention: where in the text a known thing is named."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """``text[start:end]`` names the thing of ``node_type`` whose reference key is ``key``."""

    node_type: str
    key: str
    start: int
    end: int
    surface: str
    names_it: bool = True  # False when the surface names something else that implies it (a city for its country)


def flexible(phrase: str) -> str:
    """A regex for ``phrase`` that lets spaces be any whitespace (line breaks in PDF text),
    hyphens be spaces, apostrophes be typographic and '&' stand for 'and'.

    >>> bool(re.fullmatch(flexible("small-scale gold"), "small scale\\ngold"))
    True
    """
    out = []
    for ch in phrase:
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == "-":
            out.append(r"[\s\-\u2010\u2011]*")
        elif ch in "'\u2019":
            out.append("['\u2019]")
        else:
            out.append(re.escape(ch))
    pattern = "".join(out)
    return pattern.replace(r"[\s\-]+and[\s\-]+", r"[\s\-]+(?:and|&)[\s\-]+").replace(r"[\s\-]+\&[\s\-]+", r"[\s\-]+(?:and|&)[\s\-]+")


def alternation(phrases: list[str]) -> str:
    """Non-capturing alternation of flexible phrases, longest first so the longest name wins."""
    return "(?:" + "|".join(flexible(p) for p in sorted(set(phrases), key=len, reverse=True)) + ")"


def starts_with(phrases: list[str], ignore_case: bool = False) -> str:
    """A lookahead for the first characters of ``phrases``: put before a large alternation so that the
    regex engine skips, in one test, every position where none of them can start (spaces, digits, ...).

    >>> starts_with(["Kenya", "Peru", "kenya"])
    '(?=[KPk])'
    """
    firsts = sorted({p[0] for p in phrases if p})
    if ignore_case:
        firsts = sorted({c for f in firsts for c in (f.lower(), f.upper())})
    return "(?=[" + "".join(re.escape(c) if c in "\\]^-[" else c for c in firsts) + "])"
