"""Capitalised runs: the spans of text that can be names, capitalised words joined by connectors ('of',
'for', 'and', ...), with the commas a name may hold ('Ministry of Climate Change, Pakistan', 'International
Energy Agency, Clean Coal Centre') and the ones it may not ('University of British Columbia, Vancouver').

>>> text = "met the Ministry of Climate Change, Pakistan and later the University of British Columbia, Vancouver."
>>> [text[a:b] for a, b in capitalised_runs(text)]
['Ministry of Climate Change, Pakistan', 'University of British Columbia', 'Vancouver']

A capitalised 'The' goes on no name: it opens a sentence or a line:

>>> text = "An international non-profit Association\\nThe EEB is a network"
>>> [text[a:b] for a, b in capitalised_runs(text)]
['An', 'Association', 'The EEB']

A headline's verb ends a name, with the adverb before it; a name ending in "-ly" keeps it:

>>> text = "Sierra Leone Successfully Launches a Plan; the Government of Italy Launches a Plan"
>>> [text[a:b] for a, b in capitalised_runs(text)]
['Sierra Leone', 'Plan', 'Government of Italy', 'Plan']
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.entities.acronyms import CONNECTORS
from loaders.entities.found import clean_name
from loaders.entities.naming import OPENING_HEADS, entity_type, organization_kind
from loaders.gazetteers.countries import find_countries, is_country_name

TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f0-9](?:[\w'\u2019&\-]|\.(?=\w))*")
HEAD_OF = re.compile(r"^(?:Ministry|Ministerio|Department|Secretariat|Office|Division|Branch|University|Institute|"
                      r"Bureau|Council|Association|Federation|Centre|Center|Society|Alliance|Agency|School|"
                      r"Commission|Committee|Board|Government|Directorate)\b")
#: the honorifics that open a person's name, and so end any name before them
HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Dr", "Prof"})
NOT_NAMES = frozenset({"Professor", "Emeritus", "Prof", "Dr", "Mr", "Ms", "Mrs", "Part", "The", "This", "These", "That", "Those", "In", "On", "At", "For", "By", "With", "From",
                        "As", "An", "A", "It", "Its", "Their", "Our", "Some", "All", "Each", "Both", "Such",
                        "Since", "During", "Under", "After", "Before", "Following", "Further", "Also", "Other"})



#: a headline's verb ('Suriname Launches New Initiative ...', 'planetGOLD Mongolia Shares Project Successes'): a name
#: ends before it (with the adverb before it: 'Successfully Launches') and none begins with it
#: (never a plural noun of this field: 'Mercury Releases', 'Marks', 'Holds', 'Starts' are left out)
HEADLINE_VERBS = frozenset({"Launches", "Hosts", "Signs", "Shares", "Explores", "Opens", "Joins", "Announces",
                            "Publishes", "Welcomes", "Celebrates", "Adopts", "Approves", "Receives", "Completes",
                            "Urges", "Unveils", "Begins", "Convenes", "Organizes", "Organises", "Pledges"})
#: the adverbs a headline puts before its verb ('Successfully Launches'); never a name's last word ('Italy Launches')
HEADLINE_ADVERBS = frozenset({"Successfully", "Officially", "Formally", "Jointly", "Finally", "Publicly", "Proudly",
                              "Recently", "Newly"})
_HEADLINE = re.compile(r"\s+(?:" + "|".join(sorted(HEADLINE_VERBS | {v.lower() for v in HEADLINE_VERBS})) +
                       r")\s+(?:(?:the|a|an|its|their|new|New)\s+)?(?=\S)")


_ELIDED = ("l'", "d'", "l\u2019", "d\u2019")  # French articles elided before a capitalised word


def headline_object(title: str) -> str | None:
    """What a headline's subject does something to: the words after its verb (and an article).

    >>> headline_object("Sierra Leone Successfully Launches the GEF Funded Project on Minamata Initial Assessment")
    'GEF Funded Project on Minamata Initial Assessment'
    >>> headline_object("Global Mercury Assessment 2018") is None
    True
    >>> headline_object("Philippines hosts regional forum on mercury")  # a headline in sentence case
    'regional forum on mercury'
    """
    m = _HEADLINE.search(title)
    return title[m.end():] if m and m.start() > 0 else None


_YEAR = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)?\d\d)?")
SUB_UNIT = re.compile(r"(?:Graduate School|School|Faculty|Department|Division|Institute|Centre|Center|Laboratory|"
                       r"Lab|Branch|Unit|Office|Clean Coal Centre)\b")


_LOCATED_KINDS = frozenset({"ngo", "academia", "private_sector"})


#: bodies whose remit after 'of' may run over 'and' ('Ministry of Mines and Strategic Resources', 'School of Chemical
#: and Metallurgical Engineering', 'Office of International and Tribal Affairs')
_PORTFOLIO_HOLDERS = ("Ministry of", "Ministerio de", "Department of", "Minister of", "School of", "Faculty of",
                      "Directorate General of", "Directorate of", "Division of", "Office of")


def continues_portfolio(body: str, words: str) -> bool:
    """Whether ``words`` after 'and' go on a ministry's portfolio ('Ministry of Mines' and 'Strategic Resources'):
    one to four capitalised words, none a body's head word, a country or an acronym.

    >>> continues_portfolio("Ministry of Mines", "Strategic Resources"), continues_portfolio("Ministry of Mines", "UNDP")
    (True, False)
    >>> continues_portfolio("Ministry of Ecology", "Environment of China")
    True
    >>> continues_portfolio("Fiji Ministry of Health", "Medical Services")
    True
    >>> continues_portfolio("Muhimbili University of Health", "Allied Sciences")
    True
    """
    head, _, place = words.rpartition(" of ")
    if head and is_country_name(place.removeprefix("the ")):
        words = head  # 'Ministry of Ecology and Environment of China': the portfolio, then whose it is
    parts = words.split()
    owner = find_countries(body[:40])
    if owner and owner[0].start == 0:
        body = body[owner[0].end:].lstrip()  # 'Fiji Ministry of Health' and 'Medical Services'
    academic = any(f" {kind} of " in f" {body}" for kind in ("University", "Institute", "College", "Academy"))
    return ((body.startswith(_PORTFOLIO_HOLDERS) or academic) and 1 <= len(parts) <= 4  # 'Muhimbili University of
            #                                                                          Health' and 'Allied Sciences'
            and all(w[:1].isupper() and not w.isupper() for w in parts)
            and (entity_type(words) is None or (parts[-1] == "Services" and len(parts) <= 2))  # 'Medical Services'
            and not find_countries(words))


def _comma_continues(text: str, run_start: int, after: int) -> bool:
    """A comma inside a name: 'Ministry of Housing, Territorial Planning and Environment of Uruguay',
    'Ministry of Climate Change, Pakistan', 'International Energy Agency, Clean Coal Centre',
    'Graduate School of Global Environmental Studies, Kyoto University'; not 'University of British
    Columbia, Vancouver' nor 'Centre for X, Parties and Secretariats to ...', nor an NGO's, a university's or a
    company's country ('Green Earth Society, Ghana': where it is)."""
    before = clean_name(text[run_start:after])
    segment = re.match(r"(?:[A-Z][\w\-]*|(?:of|and|the|for)\b)"
                       r"(?:\s+(?:[A-Z][\w\-]*|(?:of|the|for)\b|and(?!\s+of\b)\b|d['\u2019][A-Z]\w*))*",
                       text[after:after + 160])
    segment = re.sub(r"(?:\s+(?:of|and|the|for))+$", "", segment.group(0)) if segment else ""
    if not segment[:1].isupper():
        return False
    countries = find_countries(segment)
    if countries and countries[0].start == 0 and countries[0].end == len(segment):
        # '..., Pakistan' names a public body's country; after an NGO, a university or a company it says where it
        # is: 'Green Earth Society, Ghana'
        return entity_type(before) == "Organization" and organization_kind(before)[0] not in _LOCATED_KINDS
    if entity_type(before) == "Organization" and SUB_UNIT.match(segment) and entity_type(segment) == "Organization":
        return True  # 'International Energy Agency, Clean Coal Centre'
    if SUB_UNIT.match(before) and entity_type(segment) == "Organization" and re.search(
            r"(?:University|College|Universidade)", segment):
        return True  # 'Graduate School of ..., Kyoto University'
    if re.search(r"(?:University|College)\b", before) and re.search(r"\b(?:Center|Centre|Institute|Laboratory)$",
                                                                     segment):
        return True  # 'University of Illinois at Chicago, Great Lakes Center for ... Health'
    if not re.search(HEAD_OF.pattern.lstrip("^") + r"(?:\s+General)?\s+(?:of|for)\b", before):
        return False
    line = segment.split("\n")[0].rstrip()  # a list's line ends the name where the next opens another ('...,
    if re.search(r"\b(?:Ministry|Department|Division|Agency|Office|Secretariat|Authority|Directorate(?: General)?)"
                 r"\s+(?:of|for)\s", before) \
            and (_portfolios(line) or _portfolio_list(text, after)) and (
                line == segment or _opens_a_name(segment[len(line):].split()[0])):
        return True  # 'Ministry of Environment, Forest and Climate Change', 'Division of Technology, Industry and ...'
    #              Sustainable Development and Ecological Transition' / 'Université Félix Houphouët-Boigny')
    ends_qualified = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w\s'\u2019]+)$", segment)  # "... of Côte d'Ivoire"
    return bool(re.search(r"\sand\s", segment)) and bool(
        ends_qualified and (find_countries(ends_qualified.group(1)) or re.fullmatch(r"[A-Z]{2,8}", ends_qualified.group(1))))


def _portfolio_list(text: str, after: int) -> bool:
    """Whether a ministry's portfolio goes on from ``after`` over more commas to a last item after 'and' ('Federal
    Ministry for the Environment, ' then 'Nature Conservation, Nuclear Safety and Consumer Protection').

    >>> t = "Federal Ministry for the Environment, Nature Conservation, Nuclear Safety and Consumer Protection funds it"
    >>> _portfolio_list(t, 38), _portfolio_list("Ministry of Mines, Peru, Chile and Bolivia", 19)
    (True, False)
    """
    rest = text[after:after + 200]
    for stop in (".", ";", "\n", "("):
        cut = rest.find(stop)
        rest = rest[:cut] if cut >= 0 else rest
    for i, item in enumerate(rest.split(", ")[:5]):
        if " and " in item:
            first, _, last = item.partition(" and ")
            words = last.split()
            kept = next((words[:j] for j, w in enumerate(words) if not (w[:1].isupper() and w.isalpha())), words)
            return i > 0 and bool(kept) and _portfolios(f"{first} and {' '.join(kept)}")
        if not (1 <= len(item.split()) <= 3 and _plain_words(item.split())) or entity_type(item) is not None or \
                find_countries(item):
            return False
    return False


def _plain_words(words: list[str]) -> bool:
    """Capitalised plain words, no acronym among them ('Nature Conservation').

    >>> _plain_words(["Nature", "Conservation"]), _plain_words(["UNDP"])
    (True, False)
    """
    return all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)


def _portfolios(segment: str) -> bool:
    """'Forest and Climate Change': plain capitalised words around one 'and', no acronym, country or body.

    >>> _portfolios("Forest and Climate Change"), _portfolios("UNDP and UNEP"), _portfolios("Kenya and Peru")
    (True, False, False)
    >>> _portfolios("Fisheries and the Environment")
    True
    """
    words = segment.replace(" and the ", " and ").split()  # 'Fisheries and the Environment'
    content = [w for w in words if w != "and"]
    return (words.count("and") == 1 and words[0] != "and" and words[-1] != "and" and _plain_words(content)
            and entity_type(segment) is None and not find_countries(segment))


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


def _ends_on_country(text: str, end: int) -> bool:
    """Whether the line up to ``end`` ends on a country's name after a dash, comma or bracket, as a list's line
    says where its body is ('Japan Environmental Sanitation Center – Japan')."""
    line = text[text.rfind("\n", 0, end) + 1:end]
    countries = find_countries(line)
    return bool(countries) and countries[-1].end == len(line) and line[:countries[-1].start].rstrip()[-1:] in (
        "\u2013", "\u2014", "-", ",", "(")


def _sentence_opens(text: str, token: re.Match[str]) -> bool:
    """Whether a capitalised word opens a sentence: a lower-case word other than a connector follows it ('Grace
    leads the ...').

    >>> t = "Grace leads the work"
    >>> _sentence_opens(t, TOKEN.search(t)), _sentence_opens("Grace of Kenya", TOKEN.search("Grace of Kenya"))
    (True, False)
    """
    after = TOKEN.search(text, token.end())
    return after is not None and text[token.end():after.start()] == " " and after.group(0).islower() and \
        after.group(0) not in CONNECTORS and after.group(0) not in ("de", "da", "do", "du", "la", "le", "y", "et")


def _opens_with_a_person(text: str, start: int) -> bool:
    """Whether the line from ``start`` opens with a person's name and a comma ('Sefo Leota, Hazardous Waste
    Management Adviser, SPREP').

    >>> _opens_with_a_person("Sefo Leota, Adviser, SPREP", 0), _opens_with_a_person("Global Environment Facility, GEF", 0)
    (True, False)
    """
    from loaders.entities.people import plausible_name  # people reads runs

    head = text[start:text.find(",", start, start + 40)] if "," in text[start:start + 40] else ""
    words = head.split()
    return 2 <= len(words) <= 3 and "\n" not in head and all(
        w[:1].isupper() and w.replace("-", "").replace("'", "").replace(".", "").isalpha() for w in words) and \
        entity_type(head) is None and not find_countries(head) and plausible_name(head)


def _opens_with_country_dash(text: str, start: int) -> bool:
    """Whether the line from ``start`` opens with a country's name and a dash ('Viet Nam – Center for ...')."""
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)]
    return any(dash in line and is_country_name(line.partition(dash)[0].strip())
               for dash in (" \u2013 ", " - ", " \u2014 "))


def _country_ends_line(text: str, start: int) -> bool:
    """Whether what runs from ``start`` to the line's end is a country's name."""
    end = text.find("\n", start)
    return is_country_name(text[start:len(text) if end < 0 else end].rstrip(" .;"))


#: opening heads that also close English names, so a wrapped line may go on with them ('Al-Farabi Kazakh National' /
#: 'University')
_ENGLISH_HEADS = frozenset({"University", "Ministry", "Association", "Organisation", "Directorate", "Direction", "PT"})


def _opens_a_name(word: str) -> bool:
    """Whether a line opening with ``word`` begins a new name ('Government of Jordan – ...', 'Université ...'), not
    the last line's name going on.

    >>> _opens_a_name("Université"), _opens_a_name("Government"), _opens_a_name("University")
    (True, True, False)
    """
    return word == "Government" or (word in OPENING_HEADS and word not in _ENGLISH_HEADS)


def _a_country_before_and(text: str, start: int, end: int) -> bool:
    """Whether the run from ``start`` to ``end`` is a country's name whole, one that 'and' does not go on ('Mexico
    and Yayasan ...'; not 'Trinidad and Tobago').

    >>> _a_country_before_and("Mexico and Yayasan Bumi", 0, 6), _a_country_before_and("Trinidad and Tobago", 0, 8)
    (True, False)
    """
    if not is_country_name(text[start:end]):
        return False
    countries = find_countries(text[start:start + 60])
    return not (countries and countries[0].start == 0 and countries[0].end > end - start)


def capitalised_runs(text: str, connectors: frozenset[str] = CONNECTORS) -> list[tuple[int, int]]:
    """Spans of capitalised names: capitalised words joined by connectors ('of', 'for', 'and', ...)."""
    return list(_capitalised_runs(text, connectors))


@lru_cache(maxsize=64)
def _capitalised_runs(text: str, connectors: frozenset[str]) -> tuple[tuple[int, int], ...]:
    # only capitalised tokens open a run: the scan jumps from one to the next (a document is mostly lower-case
    # words), and reads the tokens after one only while the run goes on
    runs: list[tuple[int, int]] = []
    opening = _next_capital(text, 0)
    while opening is not None:
        start, end = opening.start(), opening.end()
        previous = opening
        nxt = TOKEN.search(text, previous.end())
        while nxt is not None:
            gap = text[previous.end():nxt.start()]
            if gap == ", " and not _comma_continues(text, start, nxt.start()) and not (
                    connectors is not CONNECTORS and _coordinated(text, nxt.start())):
                break
            if not (gap in (" - ", "-", ", ", " \u2013 ", "\u2013") or (
                    gap.isspace() and "\n\n" not in gap and len(gap) <= 3) or (
                    gap == ". " and previous.group(0) in _SAINTS)):  # 'St. Camillus Medical Center'
                break
            if gap in (" - ", " \u2013 ") and _country_ends_line(text, nxt.start()):
                break  # 'Batrec Industrie AG – Switzerland': where the body is
            if gap in (" - ", " \u2013 ") and is_country_name(text[start:previous.end()].removeprefix(
                    "Government of ").removeprefix("the ")):  # ('Government of Jordan – Ministry of Environment')
                start, end, previous = nxt.start(), nxt.end(), nxt  # 'Japan – National Institute for ...': the
                nxt = TOKEN.search(text, previous.end())            # body after where it is
                continue
            if "\n" in gap and _opens_with_country_dash(text, nxt.start()):
                break  # a list's next line: 'Viet Nam – Center for Environmental Monitoring, ...'
            if "\n" in gap and previous.end() - text.rfind("\n", 0, previous.end()) < 40:
                break  # a short line (a masthead or slide line) ends the name
            if "\n" in gap and _ends_on_country(text, previous.end()):
                break  # a list's line ends on a country ('Swiss Federal Office for the Environment – Switzerland')
            if "\n" in gap and _opens_a_name(nxt.group(0)) and previous.group(0).lower() not in connectors:
                break  # a list's lines: '... – Ministry of Environment' / 'Government of Jordan – ...', '...
                #        and Ecological Transition' / 'Université Félix Houphouët-Boigny'
            if "\n" in gap and previous.group(0).lower() not in connectors and _sentence_opens(text, nxt) and \
                    entity_type(clean_name(text[start:previous.end()])) == "Organization":
                break  # a body's whole name ends its line, a sentence opens the next: '... World Alliance for
                #        Mercury-Free Dentistry' / 'Grace leads the Alliance's work ...'
            if "\n" in gap and _opens_with_a_person(text, nxt.start()):
                break  # a speaker list's next line: '... Ministry of the Environment of Japan' / 'Sefo Leota, Adviser, ...'
            word = nxt.group(0)
            if word == "and" and _a_country_before_and(text, start, previous.end()):
                break  # 'in Mexico and Yayasan Bumi Bersih in Indonesia': the country ends, a name begins
            if word == "The" or word in HONORIFICS:
                break  # 'The' opens a sentence or a new line, never goes on a name: 'Association\nThe EEB'; nor
                #        does a person's honorific: 'Regional Centre for Asia' / 'Ms. Grace Mwangi, ...'
            if word in HEADLINE_VERBS:
                if previous.group(0) in HEADLINE_ADVERBS and previous.start() > start:  # 'Successfully Launches'
                    end = len(text[:previous.start()].rstrip())
                break
            if previous.group(0).lower() in connectors and re.search(r"['\u2019]s$", word) and word[:1].isupper():
                break  # 'the Pacific Mercury Monitoring Programme to the Partnership's ... area': another name
            if word[:1].isupper() or (word[:2].lower() in _ELIDED and word[2:3].isupper()):  # "de l'Environnement"
                end = nxt.end()
            elif _YEAR.fullmatch(word) and (after := TOKEN.search(text, nxt.end())) is not None and \
                    after.group(0)[:1].isupper() and text[nxt.end():after.start()] == " ":
                pass  # 'UNEP 2013 Report', 'GEO 2009-2011 Work Plan': a year inside a name
            elif word.lower() not in connectors or (word == "in" and connectors is CONNECTORS):
                break
            elif word.lower() == "the" and previous.group(0).lower() not in connectors:
                break  # 'of the', 'for the' join a name; 'Convention the Partnership' does not
            elif word.lower() in ("of", "for", "on", "to") and previous.group(0).lower() == "and":
                break  # '... of UNEP and of the United Nations ...' coordinates two phrases
            previous = nxt
            nxt = TOKEN.search(text, previous.end())
        if opening.group(0) not in HEADLINE_VERBS:
            runs.append((start, end))
        opening = _next_capital(text, nxt.start()) if nxt is not None else None  # from the token that ended it
    return tuple(runs)


#: the abbreviations a name goes on after ('St. Camillus Medical Center', 'Mt. Kenya University')
_SAINTS = frozenset({"St", "Ste", "Mt"})
_CAPITAL_CANDIDATE = re.compile(r"(?=[A-Z\u00c0-\u00de\u0100-\u024f])" + TOKEN.pattern)
_CONTINUES = re.compile(r"[\w'\u2019&\-]")
_STARTS = re.compile(r"[A-Za-z\u00c0-\u024f0-9]")


def _next_capital(text: str, pos: int) -> re.Match[str] | None:
    """The first token from ``pos`` (a token's start, or 0) that opens with a capital, as ``TOKEN.finditer``
    would cut it: a candidate inside a longer token ('maxOUT', 'e.The') is none."""
    for m in _CAPITAL_CANDIDATE.finditer(text, pos):
        if not m.group(0)[:1].isupper():
            continue
        q = m.start() - 1  # the characters before it that a token would have run through
        while q >= pos and (_CONTINUES.match(text, q) or (text[q] == "." and q + 1 < len(text) and
                                                         (text[q + 1].isalnum() or text[q + 1] == "_"))):
            if _STARTS.match(text, q):
                break
            q -= 1
        else:
            return m
        if q < pos or not _STARTS.match(text, q):
            return m
    return None


def in_quotes(text: str, pos: int) -> bool:
    """Inside a quoted title on the same line ('the project \u201cRural development of the ... Councils\u201d')."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return before.count("\u201c") > before.count("\u201d")


_ROLE_OF = re.compile(r"(?:(?:Executive|Deputy|Vice|Acting|Senior|Chief|Project|Programme|Program|Technical|National)"
                      r"[ -]){0,2}(?:Head|Heads|Member|Members|Director-General|Director General|Director|Directors|"
                      r"Secretary-General|Secretary(?! of State)|Chair|Chairs|Co-chair|Co-chairs|"
                      r"Chairperson|Chief|President|Coordinator|Leader|Minister|Representative|Representatives|"
                      r"Administrator|"
                      r"Officer|Manager|Scientist|Adviser|Advisor|Specialist|Expert|Consultant|Researcher|Lecturer|"
                      r"Professor|Fellow|Engineer|Analyst)\s+(?:of|for|at)\s+"
                      r"(?:the\s+)?(?=[A-Z])")


def strip_role(name: str) -> str:
    """A name without the role that opens it: 'Head of UNEP Chemicals and Waste Branch' is the Branch,
    'Members of the Governing Board of X' the Board, 'Project Administrator at the United Nations Industrial
    Development Organization' the Organization.

    >>> strip_role("Members of the Governing Board of the Specific International Programme")
    'Governing Board of the Specific International Programme'
    >>> strip_role("Director of Environment at the Ministry of Environment of Senegal")
    'Ministry of Environment of Senegal'
    """
    m = _ROLE_OF.match(name)
    if m is None:
        return name
    rest = name[m.end():]
    remit, at, body = rest.partition(" at ")
    body = body.removeprefix("the ")
    if at and body[:1].isupper() and entity_type(remit) is None and entity_type(body) == "Organization":
        return body  # 'Director of Environment at the Ministry of Environment of Senegal': the role's remit, its body
    return rest


def in_quoted_title(text: str, pos: int) -> bool:
    """Inside a quoted title, not quoted speech: the quotes around ``pos`` hold a short phrase, not sentences
    ('the project \u201cRural development of the ... Councils\u201d', not '\u201cParticipants ... have included
    officials from the Ministry of the Environment and Fisheries,\u201d says ...')."""
    if not in_quotes(text, pos):
        return False
    opening = text.rfind("\u201c", 0, pos)
    closing = text.find("\u201d", pos)
    quoted = text[opening:closing if closing >= 0 else pos + 200]
    return len(quoted) <= 220 and not re.search(r"[a-z][.!?,;]\s+[a-z]|\b(?:is|are|was|were|have|has)\b", quoted)

