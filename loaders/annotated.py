"""The document being read: the one object every pipeline component reads and writes.

Like spaCy's ``Doc``, an :class:`Annotated` holds the text and everything found in it so far;
each component of :mod:`loaders.pipeline` adds a layer:

* ``found`` - named things (organisations, people, projects, ...) before they become nodes;
* ``nodes`` and ``located`` - the document's nodes, and every place each one is mentioned;
* ``edges`` - the relations read so far (:class:`EdgeSet`, one edge per type, source and target);
* ``sentences`` - the sentence index of the located mentions, lead-ins and item topics
  (:class:`loaders.relations.context.Sentences`), built once the mentions are known;
* ``syntax`` - the statistical parse of the sentences that need one (:mod:`loaders.syntax`).

>>> from loaders.readers import parse_text
>>> ann = Annotated.of(parse_text("7. UNEP reported.", "r.txt"))
>>> ann.text, ann.provenance(3, 7).locator
('7. UNEP reported.', 'para 7')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from loaders.entities.acronyms import Definition
from loaders.entities.found import Found
from loaders.locate import BlockIndex, provenance_for
from loaders.syntax import Syntax
from schema import Block, Document, Edge, Node, Provenance, Statement

if TYPE_CHECKING:
    from loaders.relations.context import Sentences

MAX_EDGE_QUOTE = 320


@dataclass(frozen=True)
class Located:
    """A mention of ``node`` at ``text[start:end]`` in ``block``."""

    node: Node
    start: int
    end: int
    block: Block


_DATES = ("start", "end")


def _same_place(statements: list[Statement], new: Statement) -> int | None:
    """The statement of ``statements`` made at the same place as ``new`` (same document, locator, quote, status
    and date of the text) whose dates and ``new``'s do not differ where both give one, if any."""
    for i, old in enumerate(statements):
        if (old.document, old.locator, old.quote, old.status, old.as_of, old.places) == \
                (new.document, new.locator, new.quote, new.status, new.as_of, new.places) and all(
                getattr(old, f) is None or getattr(new, f) is None for f in _DATES) and any(
                (getattr(old, f) is None) != (getattr(new, f) is None) for f in _DATES):
            return i
    return None


class EdgeSet:
    """The edges of one document, one per (type, source, target); a second statement of the same edge adds its
    place to the provenance and fills the dates, amount and status it did not have."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.edges: dict[tuple[str, str, str], Edge] = {}
        # identities of each edge's statements and provenance, so a restatement is checked in constant time
        self._said: dict[tuple[str, str, str], tuple[set[tuple], set[tuple]]] = {}
        self.as_of = doc.meta.period_end or doc.meta.date
        #: the countries of the clause at a span that states an edge between two nodes (set once the sentences
        #: are indexed): places_of(span, source id, target id)
        self.places_of: Callable[[tuple[int, int], str, str], tuple[str, ...]] | None = None

    def provenance(self, block: Block, span: tuple[int, int]) -> Provenance:
        start, end = span
        if end - start > MAX_EDGE_QUOTE:
            end = start + MAX_EDGE_QUOTE
            while end > start + 1 and self.text[end - 1].isspace():
                end -= 1
        return Provenance(document=self.doc.meta.file, locator=block.locator, quote=self.text[start:end],
                          start=start, end=end, section=block.section, area=block.area)

    def add(self, edge_class: type[Edge], source: Node, target: Node, block: Block, span: tuple[int, int],
            quote: str | None = None, **props: object) -> Edge | None:
        """Add (or restate) ``source -[edge_class]-> target`` as said at ``span`` of ``block``; ``quote`` is
        the statement's wording where the text splits it (a table cell continued on a later line)."""
        if source.id == target.id or source.type not in edge_class.sources or target.type not in edge_class.targets:
            return None
        edge = edge_class(source=source.id, target=target.id, **{k: v for k, v in props.items() if v is not None})
        key = (edge.type, edge.source, edge.target)
        prov = self.provenance(block, span)
        statement = Statement(document=prov.document, locator=prov.locator, as_of=self.as_of, start=edge.start,
                              end=edge.end, status=edge.status, quote=(quote or prov.quote)[:400],
                              places=self.places_of(span, source.id, target.id) if self.places_of else ())
        existing = self.edges.get(key)
        if existing is None:
            edge.provenance.append(prov)
            edge.statements.append(statement)
            self.edges[key] = edge
            self._said[key] = ({statement.identity()}, {prov.identity()})
            return edge
        said = self._said.get(key)
        if said is None:  # an edge a rule put in directly
            said = self._said[key] = ({s.identity() for s in existing.statements},
                                      {p.identity() for p in existing.provenance})
        statements, places = said
        if statement.identity() not in statements:
            statements.add(statement.identity())
            twin = _same_place(existing.statements, statement)
            if twin is None:
                existing.statements.append(statement)
            else:  # one place states it once: read by two rules, one of which found its date
                existing.statements[twin] = existing.statements[twin].model_copy(update={
                    f: getattr(existing.statements[twin], f) or getattr(statement, f) for f in _DATES})
        if prov.identity() not in places:
            places.add(prov.identity())
            existing.provenance.append(prov)
        for name in ("start", "end", "as_of", "amount", "currency"):  # a later statement may add a date
            if getattr(existing, name) is None and getattr(edge, name) is not None:
                setattr(existing, name, getattr(edge, name))
        if getattr(existing, "status", None) == "planned" and getattr(edge, "status", None) is None:
            existing.status = None  # stated once as fact: a fact
        return existing

    def values(self) -> list[Edge]:
        return list(self.edges.values())


@dataclass
class Annotated:
    """A read document and the layers the pipeline has added to it."""

    doc: Document
    index: BlockIndex
    sha256: str | None = None
    definitions: list[Definition] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    located: list[Located] = field(default_factory=list)
    edges: EdgeSet | None = None
    sentences: Sentences | None = None
    syntax: Syntax | None = None
    groups: dict[tuple[str, str], list[tuple[Found, Provenance]]] = field(default_factory=dict)
    by_key: dict[tuple[str, str], Node] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, sha256: str | None = None) -> Annotated:
        ann = cls(doc=doc, index=BlockIndex(doc), sha256=sha256)
        ann.edges = EdgeSet(doc)
        ann.syntax = Syntax(doc.text)
        return ann

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def as_of(self) -> dt.date | None:
        """The date the document's statements hold at: the end of the period it covers, else its date."""
        return self.doc.meta.period_end or self.doc.meta.date

    def provenance(self, start: int, end: int) -> Provenance | None:
        """Provenance of a mention at ``text[start:end]``, or None where no block holds it (furniture)."""
        block = self.index.block_at(start)
        return provenance_for(self.doc, block, start, end) if block is not None else None

    def found_of(self, *types: str) -> list[Found]:
        return [f for f in self.found if f.node_type in types]
