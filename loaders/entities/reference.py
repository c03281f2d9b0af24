"""Well-known bodies from the reference list, by name (any case, several words) or acronym (case-sensitive):
"UNEP", "Global Environment Facility", "intergovernmental negotiating committee". An acronym inside a UN
document symbol ('UNEP/MC/COP.4/27') or followed by a number ('INC7', 'COP-4': a meeting) is not the body.

>>> [(f.name, f.rule) for f in well_known_bodies("UNEP and the Global Environment Facility met at INC7.")]
[('Global Environment Facility', 'reference name'), ('United Nations Environment Programme', 'reference acronym')]
"""

from __future__ import annotations

import re
from functools import cache

from loaders.entities.acronyms import is_acronym
from loaders.entities.found import Found, name_key
from loaders.gazetteers.mention import flexible, starts_with
from loaders.entities.governments import with_article
from loaders.gazetteers.countries import find_countries
from schema.reference import country_name, instruments, organizations


@cache
def reference_pattern() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    """Names (case-insensitive, several words) and acronyms (case-sensitive) of well-known bodies."""
    lookup: dict[str, tuple[str, str]] = {}
    names, acronyms = [], []
    for org in organizations():
        forms = (org.name, *org.aliases)
        # the UN's bodies are named with 'UN' as often as in full ('UN Development Programme')
        forms += tuple("UN " + f[len("United Nations "):] for f in forms if f.startswith("United Nations "))
        # and as often in American spelling ('United Nations Development Program')
        forms += tuple(f.replace("Programme", "Program") for f in forms if "Programme" in f)
        for form in forms:
            lookup[name_key(form)] = (org.name, org.kind)
            (acronyms if is_acronym(form) and " " not in form else names).append(form)
    name_alt = "|".join(flexible(n) for n in sorted(set(names), key=len, reverse=True))
    acr_alt = "|".join(re.escape(a) for a in sorted(set(acronyms), key=len, reverse=True))
    name_re = re.compile(rf"(?<![\w\-]){starts_with(names, ignore_case=True)}(?:{name_alt})(?![\w\-])",
                         re.IGNORECASE)
    # an acronym followed by a digit or '-4' names a meeting (INC7, COP-4, COP 4), not the body, but one before an
    # amount or a year is the body ('GEFTF 500,000' in a financing table); one joined to a place by a hyphen names
    # a branch of its own ('WWF-Guianas')
    acr_re = re.compile(rf"(?<![\w\-.])(?<![^A-Z]/){starts_with(acronyms)}(?:{acr_alt})"  # 'EEB/ZMWG', no URL's
                        rf"(?![\w]|-\d|-[A-Z][a-z]|\s\d{{1,3}}(?![\d,])|\.\w)")
    return name_re, acr_re, lookup


def in_document_symbol(text: str, pos: int) -> bool:
    """Is ``pos`` inside a UN document symbol such as 'UNEP/MC/COP.4/27' or 'UNEP(DTIE)/Hg/INC.6/13'?"""
    start = pos
    while start > 0 and re.match(r"[\w.()/\-]", text[start - 1]):
        start -= 1
    chain = re.match(r"[\w.()/\-]+", text[start:])
    token = chain.group(0) if chain else ""
    return token.count("/") >= 2 or (token.count("/") == 1 and bool(re.search(r"\d", token)))


def well_known_bodies(text: str) -> list[Found]:
    name_re, acr_re, lookup = reference_pattern()
    found = []
    for pattern, rule in ((name_re, "reference name"), (acr_re, "reference acronym")):
        for m in pattern.finditer(text):
            if pattern is acr_re and in_document_symbol(text, m.start()):
                continue
            hit = lookup.get(name_key(m.group(0)))
            if hit:
                name = own_country_body(text, hit[0], m.group(0)) or hit[0]
                region = _regional_branch(text, m.end()) if hit[1] == "ngo" else None
                if region is not None:  # 'HCWH Europe': the NGO's regional branch, a body of its own
                    said = text[m.start():m.end() + region]
                    found.append(Found("Organization", f"{hit[0]} {text[m.end():m.end() + region].strip()}",
                                       m.start(), m.end() + region, (said,), hit[1], f"{rule} and its region"))
                    continue
                found.append(Found("Organization", name, m.start(), m.end(), (m.group(0),), hit[1], rule))
    return found


#: the regions an NGO's branch is named after, longest first ('Health Care Without Harm Latin America')
BRANCH_REGIONS = ("Latin America and the Caribbean", "Asia and the Pacific", "Southeast Asia", "South-East Asia",
                   "South Asia", "Latin America", "Asia-Pacific", "Asia Pacific", "Middle East", "Europe", "Africa",
                   "Asia")


def _regional_branch(text: str, end: int) -> int | None:
    """How far the name of a region runs after a well-known NGO's name ending at ``end``, where it names the NGO's
    branch there ('HCWH Southeast Asia is the regional office of ...'; not 'HCWH Europe Office', a unit of one).

    >>> t = "Health Care Without Harm Southeast Asia is the regional office"
    >>> _regional_branch(t, 24), _regional_branch("HCWH Europe Office", 4), _regional_branch("HCWH in Europe", 4)
    (15, None, None)
    """
    for region in BRANCH_REGIONS:
        if text.startswith(" " + region, end):
            after = text[end + 1 + len(region):end + 3 + len(region)]
            return None if after[:1].isalnum() or after[1:2].isupper() else 1 + len(region)
    return None


def own_country_body(text: str, canonical: str, said: str) -> str | None:
    """A country's body named by a form any country's body goes by ('EPA', 'Environmental Protection Agency'), in
    a document that never names that country: the body of the document's own country, not the reference's ('the
    EPA' of a page on Ghana's project is Ghana's agency). Its name: the form without the country, 'of' the one
    country the document names (else none). None where the reference's body is meant.

    >>> own_country_body("Director of EPA, in Accra, Ghana", "United States Environmental Protection Agency", "EPA")
    'Environmental Protection Agency of Ghana'
    >>> own_country_body("EPA of the U.S.", "United States Environmental Protection Agency", "EPA") is None
    True
    """
    home = find_countries(canonical)
    if not home or home[0].start != 0 or find_countries(said):
        return None
    bare = canonical[home[0].end:].strip()
    spelled = "".join(w[0] for w in bare.split() if w[:1].isupper())
    named = {c.key: c for c in find_countries(text)}
    if said not in (bare, spelled) or home[0].key in named:
        return None
    if len(named) != 1:
        return bare
    return f"{bare} of {with_article(country_name(next(iter(named))) or next(iter(named.values())).surface)}"


@cache
def _instrument_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup = {name_key(form): i.name for i in instruments() for form in (i.name, *i.forms)}
    forms = sorted({f for i in instruments() for f in (i.name, *i.forms)}, key=len, reverse=True)
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(flexible(f) for f in forms)})(?![\w\-])", re.IGNORECASE), lookup


def convention_instruments(text: str) -> list[Found]:
    """Programmes the Convention itself establishes, in any case: 'the specific international programme to
    support capacity-building and technical assistance referred to in paragraph 6 (b) of article 13'.

    >>> [(f.node_type, f.name) for f in convention_instruments("hosting the specific international programme")]
    [('Project', 'Specific International Programme to support capacity-building and technical assistance')]
    """
    pattern, lookup = _instrument_pattern()
    return [Found("Project", lookup.get(name_key(m.group(0)), m.group(0)), m.start(), m.end(), (m.group(0),),
                  None, "convention instrument") for m in pattern.finditer(text)]


def is_convention_instrument(name: str) -> bool:
    """Is ``name`` one of the Convention's own programmes (or a longer name of one)? They are the
    Convention's, not any partnership area's work.

    >>> is_convention_instrument("Specific International Programme of the Minamata Convention")
    True
    """
    pattern, _ = _instrument_pattern()
    return bool(pattern.match(name))
