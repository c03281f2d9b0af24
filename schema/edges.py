"""Edge models: one class per edge type of ONTOLOGY.md, plus MENTIONED_IN.

An edge names its ends by node id; the id prefix tells the node type, so an edge
between the wrong types is rejected before it reaches the graph.

>>> Leads(source="org:unido", target="area:asgm").type
'LEADS'
>>> Leads(source="area:asgm", target="org:unido")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Leads
...
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from schema.nodes import TYPE_PREFIX, type_of_id
from schema.provenance import Provenance

Basis = Literal["stated", "area-mandate"]
Status = Literal["planned"]
ENTITY_TYPES = frozenset(t for t in TYPE_PREFIX if t != "Document")


Reviewed = Literal["accepted", "added", "corrected"]


class Statement(BaseModel):
    """One place that states an edge, with the time it speaks of: the document's date (``as_of``, the end of
    the period a report covers, else its date of issue) and any hand-over dates the sentence gives; ``places``
    are the countries of the clause that states it ('UNDP is carrying out the projects in Colombia, Indonesia,
    Kenya, and Peru')."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    locator: str
    as_of: date | None = None
    start: date | None = None
    end: date | None = None
    status: Status | None = None
    places: tuple[str, ...] = ()
    quote: str = Field(default="", max_length=400)

    def identity(self) -> tuple[object, ...]:
        return (self.document, self.locator, self.as_of, self.start, self.end, self.status)


class Edge(BaseModel):
    """Fields every edge has."""

    model_config = ConfigDict(extra="allow")

    type_name: ClassVar[str] = ""
    sources: ClassVar[frozenset[str]] = frozenset()
    targets: ClassVar[frozenset[str]] = frozenset()
    undirected: ClassVar[bool] = False

    source: str = Field(description="Id of the node the edge starts at.", examples=["org:unido"])
    target: str = Field(description="Id of the node the edge ends at.", examples=["area:asgm"])
    provenance: list[Provenance] = Field(default_factory=list, description="One entry per place that states it.")
    basis: Basis = Field(default="stated", description="'stated' by the text, or inferred ('area-mandate').")
    amount: float | None = Field(default=None, ge=0, description="Money, where the text states it.")
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. USD.")
    start: date | None = Field(default=None, description="When the relation began.")
    end: date | None = Field(default=None, description="When it ended.")
    as_of: date | None = Field(default=None, description="Date at which the text says it held.")
    statements: list[Statement] = Field(default_factory=list, description="Every statement of the edge with its "
                                                                         "date; a merge keeps all of them.")
    status: Status | None = Field(default=None, description="'planned' where the text gives the relation as "
                                                            "planned, proposed, hoped for or hypothetical; "
                                                            "absent for stated fact.")
    reviewed: Reviewed | None = Field(default=None, description="What a reviewer decided of it ('accepted', 'added' "
                                                               "by a reviewer, 'corrected'); absent: machine-read, "
                                                               "not reviewed.")

    @model_validator(mode="after")
    def _ends_have_allowed_types(self) -> "Edge":
        for end, ident, allowed in (("source", self.source, self.sources), ("target", self.target, self.targets)):
            found = type_of_id(ident)
            if found is None:
                raise ValueError(f"{end} {ident!r} is not a node id ('<type prefix>:<local>')")
            if found not in allowed:
                raise ValueError(f"a {self.type_name} edge cannot have a node of type {found} as its {end} "
                                 f"({ident!r}); allowed: {', '.join(sorted(allowed))}")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"edge ends ({self.end}) before it starts ({self.start})")
        return self


class Leads(Edge):
    """An organization leads or co-leads a partnership area."""

    type_name: ClassVar[str] = "LEADS"
    sources = frozenset({"Organization"})
    targets = frozenset({"Area"})
    type: Literal["LEADS"] = "LEADS"


class Funds(Edge):
    """An organization gives money to a project, area, event or organization."""

    type_name: ClassVar[str] = "FUNDS"
    sources = frozenset({"Organization"})
    targets = frozenset({"Project", "Area", "Event", "Organization"})
    type: Literal["FUNDS"] = "FUNDS"


class Implements(Edge):
    """An organization executes, implements, leads or takes part in a project."""

    type_name: ClassVar[str] = "IMPLEMENTS"
    sources = frozenset({"Organization"})
    targets = frozenset({"Project"})
    type: Literal["IMPLEMENTS"] = "IMPLEMENTS"


class PartOf(Edge):
    """A project is work of a partnership area."""

    type_name: ClassVar[str] = "PART_OF"
    sources = frozenset({"Project"})
    targets = frozenset({"Area"})
    type: Literal["PART_OF"] = "PART_OF"


class LocatedIn(Edge):
    """A project works in, or an event is held in, a country."""

    type_name: ClassVar[str] = "LOCATED_IN"
    sources = frozenset({"Project", "Event"})
    targets = frozenset({"Country"})
    type: Literal["LOCATED_IN"] = "LOCATED_IN"


class Supports(Edge):
    """The text (or an area's mandate, see ``basis``) ties a thing to a Convention article."""

    type_name: ClassVar[str] = "SUPPORTS"
    sources = frozenset({"Project", "Area", "Publication", "Event"})
    targets = frozenset({"Article"})
    type: Literal["SUPPORTS"] = "SUPPORTS"


class CollaboratesWith(Edge):
    """Two areas work together (undirected; stored once, source id < target id)."""

    type_name: ClassVar[str] = "COLLABORATES_WITH"
    sources = frozenset({"Area"})
    targets = frozenset({"Area"})
    undirected = True
    type: Literal["COLLABORATES_WITH"] = "COLLABORATES_WITH"

    @model_validator(mode="after")
    def _canonical_order(self) -> "CollaboratesWith":
        if self.source == self.target:
            raise ValueError(f"an area cannot collaborate with itself ({self.source!r})")
        if self.target < self.source:
            self.__dict__["source"], self.__dict__["target"] = self.target, self.source
        return self


class AffiliatedWith(Edge):
    """A person speaks for, works at or represents an organization."""

    type_name: ClassVar[str] = "AFFILIATED_WITH"
    sources = frozenset({"Person"})
    targets = frozenset({"Organization"})
    type: Literal["AFFILIATED_WITH"] = "AFFILIATED_WITH"


class MentionedIn(Edge):
    """A node was seen in a source document (its provenance says where)."""

    type_name: ClassVar[str] = "MENTIONED_IN"
    sources = ENTITY_TYPES
    targets = frozenset({"Document"})
    type: Literal["MENTIONED_IN"] = "MENTIONED_IN"


AnyEdge = Annotated[
    Union[Leads, Funds, Implements, PartOf, LocatedIn, Supports, CollaboratesWith, AffiliatedWith, MentionedIn],
    Field(discriminator="type"),
]
EDGE_CLASSES: dict[str, type[Edge]] = {
    cls.type_name: cls
    for cls in (Leads, Funds, Implements, PartOf, LocatedIn, Supports, CollaboratesWith, AffiliatedWith,
                MentionedIn)
}
edge_adapter: TypeAdapter[AnyEdge] = TypeAdapter(AnyEdge)
