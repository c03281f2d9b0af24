"""Write a read Document back out as a real PDF (reportlab) or DOCX (python-docx), for round trips."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from schema import Block, Document

_MARKER = re.compile(r"^[-\u2022*]\s+")
_ITEM = re.compile(r"<(p|li)\b[^>]*>(.*?)</\1\s*>", re.DOTALL)


def plain(doc: Document, block: Block) -> str:
    """A block's own text on one line, without Markdown markup or a bullet marker."""
    text = " ".join(doc.block_text(block).replace("**", "").split())
    if block.kind == "heading":
        text = " ".join(x for x in (block.number, block.title) if x)
    return text if block.kind == "footnote" else _MARKER.sub("", text)


def flow(doc: Document) -> list[Block]:
    """Headings, paragraphs, bullets and footnotes in reading order."""
    return [b for b in doc.walk() if b.kind in ("heading", "paragraph", "bullet", "footnote")]


def to_docx(doc: Document) -> bytes:
    import docx

    out = docx.Document()
    for block in doc.walk():
        if block.kind == "heading":
            out.add_heading(plain(doc, block), level=min(max(block.level, 1), 9))
        elif block.kind in ("paragraph", "footnote", "caption"):
            out.add_paragraph(plain(doc, block))
        elif block.kind == "bullet":
            style = "List Bullet" if block.level == 0 else f"List Bullet {min(block.level + 1, 3)}"
            out.add_paragraph(plain(doc, block), style=style)
        elif block.kind == "table":
            # one DOCX row per physical line of the text table, so continued rows stay continued
            lines = [ln for ln in doc.text[block.start:block.end].split("\n") if "\t" in ln]
            width = max(len(ln.split("\t")) for ln in lines)
            table = out.add_table(rows=len(lines), cols=width)
            for r, line in enumerate(lines):
                for c, cell_text in enumerate(line.split("\t")):
                    items = [" ".join(m.group(2).split()) for m in _ITEM.finditer(cell_text)]
                    texts = items or [" ".join(re.sub(r"<[^>]+>", " ", cell_text).split())]
                    target = table.cell(r, c)
                    target.text = texts[0]
                    for more in texts[1:]:
                        target.add_paragraph(more)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def to_pdf(doc: Document, page_numbers: bool = True) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = []
    for block in flow(doc):
        text = escape(plain(doc, block))
        if block.kind == "heading":
            story.append(Paragraph(text, styles["Heading2" if block.level <= 2 else "Heading3"]))
        elif block.kind == "bullet":
            story.append(Paragraph(text, styles["BodyText"], bulletText="\u2022"))
        else:
            story.append(Paragraph(text, styles["BodyText"]))

    def footer(canvas: object, _: object) -> None:
        if page_numbers:
            canvas.drawString(280, 20, str(canvas.getPageNumber()))  # type: ignore[attr-defined]

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
