"""FUNDS: who gives money to a project, event, area or organisation.

Funders are the organisations after a funding cue ('funded by X', 'with funding from X and Y', 'support
provided by the Governments of ...'), the subject of a funding verb in a sentence about money ('X granted
850,000 US$', 'X approved'), and the first part of 'X-funded'. What they fund: the project or event of the
cue's clause, else the area the sentence names, else the project the sentence refers back to ('The project
is funded by ...'), else the organisation the funding went to ('Based on funding from WWF/FFEM, ARM
started ...'), else the Partnership where the sentence speaks of 'support for the Partnership'. A sum
after a sum's own 'from/through X' goes to X ('about $2 million had been received from the GEF'), as does the
sum after X's funding verb ('the Environment Fund provided about $1.5 million'); else a single funder's edge
carries the sentence's sum. The month the sentence dates a funder's own act by ('X granted ... in November
2011', 'X approved ... in July 2012') is the edge's ``start``.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated, Located
from loaders.entities.nodes import government_located, government_named_at
from loaders.relations.amounts import AMOUNT, MONEY_TERMS, month_of, parse_amount
from loaders.relations.context import Sentences, of_type, outermost
from schema import Funds

FUND_CUE = re.compile(r"\b(?:funded|financed|sponsored|supported financially) by\s+(?:the\s+)?|"
                      r"\b(?:with|through) (?:the )?(?:financial )?(?:funding|funds|support|grant|(?:co-?)?financing|"
                      r"co-?funding) (?:from|of)\s+(?:the\s+)?|\bfunding (?:for [^.;]{1,80}? )?(?:from|comes from)\s+(?:the\s+)?|"
                      r"\bcontributions? to [^.;]{1,60}? from\s+(?:the\s+)?|"
                      r"\bgrant from\s+(?:the\s+)?|"
                      r"\b(?:financial |voluntary |generous |in-kind )*"
                      r"(?:support|funding|contributions?|funds|co-?financing)"
                      r"(?: of [^;]{1,40}?)? (?:(?:has been|have been|is|are|was|were) )?"
                      r"(?:provided|made available|received|confirmed) (?:by|from)\s+(?:the\s+)?|"
                      r"\bfunds from\s+(?:the\s+)?|\b(?:financial|monetary) (?:support|contributions?) from\s+(?:the\s+)?",
                      re.IGNORECASE)
FUNDER_VERB = re.compile(r"(?:\(?[A-Za-z][\w&-]{0,14}\)\s*)?"  # '... Facility (GEF) approved', 'GEF) approved'
                         r"(?:(?:has|have|had|also|generously)\s+)*(?:granted|approved|provided|(?:is|are)\s+providing|"
                         r"contributed|donated|"
                         r"committed|invested)\b(?! (?:to|with|in)\b)")
_FUNDED_ADJECTIVE = re.compile(r"(?:-|\s)(?:co-)?(?:funded|financed|sponsored)\b")
#: the agent's verb just before a name: who pays ('supported by the'), who does the work ('carried out by')
_AGENT_BEFORE = re.compile(r"\b(?:(?P<pays>supported|funded|financed|sponsored)|"
                           r"(?P<does>carried out|implemented|executed|undertaken|conducted))\s+by\s+(?:the\s+)?$",
                           re.IGNORECASE)


def agent_before(text: str) -> str | None:
    """What the name after ``text`` does, where ``text`` ends in an agent's verb: 'pays' or 'does' (the work).

    >>> agent_before("a project funded by the "), agent_before("activities carried out by "), agent_before("with ")
    ('pays', 'does', None)
    """
    m = _AGENT_BEFORE.search(text)
    return m.lastgroup if m else None


# '$ 10.5 million provided through UNEP', 'about $2 million had been received from the GEF': the sum's giver
_SUM_FROM = re.compile(r"(?P<sum>" + AMOUNT.pattern + r")\s+(?:(?:had|has|have|was|were)\s+)?(?:been\s+)?"
                       r"(?:provided|made available|received|contributed|given)\s+(?:by|from|through)\s+(?:the\s+)?")
_ABOUT = re.compile(r"\s*(?:(?:about|almost|nearly|approximately|around|some|over|more than|up to|a total of|an "
                    r"additional|additional|a further)\s+)?")
# 'support for the Partnership': the Partnership the document names is who the money went to
_FOR_THE_PARTNERSHIP = re.compile(r"\b(?:support|funding|contributions?|funds|resources)\s+(?:for|to)\s+(?:the\s+)?"
                                  r"Partnership\b(?!\s+(?:[Aa]rea|[A-Z]))")


_AS_AGENCIES = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*as\s+(?:the\s+)?(?:\w+\s+)?(?:executing|implementing)\s+"
                          r"(?:agenc|partner|entit|organi)", re.IGNORECASE)


def _not_agencies(text: str, chain: list[Located]) -> list[Located]:
    """A chain after 'with the support of' that the text names as agencies ('with the support of the EPA and
    UNITAR as executing agencies') carries the work out; it does not pay for it."""
    return [] if chain and _AS_AGENCIES.match(text, chain[-1].end) else chain


def funders(sentences: Sentences, span: tuple[int, int], orgs: list[Located]) -> list[Located]:
    """The organisations a sentence names as funders."""
    text = sentences.text
    found: list[Located] = []
    for cue in FUND_CUE.finditer(sentences.sentence(span)):
        found += _not_agencies(text, sentences.chain(orgs, span[0] + cue.end()))
    for cue in _SUM_FROM.finditer(sentences.sentence(span)):
        found += [o for o in sentences.chain(orgs, span[0] + cue.end()) if o not in found]
    if MONEY_TERMS.search(sentences.sentence(span)):
        for org in orgs:
            if FUNDER_VERB.match(text[org.end:org.end + 40].strip()) and org not in found:
                found.append(org)
    adjective = [o for o in orgs if _FUNDED_ADJECTIVE.match(text[o.end:o.end + 14])]  # 'EU-funded project'
    return found + [o for o in adjective if o not in found]


def _funder_groups(sentences: Sentences, span: tuple[int, int], orgs: list[Located]) -> list[list[Located]]:
    """The funders in groups, one per cue: each group funds the thing nearest its own cue."""
    text = sentences.text
    groups = []
    for cue in FUND_CUE.finditer(sentences.sentence(span)):
        chain = _not_agencies(text, sentences.chain(orgs, span[0] + cue.end()))
        if chain:
            groups.append(chain)
    for cue in _SUM_FROM.finditer(sentences.sentence(span)):
        chain = [o for o in sentences.chain(orgs, span[0] + cue.end()) if not any(o in g for g in groups)]
        if chain:
            groups.append(chain)
    for org in orgs:
        if FUNDER_VERB.match(text[org.end:org.end + 40].strip()) and not any(org in g for g in groups):
            groups.append([org])
        elif _FUNDED_ADJECTIVE.match(text[org.end:org.end + 14]) and not any(org in g for g in groups):
            groups.append([org])
    return groups


# 'would like to sincerely thank Austria, Denmark, ... and the United States for their contributions to the First
# Round of the Specific International Programme': those thanked for money gave it
_THANKED = re.compile(r"\bthank(?:s|ed|ing)?\s+(?:to\s+)?(?P<who>[^.;]{3,240}?)\s+for\s+(?:their|its|the)\s+"
                      r"(?:\w+\s+){0,2}(?:contributions?|funding|donations?|financial\s+support)\b", re.IGNORECASE)


def _thanked_funders(ann: Annotated) -> None:
    sentences = ann.sentences
    for span, mentions, block in sentences.items():
        sentence = sentences.sentence(span)
        m = _THANKED.search(sentence)
        if m is None:
            continue
        who = (span[0] + m.start("who"), span[0] + m.end("who"))
        givers = [x for x in mentions if who[0] <= x.start < who[1] and x.node.type in ("Organization", "Country")]
        things = outermost(of_type([x for x in mentions if x.start >= span[0] + m.end()], "Project", "Event"))
        targets = [things[0].node] if things else [t.node for t in of_type(mentions, "Area")]
        for giver in givers:
            source = giver.node if giver.node.type != "Country" else government_named_at(
                ann, giver, block, "a country thanked for its contributions")
            for target in targets:
                ann.edges.add(Funds, source, target, block, span)


def _own_sum(sentences: Sentences, span: tuple[int, int], funder: Located) -> tuple[float, str] | None:
    """The sum a sentence gives one funder: the sum before 'provided/received from|through' it ('about $2
    million had been received from the GEF'), or the sum right after its funding verb ('the Environment Fund
    provided about $1.5 million')."""
    text = sentences.text
    for cue in _SUM_FROM.finditer(sentences.sentence(span)):
        if span[0] + cue.end() == funder.start:
            return parse_amount(cue.group("sum"))
    rest = text[funder.end:span[1]]
    verb = FUNDER_VERB.match(rest.lstrip())
    if verb:
        after = len(rest) - len(rest.lstrip()) + verb.end()
        about = _ABOUT.match(rest, after)
        money = AMOUNT.match(rest, about.end() if about else after)
        if money:
            return parse_amount(money.group(0))
    return None


def _the_partnership(ann: Annotated, sentences: Sentences, span: tuple[int, int], block) -> Located | None:
    """The Partnership as recipient, where the sentence (with the clauses before its semicolons) speaks of money
    'for the Partnership' and the document names the Global Mercury Partnership."""
    text = sentences.text
    start = max(text.rfind("\n", 0, span[0]), text.rfind(". ", 0, span[0])) + 1
    said = _FOR_THE_PARTNERSHIP.search(text, start, span[1])
    if said is None:
        return None
    partnership = [n for n in ann.nodes if n.type == "Organization" and (
        n.name.endswith("Global Mercury Partnership") or "Partnership" in n.aliases)]
    if len(partnership) != 1:
        return None
    return Located(partnership[0], said.end() - len("Partnership"), said.end(), block)


def paying_countries(sentences: Sentences, span: tuple[int, int], mentions: list[Located]) -> list[Located]:
    """The countries a funding cue lists as payers ('contributions to the SIP from the European Union, Germany,
    Norway, Sweden and Switzerland'): who pays, not where the work is."""
    orgs = of_type(mentions, "Organization")
    countries = [c for c in of_type(mentions, "Country") if not any(
        o.start <= c.start and c.end <= o.end for o in orgs)]  # not 'Ministry of the Environment of Japan'
    if not countries:
        return []
    payers: list[Located] = []
    listed = sorted([*orgs, *countries], key=lambda m: m.start)
    for cue in FUND_CUE.finditer(sentences.sentence(span)):
        payers += [m for m in sentences.chain(listed, span[0] + cue.end()) if m.node.type == "Country"
                   and m not in payers]
    return payers


def _paying_governments(ann: Annotated, span: tuple[int, int], mentions: list[Located]) -> list[Located]:
    """The governments of the countries a funding cue lists as payers, named where the countries are."""
    return [government_located(ann, m, m.block, "a country named as a funder")
            for m in paying_countries(ann.sentences, span, mentions)]


def read_funding(ann: Annotated) -> None:
    """Pipeline component: FUNDS edges of each sentence."""
    _thanked_funders(ann)
    sentences, text = ann.sentences, ann.text
    for span, mentions, block in sentences.items():
        orgs = of_type(mentions, "Organization")
        orgs = sorted([*orgs, *_paying_governments(ann, span, mentions)], key=lambda m: m.start)
        things = outermost(of_type(mentions, "Project", "Event"))  # 'planetGOLD Guyana', not its 'planetGOLD'
        found = funders(sentences, span, orgs)
        if not found:
            continue
        funder_ids = {f.node.id for f in found}
        amount = parse_amount(sentences.sentence(span))
        when = month_of(sentences.sentence(span))
        for group in _funder_groups(sentences, span, orgs):
            targets = sentences.nearest_things(things, group[0].start, span)
            if not targets:  # 'The project is funded by JSPS and will study ... a historic ASGM site': the project
                topic = sentences.anaphor_topic(span, block)
                topic = topic or sentences.the_project(span)
                if topic is None and MONEY_TERMS.search(sentences.sentence(span)):  # money, not 'logistical support'
                    topic = sentences.the_event(span, block)  # 'The workshop was organized by X with financial
                    #                                            support from the Government of Japan'
                opening = sentences.sentence(span).lstrip()
                if topic is None and (opening.startswith(("Organised by", "Organized by", "Hosted by", "Convened by"))
                                      or (opening.startswith(("It ", "Co-financing", "Cofinancing")) and
                                          MONEY_TERMS.search(opening))):
                    # an event page's 'Organised by the X area, with financial support from Y', 'It was made
                    # possible by financial support from Y', a project page's 'Co-financing of US$ ... by Y'
                    page = sentences.topic_of(block)
                    topic = page if page is not None and page.node.type in ("Event", "Project") else None
                if topic is None and not of_type(mentions, "Area"):
                    topic = _the_partnership(ann, sentences, span, block)
                targets = [topic] if topic is not None else of_type(mentions, "Area")
            if not targets:  # 'The Kyrgyz Republic has renewed momentum. ... X granted ... to the project'
                country_project = sentences.country_project(span)
                targets = [country_project] if country_project is not None else []
            if not targets:  # 'Based on funding from WWF/FFEM, ARM started ...': the organisation funded
                after = group[-1].end
                targets = [o for o in orgs if o.node.id not in funder_ids and o.start > after and re.fullmatch(
                    r"\s*(?:\([^)]{1,20}\))?\s*,\s*(?:the\s+)?", text[after:o.start])][:1]
            if not targets:  # 'activities carried out by the interim secretariat ... support provided by X' (not
                # 'funded by X and implemented by Y', where both are said of one thing)
                targets = [o for o in orgs if o.node.id not in funder_ids and o.start < group[0].start
                           and agent_before(text[max(span[0], o.start - 40):o.start]) == "does"][:1]
            for funder in group:
                own = _own_sum(sentences, span, funder)
                given = own if own is not None else amount if len(funder_ids) == 1 else None
                # the month dates the funding where the funder's own verb is the sentence's act ('X granted ... in
                # November 2011'), not where 'funded by X' describes a thing the sentence dates otherwise
                acts = FUNDER_VERB.match(text[funder.end:funder.end + 40].strip()) is not None
                for target in targets:
                    if target.node.id != funder.node.id:
                        ann.edges.add(Funds, funder.node, target.node, block, span, start=when if acts else None,
                                      amount=given[0] if given else None, currency=given[1] if given else None)
