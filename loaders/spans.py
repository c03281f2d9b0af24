"""Spans of text, indexed for overlap questions at a cost that does not grow with how many there are.

Rules ask of each candidate name "is it inside (or across) one already found?". Asked of a list, that is
the number of candidates times the number of names: a long document of many names paid its square.
:class:`Spans` keeps the spans sorted by start and the longest span's length, so the spans that can meet
``[start, end)`` are found by bisection.

>>> spans = Spans([(0, 10), (20, 30), (25, 40)])
>>> spans.overlapping(22, 26)
[(20, 30), (25, 40)]
>>> spans.overlapping(10, 20)
[]
>>> spans.holds(21, 29)
True
>>> list(line_spans("ab\\ncd", 0))
[(0, 2), (3, 5)]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator


class Spans:
    """Half-open ``(start, end)`` character spans, for overlap and containment lookups."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]
        self._longest = max((b - a for a, b in self._spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that share at least one character with ``[start, end)`` (or touch ``start`` when the
        query is empty), in order of start."""
        end = max(end, start + 1)
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [(a, b) for a, b in self._spans[lo:hi] if b > start]

    def holds(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` inside one of the spans?"""
        return any(a <= start and end <= b for a, b in self.overlapping(start, end))

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


def line_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[start:end]``, as offsets into ``text``."""
    at = start
    for line in text[start:len(text) if end is None else end].split("\n"):
        yield at, at + len(line)
        at += len(line) + 1
