"""IMPLEMENTS: who carries out, executes, leads or takes part in a project.

* "Pact's Mines to Market programme", "Solidaridad identified ... its Going for Gold programme": the owner of a
  project;
* the organisations after an implementing cue ('implemented by X', 'supervised by X', 'a project of X', 'in
  partnership with X') implement the project of the cue's clause, or 'the project' the sentence refers back to;
  so does the body an agency implements it for or has the technical assistance of ('implemented by UNDP for
  the Ministry of ...');
* the organisations before an implementing verb ('UNEP, UNIDO and NRDC launched', 'X is executing')
  implement the project after it, else the sentence's one project, else the one it refers back to;
* the organisations a lead-in names as doing the work ('activities led by CNR:'; not a body its earlier
  sentences name for another act, 'an online survey conducted by the Secretariat') implement the projects of the
  blocks it introduces, but not those an item ties otherwise ('will be approached to explore possible
  partnership', 'projects supported by the Specific International Programme').

A funder of the same sentence is not its implementer.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated, Located
from loaders.entities.nodes import government_located
from loaders.gazetteers.countries import only_countries
from loaders.relations.affiliations import page_owner
from loaders.relations.context import IMPLEMENT_CUE, Sentences, of_type, outermost
from loaders.relations.funding import agent_before, funders
from loaders.relations.leads import led_after_area
from loaders.relations.modality import COORDINATION, clause_around, planned
from loaders.spans import line_spans
from loaders.words import WEEKDAYS
from schema import Implements

_IMPLEMENTER_VERB = re.compile(r"\)?\s*(?:,\s*which\s+)?(?:is|are|has|have|was|were)?\s*"
                               r"(?:also\s+|currently\s+|today\s+|[a-z]+ly\s+)?"
                               r"(?:executing|implementing|carrying out|(?:has|have|had)\s+carried\s+out|began|begun|"
                               r"continued|commenced|launched|"
                               r"implemented|executed|implements?|coordinates|founded|"
                               r"supported|started|conducted|developed|documented|participated|won|completed|working|joined|"
                               r"contributed to the "
                               r"implementation|is leading|leads|partnered|(?:a\s+)?partners?\s+in|takes?\s+part\s+in|"
                               r"provides\s+(?:technical|laboratory|scientific)\s+(?:assistance|support|advice))\b"
                               # an unnamed project as its object: 'launched a five-year project'
                               r"(?P<unnamed>\s+an?\s+(?:[\w\-$]+\s+){0,3}?"
                               r"(?:project|programme|program|initiative)\b)?")


# a sentence about who implements the page's project: 'In Uganda, IMPACT is an implementing agency in partnership'
_AGENCY = tuple(f"{role} {body}" for role in ("implementing", "executing") for body in ("agenc", "partner", "entit"))


# the role as the subject, its holder after the copula: 'The executing agency is Projekt-Consult GmbH which ...'
_ROLE_IS = re.compile(r"\b[Tt]he\s+(?:\w+\s+)?(?:executing|implementing)\s+(?:agenc(?:y|ies)|partners?|entit(?:y|ies)|"
                      r"organi[sz]ations?)\s+(?:is|are|was|were)\s+(?:the\s+)?")


def read_implementers(ann: Annotated) -> None:
    """Pipeline component: IMPLEMENTS edges of each sentence, then of each lead-in."""
    sentences, text = ann.sentences, ann.text
    for span, mentions, block in sentences.items():
        sentence = sentences.sentence(span)
        orgs = of_type(mentions, "Organization")
        things = outermost(of_type(mentions, "Project", "Event"))
        holders = _said_to_be_an_agency(sentence, span, orgs)  # 'UNDP is the GEF Implementing Agency'
        for role in _ROLE_IS.finditer(sentence):  # 'The executing agency is Projekt-Consult GmbH'
            holders += sentences.chain(orgs, span[0] + role.end())
        if holders:
            projects = [t for t in things if t.node.type == "Project"]
            topic = sentences.topic_of(block)
            work = projects[:1] if len({t.node.id for t in projects}) == 1 else (
                [topic] if topic is not None and topic.node.type == "Project" and not projects else [])
            for org in holders:
                for target in work:
                    ann.edges.add(Implements, org.node, target.node, block, span)
        funder_ids = {f.node.id for f in funders(sentences, span, orgs)}
        for org in orgs:  # "Pact's Mines to Market programme"
            owned = re.match(r"(?:'s|\u2019s)\s+", text[org.end:org.end + 4])
            for t in things:
                if owned and t.start == org.end + owned.end() and t.node.type == "Project":
                    ann.edges.add(Implements, org.node, t.node, block, span)
        subject = orgs[0] if orgs and len(text[span[0]:orgs[0].start].split()) <= 2 else None
        for t in things:  # 'Solidaridad identified new mines to include in its Going for Gold programme'
            if subject is not None and t.node.type == "Project" and text[t.start - 4:t.start] == "its " and \
                    subject.end < t.start and subject.node.id not in funder_ids:
                ann.edges.add(Implements, subject.node, t.node, block, span)
        for cue in IMPLEMENT_CUE.finditer(sentence):
            at = span[0] + cue.end()
            if led_after_area(text, of_type(mentions, "Area"), at):
                continue  # '... the coal partnership area of the UNEP Global Mercury Partnership, led by ...'
            targets = sentences.nearest_things(things, at, span)
            if not things:  # 'the project was implemented by UNEP ..., executed by AGC in partnership with MECC'
                targets = sentences.anaphor_topics(span, block)
                if not targets and not re.match(r"(?:an? )?projects? of", cue.group(0), re.IGNORECASE):
                    targets = [t for t in [sentences.the_project(span)] if t]  # ('an existing project of WHO' is
                    #                                                              another, unnamed project)
                page_project = sentences.topic is not None and sentences.topic.node.type == "Project"
                listing = cue.group(0).lower().startswith(("partner", "members"))
                if not targets and (listing or page_project or any(a in sentence for a in _AGENCY)):
                    targets = [t for t in [sentences.topic_of(block)] if t]  # a project's page: 'a group of
                    # partners which includes: ...', 'Stack measurements are carried out with the Central Laboratory'
                if listing and not [t for t in targets if t.node.type == "Project"]:
                    targets = [t for t in [sentences.previous_titled(span[0])] if t]  # '... the Southeast Asia
                    # Mercury Monitoring Network (SEAMNet), set up in 2019 ... . Its members include the ...'
                targets = [t for t in targets if t.node.type == "Project"]
                if " in the pro" in cue.group(0).lower():  # 'Partners in the project are ...': the page's project, else
                    own = sentences.topic if page_project else sentences.anaphor_topic(span, block)  # the one before
                    targets = [own] if own is not None and own.node.type == "Project" else targets
            chain = sentences.chain(orgs, at)
            if cue.group(0).lower().startswith(("implemented", "executed")):
                chain += _national_partner(sentences, orgs, chain)
            if cue.group(0).lower().startswith(("implemented", "executed", "run", "led", "carried", "conducted",
                                                "managed", "coordinated")):
                chain += _and_with(sentences, orgs, chain)  # 'run by CNR-IIA with the South African Weather Service'
            for target in targets:
                for org in chain:
                    if org.node.id not in funder_ids:
                        ann.edges.add(Implements, org.node, target.node, block, span)
        for verb in _IMPLEMENTER_VERB.finditer(sentence):
            at = span[0] + verb.start()
            before = [o for o in orgs if o.end <= at and (at - o.end <= 3 or _apposition(text[o.end:at]))]
            # the subject before a relative clause that names another body ('The Ministry of the Environment, Japan,
            # which leads the ... area of the UNEP Global Mercury Partnership, provides technical advice'), not the
            # body that opens an object clause ('the project, which UNEP implements')
            relative = text.rfind(", which ", span[0], at)
            first_after = min((o.start for o in orgs if o.start > relative), default=at) if relative >= 0 else at
            if before and relative >= 0 and before[-1].start > relative and \
                    text[relative + 8:first_after].strip() not in ("", "the"):
                before = [o for o in orgs if o.end <= relative and (
                    relative - o.end <= 3 or only_countries(text[o.end:relative].strip(" ,")))][-1:]
            opened = _bracket_opening(text, span[0], before[-1].end) if before else None
            if opened is not None:  # 'Carbone Guinée (member of the EEB/ZMWG) conducted': the body before it acts
                before = [o for o in orgs if o.end <= opened and opened - o.end <= 2]
            if before:
                last = before[-1]  # 'UNEP, UNIDO and NRDC launched': everyone in the list before the verb
                listed = [o for o in orgs if o.end <= last.end and sentences.chain(orgs, o.start)[-1:] == [last]] or [
                    last]
            elif any(w in verb.group(0) for w in ("launched", "began", "started", "commenced", "founded", "joined")):
                listed = _acting_countries(ann, mentions, at, block)
            else:
                listed = []
            if not listed:
                continue
            # each clause keeps its own objects: 'CI is executing planetGOLD Guyana, and UNDP is carrying out ...'
            a, b = clause_around(sentence, verb.start(), COORDINATION)
            own = [t for t in things if span[0] + a <= t.start < span[0] + b]
            after = [t for t in own if t.start >= at and not re.search(r"[;]", text[at:t.start])]
            targets = after[:1] or (own if len({t.node.id for t in own}) == 1 else [])
            if not targets and not things:
                topic = sentences.anaphor_topic(span, block) or sentences.the_project(span)
                if topic is None and verb.group("unnamed"):
                    topic = sentences.named_next(span, block)  # 'X and Y today launched a five-year project to
                    #                                             ... . The project, "Z", is financed by ...'
                if topic is None and ("partner" in verb.group(0) or "part in" in verb.group(0) or "provides" in
                                      verb.group(0)):  # a project's page: 'X is a partner in the training and
                    page = sentences.topic_of(block)    # outreach work', 'X provides technical assistance on ...'
                    topic = page if page is not None and page.node.type == "Project" else None
                targets = [topic] if topic is not None else []
            for org in listed:
                for target in targets:
                    if org.node.id not in funder_ids:
                        ann.edges.add(Implements, org.node, target.node, block, span)
    _lead_in_implementers(ann)
    _listed_members(ann)
    _page_owners_work(ann)
    for _, orgs, block, span in sentences.where_we_work:  # 'Where we work' / 'Nigeria: Green Horizon Initiative'
        for org in outermost(orgs)[:1]:
            ann.edges.add(Implements, org.node, sentences.topic.node, block, span)


def _apposition(gap: str) -> bool:
    """Whether the words between a body and a verb describe the body in commas ('The Eastern Africa Oral Health
    Alliance, a network of national dental associations, is a partner in the project') or say the day it acted
    ('on Tuesday').

    >>> _apposition(", a network of national dental associations, "), _apposition(", and UNDP ")
    (True, False)
    """
    words = gap.split()
    if len(words) == 2 and words[0] == "on" and words[1] in WEEKDAYS:
        return True  # 'The Ministry of Natural Resources on Tuesday launched ...'
    return len(gap) <= 100 and gap.startswith((", a ", ", an ", ", the ")) and gap.rstrip().endswith(",") and \
        gap.count(",") == 2


def _acting_countries(ann: Annotated, mentions: list[Located], at: int, block) -> list[Located]:
    """The governments of the countries listed right before an implementing verb ('Kenya, Uganda and the United
    Republic of Tanzania today launched a four-year project'), named where the countries are."""
    countries = sorted((m for m in mentions if m.node.type == "Country" and m.end <= at), key=lambda m: m.start)
    if not countries or at - countries[-1].end > 3:
        return []
    listed = [countries[-1]]
    for c in reversed(countries[:-1]):
        if not only_countries(ann.text[c.start:listed[0].end]):
            break
        listed.insert(0, c)
    span = ann.sentences.sentence_of[id(listed[0])]
    opening = ann.text[span[0]:listed[0].start].rstrip().removesuffix("the").rstrip()
    if opening and not opening.endswith(("\u2013", "\u2014", " -", ", and")):
        return []  # the list opens the sentence or its second clause, or follows its dateline ('Amman, 14 March 2024
        #            \u2013 Jordan and ...', '... founded the network in 2022, and Bosnia and Herzegovina joined')
    return [government_located(ann, m, block, "a country named as the doer of the work") for m in listed]


def _and_with(sentences: Sentences, orgs: list[Located], chain: list[Located]) -> list[Located]:
    """The bodies after 'with' that ends a list of implementers: 'implemented by UNEP with the Institute of Energy of
    Viet Nam and the National Research and Innovation Agency'."""
    if not chain:
        return []
    after = sentences.text[chain[-1].end:chain[-1].end + 40]
    link = re.match(r"(?:\s*\([^()]{1,20}\))?\s+(?:together\s+)?with\s+", after)
    return sentences.chain(orgs, chain[-1].end + link.end()) if link else []


def _page_owners_work(ann: Annotated) -> None:
    """On an organisation's own page, 'our X project' is the organisation's: it implements it ('Through our Zebaki
    Sifuri project, carried out with ...' on the page of Mazingira Safi Tanzania)."""
    owner = page_owner(ann)
    if owner is None:
        return
    for m in ann.sentences.located:
        if m.node.type != "Project":
            continue
        span = ann.sentences.sentence_of[id(m)]
        words = ann.text[max(span[0], m.start - 40):m.start].lower().split()
        if ann.text[max(0, m.start - 4):m.start] in ("our ", "Our ") or _we_do(words):
            ann.edges.add(Implements, owner.node, m.node, m.block, span)


_WE_DO = frozenset({"implemented", "implement", "run", "ran", "launched", "coordinate", "coordinated", "lead", "led",
                    "manage", "managed", "started", "began"})


def _we_do(words: list[str]) -> bool:
    """Whether the words before a project say the page's own body does it ('Since 2019 we have implemented the');
    the project's name follows the verb and an article.

    >>> _we_do("since 2019 we have implemented the".split()), _we_do("we welcome the".split())
    (True, False)
    """
    if words[-1:] == ["the"]:
        words = words[:-1]
    return bool(words) and words[-1] in _WE_DO and "we" in words[-4:-1]


def _said_to_be_an_agency(sentence: str, span: tuple[int, int], orgs: list[Located]) -> list[Located]:
    """The body a sentence says is an implementing or executing agency or partner: 'The United Nations Development
    Programme (UNDP) is the GEF Implementing Agency', 'with the Alliance for Responsible Mining as regional
    technical partner'."""
    lower = sentence.lower()
    out = []
    for role in (*_AGENCY, "technical partner", "industry partner", "national partner", "implementing partner"):
        at = lower.find(role)
        before = [o for o in orgs if o.end <= span[0] + at] if at >= 0 else []
        for org in reversed(before):  # the body before the copula, not the one the role names ('the GEF Agency')
            gap = sentence[org.end - span[0]:at].lower()
            if len(gap) > 40:
                break
            if any(w in f" {gap} " for w in (" is ", " are ", " as ")):
                out.append(org)
                break
    return out


def _national_partner(sentences: Sentences, orgs: list[Located], chain: list[Located]) -> list[Located]:
    """The body an implementing agency works for, or whose technical assistance it has, after the agencies
    ``chain``: 'implemented by UNDP for the Ministry of Environment, Forest and Climate Change', 'implemented by
    the Ministry of Environment (MINAM) with the technical assistance of the UNDP'."""
    if not chain:
        return []
    text = sentences.text
    behalf = re.match(r"\s*(?:\([^()]{1,20}\)\s*)?(?:for|on behalf of|with the (?:technical )?assistance of)\s+",
                      text[chain[-1].end:])
    return sentences.chain(orgs, chain[-1].end + behalf.end())[:1] if behalf else []


def _bracket_opening(text: str, start: int, end: int) -> int | None:
    """Where the outermost bracket began that the closing brackets right after ``end`` close (``text[start:end]``
    ends inside brackets); None where no bracket closes right after ``end``.

    >>> text = "Carbone Guin\u00e9e (member of the EEB / ZMWG (EEB/ZMWG)) conducted"
    >>> _bracket_opening(text, 0, text.index("ZMWG))") + 4)
    15
    """
    closing = len(text[end:end + 6].lstrip()) - len(text[end:end + 6].lstrip().lstrip(")"))
    if not closing:
        return None
    depth, opened = 0, 0
    for i in range(end - 1, start - 1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth:
                depth -= 1
                continue
            opened += 1
            if opened == closing:
                return i
    return None


#: an item that names its own tie to a project, other than the lead-in body's work on it: networks that 'will
#: be approached to explore possible partnership', work 'in conjunction with' others, 'projects supported by
#: the Specific International Programme' (the programme pays; it is nobody's work item)
_OWN_TIE = re.compile(r"\b(?:will|would|to|shall)\s+be\s+approached\b|\bexplore\s+(?:a\s+|the\s+)?possible\s+"
                      r"partnerships?\b|\bin\s+conjunction\s+with\b", re.IGNORECASE)


def _lead_in_implementers(ann: Annotated) -> None:
    """The organisations a lead-in names implement the projects of the blocks it introduces, but for the
    projects an item ties to them otherwise ('Activities included and led by Environment and Climate Change
    Canada (ECCC):' over '- ... In the future, other known networks will be approached to explore possible
    partnership, including the Caribbean Mercury Monitoring Network (CMMN), ...': ECCC will approach them, it
    does not run them, not even as a plan)."""
    sentences, text = ann.sentences, ann.text
    for block in ann.doc.walk():
        lead = sentences.lead_in.get(id(block))
        if lead is None:
            continue
        orgs = sentences.lead_orgs(lead)
        for m in sentences.by_block[id(block)]:
            if m.node.type != "Project":
                continue
            span = sentences.sentence_of[id(m)]
            a, _ = clause_around(sentences.sentence(span), m.start - span[0], COORDINATION)
            if _OWN_TIE.search(text, span[0] + a, m.start) or agent_before(text[span[0]:m.start]) == "pays":
                continue
            status = "planned" if planned(sentences.sentence(span), m.start - span[0], last=m.end - span[0]) else None
            for org in orgs:  # what the item gives as planned, the lead-in does not make fact
                ann.edges.add(Implements, org.node, m.node, lead, (lead.start, lead.end), status=status)
                ann.edges.add(Implements, org.node, m.node, block, span, status=status)


_MEMBER_WORDS = frozenset({"member", "members", "partners", "participating"})


def _listed_members(ann: Annotated) -> None:
    """The bodies listed under a lead-in or heading that calls them members or partners implement the project
    the lead-in names, else the page's ('Monitoring sites are operated by the following members:' over 'Japan -
    National Institute for Minamata Disease (NIMD)', one body a line: the line's first)."""
    sentences, text = ann.sentences, ann.text
    topic = sentences.topic if sentences.topic is not None and sentences.topic.node.type == "Project" else None
    blocks = list(ann.doc.walk())
    for i, lead in enumerate(blocks):
        own = text[lead.start:lead.end].strip()
        if len(own) > 300 or not (own.endswith(":") or lead.kind == "heading") or _MEMBER_WORDS.isdisjoint(
                w.strip(":,.()").lower() for w in own.split()):
            continue
        projects = outermost([m for m in sentences.by_block[id(lead)] if m.node.type == "Project"])
        work = projects[0] if len({m.node.id for m in projects}) == 1 else topic
        introduced = lead.kind == "heading"  # a page titled 'Network Members': its first paragraphs say whose
        if i == 0 and work is None:
            work = _opening_project(sentences, blocks[1:2])
        if work is None:
            continue
        observers = False
        for k, item in enumerate(blocks[i + 1:], start=i + 1):
            # the list ends where the page's text goes on, or at a list of people ('Scientific Steering Committee'
            # over 'Dr. Lucia Ferraro, CNR-IIA (Chair)')
            if item.kind not in ("bullet", "heading", "paragraph") or _lists_people(sentences, blocks[k:k + 2]):
                break
            orgs = [m for m in sentences.by_block[id(item)] if m.node.type == "Organization"]
            lines = list(line_spans(text, item.start, item.end))
            if item.kind != "bullet" and any(_prose(text[a:b]) for a, b in lines):
                if introduced:
                    continue  # the page's introduction, before its list
                break
            introduced = False
            for line_start, line_end in lines:
                on_line = [m for m in orgs if line_start <= m.start < line_end]
                if not on_line:  # a group's heading within the list ('Government agencies', 'Observers')
                    observers = "observer" in text[line_start:line_end].lower()
                elif not observers and not planned(text[line_start:line_end], 0):
                    first = min(on_line, key=lambda m: m.start)
                    ann.edges.add(Implements, first.node, work.node, item, (line_start, line_end))


def _opening_project(sentences: Sentences, blocks: list) -> Located | None:
    """The project that opens a paragraph ('The West African Mercury-Free Mining Network (WAMN) brings together')."""
    for block in blocks:
        mentions = sorted(sentences.by_block[id(block)], key=lambda m: m.start)
        opening = sentences.text[block.start:mentions[0].start].strip() if mentions else None
        if mentions and mentions[0].node.type == "Project" and opening in ("", "The"):
            return mentions[0]
    return None


def _lists_people(sentences: Sentences, blocks: list) -> bool:
    """Whether a block (or the one after it, under a heading) opens with a person: a list of people, not of bodies."""
    for block in blocks:
        if sentences.opens_with_person(block):
            return True
        if block.kind != "heading":
            return False
    return False


def _prose(line: str) -> bool:
    """Whether a line is a sentence of prose, not a list's item: long, or ending with a full stop."""
    return len(line.split()) > 25 or line.rstrip().endswith(".")
