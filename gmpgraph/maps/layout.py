"""Fixed layouts for the maps about one thing: rings by type around it.

The area, article, country or entity a view is about sits at the centre; then rings outwards of areas and
articles, of projects, events and publications, of organisations and people, and of countries. A ring is
wide enough for its nodes to stand apart, and always outside the one before. Within a ring, nodes are
ordered by the area they work in, then by name, so that an area's work sits together.

>>> from gmpgraph.maps.views import MapView
>>> from schema import Area, Organization, Project
>>> view = MapView(name="area", title="t", focus=["area:asgm"], edges=[], nodes=[
...     Area(id="area:asgm", key="asgm", name="ASGM"), Project(id="project:p", name="P"),
...     Organization(id="org:o", name="O")])
>>> rings = ring_layout(view)
>>> rings["area:asgm"], round(abs(complex(*rings["project:p"]))), round(abs(complex(*rings["org:o"])))
((0.0, 0.0), 260, 520)
"""

from __future__ import annotations

import math

from gmpgraph.maps.views import MapView

#: views laid out in rings around their focus (the others: force-directed)
RING_VIEWS = frozenset({"area", "article", "country", "entity"})
#: node types of each ring, from the centre outwards; other types go to the last ring
RINGS: tuple[frozenset[str], ...] = (frozenset({"Area", "Article"}), frozenset({"Project", "Event", "Publication"}),
                                     frozenset({"Organization", "Person"}), frozenset({"Country"}))
RING_GAP = 260.0  # the least distance between two rings
NODE_SPACING = 90.0  # the least distance between neighbours on a ring


def ring_layout(view: MapView) -> dict[str, tuple[float, float]]:
    """Node id -> (x, y): the focus at the origin, the other nodes on rings by type (see the module)."""
    focus = set(view.focus)
    positions: dict[str, tuple[float, float]] = {node: (0.0, 0.0) for node in view.focus}
    rings: list[list[str]] = [[] for _ in RINGS]
    for node in view.nodes:
        if node.id not in focus:
            index = next((i for i, types in enumerate(RINGS) if node.type in types), len(RINGS) - 1)
            rings[index].append(node.id)
    names = {node.id: node.name for node in view.nodes}
    radius = 0.0
    for ring in (r for r in rings if r):
        ring.sort(key=lambda n: ((view.areas.get(n) or ["~"])[0], names[n].casefold()))
        radius = max(radius + RING_GAP, len(ring) * NODE_SPACING / (2 * math.pi))
        for i, node in enumerate(ring):
            angle = 2 * math.pi * i / len(ring) - math.pi / 2
            positions[node] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions
