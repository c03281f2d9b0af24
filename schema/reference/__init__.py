"""Reference data: stable world knowledge the extractors may rely on.

The 35 articles of the Minamata Convention, the eight partnership areas, and the
country names real text uses beyond ISO 3166. Data lives in JSON files beside this
module; these functions load them once.

>>> article_titles()[7]
'Artisanal and small-scale gold mining'
>>> area_by_key()["waste"].name
'Mercury waste management'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pycountry


def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ArticleRef:
    number: int
    title: str
    party_obligations: bool
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaRef:
    key: str
    name: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    short_forms: tuple[str, ...]
    mandate_articles: tuple[int, ...]


@cache
def articles() -> tuple[ArticleRef, ...]:
    """The 35 articles of the Convention, in order."""
    return tuple(ArticleRef(**{**a, "topics": tuple(a.get("topics", ()))}) for a in _load("articles.json")["articles"])


@dataclass(frozen=True)
class InstrumentRef:
    name: str
    forms: tuple[str, ...]
    article: int
    paragraph: str


@cache
def instruments() -> tuple[InstrumentRef, ...]:
    """Programmes the Convention's own text establishes (the specific international programme of article 13)."""
    return tuple(InstrumentRef(i["name"], tuple(i["forms"]), i["article"], i["paragraph"])
                 for i in _load("articles.json").get("instruments", []))


@cache
def article_titles() -> dict[int, str]:
    """Article number -> title."""
    return {a.number: a.title for a in articles()}


@cache
def areas() -> tuple[AreaRef, ...]:
    """The eight partnership areas, in the Partnership's usual order."""
    return tuple(
        AreaRef(key=a["key"], name=a["name"], names=tuple(a["names"]), acronyms=tuple(a["acronyms"]),
                short_forms=tuple(a["short_forms"]), mandate_articles=tuple(a["mandate_articles"]))
        for a in _load("areas.json")["areas"]
    )


@cache
def area_by_key() -> dict[str, AreaRef]:
    """Area slug -> area."""
    return {a.key: a for a in areas()}


@cache
def country_variants() -> dict[str, Any]:
    """Extra country names, acronyms and names never to match alone."""
    return _load("country_variants.json")


def country_name(alpha_3: str) -> str | None:
    """Display name of an ISO 3166-1 alpha-3 code, or None if it is not one.

    >>> country_name("PHL")
    'Philippines'
    >>> country_name("XXX") is None
    True
    """
    if len(alpha_3) != 3 or not alpha_3.isalpha() or not alpha_3.isupper():
        return None
    country = pycountry.countries.get(alpha_3=alpha_3)
    if country is None:
        return None
    if "," not in country.name:
        return country.name
    official = getattr(country, "official_name", None)
    return (official or getattr(country, "common_name", None) or country.name).removeprefix("the ")


@dataclass(frozen=True)
class OrganizationRef:
    name: str
    aliases: tuple[str, ...]
    kind: str


@cache
def organizations() -> tuple[OrganizationRef, ...]:
    """Well-known organisations with their acronyms and kinds."""
    return tuple(OrganizationRef(o["name"], tuple(o["aliases"]), o["kind"])
                 for o in _load("organizations.json")["organizations"])


@cache
def demonyms() -> dict[str, str]:
    """Adjective -> alpha-3: 'Danish' -> 'DNK'."""
    return dict(country_variants()["demonyms"])


@dataclass(frozen=True)
class TopicRef:
    topic: str
    forms: tuple[str, ...]
    articles: tuple[int, ...] = ()


@cache
def mercury_topics() -> tuple[TopicRef, ...]:
    """Mercury subjects in the Convention's and UNEP guidance's words, each with the forms that speak of it: what
    the gap analysis compares two areas' sentences on (``topics.json`` says where the words come from).

    >>> next(t.forms for t in mercury_topics() if t.topic == "tailings")
    ('tailings',)
    """
    return tuple(TopicRef(t["topic"], tuple(t["forms"]), tuple(t.get("articles", ())))
                 for t in _load("topics.json")["topics"])
