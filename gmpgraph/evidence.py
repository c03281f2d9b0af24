"""What a gap finding rests on: edges with their statements (:class:`Evidence`), and the sentences a search
looked at (:class:`Mention`). Shared by ``gmpgraph.analysis`` and ``gmpgraph.overlap``.

>>> from schema.edges import LocatedIn
>>> from schema.provenance import Provenance
>>> edge = LocatedIn(source="project:p", target="country:PER", provenance=[
...     Provenance(document="r.txt", locator="para 3", quote="P works in Peru", start=0, end=15)])
>>> evidence_of(edge).quote
'P works in Peru'
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from schema import AnyEdge


class Evidence(BaseModel):
    """An edge a count or finding rests on: its ends and type, and the statement it was read from."""

    type: str
    source: str
    target: str
    quote: str | None = None
    document: str | None = None
    locator: str | None = None
    as_of: dt.date | None = None
    basis: str = Field("stated", description="'stated' by the text, or how it was inferred ('area-mandate').")
    reviewed: str | None = Field(default=None, description="What a reviewer decided of the edge ('accepted', "
                                                           "'added', 'corrected'); absent: machine-read.")


class Mention(BaseModel):
    """A place the search for a contradicting statement looked at: the sentence that names the subject."""

    document: str
    locator: str
    quote: str


def evidence_of(edge: AnyEdge) -> Evidence:
    """An edge as evidence, with its first statement (document, locator, date, quote)."""
    said = edge.statements[0] if getattr(edge, "statements", None) else None
    prov = edge.provenance[0] if edge.provenance else None
    return Evidence(type=edge.type, source=edge.source, target=edge.target,
                    quote=said.quote if said else prov.quote if prov else None,
                    document=said.document if said else prov.document if prov else None,
                    locator=said.locator if said else prov.locator if prov else None,
                    as_of=said.as_of if said else getattr(edge, "as_of", None),
                    basis=getattr(edge, "basis", None) or "stated", reviewed=getattr(edge, "reviewed", None))


def is_stated(edge: AnyEdge) -> bool:
    """Stated by the text as fact: not inferred, not planned."""
    return (getattr(edge, "basis", None) or "stated") == "stated" and getattr(edge, "status", None) != "planned"
