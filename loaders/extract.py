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

from loaders.blocks import Block, block_at, provenance_for, split_blocks
from loaders.gazetteers import Mention, find_areas, find_articles, find_countries
from loaders.text import DEFAULT_MAX_BYTES, read_source
from schema import Area, Article, Country, Document, Extraction, MentionedIn, Node, Provenance, node_id
from schema.reference import area_by_key, country_name

Finder = Callable[[str], list[Mention]]
FINDERS: tuple[Finder, ...] = (find_areas, find_articles, find_countries)


def extract_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read ``path`` and extract it; raises ``loaders.text.ReadError`` for unreadable files."""
    text, digest = read_source(Path(path), max_bytes=max_bytes)
    return extract_text(Path(path).name, text, sha256=digest)


def extract_text(document: str, text: str, sha256: str | None = None) -> Extraction:
    """Extract the entities of a document whose decoded text is ``text``."""
    blocks = split_blocks(text)
    doc = _document_node(document, text, blocks, sha256)
    mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for finder in FINDERS:
        for mention in finder(text):
            mentions[(mention.node_type, mention.key)].append(mention)
    nodes: list[Node] = []
    edges: list[MentionedIn] = []
    for (node_type, key), found in sorted(mentions.items(), key=lambda item: item[1][0].start):
        provenance = [provenance_for(text, document, block_at(blocks, m.start), m.start, m.end) for m in found]
        node = _entity(node_type, key, [m.surface for m in found], provenance)
        nodes.append(node)
        edges.append(MentionedIn(source=node.id, target=doc.id, provenance=provenance))
    return Extraction(document=doc, nodes=nodes, edges=edges)


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


def _document_node(document: str, text: str, blocks: list[Block], sha256: str | None) -> Document:
    first = blocks[0] if blocks else Block(0, len(text), "line 1", None)
    quote_end = min(first.end, first.start + 200)
    provenance = Provenance(document=document, locator=first.locator, quote=text[first.start:quote_end],
                            start=first.start, end=quote_end)
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=node_id("Document", document), name=document, file=document, sha256=digest,
                    chars=len(text), provenance=[provenance])
