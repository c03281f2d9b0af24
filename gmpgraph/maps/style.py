"""How each node and edge type looks on a map, and the text of its tooltip.

Colours are the Okabe-Ito palette (told apart with the common colour-vision deficiencies); every
type also has its own shape, so the legend reads without colour too. Tooltips are plain text:
vis-network shows a string ``title`` with ``innerText``, so document text in them is never parsed
as HTML.

>>> NODE_STYLE["Article"].shape
'diamond'
>>> node_size(0) < node_size(9)
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from schema import AnyEdge, AnyNode


@dataclass(frozen=True)
class NodeStyle:
    """Colour, shape and base size of a node type."""

    colour: str
    shape: str
    size: float
    label: str


@dataclass(frozen=True)
class EdgeStyle:
    """Colour, label and dash pattern (dash and gap lengths; empty for a solid line) of an edge type."""

    colour: str
    dashes: tuple[int, ...]
    label: str

    @property
    def vis_dashes(self) -> bool | list[int]:
        """The dash pattern as vis-network reads it."""
        return list(self.dashes) if self.dashes else False


NODE_STYLE: dict[str, NodeStyle] = {
    "Area": NodeStyle("#E69F00", "hexagon", 22, "partnership area"),
    "Article": NodeStyle("#D55E00", "diamond", 16, "Convention article"),
    "Organization": NodeStyle("#0072B2", "dot", 10, "organisation"),
    "Project": NodeStyle("#009E73", "square", 10, "project"),
    "Publication": NodeStyle("#CC79A7", "triangle", 9, "publication"),
    "Event": NodeStyle("#F0E442", "star", 10, "event"),
    "Country": NodeStyle("#56B4E9", "triangleDown", 10, "country"),
    "Person": NodeStyle("#999999", "dot", 7, "person"),
}

EDGE_STYLE: dict[str, EdgeStyle] = {
    "LEADS": EdgeStyle("#E69F00", (), "leads"),
    "FUNDS": EdgeStyle("#117733", (), "funds"),
    "IMPLEMENTS": EdgeStyle("#0072B2", (), "implements"),
    "PART_OF": EdgeStyle("#888888", (), "part of"),
    "LOCATED_IN": EdgeStyle("#56B4E9", (), "located in"),
    "SUPPORTS": EdgeStyle("#D55E00", (), "supports"),
    "COLLABORATES_WITH": EdgeStyle("#AA4499", (), "collaborates with"),
    "AFFILIATED_WITH": EdgeStyle("#999999", (), "affiliated with"),
}
#: support inferred from an area's mandate is drawn dashed, never like stated support
MANDATE_STYLE = EdgeStyle("#D55E00", (6, 6), "supports (area mandate)")
#: areas sharing partners (derived, collaboration map only)
SHARED_STYLE = EdgeStyle("#777777", (2, 6), "share partners (derived)")

QUOTES_IN_TOOLTIP = 3
QUOTE_LENGTH = 220


def node_size(degree: int, base: float = 10) -> float:
    """A node's radius: grows with the square root of its degree, capped."""
    return min(base + 4 * math.sqrt(degree), base + 40)


def label_size(degree: int) -> float:
    """A node's label size: grows with its number of links, so that zoomed out (where labels under the
    draw threshold vanish) the most linked stay named.

    >>> label_size(0), label_size(16), label_size(400)
    (12.0, 24.0, 40.0)
    """
    return min(12 + 3 * math.sqrt(degree), 40.0)


def edge_style(edge: AnyEdge) -> EdgeStyle:
    """The style of one edge (area-mandate SUPPORTS differ from stated ones)."""
    if edge.type == "SUPPORTS" and edge.basis != "stated":
        return MANDATE_STYLE
    return EDGE_STYLE.get(edge.type, EdgeStyle("#666666", (), edge.type.lower()))


#: the legend's order of edge styles
EDGE_LEGEND_ORDER: tuple[EdgeStyle, ...] = (*EDGE_STYLE.values(), MANDATE_STYLE, SHARED_STYLE)


def short(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> short("a  very\\nlong text", 8)
    'a very…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quotes(provenance: list) -> list[str]:
    return [f"“{short(p.quote, QUOTE_LENGTH)}” ({p.document}, {p.locator})" for p in provenance[:QUOTES_IN_TOOLTIP]]


def node_tooltip(node: AnyNode, degree: int) -> str:
    """Plain-text tooltip: name, type, aliases, degree and the first provenance quotes."""
    kind = getattr(node, "kind", None)
    lines = [node.name, f"{node.type}" + (f" ({kind})" if kind else "") + f" · {node.id}"]
    if node.aliases:
        lines.append("Also: " + short(", ".join(node.aliases), 200))
    lines.append(f"{degree} link{'s' if degree != 1 else ''}")
    if getattr(node, "reviewed", None):
        lines.append(f"Reviewed: {node.reviewed}")
    lines += _quotes(node.provenance)
    if len(node.provenance) > QUOTES_IN_TOOLTIP:
        lines.append(f"… and {len(node.provenance) - QUOTES_IN_TOOLTIP} more places")
    return "\n".join(lines)


def edge_tooltip(edge: AnyEdge, source_name: str, target_name: str) -> str:
    """Plain-text tooltip: the relation in words, its amount and dates, and the quotes that state it."""
    style = edge_style(edge)
    lines = [f"{source_name} {style.label} {target_name}"]
    if edge.amount is not None:
        lines.append(f"{edge.amount:,.0f} {edge.currency or ''}".strip())
    dates = [f"{name} {value}" for name, value in (("from", edge.start), ("until", edge.end), ("as of", edge.as_of))
             if value]
    if dates:
        lines.append(", ".join(dates))
    lines.append(f"Reviewed: {edge.reviewed}" if getattr(edge, "reviewed", None) else "Machine-read, not reviewed")
    lines += _quotes(edge.provenance)
    return "\n".join(lines)
