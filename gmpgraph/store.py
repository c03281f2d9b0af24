"""The graph store: a typed layer over a ``networkx.MultiDiGraph``.

Nodes are keyed by id and merged when added again (aliases and provenance are
unioned); an edge exists once per (type, source, target) and gathers the
provenance of every place that states it. Attributes in the networkx graph are
plain JSON-ready dicts, so ``store.nx`` is an ordinary networkx graph.

>>> from schema import Area, Leads, Organization
>>> store = GraphStore()
>>> store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining")).id
'area:asgm'
>>> _ = store.add_node(Organization(id="org:unido", name="UNIDO", kind="intergovernmental"))
>>> _ = store.add_edge(Leads(source="org:unido", target="area:asgm"))
>>> [n.id for n in store.nodes("Area")]
['area:asgm']
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterator
from typing import Any

import networkx as nx

from schema import EDGE_CLASSES, NODE_CLASSES, AnyEdge, AnyNode, Edge, Node, edge_adapter, node_adapter


class GraphError(ValueError):
    """An operation on the store that cannot be done (unknown node, type clash)."""


def _merge_aliases(name: str, old: list[str], new: list[str]) -> list[str]:
    seen = {name.casefold()}
    out: list[str] = []
    for alias in [*old, *new]:
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return out


def _statement_identity(s: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two statements of an edge (JSON dumps) the same (``Statement.identity``)."""
    return (s["document"], s["locator"], s.get("as_of"), s.get("start"), s.get("end"), s.get("status"))


class GraphStore:
    """Typed access to a MultiDiGraph whose edges are keyed by their type."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.nx: nx.MultiDiGraph = graph if graph is not None else nx.MultiDiGraph()
        self._evidence: dict[str | tuple[str, str, str], tuple[set[tuple[Any, ...]], int]] = {}  # _add_provenance
        self._stated: dict[tuple[str, str, str], tuple[set[tuple[Any, ...]], int]] = {}  # _add_statements
        self._writes = 0  # bumped by every write; the model cache is good while it stands still
        self._models: dict[str | tuple[str, str, str], AnyNode | AnyEdge] = {}
        self._models_at = 0

    # -- writing -------------------------------------------------------------------------------
    def add_node(self, node: Node) -> Node:
        """Add ``node``, or merge it into the node with the same id; return the stored node.

        Merging keeps the first name, adds the new name and aliases as aliases, unions
        provenance, and fills properties the stored node lacks.
        """
        self.merge_node(node)
        return self.node(node.id)

    def merge_node(self, node: Node) -> None:
        """:meth:`add_node` without reading the stored node back: the cost of a merge does not grow
        with the provenance the node has already gathered (builds merge thousands of documents)."""
        self.merge_node_data(node.model_dump(mode="json", exclude_none=True))

    def merge_node_data(self, data: dict[str, Any]) -> None:
        """:meth:`merge_node` of a node given as its JSON dump (``model_dump(mode="json", exclude_none=True)``,
        the form it is stored in), as a build merges a remembered extraction; ``data`` becomes the store's.

        >>> store = GraphStore()
        >>> store.merge_node_data({"id": "country:KEN", "type": "Country", "name": "Kenya", "key": "KEN"})
        >>> store.node("country:KEN").name
        'Kenya'
        """
        self._writes += 1
        node_id = data["id"]
        if node_id not in self.nx:
            self.nx.add_node(node_id, **data)
            return
        old = self.nx.nodes[node_id]
        if old["type"] != data["type"]:
            raise GraphError(f"node {node_id!r} is already a {old['type']}, cannot merge a {data['type']} into it")
        for field, value in data.items():  # stored values win; new ones fill gaps
            if field not in old:
                old[field] = value
        old["aliases"] = _merge_aliases(old["name"], old.get("aliases", []), [data["name"], *data.get("aliases", [])])
        for field, values in data.items():  # list facts (former names, ...) are unioned, not overwritten
            if isinstance(values, list) and field not in ("aliases", "provenance"):
                old[field] = list(dict.fromkeys([*old.get(field, []), *values]))
        self._add_provenance(node_id, old, data.get("provenance", []))

    def add_edge(self, edge: Edge) -> Edge:
        """Add ``edge`` once per (type, source, target); repeated adds merge provenance.

        Both ends must already be in the graph and have the types the edge type allows.
        """
        self.merge_edge(edge)
        return self.edge(edge.source, edge.target, edge.type_name)

    def merge_edge(self, edge: Edge) -> None:
        """:meth:`add_edge` without reading the stored edge back (see :meth:`merge_node`)."""
        self.merge_edge_data(edge.model_dump(mode="json", exclude_none=True))

    def merge_edge_data(self, data: dict[str, Any]) -> None:
        """:meth:`merge_edge` of an edge given as its JSON dump (see :meth:`merge_node_data`).

        >>> store = GraphStore()
        >>> store.merge_node_data({"id": "org:unido", "type": "Organization", "name": "UNIDO"})
        >>> store.merge_node_data({"id": "area:asgm", "type": "Area", "key": "asgm", "name": "ASGM"})
        >>> store.merge_edge_data({"type": "LEADS", "source": "org:unido", "target": "area:asgm"})
        >>> store.edge("org:unido", "area:asgm", "LEADS").basis
        'stated'
        """
        self._writes += 1
        source, target, key = data["source"], data["target"], data["type"]
        cls = EDGE_CLASSES[key]
        for end in (source, target):
            if end not in self.nx:
                raise GraphError(f"{key} edge refers to unknown node {end!r}; add the node first")
        for end, allowed in ((source, cls.sources), (target, cls.targets)):
            if self.nx.nodes[end]["type"] not in allowed:
                raise GraphError(f"{key} cannot touch {end!r} of type {self.nx.nodes[end]['type']}")
        if not self.nx.has_edge(source, target, key):
            self.nx.add_edge(source, target, key=key,
                             **{f: v for f, v in data.items() if f not in ("source", "target")})
            return
        old = self.nx.edges[source, target, key]
        if old.get("status") == "planned" and data.get("status") is None:
            del old["status"]  # stated as fact in one place: a fact (the planned places stay in its provenance)
        if data.get("statements"):  # every statement with its date is kept, not the first
            self._add_statements((source, target, key), old, data["statements"])
        for field, value in data.items():
            if field in ("source", "target", "provenance", "statements"):
                continue
            if field == "status" and value == "planned":
                continue  # stored as stated before: planned elsewhere does not unmake a fact
            if field not in old:
                old[field] = value
        self._add_provenance((source, target, key), old, data.get("provenance", []))

    def _add_provenance(self, owner: str | tuple[str, str, str], stored: dict[str, Any],
                        new: list[dict[str, Any]]) -> None:
        """Append to ``stored``'s provenance the entries of ``new`` it lacks (same rule as merge_provenance).

        The identities already stored are remembered per owner, so a merge costs what it adds; they
        are re-read whenever the stored list has changed behind the store's back."""
        entries = stored.setdefault("provenance", [])
        seen, length = self._evidence.get(owner, (None, -1))
        if seen is None or length != len(entries):  # (a list may hold one place twice: count entries, not places)
            seen = {(p["document"], p["locator"], p["start"], p["end"]) for p in entries}
        for prov in new:  # JSON dumps of Provenance
            identity = (prov["document"], prov["locator"], prov["start"], prov["end"])
            if identity not in seen:
                seen.add(identity)
                entries.append(prov)
        self._evidence[owner] = (seen, len(entries))

    def _add_statements(self, owner: tuple[str, str, str], stored: dict[str, Any], new: list[dict[str, Any]]) -> None:
        """Append to ``stored``'s statements those of ``new`` (JSON dumps) it lacks; the identities already
        stored are remembered per edge as in :meth:`_add_provenance` (re-reading them for every merge made
        merging grow with the square of the documents stating an edge)."""
        entries = stored.setdefault("statements", [])
        seen, length = self._stated.get(owner, (None, -1))
        if seen is None or length != len(entries):
            seen = {_statement_identity(s) for s in entries}
        for statement in new:
            ident = _statement_identity(statement)
            if ident not in seen:
                seen.add(ident)
                entries.append(statement)
        self._stated[owner] = (seen, len(entries))

    def merge_into(self, keep: str, drop: str, across_types: bool = False) -> int:
        """Make ``drop`` part of ``keep``: its name and aliases become aliases, its provenance and
        edges move over (edges merge with any ``keep`` already has), and ``drop`` is removed.

        The graph remembers ``drop`` -> ``keep`` (``nx.graph["merged_into"]``, saved with the graph file), so that
        a database filled from an earlier graph loses the node too (:func:`gmpgraph.graphdb.push`).

        Two nodes of different types are merged only ``across_types`` (resolution found one thing typed two
        ways: 'iPOG' read as a project, 'Interactive Process Optimization Guidance (iPOG)' as a publication):
        ``keep``'s type stays, and the edges it cannot have are dropped. Returns how many were dropped.

        >>> from schema import Project, Publication, PartOf, Area
        >>> store = GraphStore()
        >>> _ = store.add_node(Area(id="area:coal", key="coal", name="Coal"))
        >>> _ = store.add_node(Project(id="project:ipog", name="iPOG"))
        >>> _ = store.add_node(Publication(id="pub:interactive-process-optimization-guidance",
        ...                                name="Interactive Process Optimization Guidance"))
        >>> _ = store.add_edge(PartOf(source="project:ipog", target="area:coal"))
        >>> store.merge_into("pub:interactive-process-optimization-guidance", "project:ipog", across_types=True)
        1
        >>> store.node("pub:interactive-process-optimization-guidance").aliases
        ['iPOG']
        """
        self._writes += 1
        if keep == drop:
            return 0
        for ident in (keep, drop):
            if ident not in self.nx:
                raise GraphError(f"cannot merge unknown node {ident!r}")
        old = self.node(drop)
        target = self.nx.nodes[keep]
        if target["type"] != old.type and not across_types:
            raise GraphError(f"cannot merge a {old.type} into a {target['type']}")
        fields = NODE_CLASSES[target["type"]].model_fields
        target["aliases"] = _merge_aliases(target["name"], target.get("aliases", []), [old.name, *old.aliases])
        self._add_provenance(keep, target, [p.model_dump(mode="json", exclude_none=True) for p in old.provenance])
        for field, values in old.model_dump(mode="json").items():  # list facts such as former names are unioned
            if isinstance(values, list) and field not in ("aliases", "provenance") and field in fields:
                target[field] = list(dict.fromkeys([*target.get(field, []), *values]))
        dropped = 0
        for u, v, key, data in [*self.nx.in_edges(drop, keys=True, data=True),
                               *self.nx.out_edges(drop, keys=True, data=True)]:
            self._evidence.pop((u, v, key), None)
            self._stated.pop((u, v, key), None)
            source, target_id = keep if u == drop else u, keep if v == drop else v
            cls = EDGE_CLASSES[key]
            if self.nx.nodes[source]["type"] not in cls.sources or \
                    self.nx.nodes[target_id]["type"] not in cls.targets:
                dropped += 1  # only across types: keep's type cannot have it
                continue
            edge = edge_adapter.validate_python({"source": source, "target": target_id, **data})
            if edge.source != edge.target:
                self.merge_edge(edge)
        self._evidence.pop(drop, None)
        self.nx.remove_node(drop)
        merged = self.nx.graph.setdefault("merged_into", {})  # so a database pushed before can drop it too
        for old_id, into in merged.items():
            if into == drop:
                merged[old_id] = keep
        merged[drop] = keep
        return dropped

    def copy(self) -> GraphStore:
        """An independent copy: writing to it leaves this store as it is (a write is made on a copy and
        swapped in whole, so readers never see half of it)."""
        return GraphStore(copy.deepcopy(self.nx))

    # -- reading -------------------------------------------------------------------------------
    def __contains__(self, node_id: object) -> bool:
        return node_id in self.nx

    def __len__(self) -> int:
        return self.nx.number_of_nodes()

    def changed(self) -> None:
        """Forget the validated models: call after writing to ``store.nx`` directly (the store's own
        writes do this themselves)."""
        self._writes += 1

    def _model(self, key: str | tuple[str, str, str], data: dict[str, Any]) -> Any:
        """The schema model of a stored node or edge, validated once per state of the graph.

        Questions read the same shared nodes many times (an area, an article, a country); validating a
        node with thousands of provenance entries each time made them slow. The models handed out are
        the store's own until the next write: read them, do not change them."""
        if self._models_at != self._writes:
            self._models.clear()
            self._models_at = self._writes
        model = self._models.get(key)
        if model is None:
            if isinstance(key, tuple):
                model = edge_adapter.validate_python({"source": key[0], "target": key[1], **data})
            else:
                model = node_adapter.validate_python({"id": key, **data})
            self._models[key] = model
        return model

    def node(self, node_id: str) -> AnyNode:
        """The node with this id as its schema model; KeyError if absent."""
        if node_id not in self.nx:
            raise KeyError(node_id)
        return self._model(node_id, self.nx.nodes[node_id])

    def nodes(self, node_type: str | None = None) -> Iterator[AnyNode]:
        """All nodes, or those of one type, as schema models, in insertion order."""
        if node_type is not None and node_type not in NODE_CLASSES:
            raise GraphError(f"unknown node type {node_type!r}; known: {', '.join(NODE_CLASSES)}")
        for node_id, data in self.nx.nodes(data=True):
            if node_type is None or data["type"] == node_type:
                yield self._model(node_id, data)

    def edge(self, source: str, target: str, edge_type: str) -> AnyEdge:
        """The edge of ``edge_type`` from ``source`` to ``target``; KeyError if absent."""
        if not self.nx.has_edge(source, target, edge_type):
            raise KeyError((source, target, edge_type))
        return self._model((source, target, edge_type), self.nx.edges[source, target, edge_type])

    def edges(self, edge_type: str | None = None, source: str | None = None,
              target: str | None = None) -> Iterator[AnyEdge]:
        """Edges, optionally filtered by type and by either end, as schema models."""
        if edge_type is not None and edge_type not in EDGE_CLASSES:
            raise GraphError(f"unknown edge type {edge_type!r}; known: {', '.join(EDGE_CLASSES)}")
        if source is not None:
            triples = self.nx.out_edges(source, keys=True, data=True) if source in self.nx else []
        elif target is not None:
            triples = self.nx.in_edges(target, keys=True, data=True) if target in self.nx else []
        else:
            triples = self.nx.edges(keys=True, data=True)
        for u, v, key, data in triples:
            if (edge_type is None or key == edge_type) and (target is None or v == target):
                yield self._model((u, v, key), data)

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts by type and edge counts by type."""
        nodes = Counter(data["type"] for _, data in self.nx.nodes(data=True))
        edges = Counter(key for _, _, key in self.nx.edges(keys=True))
        return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}
