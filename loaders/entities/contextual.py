"""Organisations found only by how they act: after 'funded by', 'partnership with', as the subject of 'is
executing', in a list of partners after a quoted project title, around a slash ('WWF/FFEM'), before
'-led' or '(member of', or listed 'on behalf of' or 'as partners'.

>>> [f.name for f in contextual_bodies("The work was funded by Appelglobal and Fundacion Ariel.", set(), [])]
['Appelglobal', 'Fundacion Ariel']
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.entities.acronyms import is_acronym
from loaders.entities.found import Found, clean_name
from loaders.entities.naming import entity_type, organization_kind
from loaders.entities.people import TITLE_WORDS
from loaders.entities.reference import in_document_symbol
from loaders.entities.runs import continues_portfolio
from loaders.gazetteers.countries import find_countries
from schema.reference import demonyms


_AGENT_CUE = re.compile(  # (the lookahead skips, in one test, the positions no cue can open at)
    r"(?=[bcdefghilmnoprstwBCDEFGHILMNOPRSTW])\b(?:(?:funded|financed|implemented|executed|led|organi[sz]ed|overseen|supported|sponsored|hosted|chaired|"
    r"coordinated|conducted|prepared|published|produced|managed|run|developed|co-organi[sz]ed) by|"
    r"with (?:the )?(?:financial )?(?:funding|support|assistance) (?:from|of)|funding from|grant from|"
    r"(?:in )?partnership with|in (?:close )?(?:collaboration|cooperation) with|together with|worked with|"
    r"working with|works with|partnered with|collaborating with|on behalf of|partners? such as|(?:MoU|memorandum of understanding|agreement) between|between the|"
    r"companies \(|organi[sz]ations \(|(?:internet|online) platforms|retailer|NGOs? such as|"
    r"(?:non-?profit|not-for-profit|non-governmental|civil society|research)\s+(?:group|organi[sz]ation|institute)|"
    r"the\s+(?:[A-Z][a-z]+\s+)?(?:NGO|charity|company|firm)|partnership\s+(?:among|between))\s*(?:the\s+)?",
    re.IGNORECASE)
_POSTPOSED = re.compile(r"(?:^|(?<=[\s(]))([A-Z][A-Za-z\-]{2,12})\s+(?:driven|funded|supported|-led|led)\b"
                        r"|([A-Z][\w\u00c0-\u017f]+(?:\s+[A-Z][\w\u00c0-\u017f]+){0,3})\s+\(member of\b")
_LIST_ON_BEHALF = re.compile(r"(?:^|(?<=\n)|(?<=-\s))((?:[A-Z][A-Z\w\-]+)(?:(?:,\s+|\s+and\s+)[A-Z][A-Z\w\-]+){1,4}),"
                             r"\s+on behalf of", re.MULTILINE)
_AS_PARTNERS = re.compile(r"\b(?:has|have|with)\s+((?:[A-Z][\w\-]+(?:,\s+(?:and\s+)?|\s+and\s+)){1,6}[A-Z][\w\-]+)\s+"
                          r"as\s+(?:\w+\s+)?partners\b")
_ITEM = re.compile(r"((?:[A-Z]|[a-z](?=[A-Z]))[\w&'\u2019\-]*(?:\s+(?:[A-Z][\w&'\u2019\-]*|(?:of|for|de|la|du|do|"
                   r"da|del|para|y)\b)){0,7})")  # connectors as whole words: 'Cumbre del Sajama', not 'Cumbre de'
_SUBJECT = re.compile(
    r"(?=[A-Z])(?:(?:^|(?<=[.;:]\s)|(?<=\n)|(?<=-\s))([A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})\s+"
    r"(?:is|are|has|have)\s+(?:also\s+|currently\s+)?(?:executing|implementing|strengthening|working|continued|"
    r"supported|developed|launched|partnered|established|been|several|ongoing)\b|"
    r"(?:^|(?<=[.;:]\s)|(?<=\n)|(?<=-\s))([A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})\s+"
    r"(?:also\s+)?(?:supported|began|continued|developed|implemented|launched|documented|commenced|obtained|"
    r"completed|collaborated|partnered|executed|organi[sz]ed|produced)\b|"
    # the subject given a body's role: 'BRI is a co-lead for the ... partnership area', 'In Uganda, IMPACT is an
    # implementing agency', 'X is one of the donors'
    r"(?:^|(?<=[.;:,]\s)|(?<=\n)|(?<=-\s))([A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})\s+"
    r"(?:is|was|are|were|has\s+been|have\s+been)\s+(?:also\s+|currently\s+|now\s+)?(?:a|an|the|one\s+of\s+the)\s+"
    r"(?:[a-z]+\s+)?(?:co-?leads?|(?:implementing|executing)\s+(?:partners?|agenc(?:y|ies)|entit(?:y|ies))|donors?|"
    r"funders?)\b)", re.MULTILINE)
_NAMES_SENTENCE = re.compile(r"(?<=[\u201d\"]\.\s)((?:[A-Z][\w\u00c0-\u017f&'\-]*(?:\s+[\w\u00c0-\u017f&'\-]+){0,3}"
                             r"(?:,\s+)?){1,5})\.(?=\s)")
_NOT_ALONE = frozenset({"Basel", "Rotterdam", "Stockholm", "Minamata", "Partnership", "Partners", "Partner", "Secretariat", "Parties", "Party", "Government", "Board",
                        "Governments", "Convention", "Committee", "Council", "Meeting", "Project", "Programme",
                        "Lead", "Leads", "Participants", "Countries", "Country", "Area", "Areas", "UN", "The",
                        "This", "It", "They", "He", "She", "We", "In", "Activities", "Work", "Webinar", "Survey",
                        "Group", "Phase", "COVID-19", "Since", "Together", "Both", "Each"})


def _acceptable_name(name: str, persons: set[str]) -> bool:
    """A context-found name that is not a country, an area, a person, a titled thing or a bare generic word."""
    from loaders.gazetteers.areas import find_areas

    words = name.split()
    if not words or len(words) > 6 or name in persons or name in _NOT_ALONE or words[0] in _NOT_ALONE:
        return False
    if any(name.startswith(f"{p} of ") for p in persons):
        return False  # 'chaired by Elena Marchetti of CNR-IIA': a person and her body
    if len(name) <= 2:
        return False  # 'TV', 'EU'-length tokens need the reference list
    if name.endswith(("'s", "\u2019s")):
        return False  # "organized by the Partnership's supply and storage area": the owner of what acts
    if any(w in _NOT_ALONE for w in words) and len(words) == 1:
        return False
    if re.fullmatch(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                    r"December|Monday|Tuesday|Wednesday|Thursday|Friday)(?:\s.*)?", name):
        return False
    countries = find_countries(name)
    if countries and countries[0].start == 0:
        return False
    if find_areas(name) or entity_type(name) in ("Project", "Publication", "Event"):
        return False
    if words[0] in demonyms() or (len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+s", name)):
        return False  # 'Indian ...', 'Proposals', 'Samples'
    if re.search(r"[a-z][A-Z]{3,}$", name):
        return False  # 'planetGOLD'-style brand names are programmes
    if any(w.lower() in TITLE_WORDS for w in words):
        return False  # 'chaired by Achim Steiner, Executive Director of ...': a person's title
    return not re.search(r"\d{3,}", name)


def _listed_items(text: str, start: int) -> list[tuple[int, int]]:
    """The names of a coordination list starting at ``start``: 'RESOLVE and RMI', 'X, Y, and Z', 'WWF/FFEM'."""
    spans = []
    pos = start
    for _ in range(8):
        country = find_countries(text[pos:pos + 60])
        if country and country[0].start == 0 and not re.match(r"['\u2019]s\b", text[pos + country[0].end:]):
            spans.append((pos, pos + country[0].end))
            sep = re.match(r"\s*(?:\([A-Z]{2,4}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:the\s+)?)", text[pos + country[0].end:])
            if not sep:
                break
            pos = pos + country[0].end + sep.end()
            continue
        m = _ITEM.match(text, pos)
        if not m:
            break
        item = m.group(1)
        possessive = re.match(r"[A-Z][\w ]+?['\u2019]s\s+", item)
        if possessive and find_countries(possessive.group(0)):
            item = item[possessive.end():]  # "Mexico's Instituto ...": the body, not the country
            m = re.match(r"", text[m.start(1) + possessive.end():])
            start = pos + possessive.end()
            spans.append((start, start + len(item)))
            break
        # a trailing connector belongs to the list, not the name
        item = re.sub(r"\s+(?:of|for|de|la|du|do|da)$", "", item)
        if spans and text[spans[-1][1]:m.start(1)].strip() == "and" and continues_portfolio(
                text[spans[-1][0]:spans[-1][1]], item):
            spans[-1] = (spans[-1][0], m.start(1) + len(item))  # 'Ministry of Mines and Strategic Resources'
        else:
            spans.append((m.start(1), m.start(1) + len(item)))
        sep = re.match(r"\s*(?:\([A-Z][\w\-]{1,10}\)\s*)?(?:,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s*/\s*|\s+\u2013\s+)",
                       text[m.start(1) + len(item):])
        if not sep:
            break
        pos = m.start(1) + len(item) + sep.end()
    return spans


_LIST_OPENING = re.compile(r"\b(?:including|such as|namely|among them|notably|between)\s+(?:the\s+)?|:\s+(?:the\s+)?")


def contextual_bodies(text: str, persons: set[str], known: list[tuple[int, int]]) -> list[Found]:
    """Names that act as organisations: after 'funded by', 'partnership with', as the subject of 'is
    executing', in a list of partners after a quoted project title, around a slash ('WWF/FFEM'), or beside
    organisations in a list ('including UN Environment (UNEP), the United Nations Development Programme, ..., and
    Conservation International')."""
    found: list[Found] = []

    def add(start: int, end: int, rule: str) -> None:
        name = clean_name(text[start:end])
        countries = find_countries(name)
        if countries and countries[0].start == 0 and countries[-1].end == len(name) and "by" in rule:
            found.append(Found("Organization", f"Government of {name}", start, end, (name,), "government",
                               "a country acting as an organisation", {"country": countries[0].key}))
            return
        if not _acceptable_name(name, persons):
            return
        kind, kind_rule = organization_kind(name)
        found.append(Found("Organization", name, start, start + len(name), (name,), kind,
                           f"{rule}; kind: {kind_rule}"))

    for m in _AGENT_CUE.finditer(text):
        for a, b in _listed_items(text, m.end()):
            add(a, b, f"named after {m.group(0).strip()!r}")
    for m in _SUBJECT.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        add(m.start(group), m.end(group), "the subject of an agent verb")
    for m in _NAMES_SENTENCE.finditer(text):
        for item in re.finditer(r"[^,]+", m.group(1)):
            a = m.start(1) + item.start() + (len(item.group(0)) - len(item.group(0).lstrip()))
            add(a, m.start(1) + item.end(), "listed as a partner after a project title")
    def in_symbol(pos: int) -> bool:  # 'UNEP/MC/COP.4/27' is a document symbol, not a pair of bodies
        return in_document_symbol(text, pos)

    spans = sorted(known)
    span_starts = [a for a, _ in spans]

    def inside_known(pos: int, closed_end: bool) -> bool:  # is ``pos`` within a known body's span
        i = bisect_left(span_starts, pos + 1) - 1
        while i >= 0 and pos - span_starts[i] <= 200:
            a, b = spans[i]
            if (a < pos <= b) if closed_end else (a <= pos < b):
                return True
            i -= 1
        return False

    for m in re.finditer(r"(?<![\w.\-])([\w.\-]+)\s*/\s*([A-Z][A-Za-z]{1,10})\b", text):  # from a word's start
        if is_acronym(m.group(2)) and not in_symbol(m.start(2)) and inside_known(m.end(1), True):
            add(m.start(2), m.end(2), "paired with an organisation by a slash")
    for m in re.finditer(r"\b([A-Z][A-Za-z]{1,10})\s*/\s*([\w\-]+)", text):
        if is_acronym(m.group(1)) and not in_symbol(m.start(1)) and inside_known(m.start(2), False):
            add(m.start(1), m.end(1), "paired with an organisation by a slash")
    for m in _POSTPOSED.finditer(text):
        g = 1 if m.group(1) else 2
        if g == 2 or is_acronym(m.group(1)):
            add(m.start(g), m.end(g), "named with 'driven'/'led' or '(member of'")
    for pattern in (_LIST_ON_BEHALF, _AS_PARTNERS):
        for m in pattern.finditer(text):
            for item in re.finditer(r"[A-Z][\w\-]+", m.group(1)):
                add(m.start(1) + item.start(), m.start(1) + item.end(), "listed as partners")
    starts = sorted(a for a, _ in known)
    known_at = set(starts)
    for m in _LIST_OPENING.finditer(text):  # 'including UN Environment (UNEP), ..., and Conservation International'
        if bisect_left(starts, m.end()) == len(starts) or starts[bisect_left(starts, m.end())] - m.end() > 4:
            continue  # the list must open with a known body
        items = _listed_items(text, m.end())
        if len(items) < 3:
            continue
        bodies = sum(1 for a, _ in items if a in known_at)
        if bodies >= 2:
            for a, b in items:
                if a not in known_at:
                    add(a, b, "listed among organisations")
    for m in re.finditer(r"\bhost country,?\s+", text):
        for c in find_countries(text[m.end():m.end() + 40])[:1]:
            if c.start == 0:
                add(m.end(), m.end() + c.end, "the host country, named by")
    return found
