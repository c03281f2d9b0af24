"""The last relation component: an edge every one of whose statements is planned, proposed or hypothetical
carries ``status: "planned"`` (``loaders.relations.modality``).

A statement is planned when the clause around the edge's ends says so ('In the future, other known networks
will be approached ...'), or when it is an item of a plan, an imperative ('- Collaborate with the Partnership
area on ...', '- Assist with the initiation of regional networks ...'). (A heading such as 'Overall progress
and next steps' is no sign: such sections report what was done as well.) Relations read from a document's structure rather than a clause (an
area's heading over a project, a table of leads, a sheet's fields, a person's affiliation) are what the
document states, whatever its sentences' tense.
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
    for edge in ann.edges.values():
        if edge.type_name not in CLAUSAL or edge.status == "planned":
            continue
        if edge.provenance and all(_planned_place(ann, edge, p, spans, titled) for p in edge.provenance):
            edge.status = "planned"
    del text


def _planned_place(ann: Annotated, edge: Edge, prov: Provenance, spans: dict[str, list[tuple[int, int]]],
                   titled: list[tuple[int, int]]) -> bool:
    quote = ann.text[prov.start:prov.end]
    if _IMPERATIVE.match(quote):
        return True
    ends = [a for node in (edge.target, edge.source) for a, b in spans.get(node, ()) if prov.start <= a < prov.end]
    if not ends:
        return False
    names = [(a - prov.start, b - prov.start) for a, b in titled if prov.start <= a and b <= prov.end]
    return planned(quote, min(ends) - prov.start, names)
