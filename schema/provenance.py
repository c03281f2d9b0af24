"""Where a fact was seen: document, locator, quote and character span."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Provenance(BaseModel):
    """One place in one document that states a fact.

    ``start``/``end`` are character offsets into the document's decoded text, and
    ``quote`` is exactly ``text[start:end]``: the quote can always be found again.

    >>> p = Provenance(document="r.txt", locator="para 26", quote="article 7", start=10, end=19)
    >>> p.locator
    'para 26'
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str = Field(min_length=1, description="File name of the source document.")
    locator: str = Field(min_length=1, description="Where in the document: 'para 26', 'line 87', ...")
    quote: str = Field(min_length=1, max_length=2000, description="A short verbatim quote.")
    start: int = Field(ge=0, description="Offset of the quote's first character in the text.")
    end: int = Field(ge=0, description="Offset just past the quote's last character.")
    section: str | None = Field(default=None, description="The path of headings above the quote, if known.")
    area: str | None = Field(default=None, description="Partnership area the quote sits under (heading or table "
                                                       "row), if any.")

    @model_validator(mode="after")
    def _span_fits_quote(self) -> "Provenance":
        if self.end <= self.start:
            raise ValueError(f"provenance span is empty or reversed: start={self.start}, end={self.end}")
        return self

    def identity(self) -> tuple[str, str, int, int]:
        """The fields that make two provenance entries the same place."""
        return (self.document, self.locator, self.start, self.end)


def merge_provenance(old: list[Provenance], new: list[Provenance]) -> list[Provenance]:
    """Union of two provenance lists, first-seen order, no place twice.

    >>> a = Provenance(document="d", locator="para 1", quote="x", start=0, end=1)
    >>> len(merge_provenance([a], [a]))
    1
    """
    seen = {p.identity() for p in old}
    out = list(old)
    for p in new:
        if p.identity() not in seen:
            seen.add(p.identity())
            out.append(p)
    return out
