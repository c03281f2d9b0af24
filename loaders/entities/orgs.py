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
['Government of Spain', 'Government of Uruguay', 'Biodiversity Research Institute', 'Biodiversity Research Institute', 'Biodiversity Research Institute', 'Biodiversity Research Institute']
"""

from __future__ import annotations

import re
from functools import cache

from loaders.entities.acronyms import CONNECTORS, Definition, find_definitions, is_acronym
from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import entity_type, organization_kind
from loaders.gazetteers.countries import find_countries
from loaders.gazetteers.mention import flexible
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
    name_re = re.compile(rf"(?<![\w\-])(?:{name_alt})(?![\w\-])", re.IGNORECASE)
    # an acronym followed by a digit or '-4' names a meeting (INC7, COP-4), not the body
    acr_re = re.compile(rf"(?<![\w\-./])(?:{acr_alt})(?![\w]|-\d|\s\d|\.\w)")
    return name_re, acr_re, lookup


def _reference(text: str) -> list[Found]:
    name_re, acr_re, lookup = _reference_pattern()
    found = []
    for pattern, rule in ((name_re, "reference name"), (acr_re, "reference acronym")):
        for m in pattern.finditer(text):
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


def _governments(text: str) -> list[Found]:
    found: list[Found] = []
    for m in _GOVERNMENTS.finditer(text):
        # the country list that follows: "Spain and Uruguay", "Austria, Belgium, ... and Sweden"
        tail = text[m.end():m.end() + 400]
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
    if not re.search(_HEAD_OF.pattern.lstrip("^") + r"\s+(?:of|for)\b", before):
        return False
    ends_qualified = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w\s]+)$", segment)
    return bool(re.search(r"\sand\s", segment)) and bool(
        ends_qualified and (find_countries(ends_qualified.group(1)) or re.fullmatch(r"[A-Z]{2,8}", ends_qualified.group(1))))


def capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised names: capitalised words joined by connectors ('of', 'for', 'and', ...)."""
    runs: list[tuple[int, int]] = []
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.group(0)[:1].isupper():
            i += 1
            continue
        start, end, j, last_cap = tok.start(), tok.end(), i + 1, i
        while j < len(tokens):
            gap = text[tokens[j - 1].end():tokens[j].start()]
            if gap == ", " and not _comma_continues(text, start, tokens[j].start()):
                break
            if not (gap in (" - ", "-", ", ") or (gap.isspace() and "\n\n" not in gap and len(gap) <= 3)):
                break
            if "\n" in gap and tokens[j - 1].end() - text.rfind("\n", 0, tokens[j - 1].end()) < 60:
                break  # a short line (a masthead or slide line) ends the name
            word = tokens[j].group(0)
            if word[:1].isupper():
                last_cap = j
                end = tokens[j].end()
            elif word.lower() not in CONNECTORS or word == "in":
                break
            elif word.lower() == "the" and tokens[j - 1].group(0).lower() not in CONNECTORS:
                break  # 'of the', 'for the' join a name; 'Convention the Partnership' does not
            elif word.lower() in ("of", "for", "on", "to") and tokens[j - 1].group(0).lower() == "and":
                break  # '... of UNEP and of the United Nations ...' coordinates two phrases
            j += 1
        runs.append((start, end))
        i = max(j, i + 1)
    return runs


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
            if _within(covered, begin, begin + len(name)) or _in_quotes(text, begin):
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
        if entity_type(inner) == "Organization" and len(inner.split()) >= 2 and not find_countries(inner) == [
                ] is False:
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


def _in_quotes(text: str, pos: int) -> bool:
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
    run = text[start:end]
    for m in re.finditer(r"\s+and\s+(the\s+)?", run):
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


def find_organizations(text: str, doc: Document | None = None, persons: set[str] | None = None,
                       definitions: list[Definition] | None = None) -> list[Found]:
    """Every organisation mention in ``text``, in text order (nested names are kept)."""
    definitions = find_definitions(text) if definitions is None else definitions
    known = [*_reference(text), *_definitions(text, definitions)]
    covered = [(f.start, f.end) for f in known]
    found = [*known, *_governments(text), *_headed_names(text, persons or set(), covered), *_lower_heads(text)]
    if doc is not None:
        found += _partner_headings(doc)
    _, _, lookup = _reference_pattern()
    for f in found:
        ref = lookup.get(name_key(f.name))
        if ref and f.name != ref[0]:
            f.aliases = (*f.aliases, f.name)
            f.name, f.kind, f.rule = ref[0], ref[1], f.rule + "; named as a well-known body"
    return sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
