"""A document as read: metadata and an ordered tree of located blocks.

Every block is a span ``text[start:end]`` of the document's text (its own content, not
its children's), with a stable ``locator`` a person can follow: ``para 26``,
``§IV.3 b) bullet 4``, ``table 2 row "Mercury in products"``, ``footnote 17``.

>>> doc = Document(meta=DocumentMeta(file="a.txt", format="text"), text="1. Hello.",
...                blocks=[Block(kind="paragraph", locator="para 1", start=0, end=9, number="1")])
>>> [b.locator for b in doc.walk()]
['para 1']
"""

from __future__ import annotations

from collections.abc import Iterator
import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["heading", "paragraph", "bullet", "table", "caption", "row", "cell", "item", "footnote"]
DocumentFormat = Literal["text", "markdown", "html-table", "slides", "pdf", "docx"]


class Block(BaseModel):
    """One structural unit of a document."""

    kind: BlockKind
    locator: str = Field(description="Stable, human-followable place: 'para 26', '§IV.3 b) bullet 4', ...")
    start: int = Field(ge=0, description="Offset of the block's own content in the document text.")
    end: int = Field(ge=0, description="Offset just past it.")
    level: int = Field(default=0, ge=0, description="Heading level (1 = top) or bullet nesting depth (0 = top).")
    number: str | None = Field(default=None, description="Numbering as written: 'IV.', '26', '1)', 'b)'.")
    title: str | None = Field(default=None, description="Heading text, or a table row's label.")
    section: str | None = Field(default=None, description="Path of headings above the block.")
    area: str | None = Field(default=None, description="Partnership area the block sits under, if any.")
    footnote_marks: list[str] = Field(default_factory=list, description="Footnotes this block points to.")
    children: list[Block] = Field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """This block and all blocks below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class DroppedSpan(BaseModel):
    """Text that is not content (page furniture, repeated headers, web-site trailers)."""

    start: int
    end: int
    reason: str


class DocumentMeta(BaseModel):
    """What the document says about itself."""

    file: str
    format: DocumentFormat
    title: str | None = None
    symbol: str | None = Field(default=None, description="UN document symbol, e.g. UNEP/Hg/PAG.12/INF/3.")
    date: dt.date | None = Field(default=None, description="Date of issue (under 'Distr.: General' or at the top).")
    meeting: str | None = Field(default=None, description="The meeting line: place and dates.")
    period_start: dt.date | None = Field(default=None, description="First day of the period the report covers.")
    period_end: dt.date | None = Field(default=None, description="Last day of the period the report covers.")


class Document(BaseModel):
    """A read document: its text, metadata, block tree, footnotes and what was dropped."""

    meta: DocumentMeta
    text: str
    blocks: list[Block] = Field(default_factory=list)
    footnotes: dict[str, Block] = Field(default_factory=dict, description="Footnote mark -> footnote block.")
    dropped: list[DroppedSpan] = Field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """Every block of the tree in document order (footnotes included where they stand)."""
        for block in self.blocks:
            yield from block.walk()

    def block_text(self, block: Block) -> str:
        """The text of a block's own span."""
        return self.text[block.start:block.end]
