"""Applying reviewers' decisions to a graph: after extraction and resolution, before anything is written, in
the order they were taken; deterministic and idempotent (applying the same decisions to the graph they
produced changes nothing).

* ``accept`` marks a node or edge ``reviewed: accepted``; ``reject`` removes it from the graph (and from
  every answer; ``rejected`` lists it);
* ``merge`` merges ``other`` into ``node`` (every provenance of both is kept);
* ``rename`` and ``retype`` correct a node (the old name stays an alias; a retyped node keeps its edges that
  its new type allows);
* ``add`` adds an edge stated by a quote of a document of the graph (``reviewed: added``; the quote must
  occur in the document: :func:`quote_in_text`);
* ``status`` makes an edge planned or stated.

A decision whose target is not in the graph (the extractor changed, a name moved) is reported in
:attr:`ReviewOutcome.missing`, never dropped in silence.

>>> from gmpgraph.store import GraphStore
>>> from schema import Organization
>>> from schema.review import Decision
>>> store = GraphStore()
>>> _ = store.add_node(Organization(id="org:a", name="A"))
>>> outcome = apply_decisions(store, [Decision(action="accept", node="org:a", by="me"),
...                                  Decision(action="reject", node="org:gone", by="me")])
>>> store.node("org:a").reviewed, outcome.applied, [m.decision.node for m in outcome.missing]
('accepted', 1, ['org:gone'])
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel, Field

from gmpgraph.store import GraphError, GraphStore
from schema import EDGE_CLASSES, NODE_CLASSES, Provenance, Statement, node_adapter
from schema.nodes import slugify
from schema.review import Decision, EdgeRef

#: a document's text by its name, for checking the quotes of added edges (None: not at hand)
TextOf = Callable[[str], str | None]


class Missed(BaseModel):
    """A decision that could not be applied, and why."""

    decision: Decision
    reason: str


class ReviewOutcome(BaseModel):
    """What applying a review file did."""

    applied: int = 0
    missing: list[Missed] = Field(default_factory=list)
    rejected_nodes: list[str] = Field(default_factory=list)
    rejected_edges: list[EdgeRef] = Field(default_factory=list)


def normalise(text: str) -> str:
    """Text compared for quotes: runs of white space as one space, curly quotes straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


REVIEWED_LOCATOR = "quoted by a reviewer"
_QUOTES = {"'": "['\u2018\u2019]", '"': "[\"\u201c\u201d]"}


def find_quote(quote: str, text: str) -> tuple[int, int] | None:
    r"""Where ``quote`` occurs in ``text`` verbatim (runs of white space and straight or curly quote marks
    alike), as offsets; None if it does not.

    >>> text = "The work is funded by\nthe GEF."
    >>> span = find_quote("funded by the GEF", text)
    >>> text[span[0]:span[1]]
    'funded by\nthe GEF'
    """
    words = normalise(quote).split(" ")
    if not words or not words[0]:
        return None
    pattern = r"\s+".join("".join(_QUOTES.get(c, re.escape(c)) for c in w) for w in words)
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def quote_in_text(quote: str, text: str) -> bool:
    """Does ``quote`` occur in ``text`` verbatim (white space and quote marks aside)?

    >>> quote_in_text("funded by  the GEF", "The work is funded by the GEF.")
    True
    """
    return find_quote(quote, text) is not None


def texts_from(sources: dict[str, str]) -> TextOf:
    """A :data:`TextOf` reading each document from its file (``sources``: name -> path) as the extractor
    reads it, once."""
    from pathlib import Path

    from loaders.readers import read_document

    cache: dict[str, str | None] = {}

    def text_of(name: str) -> str | None:
        if name not in cache:
            path = sources.get(name)
            try:
                cache[name] = read_document(Path(path))[0].text if path and Path(path).is_file() else None
            except Exception:  # noqa: BLE001 - a file that no longer reads is a text not at hand
                cache[name] = None
        return cache[name]

    return text_of


def apply_decisions(store: GraphStore, decisions: list[Decision], text_of: TextOf | None = None) -> ReviewOutcome:
    """Apply ``decisions`` to ``store`` in order (see the module's note); returns what was done and missed."""
    outcome = ReviewOutcome()
    for decision in decisions:
        try:
            reason = _apply(store, decision, text_of, outcome)
        except (GraphError, ValueError) as exc:
            reason = str(exc)
        if reason:
            outcome.missing.append(Missed(decision=decision, reason=reason))
        else:
            outcome.applied += 1
    store.changed()
    return outcome


def _apply(store: GraphStore, d: Decision, text_of: TextOf | None, outcome: ReviewOutcome) -> str | None:
    """Apply one decision; the reason it cannot be applied, or None."""
    g = store.nx
    if d.action in ("accept", "reject") and d.node is not None:
        if d.node not in g:
            return f"no node {d.node} in the graph"
        if d.action == "accept":
            g.nodes[d.node]["reviewed"] = "accepted"
        else:
            g.remove_node(d.node)
            outcome.rejected_nodes.append(d.node)
        return None
    if d.action in ("accept", "reject", "status"):
        edge = d.edge
        if not g.has_edge(edge.source, edge.target, edge.type):
            if d.action == "reject" and edge in outcome.rejected_edges:
                return None
            return f"no edge {edge.label()} in the graph"
        data = g.edges[edge.source, edge.target, edge.type]
        if d.action == "accept":
            data["reviewed"] = "accepted"
        elif d.action == "reject":
            g.remove_edge(edge.source, edge.target, edge.type)
            outcome.rejected_edges.append(edge)
        else:
            if d.status == "planned":
                data["status"] = "planned"
            else:
                data.pop("status", None)
            data["reviewed"] = "corrected"
        return None
    if d.action == "merge":
        if d.node not in g:
            return f"no node {d.node} in the graph"
        if d.other not in g:  # merged already (by resolution, or an earlier decision): one of its names is an alias
            local = d.other.split(":", 1)[-1]
            merged = any(slugify(a) == local for a in g.nodes[d.node].get("aliases", []))
            return None if merged else f"no node {d.other} in the graph"
        store.merge_into(d.node, d.other)
        g.nodes[d.node]["reviewed"] = "corrected"
        return None
    if d.action == "rename":
        if d.node not in g:
            return f"no node {d.node} in the graph"
        data = g.nodes[d.node]
        if data["name"] != d.name:
            data["aliases"] = list(dict.fromkeys([data["name"], *(a for a in data.get("aliases", []) if a != d.name)]))
            data["name"] = d.name
        data["reviewed"] = "corrected"
        return None
    if d.action == "retype":
        return _retype(store, d)
    return _add(store, d, text_of)


def _retype(store: GraphStore, d: Decision) -> str | None:
    g = store.nx
    if d.node not in g:
        return f"no node {d.node} in the graph"
    if d.type not in NODE_CLASSES or d.type == "Document":
        return f"{d.type!r} is not a node type (one of {', '.join(t for t in NODE_CLASSES if t != 'Document')})"
    data = g.nodes[d.node]
    if data["type"] == d.type:
        return None
    node_adapter.validate_python({**data, "id": d.node, "type": d.type})  # the new type takes these fields
    data["type"] = d.type
    data["reviewed"] = "corrected"
    for u, v, key in list(g.in_edges(d.node, keys=True)) + list(g.out_edges(d.node, keys=True)):
        cls = EDGE_CLASSES[key]
        if g.nodes[u]["type"] not in cls.sources or g.nodes[v]["type"] not in cls.targets:
            g.remove_edge(u, v, key)  # the new type cannot have it
    return None


def _add(store: GraphStore, d: Decision, text_of: TextOf | None) -> str | None:
    edge = d.edge
    if edge.type not in EDGE_CLASSES:
        return f"{edge.type!r} is not an edge type (one of {', '.join(EDGE_CLASSES)})"
    for end in (edge.source, edge.target):
        if end not in store:
            return f"no node {end} in the graph"
    documents = {n.file: n for n in store.nodes("Document")}
    if d.document not in documents:
        return f"no document {d.document!r} in the graph (one of {', '.join(sorted(documents)) or 'none'})"
    text = text_of(d.document) if text_of else None
    if text is None:
        return f"the text of {d.document} is not at hand to check the quote (build from its file)"
    span = find_quote(d.quote or "", text)
    if span is None:
        return f"the quote is not in {d.document} as written: {d.quote!r}"
    as_of = documents[d.document].period_end or documents[d.document].date
    quote = text[span[0]:span[1]]
    said = Statement(document=d.document, locator=REVIEWED_LOCATOR, quote=quote[:400],
                     as_of=as_of[:10] if as_of else None)
    prov = Provenance(document=d.document, locator=REVIEWED_LOCATOR, quote=quote, start=span[0], end=span[1])
    cls = EDGE_CLASSES[edge.type]
    known = store.nx.has_edge(edge.source, edge.target, edge.type)
    store.merge_edge(cls(source=edge.source, target=edge.target, provenance=[prov], statements=[said]))
    data = store.nx.edges[edge.source, edge.target, edge.type]
    data["reviewed"] = "accepted" if known and data.get("reviewed") != "added" else "added"  # read already: checked
    return None
