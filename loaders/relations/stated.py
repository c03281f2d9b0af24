"""The last relation component: an edge every one of whose statements is planned, proposed or hypothetical
carries ``status: "planned"`` (``loaders.relations.modality``).

A statement is planned when the clause around the edge's ends says so ('In the future, other known networks
will be approached ...'), or when it is an item of a plan, an imperative ('- Collaborate with the Partnership
area on ...', '- Assist with the initiation of regional networks ...'). (A heading such as 'Overall progress
and next steps' is no sign: such sections report what was done as well.) Relations read from a document's
structure rather than a clause (an area's heading over a project, a table of leads, a sheet's fields, a
person's affiliation) are what the document states, whatever its sentences' tense.

Where the quote does not name both ends: an end that is the item's topic makes the item's sentence decide ('-
Tiira summit (planned 2021 but postponed ...). ... A summit will be held with invited stakeholders from ...,
Uganda Government'); a lead-in that names one end leaves it to the item under it that names the other
('Activities included and led by ECCC:' over '- ... other known networks will be approached ...'). Within an
imperative item, a thing described by who runs it ('such as the Caribbean Region Mercury Monitoring Network -
overseen by Antigua and Barbuda') is stated: the plan is the item's verb, not the network's overseer.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated
from loaders.relations.context import TITLED
from loaders.relations.modality import planned
from schema import Edge, Provenance

#: the edge types whose statements are clauses
CLAUSAL = frozenset({"FUNDS", "IMPLEMENTS", "LEADS", "LOCATED_IN", "SUPPORTS", "COLLABORATES_WITH"})
# the base forms that open the items of a plan ('- Develop country projects ...'): verbs, not names
_IMPERATIVE = re.compile(
    r"[\s\-\u2022*\d.)]*(?:Develop|Collaborate|Assist|Coordinate|Review|Support|Promote|Organi[sz]e|Prepare|Conduct|"
    r"Continue|Establish|Identify|Provide|Explore|Strengthen|Facilitate|Enhance|Increase|Update|Undertake|Engage|"
    r"Ensure|Share|Disseminate|Raise|Build|Hold|Contribute|Work|Implement|Initiate|Launch|Seek|Consider|Encourage|"
    r"Improve|Maintain|Publish|Finali[sz]e|Complete|Carry|Mobili[sz]e|Expand|Pursue|Investigate|Create|Design)\s")


def mark_planned(ann: Annotated) -> None:
    """Pipeline component: set ``status`` on the edges that only planned statements state."""
    text, sentences = ann.text, ann.sentences
    spans = {}
    for m in sentences.located:
        spans.setdefault(m.node.id, []).append((m.start, m.end))
    titled = [(m.start, m.end) for m in sentences.located if m.node.type in TITLED]
    topics = [(b.start, b.end, sentences.item_topic[id(b)].node.id) for b in ann.doc.walk()
              if id(b) in sentences.item_topic]
    for edge in ann.edges.values():
        if edge.type_name not in CLAUSAL or edge.status == "planned":
            continue
        if edge.provenance and all(_planned_place(ann, edge, p, spans, titled, topics) for p in edge.provenance):
            edge.status = "planned"
    del text


#: a named thing described by who runs it, between its name and its runner: 'such as the Caribbean Region Mercury
#: Monitoring Network – overseen by Antigua and Barbuda' (what the network is, not what the plan will do)
_DESCRIBED = re.compile(r"\s*(?:[\u2013\u2014-]|,|\()?\s*(?:overseen|led|implemented|executed|run|managed|coordinated|"
                        r"hosted)\s+by\s+(?:the\s+)?")


def _planned_place(ann: Annotated, edge: Edge, prov: Provenance, spans: dict[str, list[tuple[int, int]]],
                   titled: list[tuple[int, int]], topics: list[tuple[int, int, str]]) -> bool:
    quote = ann.text[prov.start:prov.end]
    inside = [(node, a, b) for node in (edge.target, edge.source) for a, b in spans.get(node, ())
              if prov.start <= a < prov.end]
    described = any(t == edge.target and s == edge.source and _DESCRIBED.fullmatch(ann.text, tb, sa)
                    for t, _, tb in inside for s, sa, _ in inside)
    if _IMPERATIVE.match(quote) and not described:
        return True
    if not inside:  # the ends are the item's topic, which the quote does not name: '- Tiira summit (planned 2021
        # but postponed ...). ... A summit will be held with invited stakeholders from UNEP, Uganda Government, ...'
        topic = next((t for a, b, t in topics if a <= prov.start < b), None)
        return topic in (edge.source, edge.target) and planned(quote, 0)
    if len({n for n, _, _ in inside}) == 1:  # a lead-in names one end, an item under it the other: the item says
        other = edge.source if inside[0][0] == edge.target else edge.target  # whether it is planned ('Activities
        item = _item_under(ann, prov, other)  # ... led by ECCC:' over '- ... other known networks will be approached')
        if item is not None:
            span, at = item
            return planned(ann.text[span[0]:span[1]], at - span[0])
    names = [(a - prov.start, b - prov.start) for a, b in titled if prov.start <= a and b <= prov.end]
    first = min(a for _, a, _ in inside)
    ends = [min(b for n, _, b in inside if n == node) for node in {n for n, _, _ in inside}]
    last = max(ends) - prov.start if len(ends) == 2 else None  # the later end's first mention
    return planned(quote, first - prov.start, names, last)


def _item_under(ann: Annotated, prov: Provenance, node: str) -> tuple[tuple[int, int], int] | None:
    """The sentence and offset of the first mention of ``node`` in an item whose lead-in holds the quote."""
    sentences = ann.sentences
    for m in sentences.located:
        if m.node.id != node:
            continue
        lead = sentences.lead_in.get(id(m.block))
        if lead is not None and lead.start <= prov.start < lead.end:
            return sentences.sentence_of[id(m)], m.start
    return None
