"""Find the organisations a document names.

Rules, each reading the text (a generic NER model is not used; see README for why):

1. well-known bodies from the reference list, by name or acronym ("UNEP", "Global
   Environment Facility", "intergovernmental negotiating committee");
2. acronym definitions whose long form is headed like an organisation
   ("Biodiversity Research Institute (BRI)"), and the bare acronym afterwards;
3. governments: "Government of Norway", "Governments of Spain and Uruguay" (split),
   "the Governments of Austria, Belgium, ... and Sweden", "the Danish Government";
4. capitalised names headed by an organisation word: "Ministry of the Environment of
   Japan", "Dartmouth College", "University of British Columbia", "Alliance for
   Responsible Mining";
5. partner headings: a bullet that is nothing but a short name ("- Appelglobal").

>>> [f.name for f in find_organizations("The Governments of Spain and Uruguay took over from the Mercury "
...                                     "Policy Project and the Biodiversity Research Institute (BRI).")]
['Government of Spain', 'Government of Uruguay', 'Mercury Policy Project', 'Biodiversity Research Institute', 'Biodiversity Research Institute', 'Biodiversity Research Institute', 'Biodiversity Research Institute']
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from loaders.entities.acronyms import CONNECTORS, Definition, find_definitions, is_acronym
from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import entity_type, organization_kind
from loaders.gazetteers.countries import find_countries
from loaders.gazetteers.mention import flexible, starts_with
from schema import Document
from schema.reference import country_name, demonyms, organizations

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f0-9](?:[\w'\u2019&\-]|\.(?=\w))*")
_HEAD_OF = re.compile(r"^(?:Ministry|Ministerio|Department|Secretariat|Office|Division|Branch|University|Institute|"
                      r"Bureau|Council|Association|Federation|Centre|Center|Society|Alliance|Agency|School|"
                      r"Commission|Committee|Board|Government)\b")
_GOVERNMENTS = re.compile(r"\b[Gg]overnments?\s+of\s+")
_NOT_NAMES = frozenset({"Professor", "Emeritus", "Prof", "Dr", "Mr", "Ms", "Mrs", "Part", "The", "This", "These", "That", "Those", "In", "On", "At", "For", "By", "With", "From",
                        "As", "An", "A", "It", "Its", "Their", "Our", "Some", "All", "Each", "Both", "Such",
                        "Since", "During", "Under", "After", "Before", "Following", "Further", "Also", "Other"})


@cache
def _reference_pattern() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    """Names (case-insensitive, several words) and acronyms (case-sensitive) of well-known bodies."""
    lookup: dict[str, tuple[str, str]] = {}
    names, acronyms = [], []
    for org in organizations():
        for form in (org.name, *org.aliases):
            lookup[name_key(form)] = (org.name, org.kind)
            (acronyms if is_acronym(form) and " " not in form else names).append(form)
    name_alt = "|".join(flexible(n) for n in sorted(set(names), key=len, reverse=True))
    acr_alt = "|".join(re.escape(a) for a in sorted(set(acronyms), key=len, reverse=True))
    name_re = re.compile(rf"(?<![\w\-]){starts_with(names, ignore_case=True)}(?:{name_alt})(?![\w\-])",
                         re.IGNORECASE)
    # an acronym followed by a digit or '-4' names a meeting (INC7, COP-4), not the body
    acr_re = re.compile(rf"(?<![\w\-./]){starts_with(acronyms)}(?:{acr_alt})(?![\w]|-\d|\s\d|\.\w)")
    return name_re, acr_re, lookup


def in_document_symbol(text: str, pos: int) -> bool:
    """Is ``pos`` inside a UN document symbol such as 'UNEP/MC/COP.4/27' or 'UNEP(DTIE)/Hg/INC.6/13'?"""
    start = pos
    while start > 0 and re.match(r"[\w.()/\-]", text[start - 1]):
        start -= 1
    chain = re.match(r"[\w.()/\-]+", text[start:])
    token = chain.group(0) if chain else ""
    return token.count("/") >= 2 or (token.count("/") == 1 and bool(re.search(r"\d", token)))


def _reference(text: str) -> list[Found]:
    name_re, acr_re, lookup = _reference_pattern()
    found = []
    for pattern, rule in ((name_re, "reference name"), (acr_re, "reference acronym")):
        for m in pattern.finditer(text):
            if pattern is acr_re and in_document_symbol(text, m.start()):
                continue
            hit = lookup.get(name_key(m.group(0)))
            if hit:
                found.append(Found("Organization", hit[0], m.start(), m.end(), (m.group(0),), hit[1], rule))
    return found


def _definitions(text: str, definitions: list[Definition]) -> list[Found]:
    """Organisations spelled out with their acronym, and every later bare use of the acronym."""
    _, _, lookup = _reference_pattern()
    found: list[Found] = []
    known: dict[str, str] = {}
    for d in definitions:
        ref = lookup.get(name_key(d.long)) or lookup.get(name_key(d.short))
        long = clean_name(d.long)
        if ref is None and entity_type(long) != "Organization":
            continue
        name = ref[0] if ref else long
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


_UNSPELLED = re.compile(r"((?:[A-Z][\w\-]*\s+(?:(?:of|for|and|the|on)\s+)*){1,6}[A-Z][\w\-]*)\s+\(([A-Z]{2,6})\)")


def _translated_acronyms(text: str, definitions: list[Definition]) -> list[Found]:
    """'National Research Council (CNR)': an acronym of the name in another language is still its alias."""
    spelled = {d.short_start for d in definitions}
    found = []
    for m in _UNSPELLED.finditer(text):
        if m.start(2) in spelled:
            continue
        long = clean_name(m.group(1))
        words = long.split()
        while words and words[0] in _NOT_NAMES:
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
    r"(?:\s+known\s+as)?\s+(?:the\s+)?([A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|of|for|and))*)")


def _renames(text: str) -> list[Found]:
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


def _governments(text: str) -> list[Found]:
    found: list[Found] = []
    for m in _GOVERNMENTS.finditer(text):
        # the country list that follows: "Spain and Uruguay", "Austria, Belgium, ... and Sweden"
        tail = re.sub(r"\s\([A-Z]{2,4}\)", lambda x: " " * len(x.group(0)), text[m.end():m.end() + 400])
        tail = re.sub(r"\bSt\.(?=\s)", "St ", tail)
        stop = re.search(r"[.;:()\n]|\b(?!and\b|the\b)[a-z]+\b", tail)
        span = tail[:stop.start()] if stop else tail
        for c in find_countries(span):
            start, end = m.end() + c.start, m.end() + c.end
            prefix = "the " if text[max(0, start - 4):start].lower() == "the " else ""
            found.append(Found("Organization", f"Government of {prefix}{c.surface}", start, end,
                               (f"Government of {prefix}{c.surface}",), "government", "Government(s) of <country>",
                               {"country": c.key}))
    adjectives = "|".join(re.escape(d) for d in sorted(demonyms(), key=len, reverse=True))
    for m in re.finditer(rf"\b({adjectives})\s+[Gg]overnment\b", text):
        code = demonyms()[m.group(1)]
        found.append(Found("Organization", f"Government of {country_name(code)}", m.start(), m.end(),
                           (m.group(0),), "government", "<demonym> Government", {"country": code}))
    for c in find_countries(text):
        after = text[c.end:c.end + 12]
        if re.match(r"\s+[Gg]overnment\b", after):
            end = c.end + re.match(r"\s+[Gg]overnment", after).end()
            found.append(Found("Organization", f"Government of {c.surface}", c.start, end, (text[c.start:end],),
                               "government", "<country> Government", {"country": c.key}))
    return found


_SUB_UNIT = re.compile(r"(?:Graduate School|School|Faculty|Department|Division|Institute|Centre|Center|Laboratory|"
                       r"Lab|Branch|Unit|Office|Clean Coal Centre)\b")


def _comma_continues(text: str, run_start: int, after: int) -> bool:
    """A comma inside a name: 'Ministry of Housing, Territorial Planning and Environment of Uruguay',
    'Ministry of Climate Change, Pakistan', 'International Energy Agency, Clean Coal Centre',
    'Graduate School of Global Environmental Studies, Kyoto University'; not 'University of British
    Columbia, Vancouver' nor 'Centre for X, Parties and Secretariats to ...'."""
    before = clean_name(text[run_start:after])
    segment = re.match(r"(?:[A-Z][\w\-]*|of|and|the|for)(?:\s+(?:[A-Z][\w\-]*|of|the|for|and(?!\s+of\b)))*",
                       text[after:after + 160])
    segment = re.sub(r"(?:\s+(?:of|and|the|for))+$", "", segment.group(0)) if segment else ""
    if not segment[:1].isupper():
        return False
    countries = find_countries(segment)
    if countries and countries[0].start == 0 and countries[0].end == len(segment):
        return entity_type(before) == "Organization"  # '..., Pakistan'
    if entity_type(before) == "Organization" and _SUB_UNIT.match(segment) and entity_type(segment) == "Organization":
        return True  # 'International Energy Agency, Clean Coal Centre'
    if _SUB_UNIT.match(before) and entity_type(segment) == "Organization" and re.search(
            r"(?:University|College|Universidade)", segment):
        return True  # 'Graduate School of ..., Kyoto University'
    if re.search(r"(?:University|College)\b", before) and re.search(r"\b(?:Center|Centre|Institute|Laboratory)$",
                                                                     segment):
        return True  # 'University of Illinois at Chicago, Great Lakes Center for ... Health'
    if not re.search(_HEAD_OF.pattern.lstrip("^") + r"\s+(?:of|for)\b", before):
        return False
    ends_qualified = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w\s]+)$", segment)
    return bool(re.search(r"\sand\s", segment)) and bool(
        ends_qualified and (find_countries(ends_qualified.group(1)) or re.fullmatch(r"[A-Z]{2,8}", ends_qualified.group(1))))


def _coordinated(text: str, after: int) -> bool:
    """A comma opening a coordinated list inside a title: '..., Transportation and Handling of Mercury',
    '... in Kenya, Ivory Coast, India, Bangladesh and the Philippines'."""
    segment = re.match(r"[A-Z][^.;:()\n\u201c\u201d]{0,120}", text[after:after + 120])
    if not segment:
        return False
    countries = find_countries(segment.group(0))
    if countries and countries[0].start == 0:
        return True
    return bool(re.match(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+and\s+[A-Z]", segment.group(0)))


def capitalised_runs(text: str, connectors: frozenset[str] = CONNECTORS) -> list[tuple[int, int]]:
    """Spans of capitalised names: capitalised words joined by connectors ('of', 'for', 'and', ...)."""
    return list(_capitalised_runs(text, connectors))


@lru_cache(maxsize=64)
def _capitalised_runs(text: str, connectors: frozenset[str]) -> tuple[tuple[int, int], ...]:
    runs: list[tuple[int, int]] = []
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.group(0)[:1].isupper():
            i += 1
            continue
        start, end, j = tok.start(), tok.end(), i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end():tokens[j].start()]
            if gap == ", " and not _comma_continues(text, start, tokens[j].start()) and not (
                    connectors is not CONNECTORS and _coordinated(text, tokens[j].start())):
                break
            if not (gap in (" - ", "-", ", ", " \u2013 ") or (gap.isspace() and "\n\n" not in gap and len(gap) <= 3)):
                break
            if "\n" in gap and tokens[j - 1].end() - text.rfind("\n", 0, tokens[j - 1].end()) < 40:
                break  # a short line (a masthead or slide line) ends the name
            word = tokens[j].group(0)
            if word[:1].isupper():
                end = tokens[j].end()
            elif word.lower() not in connectors or (word == "in" and connectors is CONNECTORS):
                break
            elif word.lower() == "the" and tokens[j - 1].group(0).lower() not in connectors:
                break  # 'of the', 'for the' join a name; 'Convention the Partnership' does not
            elif word.lower() in ("of", "for", "on", "to") and tokens[j - 1].group(0).lower() == "and":
                break  # '... of UNEP and of the United Nations ...' coordinates two phrases
            j += 1
        runs.append((start, end))
        i = max(j, i + 1)
    return tuple(runs)


def _headed_names(text: str, persons: set[str], covered: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    for start, end in capitalised_runs(text):
        for part_start, part_end in _split_and(text, start, end, persons):
            raw = text[part_start:part_end]
            name = clean_name(raw)
            words = name.split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            name = " ".join(words)
            trailing_place = re.search(r"\s+(?:in|at)\s+[A-Z][\w\s]*$", name)
            if trailing_place and find_countries(trailing_place.group(0)):
                name = name[:trailing_place.start()]  # 'International Energy Agency in China'
                words = name.split()
            while words and len(words[-1]) == 1:  # 'Conference of the Parties A' (a heading letter below)
                words = words[:-1]
            name = " ".join(words)
            if (len(words) < 2 or not name[:1].isupper() or entity_type(name) != "Organization"
                    or name.endswith("of the Partnership") or _generic(words) or _department_of_country(name)
                    or _is_government(name)):
                continue
            if name.split()[-1].lower() in CONNECTORS or _names_an_area(name):
                continue
            offset = raw.find(words[0])
            begin = part_start + offset
            if _within(covered, begin, begin + len(name)) or in_quotes(text, begin):
                continue
            kind, rule = organization_kind(name)
            found.append(Found("Organization", name, begin, begin + len(name), (name,), kind,
                               f"name headed by an organisation word; kind: {rule}"))
            found.extend(_nested(name, begin))
    return found


def _nested(name: str, begin: int) -> list[Found]:
    """Bodies named inside a longer name: 'Chemicals and Waste Branch of the Division of Technology,
    Industry and Economics of UNEP' names the Division too; 'Graduate School ..., Kyoto University'."""
    out = []
    for m in re.finditer(r"\s(?:of|for)\s+the\s+(?=[A-Z])|,\s+(?=[A-Z])", name):
        inner = name[m.end():]
        if m.group(0).startswith(",") and not _SUB_UNIT.match(name):
            continue  # 'University of Illinois at Chicago, Great Lakes Center ...' names a unit, not another body
        if entity_type(inner) == "Organization" and len(inner.split()) >= 2:
            kind, rule = organization_kind(inner)
            out.append(Found("Organization", inner, begin + m.end(), begin + len(name), (inner,), kind,
                             f"named inside a longer name; kind: {rule}"))
    return out


def _within(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    """Inside a longer known name, or made of known names end to end ('Global Mercury Partnership
    Partnership Advisory Group' on a masthead)."""
    if any(a <= start and end <= b and (b - a) > (end - start) for a, b in covered):
        return True
    inside = sorted((max(a, start), min(b, end)) for a, b in covered if a < end and b > start)
    reach, total = start, 0
    for a, b in inside:
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return len(inside) >= 2 and total >= 0.9 * (end - start)


def in_quotes(text: str, pos: int) -> bool:
    """Inside a quoted title on the same line ('the project \u201cRural development of the ... Councils\u201d')."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return before.count("\u201c") > before.count("\u201d")


def _is_government(name: str) -> bool:
    """'Danish Government', 'Uganda Government': left to the government rule, which names them properly."""
    m = re.fullmatch(r"(.+?)\s+Government", name)
    return bool(m) and (m.group(1) in demonyms() or bool(find_countries(m.group(1))))


_LOWER_HEAD = re.compile(r"(?<![\w\-])((?:[A-Z][\w'\u2019\-]*\s+){1,3})(cooperative|secretariat|foundation)\b")
_SECRETARIAT_OF = re.compile(r"\b[Ss]ecretariat of the ((?:[A-Z][\w\-]*,?\s+(?:and\s+)?){1,4}[Cc]onventions?)\b")


def _lower_heads(text: str) -> list[Found]:
    """'Coodmilla cooperative', 'GEF secretariat', 'the secretariat of the Stockholm Convention'."""
    found = []
    for m in _LOWER_HEAD.finditer(text):
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES]
        if not words or (m.group(2) == "secretariat" and not is_acronym(words[-1])):
            continue
        name = " ".join(words) + " " + m.group(2)
        start = m.start(2) - len(" ".join(words)) - 1
        kind, rule = organization_kind(name)
        if m.group(2) == "secretariat":
            kind, rule = "intergovernmental", "name has 'secretariat'"
        found.append(Found("Organization", name, start, m.end(), (name,), kind, f"name and a lower-case head; {rule}"))
    for m in _SECRETARIAT_OF.finditer(text):
        name = "Secretariat of the " + " ".join(m.group(1).split())
        found.append(Found("Organization", name, m.start(), m.end(), (m.group(0),), "intergovernmental",
                           "secretariat of a convention"))
    return found


def _names_an_area(name: str) -> bool:
    """'ASGM Partnership', 'Partnership on Fate and Transport': a partnership area, not a body."""
    from loaders.gazetteers.areas import find_areas

    if not re.search(r"\bPartnership\b", name) or re.search(r"\bGlobal Mercury Partnership\b", name):
        return False
    rest = re.sub(r"\b(?:UNEP|Partnership|[Aa]reas?|on|of|the)\b", " ", name).strip()
    return bool(find_areas(name)) or bool(find_areas(rest + " partnership area"))


_GENERIC_FIRST = frozenset({"Working", "Implementing", "Governing", "Consultant", "Mining", "Expert", "Technical",
                            "Regional", "National", "Steering", "Advisory", "Executing"})


def _generic(words: list[str]) -> bool:
    """'Working Group', 'Implementing Agencies': a kind of body, not the name of one."""
    return len(words) == 2 and words[0] in _GENERIC_FIRST


def _department_of_country(name: str) -> bool:
    """'French Department of Guyane' is a place (an overseas department), not an organisation."""
    m = re.fullmatch(r"(?:\w+\s+)?Department\s+of\s+(.+)", name)
    return bool(m) and bool(find_countries(m.group(1)))


def _typed(name: str) -> str | None:
    """entity_type, with well-known bodies ('UNEP') counted as organisations."""
    _, _, lookup = _reference_pattern()
    return "Organization" if name_key(name) in lookup else entity_type(name)


def _split_and(text: str, start: int, end: int, persons: set[str]) -> list[tuple[int, int]]:
    """Split 'Ministry of the Environment of Japan and Misuzu Asari' where both sides are names."""
    from loaders.gazetteers.areas import find_areas

    run = text[start:end]
    areas = [(a.start, a.end) for a in find_areas(run)]
    for m in re.finditer(r"\s+and\s+(the\s+)?", run):
        if any(a < m.start() < b for a, b in areas):
            continue  # 'Partnership on Fate and Transport' names an area: no split inside it
        left, right = run[:m.start()], run[m.end():]
        left_type, right_type = _typed(clean_name(left)), _typed(clean_name(right))
        person = any(right.startswith(p) for p in persons)
        several_words = len(clean_name(right).split()) >= 2
        left_words, right_words = len(clean_name(left).split()), len(clean_name(right).split())
        left_ok = left_type == "Organization" or (m.group(1) is not None and right_type == "Organization") or (
            right_type == "Organization" and right_words >= 3 and left_words >= 2)
        right_ok = right_type is not None or person or (m.group(1) is not None and left_type is not None
                                                         and several_words)
        if left_ok and right_ok:
            right_start = start + m.end()
            # 'Misuzu Asari, Graduate School ...': a person's name, then the organisation
            lead = re.match(r"([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2}),\s+(?=[A-Z])", text[right_start:end])
            if lead and (lead.group(1) in persons or (entity_type(lead.group(1)) is None and entity_type(
                    clean_name(text[right_start + lead.end():end])) == "Organization")):
                right_start += lead.end()
            return [(start, start + m.start()), *_split_and(text, right_start, end, persons)]
    return [(start, end)]


def _partner_headings(doc: Document) -> list[Found]:
    """'- Appelglobal' or '- **Pure Earth** is ...': a bullet that opens with just a name."""
    found = []
    for block in doc.walk():
        if block.kind != "bullet":
            continue
        own = doc.text[block.start:block.end]
        m = re.match(r"[-\u2022*]\s+\*\*([^*\n]{2,60})\*\*", own) or re.match(r"[-\u2022*]\s+([^\n]{2,60})$", own)
        if not m:
            continue
        name = clean_name(m.group(1))
        words = name.split()
        if not (1 <= len(words) <= 5) or not all(w[:1].isupper() or w.lower() in CONNECTORS for w in words):
            continue
        if entity_type(name) not in (None, "Organization") or re.search(r"\d", name):
            continue
        start = block.start + m.start(1) + m.group(1).find(words[0])
        kind, rule = organization_kind(name)
        found.append(Found("Organization", name, start, start + len(name), (name,), kind,
                           f"partner heading; kind: {rule}"))
    return found


_AGENT_CUE = re.compile(
    r"\b(?:(?:funded|financed|implemented|executed|led|organi[sz]ed|overseen|supported|sponsored|hosted|chaired|"
    r"coordinated|conducted|prepared|published|produced|managed|run|developed|co-organi[sz]ed) by|"
    r"with (?:the )?(?:financial )?(?:funding|support|assistance) (?:from|of)|funding from|grant from|"
    r"(?:in )?partnership with|in (?:close )?(?:collaboration|cooperation) with|together with|worked with|"
    r"working with|works with|partnered with|collaborating with|on behalf of|partners? such as|between the|"
    r"companies \(|organi[sz]ations \(|(?:internet|online) platforms|retailer|NGOs? such as)\s*(?:the\s+)?",
    re.IGNORECASE)
_POSTPOSED = re.compile(r"(?:^|(?<=[\s(]))([A-Z][A-Za-z\-]{2,12})\s+(?:driven|funded|supported|-led|led)\b"
                        r"|([A-Z][\w\u00c0-\u017f]+(?:\s+[A-Z][\w\u00c0-\u017f]+){0,3})\s+\(member of\b")
_LIST_ON_BEHALF = re.compile(r"(?:^|(?<=\n)|(?<=-\s))((?:[A-Z][A-Z\w\-]+)(?:(?:,\s+|\s+and\s+)[A-Z][A-Z\w\-]+){1,4}),"
                             r"\s+on behalf of", re.MULTILINE)
_AS_PARTNERS = re.compile(r"\b(?:has|have|with)\s+((?:[A-Z][\w\-]+(?:,\s+(?:and\s+)?|\s+and\s+)){1,6}[A-Z][\w\-]+)\s+"
                          r"as\s+(?:\w+\s+)?partners\b")
_ITEM = re.compile(r"((?:[A-Z]|[a-z](?=[A-Z]))[\w&'\u2019\-]*(?:\s+(?:[A-Z][\w&'\u2019\-]*|of|for|de|la|du|do|da|"
                   r"del|para|y)){0,7})")
_SUBJECT = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n)|(?<=-\s))([A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})\s+"
    r"(?:is|are|has|have)\s+(?:also\s+|currently\s+)?(?:executing|implementing|strengthening|working|continued|"
    r"supported|developed|launched|partnered|established|been|several|ongoing)\b|"
    r"(?:^|(?<=[.;:]\s)|(?<=\n)|(?<=-\s))([A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})\s+"
    r"(?:also\s+)?(?:supported|began|continued|developed|implemented|launched|documented|commenced|obtained|"
    r"completed|collaborated|partnered|executed|organi[sz]ed|produced)\b", re.MULTILINE)
_NAMES_SENTENCE = re.compile(r"(?<=[\u201d\"]\.\s)((?:[A-Z][\w\u00c0-\u017f&'\-]*(?:\s+[\w\u00c0-\u017f&'\-]+){0,3}"
                             r"(?:,\s+)?){1,5})\.(?=\s)")
_NOT_ALONE = frozenset({"Basel", "Rotterdam", "Stockholm", "Minamata", "Partnership", "Partners", "Partner", "Secretariat", "Parties", "Party", "Government",
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
    if len(name) <= 2:
        return False  # 'TV', 'EU'-length tokens need the reference list
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
        spans.append((m.start(1), m.start(1) + len(item)))
        sep = re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:the\s+)?|\s*/\s*|\s+\u2013\s+)", text[m.start(1) + len(item):])
        if not sep:
            break
        pos = m.start(1) + len(item) + sep.end()
    return spans


def _contextual(text: str, persons: set[str], known: list[tuple[int, int]]) -> list[Found]:
    """Names that act as organisations: after 'funded by', 'partnership with', as the subject of 'is
    executing', in a list of partners after a quoted project title, or around a slash ('WWF/FFEM')."""
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
        group = 1 if m.group(1) else 2
        add(m.start(group), m.end(group), "the subject of an agent verb")
    for m in _NAMES_SENTENCE.finditer(text):
        for item in re.finditer(r"[^,]+", m.group(1)):
            a = m.start(1) + item.start() + (len(item.group(0)) - len(item.group(0).lstrip()))
            add(a, m.start(1) + item.end(), "listed as a partner after a project title")
    def in_symbol(pos: int) -> bool:  # 'UNEP/MC/COP.4/27' is a document symbol, not a pair of bodies
        return in_document_symbol(text, pos)

    for m in re.finditer(r"([\w.\-]+)\s*/\s*([A-Z][A-Za-z]{1,10})\b", text):
        if in_symbol(m.start(2)):
            continue
        if is_acronym(m.group(2)) and any(a < m.end(1) <= b for a, b in known):
            add(m.start(2), m.end(2), "paired with an organisation by a slash")
    for m in re.finditer(r"\b([A-Z][A-Za-z]{1,10})\s*/\s*([\w\-]+)", text):
        if in_symbol(m.start(1)):
            continue
        if is_acronym(m.group(1)) and any(a <= m.start(2) < b for a, b in known):
            add(m.start(1), m.end(1), "paired with an organisation by a slash")
    for m in _POSTPOSED.finditer(text):
        g = 1 if m.group(1) else 2
        if g == 2 or is_acronym(m.group(1)):
            add(m.start(g), m.end(g), "named with 'driven'/'led' or '(member of'")
    for pattern in (_LIST_ON_BEHALF, _AS_PARTNERS):
        for m in pattern.finditer(text):
            for item in re.finditer(r"[A-Z][\w\-]+", m.group(1)):
                add(m.start(1) + item.start(), m.start(1) + item.end(), "listed as partners")
    for m in re.finditer(r"\bhost country,?\s+", text):
        for c in find_countries(text[m.end():m.end() + 40])[:1]:
            if c.start == 0:
                add(m.end(), m.end() + c.end, "the host country, named by")
    return found


@lru_cache(maxsize=16)
def _text_only_rules(text: str, definitions: tuple[Definition, ...]) -> tuple[tuple[Found, ...], ...]:
    """The rules that read only the text (not the people found in it), remembered: a document is read
    for organisations twice, before and after its people are known.

    Returns (well-known, defined and renamed bodies; governments; lower-case heads)."""
    known = (*_reference(text), *_definitions(text, list(definitions)), *_translated_acronyms(text, list(definitions)),
             *_renames(text))
    return known, tuple(_governments(text)), tuple(_lower_heads(text))


def _copies(found: tuple[Found, ...]) -> list[Found]:
    """Fresh copies of remembered finds, so that renaming one never changes the remembered one."""
    return [replace(f, props=dict(f.props)) for f in found]


def find_organizations(text: str, doc: Document | None = None, persons: set[str] | None = None,
                       definitions: list[Definition] | None = None, context: bool = True) -> list[Found]:
    """Every organisation mention in ``text``, in text order (nested names are kept).

    ``context`` adds names found only by how they act ('funded by X'); it needs ``persons``
    to tell people from organisations, so a first pass without people leaves it off."""
    definitions = find_definitions(text) if definitions is None else definitions
    known, governments, lower = (_copies(part) for part in _text_only_rules(text, tuple(definitions)))
    covered = [(f.start, f.end) for f in known]
    found = [*known, *governments, *_headed_names(text, persons or set(), covered), *lower]
    if context:
        taken = [(f.start, f.end) for f in found]
        found += [f for f in _contextual(text, persons or set(), taken)
                  if not any(a <= f.start < b or f.start <= a < f.end for a, b in taken)]
    if doc is not None:
        found += _partner_headings(doc)
    _, _, lookup = _reference_pattern()
    for f in found:
        ref = lookup.get(name_key(f.name))
        if ref and f.name != ref[0]:
            f.aliases = (*f.aliases, f.name)
            f.name, f.kind, f.rule = ref[0], ref[1], f.rule + "; named as a well-known body"
    return sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
