"""FastAPI application over a built graph: the query layer and gap analysis over HTTP.

Read-only unless started with a write token, which enables ``POST /documents`` and ``POST /reviews`` (see
api/guards.py for the limits, error bodies and headers every request goes through, api/served.py for how a write is
made on a copy and swapped in whole, api/cache.py for answers kept per graph version, and
api/answers.py for how big an answer may be).

The graph is loaded once, by the caller (``gmpgraph serve`` or :func:`app_from_settings`). Unknown
ids answer 404 with suggestions, invalid parameters 422, and page sizes and path depths are bounded
so no request runs unbounded. CORS is off unless origins are configured.

Every JSON answer is bounded: each node and edge in it shows ``provenance`` (default 3) of its provenance
entries and statements, with their totals and a link to the rest; each list shows ``limit`` items from
``offset``, with its total when cut. ``full=true`` gives everything.

>>> from fastapi.testclient import TestClient
>>> from gmpgraph import GraphStore
>>> TestClient(create_app(GraphStore())).get("/stats").json()["nodes"]
{}
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from api.answers import PAGE_OF_EVIDENCE, Stopped, View, encode, set_deadline
from api.cache import AnswerCache, Answers
from api.docs import add_offline_docs
from api.guards import MAX_BODY, PATTERN_WORDS, TIME_LIMIT, Guard, check_token, internal_error, validation_error
from api.review_page import review_page_for
from api.review_request import ReviewRequest
from api.served import Served, WriteStopped
from api.warm import settle, warm_paths, warm_up
from gmpgraph import GraphStore
from gmpgraph.analysis import (CountryGap, CoverageMatrix, Finding, FindingKind, countries_missing_area,
                               coverage_matrix, findings, worth_acting_on)
from gmpgraph.build import ReadError
from gmpgraph.changes import Changes, changes
from gmpgraph.maps import MapPage, coverage_picture, make_map
from gmpgraph.maps.render import content_security_policy, vis_asset, vis_asset_name
from gmpgraph.queries import (MAX_DEPTH, MAX_PATHS, AreaLeads, ArticleSupport, CountryProfile, Link, NotFound,
                              OrganizationRoles, SearchHit, Subgraph, area_funders, country_profile, leads,
                              neighbourhood, growth, organization_roles, paths, resolve, search, supporters)
from gmpgraph.review.decisions import default_reviews, read_decisions
from gmpgraph.review.worklist import coverage
from loaders.text import NotThatFormat
from schema import EDGE_CLASSES, NODE_CLASSES, AnyEdge, AnyNode, Provenance, Statement
from schema.nodes import MembershipFigure
from schema.review import Decision

MAX_PAGE = 200
MAX_LIST = 1000
NodeType = Literal[tuple(t for t in NODE_CLASSES if t != "Document")]  # type: ignore[valid-type]
EdgeType = Literal[tuple(EDGE_CLASSES)]  # type: ignore[valid-type]
# exactly YYYY-MM-DD and a real day of the calendar (years 1000-9999, leap days included), so the schema
# itself says which dates are accepted and a client generating from it never sends one that is refused
DATE_PATTERN = (r"^(?:[1-9]\d{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
                r"|02-(?:0[1-9]|1\d|2[0-8]))|(?:[1-9]\d(?:0[48]|[2468][048]|[13579][26])"
                r"|(?:[2468][048]|[13579][26])00)-02-29)$")
#: a report's file name: no path, no control characters (and no '..', checked by the route)
NAME_PATTERN = r"^[^/\\\x00-\x1f\x7f]{1,200}$"
PATTERN_WORDS[DATE_PATTERN] = "a real date as YYYY-MM-DD"
PATTERN_WORDS[NAME_PATTERN] = "a file name of 1-200 characters with no '/', '\\' or control characters"
JSON_TYPE = "application/json"


class Settings(BaseModel):
    """Server settings, from environment variables (see the README)."""

    graph: Path = Field(default=Path("graph.json"), description="GMPGRAPH_GRAPH: the graph file to serve.")
    cors_origins: list[str] = Field(default_factory=list, description="GMPGRAPH_CORS_ORIGINS: comma-separated "
                                                                      "origins allowed by CORS (none by default).")
    write_token: str | None = Field(default=None, description="GMPGRAPH_WRITE_TOKEN: enables POST /documents "
                                                              "for requests bearing this token (off by default).")
    time_limit: float = Field(default=TIME_LIMIT, description="GMPGRAPH_TIME_LIMIT: seconds a request may take.")
    max_body: int = Field(default=MAX_BODY, description="GMPGRAPH_MAX_BODY: bytes a request body may have.")

    @classmethod
    def from_env(cls) -> Settings:
        origins = [o.strip() for o in os.environ.get("GMPGRAPH_CORS_ORIGINS", "").split(",") if o.strip()]
        return cls(graph=Path(os.environ.get("GMPGRAPH_GRAPH", "graph.json")), cors_origins=origins,
                   write_token=os.environ.get("GMPGRAPH_WRITE_TOKEN") or None,
                   time_limit=float(os.environ.get("GMPGRAPH_TIME_LIMIT", TIME_LIMIT)),
                   max_body=int(os.environ.get("GMPGRAPH_MAX_BODY", MAX_BODY)))


class Stats(BaseModel):
    """Counts of nodes and edges by type, and how many of the edges answers rest on a reviewer has checked."""

    nodes: dict[str, int]
    edges: dict[str, int]
    reviewed: dict[str, dict[str, int]] = Field(default_factory=dict, description="Per edge type answers rest on: "
                                                "stated edges ('total') and those reviewed ('reviewed').")


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


class ProvenancePage(BaseModel):
    """One page of the places a node or edge was seen."""

    owner: str
    total: int
    offset: int
    limit: int
    items: list[Provenance]


class StatementPage(BaseModel):
    """One page of an edge's dated statements."""

    owner: str
    total: int
    offset: int
    limit: int
    items: list[Statement]


class Gaps(BaseModel):
    """The gap analysis: matrix and findings (collaboration gaps ranked by what the two areas share)."""

    matrix: CoverageMatrix
    findings: list[Finding]
    low_priority_left_out: int = Field(0, description="Low-priority findings not listed (pairs of areas that share "
                                                      "little, articles no area's work comes near); all=true lists "
                                                      "them.")


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
    422: {"model": Problem, "description": "The bytes are not what the name says (a '.pdf' without a PDF header), "
                                           "or the name is not a plain file name."},
    401: {"model": Problem, "description": "No or wrong write token."},
    403: {"model": Problem, "description": "The server is read-only."},
    409: {"model": Problem, "description": "The same report is already in the graph."},
    413: {"model": Problem, "description": "The report is larger than the server accepts."},
    503: {"model": Problem, "description": "The write did not finish in time; the graph is unchanged."},
}
ASSETS = "/assets"  # where served map pages load vis-network from (files written by 'gmpgraph map' inline it)
HTML_PAGE = {200: {"content": {"text/html": {}}, "description": "A self-contained HTML map (no network needed)."}}
REVIEW_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No or wrong write token."},
    403: {"model": Problem, "description": "The server is read-only."},
    404: {"model": Problem, "description": "A node the decision names is not in the graph (closest names given)."},
    409: {"model": Problem, "description": "The decision cannot be applied (its edge is not in the graph, its quote "
                                           "is not in its document, ...); nothing changed."},
}
# an HTML route's extra responses default to text/html in the OpenAPI; its 404 is JSON, say so
MAP_RESPONSES = {**HTML_PAGE, 404: {"description": NOT_FOUND[404]["description"], "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


DEFAULT_LIMIT = 25  # items of an answer's lists; an item with its evidence is up to ~20 KB, so ~0.5 MB at most


def evidence_view(
    provenance: Annotated[int, Query(ge=0, le=MAX_LIST, description="Provenance entries (and statements) shown "
                                                                    "per node and edge; the rest by link.")] = 3,
    full: Annotated[bool, Query(description="Everything: all provenance, every list whole (can be large).")] = False,
) -> View:
    return View(offset=0, limit=MAX_LIST, provenance=provenance, full=full)


def list_view(
    evidence: Annotated[View, Depends(evidence_view)],
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many items of each list.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST, description="Items shown per list (its total is given "
                                                               "when cut).")] = DEFAULT_LIMIT,
) -> View:
    return View(offset=offset, limit=limit, provenance=evidence.provenance, full=evidence.full)


EvidenceView = Annotated[View, Depends(evidence_view)]
ListView = Annotated[View, Depends(list_view)]


def security_headers(csp: str) -> dict[str, str]:
    """Headers for an HTML or SVG answer: its Content-Security-Policy (no framing either), no MIME sniffing,
    no referrer, no caching of a page that embeds the graph."""
    return {"Content-Security-Policy": csp + "; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY", "Cache-Control": "no-store",
            "Cross-Origin-Opener-Policy": "same-origin"}


def _html(page: MapPage) -> HTMLResponse:
    return HTMLResponse(page.html, headers=security_headers(page.csp))


def document_problems_as_422(app: FastAPI) -> None:
    """Make the OpenAPI document say what a 422 really is: a :class:`Problem` (``validation_error``), not
    FastAPI's default list of errors."""
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = default_openapi()
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = Problem.model_json_schema(
                ref_template="#/components/schemas/{model}")
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    if "422" in operation.get("responses", {}):
                        operation["responses"]["422"] = {"description": "A parameter is not what was expected",
                                                         "content": {JSON_TYPE: {"schema": {
                                                             "$ref": "#/components/schemas/Problem"}}}}
            for unused in ("HTTPValidationError", "ValidationError"):
                schema["components"]["schemas"].pop(unused, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _strict_date(value: str | None, name: str = "as_of") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RequestValidationError([{"type": "date_from_datetime_parsing", "loc": ("query", name),
                                       "msg": "a date as YYYY-MM-DD", "input": value}]) from None


def create_app(store: GraphStore, cors_origins: list[str] | None = None, write_token: str | None = None,
               graph_path: Path | None = None, max_body: int = MAX_BODY, time_limit: float = TIME_LIMIT,
               warm: bool = True, reviews_path: Path | None = None) -> FastAPI:
    """An app serving ``store``; the graph is loaded once by the caller.

    It is read-only unless ``write_token`` is given: then ``POST /documents`` with that token as a
    Bearer token adds a report, and the graph is saved (atomically) to ``graph_path`` if given.
    Bodies over ``max_body`` bytes get 413 and requests over ``time_limit`` seconds 503. With ``warm``,
    the common answers are computed at start-up, so no first request is slow.
    """
    served = Served(store, graph_path)
    answers = Answers()
    if reviews_path is None and graph_path is not None:
        reviews_path = default_reviews(graph_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            await warm_up(app, warm_paths(served.store))
        if write_token:  # the first upload must not wait for the learned models to load
            from loaders.learned.models import load_learned_models

            await asyncio.to_thread(load_learned_models)
        settle()
        yield

    app = FastAPI(title="gmpgraph", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  openapi_tags=[{"name": name, "description": about} for name, about in TAGS],
                  summary="The UNEP Global Mercury Partnership knowledge graph and its links to the Minamata "
                          "Convention: queries and cross-area gap analysis, every answer with its evidence.")
    app.state.served = served
    app.state.answers = answers
    add_offline_docs(app)
    app.add_middleware(GZipMiddleware, minimum_size=4096)  # a map page is ~1 MB, mostly vis-network; gzip ~4x
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"])
    app.add_middleware(Guard, max_body=max_body, time_limit=time_limit)  # limits, time, headers
    app.add_middleware(AnswerCache, version=lambda: served.version, answers=answers)  # outermost: cached bytes
    app.add_exception_handler(Exception, internal_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    document_problems_as_422(app)

    def answer(request: Request, build: Callable[[GraphStore], Any], view: View, paged: bool = False) -> Response:
        """Build an answer from this request's snapshot of the graph and encode it, in the worker thread,
        stopping when the request's time is up."""
        set_deadline(request.scope.get("state", {}).get("deadline"))
        try:
            return Response(encode(build(served.store), view, paged), media_type=JSON_TYPE)
        finally:
            set_deadline(None)

    @app.post("/documents", status_code=201, response_model=Added, responses=WRITE_RESPONSES,
              summary="Add a report to the graph (write mode only: needs the server's write token)",
              openapi_extra={"requestBody": {"required": True, "description": "The report file's bytes "
                                             "(text, PDF or DOCX).", "content": {
                                                 "application/octet-stream": {"schema": {"type": "string",
                                                                                         "format": "binary"}}}}})
    async def add_report(request: Request,
                         name: Annotated[str, Query(min_length=1, max_length=200, pattern=NAME_PATTERN,
                                                    description="The report's file name (no path, no '..').")],
                         authorization: Annotated[str | None, Header()] = None) -> Added | JSONResponse:
        refused = check_token(write_token, authorization)  # before the body is read, before any queue
        if refused is not None:
            return refused
        if ".." in name or name.strip(". ") == "":
            raise RequestValidationError([{"type": "value_error", "loc": ("query", "name"), "input": name,
                                           "msg": "a file name without '..' (no path)"}])
        started = request.scope.get("state", {}).get("started", time.monotonic())
        data = await request.body()
        try:
            added = await served.add(data, name, time_limit - (time.monotonic() - started))
        except NotThatFormat as exc:  # the name promises a format the bytes are not
            return JSONResponse(status_code=422, content={"detail": str(exc), "suggestions": []})
        except ReadError as exc:
            return JSONResponse(status_code=400, content={"detail": str(exc), "suggestions": []})
        except WriteStopped as exc:
            return JSONResponse(status_code=503, content={
                "detail": f"the write was stopped ({exc}) after {time_limit:g} s; the graph and its file are "
                          "unchanged. Split the report, or start the server with a larger --time-limit",
                "suggestions": []})
        result = added.result
        if not result.ok:
            return JSONResponse(status_code=409, content={"detail": result.error, "suggestions": []})
        return Added(document_id=result.document_id or "", nodes=result.nodes, edges=result.edges, saved=added.saved)

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc), "suggestions": exc.suggestions})

    @app.exception_handler(Stopped)
    async def stopped(_: Request, exc: Stopped) -> JSONResponse:
        return JSONResponse(status_code=503, content={
            "detail": f"the request took longer than {time_limit:g} s and was stopped; ask for less (a smaller "
                      "limit, depth or provenance)", "suggestions": []})

    @app.get("/", include_in_schema=False)
    def landing() -> JSONResponse:
        return JSONResponse({
            "name": "gmpgraph", "version": app.version, "about": app.summary,
            "docs": "/docs", "openapi": "/openapi.json",
            "message": "This is the gmpgraph API. Its endpoints, with their parameters and examples, are listed "
                       "at /docs (the OpenAPI document is at /openapi.json); try /stats or /articles/7/supporters."})

    @app.get("/stats", response_model=Stats, summary="Counts of nodes and edges by type")
    def stats(request: Request) -> Response:
        return answer(request, lambda s: Stats(**s.counts(), reviewed=coverage(s)), View())

    @app.get("/entities", response_model=Page, summary="Entities of one type, paged, optionally filtered by name")
    def entities(
        request: Request,
        view: EvidenceView,
        type: Annotated[NodeType | None, Query(description="Node type.", examples=["Organization"])] = None,
        q: Annotated[str | None, Query(max_length=200, description="Substring of the name or an alias.")] = None,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    ) -> Response:
        def page(s: GraphStore) -> Page:
            needle = q.casefold() if q else None
            chosen = [n for n in s.nodes(type) if n.type != "Document" and (
                needle is None or any(needle in name.casefold() for name in (n.name, *n.aliases)))]
            return Page(total=len(chosen), offset=offset, limit=limit, items=chosen[offset:offset + limit])
        return answer(request, page, view, paged=True)

    @app.get("/entities/{ref}", response_model=Entity, responses=NOT_FOUND,
             summary="One entity (id, key, name or alias) with its provenance and neighbouring edges")
    def entity(request: Request, ref: Annotated[str, PathParam(max_length=300)], view: ListView) -> Response:
        def build(s: GraphStore) -> Entity:
            node = resolve(s, ref)
            return Entity(node=node, outgoing=[e for e in s.edges(source=node.id) if e.type != "MENTIONED_IN"],
                          incoming=list(s.edges(target=node.id)))
        return answer(request, build, view)

    @app.get("/entities/{ref}/provenance", response_model=ProvenancePage, responses=NOT_FOUND,
             summary="The places an entity was seen, paged")
    def entity_provenance(request: Request, ref: Annotated[str, PathParam(max_length=300)],
                          offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                          limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = PAGE_OF_EVIDENCE) -> Response:
        def build(s: GraphStore) -> ProvenancePage:
            node = resolve(s, ref)
            return ProvenancePage(owner=node.id, total=len(node.provenance), offset=offset, limit=limit,
                                  items=node.provenance[offset:offset + limit])
        return answer(request, build, View(full=True))

    def _edge(s: GraphStore, type: str, source: str, target: str) -> AnyEdge:
        try:
            return s.edge(source, target, type)
        except KeyError:
            raise NotFound(f"{source} -[{type}]-> {target}", [], message=f"no {type} edge from {source!r} to "
                                                                        f"{target!r} in the graph") from None

    @app.get("/edges/provenance", response_model=ProvenancePage, responses=NOT_FOUND,
             summary="The places an edge is stated, paged")
    def edge_provenance(request: Request, type: EdgeType, source: Annotated[str, Query(max_length=300)],
                        target: Annotated[str, Query(max_length=300)],
                        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                        limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = PAGE_OF_EVIDENCE) -> Response:
        def build(s: GraphStore) -> ProvenancePage:
            edge = _edge(s, type, source, target)
            return ProvenancePage(owner=f"{source} -[{type}]-> {target}", total=len(edge.provenance), offset=offset,
                                  limit=limit, items=edge.provenance[offset:offset + limit])
        return answer(request, build, View(full=True))

    @app.get("/edges/statements", response_model=StatementPage, responses=NOT_FOUND,
             summary="An edge's dated statements, paged")
    def edge_statements(request: Request, type: EdgeType, source: Annotated[str, Query(max_length=300)],
                        target: Annotated[str, Query(max_length=300)],
                        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                        limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = PAGE_OF_EVIDENCE) -> Response:
        def build(s: GraphStore) -> StatementPage:
            edge = _edge(s, type, source, target)
            return StatementPage(owner=f"{source} -[{type}]-> {target}", total=len(edge.statements), offset=offset,
                                 limit=limit, items=edge.statements[offset:offset + limit])
        return answer(request, build, View(full=True))

    @app.get("/entities/{ref}/neighbourhood", response_model=Subgraph, responses=NOT_FOUND,
             summary="Everything within `depth` edges of an entity")
    def entity_neighbourhood(request: Request, ref: Annotated[str, PathParam(max_length=300)], view: ListView,
                             depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1) -> Response:
        return answer(request, lambda s: neighbourhood(s, ref, depth), view)

    @app.get("/articles/{number}/supporters", response_model=ArticleSupport, responses=NOT_FOUND,
             summary="What supports an article, split by basis (stated / area-mandate)")
    def article_supporters(request: Request, view: ListView,
                           number: Annotated[int, PathParam(ge=1, le=35, description="Article number.")],
                           area: Annotated[str | None, Query(max_length=100, description=(
                               "Only the support of this area's work (an area key, e.g. asgm): one cell of the "
                               "coverage matrix."))] = None) -> Response:
        return answer(request, lambda s: supporters(s, str(number), area), view)

    @app.get("/areas/{key}/leads", response_model=AreaLeads, responses=NOT_FOUND,
             summary="Leads of an area, optionally those in office on a date")
    def area_leads(request: Request, key: Annotated[str, PathParam(max_length=100)], view: ListView,
                   as_of: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY-MM-DD",
                                                      examples=["2010-06-30"])] = None) -> Response:
        when = _strict_date(as_of)
        return answer(request, lambda s: leads(s, key, when), view)

    @app.get("/areas/{key}/funders", response_model=list[Link], responses=NOT_FOUND,
             summary="Who funds an area, directly or through its projects (the FUNDS edge shows which)")
    def area_funders_(request: Request, key: Annotated[str, PathParam(max_length=100)], view: ListView,
                      planned: Annotated[bool, Query(description="Also funding the text gives as planned (its edge "
                                                                 "says status: planned).")] = False) -> Response:
        return answer(request, lambda s: area_funders(s, key, planned), view)

    @app.get("/organizations/{ref}/funding", response_model=OrganizationRoles, responses=NOT_FOUND,
             summary="What an organisation leads, implements and funds, and who funds it")
    def organization_funding(request: Request, ref: Annotated[str, PathParam(max_length=300)],
                             view: ListView) -> Response:
        return answer(request, lambda s: organization_roles(s, ref), view)

    @app.get("/countries/{iso3}", response_model=CountryProfile, responses=NOT_FOUND,
             summary="Projects, events, areas, implementers and funders in one country")
    def country(request: Request, iso3: Annotated[str, PathParam(max_length=100)], view: ListView) -> Response:
        return answer(request, lambda s: country_profile(s, iso3), view)

    @app.get("/paths", response_model=list[Subgraph], responses=NOT_FOUND,
             summary="Shortest paths between two entities")
    def shortest_paths(request: Request, view: EvidenceView,
                       source: Annotated[str, Query(alias="from", max_length=300)],
                       target: Annotated[str, Query(alias="to", max_length=300)],
                       limit: Annotated[int, Query(ge=1, le=MAX_PATHS)] = 5) -> Response:
        return answer(request, lambda s: paths(s, source, target, limit), view, paged=True)

    @app.get("/search", response_model=list[SearchHit], summary="Typo-tolerant search by name or alias")
    def search_entities(request: Request, view: EvidenceView, q: Annotated[str, Query(min_length=1, max_length=200)],
                        limit: Annotated[int, Query(ge=1, le=100)] = 10) -> Response:
        return answer(request, lambda s: search(s, q, limit), view, paged=True)

    @app.get("/growth", response_model=list[MembershipFigure], summary="Partnership membership over time")
    def membership_growth(request: Request, view: ListView) -> Response:
        return answer(request, growth, view)

    @app.get("/changes", response_model=Changes, responses=NOT_FOUND,
             summary="What changed between two dates: leads, projects, funders and countries of each area")
    def changes_between(request: Request, view: ListView,
                        from_date: Annotated[str, Query(alias="from", pattern=DATE_PATTERN, description="YYYY-MM-DD",
                                                        examples=["2012-06-30"])],
                        to_date: Annotated[str, Query(alias="to", pattern=DATE_PATTERN, description="YYYY-MM-DD",
                                                      examples=["2022-02-28"])],
                        area: Annotated[str | None, Query(max_length=100, description="Only this area")] = None
                        ) -> Response:
        first, second = _strict_date(from_date, "from"), _strict_date(to_date, "to")
        return answer(request, lambda s: changes(s, first, second, area), view)

    @app.get("/gaps", response_model=Gaps, summary="Gap analysis: coverage matrix and findings")
    def gaps(request: Request, view: ListView,
             kind: Annotated[FindingKind | None, Query(description="Only findings of this kind.")] = None,
             everything: Annotated[bool, Query(alias="all", description="Also the low-priority findings, last.")
                                   ] = False) -> Response:
        def build(s: GraphStore) -> Gaps:
            every = [f for f in findings(s, everything=True) if kind is None or f.kind == kind]
            shown = every if everything else [f for f in every if worth_acting_on(f)]
            return Gaps(matrix=coverage_matrix(s), findings=shown, low_priority_left_out=len(every) - len(shown))
        return answer(request, build, view)

    @app.get("/gaps/matrix", response_model=CoverageMatrix, summary="The area x article coverage matrix")
    def gaps_matrix(request: Request, view: ListView) -> Response:
        return answer(request, coverage_matrix, view)

    @app.get("/gaps/countries", response_model=list[CountryGap], responses=NOT_FOUND,
             summary="Countries with stated work in one area and none in another")
    def gaps_countries(request: Request, view: ListView,
                       active: Annotated[str, Query(max_length=200, description="Area with work (key or name)")],
                       missing: Annotated[str, Query(max_length=200, description="Area with none")]) -> Response:
        return answer(request, lambda s: countries_missing_area(s, active, missing), view)

    # -- review: the page, the decisions, recording one -------------------------------------------------------
    @app.get("/review", response_class=HTMLResponse, responses=HTML_PAGE,
             summary="The review page: the claims that most need a look, with their paragraphs")
    def review_page_(limit: Annotated[int, Query(ge=1, le=200)] = 25,
                     edge_type: Annotated[str | None, Query(alias="type", max_length=40)] = None) -> HTMLResponse:
        page = review_page_for(served.store, limit, edge_type)
        return HTMLResponse(page.html, headers=security_headers(page.csp))

    @app.get("/reviews", response_model=list[Decision], summary="The decisions of the review file, in order")
    def reviews_() -> list[Decision]:
        return read_decisions(reviews_path) if reviews_path is not None else []

    @app.post("/reviews", status_code=201, response_model=Decision, responses=REVIEW_RESPONSES,
              summary="Record a reviewer's decision (accept, reject, merge, rename, retype, add, status)")
    async def record_review(body: ReviewRequest, authorization: Annotated[str | None, Header()] = None
                            ) -> Decision | JSONResponse:
        refused = check_token(write_token, authorization)
        if refused is not None:
            return refused
        decision = body.decision(served.store)  # names resolved to ids (404 with suggestions if unknown)
        reason = await served.review(decision, reviews_path)
        if reason:
            return JSONResponse(status_code=409, content={"detail": f"not recorded: {reason}", "suggestions": []})
        return decision

    # -- maps: the same views as 'gmpgraph map'; served pages share vis-network, kept by browsers a year ------
    @app.get(ASSETS + "/{name}", include_in_schema=False)
    def asset(name: Annotated[str, PathParam(max_length=80)]) -> Response:
        for kind, media in (("js", "text/javascript; charset=utf-8"), ("css", "text/css; charset=utf-8")):
            if name == vis_asset_name(kind):
                return Response(vis_asset(kind), media_type=media, headers={
                    "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff"})
        return JSONResponse(status_code=404, content={"detail": f"no asset {name!r}", "suggestions": []})

    @app.get("/maps/network", response_class=HTMLResponse, responses=HTML_PAGE, summary="Map: the whole network")
    def map_network(unlinked: Annotated[bool, Query(description="Also the entities linked only to the documents "
                                                                "that mention them (left out by default).")] = False
                    ) -> HTMLResponse:
        return _html(make_map(served.store, "network", unlinked=unlinked, assets=ASSETS))

    @app.get("/maps/collaboration", response_class=HTMLResponse, responses=HTML_PAGE,
             summary="Map: how the areas collaborate and which partners they share")
    def map_collaboration() -> HTMLResponse:
        return _html(make_map(served.store, "collaboration", assets=ASSETS))

    @app.get("/maps/coverage", response_class=HTMLResponse, responses=HTML_PAGE,
             summary="Map: the area x article coverage as a heat map (HTML page)")
    def map_coverage() -> HTMLResponse:
        return _html(make_map(served.store, "coverage", cell_link="/articles/{article}/supporters?area={area}"))

    @app.get("/maps/coverage.svg", response_class=Response,
             responses={200: {"content": {"image/svg+xml": {}}, "description": "The heat map as SVG."}},
             summary="Map: the area x article coverage as an SVG picture")
    def map_coverage_svg() -> Response:
        return Response(coverage_picture(served.store), media_type="image/svg+xml",
                        headers=security_headers(content_security_policy(None)))

    @app.get("/maps/world", response_class=HTMLResponse, responses=HTML_PAGE,
             summary="Map: the countries shaded by the projects, funders or areas stated there (HTML page)")
    def map_world(by: Annotated[Literal["projects", "funders", "areas"], Query(
            description="What shades a country.")] = "projects") -> HTMLResponse:
        return _html(make_map(served.store, "world", by=by, country_link="/maps/country/{iso3}"))

    @app.get("/maps/area/{key}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: one area with its leads, projects, implementers, funders, countries and articles")
    def map_area(key: Annotated[str, PathParam(max_length=100)]) -> HTMLResponse:
        return _html(make_map(served.store, "area", key, assets=ASSETS))

    @app.get("/maps/article/{number}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: what supports an article (stated solid, area-mandate dashed)")
    def map_article(number: Annotated[int, PathParam(ge=1, le=35, description="Article number.")]) -> HTMLResponse:
        return _html(make_map(served.store, "article", str(number), assets=ASSETS))

    @app.get("/maps/country/{iso3}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: the work in one country")
    def map_country(iso3: Annotated[str, PathParam(max_length=100)]) -> HTMLResponse:
        return _html(make_map(served.store, "country", iso3, assets=ASSETS))

    @app.get("/maps/entity/{ref}", response_class=HTMLResponse, responses=MAP_RESPONSES,
             summary="Map: one entity's neighbourhood to `depth` edges")
    def map_entity(ref: Annotated[str, PathParam(max_length=300)],
                   depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1) -> HTMLResponse:
        return _html(make_map(served.store, "entity", ref, depth, assets=ASSETS))

    _tag_routes(app)
    return app


#: the groups of /docs, reads first, writes last
TAGS = (("graph", "What the graph holds: counts, entities, their provenance and neighbourhoods."),
        ("questions", "The researchers' questions: supporters of an article, leads, funders, a country's work, "
                      "paths, search, membership, what changed between two dates."),
        ("gaps", "Cross-area gap analysis: the coverage matrix and findings, each with its evidence."),
        ("maps", "Interactive maps and the coverage picture, as HTML pages."),
        ("review", "Reviewing the graph: the review page, the decisions taken, and recording one (needs the "
                   "server's write token)."),
        ("writes", "Adding a report (needs the server's write token)."))


def _tag_routes(app: FastAPI) -> None:
    """Give every operation its group in /docs by its path (see ``TAGS``)."""
    from fastapi.routing import APIRoute

    for route in app.routes:
        if not isinstance(route, APIRoute) or route.tags:
            continue
        path = route.path
        tag = ("review" if path.startswith("/review") else "writes" if "POST" in route.methods
               else "maps" if path.startswith("/maps")
               else "gaps" if path.startswith("/gaps") else
               "graph" if path.startswith(("/stats", "/entities", "/edges")) else "questions")
        route.tags = [tag]


def app_from_settings() -> FastAPI:
    """The app for ``uvicorn api.app:app_from_settings --factory`` (and each ``serve --workers`` worker):
    graph file, CORS, write token and limits from the environment."""
    from gmpgraph import load_graph
    from gmpgraph.graphfile import remove_stale_temporaries

    settings = Settings.from_env()
    if settings.write_token:
        remove_stale_temporaries(settings.graph)
    return create_app(load_graph(settings.graph), settings.cors_origins, settings.write_token,
                      settings.graph if settings.write_token else None, max_body=settings.max_body,
                      time_limit=settings.time_limit)
