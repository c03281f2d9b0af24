"""LOCATED_IN: a project works in, or an event is held in, a country.

* a country in the thing's own name ('planetGOLD Guyana');
* an event and its place: 'INC3 in Nairobi', '(Geneva, November 2019)', 'held in Rome'; an event page's
  dateline under its title ('14-15 March 2023 | Tbilisi, Georgia');
* the countries of a sentence about one project or event, or about the project the sentence refers back to
  ('The programme works in eight countries (...)', said of the programme just named), or the titled item
  the block belongs to. Where the project is one item of a list of things, only its own item's countries
  ('... an online tool (iPOG), the US EPA monitoring toolkit, ..., country studies ... in China, India'); 'The
  project' after a block's own 'a research project' is that one, not a project named before the block.

A country inside an organisation's name ('Ministry of the Environment of Japan') is not a place of work;
a government a project works with is, unless the sentence is about funding.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated, Located
from loaders.entities.naming import is_venue
from loaders.gazetteers.countries import ends_in_countries_after
from loaders.relations.amounts import MONTH_NAMES
from loaders.relations.context import of_type, the_meeting
from loaders.relations.funding import FUND_CUE, FUNDER_VERB, paying_countries
from loaders.relations.modality import COORDINATION, clause_around
from schema import LocatedIn

# the place after a meeting: 'INC3 in Nairobi', 'its seventh advisory group meeting (PAG7) in Jordan', ...
_EVENT_PLACE_GAP = re.compile(r"(?:\)?\s+in\s+(?:the\s+)?|,?\s*(?:which\s+|that\s+)?"
                              r"(?:was\s+|were\s+|will be\s+|to be\s+|is\s+)?(?:held|took place|convened|hosted|"
                              r"organi[sz]ed)\b[^();.]{0,45}?\b(?:in|at)\s+(?:the\s+)?)"
                              r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?|"  # the city before the country: 'in Geneva, '
                              r"\s*(?::\s*[\w ,\-\u2013]{0,30})?\(\s*(?:[^();]{0,30}?,\s*)?")
_AS_TIME = re.compile(r"\b(?:[Ss]ince|[Aa]fter|[Bb]efore|[Ff]ollowing|[Pp]rior to|[Aa]head of|[Uu]ntil)\s+(?:the\s+|its\s+)?$")
_THIS_THING = re.compile(r"\s*(?:The|This|These)\s+(?:programme|project|initiative|Programme|Project|network)\b")


#: an unnamed piece of work the block introduces itself, which a later 'The project ...' stands for
_UNNAMED_WORK = re.compile(r"\b(?:a|an)\s+(?:new\s+|research\s+|pilot\s+|joint\s+){0,2}(?:project|programme|study|"
                           r"initiative)\b")
#: where one item of a list of things begins: ', the US EPA monitoring toolkit', ', a global agreement ...'
_ITEM_START = re.compile(r",\s+(?:and\s+)?(?=(?:a|an|the)\s)")


def _list_item(sentence: str, start: int, end: int, clause: tuple[int, int]) -> tuple[int, int]:
    """The item of a list of things (outside brackets) that holds ``sentence[start:end]``, where the thing sits
    inside such a list: 'the Partnership had produced a Process optimisation guidance document (POG), an online
    tool for optimising mercury control (iPOG), the US EPA monitoring toolkit, ..., country studies helping with
    inventory work in China, India, Russia and South Africa': the countries are the country studies', not iPOG's.
    Else ``clause``."""
    depth, bounds = 0, []
    for i, ch in enumerate(sentence):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0 and clause[0] <= i < clause[1] and _ITEM_START.match(sentence, i):
            bounds.append(i)
    before = [b for b in bounds if b < start]
    after = [b for b in bounds if b >= end]
    if not before or not after:  # not a middle item of a list
        return clause
    return before[-1], after[0]


def _affiliation(text: str, country: Located, mentions: list[Located]) -> bool:
    """Is the country inside brackets that name a body ('(Environmental Protection Agency, U.S.)')?"""
    opened = text.rfind("(", max(0, country.start - 120), country.start)
    return opened >= 0 and ")" not in text[opened:country.start] and any(
        m.node.type == "Organization" and opened < m.start < country.start for m in mentions)


def _inside_other(text: str, country: Located, mentions: list[Located], partners: bool = False) -> bool:
    """A country inside an organisation's name is not a place of work; with ``partners`` (the sentence funds
    nothing), a government's country is: 'memorandum of understanding with the governments of Trinidad and
    Tobago (TTO), Antigua and Barbuda (ATG) ...'."""
    for m in mentions:
        if m.node.type == "Organization" and text[country.end:m.start] in ("'s ", "\u2019s "):
            return True  # "Italy's National Research Council": the body's country
        if m.node.type == "Organization" and m.start <= country.start and country.end <= m.end:
            government = m.node.name.startswith(("Government of ", "Governments of "))
            return not (partners and government and not FUNDER_VERB.match(text[m.end:m.end + 40].strip()))
    return False


def _dateline_place(ann: Annotated) -> None:
    """An event page's dateline under its title ('14-15 March 2023 | Tbilisi, Georgia', 'Montevideo, Uruguay,
    11-13 April 2023'): the one country of a short dated line among the page's first lines is where the event the
    page is about takes place."""
    sentences, text = ann.sentences, ann.text
    topic = sentences.topic
    if topic is None or topic.node.type != "Event":
        return
    for m in sentences.located:
        if m.node.type != "Country" or m.start > topic.end + 300:
            continue
        start, end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
        line = text[start:end if end >= 0 else len(text)]
        countries = {c.node.id for c in sentences.located if c.node.type == "Country" and start <= c.start < start + len(line)}
        above = text[text.rfind("\n", 0, max(0, start - 1)) + 1:max(0, start - 1)] if start else ""
        # (the date may stand on the line above, the venue's name on this one: 'Room 3, International Conference
        # Centre Geneva, Geneva, Switzerland')
        bodies = [o for o in sentences.located if o.node.type == "Organization" and start <= o.start < start + len(line)
                  and not is_venue(o.node.name, on_a_dateline=True)]
        if start > topic.end and len(line) <= 90 and len(countries) == 1 and (_dated(line) or _dated(above)) and \
                not bodies:
            ann.edges.add(LocatedIn, topic.node, m.node, m.block, (start, start + len(line)))
            return


def _experience_of(before: str) -> bool:
    """Whether the words before a country end in a list of countries after 'from': a name goes on to the countries
    whose experience it is about ('Phasing Down Dental Amalgam - Experiences from Nepal and Kenya', 'Lessons from
    Peru and Colombia'), a meeting's participants came from them ('regulators from Pakistan, Nepal and ...'): they
    are not where the thing is.

    >>> _experience_of("Lessons from Peru and "), _experience_of("Mercury-Free Gold from the Amazon in ")
    (True, False)
    """
    return ends_in_countries_after(before, " from ")


def _work_in(before: str) -> bool:
    """Whether the words before a country say where something is done: '... in', '... in the'; not where a body
    sits ('an NGO based in').

    >>> _work_in("landing sites in "), _work_in("the Government of "), _work_in("in the "), _work_in("NGO based in ")
    (True, False, True, False)
    """
    words = before.split()
    if words[-1:] == ["the"]:
        words = words[:-1]
    return words[-1:] == ["in"] and words[-2:-1] not in (["based"], ["headquartered"], ["located"], ["registered"])


def _dated(line: str) -> bool:
    """Whether a line gives a date: a month's name and a year, or an ISO date.

    >>> _dated("Accra, Ghana | 18-20 September 2023"), _dated("2024-10-08 to 2024-10-10"), _dated("Accra, Ghana")
    (True, True, False)
    """
    words = line.replace(",", " ").replace("|", " ").replace("\u2013", " ").split()
    year = any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in words)
    iso = any(len(w) == 10 and w[:4].isdigit() and w[4] == "-" and w[5:7].isdigit() for w in words)
    return iso or (year and any(w.lower().rstrip(".") in MONTH_NAMES for w in words))


def read_located_in(ann: Annotated) -> None:
    """Pipeline component: LOCATED_IN edges of each sentence, and of a page's 'Where we work' lines."""
    _dateline_place(ann)
    sentences, text = ann.sentences, ann.text
    for country, _, block, span in sentences.where_we_work:  # 'Where we work' / 'Nigeria: Green Horizon ...'
        ann.edges.add(LocatedIn, sentences.topic.node, country.node, block, span)
    for span, mentions, block in sentences.items():
        things = of_type(mentions, "Project", "Event")
        sentence = sentences.sentence(span)
        partners = not FUND_CUE.search(sentence) and not re.search(r"\bsupport (?:from|of)\b", sentence)
        payers = paying_countries(sentences, span, mentions)  # 'contributions from Germany, Norway and Sweden'
        countries = [m for m in of_type(mentions, "Country") if not _inside_other(text, m, mentions, partners)
                     and m not in payers]
        for thing in things:  # a country in the thing's own name
            for c in countries:
                if thing.start <= c.start and c.end <= thing.end and text[c.start:c.end] in thing.node.name and \
                        not _experience_of(text[thing.start:c.start]):
                    ann.edges.add(LocatedIn, thing.node, c.node, block, span)
        for event in of_type(things, "Event"):  # 'INC3 in Nairobi', '(Geneva, November 2019)', 'held in Rome'
            end = max([event.end] + [o.end for o in of_type(mentions, "Organization")  # 'the fifth session of the
                                     if event.start < o.start < event.end < o.end])    # Committee on| mercury in ...'
            for c in countries:
                gap = text[end:c.start]
                if c.start >= end and len(gap) <= 70 and _EVENT_PLACE_GAP.fullmatch(gap) and not any(
                        end <= t.start < c.start for t in things):
                    ann.edges.add(LocatedIn, event.node, c.node, block, span)
        subjects = [t for t in things if not _AS_TIME.search(  # 'Since the sixth session, ... in Moscow': a time
            text[max(span[0], t.start - 24):t.start])]
        subject = subjects[0] if len({t.node.id for t in subjects}) == 1 else None
        if subject is None and not things and _THIS_THING.match(sentence) and not _UNNAMED_WORK.search(
                text, block.start, span[0]):  # '... through a research project aimed at ... The project would ...'
            subject = sentences.previous_titled(span[0])
        if subject is None and not things:
            subject = sentences.anaphor_topic(span, block) or sentences.item_topic.get(id(block))
        if subject is None and not things and countries and _work_in(text[max(span[0], countries[0].start - 12):
                                                                          countries[0].start]):
            topic = sentences.topic  # a project's page: 'Its teams sampled fish ... in Fiji, Samoa and Vanuatu'
            subject = topic if topic is not None and topic.node.type == "Project" else None
        if subject is None and not things and the_meeting(sentence) and not FUND_CUE.search(sentence):
            # 'The workshop will be held ... in Barcelona', on its page; 'The conference was held in San Francisco'
            # under the heading that names it
            heading = sentences.heading_topic.get(id(block))
            subject = heading if heading is not None and heading.node.type == "Event" else \
                sentences.headline_thing("Event")
        # one subject, else the items of one list ('the planetGOLD Peru and GIRH-TDPS projects'); an item with a
        # country in its name has that one ('... in [Mali's] ...', '... in [Ghana's] ...')
        group = [subject] if subject is not None else sentences.coordinated(subjects)
        for subject in group:
            if len(group) > 1 and any(subject.start <= c.start and c.end <= subject.end for c in countries):
                continue
            clause = (clause_around(sentence, subject.start - span[0], COORDINATION) if subject.start >= span[0]
                      else (0, len(sentence)))
            if subject.start >= span[0] and len(group) == 1:
                clause = _list_item(sentence, subject.start - span[0], subject.end - span[0], clause)
            # the countries of the subject's own clause ('..., and the annual meeting, held in Geneva'); not a
            # government a meeting invites ('stakeholders from ..., Uganda Government') nor its chairs' countries
            # ('Rodges Ankrah (Environmental Protection Agency, U.S.)')
            for c in countries:
                if subject.node.type == "Event" and (
                        _inside_other(text, c, mentions) or _affiliation(text, c, mentions)
                        or _experience_of(text[max(span[0], c.start - 120):c.start])):
                    continue  # nor where its participants came from ('regulators from Pakistan, Nepal and ...')
                if not any(t.start <= c.start and c.end <= t.end for t in group) and (  # not in an item's name
                        subject.start < span[0] or span[0] + clause[0] <= c.start < span[0] + clause[1]):
                    ann.edges.add(LocatedIn, subject.node, c.node, block, span)
