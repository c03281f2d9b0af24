"""One document in, one ``schema.Extraction`` out: its Document node, the entities it
names (areas, articles, countries, and the government of a country that acts) and a MENTIONED_IN edge from
each to the document.

>>> result = extract_text("note.txt", "12. The Philippines reported on Article 7 and the ASGM partnership area.")
>>> sorted(n.id for n in result.nodes)
['area:asgm', 'article:7', 'country:PHL', 'org:government-of-the-philippines']
>>> result.nodes[0].provenance[0].locator
'para 12'
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.membership import find_membership
from loaders.pipeline import PIPELINE, run
from loaders.readers import parse_text, read_document
from loaders.text import DEFAULT_MAX_BYTES
from schema import Document, DocumentNode, Extraction, MentionedIn, Provenance, node_id


def extract_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read ``path`` (text, PDF or DOCX) and extract it; raises ``loaders.text.ReadError``."""
    doc, digest = read_document(Path(path), max_bytes=max_bytes)
    return extract_document(doc, sha256=digest)


def extract_text(document: str, text: str, sha256: str | None = None) -> Extraction:
    """Extract a document given as decoded text."""
    return extract_document(parse_text(text, document), sha256=sha256)


def extract_document(doc: Document, sha256: str | None = None, pipeline: tuple = PIPELINE) -> Extraction:
    """Run the pipeline (``loaders.pipeline``, or another list of components) over a read document; mentions in
    dropped furniture are ignored."""
    ann = run(doc, sha256, pipeline)
    document = document_node(doc, sha256)
    edges = ann.edges.values()
    edges += [MentionedIn(source=node.id, target=document.id, provenance=node.provenance) for node in ann.nodes]
    return Extraction(document=document, nodes=ann.nodes, edges=edges)


def document_node(doc: Document, sha256: str | None = None) -> DocumentNode:
    """The graph node of a read document, with its metadata and a quote of its opening block."""
    text = doc.text
    first = next(iter(doc.walk()), None)
    start, end = (first.start, first.end) if first else (0, len(text))
    end = min(end, start + 200)
    if end <= start:
        start, end = 0, max(1, min(len(text), 200))
    provenance = Provenance(document=doc.meta.file, locator=first.locator if first else "document",
                            quote=text[start:end] or doc.meta.file, start=start, end=end)
    meta = doc.meta
    return DocumentNode(
        id=node_id("Document", meta.file), name=meta.title or meta.file, file=meta.file,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), chars=len(text), format=meta.format,
        title=meta.title, symbol=meta.symbol, date=meta.date.isoformat() if meta.date else None,
        period_start=meta.period_start.isoformat() if meta.period_start else None,
        period_end=meta.period_end.isoformat() if meta.period_end else None, provenance=[provenance],
        membership=find_membership(doc))
