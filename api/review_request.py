"""The body of ``POST /reviews``: a reviewer's decision whose nodes may be named as ``query`` names them (id,
key, name or alias); :meth:`ReviewRequest.decision` resolves them to ids against the served graph (an
unknown name raises :class:`gmpgraph.queries.NotFound`: 404 with the closest names).

>>> from gmpgraph.store import GraphStore
>>> from schema import Organization
>>> store = GraphStore()
>>> _ = store.add_node(Organization(id="org:unido", name="United Nations Industrial Development Organization",
...                                 aliases=["UNIDO"]))
>>> ReviewRequest(action="accept", node="UNIDO", by="me").decision(store).node
'org:unido'
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gmpgraph.queries import resolve
from gmpgraph.store import GraphStore
from schema.review import Action, Decision, EdgeRef


class EdgeByName(BaseModel):
    """An edge by its type and its two ends, each by id or name."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(max_length=40, examples=["FUNDS"])
    source: str = Field(min_length=1, max_length=300, examples=["Government of Norway"])
    target: str = Field(min_length=1, max_length=300, examples=["Kyrgyz Republic Mercury Mining Phase Out Project"])


class ReviewRequest(BaseModel):
    """A decision as a client sends it (``when`` is set by the server)."""

    model_config = ConfigDict(extra="forbid")

    action: Action
    by: str = Field(min_length=1, max_length=200)
    why: str = Field(default="", max_length=2000)
    node: str | None = Field(default=None, max_length=300)
    edge: EdgeByName | None = None
    other: str | None = Field(default=None, max_length=300)
    name: str | None = Field(default=None, max_length=500)
    type: str | None = Field(default=None, max_length=40)
    document: str | None = Field(default=None, max_length=300)
    quote: str | None = Field(default=None, max_length=400)
    status: Literal["planned", "stated"] | None = None

    def decision(self, store: GraphStore) -> Decision:
        """The decision with every node named by its id in ``store``."""
        fields = self.model_dump(exclude_none=True)
        for key in ("node", "other"):
            if key in fields:
                fields[key] = resolve(store, fields[key]).id
        if self.edge is not None:
            fields["edge"] = EdgeRef(type=self.edge.type.upper(), source=resolve(store, self.edge.source).id,
                                     target=resolve(store, self.edge.target).id)
        return Decision(**fields)
