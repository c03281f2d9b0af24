"""Cross-area gap analysis: where the Partnership's work meets the Convention, and where it does not.

* :func:`coverage_matrix` - area x article: how many things in each area the text ties to each
  article (``stated``), and whether the area's mandate covers it (``area_mandate``); every count
  lists the edges it was counted from.
* :func:`findings` - articles with obligations on Parties but no project; areas with no known funder;
  areas with a single lead; areas that never collaborate, ranked by what they share (countries, bodies,
  articles, topics: ``gmpgraph.overlap``). Each finding has a strength (stated, inferred, absence), says
  why it matters (``why``) and what was searched (``searched``), and rests on stated edges with their quotes,
  or, for an absence, on the search that found nothing to contradict it. Pairs of areas that share little or
  only what half the areas have, and articles no area's work comes near, are ``priority: low`` and left out
  unless ``everything=True`` (:func:`worth_acting_on`).
* :func:`countries_missing_area` - countries with stated work in one area and none in another.

>>> from gmpgraph.graphfile import graph_from_json
>>> store = graph_from_json({"nodes": [
...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
...     {"id": "article:7", "type": "Article", "key": "7", "name": "Article 7"},
...     {"id": "project:p", "type": "Project", "name": "P"}], "edges": [
...     {"type": "SUPPORTS", "source": "project:p", "target": "article:7", "basis": "stated"},
...     {"type": "PART_OF", "source": "project:p", "target": "area:asgm"}]})
>>> cell = coverage_matrix(store).cells[0]
>>> (cell.area, cell.article, cell.stated, cell.area_mandate)
('area:asgm', 'article:7', 1, 1)
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from typing import Literal

from pydantic import BaseModel, Field

from gmpgraph.evidence import Evidence, Mention, evidence_of, is_stated
from gmpgraph.overlap import PARTNERSHIP_WIDE, AreaProfile, SharedGround, area_profiles, shared_ground
from gmpgraph.queries import leads
from gmpgraph.store import GraphStore
from schema import AnyEdge
from schema.reference import area_by_key, article_titles, articles, mercury_topics

__all__ = ["CountryGap", "CoverageCell", "CoverageMatrix", "Evidence", "Finding", "FindingKind", "Mention",
           "Searched", "coverage_matrix", "countries_missing_area", "findings", "money_without_funder",
           "worth_acting_on"]

FindingKind = Literal["article-without-project", "area-without-funder", "area-with-single-lead",
                      "areas-never-collaborate"]
Strength = Literal["stated", "inferred", "absence"]
Priority = Literal["high", "low"]


class Searched(BaseModel):
    """What a finding was checked against before it was claimed."""

    documents: list[str] = Field(description="Every document in the graph: all were searched.")
    looked_for: str = Field(description="The statements that would have contradicted the finding.")
    mentions: list[Mention] = Field(default_factory=list,
                                    description="Where the subject is named; none of them states what is absent.")
    compared: str | None = Field(default=None, description="For a ranked finding: what was compared to rank it.")


class CoverageCell(BaseModel):
    """One area x article cell."""

    area: str
    article: str
    stated: int = Field(description="Things in the area (the area itself, its projects, publications, events) "
                                    "the text ties to the article.")
    area_mandate: int = Field(description="1 if the area's mandate covers the article, else 0.")
    evidence: list[Evidence]


class CoverageMatrix(BaseModel):
    """The area x article coverage, with row and column labels."""

    areas: list[str]
    articles: list[str]
    cells: list[CoverageCell]

    def cell(self, area: str, article: str) -> CoverageCell | None:
        """The cell for an area id and article id, if it has any count."""
        return next((c for c in self.cells if c.area == area and c.article == article), None)


class Finding(BaseModel):
    """One gap an analyst can act on: what it is about, how strong it is, and what it rests on.

    ``strength`` is ``stated`` (the text says it: an area's one lead), ``inferred`` (read from stated edges by
    a rule) or ``absence`` (nothing in the graph says it, and ``searched`` tells where that was checked).
    """

    kind: FindingKind
    subject: str
    message: str
    strength: Strength
    related: list[str] = Field(default_factory=list, description="Other node ids the finding involves.")
    evidence: list[Evidence] = Field(default_factory=list)
    searched: Searched | None = None
    why: str | None = Field(default=None, description="Why it matters to an analyst: what acting on it would serve.")
    priority: Priority = Field("high", description="'low': two areas that share little (score under 1) or only "
                                                   "what half the areas have, or an article no area's work comes "
                                                   "near; left out of the default list (gmpgraph gaps --all).")
    shared: SharedGround | None = Field(default=None, description="For areas-never-collaborate: what the two "
                                                                  "areas share, with its edges and sentences.")


class CountryGap(BaseModel):
    """A country with stated work in one area and none in another."""

    country: str
    name: str
    active_in: str
    missing: str
    evidence: list[Evidence] = Field(description="The located work in the active area (LOCATED_IN, PART_OF).")
    searched: Searched


_evidence = evidence_of
_is_stated = is_stated


def _stated_edges(store: GraphStore, edge_type: str, **ends: str) -> list[AnyEdge]:
    return [e for e in store.edges(edge_type, **ends) if _is_stated(e)]


def _members(store: GraphStore, area_id: str) -> list[tuple[str, AnyEdge | None]]:
    """The area itself and everything stated to be PART_OF it, with the PART_OF edge."""
    return [(area_id, None), *((e.source, e) for e in _stated_edges(store, "PART_OF", target=area_id))]


def _area_ids(store: GraphStore) -> list[str]:
    return [n.id for n in store.nodes("Area")]


def _documents(store: GraphStore) -> list[str]:
    return sorted(getattr(n, "file", None) or n.id.removeprefix("doc:") for n in store.nodes("Document"))


def _sentences(store: GraphStore) -> dict[tuple[str, str], str]:
    """Every sentence the graph quotes, by (document, locator): the text the absences are checked against."""
    found: dict[tuple[str, str], str] = {}
    for node in store.nodes():
        for p in getattr(node, "provenance", []):
            key = (p.document, p.locator)
            if len(p.quote) > len(found.get(key, "")):
                found[key] = p.quote
    for edge in store.edges():
        for p in edge.provenance:
            key = (p.document, p.locator)
            if len(p.quote) > len(found.get(key, "")):
                found[key] = p.quote
    return found


def _mentions_of(store: GraphStore, node_id: str) -> list[Mention]:
    """The places the graph saw ``node_id`` named, one per document and locator."""
    if node_id not in store:
        return []
    seen, out = set(), []
    for p in getattr(store.node(node_id), "provenance", []):
        if (p.document, p.locator) not in seen:
            seen.add((p.document, p.locator))
            out.append(Mention(document=p.document, locator=p.locator, quote=p.quote))
    return out


def coverage_matrix(store: GraphStore) -> CoverageMatrix:
    """Counts of stated SUPPORTS per area and article, plus the area-mandate ones, each traced to edges."""
    mandated = {f"article:{n}" for area in store.nodes("Area") for n in area_by_key()[area.key].mandate_articles}
    article_ids = sorted({n.id for n in store.nodes("Article")} | mandated, key=lambda i: int(i.split(":")[1]))
    cells = []
    for area_id in _area_ids(store):
        mandate = set(area_by_key()[store.node(area_id).key].mandate_articles)
        per_article: dict[str, list[Evidence]] = defaultdict(list)
        for member, part_of in _members(store, area_id):
            for edge in store.edges("SUPPORTS", source=member):
                if getattr(edge, "basis", "stated") == "stated":
                    per_article[edge.target].append(_evidence(edge))
                    if part_of is not None:
                        per_article[edge.target].append(_evidence(part_of))
        for article_id in article_ids:
            stated = [e for e in per_article.get(article_id, []) if e.type == "SUPPORTS"]
            in_mandate = int(int(article_id.split(":")[1]) in mandate)
            if stated or in_mandate:
                cells.append(CoverageCell(area=area_id, article=article_id, stated=len(stated), area_mandate=in_mandate,
                                          evidence=per_article.get(article_id, [])))
    return CoverageMatrix(areas=_area_ids(store), articles=article_ids, cells=cells)


def findings(store: GraphStore, everything: bool = False) -> list[Finding]:
    """The gaps worth an analyst's time, in a stable order: by kind, then subject; collaboration gaps by what the
    two areas share, most first. ``everything`` adds the low-priority ones (``priority: low``, last of their
    kind): pairs of areas that share little (score under 1) or only what half the areas have, and articles no
    area's work comes near.

    An absence is claimed only after the sentences the graph quotes were searched for a statement that would
    contradict it (the article named beside a project, money for the area, the two areas named as working
    together); no finding rests on an inferred edge alone.

    >>> from gmpgraph.graphfile import graph_from_json
    >>> store = graph_from_json({"nodes": [
    ...     {"id": "area:coal", "type": "Area", "key": "coal", "name": "Mercury releases from coal combustion"},
    ...     {"id": "area:waste", "type": "Area", "key": "waste", "name": "Mercury waste management"}], "edges": []})
    >>> [f.kind for f in findings(store)].count("areas-never-collaborate")
    0
    >>> [(f.kind, f.priority) for f in findings(store, everything=True) if f.kind == "areas-never-collaborate"]
    [('areas-never-collaborate', 'low')]
    """
    sentences = _sentences(store)
    profiles = area_profiles(store)
    found = [*_articles_without_projects(store, sentences, profiles), *_areas_without_funders(store, sentences),
             *_single_leads(store), *_areas_never_collaborating(store, sentences, profiles)]
    return found if everything else [f for f in found if worth_acting_on(f)]


def worth_acting_on(finding: Finding) -> bool:
    """Whether a finding is in the default list: every finding but the low-priority ones."""
    return finding.priority != "low"


_WORK_TYPES = ("Project", "Publication", "Event")


def _mentions_topic(sentence: str, topics: tuple[str, ...]) -> bool:
    text = sentence.casefold()
    return any(re.search(rf"\b{re.escape(t)}", text) for t in topics)


def _article_pattern(number: int) -> re.Pattern[str]:
    return re.compile(rf"\b(?:article|art\.)\s*{number}(?!\d)", re.IGNORECASE)


def _articles_without_projects(store: GraphStore, sentences: dict[tuple[str, str], str],
                               profiles: dict[str, AreaProfile]) -> list[Finding]:
    """Articles with obligations on Parties that no project, publication or event is stated to serve, whose
    covering areas have no project, that no quoted sentence names beside a piece of work, and whose subject
    (the Convention's own words for it, in the reference data: 'mercury cell', 'contaminated site',
    'implementation plan') no sentence about work, its funding or its implementation speaks of, planned
    work included (an absence is claimed only where nothing speaks against it)."""
    work_at = {(p.document, p.locator) for t in _WORK_TYPES for n in store.nodes(t) for p in n.provenance}
    # where work, its funding or its implementation is spoken of, planned work too: an absence is claimed only
    # where nothing speaks against it
    work_stated = work_at | {(p.document, p.locator) for t in ("FUNDS", "IMPLEMENTS", "PART_OF")
                             for e in store.edges(t) for p in e.provenance}
    found = []
    for ref in articles():
        if not ref.party_obligations:
            continue
        article_id = f"article:{ref.number}"
        supports = _stated_edges(store, "SUPPORTS", target=article_id) if article_id in store else []
        if any(store.node(e.source).type in _WORK_TYPES for e in supports):
            continue
        covering = [a for a in area_by_key().values() if ref.number in a.mandate_articles]
        if any(store.node(m).type == "Project" for a in covering for m, part in _members(store, f"area:{a.key}")
               if part is not None):
            continue  # the work of an area whose mandate covers it (the matrix's area-mandate count)
        pattern = _article_pattern(ref.number)
        named = {k: q for k, q in sentences.items() if pattern.search(q)}
        mentions = [Mention(document=d, locator=loc, quote=q) for (d, loc), q in sorted(named.items())]
        if any(k in work_at for k in named):
            continue  # named beside a project, publication or event: not an absence the text bears out
        if ref.topics and any(_mentions_topic(q, ref.topics) for k, q in sentences.items() if k in work_stated):
            continue  # work about the article's subject ('conversion of mercury cell plants'), number or not
        where = (f"named in {len(mentions)} place(s), never beside a project, publication or event"
                 if mentions else f"not named in any of the {len(_documents(store))} documents")
        nearest = _nearest_work(store, ref.number, profiles)
        mandate = (f"the mandate of {', '.join(a.name for a in covering)} covers it, but no project of theirs is "
                   f"in the reports" if covering else "no partnership area's mandate covers it")
        found.append(Finding(
            kind="article-without-project", subject=article_id, strength="absence",
            message=f"Article {ref.number} ({ref.title}) puts obligations on Parties, and no project, publication "
                    f"or event in the reports is tied to it; {mandate}; it is {where}; "
                    + (f"the nearest work: {'; '.join(text for _, text in nearest)}" if nearest else
                       "no area's own sentences speak of its subject either"),
            related=[*(e.source for e in supports), *(area for area, _ in nearest)],
            evidence=[_evidence(e) for e in supports],
            why=(f"Parties must implement Article {ref.number} and the Partnership reports no work for it: "
                 f"{' and '.join(store.node(a).name for a, _ in nearest)} already work near its subject and could "
                 f"take it up") if nearest else
                ("low priority: no area's work comes near its subject, so the Partnership, organised by sector, is "
                 "not expected to have a project for it"),
            priority="high" if nearest else "low",
            searched=Searched(documents=_documents(store), mentions=mentions,
                              looked_for=f"a SUPPORTS statement, a sentence naming article {ref.number} beside a "
                                         f"project, publication or event, or a sentence stating work, its funding "
                                         f"or its implementation about "
                                         f"{', '.join(repr(t) for t in ref.topics) or 'its subject'}",
                              compared=f"the areas' own sentences (their projects' names, their statements' "
                                       f"quotes) for the topics of article {ref.number} in topics.json: "
                                       f"{', '.join(repr(t) for t in _article_topics(ref.number)) or 'none'}")))
    return found


def _article_topics(number: int) -> list[str]:
    return [t.topic for t in mercury_topics() if number in t.articles]


def _nearest_work(store: GraphStore, number: int, profiles: dict[str, AreaProfile]) -> list[tuple[str, str]]:
    """The areas whose own sentences speak of an article's subject (its topics in ``topics.json``), each with the
    first such sentence: where the article's work is found when nothing names its number."""
    out = []
    for area_id, profile in profiles.items():
        quotes = [q for topic in _article_topics(number) for q in profile.topics.get(topic, [])]
        if quotes:
            q = quotes[0]
            out.append((area_id, f"{store.node(area_id).name} ({q.form!r}: \"{_clip(q.quote)}\")"))
    return out


def _clip(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


_MONEY = re.compile(r"\b(?:fund\w*|financ\w*|grants?|donors?|donat\w*|sponsor\w*|contribut\w*|budget|expenditure)\b|"
                    r"US\$|USD|\$|EUR|€|£|\bmillion\b", re.IGNORECASE)


def _areas_without_funders(store: GraphStore, sentences: dict[tuple[str, str], str]) -> list[Finding]:
    """Areas that nobody is stated to fund, directly or through their projects and events, where no quoted
    sentence about the area speaks of money."""
    found = []
    for area_id in _area_ids(store):
        members = [m for m, _ in _members(store, area_id)]
        if any(_stated_edges(store, "FUNDS", target=m) for m in members):
            continue
        if _money_mentions(store, members, sentences):
            continue  # money is spoken of where the area or its work is named: not a clean absence
        area = store.node(area_id)
        found.append(Finding(
            kind="area-without-funder", subject=area_id, strength="absence",
            message=f"{area.name}: no funder is named for the area or any of its {len(members) - 1} project(s) "
                    f"and events, and no sentence naming them speaks of money",
            related=members[1:],
            why="nobody is on record as paying for the area's work, so it cannot be told whether it is funded at "
                "all; an area without money cannot run the projects its mandate calls for",
            searched=Searched(
                documents=_documents(store), mentions=_mentions_of(store, area_id),
                looked_for="a FUNDS statement to the area or its work, or a sentence naming them that speaks of "
                           "money")))
    return found


def _money_mentions(store: GraphStore, members: list[str], sentences: dict[tuple[str, str], str]) -> list[Mention]:
    places = {(p.document, p.locator) for m in members for p in getattr(store.node(m), "provenance", [])}
    return [Mention(document=d, locator=loc, quote=sentences[(d, loc)]) for d, loc in sorted(places)
            if _MONEY.search(sentences.get((d, loc), ""))]


def money_without_funder(store: GraphStore, area_id: str) -> list[Mention]:
    """The sentences naming an area or its work that speak of money although no funder is stated: why the gap
    analysis does not call an area with no funder 'without a funder' (an absence must be clean)."""
    return _money_mentions(store, [m for m, _ in _members(store, area_id)], _sentences(store))


def _single_leads(store: GraphStore) -> list[Finding]:
    """Areas whose latest statements name one lead only."""
    found = []
    for area_id in _area_ids(store):
        current = [lead for lead in leads(store, area_id).leads if lead.status == "in office"]
        if len(current) == 1 and _is_stated(current[0].edge):
            lead = current[0]
            said = f" ({lead.statement.document}, {lead.statement.as_of})" if lead.statement else ""
            stated = [e for e in store.edges("LEADS", target=area_id) if _is_stated(e)]
            found.append(Finding(
                kind="area-with-single-lead", subject=area_id, strength="stated",
                message=f"{store.node(area_id).name} has one lead in its latest statements: "
                        f"{lead.organization.name}{said}",
                related=[lead.organization.id], evidence=[_evidence(lead.edge)],
                why="the area's work rests on one organization: if it steps back, nobody is on record to carry the "
                    "area on (other areas have two or three co-leads)",
                searched=Searched(documents=_documents(store), mentions=_mentions_of(store, area_id),
                                  looked_for=f"LEADS statements for the area ({len(stated)} stated, of "
                                             f"{len({e.source for e in stated})} organization(s)), the latest "
                                             f"statement of each deciding who is in office")))
    return found


_TOGETHER = re.compile(r"\b(?:with|together|joint\w*|jointly|link\w*|cooperat\w*|collaborat\w*|between|"
                       r"co-organi[sz]\w*|synerg\w*)\b", re.IGNORECASE)


def _areas_never_collaborating(store: GraphStore, sentences: dict[tuple[str, str], str],
                               profiles: dict[str, AreaProfile]) -> list[Finding]:
    """Pairs of areas no statement links, where no quoted sentence names both with a word of joint work, ranked
    by what the two share (``gmpgraph.overlap.shared_ground``): the pairs that share countries, bodies, articles
    or topics and still have no joint work first; those sharing nothing but what half the areas have are low
    priority."""
    together = {tuple(sorted((e.source, e.target))) for e in _stated_edges(store, "COLLABORATES_WITH")}
    planned = {tuple(sorted((e.source, e.target))) for e in store.edges("COLLABORATES_WITH")
               if getattr(e, "status", None) == "planned"}
    places = {a: {(p.document, p.locator) for p in store.node(a).provenance} for a in _area_ids(store)}
    found = []
    for a, b in combinations(sorted(_area_ids(store)), 2):
        if (a, b) in together:
            continue
        both = sorted(places[a] & places[b])
        if any(_TOGETHER.search(sentences.get(k, "")) for k in both):
            continue  # named together with a word of joint work: not a clean absence
        mentions = [Mention(document=d, locator=loc, quote=sentences[(d, loc)]) for d, loc in both]
        ground = shared_ground(store, a, b, profiles)
        high = ground.distinctive
        names = f"{store.node(a).name} and {store.node(b).name}"
        listed = f"; named together in {len(both)} place(s), as a list, not as joint work" if both else ""
        hoped = "; joint work is only planned or proposed" if (a, b) in planned else ""
        if high:
            message = f"{names} share {ground.summary()}, and no joint work or link between them is stated{hoped}"
            why = (f"joint work could start here: {_common(ground)}; yet no statement in the "
                   f"{len(_documents(store))} documents says they work together")
        else:
            wide = [t for t in ground.things()]
            message = (f"{names}: no joint work or link between them is stated{hoped}; they share "
                       + (f"little, or only what {PARTNERSHIP_WIDE:.0%} or more of the areas have "
                          f"({ground.summary()}; score {ground.score:g} < 1)" if wide
                          else "no country, body, article or topic"))
            why = "low priority: nothing ties the two areas' work together, so their not collaborating is expected"
        found.append(Finding(
            kind="areas-never-collaborate", subject=a, related=[b], strength="absence", message=message + listed,
            why=why, priority="high" if high else "low", shared=ground,
            evidence=[e for t in ground.things() for e in t.evidence if e.basis == "stated"],  # mandates: in shared
            searched=Searched(documents=_documents(store), mentions=mentions,
                              looked_for="a COLLABORATES_WITH statement, or a sentence naming both areas with a word "
                                         "of joint work (with, jointly, link, cooperation, ...)",
                              compared=f"the two areas' stated work: countries their projects are located in "
                                       f"(LOCATED_IN), bodies that lead, fund or implement the area or its projects "
                                       f"(LEADS, FUNDS, IMPLEMENTS), articles their work or mandates address "
                                       f"(SUPPORTS, areas.json), and {len(mercury_topics())} mercury topics "
                                       f"(topics.json) in their own sentences "
                                       f"({profiles[a].sentences} and {profiles[b].sentences} sentences)")))
    found.sort(key=lambda f: (f.priority != "high", -(f.shared.score if f.shared else 0), f.subject, f.related))
    return found


def _common(ground: SharedGround) -> str:
    """Where joint work could start, rarest shared thing of each kind first: 'both have projects in Indonesia;
    United States Department of State funds work of both; both speak of 'tailings''."""
    parts = []
    if ground.countries:
        parts.append(f"both have projects in {ground.countries[0].name}")
    if ground.bodies:
        body = ground.bodies[0]
        order = ("leads", "funds", "implements")
        roles = {area.removeprefix("area:"): min(r, key=lambda x: (order.index(x.split()[0]), x))
                 for area, r in body.roles.items() if r}
        parts.append(f"{body.name} works with both ({'; '.join(f'{k}: {r}' for k, r in roles.items())})")
    if ground.articles:
        number = int(ground.articles[0].id.split(":")[1])
        parts.append(f"both serve Article {number} ({article_titles()[number]})")
    if ground.topics:
        parts.append(f"both speak of {ground.topics[0].name!r}")
    return "; ".join(parts)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def countries_missing_area(store: GraphStore, active_in: str, missing: str) -> list[CountryGap]:
    """Countries with stated work (a project or event located there) in area ``active_in`` and none in area
    ``missing``: 'which countries have ASGM work but no waste work?'.

    >>> from gmpgraph.graphfile import graph_from_json
    >>> store = graph_from_json({"nodes": [
    ...     {"id": "area:asgm", "type": "Area", "key": "asgm", "name": "Artisanal and small-scale gold mining"},
    ...     {"id": "area:waste", "type": "Area", "key": "waste", "name": "Mercury waste management"},
    ...     {"id": "country:PER", "type": "Country", "key": "PER", "name": "Peru"},
    ...     {"id": "project:p", "type": "Project", "name": "P"}], "edges": [
    ...     {"type": "LOCATED_IN", "source": "project:p", "target": "country:PER"},
    ...     {"type": "PART_OF", "source": "project:p", "target": "area:asgm"}]})
    >>> [(g.name, g.missing) for g in countries_missing_area(store, "asgm", "waste")]
    [('Peru', 'area:waste')]
    """
    from gmpgraph.queries import resolve
    have, lack = resolve(store, active_in, "Area").id, resolve(store, missing, "Area").id
    work: dict[str, dict[str, list[AnyEdge]]] = defaultdict(lambda: defaultdict(list))  # country -> area -> edges
    for located in _stated_edges(store, "LOCATED_IN"):
        for part in _stated_edges(store, "PART_OF", source=located.source):
            work[located.target][part.target] += [located, part]
    out = []
    for country in sorted(work):
        if have in work[country] and lack not in work[country]:
            node = store.node(country)
            out.append(CountryGap(
                country=country, name=node.name, active_in=have, missing=lack,
                evidence=[_evidence(e) for e in work[country][have]],
                searched=Searched(documents=_documents(store), mentions=_mentions_of(store, country),
                                  looked_for=f"a project or event located in {node.name} and part of "
                                             f"{store.node(lack).name}")))
    return out
