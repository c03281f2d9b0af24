"""Every other place a named organisation or project appears under a name it was found by.

One sense per document: 'Pact' found once as a partner is Pact wherever the report names it again. The
names are matched in one pass (a compiled alternation, longest first), on word boundaries, case-sensitively,
and never inside a mention already located.
"""

from __future__ import annotations

import bisect

import ahocorasick

from loaders.annotated import Annotated, Located
from schema import Node


def repeated_mentions(ann: Annotated) -> None:
    """Pipeline component: locate the later bare mentions of names already found."""
    text = ann.text
    surfaces: dict[str, Node] = {}
    for m in ann.located:
        if m.node.type in ("Organization", "Project"):
            surface = text[m.start:m.end]
            if len(surface) >= 3 and any(c.isupper() for c in surface) and "\n" not in surface:
                surfaces.setdefault(surface, m.node)
            if m.node.type == "Project" and len(m.node.name.split()) >= 3 and surface.startswith(m.node.name):
                surfaces.setdefault(m.node.name, m.node)  # 'the X project': X alone, as a page's title gives it
    if not surfaces:
        return
    taken = sorted((m.start, m.end) for m in ann.located)
    starts = [a for a, _ in taken]
    found: list[Located] = []
    for start, end in _occurrences(text, surfaces):
        i = bisect.bisect_right(starts, end) - 1
        if any(a < end and start < b for a, b in taken[max(0, i - 32):i + 1]):
            continue
        block = ann.index.block_at(start)
        if block is not None:
            found.append(Located(surfaces[text[start:end]], start, end, block))
    ann.located += found


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands on word boundaries (no letter, digit, '_' or '-' on either side)."""
    return not (start and (text[start - 1].isalnum() or text[start - 1] in "_-")) and \
        not (end < len(text) and (text[end].isalnum() or text[end] in "_-"))


def _occurrences(text: str, names) -> list[tuple[int, int]]:
    """The places of ``names`` in ``text`` on word boundaries, left to right without overlaps, the longest name
    where two start at one place.

    >>> _occurrences("Pact and Pact Institute; Impact", ["Pact", "Pact Institute"])
    [(0, 4), (9, 23)]
    """
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    hits = sorted((end + 1 - size, -size) for end, size in automaton.iter(text)
                  if _bounded(text, end + 1 - size, end + 1))
    out: list[tuple[int, int]] = []
    for start, negative in hits:
        if not out or start >= out[-1][1]:
            out.append((start, start - negative))
    return out
