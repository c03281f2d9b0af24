"""Split a document's text into located blocks and find the sentence around a mention.

A block is a paragraph-like run of lines. Its locator is ``para N`` for a numbered
paragraph ("26. Ms. Keane and ...") the first time N is seen, otherwise
``line L`` (1-based line of its first character). The nearest heading above a
block is kept as its section.

>>> [b.locator for b in split_blocks("**1. Opening**\\n\\n1. The meeting opened.\\n2. It closed.")]
['line 1', 'para 1', 'para 2']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schema import Provenance

_NUMBERED = re.compile(r"[ \t]*(\d{1,3})\.[ \t]+(?=[A-Z\u201c\"(])")
_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*\S.*|\*\*[^*\n]{2,200}\*\*[ \t]*|(?:[IVX]{1,5}|[A-H])\.[ \t]*\S.{0,150})$")
_BLANK = re.compile(r"\n[ \t\f\v]*\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|No|Nos|St|Inc|Ltd|Co|Corp|vs|etc|approx|para|paras|Corr|Rev|"
                     r"Vol|fig|e\.g|i\.e|U\.S|U\.K|al)|\b[A-Z])\.$")
MAX_QUOTE = 320


@dataclass(frozen=True)
class Block:
    """A paragraph-like span of the text: ``text[start:end]``."""

    start: int
    end: int
    locator: str
    section: str | None
    is_heading: bool = False


def split_blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order, each with a locator and its section heading."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        pieces.extend(_split_numbered(text, pos, end))
        pos = m.end() if m else len(text)
    blocks: list[Block] = []
    seen_numbers: set[str] = set()
    section: str | None = None
    for start, end in pieces:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        start, end = start + lead, end - trail
        if start >= end:
            continue
        body = text[start:end]
        previous = blocks[-1] if blocks else None
        if (previous and not previous.is_heading and body[0].islower()
                and text[previous.end - 1] not in ".!?:;"):
            # a paragraph cut by a page break: the lower-case start continues the block above
            blocks[-1] = Block(previous.start, end, previous.locator, previous.section)
            continue
        number = _NUMBERED.match(body)
        heading = "\n" not in body and bool(_HEADING.match(body)) and not number
        if number and number.group(1) not in seen_numbers:
            seen_numbers.add(number.group(1))
            locator = f"para {number.group(1)}"
        else:
            locator = f"line {_line_of(line_starts, start)}"
        blocks.append(Block(start, end, locator, section, heading))
        if heading:
            section = re.sub(r"[#*]+", "", body).strip() or section
    return blocks


def _split_numbered(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a blank-line-separated chunk again before lines that open a numbered paragraph."""
    cuts = [start]
    for m in re.finditer(r"\n", text[start:end]):
        line_start = start + m.end()
        if _NUMBERED.match(text, line_start, end):
            cuts.append(line_start)
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


def _line_of(line_starts: list[int], offset: int) -> int:
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def sentence_span(text: str, block: Block, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``block`` that holds ``text[start:end]``, at most MAX_QUOTE characters."""
    left = block.start
    for m in re.finditer(r"[.!?;](?:[\"\u201d\u2019)])?\s+|\n(?=[ \t]*(?:[-\u2022*\uf0b7]|\d+\.|[a-z]\)|\(?[ivx]+\)))",
                         text[block.start:start]):
        boundary = block.start + m.end()
        if not _ABBREV.search(text[max(block.start, boundary - 12):boundary].rstrip()):
            left = boundary
    right = block.end
    for m in re.finditer(r"[.!?;](?=[\"\u201d\u2019)]?\s)|\n(?=[ \t]*(?:[-\u2022*\uf0b7]|\d+\.|[a-z]\)|\(?[ivx]+\)))",
                         text[end:block.end]):
        boundary = end + m.end()
        if not _ABBREV.search(text[max(block.start, boundary - 12):boundary]):
            right = boundary
            break
    if right - left > MAX_QUOTE:
        half = (MAX_QUOTE - (end - start)) // 2
        left = max(left, start - max(half, 0))
        right = min(right, max(end, left + MAX_QUOTE))
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def provenance_for(text: str, document: str, block: Block, start: int, end: int) -> Provenance:
    """Provenance of a mention at ``text[start:end]``: its block's locator and its sentence."""
    left, right = sentence_span(text, block, start, end)
    return Provenance(document=document, locator=block.locator, quote=text[left:right], start=left, end=right,
                      section=block.section)


def block_at(blocks: list[Block], offset: int) -> Block:
    """The block that holds ``offset`` (blocks are sorted and disjoint)."""
    lo, hi = 0, len(blocks) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if blocks[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return blocks[lo]
