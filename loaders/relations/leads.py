"""LEADS: who leads or co-leads a partnership area, with the hand-over dates the text gives.

* a leads list: '- **Mercury in products:** The Environmental Protection Agency of the United States';
* a table column of leads: each row's area is led by the organisations in that column, and a cell's
  'took over in November 2011 from X' makes X the lead until then;
* presentations by area leads: 'Ms. X (UNIDO) on Artisanal and Small-scale Gold Mining; ...';
* sentences that say lead, co-lead, co-leadership or took over, with the hand-over date as ``start`` (and
  ``end`` for the organisations it was taken over from).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from loaders.annotated import Annotated
from loaders.relations.context import Sentences, of_type
from schema import Block, Leads, Node

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_LEAD_WORDS = re.compile(r"\b(?:co-?leads?|leads? of|lead(?:s|ing)? the|leadership|co-?chair|took over|as (?:the )?"
                         r"(?:Partnership area |partnership area )?leads?|designated to serve as co-?lead|area leads?)\b",
                         re.IGNORECASE)
_HAND_OVER = re.compile(r"took over (?:in\s+)?(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d\d)\s+from\s+(?:the\s+)?",
                        re.IGNORECASE)


def _hand_over_date(m: re.Match[str]) -> dt.date:
    return dt.date(int(m.group("year")), _MONTHS.get((m.group("month") or "").lower(), 1), 1)


def read_leads(ann: Annotated) -> None:
    """Pipeline component: LEADS edges from sentences, leads lists and lead tables."""
    for span, mentions, block in ann.sentences.items():
        _sentence_leads(ann, span, mentions, block)
    _lead_tables(ann)


def _sentence_leads(ann: Annotated, span: tuple[int, int], mentions: list, block: Block) -> None:
    sentences, text, as_of = ann.sentences, ann.text, ann.as_of
    sentence = sentences.sentence(span)
    own = text[block.start:block.end]
    orgs = of_type(mentions, "Organization")
    areas = of_type(mentions, "Area")
    # a leads list: '**Mercury in products:** The Environmental Protection Agency of the United States'
    heading = re.match(r"[-\u2022*\s]*\*\*([^*]{3,90}?):?\*\*:?", own)
    if heading and block.kind == "bullet" and span[0] <= block.start + len(heading.group(0)) + 5:
        head_areas = [m for m in areas if m.start < block.start + heading.end()]
        for area in head_areas:
            for org in orgs:
                if org.start > block.start + heading.end() - 2:
                    ann.edges.add(Leads, org.node, area.node, block, span, as_of=as_of)
        if head_areas:
            return
    # presentations by area leads: 'Ms. X (UNIDO) on Artisanal and Small-scale Gold Mining; ...'
    for segment in re.finditer(r"[^;]+", sentence):
        seg_start, seg_end = span[0] + segment.start(), span[0] + segment.end()
        on_area = re.search(r"\)\s+(?:on|for)\s+(?:the\s+)?[A-Z]", segment.group(0))
        seg_areas = [m for m in areas if seg_start <= m.start < seg_end and (
            on_area and m.start >= seg_start + on_area.start())]
        if on_area and seg_areas and re.search(r"\blead", text[max(0, span[0] - 600):span[1]], re.I):
            for org in orgs:
                if seg_start <= org.start < seg_start + on_area.start() + 1:
                    ann.edges.add(Leads, org.node, seg_areas[0].node, block, span, as_of=as_of)
    if not _LEAD_WORDS.search(sentence):
        return
    target_keys = [m.node.key for m in areas] or ([block.area] if block.area else [])
    if not target_keys:
        return
    hand_over = _HAND_OVER.search(sentence)
    handed_at = _hand_over_date(hand_over) if hand_over else None
    for org in orgs:
        previous = hand_over and org.start >= span[0] + hand_over.end() - 1
        before_from = re.search(r"\bfrom\s+(?:the\s+)?$", text[max(span[0], org.start - 12):org.start])
        if before_from and not previous:
            continue
        area = sentences.area_node(target_keys[0])
        if area is None:
            continue
        if previous:
            ann.edges.add(Leads, org.node, area, block, span, end=handed_at)
        else:
            ann.edges.add(Leads, org.node, area, block, span, start=handed_at, as_of=as_of)


def _lead_tables(ann: Annotated) -> None:
    """A table with a column of leads: each row's area is led by the organisations in that column."""
    text = ann.text
    for table in (b for b in ann.doc.walk() if b.kind == "table"):
        header = table.children[0] if table.children else None
        if header is None:
            continue
        cells = [c for c in header.children if c.kind == "cell"]
        lead_columns = {i + 1 for i, c in enumerate(cells) if re.search(r"\blead", text[c.start:c.end], re.I)}
        if not lead_columns:
            continue
        for row in table.children[1:]:
            area = ann.sentences.area_node(row.area)
            if area is None:
                continue
            for column in sorted(lead_columns):
                _lead_cells(ann, area, [c for c in row.children if re.search(rf"cell {column}\b", c.locator)])


def _lead_cells(ann: Annotated, area: Node, cells: list[Block]) -> None:
    """The leads in one table cell (its items in order): 'Governments of Spain and Uruguay took over in
    November' / '2011 from the Mercury Policy Project.' -> Spain and Uruguay from 2011-11, the Mercury
    Policy Project until then."""
    text = ann.text
    joined = " ".join(text[c.start:c.end] for c in cells)
    took_over = _HAND_OVER.search(joined)
    when = _hand_over_date(took_over) if took_over else None
    handed_from: int | None = None  # absolute offset after which the names are the previous leads
    if took_over:
        seen_over = False
        for c in cells:
            own = text[c.start:c.end]
            over = re.search(r"took over", own, re.IGNORECASE)
            seen_over = seen_over or bool(over)
            origin = re.search(r"\bfrom\s+(?:the\s+)?", own[over.end():] if over else own)
            if seen_over and origin:
                handed_from = c.start + (over.end() if over else 0) + origin.start()
                break
    sentences: Sentences = ann.sentences
    for c in cells:
        for m in sentences.located:
            if m.node.type == "Organization" and c.start <= m.start < c.end:
                if handed_from is not None and m.start >= handed_from:
                    ann.edges.add(Leads, m.node, area, c, (c.start, c.end), end=when)
                else:
                    ann.edges.add(Leads, m.node, area, c, (c.start, c.end), start=when, as_of=ann.as_of)
