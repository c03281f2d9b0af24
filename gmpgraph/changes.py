"""What changed between two dates: the graph as the reports state it on one date, against another.

On a date D an area's state is what its latest statements on or before D say (the rule of
:func:`gmpgraph.queries.leads`): the leads in office, and the projects the latest report on the area
names as its work, with their funders and countries. Between two dates a body or project *arrived* (named
on the second date, not on the first), *left* (a statement ends its term: "took over in November 2011 from
X"), is *no longer stated* (named on the first date, not on the second: the reports stop naming it, which
is not a statement that it ended), or was *renamed* (one leaves
and one arrives, and a report gives the old name as the new one's former name or acronym: "ICSC, formerly
IEACCC"). Each line carries the statements it rests on, with their dates. Planned work is never counted.

>>> from gmpgraph.store import GraphStore
>>> from schema import Area, Leads, Organization, Statement
>>> store = GraphStore()
>>> _ = store.add_node(Area(id="area:coal", key="coal", name="Mercury releases from coal combustion"))
>>> for org, date in (("A", dt.date(2012, 6, 30)), ("B", dt.date(2022, 2, 28))):
...     _ = store.add_node(Organization(id=f"org:{org.lower()}", name=org))
...     _ = store.add_edge(Leads(source=f"org:{org.lower()}", target="area:coal", statements=[
...         Statement(document="r.txt", locator="para 1", as_of=date)]))
>>> [(c.kind, c.change, c.node.name) for c in changes(store, dt.date(2012, 6, 30), dt.date(2022, 2, 28)).changes]
[('lead', 'no longer stated', 'A'), ('lead', 'arrived', 'B')]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, Field

from gmpgraph.queries import _links, _statements, growth, leads
from gmpgraph.store import GraphStore
from schema import AnyNode, Statement
from schema.nodes import MembershipFigure

Kind = Literal["lead", "project", "funder", "country"]


class Change(BaseModel):
    """One thing that came, went or was renamed in one area between the two dates."""

    area: str = Field(description="The area's key.")
    kind: Kind
    change: Literal["arrived", "left", "no longer stated", "renamed"]
    node: AnyNode = Field(description="What arrived, left or is no longer stated; for a rename, the new body.")
    renamed_from: AnyNode | None = Field(default=None, description="For a rename: the old body.")
    then: list[Statement] = Field(default_factory=list, description="The statements of the first date naming it.")
    now: list[Statement] = Field(default_factory=list, description="The statements of the second date naming it; "
                                                                   "for a rename, the one giving the former name.")


class Changes(BaseModel):
    """Every change between two dates, area by area, and the membership figures of both dates."""

    from_date: dt.date
    to_date: dt.date
    changes: list[Change]
    membership: list[MembershipFigure] = Field(
        default_factory=list, description="The latest membership figure on or before each date (none if none).")
    note: str = Field(default="On a date, an area's state is what its latest statements on or before that date "
                              "say; 'left' and 'no longer stated' mean the later statements stop naming it.")


def changes(store: GraphStore, from_date: dt.date, to_date: dt.date, area: str | None = None) -> Changes:
    """What changed in each area (or in ``area``) between ``from_date`` and ``to_date`` (see the module's
    note). Dates given the wrong way round are taken in order, and the answer's note says so; one date twice
    is no change."""
    swapped = from_date > to_date
    if swapped:
        from_date, to_date = to_date, from_date
    areas = [store.node(a) for a in (area and [_area_id(store, area)] or
                                     sorted(n.id for n in store.nodes("Area")))]
    found: list[Change] = []
    for node in areas:
        found += _lead_changes(store, node.key, from_date, to_date)
        before, after = _work(store, node.id, from_date), _work(store, node.id, to_date)
        for kind in ("project", "funder", "country"):
            found += _compare(store, node.key, kind, before[kind], after[kind], gone="no longer stated")
    figures = growth(store)
    membership = [f for f in (_latest_figure(figures, from_date), _latest_figure(figures, to_date)) if f]
    result = Changes(from_date=from_date, to_date=to_date, changes=found, membership=membership)
    if swapped:
        result.note = f"The dates were given the wrong way round and are taken in order. {result.note}"
    return result


def _area_id(store: GraphStore, area: str) -> str:
    from gmpgraph.queries import resolve

    return resolve(store, area, "Area").id


def _lead_changes(store: GraphStore, area: str, from_date: dt.date, to_date: dt.date) -> list[Change]:
    def in_office(day: dt.date) -> dict[str, tuple[AnyNode, list[Statement]]]:
        return {lead.organization.id: (lead.organization, [lead.statement] if lead.statement else [])
                for lead in leads(store, area, day).leads if lead.status == "in office"}

    found = _compare(store, area, "lead", in_office(from_date), in_office(to_date), gone="no longer stated")
    area_id = _area_id(store, area)
    for change in found:  # 'left' only where a statement ends its term ('took over ... from X')
        if change.change != "no longer stated":
            continue
        ended = [s for link in _links(store, change.node.id, "LEADS", "out") if link.node.id == area_id
                 for s in _statements(link.edge) if s.end and from_date < s.end <= to_date]
        if ended:
            change.change, change.now = "left", ended[:1]
    return found


Named = dict[str, tuple[AnyNode, list[Statement]]]


def _work(store: GraphStore, area_id: str, day: dt.date) -> dict[str, Named]:
    """The projects the latest report on the area on or before ``day`` names as its work, and their funders and
    countries as stated on or before ``day``."""
    parts = [(link, [s for s in _statements(link.edge) if s.as_of and s.as_of <= day])
             for link in _links(store, area_id, "PART_OF", "in") if getattr(link.edge, "status", None) != "planned"]
    latest = max((s.as_of for _, said in parts for s in said), default=None)
    out: dict[str, Named] = {"project": {}, "funder": {}, "country": {}}
    for link, said in parts:
        said = [s for s in said if s.as_of == latest]
        if not said:
            continue
        out["project"][link.node.id] = (link.node, said)
        for kind, edge_type, direction in (("funder", "FUNDS", "in"), ("country", "LOCATED_IN", "out")):
            for other in _links(store, link.node.id, edge_type, direction):
                if getattr(other.edge, "status", None) == "planned":
                    continue
                stated = [s for s in _statements(other.edge) if s.as_of and s.as_of <= day]
                if stated:
                    node, before = out[kind].get(other.node.id, (other.node, []))
                    out[kind][other.node.id] = (node, before + stated)
    return out


def _compare(store: GraphStore, area: str, kind: Kind, before: Named, after: Named, gone: str) -> list[Change]:
    left = [k for k in before if k not in after]
    arrived = [k for k in after if k not in before]
    found: list[Change] = []
    for new_id in list(arrived):
        for old_id in list(left):
            said = _former_name_statement(store, after[new_id][0], before[old_id][0])
            if said is not None:
                found.append(Change(area=area, kind=kind, change="renamed", node=after[new_id][0],
                                    renamed_from=before[old_id][0], then=before[old_id][1], now=[said]))
                arrived.remove(new_id)
                left.remove(old_id)
                break
    for k in before.keys() & after.keys():  # one body under its old name then and its new name now
        old_name = _named_then_by_a_former_name(after[k][0], before[k][1])
        said = _former_name_statement(store, after[k][0], after[k][0]) if old_name else None
        if old_name and said is not None:
            found.append(Change(area=area, kind=kind, change="renamed", node=after[k][0],
                                renamed_from=after[k][0].model_copy(update={"name": old_name}),
                                then=before[k][1], now=[said]))
    found += [Change(area=area, kind=kind, change=gone, node=before[k][0], then=before[k][1]) for k in left]
    found += [Change(area=area, kind=kind, change="arrived", node=after[k][0], now=after[k][1]) for k in arrived]
    return found


def _named_then_by_a_former_name(node: AnyNode, then: list[Statement]) -> str | None:
    """The name a body had (one of its aliases that is, or is spelled by, a former name: "IEA Clean Coal Centre"
    for "ICSC, formerly IEACCC") if every statement of the first date names it so and none by its name now."""
    former = set(getattr(node, "former_names", []))
    old_names = [a for a in node.aliases if a in former or initials(a) in former]
    if not old_names or not then:
        return None

    def plain(text: str) -> str:
        return " ".join(re.sub(r"\s*\([^()]*\)", "", text).replace(",", " ").split()).casefold()

    quotes = [plain(s.quote) for s in then]
    if any(plain(node.name) in q for q in quotes):
        return None
    if not all(any(plain(n) in q for n in old_names) for q in quotes):
        return None
    return min(old_names, key=lambda n: (" " not in n, len(n)))  # its shortest full name: 'IEA Clean Coal Centre'


def _former_name_statement(store: GraphStore, new: AnyNode, old: AnyNode) -> Statement | None:
    """The statement giving one of ``new``'s names as a name of ``old`` ("ICSC, formerly IEACCC": IEACCC spells
    "IEA Clean Coal Centre"), from ``new``'s provenance; None if no report says so. ``old`` may be ``new``
    itself (one node, merged): then a former name it has is what ties."""
    old_names = [old.name, *old.aliases]
    tied = [alias for alias in new.aliases if alias.casefold() in {n.casefold() for n in old_names}
            or (alias.isupper() and any(initials(n) == alias for n in old_names))]
    if old is new:
        tied = [n for n in getattr(new, "former_names", []) if n in new.aliases]
    if not tied:
        return None
    for p in getattr(new, "provenance", []):
        if any(alias in p.quote for alias in tied):
            return Statement(document=p.document, locator=p.locator, quote=p.quote[:400],
                             as_of=_document_date(store, p.document))
    return None


_SMALL = frozenset({"of", "for", "the", "and", "on", "in", "to", "de", "du", "des", "la", "a", "an", "at"})


def initials(name: str) -> str:
    """The acronym a name spells word by word (an acronym in it counts whole); stricter than a long-form
    match, which would let "UNEP" spell "United Nations Development Programme".

    >>> initials("IEA Clean Coal Centre"), initials("United Nations Development Programme")
    ('IEACCC', 'UNDP')
    """
    from loaders.entities.acronyms import is_acronym

    return "".join(w if is_acronym(w) else w[0].upper() for w in name.replace("-", " ").split()
                   if w.casefold() not in _SMALL)


def _document_date(store: GraphStore, document: str) -> dt.date | None:
    for node in store.nodes("Document"):
        if document in (node.file, node.id, node.name):
            try:
                return dt.date.fromisoformat(node.date[:10]) if node.date else None
            except ValueError:
                return None
    return None


def _latest_figure(figures: list[MembershipFigure], day: dt.date) -> MembershipFigure | None:
    dated = [f for f in figures if dt.date.fromisoformat(f.as_of[:10]) <= day]
    return dated[-1] if dated else None
