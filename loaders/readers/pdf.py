"""PDF files: text per page with pypdf, then the text reader.

pypdf is pure Python (no system libraries), BSD-licensed and actively maintained; it
reads the reports' text layer, which is all extraction needs. Encrypted, damaged and
truncated files raise ``ReadError`` with the reason.
"""

from __future__ import annotations

import io
import logging
import re

from loaders.text import ReadError

MAX_PAGES = 2000
# glyphs that PDF fonts use for list bullets, as text extraction returns them
_GLYPH_BULLET = re.compile(r"^([ \t]*)[\x7f\u2022\uf0b7\uf0a7\uf0d8\u25aa\u25cf\u25a0\uf076]\s*", re.MULTILINE)


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF's pages, pages separated by blank lines, bullet glyphs as '- '."""
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
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError) as exc:
        raise ReadError(f"{name}: damaged or truncated PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise ReadError(f"{name}: PDF has no text layer (scanned images?); run OCR first")
    return _GLYPH_BULLET.sub(r"\1- ", text)
