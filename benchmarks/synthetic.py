"""Synthetic graphs and corpora for benchmarks.

``scaled_graph``: the corpus graph copied ``k`` times. ``make_corpus``: the corpus's reports
copied ``k`` times as files, renamed and lightly varied, for build benchmarks.


Areas, articles and countries are shared (there are only so many); every other node is copied
with a numbered name and id, and every edge is copied between the copies, so a 10x graph has
the corpus's shape at ten times its size.

    from synthetic import scaled_graph   # from a script in benchmarks/
    big = scaled_graph(load_graph(Path("graph.json")), copies=14)   # about 5,000 nodes
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from gmpgraph.store import GraphStore
from schema import edge_adapter, node_adapter

SHARED_TYPES = frozenset({"Area", "Article", "Country", "Document"})


def _copy_id(node_id: str, copy: int) -> str:
    return node_id if copy == 0 else f"{node_id}-copy{copy}"


def scaled_graph(store: GraphStore, copies: int) -> GraphStore:
    """A graph with ``copies`` copies of every node but areas, articles, countries and documents."""
    out = GraphStore()
    shared = {n for n, data in store.nx.nodes(data=True) if data["type"] in SHARED_TYPES}
    for node_id, data in store.nx.nodes(data=True):
        for copy in range(1 if node_id in shared else copies):
            suffix = "" if copy == 0 else f" {copy}"
            out.nx.add_node(_copy_id(node_id, copy), **{**data, "name": data["name"] + suffix})
    for u, v, key, data in store.nx.edges(keys=True, data=True):
        for copy in range(1 if u in shared and v in shared else copies):
            source = u if u in shared else _copy_id(u, copy)
            target = v if v in shared else _copy_id(v, copy)
            out.nx.add_edge(source, target, key=key, **data)
    # the copies are still valid schema objects: check the first copied node and edge
    for node_id, data in out.nx.nodes(data=True):
        if node_id.endswith("-copy1"):
            node_adapter.validate_python({"id": node_id, **data})
            break
    for u, v, data in out.nx.edges(data=True):
        if u.endswith("-copy1"):
            edge_adapter.validate_python({"source": u, "target": v, **data})
            break
    return out


def copies_for(store: GraphStore, nodes: int) -> int:
    """How many copies give about ``nodes`` nodes (documents not counted)."""
    shared = sum(1 for _, data in store.nx.nodes(data=True) if data["type"] in SHARED_TYPES - {"Document"})
    copied = sum(1 for _, data in store.nx.nodes(data=True) if data["type"] not in SHARED_TYPES)
    return max(1, round((nodes - shared) / max(copied, 1)))


# --- synthetic corpora: the real reports copied, renamed and lightly varied -------------------------

_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ ](?:of|for|and|the|on|[A-Z][a-z]+)){1,4}[ ][A-Z][a-z]+\b")
_SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "tor", "sa", "li", "nor", "dan", "el", "ru", "ta", "bel", "mon")


def _made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def varied_text(text: str, copy: int, share: float = 0.06) -> str:
    """``text`` lightly varied for copy number ``copy`` (0 is the text itself).

    About ``share`` of its distinct multi-word capitalised names get a made-up first word in every
    place they occur ('Biodiversity Research Institute' -> 'Kalomi Biodiversity Research Institute'),
    so each copy names some bodies, projects and events of its own while most of what it names
    is shared with the other copies and has to be resolved into one node. Two country names are
    swapped for others, so places vary too.
    """
    if copy == 0:
        return text
    rng = random.Random(copy)
    names = sorted(set(_RUN.findall(text)))
    chosen = [n for n in names if rng.random() < share]
    for name in sorted(chosen, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", f"{_made_up_word(rng)} {name}", text)
    for old, new in (("Indonesia", rng.choice(_COUNTRIES)), ("Kenya", rng.choice(_COUNTRIES))):
        text = re.sub(rf"\b{old}\b", new, text)
    return text


_COUNTRIES = ("Ghana", "Peru", "Mongolia", "Zambia", "Ecuador", "Philippines", "Senegal", "Bolivia", "Nigeria", "Guyana")


def make_corpus(source: Path, folder: Path, copies: int) -> list[Path]:
    """Write ``copies`` varied copies of every file in ``source`` into ``folder`` (made if missing).

    Copy 0 is the real report under its own name; copy k is ``<stem>-v<k>.<suffix>``. Files already
    there with the right size are kept, so a second run of a benchmark skips the writing.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    sources = sorted(p for p in source.iterdir() if p.is_file())
    for copy in range(copies):
        for path in sources:
            name = path.name if copy == 0 else f"{path.stem}-v{copy:04d}{path.suffix}"
            target = folder / name
            if not target.exists():
                target.write_text(varied_text(path.read_text(encoding="utf-8"), copy), encoding="utf-8")
            written.append(target)
    return written
