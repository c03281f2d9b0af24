"""One document in, one ``schema.Extraction`` out: its Document node, the entities it
names (areas, articles, countries) and a MENTIONED_IN edge from each to the document.

>>> result = extract_text("note.txt", "12. The Philippines reported on Article 7 and the ASGM partnership area.")
>>> sorted(n.id for n in result.nodes)
['area:asgm', 'article:7', 'country:PHL']
>>> result.nodes[0].provenance[0].locator
'para 12'
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from loaders.gazetteers import Mention, find_areas, find_articles, find_countries
from loaders.locate import BlockIndex, provenance_for
from loaders.readers import parse_text, read_document
from loaders.text import DEFAULT_MAX_BYTES
from schema import (Area, Article, Country, Document, DocumentNode, Extraction, MentionedIn, Node, Provenance,
                    node_id)
from schema.reference import area_by_key, country_name

Finder = Callable[[str], list[Mention]]
FINDERS: tuple[Finder, ...] = (find_areas, find_articles, find_countries)


def extract_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read ``path`` (text, PDF or DOCX) and extract it; raises ``loaders.text.ReadError``."""
    doc, digest = read_document(Path(path), max_bytes=max_bytes)
    return extract_document(doc, sha256=digest)


def extract_text(document: str, text: str, sha256: str | None = None) -> Extraction:
    """Extract a document given as decoded text."""
    return extract_document(parse_text(text, document), sha256=sha256)


def extract_document(doc: Document, sha256: str | None = None) -> Extraction:
    """Extract the entities of a read document; mentions in dropped furniture are ignored."""
    index = BlockIndex(doc)
    mentions: dict[tuple[str, str], list[tuple[Mention, Provenance]]] = defaultdict(list)
    for finder in FINDERS:
        for mention in finder(doc.text):
            block = index.block_at(mention.start)
            if block is None:
                continue
            mentions[(mention.node_type, mention.key)].append(
                (mention, provenance_for(doc, block, mention.start, mention.end)))
    document = document_node(doc, sha256)
    nodes: list[Node] = []
    edges: list[MentionedIn] = []
    for (node_type, key), found in sorted(mentions.items(), key=lambda item: item[1][0][0].start):
        provenance = [p for _, p in found]
        node = _entity(node_type, key, [m.surface for m, _ in found], provenance)
        nodes.append(node)
        edges.append(MentionedIn(source=node.id, target=document.id, provenance=provenance))
    return Extraction(document=document, nodes=nodes, edges=edges)


def _entity(node_type: str, key: str, surfaces: list[str], provenance: list[Provenance]) -> Node:
    aliases = list(dict.fromkeys(" ".join(s.split()) for s in surfaces))
    ident = node_id(node_type, key)
    if node_type == "Area":
        return Area(id=ident, key=key, name=area_by_key()[key].name, aliases=aliases, provenance=provenance)
    if node_type == "Article":
        return Article(id=ident, key=key, name=f"Article {key}", provenance=provenance)
    if node_type == "Country":
        return Country(id=ident, key=key, name=country_name(key) or key, aliases=aliases, provenance=provenance)
    raise ValueError(f"no entity builder for {node_type}")


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
        period_end=meta.period_end.isoformat() if meta.period_end else None, provenance=[provenance])
