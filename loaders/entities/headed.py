"""Organisations named by their head word: capitalised names headed like a body ("Ministry of the
Environment of Japan", "Dartmouth College", "University of British Columbia", "Alliance for Responsible
Mining"), the bodies named inside them, lower-case heads ("Coodmilla cooperative", "GEF secretariat"), and
partner headings (a bullet that is nothing but a short name: "- Appelglobal").

>>> [f.name for f in headed_names("funded by the Ministry of the Environment of Japan; Dartmouth College agreed.",
...                               set(), [])]
['Ministry of the Environment of Japan', 'Dartmouth College']
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.entities.acronyms import CONNECTORS, is_acronym
from loaders.entities.people import PARTICLE, TITLE_WORDS, plausible_name
from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import carried_out, entity_type, organization_kind, remit_programme
from loaders.entities.reference import BRANCH_REGIONS, reference_pattern
from loaders.entities.titles import ORDINALS, numbered_meeting
from loaders.entities.runs import (HEAD_OF, NOT_NAMES, SUB_UNIT, capitalised_runs, continues_portfolio,
                                   in_quoted_title, strip_role)
from loaders.gazetteers.countries import find_countries, is_country_name
from loaders.spans import Spans
from loaders.words import WEEKDAYS
from schema import Document
from schema.reference import demonyms


def headed_names(text: str, persons: set[str], covered: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    index = Spans(covered)
    for start, end in capitalised_runs(text):
        run = text[start:end]
        named = frozenset(p for p in persons if p in run)  # only a person in the run changes its split
        for part_start, part_end in _split_and_cached(text, start, end, named):
            candidate = _candidate(text, part_start, part_end)
            if candidate is None:
                continue
            name, begin = candidate
            if _within(index, begin, begin + len(name)) or in_quoted_title(text, begin):
                continue
            before = text[max(0, begin - 14):begin].split()[-1:]  # 'the second Conference of the Parties'
            meeting = numbered_meeting(f"{before[0]} {name}", text.rfind(before[0], 0, begin), begin + len(name)) \
                if before and before[0] in ORDINALS else None
            if meeting is not None:
                found.append(meeting)
                continue
            if name.split()[0].lower() in ORDINALS:  # 'The First Conference of the Parties will take place'
                found.append(numbered_meeting(name, begin, begin + len(name)) or Found(
                    "Event", name, begin, begin + len(name), (name,), None, "a body's numbered meeting"))
                continue
            if name.isupper() and len(name.split()) >= 2 and entity_type(name.split()[-1].capitalize()) is not None:
                continue  # a heading in capitals ('OUR TEAM', 'PARTNERSHIP SECRETARIAT'), not a body's name
            if name.endswith(" Initiative") and carried_out(text[begin + len(name):begin + len(name) + 40]):
                continue  # 'X Initiative, implemented by Y': work, a project's name (loaders.entities.titles)
            if (unit := _unit_of_body(name)) is not None:  # 'Environmental Health Department of MOEJ': two bodies
                found.extend(_headed(name[:unit[0]], begin, "a unit before its body's name"))
                found.extend(_headed(name[unit[1]:], begin + unit[1], "the body after its unit's name"))
                continue
            found.extend(_headed(name, begin, "name headed by an organisation word"))
            found.extend(_nested(name, begin))
    return found


def _headed(name: str, begin: int, why: str) -> list[Found]:
    """One organisation find of ``name`` at ``begin``, its kind by its name."""
    kind, rule = organization_kind(name)
    return [Found("Organization", name, begin, begin + len(name), (name,), kind, f"{why}; kind: {rule}")]


def _unit_of_body(name: str) -> tuple[int, int] | None:
    """Where a unit's name ends and its body's begins: 'Chemicals and Health Branch of UNEP', 'Environmental
    Health Department of the Ministry of Health'; not 'Department of Environment', whose 'of' names its remit.

    >>> _unit_of_body("Environmental Health Department of MOEJ"), _unit_of_body("Division of Environment of Fiji")
    ((31, 35), None)
    """
    m = re.match(r"((?:[A-Z][\w\-]*,?\s+(?:and\s+|&\s+)?){1,5}?" + SUB_UNIT.pattern + r")\s+of\s+(?:the\s+)?", name)
    if m is None:
        return _unit_of_university(name)
    body = name[m.end():]
    if not (is_acronym(body) or name_key(body) in reference_pattern()[2] or (
            len(body.split()) >= 2 and _typed(body) == "Organization")):
        return None
    return m.end(1), m.end()


def _unit_of_university(name: str) -> tuple[int, int] | None:
    """Where a unit named by its field ends and its university's name begins: 'Department of Environmental
    Engineering of Middle East Technical University'.

    >>> _unit_of_university("Department of Environmental Engineering of Middle East Technical University")
    (39, 43)
    >>> _unit_of_university("Department of Environment of Jordan")
    """
    if not SUB_UNIT.match(name) or " of " not in name or "," in name:
        return None  # ('Department of Dermatology, College of Medicine, University of Lagos' is read elsewhere)
    at = name.find(" of ", name.index(" of ") + 4)
    while at >= 0:
        body_at = at + 4 + (4 if name.startswith("the ", at + 4) else 0)
        body = name[body_at:]
        if {"University", "Universidad", "Universidade", "Université", "College"} & set(body.split()) and \
                len(body.split()) >= 2 and _typed(body) == "Organization":
            return at, body_at
        at = name.find(" of ", at + 4)
    return None


def _after_country_possessive(name: str) -> int | None:
    """Where a name goes on after the country whose possessive opens it ("Costa Rica's Caja ..."), else None.

    >>> _after_country_possessive("Costa Rica's Caja Costarricense"), _after_country_possessive("Caja Costarricense")
    (13, None)
    """
    owner = next((c for c in find_countries(name) if c.start == 0), None)
    return owner.end + 3 if owner is not None and name[owner.end:owner.end + 3] in ("'s ", "\u2019s ") else None


#: "MINAM's General Directorate of ...", "the Ministry's Secretariat for Environmental Quality", "UNITAR's Chemicals and
#: Waste Management Programme": the unit
_OWNED_UNITS = frozenset({"Directorate", "Secretariat", "Programme"})


@lru_cache(maxsize=8192)
def _candidate(text: str, part_start: int, part_end: int) -> tuple[str, int] | None:
    """The organisation's name a part of a capitalised run gives, and where it begins (remembered: a document
    is read for organisations twice)."""
    raw = text[part_start:part_end]
    name = strip_role(clean_name(raw))
    words = name.split()
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    if words and re.fullmatch(r"[A-Z][\w\-]*['\u2019]s", words[0]) and (
            find_countries(words[0][:-2]) or ((SUB_UNIT.search(" ".join(words[1:])) or _OWNED_UNITS & set(words[1:]))
                                              and (is_acronym(words[0][:-2]) or _typed(words[0][:-2])))):
        words = words[1:]  # "Uganda's National Environment Management Authority": the body, not the country;
        #                    "UNEP's Chemicals and Health Branch", "BRI's Center for Mercury Studies": the unit
    name = " ".join(words)
    if (after := _after_country_possessive(name)) is not None:
        name = name[after:]  # "Costa Rica's Caja Costarricense de Seguro Social": the body, not the country
        words = name.split()
    body, on, day = name.rpartition(" on ")
    if on and day in WEEKDAYS:
        name = body  # 'The Ministry of Natural Resources on Tuesday launched ...': the ministry
        words = name.split()
    trailing_place = re.search(r"\s+(?:in|at)\s+[A-Z][\w\s]*$", name)
    if trailing_place and find_countries(trailing_place.group(0)):
        name = name[:trailing_place.start()]  # 'International Energy Agency in China'
        words = name.split()
    if name.startswith("Department of "):  # 'Department of Environment and Natural Resources, Philippines' (or
        for link in (", ", " of the ", " of "):  # 'of the Philippines'): the department, and where it is
            head, _, place = name.rpartition(link)
            if " of " in head and is_country_name(place):
                name = head
                words = name.split()
                break
    while words and len(words[-1]) == 1:  # 'Conference of the Parties A' (a heading letter below)
        words = words[:-1]
    name = " ".join(words)
    if (len(words) < 2 or not name[:1].isupper() or entity_type(name) != "Organization"
            or name.endswith("of the Partnership") or _generic(words) or _department_of_country(name)
            or _is_government(name)):
        return None
    if name.split()[-1].lower() in CONNECTORS or _names_an_area(name):
        return None
    return name, part_start + raw.find(words[0])


@lru_cache(maxsize=4096)
def _split_and_cached(text: str, start: int, end: int, persons: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """_split_and, remembered: a document's runs are split twice, before and after its people are known."""
    return tuple(_split_and(text, start, end, set(persons)))


def _nested(name: str, begin: int) -> list[Found]:
    """Bodies named inside a longer name: 'Chemicals and Waste Branch of the Division of Technology,
    Industry and Economics of UNEP' names the Division too; 'Graduate School ..., Kyoto University'."""
    out = []
    for m in re.finditer(r"\s(?:of|for)\s+the\s+(?=[A-Z])|,\s+(?=[A-Z])", name):
        inner = name[m.end():]
        if m.group(0).startswith(",") and not SUB_UNIT.match(name):
            continue  # 'University of Illinois at Chicago, Great Lakes Center ...' names a unit, not another body
        if entity_type(inner) == "Organization" and len(inner.split()) >= 2:
            kind, rule = organization_kind(inner)
            out.append(Found("Organization", inner, begin + m.end(), begin + len(name), (inner,), kind,
                             f"named inside a longer name; kind: {rule}"))
    return out


def _within(covered: Spans, start: int, end: int) -> bool:
    """Inside a longer known name, or made of known names end to end ('Global Mercury Partnership
    Partnership Advisory Group' on a masthead)."""
    near = covered.overlapping(start, end)
    if any(a <= start and end <= b and (b - a) > (end - start) for a, b in near):
        return True
    inside = sorted((max(a, start), min(b, end)) for a, b in near)
    reach, total = start, 0
    for a, b in inside:
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return len(inside) >= 2 and total >= 0.9 * (end - start)


def _is_government(name: str) -> bool:
    """'Danish Government', 'Uganda Government': left to the government rule, which names them properly."""
    m = re.fullmatch(r"(.+?)\s+Government", name)
    return bool(m) and (m.group(1) in demonyms() or bool(find_countries(m.group(1))))


_LOWER_HEAD = re.compile(r"(?<![\w\-])((?:[A-Z][\w'\u2019\-]*\s+){1,3})(cooperative|secretariat|foundation)\b")
_SECRETARIAT_OF = re.compile(r"\b[Ss]ecretariat of the ((?:[A-Z][\w\-]*,?\s+(?:and\s+)?){1,4}[Cc]onventions?)\b")


def lower_heads(text: str) -> list[Found]:
    """'Coodmilla cooperative', 'GEF secretariat', 'the secretariat of the Stockholm Convention'."""
    found = []
    for m in _LOWER_HEAD.finditer(text):
        words = [w for w in m.group(1).split() if w not in NOT_NAMES]
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
    """'ASGM Partnership', 'Partnership on Fate and Transport', 'ASGM Partnership Area of the UNEP Global Mercury
    Partnership': a partnership area, not a body.

    >>> _names_an_area("ASGM Partnership Area of the UNEP Global Mercury Partnership")
    True
    """
    from loaders.gazetteers.areas import find_areas

    if re.search(r"\b[Pp]artnership [Aa]rea of the (?:UNEP )?Global Mercury Partnership$", name):
        name = name[:name.lower().rfind(" of the ")]  # '... Partnership Area of the UNEP Global Mercury Partnership'
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
    return bool(m) and is_country_name(m.group(1))


def _typed(name: str) -> str | None:
    """entity_type, with well-known bodies ('UNEP') counted as organisations."""
    _, _, lookup = reference_pattern()
    return "Organization" if name_key(name) in lookup else entity_type(name)


def _complete_government(name: str) -> bool:
    """'Government of Costa Rica': a government named by its whole country, to which nothing more belongs.

    >>> _complete_government("Government of Costa Rica"), _complete_government("Government of Costa Rica Ministry")
    (True, False)
    """
    return name.startswith("Government of ") and is_country_name(name[len("Government of "):])


def _split_and(text: str, start: int, end: int, persons: set[str]) -> list[tuple[int, int]]:
    """Split 'Ministry of the Environment of Japan and Misuzu Asari' where both sides are names, a person 'of' a
    body ('Peter Nelson of Macquarie University', 'Hans Berg of the Swedish Chemicals Agency') and a unit 'at the'
    body it belongs to."""
    from loaders.gazetteers.areas import find_areas

    run = text[start:end]
    person = re.match(r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?([A-Z][\w'\u2019\-]+(?:\s+(?:" + PARTICLE + r"\s+)*"
                      r"[A-Z][\w'\u2019\-.]+){1,2})\s+of\s+"
                      r"(?:the\s+)?(?=[A-Z])", run)
    body = clean_name(re.split(r"\s+and\s+", run[person.end():])[0]) if person else ""
    if person and _typed(body) != "Organization":
        body = clean_name(run[person.end():])  # 'Sarah Oduya of the Chemicals and Health Branch of UNEP'
    if person and plausible_name(person.group(1)) and entity_type(person.group(1)) is None and not any(
            w in NOT_NAMES or w.lower().rstrip("s") in TITLE_WORDS for w in person.group(1).split()) \
            and _typed(body) == "Organization":  # 'Peter Nelson of Macquarie University'
        return [(start, start + person.end(1)), *_split_and(text, start + person.end(), end, persons)]
    dash = re.search(r"\s[-\u2013\u2014]\s+(?=[A-Z])", run)  # 'Carlos Rivera - Ministry of Mines and Energy, ...'
    if dash and plausible_name(clean_name(run[:dash.start()])) and entity_type(clean_name(run[:dash.start()])) is None \
            and _typed(clean_name(run[dash.end():])) == "Organization":
        return [(start, start + dash.start()), *_split_and(text, start + dash.end(), end, persons)]
    for m in re.finditer(r"\s+at\s+(?:the\s+)?(?=[A-Z])", run):  # 'Environmental Policy Implementation Department at
        left, right = clean_name(run[:m.start()]), clean_name(run[m.end():])  # the Ministry of ...': two bodies
        left = strip_role(left)  # 'Head of the Division of Oral Health at the Ministry of Health': the division
        if left.split()[-1:] and left.split()[-1].lower() in TITLE_WORDS and _typed(right) == "Organization":
            return _split_and(text, start + m.end(), end, persons)  # 'Pacific Program Coordinator at ...': a role
        if len(left.split()) >= 2 and _typed(left) == "Organization" and (
                _typed(right) == "Organization" or is_acronym(right)):  # '... Division at UNIDO'
            return [*_split_and(text, start, start + m.start(), persons),
                    *_split_and(text, start + m.end(), end, persons)]
    for country in find_countries(run):  # 'Ministry of Climate Change Pakistan Department of Environment ...': a
        rest = run[country.end:].lstrip()    # sheet's cells run together; the country ends the first body
        after = end - len(rest)
        if run[:country.start].rstrip().removesuffix(" the").endswith((" and", " &")):
            continue  # '... and the Samoa Ministry of ...': the country opens the next body's name
        if after > start + country.end and HEAD_OF.match(rest) and \
                _typed(clean_name(run[:country.end])) == "Organization" and _typed(clean_name(rest)) == "Organization":
            return [(start, start + country.end), *_split_and(text, after, end, persons)]
    areas = [(a.start, a.end) for a in find_areas(run)]
    for m in re.finditer(r"\s+and\s+(the\s+)?", run):
        if any(a < m.start() < b for a, b in areas) or remit_programme(clean_name(run)):
            continue  # 'Partnership on Fate and Transport' names an area, '... Chemicals and Waste Management
            #           Programme' a unit: no split inside it
        left, right = run[:m.start()], run[m.end():]
        portfolio = re.split(r"\s+and\s+", right)[0].strip()
        if m.group(1) is None and continues_portfolio(clean_name(left), portfolio) and \
                name_key(clean_name(portfolio)) not in reference_pattern()[2]:  # 'Ministry of Public Health and
            continue  # Health Care Without Harm': two bodies; 'Ministry of Mines and Strategic Resources': one
        left_type, right_type = _typed(clean_name(left)), _typed(clean_name(right))
        owned = _after_country_possessive(right)  # 'Ministry of Health of Argentina and Costa Rica's Caja ...'
        if owned is not None and left_type == "Organization" and _typed(clean_name(right[owned:])) == "Organization":
            return [(start, start + m.start()), *_split_and(text, start + m.end(), end, persons)]  # two bodies
        known = reference_pattern()[2]
        if m.group(1) is None and left_type != "Organization" and _coordinated_unit(left, right) and not (
                name_key(clean_name(portfolio)) in known or name_key(clean_name(left)) in known):
            continue  # '... of the UNEP Industry and Economy Division': one unit's name; not 'United Nations and
            #           World Bank'
        if m.group(1) and right_type is None and clean_name(left).startswith(_PORTFOLIO_BODIES):
            continue  # 'Department of Forestry, Fisheries and the Environment': one portfolio
        person = any(right.startswith(p) for p in persons)
        several_words = len(clean_name(right).split()) >= 2
        left_words, right_words = len(clean_name(left).split()), len(clean_name(right).split())
        left_ok = left_type == "Organization" or (m.group(1) is not None and right_type == "Organization") or (
            right_type == "Organization" and (right_words >= 3 and (left_words >= 2 or is_acronym(clean_name(left))) or
                                              right_words == 2 and left_words == 1 and is_acronym(clean_name(left))))
        # 'MNRE and Chulalongkorn University': an acronym's body, then another
        right_ok = right_type is not None or person or (m.group(1) is not None and left_type is not None
                                                         and several_words) or (
            left_type == "Organization" and bool(re.match(r"(?:[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.?)+)(?:\s|$)", right)))
        # '... and UNEP IETC', 'Colorado School of Mines and I.R. Consilium'
        if right[:1].isupper() and (_complete_government(clean_name(left)) or (
                left_words >= 2 and _known_or_its_branch(clean_name(right)))):
            left_ok = right_ok = True  # 'Government of Costa Rica and Batrec', 'United Nations and World Bank'
        if left_ok and right_ok:
            right_start = start + m.end()
            # 'Misuzu Asari, Graduate School ...': a person's name, then the organisation
            lead = re.match(r"([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2}),\s+(?=[A-Z])", text[right_start:end])
            if lead and (lead.group(1) in persons or (entity_type(lead.group(1)) is None and entity_type(
                    clean_name(text[right_start + lead.end():end])) == "Organization")):
                right_start += lead.end()
            return [(start, start + m.start()), *_split_and(text, right_start, end, persons)]
    return [(start, end)]


def _known_or_its_branch(name: str) -> bool:
    """A well-known body's name, or its regional branch's ('Health Care Without Harm Europe').

    >>> _known_or_its_branch("Health Care Without Harm Europe"), _known_or_its_branch("Harm Europe")
    (True, False)
    """
    known = reference_pattern()[2]
    if name_key(name) in known:
        return True
    region = next((r for r in BRANCH_REGIONS if name.endswith(" " + r)), None)
    return region is not None and name_key(name[:-len(region) - 1]) in known


def _coordinated_unit(left: str, right: str) -> bool:
    """Whether 'and' joins two words of one unit's name: 'Chemicals and Health Branch', '... of the UNEP Industry
    and Economy Division' (the left ends with a capitalised word that heads nothing, the right is a word and the
    unit's head).

    >>> _coordinated_unit("Head of the UNEP Industry", "Economy Division"), _coordinated_unit("UNEP", "WHO Office")
    (True, False)
    >>> _coordinated_unit("Hazardous Substances", "Waste Management Directorate")
    True
    """
    words, after = left.split(), right.split()
    if len(after) == 3 and (SUB_UNIT.fullmatch(after[2]) or after[2] in ("Directorate", "Authority")) and \
            after[1][:1].isupper() and not after[1].isupper() and _typed(after[1]) is None:  # 'Tanzania Medicines and
        #                                                                                  Medical Devices Authority'
        after = [after[0], *after[2:]]  # 'Hazardous Substances and Waste Management Directorate'
    return len(after) >= 2 and (SUB_UNIT.fullmatch(after[1]) is not None or _typed(after[1]) == "Organization") and \
        after[0][:1].isupper() and \
        not after[0].isupper() and bool(words) and words[-1][:1].isupper() and not words[-1].isupper() and \
        _typed(words[-1]) is None


_PORTFOLIO_BODIES = tuple(f"{head} {link} " for head in ("Ministry", "Department", "Secretariat")
                          for link in ("of", "for"))


def _without_country(name: str) -> str:
    """A listed member's name without the country that says where it is ('Green Earth Society, Ghana', 'Toxics
    Free Asia – Philippines', 'Centro de Estudios Ambientales (Argentina)'); a public body keeps it, as its name
    takes it ('Ministry of Environment, Thailand').

    >>> _without_country("Toxics Free Asia – Philippines"), _without_country("Ministry of Environment, Thailand")
    ('Toxics Free Asia', 'Ministry of Environment, Thailand')
    """
    for separator in (", ", " (", " \u2013 ", " - ", " \u2014 "):
        head, _, tail = name.rpartition(separator)
        if head and is_country_name(tail.rstrip(")")):
            return name if organization_kind(head)[0] in ("government", "intergovernmental") else head
    return name


def partner_headings(doc: Document) -> list[Found]:
    """'- Appelglobal' or '- **Pure Earth** is ...': a bullet that opens with just a name."""
    found = []
    for block in doc.walk():
        if block.kind != "bullet":
            continue
        own = doc.text[block.start:block.end]
        m = re.match(r"[-\u2022*]\s+\*\*([^*\n]{2,60})\*\*", own) or re.match(r"[-\u2022*]\s+([^\n]{2,60})$", own)
        if not m:
            continue
        said = clean_name(m.group(1))
        if "," in said and plausible_name(said.split(",")[0]):
            continue  # '- William Pan, Duke University', '• Dr. Linroy Christian, Antigua and Barbuda': a person
        name = _without_country(said)
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
