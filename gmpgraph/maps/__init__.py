"""Interactive network maps of the graph (pyvis / vis-network), offline and safe with any document text.

One call per map: :func:`make_map` takes a view name and its argument and gives the HTML page.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"}],
...     "edges": []})
>>> page = make_map(store, "network")
>>> page.html.startswith("<!DOCTYPE html>") and "https://" not in page.html.split("<script nonce")[0]
True
"""

from __future__ import annotations

from typing import Literal

from gmpgraph.analysis import coverage_matrix
from gmpgraph.maps.heatmap import coverage_page, coverage_svg
from gmpgraph.maps.render import MapPage, content_security_policy, render_html, render_page
from gmpgraph.maps.world import MEASURES, world_counts, world_page, world_svg
from gmpgraph.maps.views import (
    MapView,
    area_view,
    article_view,
    collaboration_view,
    country_view,
    entity_view,
    network_view,
)
from gmpgraph.store import GraphStore

ViewName = Literal["network", "area", "article", "country", "entity", "collaboration", "coverage", "world"]
#: views and the argument each needs (None: no argument)
VIEWS: dict[str, str | None] = {"network": None, "area": "KEY", "article": "N", "country": "ISO3",
                                "entity": "ID", "collaboration": None, "coverage": None, "world": None}
_EXAMPLES = {"area": "asgm", "article": "7", "country": "IDN", "entity": "UNIDO"}


def select_view(store: GraphStore, view: str, argument: str | None = None, depth: int = 1,
                unlinked: bool = False) -> MapView:
    """The nodes and edges of one network view (every view but ``coverage``); ``unlinked`` keeps, in the
    network view, the entities linked only to their documents.

    Raises ValueError for an unknown view or a missing argument, and queries.NotFound for an unknown entity.
    """
    if view not in VIEWS or view in ("coverage", "world"):
        raise ValueError(f"unknown map view {view!r}; choose one of: {', '.join(VIEWS)}")
    needs = VIEWS[view]
    if needs and not argument:
        raise ValueError(f"the {view} map needs {needs}, e.g. 'map {view} {_EXAMPLES[view]}'")
    if needs is None and argument:
        raise ValueError(f"the {view} map takes no argument (got {argument!r})")
    if view == "network":
        return network_view(store, unlinked)
    if view == "collaboration":
        return collaboration_view(store)
    assert argument is not None
    if view == "area":
        return area_view(store, argument)
    if view == "article":
        return article_view(store, argument)
    if view == "country":
        return country_view(store, argument)
    return entity_view(store, argument, depth)


def make_map(store: GraphStore, view: str, argument: str | None = None, depth: int = 1,
             unlinked: bool = False, assets: str | None = None, by: str = "projects",
             country_link: str = "map-country-{iso3_lower}.html",
             cell_link: str = "map-article-{article}.html") -> MapPage:
    """The page for one view; ``coverage`` is a heat-map picture, ``world`` a map of the countries shaded ``by``
    projects, funders or areas, each linking to ``country_link`` (``{iso3}``: its code, ``{iso3_lower}``: in
    lower case); the others are interactive networks (self-contained, or loading vis-network from ``assets``:
    see :func:`render_page`). A coverage cell with support links to ``cell_link`` ({article}: its number,
    {area}: the area's key)."""
    if view == "world":
        if argument:
            raise ValueError(f"the world map takes no argument (got {argument!r})")
        if by not in MEASURES:
            raise ValueError(f"unknown measure {by!r} for the world map; choose one of: {', '.join(MEASURES)}")
        counts = world_counts(store)
        html = world_page(counts, by, lambda iso3: country_link.format(iso3=iso3, iso3_lower=iso3.lower()))
        return MapPage(html=html, csp=content_security_policy(None), nodes=len(counts), edges=0)
    if view == "coverage":
        if argument:
            raise ValueError(f"the coverage map takes no argument (got {argument!r})")
        names = {n.id: n.name for n in store.nodes("Area")}
        matrix = coverage_matrix(store)
        keys = {n.id: n.key for n in store.nodes("Area")}
        link = lambda area, article: cell_link.format(article=article.split(":")[1],  # noqa: E731
                                                       area=keys.get(area, area))
        return MapPage(html=coverage_page(matrix, names, link=link), csp=content_security_policy(None),
                       nodes=len(matrix.areas) + len(matrix.articles), edges=len(matrix.cells))
    return render_page(select_view(store, view, argument, depth, unlinked), assets)


def coverage_picture(store: GraphStore) -> str:
    """The area × article coverage heat map as a bare SVG."""
    return coverage_svg(coverage_matrix(store), {n.id: n.name for n in store.nodes("Area")})


def world_picture(store: GraphStore, by: str = "projects", country_link: str = "map-country-{iso3_lower}.html") -> str:
    """The world map as a bare SVG (see :func:`make_map`)."""
    return world_svg(world_counts(store), by, lambda iso3: country_link.format(iso3=iso3, iso3_lower=iso3.lower()))


__all__ = ["MEASURES", "VIEWS", "MapPage", "MapView", "ViewName", "coverage_picture", "make_map", "render_html",
           "render_page", "select_view", "world_picture"]
