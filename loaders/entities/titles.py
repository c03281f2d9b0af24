"""Find named projects, publications and events.

Rules:

1. numbered meetings of the Convention's and the Partnership's bodies: "INC7", "COP-4",
   "PAG-12", "ICCM4", "the sixth meeting of the Partnership Advisory Group", "the third meeting
   of the Conference of the Parties" (codes and ordinal phrases of one meeting get one name);
2. quoted titles, typed by their own head word ("... Guide" is a publication) or by the
   noun next to them ("the project: \u201cRoadmap to Responsible Gold\u201d", "the UNEP
   \u201cActing Now\u201d publication");
3. capitalised names headed by a project, publication or event word ("Global Mercury
   Observation System", "Catalogue of Technologies and Services on ...", "Global Forum on
   ASGM"), and acronym definitions typed the same way;
4. a name with a lower-case head: "Just Gold project", "Mines to Market programme",
   "Mesoamerica workshop", "Tiira summit";
5. brand names of programmes ("planetGOLD", "planetGOLD Guyana").

>>> [(f.node_type, f.name) for f in find_titled("UNEP reported to INC7 on the \u201cQuick Start Guide\u201d.")]
[('Event', 'INC-7'), ('Publication', 'Quick Start Guide')]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from loaders.entities.acronyms import Definition, find_definitions, is_acronym
from loaders.entities.found import Found, clean_name
from loaders.gazetteers.mention import starts_with
from loaders.entities.naming import (ABOUT_A_MEETING, EVENT_HEADS, PROJECT_HEADS, PUBLICATION_HEADS, apposed_work,
                                     carried_out, entity_type, is_category, organization_kind)
from loaders.entities.acronyms import CONNECTORS
from loaders.entities.runs import capitalised_runs, in_quotes, strip_role
from loaders.gazetteers.countries import find_countries, is_country_name, only_countries
from schema.reference import demonyms

_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
         "eightieth": 80, "ninetieth": 90}
_TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90}
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth"]
_ORDINAL = ("(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:" + "|".join(ORDINALS[:9]) + ")|"
            + "|".join(_TENS) + "|" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th)")
# bodies whose meetings are numbered, with the code their meetings go by
BODIES: dict[str, tuple[str, str]] = {
    "partnership advisory group": ("PAG", "meeting of the Partnership Advisory Group"),
    "unep global mercury partnership advisory group": ("PAG", "meeting of the Partnership Advisory Group"),
    "global mercury partnership advisory group": ("PAG", "meeting of the Partnership Advisory Group"),
    "pag": ("PAG", "meeting of the Partnership Advisory Group"),
    "conference of the parties": ("COP", "meeting of the Conference of the Parties to the Minamata Convention"),
    "conference of the parties to the minamata convention": (
        "COP", "meeting of the Conference of the Parties to the Minamata Convention"),
    "conference of the parties to the convention": (  # the Minamata Convention's texts' own short form
        "COP", "meeting of the Conference of the Parties to the Minamata Convention"),
    "intergovernmental negotiating committee": (
        "INC", "session of the intergovernmental negotiating committee to prepare a global legally binding "
               "instrument on mercury"),
    "inc": ("INC", "session of the intergovernmental negotiating committee to prepare a global legally binding "
                   "instrument on mercury"),
    "international conference on chemicals management": (
        "ICCM", "session of the International Conference on Chemicals Management"),
}
_CODE = re.compile(r"(?<![\w\-/.])(INC|COP|PAG|ICCM|ICMGP)[\s\-]?(\d{1,2})(?![\w/])")
_ORDINAL_MEETING = re.compile(
    rf"{starts_with(['the', '1', '2', '3', '4', '5', '6', '7', '8', '9', *ORDINALS, *_TENS], ignore_case=True)}"
    rf"\b(?:the\s+)?((?i:{_ORDINAL}))(?:\s+and\s+((?i:{_ORDINAL})))?\s+(meetings?|sessions?)\s+of\s+(?:the\s+)?"
    r"((?:[A-Z][\w\-]*|UNEP)(?:[ \t]+(?:[A-Z][\w\-]*|(?:of|the|on|to|for|and)\b)){0,12}"
    r"|intergovernmental negotiating committee"
    r"|group of technical experts|expert group)")
_DATED_MEETING = re.compile(
    r"^[ \t]*(?:\d{1,3}\.\s+)?([A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|and|the|of))*\s+(?:workshop|meeting|forum|"
    r"consultation|conference))\s*:\s*[^,;\n]{4,40}\d{4},\s*([A-Z][\w\s\-]{2,30}?)\s*[;.]?\s*$", re.MULTILINE)
_QUOTED = re.compile(r"[\u201c\"\u00ab]([^\u201c\u201d\"\u00ab\u00bb\n]{3,220}?)[\u201d\"\u00bb]|(?<![*\w])\*([A-Z][^*\n]{3,220}?)\*(?![*\w])")
_BEFORE_PROJECT = re.compile(r"(?:project|programme|program|initiative|campaign|called|titled)\s*[:,]?\s*$",
                             re.IGNORECASE)
_BEFORE_PUBLICATION = re.compile(r"(?:publication|report|guidance|guide|document|study|book|brochure|paper|"
                                 r"toolkit|video|film|article|guidelines)\s+(?:(?:on|of)(?:\s+(?:the|a|an))?|entitled|"
                                 r"titled|called)?\s*[:,]?\s*$|(?:publication|report|document|study)\s*[:,]?\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:(?:is|was)\s+an?\s+(?:[\w\-]+\s+){0,2}?)?(project|programme|program|initiative|campaign|publication|report|guidance|document|"
                    r"study|brochure|toolkit|webinar|workshop|forum|session|event)s?(?![a-z])", re.IGNORECASE)
_BEFORE_EVENT = re.compile(r"(?:webinar|workshop|session|event|conference|forum|seminar|meeting|plenary)s?\b"
                           r"(?:[^.;\u201c]{0,40}?\b(?:on|entitled|titled|called))?\s*[:,]?\s*$", re.IGNORECASE)
_LOWER_HEAD = re.compile(  # (words on one line, or run over a line break, never over a blank line)
    r"(?<![\w\-])((?:[A-Z][\w'\u2019\-]*|[a-z]+[A-Z][\w\-]*)(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z][\w'\u2019\-]*|"
    r"[a-z]+[A-Z][\w\-]*|to|of|for|and|in|the|on|with|at|\([A-Z][A-Za-z0-9\-]{1,10}\))){0,13})(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:(pilot|demonstration)\s+)?(project|programme|program|workshop|summit|webinar|campaign|meeting)s?\b")
_PLAIN_WORDS = frozenset({"Virtual", "Joint", "Annual", "Online", "Regional", "National", "Technical", "Special",
                          "Final", "Pilot", "Demonstration", "European", "Face-to-face", "Core-member", "PhD", "TV",
                          "INC", "PAG", "COP", "GEF", "UNEP", "Partnership", "Expert", "Experts", "Subregional",
                          "Side", "Informal", "High-level", "Bureau", "Preparatory", "Global", "International"})
TITLE_CONNECTORS = CONNECTORS | frozenset({"in", "a", "an", "as", "with", "from", "by", "via", "through", "towards",
                                           "into", "under", "among", "between", "at", "&", "-"})
_GENERIC_TITLE_WORDS = frozenset({"strategic", "business", "action", "activity", "work", "preparation", "mailing",
                                  "response", "plan", "plans", "programme", "programmes", "project", "projects",
                                  "report", "list", "document", "grant", "system", "network", "study", "meeting",
                                  "workshop", "session", "assessment", "assessments", "guidance", "partnership",
                                  "areas", "area", "ongoing", "two", "one", "kick", "off", "kick-off", "practical",
                                  "guide", "environmental", "policy", "technical", "monitoring", "national",
                                  "global", "regional", "annual", "progress", "final", "draft", "new"})
_HEAD_INITIAL = re.compile(
    r"\b((?:Technical[ \t]+(?:[Gg]uidelines|[Gg]uidance|[Rr]eport)|Guidance|Guidelines|Toolkit|Study[ \t]report|Report|"
    r"Catalogue|Guide|Protocol|Factsheets|Analysis)(?:[ \t]+(?:[Dd]ocument|[Rr]eport))?[ \t]+(?:on|for|of|in|to)[ \t]+"
    r"[^.,;:()\n\u201c\u201d\"]{5,140})")
_TITLE_STOP = re.compile(r"\s+(?:was|were|is|are|has|have|had|will|would|which|that|specify|specifies|outlines|"
                         r"developed|prepared|published|"
                         r"presented|adopted|launched|as well as|and the|by the|in \d{4}|to be|with a|in collaboration|in cooperation|"
                         r"in partnership|with the support|together with|including|for the purpose)\b.*$")
_BRAND = re.compile(r"(?<![\w\-])([a-z]+[A-Z]{2,}[A-Za-z]*)(?=\s+([A-Z\u00c0-\u00de][\w\u00c0-\u017f'\u2019\-]+"
                    r"(?:\s+[\w\u00c0-\u017f'\u2019\-]+){0,3}))?")
_NOT_TITLE_WORDS = frozenset({"The", "This", "That", "A", "An", "In", "On", "Each", "Every", "Our", "Its", "Their",
                              "Other", "Such", "Some", "All", "These", "Both", "Existing", "Related", "Several",
                              "Within", "Through", "Under", "With", "For", "From", "By", "Ongoing", "Two", "One",
                              "Three", "New", "Pact's", "Phase", "About", "Over", "Around", "Approximately", "Current",
                              "Previous", "Recent", "Upcoming", "Past", "Future", "Many", "Most", "Further", "At",
                              "During", "After", "Before", "Since", "Following"})
TYPE_OF_HEAD = {"meeting": "Event", "project": "Project", "programme": "Project", "program": "Project", "initiative": "Project",
                "campaign": "Project", "publication": "Publication", "report": "Publication",
                "guidance": "Publication", "document": "Publication", "study": "Publication", "brochure": "Publication",
                "toolkit": "Publication", "webinar": "Event", "workshop": "Event", "forum": "Event",
                "session": "Event", "event": "Event", "summit": "Event"}


def _ordinal_number(word: str) -> int:
    """'sixth' -> 6, 'seventieth' -> 70, 'twenty-fifth' -> 25, '10th' -> 10."""
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS.index(word) + 1
    if word in _TENS:
        return _TENS[word]
    if "-" in word and word.split("-")[0] in _TENS_PREFIX:
        tens, unit = word.split("-", 1)
        return _TENS_PREFIX[tens] + ORDINALS.index(unit) + 1
    return int(re.match(r"\d+", word).group(0))


def _meetings(text: str) -> list[Found]:
    found = []
    for m in _CODE.finditer(text):
        code, number = m.group(1), int(m.group(2))
        if code == "ICMGP":
            name = f"{number}th International Conference on Mercury as a Global Pollutant"
            found.append(Found("Event", f"ICMGP-{number}", m.start(), m.end(), (m.group(0), name), None,
                               "numbered meeting code"))
            continue
        found.append(Found("Event", f"{code}-{number}", m.start(), m.end(), (m.group(0), f"{code}{number}"),
                           None, "numbered meeting code"))
    bodies: list[tuple[int, str, str]] = []  # (end, body, kind) of each, for a later 'the fourth meeting'
    for m in _ORDINAL_MEETING.finditer(text):
        body_text = re.sub(r"(?:\s+(?:of|the|on|to|for|and))+$", "", m.group(4).strip())
        for g in (1, 2):
            if m.group(g):
                hit = _ordinal_found(m.group(g), m.group(3), body_text, m.start(), m.end())
                found += [hit] if hit else []
        bodies.append((m.end(), body_text, m.group(3).rstrip("s").lower()))
    for m in _ITS_ORDINAL.finditer(text):  # 'At its sixth session, held ... in Bangkok, the ... committee'
        body_text = _body_near(text, m.start(), m.end()) or _subject_holding(text, m.start())
        if body_text is None:
            continue
        for g in (1, 2):
            if m.group(g):
                hit = _ordinal_found(m.group(g), m.group(3), body_text, m.start(), m.end())
                found += [hit] if hit else []
        bodies.append((m.end(), body_text, m.group(3).rstrip("s").lower()))
    bodies.sort()
    for m in _BARE_ORDINAL.finditer(text):  # 'The third meeting of the expert group ... The fourth meeting was held'
        kind = m.group(2).lower()
        earlier = [b for end, b, k in bodies if end <= m.start() and m.start() - end < 1500 and k == kind]
        if earlier:
            hit = _ordinal_found(m.group(1), m.group(2), earlier[-1], m.start(), m.end())
            found += [hit] if hit else []
    for m in _ORDINAL_BODY.finditer(text):  # 'the 7th Intergovernmental Negotiating Committee (INC)', 'the 7th PAG meeting'
        body = _known_body(m.group("body"))
        if body is None or re.match(r"\s+(?:meetings?|sessions?)\s+of\b", text[m.end("body"):m.end("body") + 20]):
            continue
        if re.match(r"\s+(?:following|since|after|before|of\s+its|ever|to\s+be)\b", text[m.end():m.end() + 16]):
            continue  # 'the first PAG meeting following the adoption of the Convention': first of a kind, not PAG-1
        kind = "session" if BODIES[body][0] in ("INC", "ICCM") else "meeting"
        hit = _ordinal_found(m.group("ordinal"), kind, body if body != "pag" else "partnership advisory group",
                             m.start("ordinal"), m.end())
        if hit is not None:
            hit.aliases = (*hit.aliases, clean_name(re.sub(r"\s*\([^()]*\)", "", text[m.start("ordinal"):m.end()])))
            found.append(hit)
    for m in _KIND_ON_TOPIC.finditer(text):  # 'a joint webinar on the sound management of ... sector on 16 February'
        topic = re.split(r"\s+(?:on|in|at|held|organi[sz]ed|hosted|from|for|with|was|were|which|that|to|by)\s+(?=[A-Z\d]|"
                         r"the\s+[A-Z]|held|organi|hosted)", m.group("topic"))[0].rstrip(" ,")
        if len(topic.split()) < 3 or _after_named_meeting(text[max(0, m.start() - 60):m.start()]):
            continue  # '... Reporting Workshop, a regional training on ...': what the named meeting was
        name = f"{m.group('kind')} on {topic}"
        name = name[:1].upper() + name[1:]
        phrase = text[m.start("lead"):m.start("topic") + len(topic)]
        found.append(Found("Event", name, m.start("lead"), m.start("topic") + len(topic), (name, clean_name(phrase)),
                           None, "a meeting named by its topic"))
    dated = list(_DATED_MEETING.finditer(text))
    repeated = {m.group(1) for m in dated if sum(1 for d in dated if d.group(1) == m.group(1)) > 1}
    for m in dated:  # '22. Mesoamerica workshop: 26-28 November 2014, Mexico City;'
        name = f"{m.group(1)}, {m.group(2).strip()}"
        # two 'Central Asia workshop's, in Minsk and in Bratislava: the bare name is neither's
        aliases = (name,) if m.group(1) in repeated else (name, m.group(1))
        found.append(Found("Event", name, m.start(1), m.end(2), aliases, None, "meeting listed with its date and place"))
    for m in _BODY_THEN_ORDINAL.finditer(text):  # a masthead: 'Partnership Advisory Group / Twelfth meeting'
        number = _ordinal_number(m.group(2)) if m.group(2) else int(m.group(3))  # a page's: '... Group Meeting 11'
        found.append(Found("Event", f"PAG-{number}", m.start(), m.end(), (clean_name(m.group(0)), f"PAG{number}"),
                           None, "ordinal meeting of a known body"))
    return found


def _ordinal_found(ordinal: str, kind: str, body_text: str, start: int, end: int) -> Found | None:
    """The event 'the <ordinal> <meeting|session> of <body>' names, under its code for a known body."""
    number = _ordinal_number(ordinal)
    phrase = f"{ordinal} {kind.rstrip('s').lower()} of the {body_text}"
    phrase = phrase[:1].upper() + phrase[1:]
    code, long = BODIES.get(body_text.lower(), ("", ""))
    if code:
        spelled = ORDINALS[number - 1].capitalize() if number <= len(ORDINALS) else str(number)
        full = f"{spelled} {long}"
        short = f"{spelled} {kind.rstrip('s').lower()} of the {body_text}"
        return Found("Event", f"{code}-{number}", start, end, (phrase, full, short, f"{code}{number}"), None,
                     "ordinal meeting of a known body")
    if len(body_text.split()) >= 2:
        return Found("Event", phrase, start, end, (phrase,), None, "ordinal meeting of a body")
    return None


def numbered_meeting(name: str, start: int, end: int) -> Found | None:
    """'The First Conference of the Parties', 'the first Conference of Parties': an ordinal before a known body
    names its meeting, under the meeting's code.

    >>> numbered_meeting("first Conference of Parties", 0, 27).name
    'COP-1'
    """
    ordinal, _, body = name.partition(" ")
    body = re.sub(r"\bof (?!the )", "of the ", body)
    if ordinal.lower() not in ORDINALS or body.lower() not in BODIES:
        return None
    return _ordinal_found(ordinal, "meeting", body, start, end)


_NAME_LINKS = ("and", "of", "the", "for", "on", "to")


def _subject_holding(text: str, start: int) -> str | None:
    """The body whose meeting 'its' is, where the sentence opens with it: 'The Implementation and Compliance
    Committee held its first meeting from 29 to 30 May 2018 in Geneva' (capitalised words before 'held', 'convened'
    or 'concluded'; at least two, the first capitalised).

    >>> _subject_holding("The Implementation and Compliance Committee held its first meeting", 49)
    'Implementation and Compliance Committee'
    >>> _subject_holding("In 2018 it held its first meeting", 19) is None
    True
    """
    words = text[max(0, start - 200):start].split()
    if len(words) < 3 or words[-1] not in ("held", "convened", "concluded", "opened"):
        return None
    name: list[str] = []
    for word in reversed(words[:-1]):
        if not (word[:1].isupper() or word in _NAME_LINKS) or word.endswith((".", ",", ";", ":")):
            break
        name.insert(0, word)
    while name and (name[0] in _NAME_LINKS or name[0] == "The"):
        name.pop(0)
    return " ".join(name) if len(name) >= 2 and name[-1][:1].isupper() else None


def _body_near(text: str, start: int, end: int) -> str | None:
    """The body 'its' stands for in 'at its sixth session': the nearest named before it in the sentence, else
    the first after it in the sentence, else the nearest in the 600 characters before."""
    window = max(0, start - 3000), min(len(text), end + 3000)  # a sentence is never longer: the cost stays local
    opening = max(text.rfind(". ", window[0], start), text.rfind("\n", window[0], start), window[0] - 1) + 1
    closing = min((i for i in (text.find(". ", end, window[1]), text.find("\n", end, window[1])) if i >= 0),
                  default=window[1])
    named = [(b.start(), b.group(0)) for b in _BODY_NAMES.finditer(text, max(0, min(opening, start - 600)), closing)]
    head = re.search(r"\b(committee|group|conference|council|assembly)\s+(?:at|during|in)\s+$", text[max(0, start - 40):start],
                     re.IGNORECASE)
    if head:  # 'the committee at its seventh session': the committee last named in full
        named = [(b.start(), b.group(0)) for b in _BODY_NAMES.finditer(text, max(0, start - 3000), start)
                 if b.group(0).lower().split()[-1] == head.group(1).lower()]
        return named[-1][1] if named else None
    before = [name for at, name in named if at < start]
    in_sentence = [name for at, name in named if opening <= at < start]
    after = [name for at, name in named if at >= end]
    if in_sentence:
        return in_sentence[-1]
    if after:
        return after[0]
    return before[-1] if before else None


_BODY_NAMES = re.compile(r"\b(?:(?i:" + "|".join(sorted((re.escape(k) for k in BODIES if len(k) > 3), key=len, reverse=True))
                         + r")|PAG|INC)\b")  # the long names in any case, the codes in capitals only
_ITS_ORDINAL = re.compile(rf"\bits\s+(?:the\s+)?((?i:{_ORDINAL}))(?:\s+and\s+((?i:{_ORDINAL})))?\s+(meetings?|sessions?)\b")
_ORDINAL_BODY = re.compile(rf"\b(?:[Tt]he\s+)(?P<ordinal>(?i:{_ORDINAL}))\s+(?P<body>(?:[A-Za-z][a-z]+\s+){{2}}[A-Za-z][a-z]+"
                           r"|PAG|INC|COP)(?:\s*\((?:INC|PAG|COP)\))?(?:\s+(?:meeting|session))?(?![\w\-])")


#: the head words of a named meeting an apposition may follow ('the Pacific Minamata Reporting Workshop, a ...')
_MEETING_HEADS = frozenset({"Workshop", "Meeting", "Forum", "Conference", "Training", "Webinar", "Seminar", "Dialogue",
                            "Course", "Session", "Summit"})


def _after_named_meeting(before: str) -> bool:
    """Whether ``before`` ends with a named meeting and the comma of an apposition.

    >>> _after_named_meeting("the Pacific Minamata Reporting Workshop, "), _after_named_meeting("in Fiji, ")
    (True, False)
    """
    words = before.rstrip().removesuffix(",").split()
    return before.rstrip().endswith(",") and len(words) >= 2 and words[-1] in _MEETING_HEADS and words[-2][:1].isupper()


_KIND_ON_TOPIC = re.compile(
    r"\b(?:a|an|the)\s+(?P<lead>(?:(?:joint|virtual|online|national|regional|subregional|international|technical|"
    r"well-attended|first|second|half-day|one-day|two-day|three-day|high-level)\s+){0,2}"
    r"(?P<kind>webinar|workshop|seminar|training session|training|forum|consultation))\s+on\s+"
    r"(?P<topic>(?:the\s+)?[a-zA-Z][\w\-]*(?:\s+(?:[\w\-]+)){1,18}?)(?=\s*[,.;()]|\s+(?:on|in|at)\s+(?:the\s+)?[A-Z\d]|"
    r"\s+(?:held|organi[sz]ed|hosted|from|that|which|was|were|will)\b|$)")


def _known_body(phrase: str) -> str | None:
    """The known body a phrase names, spelling slips allowed ('intergovernmental negotiating commiteee')."""
    from rapidfuzz import fuzz

    key = phrase.lower()
    if key in BODIES:
        return key
    if len(key) < 12:
        return None
    best = max((k for k in BODIES if len(k) > 12), key=lambda k: fuzz.ratio(k, key))
    return best if fuzz.ratio(best, key) >= 92 else None


_BARE_ORDINAL = re.compile(rf"\b[Tt]he\s+((?i:{_ORDINAL}))\s+(meeting|session)\b(?!\s+(?:of|and)\b)")
_BODY_THEN_ORDINAL = re.compile(rf"(Partnership Advisory Group|\bPAG)[\s,*]*(?:({_ORDINAL})\s+meeting|[Mm]eeting\s+"
                                r"(\d{1,2})\b(?![.,]\d))", re.IGNORECASE)


_SPEECH_WORDS = frozenset({"we", "our", "us", "are", "was", "were"})
_SPEECH_PAIRS = frozenset({("it", "is"), ("is", "a"), ("is", "an"), ("has", "been"), ("have", "been")})


def _speech(words: list[str]) -> bool:
    """Words of somebody's sentence, not of a title: 'we', 'our', 'I', 'are', 'it is', 'is an', 'has been'."""
    plain = [w.strip(".,;:!?\"'\u2018\u2019\u201c\u201d()") for w in words]
    lower = [w.lower() for w in plain]
    return ("I" in plain or bool(_SPEECH_WORDS.intersection(lower))
            or any(pair in _SPEECH_PAIRS for pair in zip(lower, lower[1:])))


_SAYING = frozenset({"said", "says", "added", "adds", "explained", "explains", "noted", "notes", "stressed", "stresses",
                     "emphasised", "emphasized", "underlined", "remarked", "recalled", "concluded", "told", "according"})


def _quotation(quoted: str, after: str) -> bool:
    """Whether quoted words are what somebody said: a verb of saying within the next few words ('"..." said Minister
    Lucía Andino', '"...," Dr. Sato explained'), or two sentences inside the quotes.

    >>> _quotation("This project is about proving the alternative", ', said Minister Andino.')
    True
    >>> _quotation("Mercury-Free Mining in the Andes", ' project, which UNIDO said')
    False
    """
    words = [w.strip(",.;:").lower() for w in after.split()[:5]]
    said = any(w in _SAYING for w in words[:4]) and not any(w in ("project", "programme", "report") for w in words[:2])
    sentences = any(w.endswith(".") and len(w) > 4 and w[:1].islower() and nxt[:1].isupper()
                    for w, nxt in zip(quoted.split(), quoted.split()[1:]))
    return said or sentences


def _quoted(text: str) -> list[Found]:
    found = []
    for m in _QUOTED.finditer(text):
        g = 1 if m.group(1) is not None else 2
        title = clean_name(m.group(g).strip(" .,;:"))
        words = title.split()
        before = text[max(0, m.start() - 40):m.start()]
        if title[:1].islower() and len(words) >= 4 and _BEFORE_PROJECT.search(before):
            title = title[:1].upper() + title[1:]  # 'The project "reducing mercury use in ... sector"': a title
        if len(words) < 2 or not title[:1].isupper() or title.endswith(("?", "!")) or _generic(title):
            continue
        if (_speech(words) or m.group(g).rstrip().endswith((".", "!", "?"))) and sum(
                w[:1].islower() for w in words) > 0.6 * len(words):
            continue  # '"We hope we can demonstrate the viability of ..."': somebody's words, not a title
        if _quotation(m.group(g), text[m.end():m.end() + 60]):
            continue  # '"Miners do not use mercury because they like it. ...," said Minister ...'
        if g == 2 and re.search(r"\b[A-Z][a-z]{1,6}\.", m.group(2)):
            continue  # '*Extrac. Ind. Soc.*': an abbreviated journal name
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 30]
        node_type = entity_type(title)
        if node_type == "Organization":
            continue  # a name quoted in its own language, such as a ministry's
        follow = _AFTER.match(after)
        if follow:
            node_type = TYPE_OF_HEAD[follow.group(1).lower()]
        elif _BEFORE_EVENT.search(before):
            node_type = "Event"
        elif _BEFORE_PROJECT.search(before):
            node_type = "Project"
        elif _BEFORE_PUBLICATION.search(before):
            node_type = "Publication"
        if node_type not in ("Project", "Publication", "Event"):
            window = text[max(0, m.start() - 800):m.start()] + " " + text[m.end():m.end() + 80]
            if re.search(r"\bprojects?\b", window, re.IGNORECASE):
                node_type = "Project"  # a list of titles under 'has several ongoing projects'
            elif re.search(r"\b(?:publications?|reports?|books?|guidance)\b", window, re.IGNORECASE):
                node_type = "Publication"
            else:
                continue
        years = re.search(r",?\s*\(?\d{4}(?:\s*[\u2013\-]\s*\d{4})?\)?$", title)
        name = title[:years.start()].strip(" ,") if years and len(title[:years.start()].split()) >= 2 else title
        suffix = re.match(r"(.+?)\s+[-\u2013]\s+([A-Z][A-Z0-9]{2,})$", name)
        if suffix:
            name = suffix.group(1)
        span = (m.start(g), m.start(g) + len(m.group(g).rstrip(" .,;:")))
        variants = expand_alternatives(name)
        if len(variants) > 1:  # '"... in [Mali's/Ghana's] ... Sector"': one title per country
            found += [Found(node_type, v, *span, (v,), None, "quoted title with alternatives") for v in variants]
            continue
        short = re.match(r"\s*\(\s*([A-Z][\w\-]{1,15})\s*\)", text[m.end():m.end() + 25])
        if short and is_acronym(short.group(1)):  # 'the project "Sahel and Coastal Gold Without Mercury" (SCGWM)'
            at = m.end() + short.start(1)
            found.append(Found(node_type, name, at, at + len(short.group(1)), (short.group(1),), None, "acronym"))
        found.append(Found(node_type, name, *span, tuple(dict.fromkeys((title, name, *(short.groups() if short and
                           is_acronym(short.group(1)) else ())))), None, "quoted title"))
    return found


_ALTERNATIVES = re.compile(r"\[([^\[\]/\n]{1,40}(?:/[^\[\]/\n]{1,40})+)\]")


def expand_alternatives(title: str) -> list[str]:
    """The titles a bracketed choice stands for.

    >>> expand_alternatives("Reducing Mercury Use in [Mali's/Ghana's] ASGM Sector")
    ["Reducing Mercury Use in Mali's ASGM Sector", "Reducing Mercury Use in Ghana's ASGM Sector"]
    >>> expand_alternatives("Global Forum on ASGM")
    ['Global Forum on ASGM']
    """
    m = _ALTERNATIVES.search(title)
    if m is None:
        return [title]
    return [title[:m.start()] + choice.strip() + title[m.end():] for choice in m.group(1).split("/")]


def _names_area(name: str) -> bool:
    """'ASGM', 'Mercury in Products': a partnership area, not a title."""
    from loaders.gazetteers.areas import find_areas

    areas = find_areas(name)
    return bool(areas) and areas[0].start == 0 and areas[-1].end >= len(name) - 1


# adjectives of regions, which modify a noun that follows ('the Asian and African regions'), not a name
_REGION_ADJECTIVES = frozenset({"Asian", "African", "European", "American", "Latin", "Caribbean", "Pacific", "Arab",
                                "Arctic", "Antarctic", "Andean", "Amazonian", "Mediterranean", "Nordic", "Baltic",
                                "Balkan", "Sahelian", "Central", "Eastern", "Western", "Northern", "Southern"})


_TREATY = re.compile(r"(?:[A-Z][a-z]+\s+)(?:Protocol|Convention|Amendment|Agreement|Accord)$")


def _treaty(name: str) -> bool:
    """'Kyoto Protocol', 'Montreal Protocol': a treaty named after its city is no publication."""
    from loaders.gazetteers.places import city_countries

    m = _TREATY.fullmatch(name)
    return bool(m) and name.split()[0] in city_countries()


def _generic(name: str) -> bool:
    """'Business Plan', 'Activity Report', 'Project Preparation Grant': a kind of thing, not a name."""
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
    return all(w in _GENERIC_TITLE_WORDS or w in CONNECTORS for w in words)


_TITLE_HEADS = frozenset((*EVENT_HEADS, *PUBLICATION_HEADS, *PROJECT_HEADS))
_WORDS = re.compile(r"[^\s,.;:()*]+")


def _head_form(word: str) -> str:
    word = word.strip("\"'\u2018\u2019\u201c\u201d-\u2013\u2014")
    return word.capitalize() if word.isupper() and len(word) > 3 else word


_MONTHS = frozenset(calendar.month_name[1:])


def _without_where_or_when(words: list[str]) -> list[str]:
    """A title's words without the place or month a run of capitals picked up before it ('March for the National
    Workshop ...', 'Colombia, for the Andean-Amazon Exchange ...').

    >>> _without_where_or_when("March for the National Workshop on Gold".split())
    ['National', 'Workshop', 'on', 'Gold']
    """
    for i, word in enumerate(words[1:4], start=1):
        if word not in ("for", "at", "to"):
            continue
        rest = words[i + 1:][1:] if words[i + 1:i + 2] == ["the"] else words[i + 1:]
        places = " ".join(words[:i]).split(",")
        if rest and rest[0][:1].isupper() and all(_place_or_month(p) for p in places if p.strip()):
            return rest
        return words
    return words


def _place_or_month(words: str) -> bool:
    """'Geita', 'Tanzania', 'March': where or when something was, not part of a title's name."""
    from loaders.gazetteers.places import city_countries

    words = words.strip()
    return words in _MONTHS or is_country_name(words) or words in city_countries()


def _title_before_subtitle(text: str, begin: int) -> str | None:
    """The title-cased main title before a subtitle that opens at ``begin`` ('Replacing Mercury in Health Care: A
    Step-by-Step Guide for Hospitals'), with its colon and article: what the subtitle's name must be preceded by.

    >>> t = "our guide, Replacing Mercury in Health Care: A Step-by-Step Guide for Hospitals"
    >>> _title_before_subtitle(t, t.index("Step"))
    'Replacing Mercury in Health Care: A '
    """
    lead = text[max(0, begin - 80):begin]
    head, colon, article = lead.rpartition(": ")
    head = head.rsplit("\n", 1)[-1]  # (on its line)
    if not colon or article not in ("", "A ", "An ", "The "):
        return None
    words = head.split()
    kept: list[str] = []
    while words and (words[-1][:1].isupper() or words[-1] in TITLE_CONNECTORS) and len(kept) < 10:
        kept.insert(0, words.pop())
    while kept and kept[0] in TITLE_CONNECTORS:
        kept.pop(0)
    if sum(w[:1].isupper() for w in kept) < 2 or kept[0] in _NOT_TITLE_WORDS:
        return None
    title = " ".join(kept)
    return title + colon + article if head.endswith(title) else None


def _headed(text: str, definitions: list[Definition]) -> list[Found]:
    found = []
    for start, end in capitalised_runs(text, TITLE_CONNECTORS):
        raw = text[start:end]
        if _TITLE_HEADS.isdisjoint(_head_form(w) for w in _WORDS.findall(raw)):
            continue  # no word of it heads a project, publication or event: no title (the run is mostly bodies)
        cut = re.search(r"\s(?:by|at|between|among|under)\s+(?:the\s+)?[A-Z]", raw)
        if cut and entity_type(clean_name(raw[:cut.start()])) in ("Project", "Publication", "Event"):
            end = start + cut.start()  # 'Guidance ... prepared by the Partnership': the title ends before 'by'
        name = strip_role(clean_name(text[start:end]))
        words = name.split()
        while words and (words[0] in _NOT_TITLE_WORDS or (words[0] == "the" and words[1:2])):
            words = words[1:]  # 'At the Pacific Regional Workshop ...': the workshop
        while words and words[-1].lower() in TITLE_CONNECTORS:
            words = words[:-1]
        name = " ".join(words)
        words = _without_where_or_when(words)  # 'met in Geita, Tanzania, on 12 and 13 March for the National Workshop'
        name = " ".join(words)
        lead = next((lead for lead in ABOUT_A_MEETING if name.startswith(lead)), "")
        if lead and entity_type(name[len(lead):]) == "Event":  # 'Outcome of the ... Meeting on Mercury Monitoring'
            start += text[start:].find(name[len(lead):].split()[0])
            name = name[len(lead):]
            words = name.split()
        suffix = re.match(r"(.+?)\s+[-\u2013]\s+([A-Z][A-Z0-9]{2,})$", name)  # 'Global Observation ... - GOS4M'
        extra: tuple[str, ...] = ()
        if suffix:
            name, extra = suffix.group(1), (suffix.group(2),)
            words = name.split()
        node_type = entity_type(name)
        if node_type not in ("Project", "Publication", "Event") or len(words) < 2 or _generic(name):
            continue
        if _names_area(name):
            continue
        if find_countries(name) and len(words) <= 2:
            continue
        begin = text.find(words[0], start)
        month = re.search(r"\s+(?:of|in)\s+(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December)$", name)
        if month:
            name = name[:month.start()]
        while node_type == "Event" and "," in name and _place_or_month(name.rpartition(",")[2]):
            name = name.rpartition(",")[0]  # '... Convention on Mercury, Japan expressed': Japan is no word of it
        held, _, place = name.rpartition(" in ")
        if node_type == "Event" and held and all(_place_or_month(p) for p in place.split(",")):
            name = held  # 'the Lake Victoria Gold Dialogue in Kisumu', '... Forum on Mercury Waste in Bangkok, Thailand'

        if is_category(name) or _treaty(name):
            continue  # 'UNEP Projects', 'Partners Projects': a heading over several; 'Kyoto Protocol': a treaty
        unfinished = re.search(r"\s+(?:in|for|of|on)\s+(?:the\s+)?((?:[A-Z][a-z]+(?:\s+and\s+|\s+|$))+)$", name)
        if unfinished and re.match(r"\s+[a-z]", text[begin + len(name):begin + len(name) + 3]) and all(
                w in _REGION_ADJECTIVES or w in demonyms() for w in unfinished.group(1).split() if w != "and"):
            name = name[:unfinished.start()]  # 'Mercury Inventory Toolkit in the Asian and African regions'
            words = name.split()
            if len(words) < 2:
                continue
        year = re.match(r"\s+((?:19|20)\d\d)\b", text[begin + len(name):begin + len(name) + 6])
        if year and node_type == "Event":
            name = f"{name} {year.group(1)}"
        elif year and node_type == "Publication":  # 'Global Mercury Assessment 2013': the edition
            extra = (*extra, f"{name} {year.group(1)}")
        ordinal = re.search(rf"\b({_ORDINAL})\s+$", text[max(0, begin - 12):begin], re.IGNORECASE)
        if ordinal and node_type == "Event":
            name = f"{ordinal.group(1)} {name}"
            begin = begin - len(ordinal.group(0))
        owner = re.search(r"\s+of\s+(?:the\s+)?([A-Z][^,;()]*)$", name) if node_type == "Project" else None
        if owner and entity_type(owner.group(1)) == "Organization" and entity_type(name[:owner.start()]) == "Project":
            # 'the Mercury-free Mining Program of the Pure Water Alliance': the programme, and the body whose it is
            at = begin + owner.start(1)
            kind, rule = organization_kind(owner.group(1))
            found.append(Found("Organization", owner.group(1), at, at + len(owner.group(1)), (owner.group(1),), kind,
                               f"the body a programme's name says is its own; kind: {rule}"))
            name = name[:owner.start()]
        if node_type == "Publication" and (title := _title_before_subtitle(text, begin)) is not None:
            extra, begin = (*extra, name), begin - len(title)  # 'Replacing Mercury in Health Care: A Step-by-Step
            name = text[begin:begin + len(title) + len(name)]    # Guide for Hospitals': the whole title
        found.append((numbered_meeting(name, begin, begin + len(name)) if node_type == "Event" else None) or Found(
            node_type, name, begin, begin + len(name), (name, *extra), None, f"name headed by a {node_type.lower()} word"))
        inner = re.search(r"\s+of\s+the\s+([A-Z].+)$", name)
        if inner and entity_type(inner.group(1)) == node_type and len(inner.group(1).split()) >= 2:
            at = begin + inner.start(1)
            found.append(Found(node_type, inner.group(1), at, at + len(inner.group(1)), (inner.group(1),), None,
                               "named inside a longer title"))
    for m in _HEAD_INITIAL.finditer(text):
        if re.search(r"[A-Z][\w\-]*\s+$", text[max(0, m.start() - 30):m.start()]) or in_quotes(text, m.start()):
            continue  # 'Operational Guidelines of ...' and quoted titles are read whole elsewhere
        title = _TITLE_STOP.sub("", m.group(1)).strip(" ,;")
        if len(title.split()) >= 4:
            found.append(Found("Publication", title, m.start(1), m.start(1) + len(title), (title,), None,
                               "title opening with a publication word"))
    for d in definitions:
        long = clean_name(d.long)
        node_type = entity_type(long)
        follow = _AFTER.match(text[d.short_end + 1:d.short_end + 30])
        if node_type is None and follow:
            node_type = TYPE_OF_HEAD[follow.group(1).lower()]  # 'Scalable Trade in Artisanal Gold (STAG) project'
        if node_type in ("Project", "Publication", "Event") and not _names_area(long) and (
                not _generic(long) or re.search(r"\b[A-Z]{3,}\b", long)):  # 'Monitoring NETWORK (MONET)' is a name
            found.append(Found(node_type, long, d.long_start, d.long_end, (long, d.short), None,
                               "acronym definition"))
            found.append(Found(node_type, long, d.short_start, d.short_end, (d.short,), None, "acronym"))
    return found


_CALLED = re.compile(r"\b(project|programme|program|initiative|campaign)(?:\s+(?:with|by|of|from|for)\s+[^.;:\u201c\"]{1,60}?)?"
                     r"\s+(?:called|named|entitled|titled)\s+"
                     r"([A-Z][\w'\-]*(?:\s+(?:[A-Z][\w'\-]*|(?:of|for|and|the|to|in)\b)){0,8})")


def _lower_heads(text: str) -> list[Found]:
    found = []
    for m in _CALLED.finditer(text):  # 'a project called Pilares'
        name = re.sub(r"\s+(?:of|for|and|the|to|in)$", "", m.group(2))
        found.append(Found(TYPE_OF_HEAD[m.group(1).lower()], name, m.start(2), m.start(2) + len(name), (name,), None,
                           "named after 'project called'"))
    for m in _LOWER_HEAD.finditer(text):
        words = m.group(1).split()
        if "at" in words and m.group(3).lower() not in ("project", "programme", "program"):
            # 'Nadia Rasheed at Minamata Mercury workshop': the meeting someone is at ('Mercury Control Demonstration
            # at Coal-Fired Power Plants in Asia project' is one name)
            words = words[len(words) - words[::-1].index("at"):]
        while words and (words[0] in _NOT_TITLE_WORDS or words[0].lower() in ("to", "of", "for", "and", "the", "in", "on", "with")
                         or re.search(r"-(?:funded|led|based|supported)$", words[0])):
            words = words[1:]
        if not words or words[-1].lower() in ("to", "of", "for", "and", "in", "the", "on", "with"):
            continue
        name = " ".join(words)
        if _generic(name) or re.fullmatch(rf"(?:{_ORDINAL})", words[0], re.IGNORECASE):
            continue
        if re.search(r"['\u2019]s$", name):
            continue  # 'UNIDO's project manager': whose project, not its name
        if len(words) == 1 and (name in _PLAIN_WORDS or name.endswith(("-funded", "-based", "-led")) or (
                m.group(3) not in ("workshop", "summit") and not re.search(r"[A-Z].*[A-Z]", name))):
            continue  # 'Virtual meeting', 'Joint project' are not names; 'Mesoamerica workshop', 'I-SEED project' are
        if find_countries(name) and len(words) <= 2 and m.group(3) not in ("workshop",):
            continue
        if _names_area(name):
            continue
        head = m.group(3).lower()
        node_type = TYPE_OF_HEAD.get(head, "Project")
        begin = m.start(1) + m.group(1).find(words[0])
        full = f"{name} {text[m.start(2) if m.group(2) else m.start(3):m.end()]}"  # 'Esa'ala ASGM pilot project'
        inner = re.search(r"\s*\(([A-Z][A-Za-z0-9\-]{1,10})\)", name)  # 'Global Opportunities ... (GOLD) in the ...'
        aliases = (name, full, inner.group(1), f"{inner.group(1)} {m.group(3)}") if inner else (name, full)
        first, _, second = name.partition(" and ")
        if text[m.end(3):m.end()] == "s" and second[:1].isupper() and not first.split()[0].islower():  # 'the A and B projects'
            head += "s"
            at = begin + len(first) + 5
            found += [Found(node_type, first, begin, begin + len(first), (first,), None,
                            f"one of two names before a plural '{head}'"),
                      Found(node_type, second, at, at + len(second), (second,), None,
                            f"one of two names before a plural '{head}'")]
            continue
        found.append(Found(node_type, full if node_type == "Event" else name, begin, m.end(3), aliases, None,
                           f"name with a lower-case '{head}'"))
    for m in _BRAND.finditer(text):
        brand, place = m.group(1), m.group(2)
        countries = find_countries(place) if place else []
        if countries and countries[0].start == 0:  # 'planetGOLD Côte d'Ivoire', not '... Uganda and planetGOLD'
            place = place[:countries[0].end]
            found.append(Found("Project", f"{brand} {place}", m.start(1), m.start(2) + len(place),
                               (f"{brand} {place}",), None, "programme brand name and its country"))
        else:  # the programme itself only where no country's project is named
            found.append(Found("Project", brand, m.start(1), m.end(1), (brand,), None, "programme brand name"))
    return found


_ENUM_CUE = re.compile(r"\b(documents?|modules?|publications?|guides?|guidelines|reports?|toolkits?|products|"
                       r"projects?|programmes?)\b[^.;]{0,60}?(?:namely|comprising|including|:)\s*", re.IGNORECASE)
_ENUM_ITEM = re.compile(r"\s*(?:and\s+)?(?:\(\d{1,2}\)|\(?[ivx]{1,4}[.)]|\d{1,2}[.)]|[a-h]\))\s+([A-Z][^;\n<]{3,200}?)\s*"
                        r"(?=;|\.\s|\.$|</|$)")
_CITED_TITLE = re.compile(r"(?:[A-Z][\w'\-]+,\s+(?:[A-Z]\.\s?)+|[A-Z][\w'\-]+,\s+[A-Z][a-z]+)[^()\n]{0,80}?"
                          r"\(?\b(?:19|20)\d\d\)?\.\s+([A-Z][^.()\n]{10,200}?)(?=[.)])")


def _title_cased(title: str) -> bool:
    """'Procedures for Establishing Cooperatives and Village-Owned Enterprises in ASGM Sector' reads as a
    title; 'Assess web-based platforms that best fulfil ...' reads as a task."""
    words = [w for w in title.split() if w.lower() not in TITLE_CONNECTORS]
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return 2 <= len(title.split()) <= 16 and capitals >= 0.6 * max(len(words), 1)


def _enumerated(text: str) -> list[Found]:
    """'six modules ..., comprising: (1) Procedures for ...; (2) Leadership in ASGM Sector; ... and (6) ...'
    and cited works: 'Veiga, M.M. and Fadina, O. (2020). A review of the failed attempts ...'."""
    found = []
    for cue in _ENUM_CUE.finditer(text):
        node_type = "Project" if cue.group(1).lower().startswith(("project", "programme")) else "Publication"
        pos = cue.end()
        for _ in range(12):
            item = _ENUM_ITEM.match(text, pos)
            if not item:
                break
            title = clean_name(item.group(1))
            if _title_cased(title):
                found.append(Found(node_type, title, item.start(1), item.start(1) + len(item.group(1)), (title,), None,
                                   f"item of a list of {cue.group(1).lower()}"))
            pos = item.end() + 1
    for m in _CITED_TITLE.finditer(text):
        author, given = (text[m.start():m.start() + 60].split(",") + [""])[:2]
        given = given.strip()
        if find_countries(author) or any(c.start == 0 for c in find_countries(given)):
            continue  # 'Nairobi, Kenya from 5-6 November 2011.', 'Kumamoto, Japan, from 7 to 11 October 2013. Over
            # 1000 delegates ...': a place and a date, not an author
        title = clean_name(m.group(1))
        if len(title.split()) < 4 or re.search(r"\b[A-Z][a-z]{1,5}\.", m.group(1)):
            continue  # a journal's abbreviated name, not a title
        found.append(Found("Publication", title, m.start(1), m.end(1), (title,), None, "title of a cited work"))
    return found


_CODED_ITEM = re.compile(r"^[ \t]*(?:[-\u2022*][ \t]*)?(?:\*\*)?(GEF(?:[ \-]?ID)?[ \t]*\d{3,6})[ \t]*:[ \t]*(?:\*\*)?[ \t]*"
                         r"([A-Z][^\n]{10,300}?)(?:\.(?=\s)|[ \t]*$)", re.MULTILINE)
_BOLD_PROJECT = re.compile(r"(?:^|\n)[ \t]*(?:[-\u2022][ \t]*)?\*\*([A-Z][^*\n]{5,250}?)[ \t]*(?:\(([^()\n]{2,20})\)[ \t]*)?"
                           r"(?:project|programme|program|initiative)[ \t]*:?[ \t]*\*\*")
_PROJECT_OF = re.compile(r"\bprojects?\s+(?:of|on|for)\s+(?:[a-z]+\s+(?:of|on|for)\s+)?"
                         r"([A-Z][\w'\u2019\-]*(?:[ \t]+(?:[A-Z][\w'\u2019\-]*|of|with|in|and|the|for|to|on)){3,16})")


def _labelled(text: str) -> list[Found]:
    """Projects labelled with their GEF number ('- GEF 10153: Development of National Action Plan for ... Guyana
    (Guyana NAP).') and titles after 'a project of' ('a project of assessment of Coexistence of Artisanal Miners
    with Conventional Mining Companies in Brazil')."""
    found = []
    for m in _CODED_ITEM.finditer(text):
        title = m.group(2).strip()
        aliases = [m.group(1)]
        inner = title[title.rfind("(") + 1:-1] if title.endswith(")") else ""
        if 2 <= len(inner) <= 40 and ")" not in inner:  # '(Guyana NAP)': what the project goes by
            title = title[:title.rfind("(")].strip()
            aliases.append(inner)
        title = clean_name(title)
        if len(title.split()) < 3 or entity_type(title) == "Organization":
            continue
        found.append(Found("Project", title, m.start(2), m.start(2) + len(title), (title, *aliases), None,
                           "item labelled with its GEF number"))
    for m in _BOLD_PROJECT.finditer(text):  # '- **Capacity building related to ... - Phase 3 (ACP-MEA's) project:**'
        title = clean_name(m.group(1))
        if len(title.split()) < 2 or entity_type(title) == "Organization" or _names_area(title):
            continue
        aliases = (title, m.group(2)) if m.group(2) else (title,)
        found.append(Found("Project", title, m.start(1), m.start(1) + len(m.group(1).rstrip()), aliases, None,
                           "bold label of a project item"))
    for m in _PROJECT_OF.finditer(text):
        words = m.group(1).split()
        while words and words[-1].lower() in TITLE_CONNECTORS:
            words = words[:-1]
        title = " ".join(words)
        if len(words) < 4 or not _title_cased(title) or entity_type(title) == "Organization" or _names_area(title):
            continue
        found.append(Found("Project", title, m.start(1), m.start(1) + len(title), (title,), None,
                           "title after 'a project of'"))
    return found


_NOUN_AFTER = re.compile(r"\s*(?:\(\s*[A-Z][\w\-]{1,12}\s*\)\s*)?(activities|project|projects|programme|programmes|"
                         r"program|initiative|report|toolkit|guidance|guidelines|publication)\b")
_TYPE_AFTER = {"activities": "Project", "project": "Project", "projects": "Project", "programme": "Project",
               "programmes": "Project", "program": "Project", "initiative": "Project", "report": "Publication",
               "toolkit": "Publication", "guidance": "Publication", "guidelines": "Publication",
               "publication": "Publication"}


_ORDINAL_WORD = re.compile(rf"^(?:the\s+)?(?:{_ORDINAL})\s+", re.IGNORECASE)
_OF_KIND = re.compile(r"^(?:meetings?|sessions?)\s+of\s+(?:the\s+)?|\s+(?:meetings?|sessions?)$", re.IGNORECASE)


def _series_base(name: str) -> str:
    """'Sixth meeting of the Partnership Advisory Group', 'Partnership Advisory Group Meeting' and '11th
    International Conference on Mercury ...' without their ordinal and kind: the series they belong to."""
    return _OF_KIND.sub("", _ORDINAL_WORD.sub("", name.strip())).strip().lower()


def _series_to_instances(text: str, found: list[Found]) -> list[Found]:
    """A meeting's series named bare in a heading ('Partnership Advisory Group Meeting', 'International
    Conference on Mercury as a Global Pollutant') over numbered meetings of it: the one meeting, if the document
    names one; no thing of its own if it names several. (In running text a bare name may be a meeting of
    its own: 'the Global Forum on ASGM', then 'the second Global Forum'.)"""
    instances: dict[str, set[str]] = {}
    for f in found:
        if f.node_type != "Event":
            continue
        for form in (f.name, *f.aliases):
            if _ORDINAL_WORD.match(form):
                instances.setdefault(_series_base(form), set()).add(f.name)
    if not instances:
        return found
    out = []
    for f in found:
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        heading = not text[line_start:f.start].strip(" #*") and not text[f.end:line_end if line_end >= 0 else
                                                                            len(text)].strip(" #*:")
        if heading and f.node_type == "Event" and not _ORDINAL_WORD.match(f.name) and not re.search(r"\d", f.name):
            named = instances.get(_series_base(f.name), set())
            if len(named) > 1:
                continue  # the series over several meetings the document names
            if len(named) == 1:
                f = replace(f, name=next(iter(named)), aliases=(*f.aliases, f.name))
        out.append(f)
    return out


def _typed_by_the_noun_after(text: str, found: list[Found]) -> list[Found]:
    """A name followed by the kind of thing it is takes that kind, wherever the document names it: 'conducting
    Minamata Initial Assessment (MIA) activities' is work, a project, though 'Assessment' heads reports."""
    retyped: dict[str, str] = {}
    fuller: dict[int, str] = {}
    for i, f in enumerate(found):
        if f.node_type not in ("Project", "Publication"):
            continue
        m = _NOUN_AFTER.match(text, f.end)
        if m and f.name.split()[-1].lower() != m.group(1):
            if _TYPE_AFTER[m.group(1)] != f.node_type:
                retyped[f.name] = _TYPE_AFTER[m.group(1)]
            if m.group(1) != "activities" and text[f.end:m.start(1)].strip() == "":
                fuller[i] = f"{f.name} {m.group(1)}"  # 'US EPA Mercury Monitoring toolkit'
    if not retyped and not fuller:
        return found
    out = []
    for i, f in enumerate(found):
        if f.name in retyped and f.node_type in ("Project", "Publication"):
            f = replace(f, node_type=retyped[f.name])
        if i in fuller:
            f = replace(f, aliases=(*f.aliases, fuller[i]))
        out.append(f)
    return out


def find_titled(text: str, definitions: list[Definition] | None = None) -> list[Found]:
    """Projects, publications and events named in ``text``, in text order."""
    definitions = find_definitions(text) if definitions is None else definitions
    found = [*_meetings(text), *_quoted(text), *_labelled(text), *_enumerated(text), *_listed_work(text),
             *_country_labelled_work(text), *_carried_out_initiatives(text, definitions), *_headed(text, definitions),
             *_lower_heads(text), *_described(text)]
    labelled = [f for f in found if f.rule == "item labelled with its GEF number" or  # and a title's head word
                f.rule.startswith("a name in apposition")]                            # after its colon
    found = [f for f in found if not (f.rule.startswith("name headed by") and any(  # its '... Child Project'
        lab.start <= f.start and f.end <= lab.end and (f.start, f.end) != (lab.start, lab.end) for lab in labelled))]
    found = _typed_by_the_noun_after(text, found)
    work = {f.name for f in found if f.rule == _AFTER_PROJECT}  # 'the project Developing a National Action Plan ...'
    found = [replace(f, node_type="Project") if f.name in work and f.node_type == "Publication" else f for f in found]
    found = _series_to_instances(text, found)
    found = _branded_events(text, found)
    kept: list[Found] = []
    spans: dict[tuple[int, int], str] = {}
    for f in found:  # earlier rules are more specific: a quoted title's type wins over its head word's
        key = (f.start, f.end)
        if key in spans and spans[key] != f.node_type:
            continue
        spans.setdefault(key, f.node_type)
        if not any(k.node_type == f.node_type and k.start == f.start and (k.name == f.name or k.end > f.end)
                   for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, -(f.end - f.start)))


def without_owner_and_year(f: Found) -> Found:
    """A publication's or project's name without the owner's possessive before it and the year after it, both kept
    as aliases ("the Partnership's Practical Sourcebook on ...", "Ghana's National Action Plan ...", 'BLSD Collection
    Point Handbook (2023)').

    >>> without_owner_and_year(Found("Publication", "BLSD Collection Point Handbook (2023)", 0, 37)).name
    'BLSD Collection Point Handbook'
    >>> without_owner_and_year(Found("Publication", "Suriname's National Action Plan", 0, 31)).name
    'National Action Plan'
    """
    if f.node_type not in ("Publication", "Project"):
        return f
    name, start, end = f.name, f.start, f.end
    if name.endswith(")") and name[-7:-5] == " (" and name[-5:-1].isdigit() and name[-5:-3] in ("19", "20"):
        name, end = name[:-7], end - 7  # 'Handbook (2023)': the year it came out
    owner, mark, rest = name.partition("'s ")
    if not mark:
        owner, mark, rest = name.partition("\u2019s ")
    if mark and len(owner.split()) == 1 and owner[:1].isupper() and len(rest.split()) >= 2 and rest[:1].isupper():
        name, start = rest, start + len(owner) + len(mark)  # "Ghana's National Action Plan ...": the plan
    if name == f.name:
        return f
    return replace(f, name=name, start=start, end=end, aliases=tuple(dict.fromkeys((name, *f.aliases, f.name))))


def _branded_events(text: str, found: list[Found]) -> list[Found]:
    """An event's name goes back over the programme's brand right before it ('planetGOLD Latin America Regional Forum
    2023': the capitalised words alone begin at 'Latin')."""
    brands = {m.end(1) + 1: m.start(1) for m in _BRAND.finditer(text)}
    out = []
    for f in found:
        begin = brands.get(f.start)
        if f.node_type == "Event" and begin is not None and text[f.start - 1] == " ":
            name = f"{text[begin:f.start]}{f.name}"
            f = replace(f, name=name, start=begin, aliases=tuple(dict.fromkeys((name, *f.aliases))))
        out.append(f)
    return out


# what a name is said to be, right after it: 'Oro Sin Mercurio Honduras, a country project of ...', 'RedHg-LAC is a
# regional network of ...'
_DESCRIBED_AS = re.compile(r"(?:,\s+(?:a|an|the)|\s+(?:is|was)\s+(?:a|an|the))\s+(?:[a-z][\w\-]*\s+){0,4}?"
                           r"(?:project|programme|program|initiative|campaign|network|scheme)\b")
# a name in apposition after the word for it: 'The project, Safe Skin: Ending Mercury in Cosmetics, is financed',
# 'the national phase-down programme, Sonrisas sin Mercurio, which ...'
_NAMED_AFTER = re.compile(r"\b(?:project|programme|program|initiative|campaign|scheme|(?P<doc>report|guide|handbook|"
                          r"toolkit|publication)),\s+(?P<name>[A-Z][^,.;()\n]{3,120}?),\s+"
                          r"(?=(?:which|is|was|will|has|aims|funded|financed|implemented|led|executed|launched|run|"
                          r"available|prepared|published|developed|works|helps|supports|brings|operates)\b)")
_NOT_OPENING = frozenset({"Through", "In", "With", "For", "Under", "Since", "As", "At", "By", "From", "On", "After"})


_AMOUNT_OPENINGS = ("(USD", "(US$", "(EUR", "(€", "($", "(CHF", "(JPY")


def _listed_work(text: str) -> list[Found]:
    """A title that opens a paragraph or list item and is followed by its grant or by who carries it out: a
    project, whatever its head word ('Mercury Waste Inventory and Interim Storage Plan for Jamaica (USD 218,000),
    executed by ...', 'Phasing Down Mercury-Added Products in Bhutan (USD 192,300), executed by the National Environment
    Commission.').

    >>> [f.name for f in _listed_work("Projects:\\n\\nPhasing Down Mercury-Added Products in Bhutan (USD 192,300), executed by")]
    ['Phasing Down Mercury-Added Products in Bhutan']
    """
    found = []
    for start, end in capitalised_runs(text, TITLE_CONNECTORS):
        if start and text[start - 1] != "\n" and not text[max(0, start - 2):start] in ("- ", "• "):
            continue
        after = text[end:end + 40].lstrip()
        name = clean_name(text[start:end])
        words = name.split()
        said = after.startswith(_AMOUNT_OPENINGS) or (after.startswith(",") and carried_out(after) and " by " in after)
        if len(words) < 4 or not said or any(c.start == 0 for c in find_countries(name)) or entity_type(name) \
                not in (None, "Project", "Publication") or sum(w[:1].isupper() for w in words) < 0.5 * len(words):
            continue
        found.append(Found("Project", name, start, start + len(name), (name,), None,
                           "a listed title followed by its grant or its doers"))
    return found


def _country_labelled_work(text: str) -> list[Found]:
    """A list line that labels a title with its country and goes on with who carries it out or its grant ('Sri Lanka:
    Strengthening Capacity to Phase Down the Use of Dental Amalgam in Sri Lanka, executed by ...', a programme's
    list of the projects it funds): the title is a project's, whatever its words.

    >>> t = "are:\\nMadagascar: Controlling Mercury Trade in Madagascar's Gold Sector, executed by the Ministry"
    >>> [f.name for f in _country_labelled_work(t)], _country_labelled_work("Kenya: Mercury Use in Kenya today")
    (["Controlling Mercury Trade in Madagascar's Gold Sector"], [])
    """
    found, start = [], 0
    for line in text.splitlines(keepends=True):
        label, colon, rest = line.partition(": ")
        begin = start + len(label) + 2
        start += len(line)
        if not colon or not is_country_name(label):
            continue
        cuts = [i for i in (rest.find(" ("), rest.find(", ")) if i > 0 and (
            rest[i:].lstrip().startswith(_AMOUNT_OPENINGS) or carried_out(rest[i:i + 40]))]
        name = clean_name(rest[:min(cuts)]) if cuts else ""
        if len(name.split()) >= 4 and name[:1].isupper() and entity_type(name) in (None, "Project", "Publication"):
            found.append(Found("Project", name, begin, begin + len(name), (name,), None,
                               "a title a list line labels with its country"))
    return found


#: heads of names that are work where the words after them say it is carried out, else a body's or a report's
_WORK_IF_CARRIED_OUT = ("Initiative", "Study", "Survey", "Inventory", "Assessment")
#: the rule of such a find (loaders.entities.named lets it win over a body of the same name)
CARRIED_OUT_WORK = "work the text says is carried out"


def _launched_before(text: str, start: int) -> bool:
    """Whether the words before a name say it was launched or set up ('Launched in 2022, the Caribbean Mercury-Free
    Products Initiative helps ...').

    >>> t = "Launched in 2022, the Caribbean Initiative helps"
    >>> _launched_before(t, t.index("Caribbean")), _launched_before("Members of the Caribbean", 15)
    (True, False)
    >>> _launched_before("a grant to launch the Pacific Initiative", 22)
    True
    """
    words = text[max(0, start - 40):start].split()
    if words[-1:] == ["the"]:
        if words[-2:-1] and words[-2] in ("launch", "launched", "launching", "launches"):
            return True  # 'a grant ... to launch the Pacific Mercury Monitoring Initiative'
        words = words[:-1]
    return len(words) >= 3 and words[-3] in ("Launched", "Established", "Started", "launched", "established") and \
        words[-2] == "in" and words[-1].rstrip(",").isdigit()


def _run_by_a_body(after: str) -> bool:
    """Whether the clause after a name says a body runs it ('(RMBI), which BRI coordinates with funding from the
    Ministry of the Environment of Japan'): work, not a body.

    >>> _run_by_a_body(" (RMBI), which BRI coordinates with funding from Japan."), _run_by_a_body(" met.")
    (True, False)
    """
    clause = after.split(".")[0]
    said = clause.partition(", which ")[2].split()[:4]
    return any(verb in said for verb in ("coordinates", "implements", "runs", "leads", "manages"))


def _carried_out_initiatives(text: str, definitions: list[Definition] = ()) -> list[Found]:
    """An initiative or a study the words after it say is carried out is work, a project ('the Pacific Mercury Waste
    Take-Back Initiative, implemented by SPREP', 'the Highveld Mercury Emissions Study, carried out in South
    Africa'); else 'Initiative' heads a body's name (loaders.entities.headed) and 'Study' a report's."""
    found = []
    for start, end in capitalised_runs(text, TITLE_CONNECTORS):
        head = text[start:end].rsplit(None, 1)[-1]
        if head not in _WORK_IF_CARRIED_OUT or not (carried_out(text[end:end + 40]) or _launched_before(text, start)
                                                    or _run_by_a_body(text[end:end + 100])):
            continue
        name = strip_role(clean_name(text[start:end]))
        if name.endswith(" " + head) and len(name.split()) >= 2:
            begin = end - len(name)
            short = next((d for d in definitions if (d.long_start, d.long_end) == (begin, end)), None)
            found.append(Found("Project", name, begin, end, (name, *(short.short for _ in [short] if short)), None,
                               CARRIED_OUT_WORK))
            if short is not None:  # '... Initiative (RMBI), which BRI coordinates': the acronym names it too
                found.append(Found("Project", name, short.short_start, short.short_end, (short.short,), None,
                                   CARRIED_OUT_WORK))
    return found


_WORK_WORDS = frozenset({"project", "programme", "program"})
#: the rule of a name right after 'the project': the project's, whatever its head word ('the project Developing a
#: National Action Plan to Reduce Mercury Use ...')
_AFTER_PROJECT = "a name after the word 'project'"


def _after_the_word_project(text: str, start: int) -> bool:
    """Whether the words before ``start`` end with 'the project' (or 'the GEF-funded UNEP project', 'its
    programme'): a name right after them is the project's ('is part of the project Reducing Mercury ...').

    >>> text = "as part of the GEF-funded UNEP project Global Mercury Monitoring"
    >>> _after_the_word_project(text, text.index("Global")), _after_the_word_project("The project Gold", 12)
    (True, False)
    """
    words = text[max(0, start - 50):start].split()
    return len(words) >= 2 and words[-1] in _WORK_WORDS and text[start - 1] == " " and any(
        w in ("the", "a", "its", "their", "our") for w in words[-4:-1])


def _a_project_that(text: str, end: int) -> bool:
    """Whether the words after a name call it a project or programme that does something ('Mercury Trade Watch, a
    project that tracks mercury shipments'): work, whatever its head word.

    >>> _a_project_that("Trade Watch, a project that tracks", 11), _a_project_that("Trade Watch, a network of", 11)
    (True, False)
    """
    words = apposed_work(text[end:end + 60], reach=2)
    return any(w in ("that", "which") for w in words[2:4])


def _described(text: str) -> list[Found]:
    """A capitalised name the words after it call a project, programme, initiative, campaign or network.

    >>> [f.name for f in _described("Through Zebaki Sifuri, a regional campaign led by the EAC, it works in Kenya.")]
    ['Zebaki Sifuri']
    """
    found = []
    for m in _NAMED_AFTER.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        kind = "Publication" if m.group("doc") else "Project"  # 'our guide, Replacing Mercury in Health Care: ...,'
        if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= len(words) / 2 and entity_type(name) in (
                None, kind) and not any(c.start == 0 for c in find_countries(name)):
            found.append(Found(kind, name, m.start("name"), m.start("name") + len(name), (name,), None,
                               f"a name in apposition to 'the {kind.lower()}'"))
    for start, end in capitalised_runs(text, TITLE_CONNECTORS):
        if _after_the_word_project(text, start):  # 'through the project Development of the ASGM ... for Ghana.'
            name = clean_name(text[start:end])
            words = name.split()
            if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= len(words) / 2 and entity_type(name) in (
                    None, "Project", "Publication") and not any(c.start == 0 for c in find_countries(name)):
                found.append(Found("Project", name, start, start + len(name), (name,), None, _AFTER_PROJECT))
            continue
        if not _DESCRIBED_AS.match(text, end):
            continue
        words = text[start:end].split()
        while words and words[0] in _NOT_OPENING:
            start += text[start:end].find(words[1]) if len(words) > 1 else end - start
            words = words[1:]
        name = clean_name(text[start:end])
        if len(words) == 1 and words[0][1:].islower():
            continue  # 'Additionally, an oceanographic campaign ...', 'It is a two-year project': no name
        called_work = entity_type(name) == "Organization" and _a_project_that(text, end)
        if words and (entity_type(name) in (None, "Project") or called_work) and not is_country_name(name) and \
                not only_countries(name) and "Convention" not in words and "by" not in words:  # 'Led by Conservation
            #                                                                       International, a ... project': no name
            found.append(Found("Project", name, start, end, (name,), None,  # 'Mercury Trade Watch, a project that
                               CARRIED_OUT_WORK if called_work else "a name the text calls a project"))  # tracks
    return found


# an event the text describes rather than names: 'The project closing event, held on May 20, 2025, in Ulaanbaatar',
# 'The inception workshop was hosted by the EPA-SL', 'a two-day webinar'
_DESCRIBED_EVENT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts)\s+((?:(?:one|two|three|four|five)-day|closing|opening|inception|launch|validation|"
    r"annual|project|final|first|kick-off|technical|consultation|stakeholder|training)\s+){1,3}"
    r"(event|workshop|meeting|webinar|conference|seminar|forum|ceremony)\b(?=[^.]{0,60}\b(?:held|took place|"
    r"was organi[sz]ed|was hosted|brought together|was attended|opened|will take place|will be held|gathered))")


def described_event(text: str) -> list[Found]:
    """The one event a text describes without naming it, where it says the event was held or attended (each
    mention of the same words is a mention of it).

    >>> [f.name for f in described_event("The project closing event, held on May 20, 2025, in Ulaanbaatar, ...")]
    ['project closing event']
    """
    m = _DESCRIBED_EVENT.search(text)
    if not m:
        return []
    name = clean_name(m.group(0).split(None, 1)[1])
    return [Found("Event", name, at.start(), at.end(), (name,), None, "an event the text describes")
            for at in re.finditer(re.escape(name), text)]
