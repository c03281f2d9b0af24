"""Node models: one pydantic class per node type of ONTOLOGY.md, plus the Document node (DocumentNode).

Every node has an ``id`` of the form ``<prefix>:<local>`` where the prefix names
its type (``area:asgm``, ``article:7``, ``country:PHL``, ``org:unido``), so an id
alone tells what it points at.

>>> Country(id="country:PHL", key="PHL", name="Philippines").type
'Country'
>>> Article(id="article:40", key="40", name="Article 40")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Article
...
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from schema.provenance import Provenance
from schema.reference import area_by_key, article_titles, country_name

NodeType = Literal["Area", "Article", "Country", "Organization", "Project", "Publication", "Event",
                   "Person", "Document"]

#: id prefix of each node type
TYPE_PREFIX: dict[str, str] = {
    "Area": "area", "Article": "article", "Country": "country", "Organization": "org",
    "Project": "project", "Publication": "pub", "Event": "event", "Person": "person",
    "Document": "doc",
}
PREFIX_TYPE: dict[str, str] = {v: k for k, v in TYPE_PREFIX.items()}

OrganizationKind = Literal["government", "intergovernmental", "ngo", "private_sector", "academia", "other"]


def slugify(text: str) -> str:
    """A readable id fragment: ascii, lower case, words joined by '-'.

    >>> slugify("Côte d'Ivoire Ministry (CIV)")
    'cote-divoire-ministry-civ'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['\u2019]", "", text)
    return re.sub(r"[^0-9a-z]+", "-", text).strip("-") or "x"


def node_id(node_type: str, local: str) -> str:
    """The id of a node of ``node_type`` whose local part is ``local``.

    >>> node_id("Organization", "UNIDO")
    'org:unido'
    >>> node_id("Country", "phl")
    'country:PHL'
    """
    prefix = TYPE_PREFIX[node_type]
    if node_type == "Country":
        return f"{prefix}:{local.upper()}"
    if node_type == "Article":
        return f"{prefix}:{int(local)}"
    if node_type == "Document":
        return f"{prefix}:{local}"
    return f"{prefix}:{slugify(local)}"


def type_of_id(identifier: str) -> str | None:
    """The node type an id's prefix names, or None.

    >>> type_of_id("area:asgm")
    'Area'
    """
    prefix, sep, _ = identifier.partition(":")
    return PREFIX_TYPE.get(prefix) if sep else None


class Node(BaseModel):
    """Fields every node has."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)

    type_name: ClassVar[str] = ""
    id: str = Field(min_length=3, description="Stable readable id, '<type prefix>:<local>'.")
    name: str = Field(min_length=1, description="Canonical display name.")
    aliases: list[str] = Field(default_factory=list, description="Every other name seen for it.")
    provenance: list[Provenance] = Field(default_factory=list, description="Where it was seen.")
    key: str | None = Field(default=None, description="Reference key (Area slug, Article number, ISO3).")
    reviewed: Literal["accepted", "added", "corrected"] | None = Field(
        default=None, description="What a reviewer decided of it ('accepted', 'corrected': renamed, retyped or "
                                  "merged); absent: machine-read, not reviewed.")

    @field_validator("aliases")
    @classmethod
    def _aliases_on_one_line(cls, aliases: list[str]) -> list[str]:
        """Aliases as names are written: a name broken over lines in a PDF is one name (spaces collapsed),
        each once. ``Node(..., aliases=["United Nations\\nEnvironment  Programme"])`` keeps
        ``"United Nations Environment Programme"``."""
        out: dict[str, str] = {}
        for alias in aliases:
            alias = " ".join(alias.split())
            if alias:
                out.setdefault(alias.casefold(), alias)
        return list(out.values())

    @model_validator(mode="after")
    def _id_matches_type(self) -> "Node":
        expected = TYPE_PREFIX[self.type_name]
        if type_of_id(self.id) != self.type_name:
            raise ValueError(f"id {self.id!r} of a {self.type_name} must start with '{expected}:'")
        return self


class Area(Node):
    """One of the eight partnership areas; ``key`` is its slug."""

    type_name: ClassVar[str] = "Area"
    type: Literal["Area"] = "Area"
    key: str = Field(description="Area slug: asgm, chlor-alkali, fate-transport, products, coal, waste, "
                                 "supply-storage, cement.", examples=["asgm"])

    @field_validator("key")
    @classmethod
    def _known_area(cls, key: str) -> str:
        if key not in area_by_key():
            raise ValueError(f"unknown partnership area {key!r}; known areas: {', '.join(area_by_key())}")
        return key

    @model_validator(mode="after")
    def _id_is_key(self) -> "Area":
        if self.id != f"area:{self.key}":
            raise ValueError(f"an Area's id must be 'area:{self.key}', not {self.id!r}")
        return self


class Article(Node):
    """An article of the Minamata Convention (1-35); ``key`` is its number."""

    type_name: ClassVar[str] = "Article"
    type: Literal["Article"] = "Article"
    key: str = Field(description="Article number as a string, 1 to 35.", examples=["7"])
    title: str | None = Field(default=None, description="The article's title in the Convention.")

    @field_validator("key")
    @classmethod
    def _known_article(cls, key: str) -> str:
        if not key.isdigit() or int(key) not in article_titles():
            raise ValueError(f"article {key!r} is not an article of the Minamata Convention (1 to 35)")
        return str(int(key))

    @model_validator(mode="after")
    def _id_is_key(self) -> "Article":
        if self.id != f"article:{self.key}":
            raise ValueError(f"an Article's id must be 'article:{self.key}', not {self.id!r}")
        if self.title is None:
            self.__dict__["title"] = article_titles()[int(self.key)]
        return self


class Country(Node):
    """A country or territory; ``key`` is its ISO 3166-1 alpha-3 code."""

    type_name: ClassVar[str] = "Country"
    type: Literal["Country"] = "Country"
    key: str = Field(description="ISO 3166-1 alpha-3 code.", examples=["PHL"])

    @field_validator("key")
    @classmethod
    def _iso_country(cls, key: str) -> str:
        if country_name(key) is None:
            raise ValueError(f"{key!r} is not an ISO 3166-1 alpha-3 country code (e.g. 'PHL', 'IDN')")
        return key

    @model_validator(mode="after")
    def _id_is_key(self) -> "Country":
        if self.id != f"country:{self.key}":
            raise ValueError(f"a Country's id must be 'country:{self.key}', not {self.id!r}")
        return self


class Organization(Node):
    """Any named organization; ``kind`` says which sort."""

    type_name: ClassVar[str] = "Organization"
    type: Literal["Organization"] = "Organization"
    kind: OrganizationKind = "other"
    kind_rule: str | None = Field(default=None, description="The rule that decided ``kind``.")
    former_names: list[str] = Field(default_factory=list, description="Earlier names the text states "
                                                                       "('ICSC, formerly IEACCC').")


class Project(Node):
    """A named, bounded undertaking: project, programme, initiative, network, study."""

    type_name: ClassVar[str] = "Project"
    type: Literal["Project"] = "Project"


class Publication(Node):
    """A named document or tool: guidance, report, toolkit, catalogue, database product."""

    type_name: ClassVar[str] = "Publication"
    type: Literal["Publication"] = "Publication"


class Event(Node):
    """A named meeting, session, workshop, forum, webinar or conference."""

    type_name: ClassVar[str] = "Event"
    type: Literal["Event"] = "Event"


class Person(Node):
    """A named individual."""

    type_name: ClassVar[str] = "Person"
    type: Literal["Person"] = "Person"


class MembershipFigure(BaseModel):
    """A stated count of the Partnership's members on a date ("As of 30 June 2012, there were 111 official
    partners ..., including 24 governments, ...")."""

    as_of: str = Field(description="Date of the count (ISO 8601).")
    total: int = Field(ge=0)
    by_category: dict[str, int] = Field(default_factory=dict, description="Category as written -> count.")
    provenance: Provenance


class DocumentNode(Node):
    """A source document the graph was built from; every other node links to one."""

    type_name: ClassVar[str] = "Document"
    type: Literal["Document"] = "Document"
    file: str = Field(description="File name as given to the build.")
    sha256: str = Field(min_length=64, max_length=64, description="Content hash of the file's bytes.")
    chars: int = Field(ge=0, description="Length of the decoded text.")
    format: str | None = Field(default=None, description="How it was read: text, markdown, html-table, slides, pdf, docx.")
    title: str | None = None
    symbol: str | None = Field(default=None, description="UN document symbol, e.g. UNEP/Hg/PAG.12/2.")
    date: str | None = Field(default=None, description="Date of the document (ISO 8601), if stated.")
    period_start: str | None = Field(default=None, description="Start of the period the report covers.")
    period_end: str | None = Field(default=None, description="End of the period the report covers.")
    membership: list[MembershipFigure] = Field(default_factory=list, description="Membership counts the "
                                                                                 "document states.")


AnyNode = Annotated[
    Union[Area, Article, Country, Organization, Project, Publication, Event, Person, DocumentNode],
    Field(discriminator="type"),
]
NODE_CLASSES: dict[str, type[Node]] = {
    cls.type_name: cls
    for cls in (Area, Article, Country, Organization, Project, Publication, Event, Person, DocumentNode)
}
node_adapter: TypeAdapter[AnyNode] = TypeAdapter(AnyNode)
