"""Choose a reader from a file's content and return a ``schema.Document``.

>>> doc = read_document_bytes(b"12. Viet Nam reported.", "n.txt")
>>> doc.meta.format, [b.locator for b in doc.walk()]
('text', ['para 12'])
"""

from __future__ import annotations

from pathlib import Path

from loaders.readers.docx import docx_text
from loaders.readers.pdf import pdf_text
from loaders.readers.text import parse_text
from loaders.text import DEFAULT_MAX_BYTES, NotThatFormat, ReadError, decode_text, read_bytes
from schema import Document


def read_document_bytes(data: bytes, name: str) -> Document:
    """Read a document from its bytes; ``name`` is used in messages and provenance.

    The format is chosen by the bytes; a name ending in ``.pdf`` whose bytes are no PDF is refused
    (:class:`NotThatFormat`) rather than read as text.
    """
    if name.casefold().endswith(".pdf") and data[:5] != b"%PDF-":
        raise NotThatFormat(f"{name}: not a PDF (the file has no PDF header; it starts with "
                            f"{_start(data)}); export it again as PDF, or give it the name of what it is")
    if data[:5] == b"%PDF-":
        return parse_text(pdf_text(data, name), name, "pdf")
    if data[:4] == b"PK\x03\x04":
        return parse_text(docx_text(data, name), name, "docx")
    return parse_text(decode_text(data, name), name)


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, str]:
    """Read ``path``: its Document and the SHA-256 of its bytes. Raises ReadError with a reason."""
    data, digest = read_bytes(Path(path), max_bytes)
    if not data.strip():
        raise ReadError(f"{Path(path).name}: empty file")
    return read_document_bytes(data, Path(path).name), digest


def _start(data: bytes) -> str:
    """The first bytes of a file, shown safely in a message: readable text quoted, anything else in hex."""
    head = data[:16]
    text = head.decode("ascii", errors="replace")
    if "\ufffd" not in text and all(c.isprintable() or c in "\t\n\r" for c in text):
        return repr(text)
    return head.hex(" ") if head else "nothing"
