"""Draw a :class:`MapView` as one self-contained, offline, script-safe HTML file.

pyvis builds the network (nodes, edges, vis-network options) and supplies the vis-network
library it bundles; the page itself comes from this package's own template, because pyvis's
template links Bootstrap from a CDN on every path and writes a ``lib/`` folder on one.

Safety, in three layers:

1. All document text (names, aliases, quotes) travels only inside a JSON block
   (``<script type="application/json">``) written with Jinja's ``tojson``, which escapes ``<``,
   ``>``, ``&`` and ``'`` - so ``</script>`` in a name cannot end the block - and is read with
   ``JSON.parse``; the page puts it on screen only through vis-network's plain-text tooltips and
   ``textContent``, never ``innerHTML``.
2. The template autoescapes everything else it prints (the title).
3. A Content-Security-Policy in the page allows only the page's own scripts (by a per-page nonce)
   and no network connections at all, so even a mistake in 1-2 could neither run an injected
   script nor call out.

Large graphs: the layout runs a capped number of physics iterations before the first draw
(fewer as the graph grows), edges are straight beyond a few hundred nodes, and
physics is switched off once the layout has settled, so a map of thousands of nodes opens and
stays still.

>>> from gmpgraph.maps.views import MapView
>>> from schema import Organization
>>> view = MapView(name="network", title="t", nodes=[Organization(id="org:x", name="</script>x")], edges=[])
>>> page = render_html(view)
>>> "</script>x" in page, "\\\\u003c/script\\\\u003ex" in page
(False, True)
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from gmpgraph.maps.footprint import node_footprint
from gmpgraph.maps.layout import RING_VIEWS, ring_layout
from gmpgraph.maps.style import (
    EDGE_LEGEND_ORDER,
    NODE_STYLE,
    SHARED_STYLE,
    edge_style,
    edge_tooltip,
    label_size,
    node_size,
    node_tooltip,
    short,
)
from gmpgraph.maps.views import MapView

#: above this many nodes edges are straight, and hidden while dragging
LARGE = 300
LABEL_LENGTH = 40
#: a label with no room for all of it is cut to this many characters (the page does it; the layouts make room)
LABEL_SHORT = 22

_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


@cache
def vis_asset(kind: str) -> str:
    """vis-network's JavaScript (``js``) or CSS (``css``) as bundled with pyvis (the source-map comment
    dropped, so no tool ever fetches it)."""
    if kind == "js":
        return (_VIS / "vis-network.min.js").read_text(encoding="utf-8").replace(
            "//# sourceMappingURL=vis-network.min.js.map", "")
    return (_VIS / "vis-network.css").read_text(encoding="utf-8")


def vis_asset_name(kind: str) -> str:
    """The asset's file name with a hash of its content (a server may let browsers keep it for a year).

    >>> vis_asset_name("js").startswith("vis-network-") and vis_asset_name("js").endswith(".js")
    True
    """
    return f"vis-network-{hashlib.sha256(vis_asset(kind).encode()).hexdigest()[:12]}.{kind}"


def _assets() -> tuple[Markup, Markup]:
    """vis-network's JavaScript and CSS, to be inlined."""
    script, style = vis_asset("js"), vis_asset("css")
    for text in (script, style):
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError("the bundled vis-network asset cannot be inlined safely")
    return Markup(script), Markup(style)


def physics_options(node_count: int) -> dict[str, Any]:
    """vis-network options: Barnes-Hut physics with stabilisation capped by graph size.

    >>> physics_options(50)["physics"]["stabilization"]["iterations"]
    600
    >>> physics_options(5000)["edges"]["smooth"]
    False
    """
    large = node_count > LARGE
    iterations = 600 if node_count <= 200 else 250 if node_count <= 1000 else 120 if node_count <= 2500 else 60
    return {
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000 if not large else -3000, "centralGravity": 0.3,
                          "springLength": 260 if node_count <= 20 else 110, "springConstant": 0.04,
                          "damping": 0.4, "avoidOverlap": 0 if large else 0.05,
                          "theta": 0.8 if large else 0.5},
            # not fitted here: the page fits the drawing with its labels (labels.js)
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": False},
            "minVelocity": 1.0,
            "timestep": 0.5,
            "adaptiveTimestep": not large,
        },
        "layout": {"improvedLayout": node_count <= 150, "randomSeed": 7},
        "edges": {"smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "font": {"size": 9, "align": "horizontal", "strokeWidth": 3, "color": "#444444"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1.2},
        # a label smaller than drawThreshold on screen is not drawn: zoomed out, only the most linked are
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3},
                  "scaling": {"label": {"drawThreshold": 7}}, "borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": True},
    }


@dataclass(frozen=True)
class NodeLook:
    """How one node is drawn: its label, shape radius and label size."""

    label: str
    radius: float
    font_size: float


def node_looks(view: MapView) -> dict[str, NodeLook]:
    """Each node's label, radius and label size: both grow with its number of links in the view; the focus is
    drawn larger, and areas' labels too.

    >>> from schema import Organization
    >>> view = MapView(name="network", title="t", nodes=[Organization(id="org:x", name="X")], edges=[])
    >>> node_looks(view)["org:x"]
    NodeLook(label='X', radius=10.0, font_size=12.0)
    """
    degree: Counter[str] = Counter()
    for edge in view.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    focus = set(view.focus)
    looks = {}
    for node in view.nodes:
        style = NODE_STYLE.get(node.type, NODE_STYLE["Organization"])
        looks[node.id] = NodeLook(
            label=short(node.name, LABEL_LENGTH),
            radius=node_size(degree[node.id], style.size) * (1.4 if node.id in focus else 1),
            font_size=label_size(degree[node.id]) * (1.4 if node.id in focus or node.type == "Area" else 1))
    return looks


def build_network(view: MapView) -> Network:
    """The pyvis network of a view: nodes coloured, shaped and sized by type and degree, edges styled by type."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=view.title)
    degree: Counter[str] = Counter()
    for edge in view.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    names = {node.id: node.name for node in view.nodes}
    focus = set(view.focus)
    looks = node_looks(view)
    fixed = ring_layout(view, {n: node_footprint(short(look.label, LABEL_SHORT), look.font_size, look.radius)
                               for n, look in looks.items()}) if view.name in RING_VIEWS else {}
    for node in view.nodes:
        place = ({"x": fixed[node.id][0], "y": fixed[node.id][1], "physics": False} if node.id in fixed else {})
        style = NODE_STYLE.get(node.type, NODE_STYLE["Organization"])
        look = looks[node.id]
        net.add_node(node.id, label=look.label, shape=style.shape,
                     color={"background": style.colour, "border": "#222222" if node.id in focus else style.colour,
                            "highlight": {"background": style.colour, "border": "#000000"},
                            "hover": {"background": style.colour, "border": "#000000"}},
                     borderWidth=4 if node.id in focus else 1, size=look.radius, font={"size": look.font_size},
                     title=node_tooltip(node, degree[node.id]), ntype=node.type, areas=view.areas.get(node.id, []),
                     **place)
    for index, edge in enumerate(view.edges):  # unlabelled: the legend gives each style, the tooltip the type
        style = edge_style(edge)
        net.add_edge(edge.source, edge.target, id=f"e{index}", color=style.colour, dashes=style.vis_dashes,
                     etype=edge.type, basis=edge.basis,
                     title=edge_tooltip(edge, names.get(edge.source, edge.source), names.get(edge.target, edge.target)),
                     arrows={"to": {"enabled": not type(edge).undirected}})
    for index, link in enumerate(view.shared_partners):
        style = SHARED_STYLE
        net.add_edge(link.source, link.target, id=f"s{index}", color=style.colour, dashes=style.vis_dashes,
                     label=f"{len(link.partners)} shared", etype="SHARED_PARTNERS", basis="derived",
                     width=1 + len(link.partners), arrows={"to": {"enabled": False}},
                     title=f"{names[link.source]} and {names[link.target]} share {len(link.partners)} partner(s): "
                           + short(", ".join(link.partners), 600))
    for item in (*net.nodes, *net.edges):  # pyvis keeps None-valued options; vis-network would read them as set
        for key in [k for k, v in item.items() if v is None]:
            del item[key]
    net.options = physics_options(len(view.nodes))
    if fixed:  # every node placed: no physics at all
        net.options["physics"]["enabled"] = False
    return net


def _legend(view: MapView) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    node_types = sorted({n.type for n in view.nodes}, key=list(NODE_STYLE).index)
    nodes = [{"type": t, "colour": NODE_STYLE[t].colour, "shape": NODE_STYLE[t].shape, "label": NODE_STYLE[t].label,
              "count": str(sum(n.type == t for n in view.nodes))} for t in node_types]
    styles = list(dict.fromkeys(edge_style(e) for e in view.edges))
    if view.shared_partners:
        styles.append(SHARED_STYLE)
    order = {style: index for index, style in enumerate(EDGE_LEGEND_ORDER)}
    edges = [{"colour": s.colour, "dashed": "dashed" if s.dashes else "", "label": s.label}
             for s in sorted(styles, key=lambda s: order.get(s, len(order)))]
    return nodes, edges


@dataclass(frozen=True)
class MapPage:
    """A rendered page and the Content-Security-Policy it was written for (served as a header too)."""

    html: str
    csp: str
    nodes: int = 0
    edges: int = 0


def render_html(view: MapView) -> str:
    """The map of ``view`` as one HTML page that needs no network and runs no text from documents."""
    return render_page(view).html


def render_page(view: MapView, assets: str | None = None) -> MapPage:
    """The map of ``view`` with its Content-Security-Policy: self-contained (vis-network inlined), or, with
    ``assets`` (a URL path such as ``/assets``), loading vis-network from there (a server's pages share it)."""
    net = build_network(view)
    nodes, edges, heading, _height, _width, _options = net.get_network_data()
    script, style = _assets() if assets is None else (Markup(""), Markup(""))
    links = {"js": f"{assets}/{vis_asset_name('js')}", "css": f"{assets}/{vis_asset_name('css')}"} if assets else {}
    node_legend, edge_legend = _legend(view)
    payload = {"view": view.name, "nodes": nodes, "edges": edges, "options": net.options, "focus": view.focus,
               "areas": view.area_names, "short": LABEL_SHORT}
    nonce = secrets.token_urlsafe(18)
    csp = content_security_policy(nonce, styles_from_self=bool(assets))
    html = _environment().get_template("map.html.j2").render(
        title=heading, view=view.name, node_count=len(nodes), edge_count=len(edges), payload=payload,
        node_legend=node_legend, edge_legend=edge_legend, areas=view.area_names, vis_script=script, vis_style=style,
        vis_links=links, nonce=nonce, csp=csp)
    return MapPage(html=html, csp=csp, nodes=len(nodes), edges=len(edges))


def content_security_policy(nonce: str | None, styles_from_self: bool = False) -> str:
    """The policy a map page runs under: its own nonce'd scripts only (none at all without a nonce),
    no connections, no frames, no forms.

    >>> content_security_policy(None).split("; ")[1]
    "script-src 'none'"
    """
    scripts = f"'nonce-{nonce}'" if nonce else "'none'"
    styles = "'self' 'unsafe-inline'" if styles_from_self else "'unsafe-inline'"
    return ("default-src 'none'; "
            f"script-src {scripts}; style-src {styles}; img-src data:; font-src data:; "
            "connect-src 'none'; base-uri 'none'; form-action 'none'")
