"""FUNDS: who gives money to a project, event, area or organisation.

Funders are the organisations after a funding cue ('funded by X', 'with funding from X and Y', 'support
provided by the Governments of ...'), the subject of a funding verb in a sentence about money ('X granted
850,000 US$', 'X approved'), and the first part of 'X-funded'. What they fund: the project or event of the
cue's clause, else the area the sentence names, else the project the sentence refers back to ('The project
is funded by ...'), else the organisation the funding went to ('Based on funding from WWF/FFEM, ARM
started ...'). A single funder's edge carries the sentence's amount.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated, Located
from loaders.entities.nodes import government_named_at
from loaders.relations.amounts import parse_amount
from loaders.relations.context import THE_PROJECT, Sentences, of_type, outermost
from schema import Funds

FUND_CUE = re.compile(r"\b(?:funded|financed|sponsored|supported financially) by\s+(?:the\s+)?|"
                      r"\b(?:with|through) (?:the )?(?:financial )?(?:funding|funds|support|grant|financing) "
                      r"(?:from|of)\s+(?:the\s+)?|\bfunding from\s+(?:the\s+)?|\bgrant from\s+(?:the\s+)?|"
                      r"\b(?:financial |voluntary |generous |in-kind )*(?:support|funding|contributions?|funds) "
                      r"(?:provided|made available|received) (?:by|from)\s+(?:the\s+)?|"
                      r"\bfunds from\s+(?:the\s+)?",
                      re.IGNORECASE)
FUNDER_VERB = re.compile(r"(?:\(?[A-Za-z][\w&-]{0,14}\)\s*)?"  # '... Facility (GEF) approved', 'GEF) approved'
                         r"(?:(?:has|have|had|also|generously)\s+)*(?:granted|approved|provided|contributed|donated|"
                         r"committed)\b(?! (?:to|with|in)\b)")
_FUNDED_ADJECTIVE = re.compile(r"(?:-|\s)(?:co-)?(?:funded|financed|sponsored)\b")
_MONEY = re.compile(r"\b(?:fund\w*|financ\w*|expenditure|grant\w*|contribut\w*)|\$|\bUSD\b|\bEUR\b")
_CARRIED_OUT_BY = re.compile(r"\b(?:carried out|implemented|executed|undertaken|conducted) by\s+(?:the\s+)?$")


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
    if _MONEY.search(sentences.sentence(span)):
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


def read_funding(ann: Annotated) -> None:
    """Pipeline component: FUNDS edges of each sentence."""
    _thanked_funders(ann)
    sentences, text = ann.sentences, ann.text
    for span, mentions, block in sentences.items():
        orgs = of_type(mentions, "Organization")
        things = outermost(of_type(mentions, "Project", "Event"))  # 'planetGOLD Guyana', not its 'planetGOLD'
        found = funders(sentences, span, orgs)
        if not found:
            continue
        funder_ids = {f.node.id for f in found}
        amount = parse_amount(sentences.sentence(span))
        for group in _funder_groups(sentences, span, orgs):
            targets = sentences.nearest_things(things, group[0].start, span)
            if not targets:  # 'The project is funded by JSPS and will study ... a historic ASGM site': the project
                topic = sentences.anaphor_topic(span, block)
                if topic is None and THE_PROJECT.search(sentences.sentence(span)):
                    # 'The current project work is funded by X', paragraphs after the project's heading
                    before = sentences.previous_titled(span[0])
                    topic = before if before is not None and before.node.type == "Project" else None
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
                           and _CARRIED_OUT_BY.search(text[max(span[0], o.start - 40):o.start])][:1]
            for funder in group:
                for target in targets:
                    if target.node.id != funder.node.id:
                        single = amount is not None and len(funder_ids) == 1
                        ann.edges.add(Funds, funder.node, target.node, block, span,
                                      amount=amount[0] if single else None, currency=amount[1] if single else None)
