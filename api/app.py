"""FastAPI application over a built graph: the query layer and gap analysis over HTTP.

Read-only unless started with a write token, which enables ``POST /documents`` (see api/guards.py
for the limits, error bodies and headers every request goes through).

The graph is loaded once, by the caller (``gmpgraph serve`` or :func:`app_from_settings`). Unknown
ids answer 404 with suggestions, invalid parameters 422, and page sizes and path depths are bounded
so no request runs unbounded. CORS is off unless origins are configured.

>>> from fastapi.testclient import TestClient
>>> from gmpgraph import GraphStore
>>> TestClient(create_app(GraphStore())).get("/stats").json()
{'nodes': {}, 'edges': {}}
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.guards import MAX_BODY, TIME_LIMIT, Guard, check_token, internal_error
from gmpgraph import GraphStore
from gmpgraph.build import ReadError, add_document
from gmpgraph.graphfile import save_graph
from gmpgraph.analysis import CountryGap, CoverageMatrix, Finding, countries_missing_area, coverage_matrix, findings
from gmpgraph.maps import MapPage, coverage_picture, make_map
from gmpgraph.maps.render import content_security_policy
from gmpgraph.queries import (MAX_DEPTH, MAX_PATHS, AreaLeads, ArticleSupport, CountryProfile, NotFound,
                              OrganizationRoles, SearchHit, Subgraph, country_profile, leads, neighbourhood,
                              growth, organization_roles, paths, resolve, search, supporters)
from schema import NODE_CLASSES, AnyEdge, AnyNode
from schema.nodes import MembershipFigure

MAX_PAGE = 200
NodeType = Literal[tuple(t for t in NODE_CLASSES if t != "Document")]  # type: ignore[valid-type]


class Settings(BaseModel):
    """Server settings, from environment variables (see the README)."""

    graph: Path = Field(default=Path("graph.json"), description="GMPGRAPH_GRAPH: the graph file to serve.")
    cors_origins: list[str] = Field(default_factory=list, description="GMPGRAPH_CORS_ORIGINS: comma-separated "
                                                                      "origins allowed by CORS (none by default).")
    write_token: str | None = Field(default=None, description="GMPGRAPH_WRITE_TOKEN: enables POST /documents "
                                                              "for requests bearing this token (off by default).")

    @classmethod
    def from_env(cls) -> Settings:
        origins = [o.strip() for o in os.environ.get("GMPGRAPH_CORS_ORIGINS", "").split(",") if o.strip()]
        return cls(graph=Path(os.environ.get("GMPGRAPH_GRAPH", "graph.json")), cors_origins=origins,
                   write_token=os.environ.get("GMPGRAPH_WRITE_TOKEN") or None)


class Stats(BaseModel):
    """Counts of nodes and edges by type."""

    nodes: dict[str, int]
    edges: dict[str, int]


class Page(BaseModel):
    """One page of entities."""

    total: int
    offset: int
    limit: int
    items: list[AnyNode]


class Entity(BaseModel):
    """One entity with its provenance and the edges around it (documents left out)."""

    node: AnyNode
    outgoing: list[AnyEdge]
    incoming: list[AnyEdge]


class Gaps(BaseModel):
    """The gap analysis: matrix and findings."""

    matrix: CoverageMatrix
    findings: list[Finding]


class Added(BaseModel):
    """A report added in write mode: its document node, what it brought, and whether the file was saved."""

    document_id: str
    nodes: int
    edges: int
    saved: bool


class Problem(BaseModel):
    """An error: what went wrong, and what might have been meant."""

    detail: str
    suggestions: list[str] = Field(default_factory=list)


NOT_FOUND = {404: {"model": Problem, "description": "No entity with that id, key or name."}}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Not a readable report (the reason is given)."},
    401: {"model": Problem, "description": "No or wrong write token."},
    403: {"model": Problem, "description": "The server is read-only."},
    409: {"model": Problem, "description": "The same report is already in the graph."},
    413: {"model": Problem, "description": "The report is larger than the server accepts."},
}
HTML_PAGE = {200: {"content": {"text/html": {}}, "description": "A self-contained HTML map (no network needed)."}}
# an HTML route's extra responses default to text/html in the OpenAPI; its 404 is JSON, say so
MAP_RESPONSES = {**HTML_PAGE, 404: {"description": NOT_FOUND[404]["description"], "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


def security_headers(csp: str) -> dict[str, str]:
    """Headers for an HTML or SVG answer: its Content-Security-Policy (no framing either), no MIME sniffing,
    no referrer, no caching of a page that embeds the graph."""
    return {"Content-Security-Policy": csp + "; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY", "Cache-Control": "no-store",
            "Cross-Origin-Opener-Policy": "same-origin"}


def _html(page: MapPage) -> HTMLResponse:
    return HTMLResponse(page.html, headers=security_headers(page.csp))


def create_app(store: GraphStore, cors_origins: list[str] | None = None, write_token: str | None = None,
               graph_path: Path | None = None, max_body: int = MAX_BODY, time_limit: float = TIME_LIMIT) -> FastAPI:
    """An app serving ``store``; the graph is loaded once by the caller.

    It is read-only unless ``write_token`` is given: then ``POST /documents`` with that token as a
    Bearer token adds a report, and the graph is saved (atomically) to ``graph_path`` if given.
    Bodies over ``max_body`` bytes get 413 and requests over ``time_limit`` seconds 503.
    """
    app = FastAPI(title="gmpgraph", version="0.1.0",
                  summary="The UNEP Global Mercury Partnership knowledge graph and its links to the Minamata "
                          "Convention: queries and cross-area gap analysis, every answer with its evidence.")
    app.add_middleware(GZipMiddleware, minimum_size=4096)  # a map page is ~1 MB, mostly vis-network; gzip ~4x
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"])
    app.add_middleware(Guard, max_body=max_body, time_limit=time_limit)  # outermost: limits, gate, headers
    app.add_exception_handler(Exception, internal_error)

    @app.post("/documents", status_code=201, response_model=Added, responses=WRITE_RESPONSES,
              summary="Add a report to the graph (write mode only: needs the server's write token)",
              openapi_extra={"requestBody": {"required": True, "description": "The report file's bytes "
                                             "(text, PDF or DOCX).", "content": {
                                                 "application/octet-stream": {"schema": {"type": "string",
                                                                                         "format": "binary"}}}}})
    async def add_report(request: Request,
                         name: Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[^/\\\x00]+$",
                                                    description="The report's file name.")],
                         authorization: Annotated[str | None, Header()] = None) -> Added | JSONResponse:
        refused = check_token(write_token, authorization)
        if refused is not None:
            return refused
        data = await request.body()
        try:
            result = await run_in_threadpool(add_document, store, data, name)
        except ReadError as exc:
            return JSONResponse(status_code=400, content={"detail": str(exc), "suggestions": []})
        if not result.ok:
            return JSONResponse(status_code=409, content={"detail": result.error, "suggestions": []})
        if graph_path is not None:
            await run_in_threadpool(save_graph, store, graph_path)
        return Added(document_id=result.document_id or "", nodes=result.nodes, edges=result.edges,
                     saved=graph_path is not None)

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc), "suggestions": exc.suggestions})

    @app.get("/stats", response_model=Stats, summary="Counts of nodes and edges by type")
    def stats() -> Stats:
        return Stats(**store.counts())

    @app.get("/entities", response_model=Page, summary="Entities of one type, paged, optionally filtered by name")
    def entities(
        type: Annotated[NodeType | None, Query(description="Node type.", examples=["Organization"])] = None,
        q: Annotated[str | None, Query(max_length=200, description="Substring of the name or an alias.")] = None,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    ) -> Page:
        needle = q.casefold() if q else None
        chosen = [n for n in store.nodes(type) if n.type != "Document" and (
            needle is None or any(needle in name.casefold() for name in (n.name, *n.aliases)))]
        return Page(total=len(chosen), offset=offset, limit=limit, items=chosen[offset:offset + limit])

    @app.get("/entities/{ref}", response_model=Entity, responses=NOT_FOUND,
             summary="One entity (id, key, name or alias) with its provenance and neighbouring edges")
    def entity(ref: str) -> Entity:
        node = resolve(store, ref)
        return Entity(node=node,
                      outgoing=[e for e in store.edges(source=node.id) if e.type != "MENTIONED_IN"],
                      incoming=list(store.edges(target=node.id)))

    @app.get("/entities/{ref}/neighbourhood", response_model=Subgraph, responses=NOT_FOUND,
             summary="Everything within `depth` edges of an entity")
    def entity_neighbourhood(ref: str, depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1) -> Subgraph:
        return neighbourhood(store, ref, depth)

    @app.get("/articles/{number}/supporters", response_model=ArticleSupport, responses=NOT_FOUND,
             summary="What supports an article, split by basis (stated / area-mandate)")
    def article_supporters(number: Annotated[int, PathParam(ge=1, le=35, description="Article number.")]
                           ) -> ArticleSupport:
        return supporters(store, str(number))

    @app.get("/areas/{key}/leads", response_model=AreaLeads, responses=NOT_FOUND,
             summary="Leads of an area, optionally those in office on a date")
    def area_leads(key: str, as_of: Annotated[dt.date | None, Query(description="YYYY-MM-DD",
                                                                       examples=["2010-06-30"])] = None) -> AreaLeads:
        return leads(store, key, as_of)

    @app.get("/organizations/{ref}/funding", response_model=OrganizationRoles, responses=NOT_FOUND,
             summary="What an organisation leads, implements and funds, and who funds it")
    def organization_funding(ref: str) -> OrganizationRoles:
        return organization_roles(store, ref)

    @app.get("/countries/{iso3}", response_model=CountryProfile, responses=NOT_FOUND,
             summary="Projects, events, areas, implementers and funders in one country")
    def country(iso3: str) -> CountryProfile:
        return country_profile(store, iso3)

    @app.get("/paths", response_model=list[Subgraph], responses=NOT_FOUND,
             summary="Shortest paths between two entities")
    def shortest_paths(source: Annotated[str, Query(alias="from", max_length=300)],
                       target: Annotated[str, Query(alias="to", max_length=300)],
                       limit: Annotated[int, Query(ge=1, le=MAX_PATHS)] = 5) -> list[Subgraph]:
        return paths(store, source, target, limit)

    @app.get("/search", response_model=list[SearchHit], summary="Typo-tolerant search by name or alias")
    def search_entities(q: Annotated[str, Query(min_length=1, max_length=200)],
                        limit: Annotated[int, Query(ge=1, le=100)] = 10) -> list[SearchHit]:
        return search(store, q, limit)

    @app.get("/growth", response_model=list[MembershipFigure], summary="Partnership membership over time")
    def membership_growth() -> list[MembershipFigure]:
        return growth(store)

    @app.get("/gaps", response_model=Gaps, summary="Gap analysis: coverage matrix and findings")
    def gaps() -> Gaps:
        return Gaps(matrix=coverage_matrix(store), findings=findings(store))

    @app.get("/gaps/matrix", response_model=CoverageMatrix, summary="The area x article coverage matrix")
    def gaps_matrix() -> CoverageMatrix:
        return coverage_matrix(store)

    @app.get("/gaps/countries", response_model=list[CountryGap], responses=NOT_FOUND,
             summary="Countries with stated work in one area and none in another")
    def gaps_countries(active: Annotated[str, Query(max_length=200, description="Area with work (key or name)")],
                       missing: Annotated[str, Query(max_length=200, description="Area with none")]
                       ) -> list[CountryGap]:
        return countries_missing_area(store, active, missing)

    # -- maps: the same views as 'gmpgraph map', as self-contained HTML pages --------------------------------
    @app.get("/maps/network", response_class=HTMLResponse, responses=HTML_PAGE, summary="Map: the whole network")
    def map_network() -> HTMLResponse:
        return _html(make_map(store, "network"))

    @app.get("/maps/collaboration", response_class=HTMLResponse, responses=HTML_PAGE,
             summary="Map: how the areas collaborate and which partners they share")
    def map_collaboration() -> HTMLResponse:
        return _html(make_map(store, "collaboration"))

    @app.get("/maps/coverage", response_class=HTMLResponse, responses=HTML_PAGE,
             summary="Map: the area x article coverage as a heat map (HTML page)")
    def map_coverage() -> HTMLResponse:
        return _html(make_map(store, "coverage"))

    @app.get("/maps/coverage.svg", response_class=Response,
             responses={200: {"content": {"image/svg+xml": {}}, "description": "The heat map as SVG."}},
             summary="Map: the area x article coverage as an SVG picture")
    def map_coverage_svg() -> Response:
        return Response(coverage_picture(store), media_type="image/svg+xml",
                        headers=security_headers(content_security_policy(None)))

    @app.get("/maps/area/{key}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: one area with its leads, projects, implementers, funders, countries and articles")
    def map_area(key: Annotated[str, PathParam(max_length=100)]) -> HTMLResponse:
        return _html(make_map(store, "area", key))

    @app.get("/maps/article/{number}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: what supports an article (stated solid, area-mandate dashed)")
    def map_article(number: Annotated[int, PathParam(ge=1, le=35, description="Article number.")]) -> HTMLResponse:
        return _html(make_map(store, "article", str(number)))

    @app.get("/maps/country/{iso3}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: the work in one country")
    def map_country(iso3: Annotated[str, PathParam(max_length=100)]) -> HTMLResponse:
        return _html(make_map(store, "country", iso3))

    @app.get("/maps/entity/{ref}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: one entity's neighbourhood to `depth` edges")
    def map_entity(ref: Annotated[str, PathParam(max_length=300)],
                   depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1) -> HTMLResponse:
        return _html(make_map(store, "entity", ref, depth))

    return app


def app_from_settings() -> FastAPI:
    """The app for ``uvicorn api.app:app_from_settings --factory``: graph file and CORS from the environment."""
    from gmpgraph import load_graph

    settings = Settings.from_env()
    return create_app(load_graph(settings.graph), settings.cors_origins, settings.write_token, settings.graph)
