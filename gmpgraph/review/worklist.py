"""What most needs a reviewer's look, and how much has been looked at.

The edges behind the answers people ask for come first: leads, funders, implementers, supporters, the
countries of the work; within a type, planned edges (modality is the extractor's least sure call) and
those resting on fewest statements come first. Reviewed edges are left out.

>>> from gmpgraph.store import GraphStore
>>> from schema import Area, Leads, Organization
>>> store = GraphStore()
>>> _ = store.add_node(Area(id="area:coal", key="coal", name="Coal"))
>>> _ = store.add_node(Organization(id="org:a", name="A"))
>>> _ = store.add_edge(Leads(source="org:a", target="area:coal"))
>>> [e.type for e in to_review(store)], coverage(store)["LEADS"]
(['LEADS'], {'reviewed': 0, 'total': 1})
"""

from __future__ import annotations

from gmpgraph.store import GraphStore
from schema import AnyEdge

#: the edge types answers rest on, most asked for first
ORDER = ("LEADS", "FUNDS", "IMPLEMENTS", "SUPPORTS", "LOCATED_IN", "PART_OF", "AFFILIATED_WITH", "COLLABORATES_WITH")


def _doubt(edge: AnyEdge) -> tuple[int, int]:
    return (0 if getattr(edge, "status", None) == "planned" else 1, len(edge.provenance))


def to_review(store: GraphStore, types: tuple[str, ...] = ORDER) -> list[AnyEdge]:
    """The stated edges no reviewer has decided on, most needed first (see the module's note)."""
    out = []
    for edge_type in types:
        edges = [e for e in store.edges(edge_type) if not e.reviewed and e.basis == "stated"]
        out += sorted(edges, key=lambda e: (_doubt(e), e.source, e.target))
    return out


def coverage(store: GraphStore) -> dict[str, dict[str, int]]:
    """For each edge type answers rest on: how many stated edges there are and how many were reviewed."""
    out = {}
    for edge_type in ORDER:
        edges = [e for e in store.edges(edge_type) if e.basis == "stated"]
        out[edge_type] = {"reviewed": sum(1 for e in edges if e.reviewed), "total": len(edges)}
    return out


def coverage_line(store: GraphStore) -> str:
    """Review coverage in one line: 'reviewed: LEADS 3 of 44, FUNDS 0 of 51, ...'."""
    return "reviewed: " + ", ".join(f"{t} {c['reviewed']} of {c['total']}" for t, c in coverage(store).items()
                                    if c["total"])
