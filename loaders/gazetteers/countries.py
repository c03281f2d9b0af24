r"""Find mentions of countries and territories, keyed by ISO 3166-1 alpha-3.

Names come from pycountry (name, official and common names; "Bolivia, Plurinational
State of" also read in UN order "Plurinational State of Bolivia") plus the variants
real text uses (schema/reference/country_variants.json): "Kyrgyz Republic",
"Cote d'Ivoire", "the Philippines", "Republic of the Congo", "Viet Nam", "US", "DRC".
Matching is case-sensitive (countries are proper nouns, so "turkey" and "chad" are
not), whole-word, longest name first ("Papua New Guinea" is not "Guinea"), and a name
right after an honorific ("Mr. Jordan") is a person, not a country.

>>> [m.key for m in find_countries("Sierra Leone, Papua New Guinea, Cote d'Ivoire and the US")]
['SLE', 'PNG', 'CIV', 'USA']
>>> find_countries("850,000 US$ for the prize, said Mr. Chad Smith and Ms. Jordan")
[]
>>> find_countries(r"850,000 US\$ of new funding")
[]
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pycountry

from loaders.gazetteers.mention import Mention, flexible, starts_with
from loaders.words import HONORIFIC_BEFORE
from schema.reference import country_variants

_BLOCKERS = ("New Jersey", "New Mexico", "New Guinea", "New South Wales", "Georgia Institute", "Jordan River")


@cache
def country_names() -> dict[str, str]:
    """Every name this gazetteer knows -> alpha-3 (blocker names map to '')."""
    data = country_variants()
    ambiguous = set(data["ambiguous"])
    names: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for raw in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if not raw:
                continue
            name = raw.removeprefix("the ")
            if "," in name:
                head, _, tail = name.partition(",")
                tail = tail.strip()
                tail = tail.removeprefix("The ").removeprefix("the ")
                names.setdefault(f"{tail} {head}".strip(), c.alpha_3)
                heads.setdefault(head.strip(), set()).add(c.alpha_3)
                continue
            names.setdefault(name, c.alpha_3)
    for head, codes in heads.items():
        if len(codes) == 1 and head not in names:
            names[head] = next(iter(codes))
    names.update(data["variants"])
    for name in ambiguous:
        names.pop(name, None)
    for name in (*_BLOCKERS, *_cities_naming_another_country(names)):
        names[name] = ""
    return names


def _cities_naming_another_country(names: dict[str, str]) -> list[str]:
    """City names with another country's name inside: 'Port of Spain' is in Trinidad and Tobago, not Spain."""
    from loaders.gazetteers.places import city_countries

    found = []
    first_words = {name.split()[0] for name in names if name}
    for city, code in city_countries().items():
        if " " not in city or city in names or first_words.isdisjoint(city.split()):
            continue
        words = re.findall(r"[\w'\-.]+", city)
        parts = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        if any(names.get(part) not in (None, "", code) for part in parts):
            found.append(city)
    return found


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = country_names()
    alternation = "|".join(flexible(n).replace(r"[\s\-]+", r"\s+") for n in sorted(names, key=len, reverse=True))
    name_re = re.compile(rf"(?<![\w\-]){starts_with(list(names))}(?:{alternation})"
                         r"(?![^\W\u00b9\u00b2\u00b3\u2070-\u2079]|-)"
                         # 'Niger State', 'Niger Delta': a place of another country, not this one
                         r"(?!\s+(?:State|Province|Delta|Basin)(?![\w\-])(?!\s+Department))")  # 'Indonesia¹⁸'

    acronyms = country_variants()["acronyms"]
    acr = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    acr_re = re.compile(rf"(?<![\w.\-])(?:{acr})(?![\w$\-]|\.\w|\\\$| \$)")  # not 'US$', 'US $', nor 'US\$' (escaped)
    return name_re, acr_re


def _lookup(surface: str) -> str | None:
    names = country_names()
    key = re.sub(r"\s+", " ", surface).replace("\u2019", "'")
    if key in names:
        return names[key] or None
    for name, code in names.items():  # rare: a typographic apostrophe or dash variant
        if re.fullmatch(flexible(name).replace(r"[\s\-]+", r"\s+"), surface):
            return code or None
    return None


def is_country_name(text: str) -> bool:
    """Whether ``text`` is one country's name and nothing more ('the Philippines', 'Trinidad and Tobago').

    >>> is_country_name("the Philippines"), is_country_name("Trinidad and Tobago"), is_country_name("Costa Rica Ministry")
    (True, True, False)
    """
    rest = text.strip()
    rest = rest[4:] if rest[:4].lower() == "the " else rest
    countries = find_countries(rest)
    return len(countries) == 1 and countries[0].start == 0 and countries[0].end == len(rest)


def ends_in_countries_after(before: str, cue: str) -> bool:
    """Whether ``before`` (the text up to a country) ends in a list of countries, or nothing, after its last ``cue``:
    'Experiences from Nepal and ' after ' from ', 'contributions from Norway, Sweden and ' after 'contributions
    from '.

    >>> ends_in_countries_after("Lessons from Peru and ", " from ")
    True
    >>> ends_in_countries_after("Gold from the Amazon in ", " from ")
    False
    """
    _, found, listed = before.rpartition(cue)
    listed = listed.strip(" ,")
    return bool(found) and (not listed or only_countries(listed.removesuffix(" and")))


def only_countries(text: str) -> bool:
    """Whether ``text`` names countries and nothing else, in a list ('Spain and Uruguay', 'Jamaica, Trinidad and
    Tobago'): what a field of bodies means by its governments.

    >>> only_countries("Spain and Uruguay"), only_countries("Jamaica, Trinidad and Tobago"), only_countries("Spain and UNEP")
    (True, True, False)
    """
    countries = find_countries(text)
    rest = list(text)
    for c in countries:
        rest[c.start:c.end] = " " * (c.end - c.start)
    return bool(countries) and not set("".join(rest).replace(",", " ").replace(";", " ").replace(".", " ").split()) - {
        "and", "the", "&"}


def find_countries(text: str) -> list[Mention]:
    """Every country mention in ``text``, in text order; a state, province, delta or basin named after a country
    is a place of another ('Niger State' is in Nigeria).

    >>> [m.key for m in find_countries("miners in Niger State; Niger and Mali; the Kenya State Department")]
    ['NER', 'MLI', 'KEN']
    """
    return list(_countries_in(text))


@lru_cache(maxsize=8192)
def _countries_in(text: str) -> tuple[Mention, ...]:
    """find_countries, remembered: rules ask about the same short phrases many times."""
    name_re, acr_re = _patterns()
    found: list[Mention] = []
    for m in name_re.finditer(text):
        code = _lookup(m.group(0))
        if code and not HONORIFIC_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            found.append(Mention("Country", code, m.start(), m.end(), m.group(0)))
    acronyms = country_variants()["acronyms"]
    for m in acr_re.finditer(text):
        found.append(Mention("Country", acronyms[m.group(0)], m.start(), m.end(), m.group(0)))
    return tuple(sorted(found, key=lambda m: m.start))
