"""Fixed layouts for the maps about one thing: rings by type around it, spaced for the labels.

The area, article, country or entity a view is about sits at the centre; then rings outwards of areas and
articles, of projects, events and publications, of organisations and people, and of countries (the
collaboration map is one ring of areas). Within a ring, nodes are ordered by the area they work in, then by
name, so that an area's work sits together.

Each node takes the room of its shape and its (shortened) label, a :class:`~gmpgraph.maps.footprint.Footprint`.
A ring is an ellipse (wider than high, as a map's canvas is) as small as it can be with no two neighbours' boxes
touching: nodes stack closely down its sides (labels are wide and short) and spread at its top and bottom; the
spare angle raises the smallest turns first, so nodes spread evenly where they can. A ring lies outside every
box placed before it.

>>> from gmpgraph.maps.views import MapView
>>> from schema import Area, Organization, Project
>>> view = MapView(name="area", title="t", focus=["area:asgm"], edges=[], nodes=[
...     Area(id="area:asgm", key="asgm", name="ASGM"), Project(id="project:p", name="P"),
...     Organization(id="org:o", name="O")])
>>> rings = ring_layout(view)
>>> rings["area:asgm"], rings["project:p"][1] < 0, abs(rings["org:o"][1]) > abs(rings["project:p"][1])
((0.0, 0.0), True, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from gmpgraph.maps.footprint import Footprint, node_footprint, overlap
from gmpgraph.maps.views import MapView

#: views laid out in rings around their focus (the others: force-directed)
RING_VIEWS = frozenset({"area", "article", "country", "entity", "collaboration"})
#: node types of each ring, from the centre outwards; other types go to the last ring
RINGS: tuple[frozenset[str], ...] = (frozenset({"Area", "Article"}), frozenset({"Project", "Event", "Publication"}),
                                     frozenset({"Organization", "Person"}), frozenset({"Country"}))
RING_GAP = 120.0  # the least distance between two rings
GAP = 10.0  # the least room between two boxes
ASPECT = 1.3  # rings are ellipses this much wider than high, as a map's canvas is
_STEP = 0.02  # radians: the search step for the angle between neighbours
Box = tuple[float, float, float, float]


def _point(radius: float, angle: float) -> tuple[float, float]:
    return round(ASPECT * radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)


def _place(footprint: Footprint, radius: float, angle: float) -> Box:
    return footprint.box(*_point(radius, angle))


def _least_turn(a: Footprint, b: Footprint, radius: float, angle: float, least: float) -> float:
    """The least turn (at least ``least``) from ``angle`` at which ``b`` clears ``a`` on a ring of ``radius``."""
    box = _place(a, radius, angle)
    turn = least
    while overlap(box, _place(b, radius, angle + turn), GAP):
        turn += _STEP
        if turn > math.pi:
            return math.inf
    if turn > least:  # refine the last step by halving
        low, high = max(least, turn - _STEP), turn
        for _ in range(6):
            middle = (low + high) / 2
            if overlap(box, _place(b, radius, angle + middle), GAP):
                low = middle
            else:
                high = middle
        turn = high
    return turn


def _walk(ring: list[Footprint], radius: float, least: float) -> list[float] | None:
    """Angles for the ring's nodes from the top, each turn at least ``least``; None if they do not go round."""
    angles = [-math.pi / 2]
    for a, b in zip(ring, ring[1:]):
        angles.append(angles[-1] + _least_turn(a, b, radius, angles[-1], least))
        if angles[-1] - angles[0] > 2 * math.pi:
            return None
    if len(ring) > 1:
        closing = _least_turn(ring[-1], ring[0], radius, angles[-1], 0.0)
        if angles[-1] + closing - angles[0] > 2 * math.pi + 1e-9:
            return None
    return angles


def _spread(ring: list[Footprint], radius: float) -> list[float] | None:
    """The ring's angles with the spare angle shared out: the largest least turn that still goes round."""
    if _walk(ring, radius, 0.0) is None:
        return None
    low, high = 0.0, 2 * math.pi / len(ring)
    if _walk(ring, radius, high) is not None:
        low = high
    for _ in range(14):
        middle = (low + high) / 2
        if _walk(ring, radius, middle) is None:
            high = middle
        else:
            low = middle
    return _walk(ring, radius, low)


def _ring(ring: list[Footprint], inner: float, placed: list[Box]) -> tuple[float, list[float]]:
    """The least radius (from ``inner``) at which the ring goes round clear of the boxes placed, and its angles."""
    # the ring's length holds each box at least along its narrower side
    radius = max(inner, sum(min(2 * f.half_width, f.above + f.below) + GAP for f in ring) / (2 * math.pi), 1.0)
    while True:
        angles = _spread(ring, radius)
        if angles is not None and not any(overlap(_place(f, radius, a), box, GAP)
                                           for f, a in zip(ring, angles) for box in placed):
            return radius, angles
        radius *= 1.04


def default_footprints(view: MapView) -> dict[str, Footprint]:
    """Footprints at a plain label size, for a view drawn without its own sizes."""
    return {node.id: node_footprint(node.name[:40], 13, 10) for node in view.nodes}


def ring_layout(view: MapView, footprints: Mapping[str, Footprint] | None = None) -> dict[str, tuple[float, float]]:
    """Node id -> (x, y): the focus at the origin, the other nodes on rings by type (see the module), spaced so
    that no two ``footprints`` (shape and label; by default :func:`default_footprints`) touch."""
    room = dict(footprints) if footprints is not None else default_footprints(view)
    focus = set(view.focus)
    positions: dict[str, tuple[float, float]] = {node: (0.0, 0.0) for node in view.focus}
    placed = [room[node].box(0.0, 0.0) for node in view.focus if node in room]
    rings: list[list[str]] = [[] for _ in RINGS]
    for node in view.nodes:
        if node.id not in focus:
            index = next((i for i, types in enumerate(RINGS) if node.type in types), len(RINGS) - 1)
            rings[index].append(node.id)
    names = {node.id: node.name for node in view.nodes}
    radius = 0.0
    for ring in (r for r in rings if r):
        ring.sort(key=lambda n: ((view.areas.get(n) or ["~"])[0], names[n].casefold()))
        radius, angles = _ring([room[n] for n in ring], radius + RING_GAP if placed else 0.0, placed)
        for node, angle in zip(ring, angles):
            positions[node] = _point(radius, angle)
            placed.append(room[node].box(*positions[node]))
    return positions
