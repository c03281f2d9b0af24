"""The document's own title: the project, publication or event a sheet or a guidance document is about.

The title is the document's opening lines, up to a blank line, a date, a draft mark or a heading of its
own ("Working Draft", "October 2014", "Foreword"), when they read as a title, not a sentence. Its type
comes from its head word ("Guidance Document: ..." is a publication), else from a project's sheet around
it (a document with fields such as "Implementing Agencies" is a project's). A title "Programme: Title"
names two things: the project, and the programme it belongs to ("GEF GOLD: Contribution Towards ...").

>>> [(f.node_type, f.name) for f in document_title("GEF GOLD: Contribution Towards the Elimination of Mercury\\n\\n"
...                                                "Implementing Agencies\\nUNIDO\\n", sheet=True)]
[('Project', 'Contribution Towards the Elimination of Mercury'), ('Project', 'GEF GOLD')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.entities.found import Found, clean_name
from loaders.entities.runs import headline_object
from loaders.entities.naming import (ABOUT_A_MEETING, EVENT_HEADS, PUBLICATION_HEADS, entity_type, head_words,
                                     is_category)
from loaders.gazetteers.areas import find_areas
from loaders.gazetteers.countries import is_country_name
from loaders.words import SENTENCE_LIKE

if TYPE_CHECKING:
    from schema import Document

_STOP_LINE = re.compile(r"(?i:working\s+draft|draft|final|foreword|preface|introduction|summary|abstract|contents|"
                        r"project\s+summary|project\s+document|project\s+details|(?:fact|data)\s*sheet|background)\s*:?|(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?:19|20)\d\d|\d{1,2}/\d{1,2}/\d{2,4}")
_GENRE = re.compile(r"(?:[A-Z][\w\-]*\s+){0,2}(?:" + "|".join(PUBLICATION_HEADS) + r")$")


def document_title(text: str, sheet: bool = False) -> list[Found]:
    """The finds a document's title makes (see the module's docstring); ``sheet`` if the document has a
    project's fields."""
    lines = []
    pos = len(text) - len(text.lstrip())
    gap = text.find("\n\n", pos)
    if gap >= 0:
        following = gap + len(text[gap:]) - len(text[gap:].lstrip())
        if repeats_last_crumb(text[pos:gap], text[following:]) or is_breadcrumb(text[pos:gap]):
            pos = following  # a web page's breadcrumb trail (and furniture): the title is the next paragraph
    gap = text.find("\n\n", pos)
    if gap >= 0 and is_sheet_label(text[pos:gap]):  # 'Specific International Programme: Project Summary' over the title
        pos = gap + len(text[gap:]) - len(text[gap:].lstrip())
    kicker = page_kicker(text, pos)
    if kicker:  # 'SIDE EVENT' / 'Mercury-Free Health Care by 2030: ...': the title is the line (or paragraph) under it
        pos = text.find("\n", pos) + 1
        pos += len(text[pos:]) - len(text[pos:].lstrip())
    for line in text[pos:].split("\n"):
        body = line.strip().strip("*#").strip()
        if not body or _STOP_LINE.fullmatch(body) or len(lines) >= 5:
            break
        if lines and (" | " in body or sum(c.isdigit() for c in body) >= 6):
            break  # a dateline under the title: 'Almaty, Kazakhstan | 2024-10-08 to 2024-10-10', 'Bangkok, 21 May 2024'
        lines.append((pos + line.find(body), body))
        pos += len(line) + 1
    if not lines:
        return []
    kicker = kicker or _genre_below(text, lines[-1][0] + len(lines[-1][1]))
    found = _title_finds(text, lines, sheet, kicker)
    if not found and len(lines) > 1:  # a page's title line run into the text under it, with no blank line
        found = _title_finds(text, lines[:1], sheet, kicker)
    return found


def is_sheet_label(paragraph: str) -> bool:
    """Whether a page's first paragraph only labels the sheet under it ('Specific International Programme: Project
    Summary'): its title is the next paragraph.

    >>> is_sheet_label("Specific International Programme: Project Summary"), is_sheet_label("GEF GOLD: Contribution")
    (True, False)
    """
    line = paragraph.strip()
    return "\n" not in line and ": " in line and bool(_STOP_LINE.fullmatch(line.rpartition(": ")[2]))


def is_breadcrumb(paragraph: str) -> bool:
    """Whether ``paragraph`` is one line of a web page's navigation trail: short crumbs between '>', '›' or
    '»' ('Home > Projects > Project Details', 'Accueil > Actualités'), or three or more between slashes or bars
    ('Events / Webinars / 2024', 'planetGOLD | Where We Work | Suriname').

    >>> is_breadcrumb("Home › What We Do › Programmes"), is_breadcrumb("Events / Webinars / 2024")
    (True, True)
    >>> is_breadcrumb("Ministry of Environment / Secretariat"), is_breadcrumb("Prices rose > 5% in 2020. Then fell")
    (False, False)
    """
    line = paragraph.strip().strip("[]").strip()
    if "\n" in line or len(line) > 200:
        return False
    arrows = " ".join(line.split()).replace(" › ", " > ").replace(" » ", " > ")
    for crumbs, least in ((arrows.split(" > "), 2), (arrows.split(" / "), 3), (arrows.split(" | "), 3)):
        if len(crumbs) >= least and all(0 < len(c.split()) <= 8 and ". " not in c and not c.endswith(".")
                                        for c in crumbs):
            return True
    return False


def page_kicker(text: str, pos: int) -> str | None:
    """A page's genre label over its title, in capitals and alone on its line ('SIDE EVENT', 'WEBINAR', 'PRESS
    RELEASE', 'MEETING OUTCOME'), when a title follows it."""
    end = text.find("\n", pos)
    own = text[pos:end].strip() if end > 0 else ""
    below = text[end:].strip().split("\n", 1)[0] if end > 0 else ""
    words = own.replace("·", " ").replace("&", " ").split()
    if not below or not 0 < len(words) <= 4:
        return None
    if all(w.isalpha() and w.isupper() for w in words):
        return own
    # 'COP-5 Side Event' over the event's title, 'Project Steering Committee' over the project's: a label, its last
    # word an event's or its first 'Project', over a title-cased line
    labelled = (words[-1] in EVENT_HEADS or words[0] == "Project") and all(w[:1].isupper() or w[:1].isdigit()
                                                                            for w in words)
    return own if labelled and _title_cased(below) and not SENTENCE_LIKE.search(below) else None


def _genre_below(text: str, end: int) -> str | None:
    """The genre of an event's page, said by the line under its title ('Side event at the fifth meeting of ...',
    'Webinar | 14 March 2024 | Online'): its event word.

    >>> _genre_below("Cutting Mercury: Experiences\\n\\nSide event at COP-5\\n", 28)
    'Side event'
    >>> _genre_below("Cutting Mercury\\n\\nWebinar series on the Convention\\n", 15) is None
    True
    """
    below = text[end:end + 300].strip().split("\n", 1)[0]
    for cut in (" | ", " at ", ", ", " – ", " - "):
        below = below.split(cut, 1)[0]
    words = below.split()
    if not 1 <= len(words) <= 3 or words[-1].capitalize() not in EVENT_HEADS or words[0][:1].islower():
        return None
    return below


def repeats_last_crumb(paragraph: str, following: str) -> bool:
    """Whether ``paragraph`` opens with a web page's breadcrumb trail whose last crumb is the first line of
    ``following``, the page's title ('Home > Our Work > Projects > Mercury Reduction in ...' over 'Mercury
    Reduction in ...').

    >>> repeats_last_crumb("Home > Projects > Gold in Ecuador\\nShare this page", "Gold in Ecuador\\n\\nCountry: ...")
    True
    >>> repeats_last_crumb("[You are here: Mercury > Partnership > Activities ]", "Activities and Projects")
    False
    """
    crumbs = paragraph.split("\n", 1)[0].strip(" []").split(" > ")
    title = following.split("\n", 1)[0].strip()
    return len(crumbs) >= 3 and bool(title) and crumbs[-1].strip() == title


def _with_short_name(name: str) -> tuple[str, str | None]:
    """A title without the short name in brackets that ends it, and that short name.

    >>> _with_short_name("Twelfth Meeting of the Partnership Advisory Group (PAG-12)")
    ('Twelfth Meeting of the Partnership Advisory Group', 'PAG-12')
    >>> _with_short_name("Workshop on Mercury (Phase 2 results)")
    ('Workshop on Mercury (Phase 2 results)', None)
    """
    base, opened, short = name.rpartition(" (")
    if opened and short.endswith(")") and " " not in short and 1 < len(short) <= 13 and short[:1].isupper():
        return base, short[:-1]
    return name, None


def _title_finds(text: str, lines: list[tuple[int, str]], sheet: bool, kicker: str | None = None) -> list[Found]:
    title = " ".join(body for _, body in lines)
    start = lines[0][0]
    end = lines[-1][0] + len(lines[-1][1])
    if len(title) > 300 or len(title.split()) < 2 or SENTENCE_LIKE.search(title):
        return []
    for lead in ABOUT_A_MEETING:  # 'Outcome of the Latin American and Caribbean Regional Meeting on ...'
        if title.startswith(lead) and entity_type(title[len(lead):]) == "Event":
            name = clean_name(title[len(lead):])
            at = _in_text(lines, len(lead))
            return [Found("Event", name, at, end, (name,), None, "the document's title, headed by a meeting")]
    said = headline_object(title)
    event = None if said else _meeting_title(lines)  # 'Philippines hosts regional forum on mercury': a headline
    if not said and not event and kicker and kicker.split()[-1].capitalize() in EVENT_HEADS and _title_cased(title):
        event = _without_place_and_date(title)  # 'WEBINAR' over 'Co-benefit Mercury Control at ...'
    if event:
        name, short = _with_short_name(clean_name(event))  # 'Twelfth Meeting of the ... Group (PAG-12)'
        genre, colon, rest = name.partition(": ")
        if colon and genre.split()[-1].capitalize() in EVENT_HEADS and len(rest.split()) >= 3:
            short, name = short or name, rest  # 'Webinar: Closing the Tap - ...': the event's name after its genre
        return [Found("Event", name, start, start + len(event), tuple(a for a in (short,) if a), None,
                      "the document's title, headed by a meeting")]
    if said:  # 'Sierra Leone Successfully Launches the GEF Funded Project on ...': what the headline names
        start = _in_text(lines, len(title) - len(said))
        title = said
    prefix = _genre_prefix(title)
    if not _title_cased(title) and not (sheet and not said and _names_work(title)):
        return []
    if prefix and _GENRE.fullmatch(prefix.group(1).strip()):
        return [Found("Publication", clean_name(title), start, end, (clean_name(title),), None,
                      "the document's title, after its genre")]
    said = prefix.group(1).split() if prefix else []
    if prefix and (len(said) > 4 or any(w.islower() for w in said)) and entity_type(prefix.group(1).strip()) is None:
        prefix = None  # 'Mercury-Free Health Care in Ecuador: Phasing Out ...': one name, not a programme's and its own
    name = title[prefix.end():] if prefix else title
    name, acronym = _without_acronym(name)
    node_type = entity_type(name) or ("Project" if sheet and not _names_an_area(name) else None)
    if is_category(name):
        return []  # 'Activities and Projects': a page of several
    if node_type not in ("Project", "Publication", "Event"):
        return []
    name_start = start + (text[start:end].find(name.split()[0]) if prefix else 0)
    aliases = (clean_name(name), clean_name(title), acronym) if acronym else (clean_name(name), clean_name(title))
    found = [Found(node_type, clean_name(name), name_start, end - len(acronym and f" ({acronym})"), aliases, None,
                   "the document's title")]
    if prefix and node_type == "Project" and len(prefix.group(1).split()) <= 4 and \
            not is_country_name(prefix.group(1)):  # 'Kyrgyzstan: Strengthening ...' is the country's project
        found.append(Found("Project", clean_name(prefix.group(1)), start, start + len(prefix.group(1)),
                           (clean_name(prefix.group(1)),), None, "the programme a document's title names"))
    return found


def _names_work(title: str) -> bool:
    """Whether a sentence-case title on a project's page names its work: it opens with the work's noun or
    gerund ('Reducing mercury emissions from clinker production in ...', 'Phase-out of mercury-cell ...').

    >>> _names_work("Reducing mercury emissions from clinker production"), _names_work("Brazil moves to close")
    (True, False)
    """
    first = title.split()[0]
    return first[:1].isupper() and (first.endswith(("ing", "tion", "ment")) or first.lower().startswith("phase-"))


def _without_acronym(name: str) -> tuple[str, str]:
    """A title and the acronym it ends with, in brackets ('Reducing Mercury Emissions from Clinker Kilns in
    Indonesia (REMEC-ID)').

    >>> _without_acronym("Phasing Down Dental Amalgam (PDDA-AME)"), _without_acronym("Gold (2019)")
    (('Phasing Down Dental Amalgam', 'PDDA-AME'), ('Gold (2019)', ''))
    """
    if not name.endswith(")") or " (" not in name:
        return name, ""
    head, _, acronym = name[:-1].rpartition(" (")
    if " " in acronym or not acronym[:1].isupper() or sum(c.isupper() for c in acronym) < 2:
        return name, ""
    return head, acronym


def _names_an_area(name: str) -> bool:
    """Whether a title is mostly a partnership area's name, a page of the area's ('Partners – Artisanal and
    Small-Scale Gold Mining'), not a project's."""
    if name.split()[0].endswith("ing") and _title_cased(name):
        return False  # 'Reducing Mercury Releases from Cement Production in Viet Nam': work on the area's matter
    return sum(m.end - m.start for m in find_areas(name)) > 0.5 * len(name)


def _in_text(lines: list[tuple[int, str]], k: int) -> int:
    """Where the ``k``-th character of the title (its lines joined by single spaces) is in the text.

    >>> text = "Sierra Leone\\n  Launches a Plan"
    >>> lines = [(0, "Sierra Leone"), (15, "Launches a Plan")]
    >>> text[_in_text(lines, len("Sierra Leone Launches a "))]
    'P'
    """
    for pos, body in lines:
        if k <= len(body):
            return pos + k
        k -= len(body) + 1
    return lines[-1][0] + len(lines[-1][1])


def _meeting_title(lines: list[tuple[int, str]]) -> str | None:
    """The title lines up to a date, without it and the places before it, if their head names a meeting, whatever
    their case: the word before a first 'of/for/on/to' ('Regional workshop to support the ratification ... for
    Asia and the Pacific, Jakarta, Indonesia, 17-18 March 2015'), else the last word ('Minamata Initial Assessment
    regional inception workshop'), before a colon ('Pre-COP4.2 Side Event: Mercury-Added Skin Lighteners ...');
    'Update from ... meeting' is an update.

    >>> _meeting_title([(0, "Minamata Initial Assessment regional inception workshop")])
    'Minamata Initial Assessment regional inception workshop'
    >>> _meeting_title([(0, "Update from the Coal Partnership meeting")]) is None
    True
    """
    dated = next((i for i, (_, body) in enumerate(lines) if _DATE_TAIL.search(body)), len(lines) - 1)
    title = _without_place_and_date(" ".join(body for _, body in lines[:dated + 1]))
    prefix = _genre_prefix(title)
    last, first = head_words(prefix.group(1) if prefix else title)
    words = title.split()
    head = words[0] if len(words) > 2 and words[1] in ("from", "about") else first or last
    return title if head[:1].upper() + head[1:] in EVENT_HEADS else None


def _genre_prefix(title: str) -> re.Match[str] | None:
    """What a title names before a colon ('Guidance Document: ...', 'Pre-COP4.2 Side Event: ...')."""
    return re.match(r"([^:]{2,40}):\s+(?=[A-Z])", title)


def _without_place_and_date(title: str) -> str:
    """The title before a trailing date and the places before it ('..., Jakarta, Indonesia, 17-18 March 2015',
    '... – 10 March – Online')."""
    m = _DATE_TAIL.search(title)
    if not m:
        return title
    head = title[:m.start()]
    while "," in head and len(head.rsplit(",", 1)[1].split()) <= 3 and head.rsplit(",", 1)[1].strip()[:1].isupper():
        head = head.rsplit(",", 1)[0]
    return head.strip()


_DATE_TAIL = re.compile(r"\s*(?:,|[–-])\s*\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+[A-Z][a-z]+(?:\s+(?:19|20)\d\d)?"
                        r"(?:\s*[–-]\s*\w+)?$")


def _title_cased(title: str) -> bool:
    """Mostly capitalised words; half will do where the title opens with its head noun ('Project for promoting the
    Minamata Convention on Mercury by making the most of Japan's knowledge and experiences')."""
    words = [w for w in re.findall(r"[A-Za-z][\w'\-]*", title) if len(w) > 3]
    share = 0.5 if _head_first(title) else 0.6
    return bool(words) and sum(1 for w in words if w[:1].isupper()) >= share * len(words)


_HEADS_FIRST = frozenset({"Project", "Programme", "Program", "Initiative", "Workshop", "Webinar", "Conference",
                          "Meeting", "Forum"})


def _head_first(title: str) -> bool:
    """Whether a title opens with its head noun and a preposition ('Project for promoting ...')."""
    words = title.split(maxsplit=2)
    return len(words) == 3 and words[0] in _HEADS_FIRST and words[1] in ("for", "on", "of", "to")


_THE_PROJECT = re.compile(r"\s*(?:The|This)\s+(?:project|programme|program|initiative)\b")


def titled_headings(doc: "Document") -> list[Found]:
    """A heading whose next paragraph opens with 'The project' (or 'This programme') is that project's name: a
    project page's 'Reducing Mercury Emissions from Coal Combustion in the Energy Sector' / 'The project
    (2021-2023) is focused on ...'. A sentence-case heading over a paragraph, headed by a meeting word, names
    that meeting ('World Alliance environmental leaders conference'; a title-cased heading of a series,
    'International Conference on Mercury as a Global Pollutant' over 'The 11th ...', is left to the names' rules).

    >>> from loaders.readers import parse_text
    >>> doc = parse_text("Activities\\n\\nMercury Free Mining in the Andes\\n\\nThe project works in Peru.\\n", "p.txt")
    >>> [f.name for f in titled_headings(doc)]
    ['Mercury Free Mining in the Andes']
    """
    blocks = [b for b in doc.walk() if b.kind in ("heading", "paragraph", "bullet")]
    found = []
    for block, after in zip(blocks, blocks[1:]):
        own = doc.text[block.start:block.end].strip().strip("*#").strip()
        if block.kind != "heading" or after.kind != "paragraph" or "\n" in own or not 3 <= len(own.split()) <= 20:
            continue
        if own.split()[0] in ("About", "More"):  # 'About the webinar': a section of its page, no name
            continue
        start = block.start + doc.text[block.start:block.end].find(own)
        meeting = None if SENTENCE_LIKE.search(own) or _title_cased(own) or headline_object(own) else \
            _meeting_title([(start, own)])
        if meeting == own:
            found.append(Found("Event", clean_name(own), start, start + len(own), (), None,
                               "a heading naming a meeting"))
            continue
        if not _THE_PROJECT.match(doc.text, after.start) or SENTENCE_LIKE.search(own) or not _title_cased(own):
            continue
        if entity_type(own.split(" - ")[0].split(",")[0].strip()) == "Organization":
            continue  # a byline: 'United Nations Industrial Development Organization - UNIDO, 2022 - 2027'
        found.append(Found("Project", clean_name(own), start, start + len(own), (clean_name(own),), None,
                           "a heading over 'The project ...'"))
    return found