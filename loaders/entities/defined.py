"""Organisations the text spells out: with their acronym ('Biodiversity Research Institute (BRI)', and the
bare acronym afterwards), with an acronym of their name in another language ('National Research Council
(CNR)'), and renamed ('The International Centre for Sustainable Carbon (ICSC, formerly IEACCC; ...)').

>>> from loaders.entities.acronyms import find_definitions
>>> text = "The Biodiversity Research Institute (BRI) met. BRI agreed."
>>> sorted({f.rule.split(";")[0] for f in defined_bodies(text, find_definitions(text))})
['acronym', 'acronym defined in this document', 'acronym definition']
"""

from __future__ import annotations

import re

from loaders.entities.acronyms import Definition
from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import entity_type, organization_kind
from loaders.entities.reference import own_country_body, reference_pattern
from loaders.entities.runs import NOT_NAMES
from loaders.gazetteers import find_countries


def defined_bodies(text: str, definitions: list[Definition]) -> list[Found]:
    """Organisations spelled out with their acronym, and every later bare use of the acronym."""
    _, _, lookup = reference_pattern()
    found: list[Found] = []
    known: dict[str, str] = {}
    for d in definitions:
        long = clean_name(d.long)
        # a well-known acronym the document spells out as something else is that other thing here ('Global
        # Mercury Project (GMP)' is no Global Mercury Partnership)
        ref = lookup.get(name_key(d.long)) or (
            lookup.get(name_key(d.short)) if entity_type(long) in (None, "Organization") else None)
        if ref is None and entity_type(long) != "Organization" and not (entity_type(long) is None and (
                _with_its_country(text, d.short_end) or _said_a_body(text[d.short_end:d.short_end + 80]))):
            continue
        if ref is None and _names_an_area(long):
            continue  # 'the Coal Partnership (CP)' is the partnership area, not a body
        name = ref[0] if ref else long
        if ref is not None and not lookup.get(name_key(d.long)):  # 'Environmental Protection Agency (EPA)' on a
            name = own_country_body(text, ref[0], d.short) or name   # page on Ghana is Ghana's agency
        kind, rule = (ref[1], "reference") if ref else organization_kind(long)
        found.append(Found("Organization", name, d.long_start, d.long_end, (long, d.short), kind,
                           f"acronym definition; kind: {rule}"))
        found.append(Found("Organization", name, d.short_start, d.short_end, (d.short,), kind, "acronym"))
        known.setdefault(d.short, name)

    if known:
        alternation = "|".join(re.escape(s) for s in sorted(known, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w\-./])(?:{alternation})(?![\w]|-\d|\s\d)", text):
            found.append(Found("Organization", known[m.group(0)], m.start(), m.end(), (m.group(0),), None,
                               "acronym defined in this document"))
    return found


_BODY_NOUNS = frozenset({"organisation", "organization", "ngo", "association", "foundation", "company", "cooperative",
                         "charity", "institute", "agency", "network", "alliance", "coalition", "society"})


def said_to_be(after: str) -> list[str]:
    """The words that say what a name is, from the text right after it (past its bracketed acronym): 'Mazingira Safi
    Tanzania (MST) is a non-governmental organisation based in ...'; none where the text does not say.

    >>> said_to_be(" (MST) is a non-governmental organisation based in Dar es Salaam"), said_to_be(" works in Peru")
    (['non-governmental', 'organisation', 'based', 'in', 'dar'], [])
    """
    rest = after.lstrip()
    if rest.startswith("("):
        rest = rest[rest.find(")") + 1:]
    elif rest.startswith(")"):
        rest = rest[1:]
    words = [w.strip(".,;:()").lower() for w in rest.split()[:7]]
    return words[2:] if words[:1] in (["is"], ["was"]) and words[1:2] in (["a"], ["an"]) else []


def _said_a_body(after: str) -> bool:
    """'Mazingira Safi Tanzania (MST) is a non-governmental organisation based in ...': the words after an acronym
    say the name is a body's.

    >>> _said_a_body(") is a non-governmental organisation based in Dar es Salaam"), _said_a_body(") is a project")
    (True, False)
    """
    return not _BODY_NOUNS.isdisjoint(said_to_be(after))


def _with_its_country(text: str, end: int) -> bool:
    """'Toxics Link (TL), India;': a name spelled out and followed by its country is a body's."""
    after = text[end:end + 60]
    lead = re.match(r"\s*\)\s*,\s*", after)
    if not lead:
        return False
    rest = after[lead.end():]
    return any(c.start <= 4 and re.match(r"\s*(?:[;.]|$)", rest[c.end:], re.M) for c in find_countries(rest))


def _names_an_area(name: str) -> bool:
    from loaders.gazetteers.areas import find_areas

    return any(a.start <= 4 and a.end >= len(name) - 1 for a in find_areas(name))


_UNSPELLED = re.compile(r"((?:[A-Z][\w\-]*\s+(?:(?:of|for|and|the|on)\s+)*){1,6}[A-Z][\w\-]*)\s+\(([A-Z]{2,8})\)")


_UNIT_AFTER_ACRONYM = re.compile(
    r"((?:[A-Z][\w\-]*[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*){1,6}[A-Z][\w\-]*)[ \t]+\(([A-Z]{2,6})\)[ \t]+((?:[A-Z][\w\-]*[ \t]+){0,3}"
    r"(?:Centre|Center|Institute|Office|Division|Branch|Unit|Laboratory))\b")


def units_after_acronyms(text: str) -> list[Found]:
    """'International Energy Agency (IEA) Clean Coal Centre': the body's unit, named after its acronym ('IEA Clean
    Coal Centre'), not the body."""
    found = []
    for m in _UNIT_AFTER_ACRONYM.finditer(text):
        long = clean_name(m.group(1))
        name = f"{m.group(2)} {m.group(3)}"
        kind, rule = organization_kind(name)
        found.append(Found("Organization", name, m.start(1) + m.group(1).find(long.split()[0]), m.end(3),
                           (name, f"{long} {m.group(3)}"), kind, f"a unit named after its body's acronym; {rule}"))
    return found


def translated_acronyms(text: str, definitions: list[Definition]) -> list[Found]:
    """'National Research Council (CNR)': an acronym of the name in another language is still its alias."""
    spelled = {d.short_start for d in definitions}
    found = []
    for m in _UNSPELLED.finditer(text):
        if m.start(2) in spelled:
            continue
        long = clean_name(m.group(1))
        words = long.split()
        while words and words[0] in NOT_NAMES:
            words = words[1:]
        long = " ".join(words)
        if len(words) >= 2 and entity_type(long) == "Organization":
            start = m.start(1) + m.group(1).find(words[0])
            kind, rule = organization_kind(long)
            found.append(Found("Organization", long, start, start + len(long), (long, m.group(2)), kind,
                               f"name and an acronym in another language; kind: {rule}"))
            found.append(Found("Organization", long, m.start(2), m.end(2), (m.group(2),), kind, "acronym"))
    return found


_FORMERLY = re.compile(
    r"((?:[A-Z][\w\-]*\s+(?:(?:of|for|and|the|on)\s+)*){1,6}[A-Z][\w\-]*)\s*\(\s*([A-Z]{2,8})\s*,\s*"
    r"(?:formerly|previously)(?:\s+known\s+as)?\s+([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,6})"
    r"|((?:[A-Z][\w\-]*\s+(?:(?:of|for|and|the|on)\s+)*){0,6}[A-Z][\w\-]*)\s*[,(]\s*(?:formerly|previously)"
    r"(?:\s+known\s+as)?\s+(?:the\s+)?([A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|(?:of|for|and)\b))*)")


def renamed_bodies(text: str) -> list[Found]:
    """'The International Centre for Sustainable Carbon (ICSC, formerly IEACCC; ...)': the former name
    is an alias, and recorded as a former name."""
    found = []
    for m in _FORMERLY.finditer(text):
        if m.group(1):
            name, short, former = clean_name(m.group(1)), m.group(2), m.group(3)
            start, end = m.start(1) + m.group(1).find(name.split()[0]), m.end(3)
            aliases = (name, short, former)
        else:
            name, former = clean_name(m.group(4)), m.group(5)
            start, end = m.start(4), m.end(5)
            aliases = (name, former)
        if not name or not former or former == name:
            continue
        kind, rule = organization_kind(name)
        found.append(Found("Organization", name, start, end, aliases, kind, f"renamed, stated in the text; {rule}",
                           {"former_name": former}))
    return found
