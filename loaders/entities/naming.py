"""What sort of thing a name names, from its words, and an organisation's kind.

>>> entity_type("Biodiversity Research Institute"), entity_type("Global Mercury Observation System")
('Organization', 'Project')
>>> organization_kind("Ministry of the Environment of Japan")
('government', "name has 'Ministry'")
"""

from __future__ import annotations

import re
from functools import lru_cache

ORG_HEADS = ("Organization", "Organisation", "Agency", "Council", "Commission", "Committee", "Institute",
             "Institution", "University", "Universidade", "Universidad", "College", "School", "Centre", "Center",
             "Association", "Federation", "Foundation", "Fund", "Facility", "Bank", "Ministry", "Ministerio",
             "Department", "Secretariat", "Office", "Alliance", "Society", "Corporation", "Corp", "Inc", "Ltd",
             "Company", "Board", "Boards", "Service", "Authority", "Administration", "Union", "Consortium",
             "Cooperative", "Branch", "Division", "Laboratory", "Court", "Government", "Bureau", "Group", "Team",
             "Partnership", "Initiative", "Task Force", "Coalition", "Trust", "Institut", "Consilium",
             "Instituto", "Agencies", "Industries", "Services", "Directorate", "GmbH", "LLC", "Limited", "Watch",
             "S.A", "S.A.", "AG", "B.V.", "Pty", "plc", "Faculty", "Section", "Unit", "LLP", "JSC", "Combine")
#: a company's legal form, its name's last word whatever the case of the rest ('econ industries services GmbH')
LEGAL_FORMS = frozenset({"GmbH", "Ltd", "Ltd.", "Inc", "Inc.", "LLC", "AG", "SA", "S.A.", "BV", "B.V.", "plc", "Pty",
                         "LLP", "JSC"})
PROJECT_HEADS = ("Project", "Projects", "Programme", "Program", "Network", "System", "Database", "Plans", "Flagship",
                 "Campaign", "Platform", "Sampling", "Monitoring", "Observatory", "Grant", "Grants")
PUBLICATION_HEADS = ("Plan", "Study", "Guidance", "Guide", "Guidelines", "Report", "Toolkit", "Catalogue", "Catalog",
                     "Assessment", "Assessments", "List", "Handbook", "Manual", "Sourcebook", "Newsletter",
                     "Inventory", "Framework", "Brochure", "Roadmap", "Paper", "Review", "Factsheet", "Document",
                     "Documents", "Tool", "Tools", "Standard", "Standards", "Directory", "Synthesis", "Hub", "Portal",
                     "Factsheets", "Guides", "Reports", "Toolkits", "Protocol", "Protocols", "Module", "Modules",
                     "Handbooks", "Manuals", "Policy", "Bulletin", "Note")
EVENT_HEADS = ("Meeting", "Conference", "Forum", "Workshop", "Session", "Webinar", "Summit", "Symposium",
               "Congress", "Dialogue", "Consultation", "Event", "Retreat", "Assembly", "Meetings", "Conferences",
               "Forums", "Workshops", "Sessions", "Webinars", "Events", "Seminar", "Seminars", "Training", "Course",
               "Courses")
# heads that open a name: English 'University X', and the bodies of languages that put the head first ('Fundación
# Medmin', 'Yayasan Tambuhak Sinta', 'Agència de Residus de Catalunya')
OPENING_HEADS = frozenset({
    "Universidade", "Universidad", "Université", "Universität", "Universitas", "Instituto", "Institut", "Istituto",
    "University", "Ministry", "Ministerio", "Ministère", "Ministério", "Fundación", "Fundacion", "Fundação",
    "Fondation", "Fondazione", "Stiftung", "Asociación", "Associação", "Association", "Agencia", "Agència",
    "Agence", "Centro", "Yayasan", "Corporación", "Cooperativa", "Sociedad", "Consorcio", "Organización",
    "Organisation", "Servicio", "Secretaría", "Dirección", "Direction", "Escuela", "Caja", "Comisión", "Comissão",
    "Directorate", "PT", "Société", "Compañía", "Companhia", "Empresa", "Réseau"})
_OF_HEAD = re.compile(r"(\w+)\s+(?:of|for|on|to|in|at)\s")


def head_words(name: str) -> tuple[str, str]:
    """The last word and the word before a first 'of/for/on' (the head of 'Ministry of X')."""
    words = re.sub(r"\s*\(.*?\)\s*", " ", name).split()
    last = words[-1].strip(".,") if words else ""
    m = _OF_HEAD.search(name)
    return last, (m.group(1) if m else "")


#: what a page about a meeting's results calls itself before the meeting's name
ABOUT_A_MEETING = ("Outcome of the ", "Outcomes of the ", "Summary of the ", "Highlights of the ", "Outcome of ",
                   "Highlights from the ")
def carried_out(after: str) -> bool:
    """Whether the words after a name say it is carried out, as work is ('..., implemented by SPREP', ' is funded
    by ...'), not a body.

    >>> carried_out(", implemented by SPREP in Fiji"), carried_out(" (CSI) members agreed")
    (True, False)
    >>> carried_out(", a three-year project that"), carried_out(", a network of")
    (True, False)
    """
    words = after.replace(",", " ").replace("(", " ").split()[:4]
    if after.startswith(", a") and apposed_work(after):
        return True  # '..., a three-year project funded by the European Union'
    return any(w in ("implemented", "executed", "funded", "financed", "launched", "carried", "conducted", "led")
               for w in words[:3])


def apposed_work(after: str, reach: int = 3) -> list[str]:
    """The first words of an apposition after a name that calls it a project or programme within ``reach`` words
    ('..., a three-year project funded by ...', ', a project that tracks ...'), else none: work, whatever the name's
    head word.

    >>> apposed_work(", a three-year project funded by"), apposed_work(", a network of")
    (['a', 'three-year', 'project', 'funded'], [])
    """
    words = after.lstrip(", ").split()[:4]
    return words if words[:1] in (["a"], ["an"]) and any(
        w in ("project", "programme", "program") for w in words[1:reach + 1]) else []


_PLURAL_HEADS = ("Projects", "Programmes", "Programs", "Activities", "Publications", "Reports", "Events", "Meetings",
                 "Documents", "Resources", "Links")


def is_category(name: str) -> bool:
    """'UNEP Projects', 'Activities and Projects', 'Partners Projects': a heading over several things, not one's
    name.

    >>> is_category("Activities and Projects"), is_category("Mercury Inventory Pilot Project")
    (True, False)
    """
    words = name.split()
    return len(words) <= 3 and words[-1] in _PLURAL_HEADS


#: the words of a body's programme named by its remit, a unit of the body ("UNITAR's Chemicals and Waste Management
#: Programme", WHO's "Oral Health Programme"), not a piece of work
_REMIT_WORDS = frozenset({"Chemicals", "Chemical", "Waste", "Wastes", "Management", "Health", "Oral", "Pollution",
                          "Control", "Hazardous", "Substances", "Environment", "Environmental", "and", "&"})


def remit_programme(name: str) -> bool:
    """Whether ``name`` is a programme named by its remit alone: a unit of its body.

    >>> remit_programme("UNITAR's Chemicals and Waste Management Programme")
    True
    >>> remit_programme("Mines to Market Programme")
    False
    """
    words = name.split()
    if words and words[0].endswith(("'s", "\u2019s")):
        words = words[1:]  # its body's possessive
    return len(words) >= 2 and words[-1] in ("Programme", "Program") and all(w in _REMIT_WORDS for w in words[:-1])


@lru_cache(maxsize=65536)
def entity_type(name: str) -> str | None:
    """'Organization', 'Project', 'Publication', 'Event' or None, from the head words of ``name``."""
    if re.search(r"\bConference of the Parties\b", name) and not re.search(r"\b(?:meeting|session)\b", name,
                                                                             re.IGNORECASE):
        return "Organization"  # the body, not one of its meetings
    last, first = head_words(name)
    if "Task Force" in name or remit_programme(name):
        return "Organization"
    _, assessment, rest = re.sub(r"\s*\([^)]*\)$", "", name).partition("Initial Assessment")
    if assessment and (rest in ("", "s") or rest.removeprefix("s").startswith((" in ", " for "))):
        return "Project"  # the Convention's Minamata Initial Assessment is work (a GEF enabling activity), not a report
    lists = ((EVENT_HEADS, "Event"), (PUBLICATION_HEADS, "Publication"), (PROJECT_HEADS, "Project"),
             (ORG_HEADS, "Organization"))
    opening = name.split()[0] if name.split() else ""
    last = last.capitalize() if last.isupper() and len(last) > 3 else last  # 'Monitoring NETWORK'
    for word in (first, last, opening if opening in OPENING_HEADS else ""):
        for heads, etype in lists:
            if word and word in heads:
                return etype
    return "Organization" if opening in OPENING_HEADS else None


_KIND_RULES: tuple[tuple[str, str, str], ...] = (
    ("government", r"\b(?:Government|Ministry|Ministerio|Minister|Department of|Directorate of|Secretariat of Environment|"
                   r"Environmental Protection Agency|Geological Service|Health Service|Supreme Court|"
                   r"National Science Foundation|State Department|Food and Drug Administration|"
                   r"Agency for International Development|Trade and Development Agency|Pollution Control Board)\b",
     "government body"),
    ("intergovernmental", r"\b(?:United Nations|UN |UNEP|Convention|Conference of the Parties|Secretariat|"
                          r"European Union|European Commission|World Bank|Environment Facility|Intergovernmental|"
                          r"Organi[sz]ation of American States|Association of Southeast Asian Nations|"
                          r"Caribbean Community|Regional Centre|Coordinating Cent(?:er|re)|Task Force|"
                          r"Governing Council|Economic Commission|Trust Fund|GEF)\b", "intergovernmental body"),
    ("academia", r"\b(?:University|Universidade|Universidad|College|School of|Institute of Technology|Academy|"
                 r"Research Council|Laboratory|Graduate School|Research Institute|Science)\b", "academic body"),
    ("private_sector", r"\b(?:Inc|Ltd|Corp|Corporation|Company|S\.A|GmbH|Cooperative|cooperative|Industries|"
                       r"Business Council|Cement|Chlorine|Jewelry|Instruments)\b", "company or industry body"),
    ("ngo", r"\b(?:Council|Foundation|Alliance|Society|Institute|Working Group|Network|Coalition|Fund for|"
            r"Association|Bureau|Project|Trust|International)\b", "non-governmental body"),
)


def organization_kind(name: str) -> tuple[str, str]:
    """(kind, rule) for an organisation's name; 'other' when no rule fits."""
    for kind, pattern, _ in _KIND_RULES:
        m = re.search(pattern, name)
        if m:
            return kind, f"name has {m.group(0).strip()!r}"
    return "other", "no rule matched"


#: a body's own boards, named without the body: no body of their own ('Chair of the Board', 'Board of Trustees'); a
#: project's steering committee is one (the shared gold names 'planetGOLD Mongolia Project Steering Committee')
_OWN_ORGANS = frozenset({"board", "board of trustees", "board of directors", "board of governors", "advisory board",
                         "executive board"})


def is_own_organ(name: str) -> bool:
    """Whether ``name`` is only a body's board named without its body ('the Board of Trustees'), which names no body
    of its own.

    >>> is_own_organ("Board of Trustees"), is_own_organ("the Board"), is_own_organ("SIP Board")
    (True, True, False)
    """
    return name.lower().removeprefix("the ").strip() in _OWN_ORGANS


#: the words that end a venue's name ('Bali International Convention Centre', 'Labadi Beach Hotel'); a venue is
#: where a meeting is held, not a body of the graph (the gold names none)
_VENUE_ENDS = ("Hotel", "Convention Centre", "Convention Center", "Conference Centre", "Conference Center",
               "International Centre", "Exhibition Centre", "Exhibition Center", "Resort", "Auditorium")


#: any of these words makes a body named on an event's dateline its venue ('Room 3, International Conference ...')
_DATELINE_VENUE_WORDS = ("Conference", "Convention", "Hotel", "Hall", "House", "Palace", "Room")


def is_venue(name: str, on_a_dateline: bool = False) -> bool:
    """Whether ``name`` is a venue's: it ends with a venue's words, or with them and one more word, its city
    ('International Conference Centre Geneva'); on an event's dateline, any venue word in it will do.

    >>> [is_venue(n) for n in ("Bali International Convention Centre", "International Conference Centre Geneva",
    ...                        "Labadi Beach Hotel", "International Centre for Sustainable Carbon")]
    [True, True, True, False]
    >>> is_venue("International Environment House", on_a_dateline=True), is_venue("Ministry of Mines", True)
    (True, False)
    """
    words = name.split()
    if on_a_dateline:
        return any(w in words for w in _DATELINE_VENUE_WORDS)
    return name.endswith(_VENUE_ENDS) or (len(words) >= 3 and " ".join(words[:-1]).endswith(_VENUE_ENDS)
                                          and words[-1][:1].isupper() and words[-1].isalpha())
