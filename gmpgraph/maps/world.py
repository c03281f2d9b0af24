"""A world map of where the work is: each country shaded by the projects (or funders, or areas) the graph
states there, drawn offline as an SVG from packaged Natural Earth shapes, each country with work linking to
its country map. No script, no tile server, no network.

What counts for a country is what :func:`gmpgraph.queries.country_profile` gives (stated work only: planned
work is not shown as done): the projects located there, the bodies that fund that work, the partnership
areas that work is part of.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "country:GHA", "type": "Country", "key": "GHA", "name": "Ghana"},
...     {"id": "project:planetgold-ghana", "type": "Project", "name": "planetGOLD Ghana <b>"}],
...     "edges": [{"type": "LOCATED_IN", "source": "project:planetgold-ghana", "target": "country:GHA"}]})
>>> counts = world_counts(store)
>>> counts["GHA"].projects
1
>>> svg = world_svg(counts, "projects", lambda iso3: f"/maps/country/{iso3}")
>>> '<a href="/maps/country/GHA">' in svg and "<script" not in svg
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from gmpgraph.maps.render import content_security_policy
from gmpgraph.queries import country_profile
from gmpgraph.store import GraphStore

DATA = Path(__file__).parent / "data"
MEASURES = ("projects", "funders", "areas")
WIDTH = 960
#: sequential blues (ColorBrewer 'Blues', 5 classes), and the grey of a country with no stated work
SHADES = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_WORK = "#eeeeee"
NONE_OF_THE_MEASURE = "#f2f0f7"  # work stated, but none of what shades the map (a project with no funder named)


@dataclass
class CountryWork:
    """What the graph states of one country (names of the projects, funders and areas)."""

    iso3: str
    name: str
    projects: int = 0
    funders: int = 0
    areas: int = 0
    examples: list[str] = field(default_factory=list)

    def measure(self, by: str) -> int:
        return int(getattr(self, by))


def world_counts(store: GraphStore) -> dict[str, CountryWork]:
    """ISO3 -> the stated work in each country of the graph that has any (projects or events located there)."""
    counts = {}
    for country in store.nodes("Country"):
        if not country.key:
            continue
        profile = country_profile(store, country.key)
        if not profile.projects and not profile.events:
            continue
        projects = {link.node.id: link.node.name for link in profile.projects}
        counts[country.key] = CountryWork(
            iso3=country.key, name=country.name, projects=len(projects),
            funders=len({link.node.id for link in profile.funders}), areas=len({a.id for a in profile.areas}),
            examples=sorted(projects.values() or (link.node.name for link in profile.events))[:5])
    return counts


# -- shapes ------------------------------------------------------------------------------------------------
def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (longitude, latitude): delta-decoded, then scaled and translated."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(topology: dict) -> dict[str, list[list[list[tuple[float, float]]]]]:
    """ISO 3166-1 numeric code -> polygons, each a list of rings."""
    arcs = _decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if code is None:
            continue
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes[code] = [[_ring(arcs, ring) for ring in polygon] for polygon in parts]
    return shapes


def small_country_points(topology: dict, known: set[str]) -> dict[str, list[float]]:
    """For the countries of a finer topology that ``known`` lacks: the centre of their largest polygon's
    bounding box (how ``data/small-countries.json`` was made from world-atlas's countries-50m.json)."""
    points = {}
    for code, polygons in _polygons(topology).items():
        if code in known:
            continue
        ring = max((p[0] for p in polygons), key=len)
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        points[code] = [round((min(lons) + max(lons)) / 2, 1), round((min(lats) + max(lats)) / 2, 1)]
    return points


@lru_cache(maxsize=1)
def _shapes() -> tuple[dict[str, list], dict[str, list[float]]]:
    """(alpha-3 -> polygons, alpha-3 -> [lon, lat] of a small country's dot), from the packaged data."""
    import pycountry

    def alpha3(numeric: str) -> str | None:
        country = pycountry.countries.get(numeric=numeric)
        return country.alpha_3 if country else None

    polygons = _polygons(json.loads((DATA / "countries-110m.json").read_text(encoding="utf-8")))
    points = json.loads((DATA / "small-countries.json").read_text(encoding="utf-8"))
    return ({a: p for code, p in polygons.items() if (a := alpha3(code)) and a != "ATA"},
            {a: p for code, p in points.items() if (a := alpha3(code))})


# -- projection: Equal Earth (Šavrič, Patterson, Jenny 2018), equal-area and readable at a glance ------------
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _project(lon: float, lat: float) -> tuple[float, float]:
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_X_MAX = _project(180, 0)[0]
_Y_MAX = _project(0, 84)[1]
_Y_MIN = _project(0, -58)[1]  # Antarctica is left out; the map ends south of Cape Horn
SCALE = WIDTH / (2 * _X_MAX)
HEIGHT = round((_Y_MAX - _Y_MIN) * SCALE)


def _xy(lon: float, lat: float) -> tuple[float, float]:
    x, y = _project(lon, lat)
    return round((x + _X_MAX) * SCALE, 1), round((_Y_MAX - y) * SCALE, 1)


def _across_the_antimeridian(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses 180° (Fiji, the east tip of Russia) made continuous, its far side pressed to the
    map's edge, so that no line runs across the whole map."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:])):
        return ring
    east = sum(1 for lon, _ in ring if lon > 0) >= len(ring) / 2
    return [(min(lon + 360, 180) if east and lon < 0 else max(lon - 360, -180) if not east and lon > 0 else lon, lat)
            for lon, lat in ring]


def _path(polygons: list) -> str:
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [_xy(lon, lat) for lon, lat in _across_the_antimeridian(ring)]
            parts.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
    return "".join(parts)


# -- the picture ---------------------------------------------------------------------------------------------
def _classes(values: list[int]) -> list[int]:
    """Upper bounds of up to five classes over the counts: 1, 2, 3-4, 5-9, 10+ scaled to the largest count."""
    top = max(values, default=1)
    bounds = [1, 2, 4, 9] if top >= 10 else [1, 2, 3, 5]
    return [b for b in bounds if b < top] + [top]


def _shade(value: int, bounds: list[int]) -> str:
    if value <= 0:
        return NONE_OF_THE_MEASURE
    index = next(i for i, bound in enumerate(bounds) if value <= bound)
    return SHADES[index + len(SHADES) - len(bounds)]


def _tip(work: CountryWork) -> str:
    lines = [f"{work.name}: {work.projects} project(s), {work.funders} funder(s), {work.areas} area(s) stated"]
    lines += [f"• {name}" for name in work.examples]
    return "\n".join(lines)


def world_svg(counts: dict[str, CountryWork], by: str, link: Callable[[str], str]) -> str:
    """The world as an SVG: countries with stated work shaded by ``by`` (projects, funders or areas) and linked
    (``link(iso3)`` gives the address of its country map), the others light grey; the countries too small for
    the shapes as dots; a legend. Every name is XML-escaped."""
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; choose one of: {', '.join(MEASURES)}")
    polygons, points = _shapes()
    bounds = _classes([w.measure(by) for w in counts.values()])
    legend_height = 70
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT + legend_height}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT + legend_height}" font-family="system-ui, sans-serif" font-size="12" '
           f'role="img"><title>Where the work is: {escape(by)} stated in each country</title>',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f7fbff"/>']
    import pycountry

    def name_of(iso3: str) -> str:
        country = pycountry.countries.get(alpha_3=iso3)
        return getattr(country, "common_name", None) or (country.name if country else iso3)

    def shape(iso3: str, body: str) -> str:
        work = counts.get(iso3)
        if work is None:
            return f'<g class="country" data-iso3="{iso3}"><title>{escape(name_of(iso3))}: no stated work</title>{body}</g>'
        return (f'<a href="{escape(link(iso3))}"><g class="country work" data-iso3="{iso3}" data-count='
                f'"{work.measure(by)}"><title>{escape(_tip(work))}</title>{body}</g></a>')

    for iso3, shapes in sorted(polygons.items()):
        fill = _shade(counts[iso3].measure(by), bounds) if iso3 in counts else NO_WORK
        out.append(shape(iso3, f'<path d="{_path(shapes)}" fill="{fill}" stroke="#ffffff" stroke-width="0.5"/>'))
    for iso3, (lon, lat) in sorted(points.items()):  # drawn last: above the shapes around them
        if iso3 in polygons:
            continue
        x, y = _xy(lon, lat)
        work = counts.get(iso3)
        fill, radius = (_shade(work.measure(by), bounds), 4.5) if work else (NO_WORK, 2.5)
        out.append(shape(iso3, f'<circle cx="{x}" cy="{y}" r="{radius}" fill="{fill}" stroke="#555" '
                               f'stroke-width="0.6"/>'))
    y = HEIGHT + 22
    out.append(f'<text x="12" y="{y}" font-weight="600">{escape(by.capitalize())} stated in the country:</text>')
    x = 250
    lower = 1
    for bound, colour in zip(bounds, SHADES[len(SHADES) - len(bounds):]):
        label = str(bound) if bound == lower else f"{lower}–{bound}"
        out.append(f'<rect x="{x}" y="{y - 12}" width="22" height="14" fill="{colour}" stroke="#888" '
                   f'stroke-width="0.5"/><text x="{x + 28}" y="{y}">{label}</text>')
        x += 80
        lower = bound + 1
    if any(w.measure(by) == 0 for w in counts.values()):
        out.append(f'<rect x="{x}" y="{y - 12}" width="22" height="14" fill="{NONE_OF_THE_MEASURE}" stroke="#888" '
                   f'stroke-width="0.5"/><text x="{x + 28}" y="{y}">0, other work</text>')
        x += 120
    out.append(f'<rect x="{x}" y="{y - 12}" width="22" height="14" fill="{NO_WORK}" stroke="#888" '
               f'stroke-width="0.5"/><text x="{x + 28}" y="{y}">no work stated</text>')
    out.append(f'<text x="12" y="{y + 24}" fill="#555">Click a country for its map. Dots: countries too small to '
               'draw. Shapes: Natural Earth (public domain) via world-atlas (ISC).</text>')
    out.append("</svg>")
    return "\n".join(out)


def world_page(counts: dict[str, CountryWork], by: str, link: Callable[[str], str]) -> str:
    """A script-free HTML page: the map, then the countries in order of ``by`` with their counts and links."""
    ranked = sorted(counts.values(), key=lambda w: (-w.measure(by), w.name))
    rows = "\n".join(f'<tr><td><a href="{escape(link(w.iso3))}">{escape(w.name)}</a></td><td>{w.projects}</td>'
                     f'<td>{w.funders}</td><td>{w.areas}</td></tr>' for w in ranked)
    title = f"Where the work is: {by} stated in each country"
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(None)}">\n'
            f'<title>{escape(title)} · gmpgraph</title>\n'
            '<style>body { font-family: system-ui, sans-serif; margin: 16px; } svg { max-width: 100%; height: auto; }'
            ' .work:hover path, .work:hover circle { stroke: #E69F00; stroke-width: 2; }'
            ' table { border-collapse: collapse; margin-top: 12px; } td, th { padding: 2px 10px; text-align: left; }'
            ' tr:nth-child(even) { background: #f4f4f4; }</style>\n'
            f'</head>\n<body>\n<h1>{escape(title)}</h1>\n{world_svg(counts, by, link)}\n'
            f'<h2>{len(ranked)} countries with stated work</h2>\n<table>\n'
            '<tr><th>country</th><th>projects</th><th>funders</th><th>areas</th></tr>\n'
            f'{rows}\n</table>\n</body>\n</html>\n')


if __name__ == "__main__":  # python -m gmpgraph.maps.world countries-50m.json > gmpgraph/maps/data/small-countries.json
    import sys

    coarse = json.loads((DATA / "countries-110m.json").read_text(encoding="utf-8"))
    known = {g.get("id") for g in coarse["objects"]["countries"]["geometries"]}
    fine = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(json.dumps(small_country_points(fine, known), sort_keys=True))
