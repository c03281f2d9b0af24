"""Reviewed facts as gold annotations (the format of ``../shared/gold``, see its GUIDELINES.md): per document,
the edges a reviewer accepted or added with their two ends, and the ones rejected as known negatives in a
field of their own (``negatives``), so the learned extractor can be trained on them.

>>> from gmpgraph.store import GraphStore
>>> from schema import Area, Organization, Leads, Provenance
>>> store = GraphStore()
>>> p = Provenance(document="r.txt", locator="para 1", quote="A leads coal", start=0, end=12)
>>> _ = store.add_node(Area(id="area:coal", key="coal", name="Coal"))
>>> _ = store.add_node(Organization(id="org:a", name="A"))
>>> _ = store.add_edge(Leads(source="org:a", target="area:coal", provenance=[p], reviewed="accepted"))
>>> gold = gold_of(store, [])["r.txt"]
>>> gold["relations"], [e["name"] for e in gold["entities"]]
([{'type': 'LEADS', 'head': 'A', 'tail': 'coal', 'evidence': 'A leads coal'}], ['A', 'Coal'])
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from gmpgraph.graphfile import write_atomic
from gmpgraph.store import GraphStore
from schema import AnyNode
from schema.review import EdgeRef

KEYED = ("Area", "Article", "Country")


def _entity(node: AnyNode) -> dict:
    entity = {"type": node.type, "name": node.name, "aliases": list(node.aliases)}
    if node.type in KEYED:
        entity["key"] = node.key
    if node.type == "Organization" and getattr(node, "kind", None):
        entity["kind"] = node.kind
    return entity


def _ref(node: AnyNode) -> str:
    """How a relation names an end: keyed types by key, the others by name (as the gold does)."""
    return node.key if node.type in KEYED and node.key else node.name


def gold_of(store: GraphStore, rejected: list[tuple[EdgeRef, str, str, str | None]]) -> dict[str, dict]:
    """Gold annotations per document: the reviewed edges (accepted, added, corrected) stated there with their
    ends, and ``rejected`` ((edge, source name, target name, document)) as negatives of their document."""
    out: dict[str, dict] = {}

    def doc(name: str) -> dict:
        return out.setdefault(name, {"document": name, "entities": [], "relations": [], "negatives": []})

    for edge in store.edges():
        if not edge.reviewed or edge.type == "MENTIONED_IN" or getattr(edge, "status", None) == "planned":
            continue
        source, target = store.node(edge.source), store.node(edge.target)
        for document in dict.fromkeys(p.document for p in edge.provenance):
            gold = doc(document)
            quote = next(p.quote for p in edge.provenance if p.document == document)
            gold["relations"].append({"type": edge.type, "head": _ref(source), "tail": _ref(target),
                                      "evidence": quote})
            for node in (source, target):
                if not any(e["type"] == node.type and e["name"] == node.name for e in gold["entities"]):
                    gold["entities"].append(_entity(node))
    for edge, source, target, document in rejected:
        if document:
            doc(document)["negatives"].append({"type": edge.type, "head": source, "tail": target})
    for gold in out.values():
        if not gold["negatives"]:
            del gold["negatives"]
    return out


def export_gold(store: GraphStore, rejected: list[tuple[EdgeRef, str, str, str | None]], folder: Path,
                sources: dict[str, str] | None = None) -> list[Path]:
    """Write ``folder/gold/<document>.json`` per document with reviewed facts, and copy each document's text
    into ``folder/texts`` where its file is known (``sources``: name -> path), with a ``MANIFEST.json`` giving
    where each came from; returns the gold files written."""
    folder = Path(folder)
    written = []
    manifest = []
    for document, gold in sorted(gold_of(store, rejected).items()):
        path = folder / "gold" / (Path(document).stem + ".json")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(gold, indent=1, ensure_ascii=False) + "\n")
        written.append(path)
        source = (sources or {}).get(document)
        if source and Path(source).is_file():
            (folder / "texts").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / "texts" / document)
        manifest.append({"document": document, "source": source})
    if manifest:
        write_atomic(folder / "MANIFEST.json", json.dumps(manifest, indent=1) + "\n")
    return written
