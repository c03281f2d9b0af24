"""Find the block a mention sits in, and the sentence around it, for provenance.

>>> from loaders.readers import parse_text
>>> doc = parse_text("II. Overview\\n\\n7. Mr. Fretheim (Norway) chaired. It ended.", "r.txt")
>>> index = BlockIndex(doc)
>>> start = doc.text.index("Norway")
>>> prov = provenance_for(doc, index.block_at(start), start, start + 6)
>>> prov.locator, prov.quote
('para 7', 'Mr. Fretheim (Norway) chaired.')
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from schema import Block, Document, Provenance

# titles before a name ('Hon.', 'Engr.', 'Ag. Deputy Executive Director': acting) end no sentence
_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Hon|Engr|Atty|Amb|Ag|No|Nos|St|Inc|Ltd|Co|Corp|vs|etc|approx|para|"
                     r"paras|Corr|Rev|Vol|fig|e\.g|i\.e|U\.S|U\.K|al)|\b[A-Z])\.$")
_LIST_START = r"\n(?=[ \t]*(?:[-\u2022*\uf0b7|]|\d+\.|\d{1,2}:\d\d|[a-z]\)|\(?[ivx]+\)))"  # a list item, a table's
#                                                                                  row, an agenda's time
SENTENCE_WINDOW = 3000  # no real sentence is longer; a block of one "sentence" longer than this is cut
_LEFT = re.compile(r"[.!?;](?:[\"\u201d\u2019)])?\s+|" + _LIST_START + r"|</?(?:p|li|ul)\b[^>]*>")
_RIGHT = re.compile(r"[.!?;](?=[\"\u201d\u2019)]?\s)|" + _LIST_START + r"|</?(?:p|li|ul)\b[^>]*>")
MAX_QUOTE = 320
CONTAINERS = frozenset({"table", "row"})


class BlockIndex:
    """Innermost-block look-up by text offset for one document."""

    def __init__(self, doc: Document) -> None:
        blocks = [b for b in doc.walk() if b.kind not in CONTAINERS and b.end > b.start]
        self.blocks = sorted(blocks, key=lambda b: (b.start, -b.end))
        self.starts = [b.start for b in self.blocks]
        self.dropped = sorted((d.start, d.end) for d in doc.dropped)

    def block_at(self, offset: int) -> Block | None:
        """The smallest block whose span holds ``offset``, or None (furniture, blank space)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        best: Block | None = None
        for block in reversed(self.blocks[max(0, i - 64):i + 1]):
            if block.start <= offset < block.end and (best is None or block.end - block.start < best.end - best.start):
                best = block
        return best


def sentence_span(text: str, block: Block, start: int, end: int, clip: bool = True) -> tuple[int, int]:
    """The sentence of ``block`` that holds ``text[start:end]``; with ``clip``, at most MAX_QUOTE characters
    around the mention. Boundaries are looked for at most SENTENCE_WINDOW characters either side, so the
    cost of a mention does not grow with its block. (Remembered: a mention's sentence is asked for by its
    provenance and again by the sentence index.)"""
    return _sentence_span(text, block.start, block.end, start, end, clip)


@lru_cache(maxsize=65536)
def _sentence_span(text: str, block_start: int, block_end: int, start: int, end: int, clip: bool) -> tuple[int, int]:
    left = max(block_start, start - SENTENCE_WINDOW)
    for m in _LEFT.finditer(text, left, start):
        boundary = m.end()
        if m.group(0)[:1] == ";" and _in_brackets(text, block_start, m.start()):
            continue  # '(ICSC, formerly IEACCC; Co-lead of the Partnership area)': one sentence
        if not _ABBREV.search(text[max(block_start, boundary - 12):boundary].rstrip()):
            left = boundary
    right = min(block_end, end + SENTENCE_WINDOW)
    for m in _RIGHT.finditer(text, end, right):
        boundary = m.end() if m.group(0)[:1] in ".!?;" else m.start()
        if m.group(0)[:1] == ";" and _in_brackets(text, block_start, m.start()):
            continue
        if not _ABBREV.search(text[max(block_start, boundary - 12):boundary]):
            right = boundary
            break
    if clip and right - left > MAX_QUOTE:
        half = (MAX_QUOTE - (end - start)) // 2
        left = max(left, start - max(half, 0))
        right = min(right, max(end, left + MAX_QUOTE))
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def forget_sentences() -> None:
    """Drop the remembered sentence spans (and with them the text they were found in)."""
    _sentence_span.cache_clear()


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside round brackets opened since ``start`` (on its line)?"""
    line_start = max(start, text.rfind("\n", 0, pos) + 1)
    segment = text[line_start:pos]
    return segment.count("(") > segment.count(")")


def provenance_for(doc: Document, block: Block, start: int, end: int) -> Provenance:
    """Provenance of a mention at ``doc.text[start:end]`` in ``block``: locator, section, area, sentence."""
    left, right = sentence_span(doc.text, block, start, end)
    return Provenance(document=doc.meta.file, locator=block.locator, quote=doc.text[left:right], start=left,
                      end=right, section=block.section, area=block.area)
