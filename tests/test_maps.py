"""Maps: the views select the right part of the graph, the pages are self-contained and escape document
text, the CLI and the API serve them - and a real headless Chromium opens them with the network cut off,
draws the expected number of nodes and edges, runs no injected script, and saves a screenshot.

The browser tests need Debian's ``chromium`` and the ``playwright`` package. ``.ci/run`` installs both and
sets ``GMPGRAPH_REQUIRE_BROWSER=1``, which turns a missing browser from a skip into a failure.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from gmpgraph import GraphStore, load_graph
from gmpgraph.graphfile import save_graph
from gmpgraph.maps import make_map, select_view
from gmpgraph.queries import supporters
from schema import Implements, LocatedIn, Organization, Project
from schema.provenance import Provenance
from tests.conftest import REPO, gmpgraph_command, running_server

CHROMIUM = os.environ.get("GMPGRAPH_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("GMPGRAPH_SCREENSHOTS", REPO / "artifacts" / "screenshots"))
SCRIPT_PAYLOAD = "</script><script>window.__pwned = 'script'; alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=\"window.__pwned = 'img'; alert(2)\">"
HOSTILE_REPORT = f"""Report of the hostile partners meeting

1. The {SCRIPT_PAYLOAD} Mercury Programme is implemented by the United Nations Industrial Development
Organization (UNIDO) in Kenya with funding from the Global Environment Facility.

2. The {IMG_PAYLOAD} Gold Initiative supports Article 7 of the Convention and is carried out by UNEP in Ghana.
"""


@pytest.fixture(scope="module")
def store(corpus_graph: Path) -> GraphStore:
    return load_graph(corpus_graph)


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report full of markup built by the real CLI, plus an organisation whose name and alias are payloads."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile-report.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    graph = folder / "graph.json"
    proc = subprocess.run([*gmpgraph_command(), "build", str(folder), "-o", str(graph), "--quiet"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    store = load_graph(graph)
    quotes = [p.quote for n in store.nodes() for p in n.provenance]
    assert any("</script>" in q for q in quotes) and any('alert(2)">' in q for q in quotes), "payload not in quotes"
    prov = Provenance(document="hostile-report.txt", locator="para 1", quote=SCRIPT_PAYLOAD, start=0,
                      end=len(SCRIPT_PAYLOAD))
    store.add_node(Organization(id="org:hostile", name=SCRIPT_PAYLOAD, aliases=[IMG_PAYLOAD], kind="ngo",
                                provenance=[prov]))
    project = next(n.id for n in store.nodes("Project"))
    store.add_edge(Implements(source="org:hostile", target=project, provenance=[prov]))
    save_graph(store, graph)
    return graph


# -- views ------------------------------------------------------------------------------------------------------
def test_network_view_draws_every_relation_and_the_entities_it_links(store: GraphStore) -> None:
    """By default the entities linked only to their documents are left out (they ringed the map); with
    ``unlinked`` every entity is drawn. Documents never are."""
    counts = store.counts()
    linked = {end for u, v, key in store.nx.edges(keys=True) if key != "MENTIONED_IN" for end in (u, v)}
    view = select_view(store, "network")
    assert {n.id for n in view.nodes} == linked
    assert len(view.edges) == sum(n for t, n in counts["edges"].items() if t != "MENTIONED_IN")
    everything = select_view(store, "network", unlinked=True)
    assert len(everything.nodes) == sum(n for t, n in counts["nodes"].items() if t != "Document") > len(linked)
    assert len(everything.edges) == len(view.edges)
    assert not any(n.type == "Document" for n in everything.nodes)


def test_area_view_holds_the_leads_projects_and_their_partners(store: GraphStore) -> None:
    view = select_view(store, "area", "supply-storage")
    ids = {n.id for n in view.nodes}
    leads = {e.source for e in store.edges("LEADS", target="area:supply-storage")}
    projects = {e.source for e in store.edges("PART_OF", target="area:supply-storage")}
    assert leads and leads <= ids and projects <= ids
    for project in projects:
        assert {e.source for e in store.edges("IMPLEMENTS", target=project)} <= ids
        assert {e.target for e in store.edges("LOCATED_IN", source=project)} <= ids
    # every drawn edge touches the area or one of its projects
    assert all({e.source, e.target} & ({"area:supply-storage"} | projects) for e in view.edges)
    assert all(n.id in view.areas for n in view.nodes if n.type in ("Project", "Area"))


def test_article_view_keeps_stated_and_area_mandate_support_apart(store: GraphStore) -> None:
    bases = set()
    for article in ("7", "8", "11"):
        view = select_view(store, "article", article)
        supports = [e for e in view.edges if e.type == "SUPPORTS"]
        bases |= {e.basis for e in supports}
        payload = _payload(make_map(store, "article", article).html)
        dashed = {(e["from"], e["to"]) for e in payload["edges"] if e["etype"] == "SUPPORTS" and e["dashes"]}
        solid = {(e["from"], e["to"]) for e in payload["edges"] if e["etype"] == "SUPPORTS" and not e["dashes"]}
        assert dashed == {(e.source, e.target) for e in supports if e.basis == "area-mandate"}
        assert solid == {(e.source, e.target) for e in supports if e.basis == "stated"}
    assert bases == {"stated", "area-mandate"}


def test_article_view_draws_each_area_mandate_supporter_dashed_to_the_article(store: GraphStore) -> None:
    support = supporters(store, "7")
    view = select_view(store, "article", "7")
    dashed = {e.source for e in view.edges if e.type == "SUPPORTS" and e.basis == "area-mandate"}
    assert dashed == {s.node.id for s in support.area_mandate} and len(dashed) > 10
    assert all(e.provenance for e in view.edges)  # each rests on the statement putting it in the area


def test_collaboration_view_adds_shared_partners_derived_from_the_edges(store: GraphStore) -> None:
    view = select_view(store, "collaboration")
    assert {n.type for n in view.nodes} == {"Area"} and len(view.nodes) == 8
    assert all(e.type == "COLLABORATES_WITH" for e in view.edges)
    leads = {}
    for edge in store.edges("LEADS"):
        leads.setdefault(edge.target, set()).add(store.node(edge.source).name)
    for link in view.shared_partners:  # a pair sharing a lead must be listed with that lead
        assert link.partners
    for a in leads:
        for b in leads:
            if a < b and leads[a] & leads[b]:
                pair = next(s for s in view.shared_partners if {s.source, s.target} == {a, b})
                assert leads[a] & leads[b] <= set(pair.partners)


def test_unknown_views_and_entities_are_clear_errors(store: GraphStore) -> None:
    from gmpgraph.queries import NotFound

    with pytest.raises(ValueError, match="unknown map view 'nope'"):
        select_view(store, "nope")
    with pytest.raises(ValueError, match="needs KEY"):
        select_view(store, "area")
    with pytest.raises(NotFound, match="did you mean"):
        select_view(store, "country", "Atlantis")
    with pytest.raises(ValueError, match="depth"):
        select_view(store, "entity", "UNIDO", depth=5)


# -- the page: offline and escaped ------------------------------------------------------------------------------
class _Resources(HTMLParser):
    """Every URL a page would load: src/href/srcset/data attributes, and url(...) / @import in styles."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.policy = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "meta" and ("http-equiv", "Content-Security-Policy") in attrs:
            self.policy = dict(attrs)["content"] or ""
        for name, value in attrs:
            if tag == "a" and name == "href":
                continue  # a link is followed by the reader, not loaded by the page
            if name in ("src", "href", "srcset", "data", "action", "poster") and value:
                self.urls.append(value)


def _payload(html: str) -> dict[str, Any]:
    start = html.index('<script type="application/json" id="gmp-data">') + len(
        '<script type="application/json" id="gmp-data">')
    return json.loads(html[start:html.index("</script>", start)])


@pytest.mark.parametrize("view,argument", [("network", None), ("area", "asgm"), ("article", "7"),
                                           ("country", "IDN"), ("entity", "UNIDO"), ("collaboration", None),
                                           ("coverage", None)])
def test_every_page_is_self_contained(store: GraphStore, view: str, argument: str | None) -> None:
    html = make_map(store, view, argument).html
    parser = _Resources()
    parser.feed(html)
    assert parser.urls == [], parser.urls
    assert "link" not in parser.tags and "iframe" not in parser.tags
    assert "@import" not in html and "sourceMappingURL" not in html
    assert "connect-src 'none'" in parser.policy and "default-src 'none'" in parser.policy


def test_document_text_cannot_break_out_of_the_page(hostile_graph: Path) -> None:
    store = load_graph(hostile_graph)
    for view, argument in [("network", None), ("entity", "org:hostile"), ("article", "7")]:
        html = make_map(store, view, argument).html
        assert SCRIPT_PAYLOAD not in html and "<img src=x" not in html and 'onerror="window' not in html
        parser = _Resources()
        parser.feed(html)
        assert "img" not in parser.tags and parser.tags.count("script") == 4  # policy recorder, data, vis, map
        payload = _payload(html)  # the payload survives as data, intact
        labels = {n["id"]: n for n in payload["nodes"]}
        if "org:hostile" in labels:
            assert labels["org:hostile"]["title"].startswith(SCRIPT_PAYLOAD)
            assert IMG_PAYLOAD in labels["org:hostile"]["title"]


def test_the_coverage_heat_map_counts_what_the_matrix_counts(store: GraphStore) -> None:
    from gmpgraph.analysis import coverage_matrix

    html = make_map(store, "coverage").html
    matrix = coverage_matrix(store)
    assert html.count('class="article"') == 35  # every article of the Convention, named: the empty ones are gaps
    assert "Article 12: Contaminated sites" in html and "9 Releases" in html
    assert html.count('class="cell"') == len(matrix.areas) * 35
    for cell in matrix.cells:
        assert f'data-stated="{cell.stated}" data-mandate="{cell.area_mandate}"' in html
    assert "<script" not in html and "script-src 'none'" in html
    assert "article:3" in matrix.articles  # supply and storage's mandate shows even with no Article 3 node


# -- command line and API ---------------------------------------------------------------------------------------
def test_cli_writes_one_file_and_no_lib_folder(corpus_graph: Path, tmp_path: Path) -> None:
    proc = subprocess.run([*gmpgraph_command(), "map", "area", "asgm", "--graph", str(corpus_graph), "--json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["path"] == "map-area-asgm.html" and report["nodes"] > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map-area-asgm.html"]
    svg = subprocess.run([*gmpgraph_command(), "map", "coverage", "-o", "c.svg", "--graph", str(corpus_graph)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert svg.returncode == 0 and (tmp_path / "c.svg").read_text().startswith("<svg")


@pytest.mark.parametrize("args,code,message", [
    (["map", "atlas"], 2, "unknown map view 'atlas'"),
    (["map", "article"], 2, "needs N"),
    (["map", "entity", "UNIDO", "--depth", "9"], 2, "depth must be between 1 and 4"),
    (["map", "country", "Atlantis"], 4, "no country named 'Atlantis'"),
])
def test_cli_errors_are_clear(corpus_graph: Path, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    proc = subprocess.run([*gmpgraph_command(), *args, "--graph", str(corpus_graph)], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == code and message in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_api_serves_maps_with_security_headers(store: GraphStore) -> None:
    client = TestClient(create_app(store))
    for url in ("/maps/network", "/maps/area/asgm", "/maps/article/7", "/maps/country/IDN",
                "/maps/entity/UNIDO?depth=2", "/maps/collaboration", "/maps/coverage", "/maps/coverage.svg"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        if url.endswith(".svg"):
            assert response.headers["content-type"] == "image/svg+xml"
        else:
            assert response.headers["content-type"].startswith("text/html")
            parser = _Resources()
            parser.feed(response.text)
            assert csp.startswith(parser.policy)  # the page carries the same policy as the header (meta)
    assert client.get("/maps/area/nowhere").status_code == 404
    assert client.get("/maps/article/36").status_code == 422


def test_served_maps_share_vis_network_and_stay_small(store: GraphStore) -> None:
    """Issue 32: served map pages load vis-network from the server (one asset, kept by browsers a year) instead
    of inlining its 470 KB in every page; files written by 'gmpgraph map' stay self-contained."""
    client = TestClient(create_app(store, warm=False))
    sources = set()
    for url in ("/maps/network", "/maps/area/asgm", "/maps/article/7", "/maps/country/IDN", "/maps/collaboration",
                "/maps/entity/UNIDO?depth=2"):
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        sources |= set(re.findall(r'<script nonce="[^"]+" src="(/assets/vis-network-\w+\.js)"', plain.text))
        sent = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert sent.num_bytes_downloaded < 200_000, (url, sent.num_bytes_downloaded)
        if url == "/maps/article/7":
            assert len(plain.content) < 200_000  # even uncompressed (it inlined 781 KB before)
    assert len(sources) == 1
    asset = client.get(sources.pop())
    assert asset.status_code == 200 and "vis" in asset.text[:2000].lower()
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/assets/vis-network-000000000000.js").status_code == 404
    assert "src=\"/assets/" not in make_map(store, "article", "7").html  # a written file needs no server
    assert client.get("/maps/entity/UNIDO", params={"depth": 5}).status_code == 422


# -- in a real browser --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    required = os.environ.get("GMPGRAPH_REQUIRE_BROWSER") == "1"
    problem = None
    if not Path(CHROMIUM).exists():
        problem = f"no Chromium at {CHROMIUM} (apt install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = problem or "playwright is not installed (pip install playwright)"
    if problem:
        if required:
            pytest.fail(problem)
        pytest.skip(problem)
    with sync_playwright() as playwright:
        # a dead proxy cuts the network off (loopback still works, for the served maps): anything a page
        # tried to fetch would fail, and is recorded by the request log either way
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox", "--proxy-server=127.0.0.1:9"])
        yield chromium
        chromium.close()


class Opened:
    """A page opened in Chromium with everything it requested, printed, failed on and alerted recorded."""

    def __init__(self, browser: Any, bypass_csp: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, url: str) -> dict[str, Any]:
        self.page.goto(url)
        for _ in range(1200):  # until the layout settles (a wait, not a timing assertion)
            if self.page.evaluate("() => !!(window.gmpMap && window.gmpMap.stabilized)"):
                break
            self.page.wait_for_timeout(100)
        return self.page.evaluate("""() => ({
            stabilized: window.gmpMap.stabilized,
            nodes: window.gmpMap.network.body.nodeIndices.length,
            edges: window.gmpMap.network.body.edgeIndices.length,
            violations: window.gmpViolations,
            pwned: window.__pwned === undefined ? null : String(window.__pwned),
            images: document.querySelectorAll('img').length,
            options: Array.from(document.querySelectorAll('#names option')).map(o => o.value),
        })""")

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
        return path

    def close(self) -> None:
        self.context.close()


def _write(tmp_path: Path, store: GraphStore, view: str, argument: str | None = None) -> tuple[str, Any]:
    page = make_map(store, view, argument)
    path = tmp_path / f"{view}.html"
    path.write_text(page.html, encoding="utf-8")
    return path.as_uri(), page


@pytest.mark.parametrize("view,argument", [("network", None), ("area", "asgm"), ("article", "7"),
                                           ("country", "IDN"), ("collaboration", None)])
def test_maps_open_offline_and_draw_every_node_and_edge(browser: Any, store: GraphStore, tmp_path: Path,
                                                         view: str, argument: str | None) -> None:
    url, page = _write(tmp_path, store, view, argument)
    expected = select_view(store, view, argument)
    opened = Opened(browser)
    try:
        drawn = opened.open(url)
        assert drawn["stabilized"]
        assert drawn["nodes"] == page.nodes == len(expected.nodes)
        assert drawn["edges"] == page.edges == len(expected.edges) + len(expected.shared_partners)
        assert opened.requests == [url], "the page asked for more than itself"
        assert drawn["violations"] == [] and opened.errors == [] and opened.dialogs == []
        opened.screenshot(f"map-{view}")
    finally:
        opened.close()


def test_article_map_draws_area_mandate_support_dashed_in_the_browser(browser: Any, store: GraphStore,
                                                                       tmp_path: Path) -> None:
    """Chromium draws one dashed edge per supporter through an area's mandate, and the legend explains it."""
    url, _ = _write(tmp_path, store, "article", "7")
    mandate = {s.node.id for s in supporters(store, "7").area_mandate}
    opened = Opened(browser)
    try:
        opened.open(url)
        drawn = opened.page.evaluate("""() => Object.values(window.gmpMap.network.body.edges)
            .filter(e => e.options.dashes).map(e => [e.fromId, e.toId])""")
        assert {source for source, _ in drawn} == mandate and {target for _, target in drawn} == {"article:7"}
        assert len(drawn) == len(mandate) > 10
        legend = opened.page.evaluate("""() => Array.from(document.querySelectorAll('.line.dashed'))
            .map(line => line.parentElement.textContent.trim())""")
        assert "supports (area mandate)" in legend
        opened.screenshot("map-article-7-mandate")
    finally:
        opened.close()


def test_type_and_area_filters_hide_and_restore_nodes(browser: Any, store: GraphStore, tmp_path: Path) -> None:
    url, page = _write(tmp_path, store, "network")
    view = select_view(store, "network")
    organisations = sum(n.type == "Organization" for n in view.nodes)
    in_asgm = sum("area:asgm" in view.areas.get(n.id, []) for n in view.nodes)
    opened = Opened(browser)
    try:
        opened.open(url)
        visible = "() => window.gmpMap.network.body.nodeIndices.length"
        opened.page.click("input.type-filter[value=Organization]")
        assert opened.page.evaluate(visible) == page.nodes - organisations
        opened.page.click("input.type-filter[value=Organization]")
        assert opened.page.evaluate(visible) == page.nodes
        opened.page.select_option("#area", "area:asgm")
        assert opened.page.evaluate(visible) == in_asgm < page.nodes
    finally:
        opened.close()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-policy", "escaping-alone"])
def test_hostile_document_runs_no_script_in_the_browser(browser: Any, hostile_graph: Path, tmp_path: Path,
                                                        bypass_csp: bool) -> None:
    store = load_graph(hostile_graph)
    url, page = _write(tmp_path, store, "network")
    opened = Opened(browser, bypass_csp=bypass_csp)
    try:
        drawn = opened.open(url)
        assert drawn["nodes"] == page.nodes and drawn["edges"] == page.edges
        assert drawn["pwned"] is None and opened.dialogs == [] and drawn["images"] == 0
        assert drawn["violations"] == [] and opened.errors == []
        # shown as text: the (shortened) name is there, literally
        assert any(option.startswith(SCRIPT_PAYLOAD[:30]) for option in drawn["options"])
        assert opened.page.title().endswith("· gmpgraph")
        # hover the hostile node: its tooltip shows the payload as text and holds no elements but line breaks
        spot = opened.page.evaluate("""() => {
            const net = window.gmpMap.network, box = document.getElementById('map').getBoundingClientRect();
            const p = net.canvasToDOM(net.getPositions(['org:hostile'])['org:hostile']);
            return {x: box.left + p.x, y: box.top + p.y};
        }""")
        opened.page.mouse.move(spot["x"], spot["y"])
        opened.page.wait_for_selector(".vis-tooltip", state="visible")
        tooltip = opened.page.evaluate("""() => {
            const t = document.querySelector('.vis-tooltip');
            // innerText turns the tooltip's line breaks into <br>; nothing else may be an element
            return {text: t.innerText, children: [...t.querySelectorAll('*')].filter(e => e.tagName !== 'BR').length};
        }""")
        assert tooltip["children"] == 0 and tooltip["text"].startswith(SCRIPT_PAYLOAD) and IMG_PAYLOAD in tooltip["text"]
        assert opened.page.evaluate("() => window.__pwned === undefined") and opened.dialogs == []
        opened.screenshot(f"map-hostile-{'policy' if not bypass_csp else 'escaping'}")
    finally:
        opened.close()


def test_the_coverage_picture_fits_its_35_named_columns_in_the_browser(browser: Any, store: GraphStore,
                                                                       tmp_path: Path) -> None:
    path = tmp_path / "coverage.html"
    path.write_text(make_map(store, "coverage").html, encoding="utf-8")
    opened = Opened(browser)
    try:
        opened.page.goto(path.as_uri())
        boxes = opened.page.evaluate("""() => { const s = document.querySelector('svg').getBoundingClientRect();
          return Array.from(document.querySelectorAll('svg text')).map(t => { const r = t.getBoundingClientRect();
            return [r.left - s.left, r.top - s.top, r.right - s.left, r.bottom - s.top, s.width, s.height]; }); }""")
        assert len(boxes) > 35
        assert all(left >= 0 and top >= 0 and right <= width and bottom <= height
                   for left, top, right, bottom, width, height in boxes)  # no label leaves the picture
        assert opened.errors == [] and opened.dialogs == []
        opened.screenshot("coverage-35-articles")
    finally:
        opened.close()


def test_maps_served_by_the_api_open_in_the_browser(browser: Any, corpus_graph: Path) -> None:
    with running_server(corpus_graph) as base:
        assert "content-security-policy" in httpx.get(base + "/maps/collaboration").headers
        opened = Opened(browser)
        try:
            drawn = opened.open(base + "/maps/area/asgm")
            assert drawn["stabilized"] and drawn["nodes"] > 50
            assert drawn["violations"] == [] and opened.errors == []
            assert all(r.startswith(base) for r in opened.requests)
            opened.screenshot("api-map-area-asgm")
        finally:
            opened.close()



def test_api_docs_render_offline_from_the_servers_own_assets(browser: Any, corpus_graph: Path) -> None:
    """Swagger UI and ReDoc in Chromium with the network cut off (the dead proxy): each page draws the
    API's operations, and nothing it loads comes from anywhere but the server."""
    with running_server(corpus_graph) as base:
        for path, drawn in (("/docs", ".swagger-ui .opblock-summary-path"), ("/redoc", "[data-section-id]")):
            opened = Opened(browser)
            try:
                opened.page.goto(base + path)
                opened.page.wait_for_selector(drawn, timeout=60_000)
                shown = opened.page.locator(drawn).count()
                assert shown >= 11, (path, shown)
                assert "gmpgraph" in opened.page.inner_text("body")
                elsewhere = [r for r in opened.requests if not r.startswith((base, f"blob:{base}", "data:"))]
                assert elsewhere == [], elsewhere
                opened.screenshot(f"api-docs{path.replace('/', '-')}")
            finally:
                opened.close()


# -- the world map (issue 32) ----------------------------------------------------------------------------------
def test_world_map_counts_the_stated_work_of_each_country(store: GraphStore) -> None:
    from gmpgraph.maps.world import world_counts
    from gmpgraph.queries import country_profile

    counts = world_counts(store)
    assert len(counts) > 20
    for iso3, work in counts.items():
        profile = country_profile(store, iso3)
        assert work.projects == len({link.node.id for link in profile.projects})
        assert work.funders == len({link.node.id for link in profile.funders})
        assert work.projects or profile.events
    planned_only = {e.target for e in store.edges("LOCATED_IN") if getattr(e, "status", None) == "planned"} - {
        e.target for e in store.edges("LOCATED_IN") if getattr(e, "status", None) != "planned"}
    assert not {store.node(c).key for c in planned_only} & set(counts)  # planned work is not shown as done


def test_world_map_draws_every_country_with_stated_work_offline(browser: Any, store: GraphStore,
                                                                tmp_path: Path) -> None:
    from gmpgraph.maps.world import world_counts

    path = tmp_path / "world.html"
    path.write_text(make_map(store, "world", by="funders").html, encoding="utf-8")
    counts = world_counts(store)
    opened = Opened(browser)
    try:
        opened.page.goto(path.as_uri())
        drawn = opened.page.evaluate("""() => { const s = document.querySelector('svg').getBoundingClientRect();
          const inside = r => r.width > 0 && r.height > 0 && r.left >= s.left - 1 && r.right <= s.right + 1
                              && r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
          return {
            linked: Array.from(document.querySelectorAll('svg a')).map(a => {
              const g = a.querySelector('.country'); const r = g.getBoundingClientRect();
              return [g.dataset.iso3, a.getAttribute('href'), inside(r), getComputedStyle(g.firstElementChild).fill]; }),
            labels: Array.from(document.querySelectorAll('svg text')).every(t => inside(t.getBoundingClientRect())),
            shapes: document.querySelectorAll('svg .country').length,
          }; }""")
        linked = {iso3: (href, inside, fill) for iso3, href, inside, fill in drawn["linked"]}
        assert set(linked) == set(counts)  # every country with stated work, and no other, is drawn as a link
        assert all(href == f"map-country-{iso3.lower()}.html" and inside for iso3, (href, inside, _) in linked.items())
        assert all(fill != "rgb(238, 238, 238)" for _, _, fill in linked.values())  # shaded, not the grey of none
        assert drawn["shapes"] > 200 and drawn["labels"]  # the whole world, and the legend inside the picture
        assert opened.requests == [path.as_uri()] and opened.errors == [] and opened.dialogs == []
        opened.screenshot("world-funders")
    finally:
        opened.close()


def test_world_map_keeps_document_text_as_text(hostile_graph: Path) -> None:
    store = load_graph(hostile_graph)
    prov = next(n for n in store.nodes("Project")).provenance
    store.add_node(Project(id="project:hostile", name=SCRIPT_PAYLOAD + IMG_PAYLOAD, provenance=prov))
    ghana = next(n for n in store.nodes("Country") if n.key == "GHA")
    store.add_edge(LocatedIn(source="project:hostile", target=ghana.id, provenance=prov))
    html = make_map(store, "world").html
    assert "<img" not in html and "<script" not in html and "onerror=\"" not in html
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned" in html  # the name survives in the tooltip, escaped


def test_world_map_from_the_cli_and_the_api(corpus_graph: Path, store: GraphStore, tmp_path: Path) -> None:
    proc = subprocess.run([*gmpgraph_command(), "map", "world", "-o", "w.svg", "--by", "areas", "--graph",
                           str(corpus_graph)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "w.svg").read_text().startswith("<svg") and "countries with stated work" in proc.stdout
    bad = subprocess.run([*gmpgraph_command(), "map", "world", "--by", "money", "--graph", str(corpus_graph)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert bad.returncode == 2 and "--by is one of projects, funders, areas" in bad.stderr
    client = TestClient(create_app(store, warm=False))
    page = client.get("/maps/world", params={"by": "funders"})
    assert page.status_code == 200 and 'href="/maps/country/IDN"' in page.text and len(page.content) < 200_000
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert client.get("/maps/world", params={"by": "money"}).status_code == 422


def test_coverage_cells_link_to_the_supporters_behind_them(store: GraphStore) -> None:
    client = TestClient(create_app(store, warm=False))
    page = client.get("/maps/coverage").text
    links = set(re.findall(r'<a href="(/articles/(\d+)/supporters\?area=([\w-]+))">\s*<g class="cell" data-stated="(\d+)"',
                           page.replace("&amp;", "&")))
    assert len(links) > 10 and any(url == "/articles/7/supporters?area=asgm" for url, *_ in links)
    for url, number, key, stated in sorted(links):
        answer = client.get(url).json()
        rows = answer["stated"] + answer["area_mandate"]
        assert rows or (stated == "0" and answer["note"]), url  # a cell with stated support has its supporters
        assert len([r for r in answer["stated"]]) >= min(int(stated), 1)
        assert all(f"area:{key}" in {r["node"]["id"], r.get("via_area"), *(a["id"] for a in r["areas"])} for r in rows)
    assert client.get("/articles/7/supporters", params={"area": "atlantis"}).status_code == 404
    assert 'href="map-article-7.html"' in make_map(store, "coverage").html  # a written file links to its map file


# -- labels at the initial zoom (issue 32) ----------------------------------------------------------------------
#: what Chromium draws once a map has settled: the canvas, every node's shape and every drawn label (node and
#: edge), each as a box in CSS pixels of the canvas, read from vis-network's own label geometry after a redraw
DRAWN_BOXES = """() => {
    const net = window.gmpMap.network, body = net.body;
    net.redraw();
    const canvas = net.canvas.frame.canvas;
    const box = (left, top, right, bottom) => {
        const a = net.canvasToDOM({x: left, y: top}), b = net.canvasToDOM({x: right, y: bottom});
        return [a.x, a.y, b.x, b.y];
    };
    const labels = [];
    const label = (kind, id, module) => {
        if (!module.visible()) { return; }  // vis-network's own test: a text, and not under the draw threshold
        const s = module.size;
        labels.push({kind, id, text: module.elementOptions.label,
                     box: box(s.left, s.top, s.left + s.width, s.top + s.height)});
    };
    body.nodeIndices.forEach(id => label('node', id, body.nodes[id].labelModule));
    body.edgeIndices.forEach(id => label('edge', id, body.edges[id].labelModule));
    const shapes = body.nodeIndices.map(id => {
        const n = body.nodes[id], r = n.options.size;
        return {id, box: box(n.x - r, n.y - r, n.x + r, n.y + r)};
    });
    return {width: canvas.clientWidth, height: canvas.clientHeight, scale: net.getScale(), labels, shapes};
}"""
#: pixels two label boxes may share (anti-aliasing, rounding) before they count as overlapping
OVERLAP_TOLERANCE = 2.0


def _overlapping(labels: list[dict[str, Any]], tolerance: float = OVERLAP_TOLERANCE) -> list[tuple[str, str]]:
    """The pairs of labels whose boxes overlap by more than ``tolerance`` pixels both ways."""
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            (al, at, ar, ab), (bl, bt, br, bb) = a["box"], b["box"]
            if min(ar, br) - max(al, bl) > tolerance and min(ab, bb) - max(at, bt) > tolerance:
                pairs.append((a["text"], b["text"]))
    return pairs


def _outside(items: list[dict[str, Any]], width: float, height: float, tolerance: float = 1.0) -> list[str]:
    """The items whose box leaves the canvas."""
    return [item.get("text", item.get("id")) for item in items
            if item["box"][0] < -tolerance or item["box"][1] < -tolerance
            or item["box"][2] > width + tolerance or item["box"][3] > height + tolerance]


@pytest.mark.parametrize("view,argument,options", [
    ("network", None, {}), ("network", None, {"unlinked": True}), ("area", "asgm", {}),
    ("area", "fate-transport", {}), ("article", "7", {}), ("country", "IDN", {}), ("entity", "UNIDO", {"depth": 2}),
    ("collaboration", None, {})], ids=["network", "network-unlinked", "area-asgm", "area-fate-transport",
                                       "article-7", "country-IDN", "entity-UNIDO-2", "collaboration"])
def test_labels_fit_the_view_and_never_overlap_at_the_initial_zoom(browser: Any, store: GraphStore, tmp_path: Path,
                                                                   view: str, argument: str | None,
                                                                   options: dict[str, Any]) -> None:
    """Issue 32: once a map has settled, at the zoom it opens at, no node or drawn label leaves the canvas and no
    two drawn labels (nodes' or edges') overlap; the labels dropped or shortened keep the full name in their
    tooltip, and what the map is about is always named."""
    page = make_map(store, view, argument, **options)
    path = tmp_path / f"{view}.html"
    path.write_text(page.html, encoding="utf-8")
    opened = Opened(browser)
    try:
        assert opened.open(path.as_uri())["stabilized"]
        drawn = opened.page.evaluate(DRAWN_BOXES)
        labels, width, height = drawn["labels"], drawn["width"], drawn["height"]
        problems = {"overlapping label pairs": _overlapping(labels), "labels outside": _outside(labels, width, height),
                    "nodes outside": _outside(drawn["shapes"], width, height)}
        assert not any(problems.values()), {what: f"{len(found)}: {found[:4]}" for what, found in problems.items()}
        nodes = {node["id"]: node for node in _payload(page.html)["nodes"]}
        named = {label["id"] for label in labels if label["kind"] == "node"}
        for focus in _payload(page.html)["focus"]:
            assert focus in named, f"the map's focus {focus} is not named"
        if view == "collaboration":
            assert named == set(nodes)  # every area named
        # a hairball of hundreds of nodes has its hubs together in the middle, where their labels meet: fewer fit
        assert len(named) >= min(len(nodes), 8 if len(nodes) <= 150 else 6)
        for label in labels:  # a shortened label is the start of the name, and the tooltip has it whole
            if label["kind"] == "node":
                stem = label["text"].rstrip("…")
                assert nodes[label["id"]]["title"].startswith(stem)
        suffix = ("-" + argument if argument else "") + ("-unlinked" if options.get("unlinked") else "")
        opened.screenshot(f"labels-{view}{suffix}")
        opened.page.set_viewport_size({"width": 1024, "height": 900})  # a window resized before any zoom: fitted anew
        opened.page.wait_for_timeout(400)
        resized = opened.page.evaluate(DRAWN_BOXES)
        assert _overlapping(resized["labels"]) == []
        assert _outside(resized["labels"] + resized["shapes"], resized["width"], resized["height"]) == []
        assert opened.errors == []
    finally:
        opened.close()
