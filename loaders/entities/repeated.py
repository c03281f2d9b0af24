"""Every other place a named organisation or project appears under a name it was found by.

One sense per document: 'Pact' found once as a partner is Pact wherever the report names it again. The
names are matched in one pass (a compiled alternation, longest first), on word boundaries, case-sensitively,
and never inside a mention already located.
"""

from __future__ import annotations

import bisect
import re

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
    if not surfaces:
        return
    taken = sorted((m.start, m.end) for m in ann.located)
    starts = [a for a, _ in taken]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
                         + r")(?![\w-])")
    found: list[Located] = []
    for hit in pattern.finditer(text):
        i = bisect.bisect_right(starts, hit.end()) - 1
        if any(a < hit.end() and hit.start() < b for a, b in taken[max(0, i - 32):i + 1]):
            continue
        block = ann.index.block_at(hit.start())
        if block is not None:
            found.append(Located(surfaces[hit.group(0)], hit.start(), hit.end(), block))
    ann.located += found
