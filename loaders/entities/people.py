"""Find the people a document names, and whom they speak for, as texts list them.

A person is found at an *anchor* and read with the *tail* that follows the name.

Anchors:

1. an honorific and a capitalised name: "Ms. Lesley Sloss", "Dr. Peter Nelson"; a later "Mr. Duer" or
   "Professor Veiga" is the person named in full before;
2. a name opening brackets, a list item or a line, after its label: "(Alan Kreisberg, Lafarge, France)",
   "- Introduction – Franz Mayer De La Rosa, UNIDO", "For Africa:  Sam Adu-kumi (Ghana) and Younous
   Adoum Abdallah (Chad)", "Ana García González, Ministerio de ...";
3. the speaker of a quote and the agent of a meeting role: "said Achim Halpaap, Head of ...", "says David
   Evers, executive director of BRI", "moderated by Jane Dennison from the U.S Department of State";
4. a role before the name: "the PAG co-chairs, Rodges Ankrah, ..., and Teeraporn Wiriwutikorn";
5. a name with its affiliation in brackets: "Zaigham Abbas (Ministry of Climate Change, Pakistan)";
6. the statistical model's PERSON spans (``loaders.syntax``), where a sentence holds a name-shaped phrase
   no rule explains;
7. authors of a cited work: "(de Haan, Jorden; Dales, Kirsten; ..." and "Veiga, M.M. and Fadina, O. (2020)".

The tail (``read_tail``) is what follows the name up to the end of its brackets, line or clause: ", Org",
" (Org, Country)", " - Org - Country", ", Role of Org", ", a Org consultant", " from Org", ", Co-lead of
<area>". An organisation there is the person's affiliation; a country alone means its government, unless
the list the person is in names the body they sit on ("The Members of the Governing Board of X are:").
In brackets and in list lines, a capitalised phrase in an organisation's place is an organisation even
when no other rule knows it ("Lafarge" in "(Alan Kreisberg, Lafarge, France)").

>>> [(p.name, p.props.get("affiliation")) for p in find_people(
...     "Ms. Karissa Kovner (USEPA) on Products; later Ms. Kovner said so.", [])]
[('Karissa Kovner', 'USEPA'), ('Karissa Kovner', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from loaders.entities.acronyms import CONNECTORS, best_long_form, is_acronym
from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import LEGAL_FORMS, entity_type, organization_kind
from loaders.entities.runs import SUB_UNIT
from loaders.gazetteers.areas import find_areas
from loaders.gazetteers.countries import find_countries, is_country_name
from loaders.gazetteers.places import city_countries
from loaders.spans import line_spans
from loaders.words import HONORIFIC_BEFORE

#: the particles inside a person's name ('Ramon de la Cruz', 'Nguyen van ...')
PARTICLE = r"(?:de|De|van|Van|von|da|Da|del|Del|der|la|La|le|di|Di|dos|du|bin|al|el)"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017e"  # (Latin-1 and Extended-A; lower-case letters pass .islower)
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_NAME_WORD = (rf"(?:(?:Mc|Mac|[DNMO]['\u2019](?=[A-Z]))?"  # 'McQuilken', "O'Neill", "N'Guessan"
              rf"[{_UPPER}][{_LOWER}'\u2019]+(?:-[{_UPPER}{_LOWER}][{_LOWER}'\u2019]*)*|[A-Z]\.(?:\s?[A-Z]\.)*)")
_NAME = rf"{_NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{_NAME_WORD}){{0,3}}"
_INITIALS_NAME = rf"(?:[A-Z]{{2,3}}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)"  # 'WTB Dissanayake'
_ANY_NAME = rf"(?:{_INITIALS_NAME}|{_NAME})"
NAME_PAIR = re.compile(rf"(?<![\w\-]){_NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}")
# with the honorifics of South Asian and Philippine texts: 'Sh. Ritesh Kumar Singh', 'Engr. Wendell S. Gador'
_HONORIFIC = re.compile(rf"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|Sir|Madam|H\.E|Hon|Sh|Shri|Smt|Engr(?:['\u2019]s)?|Atty|Amb)\.?"
                        rf"\s+({_NAME})")


def _honorifics(text: str) -> Iterator[re.Match[str]]:
    """Every honorific and the name after it; a name that runs onto the next line does not swallow that line's
    own honorific ('Dr. Wanjiru Kamau-Otieno' / 'Dr. Kamau-Otieno is Head of ...').

    >>> [m.group(1).split("\\n")[0] for m in _honorifics("Dr. Ana Ruiz\\nDr. Ruiz is Head of X.")]
    ['Ana Ruiz', 'Ruiz']
    """
    pos = 0
    while (m := _HONORIFIC.search(text, pos)) is not None:
        yield m
        newline = text.find("\n", m.start(1), m.end(1))
        pos = newline if newline > 0 else m.end()


def opens_with_honorific(name: str) -> bool:
    """'Ms. Claude Lorea', 'Dr Jane Doe': a person's name, however a rule came to it.

    >>> opens_with_honorific("Ms. Claude Lorea"), opens_with_honorific("Msunduzi Municipality")
    (True, False)
    """
    return bool(_HONORIFIC.match(name))


_BRACKETED = re.compile(rf"(?<![\w\-])({_NAME_WORD}\s+(?:{PARTICLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*"
                        r"\(([^()\n]{2,160})\)")
_CITED = re.compile(rf"(?:(?<=[(;])|(?<=;\s)|(?<=\band\s)|(?<=:\s))((?:{PARTICLE}\s+)?[A-Z][\w'\-]+),"
                    r"\s+((?:[A-Z]\.\s?){1,3}|[A-Z][a-z\u00e0-\u017f\-]+)(?=[;.]|\s+and\b|\s*\()")
# where a listed name may open: a line or item (after its bullet, number and a 'Label – ' or 'Label:'), brackets
_SLOT_OPENING = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[-\u2022*\u25aa\u25cf\uf0b7|]\s*|\d{1,2}[.)]\s+)?(?:[^\n:,\u2013\u2014()]{2,60}?"
    r"(?:[ \t][\u2013\u2014-][ \t]|:\s+))?|\(\s*|(?<=\sand\s)|(?<=;\s)", re.MULTILINE)
_SPEAKER = re.compile(r"\b(?:said|says|added|adds|noted|notes|stated|states|explained|explains|remarked|commented|"
                      r"emphasi[sz]ed|stressed|told|according to|moderated by|chaired by|presented by|opened by|"
                      r"facilitated by|introduced by|delivered by|welcomed by|hosted by)\s+(?:by\s+)?")
ROLE_WORDS = ("head", "director", "executive director", "deputy director", "director-general", "director general",
              "chair", "co-chair", "chairperson", "chairman", "chairwoman", "vice-chair", "president",
              "vice-president", "secretary", "executive secretary", "secretary-general", "coordinator",
              "co-ordinator", "officer", "manager", "minister", "deputy minister", "ambassador",
              "representative", "delegate", "member", "members", "lead", "co-lead", "focal point", "consultant",
              "expert", "adviser", "advisor", "specialist", "scientist", "researcher", "professor", "lecturer",
              "fellow", "founder", "co-founder", "ceo", "chief", "staff", "official", "leader", "team leader",
              "spokesperson", "moderator", "associate", "analyst", "engineer", "programme officer",
              "project manager", "senior", "principal", "emeritus", "board member", "partner", "head of unit",
              "assistant", "co-coordinator", "co-ordinator", "programme management officer", "rapporteur", "envoy",
              "commissioner", "counsellor", "attaché", "intern", "student", "postdoctoral", "editor", "undersecretary",
              "under-secretary", "under secretary", "assistant secretary", "administrator", "governor", "mayor")
# words that make a capitalised phrase a job title, never a person's name ('Special Assistant', 'Professor Emeritus')
TITLE_WORDS = frozenset({"director", "officer", "manager", "minister", "ambassador", "secretary", "coordinator", "fellow",
                          "co-coordinator", "co-ordinator", "assistant", "professor", "emeritus", "specialist",
                          "scientist", "researcher", "lecturer", "consultant", "adviser", "advisor", "representative",
                          "delegate", "chair", "co-chair", "chairperson", "chairman", "chairwoman", "president",
                          "vice-president", "analyst", "engineer", "spokesperson", "moderator", "ceo", "executive",
                          "deputy", "rapporteur", "commissioner", "co-lead", "director-general", "secretary-general",
                          "undersecretary", "under-secretary", "administrator", "chief", "inspector", "economist",
                          "geologist", "chemist", "technician", "treasurer", "counsellor", "counselor", "biologist",
                          "toxicologist", "epidemiologist", "ecologist", "physician", "dentist", "hydrologist"})
_ROLES_AND_TITLES = TITLE_WORDS | frozenset(ROLE_WORDS)  # a bracket or a line that is nothing but a role
_ROLE = "|".join(sorted((re.escape(r) for r in ROLE_WORDS), key=len, reverse=True))
# a role, after its modifiers: 'Senior Programme Officer', 'Lead Environmental Specialist', 'Program Officer
# Extractives & Conservation', 'Regional Director and Representative'; not a body's name ('Office of ...')
_ROLE_PHRASE = re.compile(rf"^(?:(?:a|an|the|its|their|former|acting|Ag\.|senior|deputy|interim|international|national|"
                          rf"regional|global|technical|lead|chief|[A-Z]{{2,8}})\s+)*"
                          rf"(?:(?!(?:Ministry|Department|Office|Agency|Institute|University|Centre|Center|Council|"
                          rf"Secretariat|Government|Commission|Foundation|Association|Bureau)\b)"
                          rf"(?:[A-Z][a-z]+(?:-[a-z]+)?|and|[a-z]{{3,}})\s+){{0,4}}"  # 'Mining Formalization General
                          #                                                         Director', 'campaign coordinator'
                          rf"(?i:{_ROLE})s?\b(?!\s+(?:of\s+)?[A-Z][a-z]+\s+(?:Ministry|Department|"
                          rf"Agency|Institute|University|Council|Association|Foundation)\b)")
# the regions lists of members and speakers are grouped under ('Africa', 'Asia Pacific', 'Latin America and the
# Caribbean', 'Western European and Others Group'): words that never open a person's name
_REGION_WORDS = frozenset({"Africa", "Asia", "Pacific", "Asia-Pacific", "Eastern", "Western", "Central", "Southern",
                           "Northern", "South", "North", "East", "West", "European", "Europe", "States", "Latin",
                           "America", "Caribbean", "and", "the", "Others", "Group", "Middle", "Oceania"})
# the role line under a signature: 'Co-Chairs of the Governing Board of the Specific International Programme'
_SIGNED_ROLE = re.compile(r"[ \t]*(?:(?:Co-|Vice[- ])?(?:Chairs?|Chairpersons?|Presidents?|Directors?|Heads?|"
                          r"Coordinators?|Secretary|Executive Secretary|Executive Director)|Co-[Cc]hairs?)\s+of\s+"
                          r"(?:the\s+)?([A-Z][^\n,]{3,120}?)[ \t]*(?=\n|$)")
_MEMBERS_OF = re.compile(r"\b[Mm]embers\s+of\s+(?:the\s+)?([A-Z][^:\n]{3,160}?)\s+(?:are|is|include|were)\b[^\n]*:\s*$"
                         r"|\b([A-Z][\w\s]{3,80}?)\s+(?:members|composition)\s*:\s*$")
_NOT_PERSON_WORDS = re.compile(
    r"\b(?:Partnership|Area|Areas|Convention|Programme|Program|Project|Council|University|Ministry|Government|Group|"
    r"Agency|Agencies|Institute|Association|Centre|Center|Committee|Fund|Bank|Network|Report|Guidance|Meeting|"
    r"Session|Mercury|Gold|Mining|Global|National|International|United|World|Secretariat|Department|Office|Earth|"
    r"Union|Region|Management|Change|States|Countries|Resources|Development|Environment|Agreements|Assessment|"
    r"Assessments|Board|Foundation|Federation|Academy|Bureau|Branch|Division|Unit|Industry|Industries|Research|"
    r"Science|Sciences|Technology|Technologies|Pollution|Waste|Chemicals|Health|Energy|Policy|Plan|Action|Toolkit|"
    r"Workshop|Webinar|Conference|Forum|Summit|Review|Update|Analysis|Options|Study|Statements|Statement|"
    r"Introduction|Opening|Closing|Remarks|Presentation|Presentations|Agenda|Overview|Background|Summary|Panel|"
    r"Discussion|Session|Questions|Answers|Break|Lunch|Welcome|Keynote|Launch|Experience|Experiences|Sources|"
    r"Objectives|Rationale|Framework|Document|Documents|Links|Quick|Issue|Lead|Leads|Partners|Partner|Members|"
    r"Member|Contact|Email|Phone|Website|Task|Force|Air|Transport|Fate|Products|Cement|Coal|Supply|Storage|Regions|"
    r"Feasible|River|Rivers|Reserve|Lake|Valley|Basin|Province|District|Island|Islands|Park|Forest|Mountains|"
    r"Their|Our|His|Her|Its|Your|Activity|Activities|Practices|Practice|Source|Total|Grant|Approved|Received|Timeline|Details|Type|"
    r"Nacional|Nacionales|Direcci\u00f3n|Direccion|Ministerio|Medio|Ambiente|Agricultura|Alimentaci\u00f3n|Instituto|"
    r"Centro|Secretar\u00eda|Federal|Minist\u00e8re|Agence|Servicio|Tecnol\u00f3gico|Descontaminaci\u00f3n|Mercurio|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|Annex|Article|Articles|Table|Figure|Part|Section|Chapter|Phase|"
    r"Affairs|Protection|Assistance|Studies|Transition|Engineering|Risks|Control|Cooperation|Capacity|Safety|"
    r"Monitoring|Phasing|Amalgam|Room|Norte|Sur)s?\b")
_NOT_AFFILIATION = re.compile(r"^(?:member|members|a |an |the project|project|with|see|formerly|now|in |on |"
                              r"for |e\.g|i\.e|\d)", re.IGNORECASE)
# a tail ends at a full stop, not at the one of an abbreviated 'acting' ('Ag. Deputy Executive Director of EPA')
# nor at an initial's ('U.S. Department'), but at an acronym's before the next sentence ('at MOEJ. Pornthip ...')
_TAIL_STOP = re.compile(rf"(?<![A-Z])(?<!\bAg)\.(?!\w)|(?<=[A-Z]{{2}})\.(?=\s+[A-Z](?:[a-z]|\s))|[;:!?\n\u201c\u201d\"]|"
                        rf",\s+(?:who|which|in his|in her)\b|"
                        rf"\s(?:and\s(?=[a-z])|who|"
                        rf"which|that|to|at the(?!\s+[A-Z])|on(?! behalf)|during|when|while|where|whose)\s?"
                        rf"(?!(?:a |an |the )?(?i:{_ROLE})\b)")  # not 'at the' a name: 'Task Manager at the GEF ...'


STATISTICAL = "a PERSON of the statistical model"


@dataclass
class Tail:
    """What follows a name: its affiliations (organisation finds), a country, roles, and where it ends."""

    organizations: list[Found] = field(default_factory=list)
    country: str | None = None
    roles: list[tuple[int, int]] = field(default_factory=list)
    end: int = 0
    new_bodies: list[Found] = field(default_factory=list)


def plausible_name(name: str) -> bool:
    """Could ``name`` be a person's name: two to five capitalised words, none a word of bodies, places,
    titles or agendas, not a country, not a title.

    >>> plausible_name("Maria-José Garcia"), plausible_name("Franz Mayer De La Rosa"), plausible_name("Waste Branch")
    (True, True, False)
    """
    words = name.split()
    if not 2 <= len(words) <= 6 or _NOT_PERSON_WORDS.search(name):
        return False
    if find_countries(name) or entity_type(name) is not None or name in city_countries():
        return False
    if any(w.lower().strip(",.") in TITLE_WORDS for w in words):
        return False  # 'Special Assistant', 'Executive Secretary': a title
    caps = [w for w in words if not re.fullmatch(PARTICLE, w)]
    if len(caps) < 2 or any(not (w[:1].isupper()) for w in caps):
        return False
    if any(w.isupper() and len(w.rstrip(".")) > 1 for w in caps[1:]):
        return False  # 'Sam ADU' is a body's code, initials stand first ('WTB Dissanayake'); 'R.' is an initial
    return not any(re.fullmatch(r"[A-Z]{2,3}", w) for w in caps[1:])


class _Orgs:
    """The organisation finds of the text, by start, for reading tails."""

    def __init__(self, organizations: Iterable[Found]) -> None:
        self.by_start: dict[int, Found] = {}
        for f in organizations:
            if f.start not in self.by_start or f.end > self.by_start[f.start].end:
                self.by_start[f.start] = f
        self.spans = sorted((f.start, f.end, f) for f in self.by_start.values())

    def at(self, pos: int, slack: int = 4) -> Found | None:
        for p in range(pos, pos + slack):
            if p in self.by_start:
                return self.by_start[p]
        return None

    def within(self, start: int, end: int) -> list[Found]:
        return [f for a, b, f in self.spans if start <= a and b <= end]

    def covers(self, pos: int) -> bool:
        return any(a <= pos < b for a, b, _ in self.spans)


def role_of_body_before(text: str, start: int, orgs: _Orgs) -> Found | None:
    """The body whose role is written before a name: 'The Resident Representative of UNDP, Dr. Angela Lusigi'."""
    for a, b, body in reversed(orgs.spans):
        if b <= start and re.fullmatch(r"\s*(?:\([A-Za-z]{2,10}\))?\s*,\s*", text[b:start]):
            return body if _ends_with_role_of(text[max(0, a - 80):a]) else None
        if b <= start - 20:
            return None
    return None


def body_of_roles_before(text: str, start: int, orgs: _Orgs) -> Found | None:
    """The body whose role holders are listed up to a name: 'the PAG co-chairs, Rodges Ankrah (Environmental
    Protection Agency, U.S.), and Teeraporn Wiriwutikorn', 'Governing Board Co-Chairs, Mr. Obed Baloyi and Mr.
    Andrew Clark'."""
    honorific = r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?"
    within = r"(?:[^;\n.]|\.(?=\S)|(?<=Mr)\.|(?<=Ms)\.|(?<=Dr)\.)"  # the same sentence
    held = rf"\s*(?i:{_ROLE})s?\s*[,:]\s*{honorific}(?:{within}{{0,200}}?,?\s+and\s+{honorific})?"
    for a, b, body in reversed(orgs.spans):
        if b <= start and start - b <= 240 and re.fullmatch(held, text[b:start]):
            return body
        if b <= start - 240:
            return None
    return None


def _ends_with_role_of(before: str) -> bool:
    """'The Resident Representative of ', 'the Executive Director of the ': a role and its 'of'.

    >>> _ends_with_role_of("The Resident Representative of "), _ends_with_role_of("support of ")
    (True, False)
    """
    words = before.lower().split()
    if words and words[-1] == "the":
        words = words[:-1]
    if len(words) < 2 or words[-1] not in ("of", "at", "for"):
        return False
    role = " ".join(words[:-1])
    return any(role == r or role.endswith(" " + r) for r in ROLE_WORDS)


def _unit_and_body(text: str, at: int, line: str, orgs: _Orgs) -> list[Found]:
    """A title line's unit and the body it is part of, each named in full between commas ('Division of Oral Health,
    Ministry of Health' under a speaker's name): one find each; none where a part is no body's name."""
    parts = line.split(", ")
    if len(parts) != 2 or not all(entity_type(p) == "Organization" and p[:1].isupper() for p in parts):
        return []
    found = []
    for part in parts:
        start = text.find(part, at)
        body = orgs.at(start, 1) or _new_body(text, start, start + len(part))
        if body is None:
            return []
        found.append(body)
        at = start + len(part)
    return found


def _stacked_tail(text: str, end: int, orgs: _Orgs) -> Tail | None:
    """A name alone on its line, its body opening the next line, or its title the next and its body the one after
    ('Kenji Sato' / 'Senior Researcher' / 'National Institute for Minamata Disease'; 'Amina Yusuf' / 'University
    of Nairobi'); None where no body follows so."""
    line_end = text.find("\n", end)
    if line_end < 0:
        return None
    roles: list[tuple[int, int]] = []
    if rest := text[end:line_end].strip():  # 'Prof. Kwame Asante-Boateng, Chair' / 'Professor of ..., University ...'
        words = rest.removeprefix(",").split()
        if not rest.startswith(",") or not words or len(words) > 5 or \
                words[0].lower().strip(".") not in _ROLES_AND_TITLES or orgs.within(end, line_end):
            return None
        roles.append((text.find(words[0], end), line_end))
    start = line_end + 1
    for _ in range(2):
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        line = text[start:stop].strip()
        if not line:
            return None
        at = start + len(text[start:stop]) - len(text[start:stop].lstrip())
        role, _, rest = line.partition(", ")
        if rest and any(w.lower().strip(".") in _ROLES_AND_TITLES for w in role.split()) and len(role.split()) <= 6:
            # 'Permanent Secretary, Ministry of Environment and National Beautification, Barbados': a role, the
            # body, where it is
            roles.append((at, at + len(role)))
            at += len(role) + 2
            head, _, country = rest.rpartition(", ")
            line = head if head and is_country_name(country) else rest
        if (body := orgs.at(at, 1)) is not None:  # and the bodies after it: 'Chemicals and Health Branch, UNEP'
            chain = [body, *orgs.within(body.end, stop)]
            return Tail(organizations=chain, roles=roles, end=chain[-1].end)
        units = _unit_and_body(text, at, line, orgs)  # 'Division of Oral Health, Ministry of Health': both
        if units:
            return Tail(organizations=units, roles=roles, end=units[-1].end, new_bodies=[u for u in units if
                                                                                        u.rule.startswith("affil")])
        if entity_type(line) == "Organization" and (body := _new_body(text, at, at + len(line))) is not None:
            return Tail(organizations=[body], roles=roles, end=body.end, new_bodies=[body])  # no rule read it yet
        titled = _ROLE_PHRASE.match(line) or any(w.lower().strip(",.") in TITLE_WORDS for w in line.split())
        if not titled or roles or len(line.split()) > 6:
            return None
        roles.append((start, stop))
        start = stop + 1
    return None


def _verb_after(text: str, end: int, segment_end: int) -> bool:
    """Whether the words after a known body go on as a sentence, not as its name: 'of the Secretariat of the
    Minamata Convention briefed participants'.

    >>> _verb_after("of the Secretariat briefed participants", 18, 39), _verb_after("Ministry of Mines", 8, 17)
    (True, False)
    """
    rest = text[end:segment_end].split()
    return bool(rest) and rest[0][:1].islower() and rest[0] not in CONNECTORS



def read_tail(text: str, pos: int, orgs: _Orgs, listed: bool, until: int | None = None) -> Tail:
    """The affiliation that follows a name ending at ``pos`` (see the module's docstring), read up to ``until``
    (else the closing bracket, or the end of the clause).

    ``listed`` is True in brackets and list lines, where a capitalised phrase in an organisation's place is
    read as one; in running prose only known organisations count, and roles name them ('Head of X')."""
    tail = Tail(end=pos)
    opening = _TAIL_OPENING.match(text, pos)
    if not opening:
        return tail
    bracketed = opening.group(0).strip().startswith("(")
    close = text.find(")", opening.end()) if bracketed else -1
    if close >= 0 and text[opening.end():close].strip().lower() in _ROLES_AND_TITLES and text.startswith(
            ", ", close + 1):  # 'Prof. Halima Mwakyusa (Chair), University of Dar es Salaam': the role, then the body
        after = read_tail(text, close + 1, orgs, True, until)
        after.roles.insert(0, (opening.end(), close))
        return after
    of_body = re.search(r"\b(?:of|from)\b", opening.group(0)) is not None
    if of_body and (ministry := _ministers_portfolio(text, pos, opening.end())) is not None:
        tail.new_bodies.append(ministry)  # 'Minister Marciano Dasai of Spatial Planning and Environment'
        tail.organizations.append(ministry)
        tail.end = ministry.end
        return tail
    listed = listed or bracketed
    at = opening.end()
    if until is None:
        close = text.find(")", at) if bracketed else -1
        stop = _TAIL_STOP.search(text, at)
        until = close if close >= 0 else (stop.start() if stop else len(text))
        if not listed:
            until = min(until, at + 240)
    at_role_end = -1
    while at < until:
        if re.match(r"and\s+(?:Mr|Ms|Mrs|Dr)?\.?\s*[A-Z]", text[at:until]):
            break  # '..., and Teeraporn Wiriwutikorn': the next person
        segment_end = _segment_end(text, at, until)
        segment = text[at:segment_end].strip()
        org = orgs.at(at, 5 if text.startswith(("the ", "The "), at) else 1)
        countries = find_countries(segment)
        role = _ROLE_PHRASE.match(segment)
        if of_body and org is None and (acronym := re.match(r"([A-Z][A-Z&\-]{1,9})(?=\s+[a-z]|\s*$)", segment)) is not None \
                and is_acronym(acronym.group(1)) and not find_countries(acronym.group(1)):
            # 'Dr Lesley Sloss of the ICSC co-leads ...': a body's acronym, where no text spells it out
            body = Found("Organization", acronym.group(1), at, at + len(acronym.group(1)), (acronym.group(1),),
                         None, "affiliation of a person: an acronym")
            tail.new_bodies.append(body)
            tail.organizations.append(body)
            tail.end = at + len(acronym.group(1))
            break
        elif countries and countries[0].start <= 4 and countries[-1].end >= len(segment) - 1 and not (
                org is not None and org.end > at + countries[-1].end):
            tail.country = tail.country or countries[0].key
        elif segment in city_countries():
            pass  # 'UNEP, Geneva': where the body sits
        elif org is not None and not role and (org.end >= segment_end - 1 or not listed or entity_type(
                segment) != "Organization" or _verb_after(text, org.end, segment_end)):
            joined = _body_end(text, at, max(segment_end, org.end), until) if listed else org.end
            body = _new_body(text, at, joined) if joined > max(segment_end, org.end) + 1 else None
            if body is not None:  # 'Ministerio de Agricultura, Alimentación y Medio Ambiente'
                tail.new_bodies.append(body)
                org, segment_end = body, joined
            tail.organizations.extend(_chained(text, org, orgs))
            segment_end = max(segment_end, tail.organizations[-1].end)
            paired = orgs.at(org.end + 1, 1) if text[org.end:org.end + 1] == "/" else None
            if paired is not None:  # 'Charline Cheuvart, EEB/ZMWG': a member body and its coalition
                tail.organizations.append(paired)
                segment_end = max(segment_end, paired.end)
        elif segment.startswith("who ") and (inner := orgs.within(at, segment_end)) and \
                _works_at(text[at:inner[0].start]):
            # 'Verónica Iriarte, who coordinates the programme at Health Care Without Harm Latin America'
            tail.organizations.extend(_chained(text, inner[0], orgs))
            segment_end = max(segment_end, tail.organizations[-1].end)
        elif role or (segment[:1].islower() and not _legal_form(segment)):
            if not role and not listed:
                break
            tail.roles.append((at, segment_end))
            parts = _role_parts(text, at, segment_end) if role else [(at, segment_end)]
            for i, (part_start, part_end) in enumerate(parts):
                inside = orgs.within(part_start, part_end + 2)
                body = _body_after_role(text, part_start, part_end) if role else None
                if i and body is None:
                    continue  # a second role of something that is no body: 'co-lead of the UNEP's ... Partnership'
                at_parent = body is not None and text.startswith(" at ", body.end)  # '... Department at the MECC'
                if body is not None and any(body.start < o.start and o.end <= body.end for o in inside):
                    body = None  # it swallows known bodies: 'Professor of Restorative Dentistry in the Faculty of ...'
                if body is not None and not any(o.start == body.start and o.end >= body.end for o in inside):
                    inside = [o for o in inside if not (body.start <= o.start < body.end)]
                    if not inside or at_parent or all(o.end <= body.start for o in inside):
                        tail.new_bodies.append(body)  # all before it: its owner ("BRI's Center for ...")
                        inside = [body, *inside]
                for org in inside:  # every body the role names: the unit and those it belongs to ('Head of the
                    for linked in _chained(text, org, orgs):  # Air Management Department at the Ministry of ...')
                        if linked not in tail.organizations:
                            tail.organizations.append(linked)
        elif (possessive := _POSSESSIVE_ROLE.match(segment)) is not None:
            # 'said James McQuilken, Pact's director of responsible mining': the body whose role it is
            body_end = at + possessive.end(1)
            body = orgs.at(at, 1) or _new_body(text, at, body_end)
            if body is None:
                break
            if body.rule.startswith("affiliation"):
                tail.new_bodies.append(body)
            tail.organizations.append(body)
            tail.roles.append((at, segment_end))
        elif listed and segment[:1].isupper() and tail.roles and tail.roles[-1][1] == at_role_end \
                and re.search(r"\b(?:of|for)\s", text[tail.roles[-1][0]:at_role_end]) \
                and entity_type(segment) != "Organization" and (" and " in segment or " & " in segment):
            # 'Minister of Environment, Water and Sanitation': the portfolio's last items; not 'Director of
            # Extractives, Global Initiative Against Transnational Organized Crime', the body after the role
            tail.roles[-1] = (tail.roles[-1][0], segment_end)
        elif listed and (inner := orgs.within(at, segment_end)) and re.search(
                r"\b[a-z]+\s+(?:at|with|of|for|in)\s+(?:the\s+)?$", text[at:inner[0].start]):
            tail.roles.append((at, inner[0].start))  # 'Latin America technical lead at the Artisanal Gold Council'
            tail.organizations.extend(_chained(text, inner[0], orgs))
        elif listed and (segment[:1].isupper() or _legal_form(segment)):
            segment_end = _body_end(text, at, segment_end, until)
            body = _new_body(text, at, segment_end, before_country=_country_ends(text, segment_end, until))
            if body is None and not (tail.roles and orgs.within(segment_end, until)):
                break
            if body is not None:  # else a programme or unit between the role and a known body: 'Specialist,
                tail.new_bodies.append(body)  # Chemicals and Waste Management Programme, UNITAR'
                tail.organizations.append(body)
        else:
            break
        tail.end = segment_end
        at_role_end = tail.roles[-1][1] if tail.roles else -1
        sep = _TAIL_SEPARATOR.match(text, segment_end)
        if sep is None or sep.end() == segment_end:
            break
        at = sep.end()
    return tail


# a body and a role before a speaker ('... Department of Environment and Natural Resources (DENR) Undersecretary
# Analiza Teh said')
_ROLE_THEN_SPEAKER = re.compile(rf"\)?[ \t]+((?:[A-Za-z\-]+[ \t]+){{1,7}}?)({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})"
                                r"(?=[ \t]+(?:said|says|told|noted|added|explained|stressed|emphasi[sz]ed)\b|,[ \t]+(?:said|says))")
_POSSESSIVE_ROLE = re.compile(rf"([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){{0,5}})['\u2019]s\s+(?:[\w\-]+\s+){{0,2}}(?i:{_ROLE})s?\b")
_TAIL_OPENING = re.compile(r"\s*\(\s*|\s*[,|]\s*|\s+[-\u2013\u2014]\s+|"
                           r"\s+(?:is|was|serves\s+as)\s+(?:(?:a|an|the)\s+)?(?:(?=[A-Z])|(?:[a-z\-]+\s+){1,5}?(?:at|with|for)\s+"
                           r"(?:the\s+)?(?=[A-Z]))|"  # 'X is (a) Researcher at Y', 'X is a health specialist with Y'
                           r"\s+works?\s+(?:for|at|with)\s+(?:the\s+)?(?=[A-Z])|"  # 'X works for Y'
                           r"\s+and\s+(?:her|his|their)\s+(?:team|colleagues)\s+(?:at|from)\s+(?:the\s+)?(?=[A-Z])|"
                           r"\s+from\s+(?:the\s+)?|\s+of\s+(?:the\s+)?(?=[A-Z])")
_TAIL_SEPARATOR = re.compile(r"(?:\s*(?:,|;|\||\(|\)|\s[-\u2013\u2014]\s|[-\u2013\u2014](?=[A-Z]))\s*)+")


def _works_at(before: str) -> bool:
    """Whether a relative clause after a name ends where the person works ('who coordinates the programme at').

    >>> _works_at("who coordinates the programme at the "), _works_at("who spoke about ")
    (True, False)
    """
    words = before.split()
    if words[-1:] == ["the"]:
        words = words[:-1]
    return words[-1:] in (["at"], ["with"])


def _chained(text: str, org: Found, orgs: _Orgs) -> list[Found]:
    """A unit and the bodies it belongs to, written one after the other: 'Chemicals and Health Branch of UNEP',
    'Division of Oral Health at the Ministry of Health'; a body's possessive before its unit ("UNEP's Chemicals and
    Health Branch"): the body and the unit."""
    owned = orgs.at(org.end + 3, 1) if text[org.end:org.end + 3] in ("'s ", "\u2019s ") else None
    if owned is not None and owned is not org:
        return [org, *_chained(text, owned, orgs)]
    chain = [org]
    while (link := re.match(r"\s+(?:of|at|in)\s+(?:the\s+)?", text[chain[-1].end:chain[-1].end + 12])) is not None \
            and (body := orgs.at(chain[-1].end + link.end(), 1)) is not None and body not in chain:
        chain.append(body)
    return chain


def _segment_end(text: str, start: int, limit: int) -> int:
    """Where one part of a tail ends: at a comma, bracket, dash or semicolon; a bracketed acronym ('(UNEP)')
    belongs to the part before it."""
    pos = start
    while True:
        m = _SEGMENT_BREAK.search(text, pos, limit)
        if m is None:
            return limit
        acronym = re.match(r"\(\s*([A-Z][A-Za-z0-9&\-]{1,12})\s*\)", text[m.start():limit])
        if m.group(0) == "(" and acronym and is_acronym(acronym.group(1)):
            pos = m.start() + acronym.end()
            continue
        return m.start()


_SEGMENT_BREAK = re.compile(r",|\(|\)|\s[-\u2013\u2014]\s|;|\|")  # '|': a table's cells




def _body_end(text: str, start: int, end: int, limit: int) -> int:
    """A body's name may run over its commas while the next part is no body, country or role of its own:
    'Ministerio de Agricultura, Alimentación y Medio Ambiente', 'Ministry of Housing, Land Planning and
    Environment'."""
    while end < limit and text[end] == ",":
        nxt = _segment_end(text, end + 1, limit)
        segment = text[end + 1:nxt].strip()
        if (not segment or not segment[:1].isupper() or find_countries(segment)
                or segment in city_countries() or _ROLE_PHRASE.match(segment) or is_acronym(segment)
                or text[nxt:nxt + 1] == "(" and is_acronym(text[nxt + 1:text.find(")", nxt)].strip() or "x")
                and False):
            break
        if entity_type(segment) == "Organization" or len(segment.split()) > 6:
            break
        end = nxt
    return end


AGENDA_TITLE = "the title of an agenda item, before its speakers"


def _agenda_titles(text: str, start: int, end: int, presenter: str) -> list[Found]:
    """The titles an agenda item gives before its speakers ('1. Reducing Mercury Use ... in Mali's ... Sector, and
    Promoting Mercury-Free Mining in Ghana, Daniel Stapper, ...'): a project where the title is work (it opens with
    a verb's -ing form, or its head word says so) and the document speaks of projects."""
    found = []
    item = re.match(r"\s*(?:\d{1,2}[.)]|[-\u2022*])?\s*", text[start:end])
    pos = start + item.end()
    for part in re.split(r",\s+and\s+|;\s+", text[pos:end].rstrip(" ,")):
        at = text.find(part, pos)
        name = clean_name(part)
        pos = at + len(part)
        words = name.split()
        if not 3 <= len(words) <= 25 or not name[:1].isupper():
            continue
        kind = entity_type(name)
        if kind is None and words[0].endswith("ing") and re.search(r"\bprojects?\b", text, re.IGNORECASE):
            kind = "Project"
        if kind in ("Project", "Publication", "Event"):
            found.append(Found(kind, name, at, at + len(name), (name,), None, AGENDA_TITLE, {"presenter": presenter}))
    return found


def _lines_with_commas(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` with at least two commas and no full stop before its end."""
    return [(a, b) for a, b in line_spans(text) if text.count(",", a, b) >= 2 and b - a <= 400
            and not re.search(r"[a-z]\.\s+[A-Z]", text[a:b])]


def _country_ends(text: str, end: int, until: int) -> bool:
    """Is what follows ``end`` up to the tail's end only a country ('Jashaf Shamir Lorenzo, BAN Toxics,
    Philippines')?"""
    rest = text[end:until].strip(" ,\t")
    countries = find_countries(rest)
    return bool(rest) and len(countries) == 1 and countries[0].start == 0 and countries[0].end >= len(rest) - 1


#: the last words of a role's remit, no body's name ('Environmental Management', 'Air Quality', 'Tribal Affairs')
_REMITS = frozenset({"Management", "Quality", "Affairs", "Protection", "Policy", "Normalization", "Science",
                     "Sciences", "Presidency"})


_PORTFOLIO_BREAK = ("Acting", "Deputy", "Minister", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof.")


def _ministers_portfolio(text: str, name_end: int, at: int) -> Found | None:
    """'Minister Marciano Dasai of Spatial Planning and Environment and Acting Minister Gracia Emanuel of Natural
    Resources': a minister's portfolio after the name is the Ministry of it (up to the next minister).

    >>> t = "fell to Minister Marciano Dasai of Spatial Planning and Environment and Acting Minister Gracia Emanuel"
    >>> _ministers_portfolio(t, 31, 35).name
    'Ministry of Spatial Planning and Environment'
    """
    if not re.search(r"\bMinister\s+(?:[A-Z][\w.'\u2019\-]*\s+){1,4}$", text[max(0, name_end - 80):name_end] + " "):
        return None
    if entity_type(text[at:at + 40].split(",")[0]) == "Organization":
        return None  # 'Deputy Minister Kemal Aydın of the Ministry of Environment, ...': the body is named
    return _portfolio_ministry(text, at, commas=False)


def _legal_form(name: str) -> bool:
    """Does a company's name end with its legal form, whatever its case ('econ industries services GmbH')?"""
    return name.split()[-1] in LEGAL_FORMS


def _new_body(text: str, start: int, end: int, before_country: bool = False) -> Found | None:
    """An organisation named in an affiliation's place: 'Lafarge', 'Foundation For Scientific & Industrial
    Research SINTEF', 'Centro Tecnológico ... (CTNDM)'. A name-shaped phrase is a second person, unless the
    line ends with a country after it (``before_country``: 'Jashaf Shamir Lorenzo, BAN Toxics, Philippines')."""
    name = clean_name(text[start:end])
    name = re.sub(r"\s*\([^)]*\)?$", "", name)
    body, _, place = name.rpartition(" in ")
    if body and (is_country_name(place) or place in city_countries()):
        name = body  # 'UNDP in Ecuador', 'WHO headquarters in Geneva': the body, and where it sits
    owner = re.match(r"([A-Z][\w\-]*)['\u2019]s\s+(?=[A-Z])", name)
    if owner and SUB_UNIT.search(name[owner.end():]) and is_acronym(owner.group(1)):
        name = name[owner.end():]  # "BRI's Center for Mercury Studies": the unit (its body is an acronym's find)
    if not name or len(name) < 3 or len(name.split()) > 12 or not (name[:1].isupper() or _legal_form(name)):
        return None
    if plausible_name(name) and entity_type(name) is None and not before_country:
        return None  # a second person, not a body
    if entity_type(name) is None and name.split()[-1] in _REMITS:
        return None  # a remit: 'General Manager for Environmental Management at Eskom', 'Director: Air Quality ...'
    if name.split()[-1].lower() in TITLE_WORDS:
        return None  # a role: '(Treasurer)', 'Executive Director'
    if entity_type(name) in ("Event", "Publication", "Project") or re.fullmatch(
            r"(?:The\s+)?(?:[A-Z][\w\-]*\s+){1,3}Convention(?:\s+on\s+[A-Za-z][\w\s\-]{0,60})?", name):
        return None  # 'Co-chair, International Conference on Mercury ...': a meeting, not a body; 'Executive
        #              Secretary, Minamata Convention on Mercury': a treaty, no body
    areas = find_areas(name)
    if areas and (areas[-1].end - areas[0].start >= 0.5 * len(name) or re.search(r"\b(?:Partnership|Areas?)\b", name)):
        return None  # 'Partnership Area on Mercury Waste Management' is an area
    if re.search(r"\d{3,}|@|www\.|https?:|\bPartnership [Aa]reas?\b", name):
        return None
    acronym = re.search(r"\(\s*([A-Z][A-Za-z0-9&\-]{1,12})\s*\)\s*$", text[start:end]) or re.match(
        r"\s*\(\s*([A-Z][A-Za-z0-9&\-]{1,12})\s*\)", text[end:end + 20])
    aliases = (name, acronym.group(1)) if acronym else (name,)
    begin = start + text[start:end].find(name.split()[0])
    around = max(0, begin - 40)
    if any(m.start + around <= begin and begin + len(name) <= m.end + around
           for m in find_countries(text[around:begin + len(name) + 5])):
        return None  # 'Hossein Rahdar (Iran (Islamic Republic of))': the person's country, not a body
    kind, rule = organization_kind(name)
    return Found("Organization", name, begin, begin + len(name), aliases, kind,
                 f"affiliation of a listed person; kind: {rule}")




def _role_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A role segment cut where a second role is coordinated with the first: 'Chair of the Project Steering
    Committee and Director of the Environmental Policy Implementation Department' is two roles, two bodies."""
    parts, at = [], start
    cut = text.find(" and ", at, end)
    while cut >= 0:
        if _ROLE_PHRASE.match(text[cut + 5:end]):
            parts.append((at, cut))
            at = cut + 5
        cut = text.find(" and ", cut + 5, end)
    return [*parts, (at, end)]


def _body_after_role(text: str, start: int, end: int) -> Found | None:
    """'Head of UNEP Chemicals and Waste Branch': the body after the role's 'of'."""
    m = re.search(r"\b(?:of|at|for|with|from)\s+(?:the\s+)?([A-Z][^,;()\n]{2,120})$", text[start:end])
    if not m:
        return None
    if text[start:start + m.start()].rstrip().endswith("Minister") and text[start + m.start():].startswith("of"):
        return _portfolio_ministry(text, start + m.start(1))  # 'Deputy Minister of Natural Resources, Ecology ...'
    body = re.split(r" at (?:the )?(?=[A-Z])", m.group(1).strip())[0]  # '... Department at the MECC': the
    #                                                                    department, at its ministry
    if find_countries(body) and find_countries(body)[0].start == 0:
        return None
    if body.split()[-1] in ("project", "programme", "program", "initiative", "campaign"):
        return None  # 'project coordinator of the EMSAGS project': the work, no body
    if len(body.split()) == 1 and not is_acronym(body) and entity_type(body) != "Organization" and not re.search(
            r"[a-z][A-Z]", body):
        return None  # 'Minister of Environment, ...': a portfolio, not a body ('Advisor of BaliFokus' names one)
    return _new_body(text, start + m.start(1), start + m.start(1) + len(body))


def _portfolio_ministry(text: str, at: int, commas: bool = True) -> Found | None:
    """The ministry whose minister's portfolio starts at ``at``: its capitalised words and their 'and', 'of the'
    (and, with ``commas``, the commas between capitalised words), to the end of the phrase.

    >>> t = "Deputy Minister of Natural Resources, Ecology and Technical Supervision of the Kyrgyz Republic, opened"
    >>> _portfolio_ministry(t, 19).name
    'Ministry of Natural Resources, Ecology and Technical Supervision of the Kyrgyz Republic'
    """
    end = at
    for m in re.finditer(r"(,\s+)?(\S+)", text[at:at + 160]):
        word = m.group(2).rstrip(",.;:)")
        if not (word[:1].isupper() or word in ("and", "of", "the", "for", "&")) or word in _PORTFOLIO_BREAK:
            break
        if m.group(1) and not commas:
            break
        end = at + m.start(2) + len(word)
        if word != m.group(2) and not (commas and text[end:end + 2] == ", "):
            break
    raw = text[at:end]
    words = raw.split()
    while words and words[-1] in ("and", "of", "the", "for", "&"):
        words.pop()
    if not words:
        return None
    portfolio = " ".join(words)
    stop = at + raw.rfind(words[-1]) + len(words[-1])
    return Found("Organization", f"Ministry of {portfolio}", at, stop, (portfolio,), "government",
                 "affiliation of a minister: the portfolio " + ("after the role" if commas else "after the name"))


def _membership_bodies(text: str, orgs: _Orgs, blocks: list[tuple[int, int, str]]) -> dict[int, Found]:
    """Block start -> the body a lead-in says the listed people are members of ('The Members of the Governing
    Board of the Specific International Programme are:')."""
    bodies: dict[int, Found] = {}
    current: Found | None = None
    for start, end, kind in blocks:
        own = text[start:end].rstrip(" *_\n")
        m = _MEMBERS_OF.search(own)
        if m:
            g = 1 if m.group(1) else 2
            at = start + m.start(g)
            body = orgs.at(at, 5) or _new_body(text, at, start + m.end(g))
            current = body
            continue
        if current is not None and (kind == "bullet" or ("\n" not in own and len(own) <= 120
                                                          and not own.endswith((".", ":")))):
            bodies[start] = current  # a bullet, or a line of its own: 'Satyendra Kumar (India)'
        elif kind != "bullet":
            current = None
    return bodies


def find_people(text: str, organizations: list[Found], blocks: list[tuple[int, int, str]] | None = None,
                statistical: list[tuple[int, int]] | None = None) -> list[Found]:
    """Every person mention in ``text``; see :func:`people_and_bodies`."""
    return [f for f in people_and_bodies(text, organizations, blocks, statistical) if f.node_type == "Person"]


def people_and_bodies(text: str, organizations: list[Found], blocks: list[tuple[int, int, str]] | None = None,
                      statistical: list[tuple[int, int]] | None = None) -> list[Found]:
    """Every person mention in ``text`` with, where stated, ``props['affiliation']`` (a name as written, more in
    ``props['affiliations']``) or ``props['country']`` (alpha-3 of the government they represent), and the
    organisations found only in a listed person's affiliation.

    ``blocks`` are (start, end, kind) of the document's blocks (for membership lead-ins); ``statistical``
    the PERSON spans of the statistical model."""
    orgs = _Orgs(organizations)
    found: list[Found] = []
    bodies: list[Found] = []
    full: dict[str, str] = {}  # surname -> full name, for later "Mr. Duer"
    taken: set[int] = set()
    members = _membership_bodies(text, orgs, blocks or [])

    def member_body(pos: int) -> Found | None:
        for start, end, _ in blocks or []:
            if start <= pos < end:
                return members.get(start)
        return None

    def add(name: str, start: int, end: int, rule: str, tail: Tail | None = None, alias: str | None = None,
            **props: str) -> None:
        if start in taken:
            return
        taken.add(start)
        words = name.split()
        regions = next((i for i, w in enumerate(words) if w not in _REGION_WORDS), len(words))
        if regions:  # 'Asia Pacific Hu Yunfang (China)': a list under its regions' names
            if len(words) - regions < 2:
                return
            rest = " ".join(words[regions:])
            start, name = start + text[start:end].find(words[regions]), rest
        if tail is not None:
            body = member_body(start)
            affiliations = [o.name for o in tail.organizations]
            if body is not None:
                affiliations = [body.name, *affiliations]
                if body not in bodies and body.rule.startswith("affiliation"):
                    bodies.append(body)
            if affiliations:
                props.setdefault("affiliation", affiliations[0])
                props.setdefault("affiliations", "\x1f".join(dict.fromkeys(affiliations)))
                props.setdefault("affiliation_start", str(tail.organizations[0].start if tail.organizations
                                                          else body.start))
            elif tail.country and body is None:
                props.setdefault("country", tail.country)
            if tail.roles:
                props["roles"] = ";".join(f"{a}:{b}" for a, b in tail.roles)
            props["tail_end"] = str(tail.end)
            bodies.extend(b for b in tail.new_bodies if b not in bodies)
        found.append(Found("Person", name, start, end, tuple(a for a in (alias,) if a), None, rule,
                           {k: v for k, v in props.items() if v}))
        full.setdefault(name.split()[-1], name)

    # 5. a name with its affiliation in brackets (the rule of meeting reports)
    for m in _BRACKETED.finditer(text):
        name = clean_name(m.group(1))
        inside = m.group(2).strip()
        if orgs.covers(m.start(1)) or re.search(rf"[{_UPPER}][\w\-]*\s+$", text[max(0, m.start(1) - 30):m.start(1)]) \
                and not HONORIFIC_BEFORE.search(text[max(0, m.start(1) - 12):m.start(1)]):
            continue  # 'Sustainable Carbon (ICSC)' ends an organisation's name; 'Dirección Nacional de ...'
        honorific = bool(HONORIFIC_BEFORE.search(text[max(0, m.start() - 12):m.start()]))
        if not plausible_name(name) or _NOT_AFFILIATION.match(inside) or best_long_form(inside, name):
            continue  # 'Yayasan Tambuhak Sinta (YTS)' spells out an acronym: a name, not a person
        affiliation, country = _affiliation(inside, m.start(2), orgs)
        if not (affiliation or country or honorific or inside.startswith(("Professor", "Dr"))):
            continue
        tail = read_tail(text, m.start(1) + len(m.group(1)), orgs, True)
        if affiliation and not tail.organizations:
            tail.organizations.append(Found("Organization", affiliation, m.start(2), m.end(2)))
        if (body := body_of_roles_before(text, m.start(1), orgs)) is not None:
            tail.organizations.append(body)  # 'the PAG co-chairs, Rodges Ankrah (Environmental Protection Agency)'
        add(name, m.start(1), m.start(1) + len(m.group(1)), "name (affiliation)", tail)
    # 1. honorifics
    for m in _honorifics(text):
        end = m.end(1)
        line = m.group(1).split("\n")[0].rstrip()
        if len(line.split()) >= 2:  # 'Lead: Ms. Claude Lorea' over 'Global Cement & Concrete Association': the line
            end = m.start(1) + len(line)
        name = clean_name(text[m.start(1):end])
        words = name.split()
        if len(words) == 1 or (len(words) == 2 and words[1] in full and words[0] not in full):
            continue  # a surname alone is resolved below
        if not plausible_name(name):
            continue
        tail = read_tail(text, end, orgs, _in_list_line(text, m.start()))
        if not (tail.organizations or tail.country):  # 'Dr. Priya Raghavan' / 'Scientist, Central Pollution ...';
            tail = _stacked_tail(text, end, orgs) or tail  # a role alone may stand on the name's line: 'Prof. Kwame
            #                                                Asante-Boateng, Chair' / 'Professor of ..., University ...'
        if not tail.organizations and (body := role_of_body_before(text, m.start(), orgs)) is not None:
            tail.organizations.append(body)
        if (body := body_of_roles_before(text, m.start(), orgs)) is not None:
            tail.organizations.append(body)  # 'Governing Board Co-Chairs, Mr. Obed Baloyi and Mr. Andrew Clark'
        add(name, m.start(1), end, "honorific and name", tail)
    for m in _honorifics(text):  # "Mr. Duer", "Professor Veiga": the person named in full before
        words = clean_name(m.group(1)).split()
        if len(words) == 1 and words[0] in full and m.start(1) not in taken:
            end = m.start(1) + len(words[0])  # 'Dr. Kamau-Otieno is Head of the Division ...': and the body after
            props, new_bodies = person_tail(text, end, orgs)
            found.append(Found("Person", full[words[0]], m.start(), end, (text[m.start():end],), None,
                               "honorific and surname of a person named before", props))
            bodies.extend(b for b in new_bodies if b not in bodies)
            taken.add(m.start(1))
    # 4. a role before the name: 'the PAG co-chairs, Rodges Ankrah, Environmental Protection Agency ...'
    # '..., and Peter Nelson of Macquarie University': the body after 'of' is known; 'During the event, Cecilia
    # Cerme\u00f1o Castromonte, Environmental Quality and Eco-efficiency Director of MINAM, highlighted': a role
    # and its body after the name
    for m in re.finditer(rf"(?:(?<=,\s)|(?<=\band\s)|(?<=:\s))({_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
                         rf"(?:,\s*|\s+of\s+(?=[A-Z]))", text):
        name = m.group(1)
        if m.start(1) in taken or not plausible_name(name):
            continue
        before = text[max(0, m.start() - 160):m.start()]
        role = re.search(  # 'the PAG co-chairs, Rodges Ankrah', 'Co-chairs: ...', 'co-chairs, A B, EPA, and C D'
            rf"(?i:\b(?:{_ROLE})s?)\s*[,:]\s*(?:{_NAME_WORD}\s+{_NAME_WORD},[^,]{{0,90}},\s*(?:and\s+)?)?$", before)
        org_after = orgs.at(m.end(), 2)
        after = text[m.end():m.end() + 200]
        own_role = (role_end := _ROLE_PHRASE.match(after)) is not None and bool(
            re.match(r"\s+(?:of|at)\s", after[role_end.end():role_end.end() + 5]))
        if len(name.split()) == 3 and not own_role or not (role or org_after or own_role):
            continue
        tail = read_tail(text, m.end(1), orgs, False)
        if role:  # the body the role belongs to: 'the PAG co-chairs' -> PAG
            body = next((f for a, b, f in reversed(orgs.spans) if m.start() - 160 <= a and b <= m.start()
                         and re.fullmatch(rf"\s*(?i:{_ROLE})s?\s*[,:]?\s*(?:.{{0,120}})?", text[b:m.start()] + " ")), None)
            if body is not None:
                tail.organizations.insert(0, body)
        add(name, m.start(1), m.end(1), "name after a role or before an organisation", tail)
    # 8. a body and a role before a speaker: 'AGC project manager Jennifer O'Neill said', 'UNEP Executive Director
    # Inger Andersen said'
    for org in orgs.spans:
        m = _ROLE_THEN_SPEAKER.match(text, org[1])
        if m is None or not re.search(rf"(?i:\b(?:{_ROLE})s?\b)", m.group(1)):
            continue
        name = clean_name(m.group(2))
        if plausible_name(name):
            tail = Tail(organizations=[org[2]], end=m.end(2))
            add(name, m.start(2), m.end(2), "a speaker after their body and role", tail)
    # 3. speakers and meeting roles
    for m in _SPEAKER.finditer(text):
        name_match = re.compile(_ANY_NAME).match(text, m.end())
        if not name_match:
            continue
        name = clean_name(name_match.group(0))
        if plausible_name(name):
            end = m.end() + len(name_match.group(0))
            add(name, m.end(), end, f"named after {m.group(0).strip()!r}", read_tail(text, end, orgs, False))
    # 3b. an agenda line's presenter: '... for the oil & gas and chlor-alkali sectors by Reinhard Schmidt, econ
    # industries services GmbH', the body running to the line's end
    for m in re.finditer(rf"\bby\s+({_NAME})(?=,\s)", text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        name = clean_name(m.group(1))
        if m.start(1) in taken or not plausible_name(name) or orgs.covers(m.start(1)):
            continue
        tail = read_tail(text, m.end(1), orgs, True, until=line_end)
        if tail.organizations and tail.end >= len(text[:line_end].rstrip(" .;")) - 1:
            add(name, m.start(1), m.end(1), "a presenter after 'by' on an agenda line", tail)
    # 2. names opening brackets, list items and lines
    for m in _SLOT_OPENING.finditer(text):
        begin = m.end()
        while (word := re.match(r"[\w\-]+[ \t]+", text[begin:begin + 40])) and word.group(0).strip() in _REGION_WORDS:
            begin += word.end()  # 'Western European and Others Group Anik Beaudoin (Canada)': the region's name
        name_match = re.compile(_ANY_NAME).match(text, begin)
        if not name_match or "\n\n" in "".join(name_match.group(0).split(" ")):
            continue  # a name never spans a blank line: 'Speakers' / '' / 'Maria Lopez, Programme Officer, ...'
        said = name_match.group(0)
        if "\n" in said and plausible_name(clean_name(said.split("\n")[0])):
            said = said.split("\n")[0]  # a name alone on its line: 'Kenji Sato' / 'Senior Researcher' / ...
        name = clean_name(said)
        end = begin + len(said.rstrip())
        after = text[end:end + 4]
        if not plausible_name(name) or orgs.covers(begin):
            continue
        if not re.match(r"\s*(?:,|\||\(|\s[-\u2013\u2014]\s|$|\n|\s+and\s)", after):
            continue
        if _NOT_AFFILIATION.match(re.sub(r"^\s*[(,]\s*", "", text[end:end + 20])):
            continue  # 'Carbone Guinée (member of the European Environmental Bureau ...)': a member body
        tail = read_tail(text, end, orgs, True)
        if not (tail.organizations or tail.country):
            tail = _stacked_tail(text, end, orgs) or tail
        titled = any(_ROLE_PHRASE.match(text[a:b].strip()) for a, b in tail.roles)  # 'Executive Secretary'
        line_end = text.find("\n", end)
        role_line = text[end:line_end if line_end >= 0 else len(text)].strip(" ,").split()
        titled = titled or (0 < len(role_line) <= 5 and text.startswith(",", end)
                            and role_line[-1].lower() in TITLE_WORDS)  # 'Tomasz Wierzbicki, Research Biologist'
        if not (tail.organizations or tail.country or titled or member_body(m.end())):
            continue  # a name-shaped phrase opening a line or sentence, with nothing of a listed person after it
        if tail.organizations and best_long_form(tail.organizations[0].name, name):
            continue  # 'Best Environmental Practices (BEP)' spells out an acronym
        add(name, begin, end, "listed person", tail)
    # 9. names listed before the body they share, ending a line: '2. Reducing Mercury use in ASGM Communities,
    # Victor Dumba, Caitlin Wright, Yannick Cishugi, Global Communities'
    for line_start, line_end in _lines_with_commas(text):
        cuts = [line_start] + [line_start + m.end() for m in re.finditer(r",\s*", text[line_start:line_end])]
        ends = [text.find(",", a, line_end) for a in cuts]
        segments = [(a, e if e >= 0 else line_end) for a, e in zip(cuts, ends)]
        if len(segments) < 3:
            continue
        body_start, body_end = segments[-1]
        body_end = body_start + len(text[body_start:body_end].rstrip(" .;"))
        known = orgs.at(body_start, 2)
        body = known or _new_body(text, body_start, body_end)
        if body is None:
            continue
        names = []
        for a, b in reversed(segments[:-1]):
            name = clean_name(text[a:b])
            if not plausible_name(name) or orgs.covers(a):
                break
            names.append((name, a, a + len(name)))
        if not names or len(names) == len(segments) - 1:
            continue  # a list of people ending in a body with nothing before them is read by rule 2
        for name, a, b in reversed(names):
            add(name, a, b, "listed before their shared body",
                Tail(organizations=[body], end=body_end, new_bodies=[] if known else [body]))
        bodies += _agenda_titles(text, segments[0][0], names[-1][1], body.name)
    # 6. the statistical model's people
    for start, end in statistical or []:
        name = clean_name(text[start:end])
        name = re.sub(r"^(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s+", "", name)
        if not plausible_name(name) or orgs.covers(start) or any(f.start <= start < f.end for f in found):
            continue
        if not _statistical_person_fits(text, start, end, name):
            continue
        begin = start + text[start:end].find(name.split()[0])
        add(name, begin, begin + len(name), STATISTICAL,
            read_tail(text, begin + len(name), orgs, _in_list_line(text, begin)))
    # 7. authors of cited works
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
    for f in found:  # a signature: 'Sam Adu-Kumi (Ghana) and Reggie Hernaus (The Netherlands)' / 'Co-Chairs of X'
        signed = _SIGNED_ROLE.match(text, text.find("\n", f.end) + 1) if "\n" in text[f.end:] else None
        if signed is None or text.find("\n", f.end) > f.end + 120:
            continue
        body = orgs.at(signed.start(1), 3) or _new_body(text, signed.start(1), signed.end(1))
        if body is not None:
            earlier = [n for n in f.props.get("affiliations", "").split("\x1f") if n and f.props.get("country") is None]
            f.props.pop("country", None)
            f.props["affiliation"] = body.name
            f.props["affiliations"] = "\x1f".join(dict.fromkeys([body.name, *earlier]))
            f.props.setdefault("affiliation_start", str(body.start))
            if body not in bodies and body.rule.startswith("affiliation"):
                bodies.append(body)
    people = sorted(found, key=lambda f: f.start)
    person_spans = [(p.start, p.end) for p in people]
    bodies = [b for b in bodies if not any(a <= b.start < e for a, e in person_spans)
              and name_key(b.name) not in {name_key(p.name) for p in people}]
    return [*people, *bodies]


_BIOGRAPHY_VERBS = frozenset({"is", "was", "serves", "served", "works", "worked", "joined", "leads", "heads", "has"})


def is_job_title(value: str) -> bool:
    """Whether a field's value is a person's job title ('Title: Programme Management Officer'), not a project's.

    >>> is_job_title("Programme Management Officer"), is_job_title("Mercury-Free Mining in the Andes")
    (True, False)
    """
    words = value.split()
    return bool(words) and words[-1].lower() in TITLE_WORDS


def first_name_mentions(text: str, people: list[Found], organizations: list[Found]) -> list[Found]:
    """A biography's later sentences that open with the first name alone of one person named before, then a verb a
    biography goes on with, and the body the sentence gives ('Joaquín Ferreyra Ruiz' ... 'Joaquín is a Programme
    Officer at the United Nations Environment Programme'); a first name two people share is left alone.

    >>> people = [Found("Person", "Joaquín Ferreyra Ruiz", 0, 21)]
    >>> unep = Found("Organization", "UNEP", 56, 60)
    >>> [(f.name, f.start, f.props["affiliation"]) for f in first_name_mentions(
    ...     "Joaquín Ferreyra Ruiz\\nJoaquín is a Programme Officer at UNEP.", people, [unep])]
    [('Joaquín Ferreyra Ruiz', 22, 'UNEP')]
    """
    out = _bio_name_lines(text, people)
    people = [*people, *out]
    by_first: dict[str, set[str]] = {}
    for f in people:
        words = f.name.split()
        if len(words) >= 2 and len(words[0]) > 2 and words[0][1:].islower():
            by_first.setdefault(words[0], set()).add(f.name)
        if len(words) >= 3 and words[1][:1].isupper() and words[1][1:].islower():  # 'María Fernanda Cevallos'
            by_first.setdefault(" ".join(words[:2]), set()).add(f.name)
    given = {g for g in by_first if " " in g}
    taken = {f.start for f in people if f.name not in given}  # 'María Fernanda', the NER's, is the given names
    orgs = _Orgs(organizations)
    for first, names in by_first.items():
        at = text.find(first + " ") if len(names) == 1 else -1
        while at >= 0:
            opens = text[:at].rstrip(" \t")[-1:] in ("", ".", "\n")
            verb = text[at + len(first):at + len(first) + 12].split()[:1]
            if at not in taken and opens and verb and verb[0] in _BIOGRAPHY_VERBS:
                props, bodies = person_tail(text, at + len(first), orgs)
                if props or " " in first:  # 'Ana Lucía is ...': the person's given names, whatever follows
                    out += [Found("Person", next(iter(names)), at, at + len(first), (first,), None,
                                  "first name of a person named before", props), *bodies]
            at = text.find(first + " ", at + 1)
    return out


def _bio_name_lines(text: str, people: list[Found]) -> list[Found]:
    """A line that is nothing but a name, over a biography that opens with its first word or two ('Ana Lucía
    Quispe Huamán' / 'Ana Lucía is National Coordinator ...'): a person, where nothing found it yet.

    >>> [f.name for f in _bio_name_lines("Ana Lucía Quispe Huamán\\nAna Lucía is a coordinator.", [])]
    ['Ana Lucía Quispe Huamán']
    """
    known = {f.start for f in people}
    out = []
    for start, end in line_spans(text):
        name = text[start:end].strip()
        words = name.split()
        if not 3 <= len(words) <= 5 or start in known or not plausible_name(name):
            continue
        following = text[end + 1:end + 80].split()
        for k in (2, 1):
            if following[:k] == words[:k] and following[k:k + 1] and following[k] in _BIOGRAPHY_VERBS:
                at = start + text[start:end].find(name)
                out.append(Found("Person", name, at, at + len(name), (name,), None, "a name over its biography"))
                break
    return out


def person_tail(text: str, end: int, organizations: list[Found] | _Orgs) -> tuple[dict[str, str], list[Found]]:
    """The affiliation props of a person named at ``text[:end]`` (see :func:`read_tail`; none when the words
    after the name give no body) and the bodies named only there.

    >>> props, _ = person_tail("Kanokwan Suk is a specialist with the Department of Health.", 12,
    ...                        [Found("Organization", "Department of Health", 38, 58)])
    >>> props["affiliation"]
    'Department of Health'
    """
    orgs = organizations if isinstance(organizations, _Orgs) else _Orgs(organizations)
    tail = read_tail(text, end, orgs, _in_list_line(text, end))
    if not tail.organizations:
        return {}, []
    names = [o.name for o in tail.organizations]
    props = {"affiliation": names[0], "affiliations": "\x1f".join(dict.fromkeys(names)),
             "affiliation_start": str(tail.organizations[0].start), "tail_end": str(tail.end)}
    if tail.roles:
        props["roles"] = ";".join(f"{a}:{b}" for a, b in tail.roles)
    return props, tail.new_bodies


_BEFORE_A_NAME = frozenset({"by", "with", "and", "or", "of", "to", "from", "said", "says", "for", "at", "as", "the",
                            "a", "an", "that", "whom", "when", "where", "including", "like", "thanks", "dear", "while",
                            "whereas", "but", "then", "also", "both", "his", "her", "their", "colleagues", "among"})


def _statistical_person_fits(text: str, start: int, end: int, name: str) -> bool:
    """The model's PERSON is not a quoted title ('"Sanu Kura: Support for ..."'), a name spelled out by the
    acronym after it ('Yayasan Tambuhak Sinta (YTS)'), a name after a common noun ('the on-line retailer Moda
    Operandi'), nor an initial and one word ('C. Interagency')."""
    from loaders.entities.runs import in_quotes

    if in_quotes(text, start) or text[max(0, start - 1):start] in ("\"", "\u201c"):
        return False
    acronym = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&\-]{1,12})\s*\)", text[end:end + 20])
    if acronym and best_long_form(acronym.group(1), name):
        return False
    before = re.search(r"([A-Za-z\-]+)\s+$", text[max(0, start - 30):start])
    if before and before.group(1).islower() and before.group(1) not in _BEFORE_A_NAME and not re.fullmatch(
            rf"(?i:{_ROLE})s?", before.group(1)):
        return False
    full_words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
    return len(full_words) >= 2


def _in_list_line(text: str, pos: int) -> bool:
    """Is ``pos`` on a short line that is a list item or a lone entry (no sentence of its own)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return len(line) < 200 and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", line)


def _affiliation(inside: str, offset: int, orgs: _Orgs) -> tuple[str | None, str | None]:
    """An organisation that opens the brackets (after any title), or a country standing alone."""
    lead = re.match(r"(?:Professor(?:\s+Emeritus)?|Dr|Chief [A-Z]\w+ [A-Z]\w+)\s*,?\s*", inside)
    skip = lead.end() if lead else 0
    org = orgs.at(offset + skip, 3)
    if org is not None:
        return org.name, None
    countries = find_countries(inside)
    if countries and countries[0].start == 0 and countries[0].end >= len(inside.rstrip(" .")):
        return None, countries[0].key
    if re.fullmatch(r"[A-Z][A-Za-z.\-]{1,12}", inside) and inside.lower() not in _ROLES_AND_TITLES:
        return inside, None  # an acronym such as "USEPA" or "UNIDO"; not a role ("Treasurer")
    return None, None
