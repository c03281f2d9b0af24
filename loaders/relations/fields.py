"""Relations a data sheet's fields state (``loaders.fields``), about the sheet's subject: the project its
'Project Title' field names, else the one the document's title names, else the one the field's heading does.

* implementer fields ('Implementing Agencies', 'Executing Agencies', 'Partners') -> IMPLEMENTS;
* funder fields ('Funding Source', 'Donors') -> FUNDS;
* a grant given by the body its key names ('GEF Project Grant' / '2,000,000 USD') -> FUNDS with the amount;
* place fields ('Country', 'Countries', 'Location') -> LOCATED_IN, and on a project's sheet any country named
  outside the names of bodies;
* lead fields ('Lead', 'Co-leads') -> LEADS of the area the document is about.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.annotated import Annotated, Located
from loaders.entities.found import name_key
from loaders.entities.nodes import government_located
from loaders.entities.people import is_job_title
from loaders.fields import Field, find_fields
from loaders.gazetteers.countries import ends_in_countries_after, only_countries
from loaders.relations.amounts import parse_amount
from schema import Block, Funds, Implements, Leads, LocatedIn, Node


def read_fields(ann: Annotated) -> None:
    """Pipeline component: the edges of every field whose subject is known."""
    sentences = ann.sentences
    fields = find_fields(ann.text)
    if not fields:
        return
    titles = [f for f in fields if f.kind == "title" and not is_job_title(f.value)]
    _sheet_places(ann, fields, titles)
    _financing_columns(ann, titles)
    for field in fields:
        block = ann.index.block_at(field.key_start)
        if block is None or field.kind in ("title", "other"):
            continue
        subject = _subject(ann, titles, field)
        span = (field.key_start, field.end)
        inside = [m for m in sentences.located if field.start <= m.start and m.end <= field.end + 1]
        if field.kind in ("lead", "implementer", "funder"):
            inside = [*inside, *_governments(ann, field, inside, block)]
        if field.kind == "lead" and titles and subject is not None:  # a project's sheet: 'Lead: ACEHA (Kampala)'
            for org in _of(inside, "Organization"):
                ann.edges.add(Implements, org.node, subject, block, span)
            continue
        if field.kind == "lead":  # the area of the block ('MERCURY RELEASES FROM THE CEMENT INDUSTRY' / 'Lead: X'), else
            area = sentences.area_node(block.area or sentences.area)  # the document's
            for org in _of(inside, "Organization"):
                if area is not None:
                    ann.edges.add(Leads, org.node, area, block, span, as_of=ann.as_of)
            continue
        if subject is None:
            continue
        if field.kind == "implementer":
            for org in _of(inside, "Organization"):
                if not _under(ann.text[max(field.start, org.start - 12):org.start]):  # '... under Ministry of X'
                    ann.edges.add(Implements, org.node, subject, block, span)
        elif field.kind == "funder":
            for org in _of(inside, "Organization"):
                ann.edges.add(Funds, org.node, subject, block, span)
        elif field.kind == "grant" and field.granter:
            amount = parse_amount(field.value)
            granter = _granter(ann, field)
            if granter is not None and amount is not None:
                ann.edges.add(Funds, granter, subject, block, span, amount=amount[0], currency=amount[1])
        elif field.kind == "place":
            if subject.type == "Event" and field.key.rstrip(" :").endswith("ies"):
                # an event's 'Countries' are who takes part, not where it is held: the countries of the project the
                # page names most ('Minamata Initial Assessment regional inception workshop' / 'Countries: Benin, ...')
                subject = _main_project(sentences.located)
            for country in _of(inside, "Country") if subject is not None else []:
                ann.edges.add(LocatedIn, subject, country.node, block, span)


def _main_project(located: list[Located]) -> Node | None:
    """The project a page names most often, at least twice and more often than any other."""
    counts = Counter(m.node.id for m in located if m.node.type == "Project")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(m.node for m in located if m.node.id == ranked[0][0])


def _under(before: str) -> bool:
    """Does the text before a body end in 'under' or 'under the'?

    >>> _under("Ministry of Mines under the "), _under("Thunder ")
    (True, False)
    """
    words = before.split()
    return words[-1:] == ["under"] or words[-2:] == ["under", "the"]


def _sheet_places(ann: Annotated, fields: list[Field], titles: list[Field]) -> None:
    """On a project's sheet (fields naming its implementers or funders), the countries it names outside the
    names of bodies are where the project works ('to provide miners in Burkina Faso more direct access ...')."""
    if not any(f.kind in ("implementer", "funder", "grant") for f in fields):
        return
    sentences = ann.sentences
    subject = _subject(ann, titles, fields[0])
    if subject is None or subject.type != "Project":
        return
    bodies = [(m.start, m.end) for m in sentences.located if m.node.type == "Organization"]
    for m in sentences.located:
        if m.node.type != "Country" or any(a <= m.start < b for a, b in bodies) or _contributed(ann.text, m.start):
            continue
        ann.edges.add(LocatedIn, subject, m.node, m.block, sentences.sentence_of[id(m)])


def _contributed(text: str, start: int) -> bool:
    """Whether a country stands in a list of contributors ('The third round was made possible by contributions from
    Norway, Sweden and Switzerland'): who paid, not where the work is.

    >>> t = "made possible by contributions from Norway, Sweden and Switzerland"
    >>> _contributed(t, t.index("Switzerland")), _contributed(t, t.index("Norway")), _contributed("work in Peru", 8)
    (True, True, False)
    """
    return ends_in_countries_after(text[max(0, start - 160):start], "contributions from ")


def _governments(ann: Annotated, field: Field, inside: list[Located], block: Block) -> list[Located]:
    """A field that lists countries where bodies go ('Co-leads: Spain and Uruguay') names their governments."""
    if not only_countries(field.value):
        return []
    return [government_located(ann, m, block, "a country listed in a field of bodies")
            for m in inside if m.node.type == "Country"]


def _of(mentions: list[Located], node_type: str) -> list[Located]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.node.type == node_type and m.node.id not in seen:
            seen.add(m.node.id)
            out.append(m)
    return out


# a GEF request's financing table, flattened: 'Trust Fund (USD) GEF Project Financing Co-financing CW-EA GEFTF
# 500,000 58,500', 'Amount (in $) GEF Program Financing Co-financing'
_FINANCING_COLUMN = re.compile(r"\b(?P<body>[A-Z][A-Za-z]{1,9})\s+(?:Project\s+|Program(?:me)?\s+)?Financing\b")


def _financing_columns(ann: Annotated, titles: list[Field]) -> None:
    """A sheet's financing table: the body its financing column is named after ('GEF Project Financing') funds the
    sheet's project, and so does a fund its rows name with an amount ('GEFTF 500,000')."""
    if not titles:
        return
    subject = _subject(ann, titles, titles[0])
    if subject is None or subject.type != "Project":
        return
    for m in _FINANCING_COLUMN.finditer(ann.text):
        column = m.group("body")
        for named in ann.sentences.located:
            if named.node.type != "Organization":
                continue
            said = ann.text[named.start:named.end]
            row = said.isupper() and said.startswith(column) and re.match(r"\s+[\d,.]{5,}", ann.text[named.end:])
            if (named.start == m.start() and said == column) or row:
                block = ann.index.block_at(named.start)
                span = (named.start, named.end + row.end()) if row else (m.start(), m.end())
                if block is not None:
                    ann.edges.add(Funds, named.node, subject, block, span)


def _subject(ann: Annotated, titles: list[Field], field: Field) -> Node | None:
    sentences = ann.sentences
    for title in titles:
        named = [m for m in sentences.located if title.start <= m.start < title.end + 1
                 and m.node.type in ("Project", "Event", "Publication")]
        if named:
            return named[0].node
    if sentences.topic is not None:
        return sentences.topic.node
    block = ann.index.block_at(field.key_start)
    topic = sentences.heading_topic.get(id(block)) if block is not None else None
    return topic.node if topic is not None else _called_project(ann)


def _called_project(ann: Annotated) -> Node | None:
    """The one project a page calls a project by name, on a page whose title names none ('Kenya' over 'The
    planetGOLD Kenya project, Lake Basin Gold: ..., works with miners' and 'Implementing agency: UNEP')."""
    called = {m.node.id: m.node for m in ann.sentences.located
              if m.node.type == "Project" and ann.text[m.end:m.end + 9].split()[:1] in (["project"], ["project,"])}
    return next(iter(called.values())) if len(called) == 1 else None


def _granter(ann: Annotated, field: Field) -> Node | None:
    """The organisation a grant's key names ('GEF' in 'GEF Project Grant')."""
    key = name_key(field.granter or "")
    for m in ann.sentences.located:
        if m.node.type == "Organization" and field.key_start <= m.start < field.key_start + len(field.key):
            return m.node
    for node in ann.nodes:
        if node.type == "Organization" and key in {name_key(n) for n in (node.name, *node.aliases)}:
            return node
    return None
