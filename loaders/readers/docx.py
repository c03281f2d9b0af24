"""DOCX files: paragraphs, headings, lists and tables with python-docx, then the text reader.

python-docx (MIT) reads Word's XML directly, with styles, so heading levels and list
items come from the document's own structure. The DOCX is rendered to the same
Markdown-ish text the other readers produce ('## Heading', '- item', tab-separated rows
with ``<p>`` per cell paragraph), which the text reader then parses: one parser, one set
of locator rules. A ZIP bomb (huge uncompressed size or ratio) is refused before parsing.
"""

from __future__ import annotations

import io
import re
import zipfile

from loaders.text import ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100


def check_zip(data: bytes, name: str) -> None:
    """Refuse archives that are not DOCX or that would expand beyond sane limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise ReadError(f"{name}: a ZIP file but not a Word document (no word/document.xml)")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{name}: damaged ZIP/DOCX container ({exc})") from None
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise ReadError(f"{name}: DOCX would expand to {total / 1e6:.0f} MB ({total / packed:.0f}x); "
                        f"refused as a possible ZIP bomb")


def docx_text(data: bytes, name: str) -> str:
    """Markdown-ish text of a DOCX: headings, list items, paragraphs and tables in order."""
    check_zip(data, name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for broken XML
        raise ReadError(f"{name}: damaged DOCX ({type(exc).__name__}: {str(exc)[:120]})") from None
    chunks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            level = _level(style)
            if style.startswith("Heading") or style == "Title":
                chunks.append("#" * max(level, 1) + " " + text)
            elif style.startswith("List"):
                chunks.append("  " * max(level - 1, 0) + "- " + text)
            else:
                chunks.append(text)
        elif isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    paras = [p.text.strip() for p in cell.paragraphs if p.text.strip()]
                    cells.append(paras[0] if len(paras) == 1 else " ".join(f"<p>{p}</p>" for p in paras))
                rows.append("\t".join(cells))
            chunks.append("\n".join(rows))
    return "\n\n".join(chunks)


def _level(style: str) -> int:
    m = re.search(r"(\d+)$", style)
    return int(m.group(1)) if m else 1
