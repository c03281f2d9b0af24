"""The export shape (node-link JSON) and what one document's extraction yields."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from schema.edges import AnyEdge
from schema.nodes import AnyNode, DocumentNode


class GraphExport(BaseModel):
    """A whole graph as node-link JSON, the shape ``networkx.node_link_data`` writes."""

    directed: bool = True
    multigraph: bool = True
    graph: dict[str, Any] = Field(default_factory=dict, description="Graph-level facts (build info).")
    nodes: list[AnyNode] = Field(default_factory=list)
    edges: list[AnyEdge] = Field(default_factory=list)


class Extraction(BaseModel):
    """Everything the loaders found in one document: its node, entities and relations."""

    document: DocumentNode
    nodes: list[AnyNode] = Field(default_factory=list)
    edges: list[AnyEdge] = Field(default_factory=list)
