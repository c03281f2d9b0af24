"""Find the people a document names, and whom they speak for.

Rules:

1. an honorific and a capitalised name: "Ms. Lesley Sloss", "Mr. Jacob Duer"; a later
   "Mr. Duer" or "Professor Veiga" is the same person;
2. a name with an affiliation in brackets: "Zaigham Abbas (Ministry of Climate Change,
   Pakistan)", "Marcello Veiga (Professor Emeritus University of British Columbia)";
   a country there ("Ms. Ana Garcia (Spain)") means its government;
3. a name followed by an organisation after a comma, in a list of office-holders:
   "the PAG co-chairs, Rodges Ankrah, Environmental Protection Agency of the United States";
4. authors of a cited work: "(de Haan, Jorden; Dales, Kirsten; and McQuilken, James. 2020."
   and "Veiga, M.M. and Fadina, O. (2020)".

>>> [(p.name, p.props.get("affiliation")) for p in find_people(
...     "Ms. Karissa Kovner (USEPA) on Products; later Ms. Kovner said so.", [])]
[('Karissa Kovner', 'USEPA'), ('Karissa Kovner', None)]
"""

from __future__ import annotations

import re

from loaders.entities.acronyms import best_long_form
from loaders.entities.found import Found, clean_name
from loaders.entities.naming import entity_type
from loaders.gazetteers.countries import find_countries

_PARTICLE = r"(?:de|van|von|da|del|der|la|le|di|dos|du)"
_NAME_WORD = r"(?:[A-Z][a-z\u00e0-\u017f'\u2019\-]+|[A-Z]\.(?:[A-Z]\.)*)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
_HONORIFIC = re.compile(rf"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|Sir|Madam|H\.E)\.?\s+({_NAME})")
_BRACKETED = re.compile(rf"(?<![\w\-])({_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*"
                        r"\(([^()\n]{2,160})\)")
_CITED = re.compile(rf"(?:(?<=[(;])|(?<=;\s)|(?<=\band\s)|(?<=:\s))((?:{_PARTICLE}\s+)?[A-Z][\w'\-]+),"
                    r"\s+((?:[A-Z]\.\s?){1,3}|[A-Z][a-z\u00e0-\u017f\-]+)(?=[;.]|\s+and\b|\s*\()")
_NOT_PERSON_WORDS = re.compile(r"\b(?:Partnership|Area|Convention|Programme|Project|Council|University|Ministry|"
                               r"Government|Group|Agency|Institute|Association|Centre|Center|Committee|Fund|Bank|"
                               r"Network|Report|Guidance|Meeting|Session|Mercury|Gold|Mining|Global|National|"
                               r"International|United|World|Secretariat|Department|Office|Earth|Program|Union|Region|Management|Change|"
                               r"States|Countries|Resources|Development|Environment|Agreements|Assessment)\b")
_NOT_AFFILIATION = re.compile(r"^(?:member|members|a |an |the project|project|with|see|formerly|now|in |on |"
                              r"for |e\.g|i\.e|\d)", re.IGNORECASE)


def _plausible(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4 or _NOT_PERSON_WORDS.search(name):
        return False
    if find_countries(name) or entity_type(name) is not None:
        return False
    return all(w[:1].isupper() or w in ("de", "van", "von", "da", "del", "der", "la", "le", "di", "dos", "du")
               for w in words)


def find_people(text: str, organizations: list[Found]) -> list[Found]:
    """Every person mention in ``text`` with, where stated, ``props['affiliation']`` (a name as written)
    or ``props['country']`` (alpha-3 of the government they represent)."""
    found: list[Found] = []
    full: dict[str, str] = {}  # surname -> full name, for later "Mr. Duer"
    org_starts = {f.start: f for f in organizations}

    def add(name: str, start: int, end: int, rule: str, alias: str | None = None, **props: str) -> None:
        found.append(Found("Person", name, start, end, tuple(a for a in (alias,) if a), None, rule,
                           {k: v for k, v in props.items() if v}))
        full.setdefault(name.split()[-1], name)

    def inside_an_organization(start: int) -> bool:
        return any(f.start <= start < f.end for f in organizations)

    for m in _BRACKETED.finditer(text):
        name = clean_name(m.group(1))
        inside = m.group(2).strip()
        if inside_an_organization(m.start(1)):
            continue  # 'Sustainable Carbon (ICSC)' ends an organisation's name
        honorific = bool(re.search(r"(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s*$", text[max(0, m.start() - 12):m.start()]))
        if not _plausible(name) or _NOT_AFFILIATION.match(inside) or best_long_form(inside, name):
            continue  # 'Yayasan Tambuhak Sinta (YTS)' spells out an acronym: a name, not a person
        affiliation, country = _affiliation(inside, m.start(2), org_starts)
        if not (affiliation or country or honorific or inside.startswith(("Professor", "Dr"))):
            continue
        add(name, m.start(1), m.start(1) + len(m.group(1)), "name (affiliation)", None,
            affiliation=affiliation or "", country=country or "", affiliation_start=str(m.start(2)))
    for m in _HONORIFIC.finditer(text):
        name = clean_name(m.group(1))
        if any(f.start == m.start(1) for f in found):
            continue
        words = name.split()
        if len(words) == 1 or (len(words) == 2 and words[1] in full and words[0] not in full):
            continue  # a surname alone is resolved below
        if not _plausible(name):
            continue
        add(name, m.start(1), m.end(1), "honorific and name")
    for m in _HONORIFIC.finditer(text):  # "Mr. Duer", "Professor Veiga": the person named in full before
        words = clean_name(m.group(1)).split()
        if len(words) == 1 and words[0] in full:
            found.append(Found("Person", full[words[0]], m.start(), m.end(1), (m.group(0),), None,
                               "honorific and surname of a person named before"))
    for org in organizations:  # "co-chairs, Rodges Ankrah, Environmental Protection Agency ..."
        before = text[max(0, org.start - 60):org.start]
        m = re.search(rf"(?:,|\band|\bco-chairs?|\bchairs?|\bleads?)\s+({_NAME_WORD}\s+{_NAME_WORD}),\s*$", before)
        if m and _plausible(m.group(1)):
            start = org.start - len(before) + m.start(1)
            add(m.group(1), start, start + len(m.group(1)), "name, organisation", None, affiliation=org.name,
                affiliation_start=str(org.start))
    for m in _CITED.finditer(text):
        if not re.search(r"\b(?:19|20)\d\d\b", text[m.end():m.end() + 160]):
            continue
        surname, given = m.group(1), m.group(2).strip()
        name = f"{given} {surname}"
        if find_countries(surname) or _NOT_PERSON_WORDS.search(name):
            continue
        if re.fullmatch(r"(?:[A-Z]\.\s?)+", given):
            initials = given.replace(" ", "")
            match = next((n for s, n in full.items() if s == surname and n[:1] == initials[:1]), None)
            name = match or f"{initials} {surname}"
        add(name, m.start(), m.end(), "author of a cited work", alias=m.group(0))
    # "Ana Garcia (Spain)" and later "Ms. Ana Garcia Gonzalez": one person, the longer name
    names = {f.name for f in found}
    for f in found:
        longer = [n for n in names if n != f.name and n.split()[:len(f.name.split())] == f.name.split()]
        if len(longer) == 1:
            f.aliases = (*f.aliases, f.name)
            f.name = longer[0]
    return sorted(found, key=lambda f: f.start)


def _affiliation(inside: str, offset: int, org_starts: dict[int, Found]) -> tuple[str | None, str | None]:
    """An organisation that opens the brackets (after any title), or a country standing alone."""
    lead = re.match(r"(?:Professor(?:\s+Emeritus)?|Dr|Chief [A-Z]\w+ [A-Z]\w+)\s*,?\s*", inside)
    skip = lead.end() if lead else 0
    for pos in range(offset + skip, offset + skip + 3):
        if pos in org_starts:
            return org_starts[pos].name, None
    countries = find_countries(inside)
    if countries and countries[0].start == 0 and countries[0].end >= len(inside.rstrip(" .")):
        return None, countries[0].key
    if re.fullmatch(r"[A-Z][A-Za-z.\-]{1,12}", inside):
        return inside, None  # an acronym such as "USEPA" or "UNIDO"
    return None, None
