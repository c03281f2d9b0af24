"""Readers: a file's bytes in, a ``schema.Document`` (metadata and located block tree) out.

The format is told from the content, never the file name: a PDF by its ``%PDF`` header,
a DOCX by the ZIP container holding ``word/document.xml``, anything else as text (and
then whether it is Markdown-ish, HTML-in-table, slides or plain).
"""

from loaders.readers.dispatch import read_document, read_document_bytes
from loaders.readers.text import parse_text

__all__ = ["parse_text", "read_document", "read_document_bytes"]
