"""gmpgraph's data contract: pydantic models of nodes, edges and provenance, and reference data.

Everything that crosses a stage boundary (loaders -> gmpgraph -> api) is one of these models.
"""

from schema.document import Block, Document, DocumentMeta, DroppedSpan
from schema.edges import (EDGE_CLASSES, AffiliatedWith, AnyEdge, CollaboratesWith, Edge, Funds, Implements,
                          Leads, LocatedIn, MentionedIn, PartOf, Statement, Supports, edge_adapter)
from schema.graph import Extraction, GraphExport
from schema.nodes import (NODE_CLASSES, TYPE_PREFIX, AnyNode, Area, Article, Country, DocumentNode, Event, Node,
                          Organization, Person, Project, Publication, node_adapter, node_id, slugify, type_of_id)
from schema.provenance import Provenance, merge_provenance

__all__ = [
    "Block", "DocumentMeta", "DroppedSpan",
    "EDGE_CLASSES", "NODE_CLASSES", "TYPE_PREFIX", "AffiliatedWith", "AnyEdge", "AnyNode", "Area", "Article",
    "CollaboratesWith", "Country", "Document", "DocumentNode", "Edge", "Event", "Extraction", "Funds", "GraphExport", "Implements",
    "Leads", "LocatedIn", "MentionedIn", "Node", "Organization", "PartOf", "Person", "Project", "Provenance",
    "Publication", "Statement", "Supports", "edge_adapter", "merge_provenance", "node_adapter", "node_id", "slugify",
    "type_of_id",
]
