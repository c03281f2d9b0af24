"""PDF files: lines with their position and font from pypdf, rebuilt as Markdown-ish text.

pypdf is pure Python (no system libraries), BSD-licensed and actively maintained. Its
plain text output loses what the text reader needs (paragraph gaps, headings,
indentation), so this reader walks the text with pypdf's visitor, which reports each
run's position, font and size, and writes:

* a blank line where the vertical gap is larger than the body's line spacing (a new
  paragraph), and between pages;
* ``## `` before lines set larger than the body text, ``**...**`` around bold lines;
* leading spaces for lines indented from the page's left margin (nested bullets);
* ``- `` for bullet glyphs.

Encrypted, damaged and truncated files raise ``ReadError`` with the reason.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from loaders.text import ReadError

MAX_PAGES = 2000
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_GLYPH_BULLET = re.compile(r"^[\x7f\u2022\uf0b7\uf0a7\uf0d8\u25aa\u25cf\u25a0\uf076]\s*")


@dataclass
class PdfLine:
    text: str
    x: float
    y: float
    size: float
    bold: bool


def _page_lines(page: object) -> list[PdfLine]:
    lines: list[PdfLine] = []
    parts: list[str] = []
    first: list[float | bool] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] or tm[0] or 1) * abs(cm[3] or cm[0] or 1)
        name = str(font.get("/BaseFont", "")) if font else ""
        for k, piece in enumerate(text.split("\n")):
            if k > 0:
                _finish()
            if piece.strip():
                if not first:
                    first.extend([x, y, size * scale, "bold" in name.lower()])
                parts.append(piece)

    def _finish() -> None:
        if parts and first:
            lines.append(PdfLine("".join(parts).rstrip(), float(first[0]), float(first[1]), float(first[2]),
                                 bool(first[3])))
        parts.clear()
        first.clear()

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    _finish()
    return lines


def _to_markdown(pages: list[list[PdfLine]]) -> str:
    body = [ln for page in pages for ln in page]
    if not body:
        return ""
    sizes = Counter()
    for ln in body:
        sizes[round(ln.size, 1)] += len(ln.text)
    body_size = sizes.most_common(1)[0][0]
    gaps = Counter(round(a.y - b.y, 1) for page in pages for a, b in zip(page, page[1:], strict=False)
                   if round(a.size, 1) == round(b.size, 1) == body_size and 0 < a.y - b.y < 3 * body_size)
    spacing = gaps.most_common(1)[0][0] if gaps else body_size * 1.2
    left = min((ln.x for ln in body if round(ln.size, 1) == body_size), default=0.0)
    # larger sizes rank as heading levels: the largest is '##', the next '###', ...
    heading_sizes = sorted({round(ln.size, 1) for ln in body if ln.size > body_size * 1.1}, reverse=True)
    marks = {size: "#" * min(2 + rank, 6) for rank, size in enumerate(heading_sizes)}
    out: list[str] = []
    for page in pages:
        out.append("")
        previous: PdfLine | None = None
        for ln in page:
            text = ln.text.strip()
            if _PAGE_NUMBER.fullmatch(text):  # furniture: left as a plain line for the text reader to drop
                out.extend(["", text, ""])
                continue
            bullet = _GLYPH_BULLET.match(text)
            if bullet:
                text = "- " + text[bullet.end():]
            style = "big" if ln.size > body_size * 1.1 else "bold" if ln.bold else "body"
            prev_style = None
            if previous is not None:
                prev_style = "big" if previous.size > body_size * 1.1 else "bold" if previous.bold else "body"
            gap = (previous.y - ln.y) if previous is not None else 0
            joins = previous is not None and style == prev_style and style != "body" and gap <= spacing * 1.5
            if joins:  # a heading wrapped over two lines
                out[-1] = out[-1][:-2] + " " + text + "**" if style == "bold" else out[-1] + " " + text
            else:
                if previous is None or gap > spacing * 1.3 or style != prev_style or gap < 0:
                    out.append("")
                indent = " " * max(0, round((ln.x - left) / (body_size * 0.6))) if style == "body" else ""
                if style == "big":
                    out.append(marks[round(ln.size, 1)] + " " + text)
                elif style == "bold":
                    out.append("**" + text + "**")
                else:
                    out.append(indent + text)
            previous = ln
    return "\n".join(out).strip("\n") + "\n"


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF rebuilt with paragraph breaks, headings and indentation."""
    import pypdf
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure to open is the same answer for the user
                opened = 0
            if not opened:
                raise ReadError(f"{name}: encrypted PDF (needs a password); save an unencrypted copy")
        if len(reader.pages) > MAX_PAGES:
            raise ReadError(f"{name}: PDF has {len(reader.pages)} pages, more than the {MAX_PAGES} read")
        pages = [_page_lines(page) for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, ZeroDivisionError,
            RecursionError) as exc:
        raise ReadError(f"{name}: damaged or truncated PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = _to_markdown(pages)
    if not text.strip():
        raise ReadError(f"{name}: PDF has no text layer (scanned images?); run OCR first")
    return text
