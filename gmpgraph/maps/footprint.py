"""How much room a node takes on a map: its shape and the label vis-network draws under it, in canvas units.

The layouts use it to keep neighbours' labels apart. Text widths are estimated from per-character widths of
DejaVu Sans (the sans-serif font of a plain Linux desktop and of headless Chromium; most other sans-serif
fonts are narrower, so the estimate errs on the roomy side). The browser measures the real widths when it
places the labels (``labels.js``); this only has to be close.

>>> round(text_width("Mercury", 10))  # Chromium measures 41
40
>>> box = node_footprint("UNIDO", font_size=13, radius=10)
>>> box.half_width > 10, box.above, box.below > 10 + 13
(True, 10, True)
"""

from __future__ import annotations

from dataclasses import dataclass

#: em widths of DejaVu Sans, by class of character; anything else counts as a wide letter
_NARROW = frozenset("iljI.,:;'!|[]()ft r-/\\\"")
_DIGITS = frozenset("0123456789")
_WIDE = frozenset("mwMW@%…")
_EM = {"narrow": 0.34, "digit": 0.64, "wide": 0.95, "lower": 0.60, "upper": 0.70}


def _em(char: str) -> float:
    if char in _NARROW:
        return _EM["narrow"]
    if char in _DIGITS:
        return _EM["digit"]
    if char in _WIDE:
        return _EM["wide"]
    return _EM["upper"] if char.isupper() else _EM["lower"]


def text_width(text: str, size: float) -> float:
    """The estimated width of one line of ``text`` at ``size`` pixels.

    >>> text_width("ii", 10) < text_width("MM", 10)
    True
    """
    return size * sum(_em(c) for c in text)


@dataclass(frozen=True)
class Footprint:
    """The box a node covers around its centre: half its width, and how far it reaches above and below."""

    half_width: float
    above: float
    below: float

    def box(self, x: float, y: float) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the node placed at (x, y).

        >>> Footprint(5, 2, 8).box(0, 0)
        (-5, -2, 5, 8)
        """
        return (x - self.half_width, y - self.above, x + self.half_width, y + self.below)


def node_footprint(label: str, font_size: float, radius: float) -> Footprint:
    """The shape (a radius) with its label underneath: vis-network hangs a label ``font_size / 2 + 4`` below the
    shape, one line high."""
    width = max(2 * radius, text_width(label, font_size))
    return Footprint(half_width=width / 2, above=radius, below=radius + font_size / 2 + 4 + font_size)


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float], gap: float = 0.0) -> bool:
    """Whether two boxes (left, top, right, bottom) come closer than ``gap``.

    >>> overlap((0, 0, 10, 10), (12, 0, 20, 10)), overlap((0, 0, 10, 10), (12, 0, 20, 10), gap=4)
    (False, True)
    """
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap
