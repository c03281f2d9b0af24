"""A reviewer's decision about the graph: kept as data, one JSON object per line of a review file, applied on
every build (``gmpgraph.review``).

A decision names what it is about by stable ids, never by list positions: a node by its id
(``org:united-nations-industrial-development-organization``), an edge by ``type``, ``source`` and ``target``.

>>> d = Decision(action="reject", edge=EdgeRef(type="FUNDS", source="org:government-of-switzerland",
...              target="event:inc-7"), by="A. Researcher", why="inc7 para 13: the regional meetings")
>>> Decision.model_validate_json(d.model_dump_json()).edge.type
'FUNDS'
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Action = Literal["accept", "reject", "merge", "rename", "retype", "add", "status"]
#: what each action needs besides who, when and why
NEEDS: dict[str, tuple[str, ...]] = {
    "accept": (), "reject": (), "merge": ("node", "other"), "rename": ("node", "name"), "retype": ("node", "type"),
    "add": ("edge", "document", "quote"), "status": ("edge", "status"),
}


class EdgeRef(BaseModel):
    """An edge by its type and the ids of its two ends."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(description="Edge type, as the ontology names it (FUNDS, IMPLEMENTS, ...).")
    source: str = Field(description="Id of the source node.")
    target: str = Field(description="Id of the target node.")

    def label(self) -> str:
        return f"{self.type} {self.source} -> {self.target}"


class Decision(BaseModel):
    """One decision: who took it, when, why, and what it does (see ``NEEDS`` for the fields each action
    takes). ``accept``/``reject`` take a ``node`` or an ``edge``; ``merge`` keeps ``node`` and merges
    ``other`` into it; ``add`` adds ``edge`` as stated by ``quote`` in ``document`` (the quote must occur
    there verbatim)."""

    model_config = ConfigDict(extra="forbid")

    action: Action
    by: str = Field(min_length=1, max_length=200, description="Who decided.")
    why: str = Field(default="", max_length=2000, description="Why: the text that shows it, a locator.")
    when: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"),
                      description="When (ISO 8601).")
    node: str | None = Field(default=None, description="The node decided on (merge: the one kept).")
    edge: EdgeRef | None = Field(default=None, description="The edge decided on, or added.")
    other: str | None = Field(default=None, description="merge: the node merged into ``node``.")
    name: str | None = Field(default=None, max_length=500, description="rename: the new name.")
    type: str | None = Field(default=None, description="retype: the new node type.")
    document: str | None = Field(default=None, description="add: the document that states the edge.")
    quote: str | None = Field(default=None, max_length=400, description="add: the statement, verbatim.")
    status: Literal["planned", "stated"] | None = Field(default=None, description="status: planned or stated.")

    @model_validator(mode="after")
    def _complete(self) -> Decision:
        missing = [f for f in NEEDS[self.action] if getattr(self, f) in (None, "")]
        if self.action in ("accept", "reject") and (self.node is None) == (self.edge is None):
            missing.append("node or edge (one of them)")
        if missing:
            raise ValueError(f"a {self.action!r} decision needs {', '.join(missing)}")
        return self

    def subject(self) -> str:
        """What the decision is about, for messages."""
        if self.edge is not None:
            return self.edge.label()
        return f"{self.node} and {self.other}" if self.action == "merge" else str(self.node)
