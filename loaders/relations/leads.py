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

from loaders.annotated import Annotated, Located
from loaders.entities.nodes import government_located
from loaders.entities.runs import SUB_UNIT
from loaders.relations.context import Sentences, of_type
from loaders.spans import line_spans
from schema import Block, Leads, Node

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_LEAD_WORDS = re.compile(r"\b(?:co-?)?lead(?:s|ing|ership)?\b|\b(?:co-)?led\b|\bleaded\b|\bco-?chair|\btook over\b",
                         re.IGNORECASE)
_HAND_OVER = re.compile(r"took over (?:in\s+)?(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d\d)\s+from\s+(?:the\s+)?",
                        re.IGNORECASE)


def listed_leads(text: str, orgs: list[Located]) -> list[Located]:
    """The bodies a list of leads names, without the parts of their names and the bodies they belong to:
    'Graduate School of ..., Kyoto University' (the university), 'The National Research Council (CNR)² -
    Institute of Atmospheric Pollution Research, Italy' (the council), 'Cement Sustainability Initiative (CSI),
    of the World Business Council for Sustainable Development (WBCSD)' (the initiative), and a name inside a
    longer one ('International Energy Agency' in 'International Energy Agency (IEA) Clean Coal Centre')."""
    orgs = sorted(orgs, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Located] = []
    dropped: set[str] = set()
    for i, org in enumerate(orgs):
        if org.node.id in dropped and not any(k.node.id == org.node.id for k in kept):
            continue  # its acronym after it
        if any(o is not org and o.start <= org.start and org.end <= o.end and o.end - o.start > org.end - org.start
               for o in orgs):
            continue
        later = [o for o in orgs[i + 1:] if o.start >= org.end]
        if SUB_UNIT.match(org.node.name) and later and re.fullmatch(r"\s*,\s*", text[org.end:later[0].start]):
            dropped.add(org.node.id)  # a unit before its university
            continue
        before = kept[-1] if kept else None
        gap = text[before.end:org.start] if before else ""
        if before and SUB_UNIT.match(org.node.name) and re.fullmatch(r"\s*(?:\([^()]{1,12}\)\S*)?\s*[-\u2013\u2014]\s*", gap):
            dropped.add(org.node.id)  # the council's institute, named after a dash
            continue
        if before and re.fullmatch(r"\s*(?:\([^()]{1,12}\))?\s*,?\s*of\s+(?:the\s+)?", gap):
            dropped.add(org.node.id)  # the body the one before belongs to
            continue
        if before and org.node.id == before.node.id:
            continue
        kept.append(org)
    return kept


def _hand_over_date(m: re.Match[str]) -> dt.date:
    return dt.date(int(m.group("year")), _MONTHS.get((m.group("month") or "").lower(), 1), 1)


def read_leads(ann: Annotated) -> None:
    """Pipeline component: LEADS edges from sentences, leads lists, lead sections and lead tables."""
    for span, mentions, block in ann.sentences.items():
        _sentence_leads(ann, span, mentions, block)
    _lead_sections(ann)
    _lead_tables(ann)


_LEAD_HEADING = re.compile(r"^[\W\d]*(?:[A-Z][\w&\- ]{0,60}?\s)?(?:[Pp]artnership\s+)?(?:[Aa]rea\s+)?(?:[Cc]o-?)?[Ll]eads?"
                           r"(?:\s+[Oo]rgani[sz]ations?)?\s*:?[\W]*$")


def _lead_sections(ann: Annotated) -> None:
    """A heading 'Partnership Area Leads' (or 'Partnership Lead', 'Co-leads') and the entries below it, up to
    the first block that names no organisation or person: the organisations standing alone on an entry lead
    the area the heading names, else the last one named before it (what the page was about) ('Government of Spain', then its people); where no entry
    is an organisation alone, the organisations of the people listed do ('Dr. Lesley Sloss - IEA Clean Coal
    Centre'). An entry line that opens with its own area leads that area ('Mercury in products: Ms. Elena Rossi,
    Zero Mercury Working Group')."""
    sentences, text = ann.sentences, ann.text
    blocks = [b for b in ann.doc.walk() if b.kind in ("heading", "paragraph", "bullet")]
    for i, heading in enumerate(blocks):
        own = text[heading.start:heading.end].strip()
        if len(own) > 80 or not _LEAD_HEADING.match(own):
            continue
        keys = [m.node.key for m in sentences.by_block[id(heading)] if m.node.type == "Area"]
        before = [m.node.key for m in sentences.located if m.node.type == "Area" and m.end <= heading.start]
        area = sentences.area_node(keys[0] if keys else before[-1] if before else sentences.area)
        alone, people = [], []
        for block in blocks[i + 1:]:
            mentions = sentences.by_block[id(block)]
            named = [m for m in mentions if m.node.type in ("Organization", "Person")]
            if not named:
                break
            entries = [(line, [m for m in mentions if line[0] <= m.start < line[1]])
                       for line in line_spans(text, block.start, block.end)]
            entries = [(line, on_line, own) for line, on_line in entries
                       if (own := _entry_area(text, line[0], on_line)) is not None]
            for line, on_line, own_area in entries:  # 'Mercury in products: Ms. Elena Rossi, Zero Mercury ...'
                _entry_leads(ann, block, line, [m for m in on_line if m.node.type in ("Organization", "Person")],
                             own_area)
            if entries:
                continue
            entry = text[block.start:block.end].strip(" \n*-\u2022")
            alone += [(m, block) for m in named if m.node.type == "Organization"
                      and re.sub(r"\s*\([^()]*\)\s*$", "", entry) == text[m.start:m.end]]
            people += [(m, block) for m in named if m.node.type == "Person"]
        leads = alone or [(org, block) for person, block in people for org in _affiliations_of(ann, person.node)]
        for org, block in leads if area is not None else []:
            node = org.node if isinstance(org, Located) else org
            ann.edges.add(Leads, node, area, block, (block.start, block.end), as_of=ann.as_of)


def _entry_area(text: str, line_start: int, mentions: list[Located]) -> Located | None:
    """The area an entry of a leads list opens with, before a colon ('Mercury in products: Ms. Elena Rossi, ...')."""
    first = min(mentions, key=lambda m: m.start, default=None)
    opening = text[line_start:first.start].strip(" \t*-\u2022") if first is not None else "x"
    return first if first is not None and first.node.type == "Area" and not opening and \
        text[first.end:first.end + 3].lstrip(" *").startswith(":") else None


def _entry_leads(ann: Annotated, block: Block, line: tuple[int, int], named: list[Located], area: Located) -> None:
    """The bodies an entry of a leads list names after its area lead it: those named alone, else the bodies of
    the people it names (the first body of each)."""
    orgs = [m for m in named if m.node.type == "Organization"]
    people = [m for m in named if m.node.type == "Person"]
    leads = [o.node for o in orgs] if not people else [
        org for person in people for org in _affiliations_of(ann, person.node)[:1]] or [o.node for o in orgs[:1]]
    for org in leads:
        ann.edges.add(Leads, org, area.node, block, line, as_of=ann.as_of)


def _affiliations_of(ann: Annotated, person: Node) -> list[Node]:
    ids = [t for (kind, s_, t) in ann.edges.edges if kind == "AFFILIATED_WITH" and s_ == person.id]
    return [n for n in ann.nodes if n.id in ids]


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
        listed = listed_leads(text, [o for o in orgs if o.start > block.start + heading.end() - 2])
        for area in head_areas:
            for org in listed:
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
    if _LEAD_WORDS.search(sentence):
        _stated_leads(ann, span, mentions, block)


# who a sentence says leads: an organisation (or a person speaking for one) in one of these places
_LEAD_NOUN = r"(?:co-?)?leads?(?:ership)?"
_LEADS_AFTER = re.compile(  # 'US.EPA, the co-lead of Chlor-alkali Area'; 'EPA leads ...'; 'X was designated as co-lead'
    r"(?:[^()]{0,80}?\b(?P<inparen>co-?lead(?:er)?s?\s+(?:of|for))[^()]*\)"  # inside the body's own brackets
    r"|\s*\([^()]{0,120}?\b(?P<paren>co-?lead(?:er)?s?\s+(?:of|for))[^()]*\)"  # 'X (ICSC, ...; Co-lead of the area)'
    r"|\s*(?:(?:\([^()]{0,20}\)\s*)?,\s*(?:[^,;()]{0,60}?\s(?:and|&)\s+)?(?:the\s+|a\s+)?(?:current\s+)?"
    r"(?P<appos>(?:co-?)?leads?\s+(?:of|for))\b"  # 'Kyoto University, Lead of the Global Mercury Partnership Area ...'
    r"|(?:\([^()]{0,120}\)\s*)?(?:,[^,;]{0,60},\s*|,\s*which\s+)?(?:is|are|was|were|has been|have been|had been|will be)?\s*"
    r"(?:also\s+|currently\s+|jointly\s+|now\s+)?(?:(?:a|the|one\s+of\s+the)\s+(?:current\s+)?(?=co-?leads?\b))?"
    r"(?P<verb>co-?leads?\b|co-?leading\b|leads\b|leading\b|(?:has|have|had)\s+(?:also\s+)?(?:co-?)?led\b|"
    r"(?:serv|act)\w*\s+as\s+(?:the\s+)?(?:co-?)?leads?\b|"
    r"(?:\w+\s+)?designated\s+(?:to\s+serve\s+)?as\s+(?:the\s+)?(?:co-?)?leads?\b|"
    r"accepted\s+(?:the\s+)?co-?leadership\b|took over\b|took on\s+(?:the\s+)?(?:co-?)?lead\b|"
    r"assumed\s+(?:the\s+)?(?:co-?)?lead(?:ership)?\b|shares?\s+(?:this|the)\s+lead\b)))", re.IGNORECASE)
_LEADS_BEFORE = re.compile(  # 'leadership of X', 'shares this lead with X', 'co-lead together with X', 'Leads: X';
    # and a list after 'leads,' ('executed by the Partnership area leads, Macquarie University and the ICSC.'), which
    # must end the clause (see _list_ends_clause)
    r"\bleadership\s+of\s+(?:the\s+)?$|"
    r"\b(?:co-?)?lead(?:s|ership)?\s+(?:is\s+|are\s+)?(?:shared\s+)?(?:together\s+)?with\s+(?:the\s+)?$|"
    r"\b(?:co-?)?leads?\s*:\s*(?:the\s+)?$|"
    r"(?P<list>\b(?:co-?)?leads?(?:\s+of\s+the\s+[^,;]{0,80})?,\s*(?:the\s+)?$)", re.IGNORECASE)
_LED_BY = re.compile(r"(?:,?\s*(?:which|that)\s+)?\b(?:is|are|was|were|been)?\s*(?:co-)?(?:led|leaded|co-chaired|"
                     r"chaired)\s+by\s+(?:the\s+)?$",
                     re.IGNORECASE)  # only when what is led is an area: 'The area is led by X'
_PRONOUN_LEAD = re.compile(r"\b(?:it|which)\s+(?:was|is|has been)\s+(?:\w+\s+)?designated\s+(?:to\s+serve\s+)?as\s+"
                           r"(?:the\s+)?(?:co-?)?lead", re.IGNORECASE)
_AREA_OF = re.compile(r"\b(?:areas?|partnership)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _stated_leads(ann: Annotated, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
    """LEADS from a sentence that says lead, co-lead or took over: only for the organisations it gives that
    role (see ``_LEADS_AFTER`` and ``_LEADS_BEFORE``), each to the area its role phrase names, else the area of
    the sentence, block or document; a funder, recipient or executing agency named beside them is not a lead.
    A hand-over date ('took over in November 2011 from X') starts the new leads and ends X's."""
    sentences, text, as_of = ann.sentences, ann.text, ann.as_of
    sentence = sentences.sentence(span)
    areas = of_type(mentions, "Area")
    hand_over = _HAND_OVER.search(sentence)
    handed_at = _hand_over_date(hand_over) if hand_over else None
    clause_end = span[1]
    agents = sorted([*of_type(mentions, "Organization", "Person"), *_leading_countries(ann, mentions, clause_end)],
                    key=lambda m: m.start)

    def area_after(pos: int) -> list[Node]:
        """The areas a role phrase at ``pos`` names ('co-lead of Chlor-alkali Area', 'lead for the Chlor Alkali
        and Product Partnership Areas'), else the sentence's, block's or document's."""
        line_start = text.rfind("\n", 0, pos) + 1
        entry = _entry_area(text, line_start, [a for a in areas if line_start <= a.start < pos])
        if entry is not None:  # 'Mercury supply and storage: Ms. Valentina Sosa, ... (co-lead with the Government
            return [entry.node]  # of Spain)': the entry's area
        near = [a for a in areas if pos <= a.start <= pos + 200]
        if near:
            first = near[0]
            joined = [first] + [a for a in near[1:] if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?",
                                                                      text[first.end:a.start]) or a.start == first.end]
            return [a.node for a in joined]
        keys = [a.node.key for a in areas] or ([block.area] if block.area else []) or (
            [sentences.area] if sentences.area else [])
        node = sentences.area_node(keys[0]) if keys else None
        return [node] if node is not None else []

    leads: list[tuple[Located, list[Node], bool]] = []  # (who, areas, handed over from)
    for m in agents:
        if _AREA_OF.search(text[max(span[0], m.start - 30):m.start]):
            continue  # 'the ASGM area of the Global Mercury Partnership': the area's parent, not its lead
        after = _LEADS_AFTER.match(text, m.end, clause_end)
        if after and after.group("verb") and after.group("verb").lower().split()[-1] in _TRANSITIVE_LEAD:
            at = _area_object(text, after.end("verb"), clause_end, areas)  # 'leads the ASGM area', not 'a study'
            after = after if at is not None else None
        before = text[max(span[0], m.start - 60):m.start]
        if hand_over and m.start >= span[0] + hand_over.end() - 1:
            leads.append((m, area_after(m.end), True))
        elif after:
            group = next(g for g in ("inparen", "paren", "appos", "verb") if after.group(g))
            if group != "verb" or after.group("verb").lower().split()[-1] not in _TRANSITIVE_LEAD:
                at = after.start(group)
            singular = group == "appos" and not after.group("appos").split()[0].lower().endswith("s")
            who = [m] if singular else _listed_before(sentences, agents, m)  # '..., the IETC and the Ministry of
            leads += [(o, area_after(at), False) for o in who]                  # Environment Japan, lead of ...'
        elif (lead_word := _LEADS_BEFORE.search(before)) and (
                not lead_word.group("list") or _list_ends_clause(text, m, agents, clause_end)):
            leads += [(o, area_after(m.end), False) for o in _listed_after(sentences, agents, m)]
        elif (led := _led_area(text, before, m, areas)) is not None:  # 'The coal area, led by X, and the cement
            leads += [(o, led or area_after(m.end), False) for o in _listed_after(sentences, agents, m)]  # area'
    pronoun = _PRONOUN_LEAD.search(sentence)
    if pronoun:  # 'Due to UNIDO's experience ... it was designated as the co-lead, for the ASGM area'
        earlier = [m for m in agents if m.end <= span[0] + pronoun.start() and m.node.type == "Organization"]
        if earlier:
            leads.append((earlier[0], area_after(span[0] + pronoun.end()), False))
    for who, targets, previous in leads:
        for org in _organizations_of(ann, who):
            for area in targets:
                if previous:
                    ann.edges.add(Leads, org, area, block, span, end=handed_at)
                else:
                    ann.edges.add(Leads, org, area, block, span, start=handed_at, as_of=as_of)


_TRANSITIVE_LEAD = frozenset({"leads", "leading", "coleads", "coleading", "co-leads", "co-leading", "led", "co-led"})
_AS_LEAD = re.compile(r"\bas\s+(?:the\s+)?(?:co-?)?leads?\s+(?:of|for)\b", re.IGNORECASE)


def _area_object(text: str, pos: int, clause_end: int, areas: list[Located]) -> int | None:
    """Where the area a transitive 'leads' governs is named: right after it ('co-leads the ASGM area', 'leads
    the partnership area'), else in a later 'as lead for' of the same clause ('EPA leads U.S. government
    participation ... by serving as lead for the Chlor Alkali ... Areas'); None when it leads something else."""
    rest = text[pos:clause_end]
    first = next((a for a in areas if pos <= a.start), None)
    if (first is not None and first.start - pos <= 16) or re.match(r"\s*(?:the\s+|this\s+)?(?:partnership\s+)?"
                                                                  r"(?:area|partnership)\b|\s*(?:[.;,]|$)", rest, re.I):
        return pos
    later = _AS_LEAD.search(rest)
    return pos + later.start() if later else None


def _led_area(text: str, before: str, m: Located, areas: list[Located]) -> list[Node] | None:
    """'The ... area is led by X' (an area before 'led by'), not 'The preparation ... has been led by X': the area
    named right before (none where the sentence says 'the area': the one the sentence, block or document is
    about); None where no area is led."""
    led = _LED_BY.search(before)
    if not led:
        return None
    if before[:led.start()].rstrip().lower().endswith(("the area", "this area", "the partnership area")):
        return []  # 'The area is co-led by X and Y': the area the sentence, block or document is about
    led_at = m.start - len(before) + led.start()
    named = [a for a in areas if a.end <= led_at and _right_after_area(text, led_at, [a])]
    return [named[-1].node] if named else None


def led_after_area(text: str, areas: list[Located], cue_end: int) -> bool:
    """Whether the 'led by' that ends at ``cue_end`` follows an area's name, past words that only go on naming it
    ('... the coal partnership area of the UNEP Global Mercury Partnership, which is led by ...'): the area's lead
    follows, not a project's implementer."""
    start = max(0, cue_end - 60)
    led = _LED_BY.search(text[start:cue_end])
    return led is not None and _right_after_area(text, start + led.start(), areas)


def _right_after_area(text: str, led_at: int, areas: list[Located]) -> bool:
    return any(0 <= led_at - a.end <= 3 or (0 <= led_at - a.end <= 80 and _area_words_only(text[a.end:led_at]))
               for a in areas)


def _area_words_only(gap: str) -> bool:
    """Whether the words between an area's name and 'led by' only go on naming the area ('... area of the UNEP
    Global Mercury Partnership, led by ...').

    >>> _area_words_only(" partnership area of the UNEP Global Mercury Partnership, "), _area_words_only(" and a study, ")
    (True, False)
    """
    rest = gap.lower()
    for words in ("partnership area", "area", "of the unep global mercury partnership", "of the global mercury partnership",
                  "of the partnership", ","):
        rest = rest.replace(words, " ")
    return not rest.strip()


def _leading_countries(ann: Annotated, mentions: list[Located], clause_end: int) -> list[Located]:
    """Countries a sentence names as leads ('Spain and Uruguay, co-leads of the mercury supply and storage area'):
    their governments, named where the countries are."""
    countries = [c for c in of_type(mentions, "Country") if not any(  # not 'Ministry of Environment Japan'
        m.node.type != "Country" and m.start <= c.start and c.end <= m.end for m in mentions)]
    found = []
    for country in countries:
        after = _LEADS_AFTER.match(ann.text, country.end, clause_end)
        if after is None or not (after.group("appos") or (  # 'Spain and Uruguay, which co-lead the ... area'
                after.group("verb") and after.group("verb").lower().startswith("co-lead") and
                _area_object(ann.text, after.end("verb"), clause_end, of_type(mentions, "Area")) is not None)):
            continue
        listed = [c for c in countries if c.end <= country.end and ann.sentences.chain(countries, c.start)[-1:] ==
                  [country]] or [country]
        found += [government_located(ann, c, c.block, "a country named as a lead") for c in listed]
    return found


def _listed_before(sentences: Sentences, agents: list[Located], last: Located) -> list[Located]:
    """'The Governments of Uruguay and Spain accepted ...': everyone in the list that ends with ``last``."""
    orgs = [a for a in agents if a.node.type == last.node.type]
    return [o for o in orgs if o.end <= last.end and sentences.chain(orgs, o.start)[-1:] == [last]] or [last]


def _listed_after(sentences: Sentences, agents: list[Located], first: Located) -> list[Located]:
    orgs = [a for a in agents if a.node.type == first.node.type]
    return sentences.chain(orgs, first.start) or [first]


def _list_ends_clause(text: str, first: Located, agents: list[Located], clause_end: int) -> bool:
    """'executed by the Partnership area leads, Macquarie University and the ICSC.' (the leads, named) - not
    'The co-leads of the ... Area, AMAP, WHO and UNEP co-organised' (the co-leads and three more bodies)."""
    last = first
    for a in agents:
        if a.start >= last.end and re.fullmatch(r"\s*(?:\([^()]{1,20}\))?\s*(?:,|and|,\s*and)\s*(?:the\s+)?",
                                               text[last.end:a.start]):
            last = a
    return bool(re.match(r"\s*(?:\([^()]{1,20}\))?\s*(?:[.;)]|$)", text[last.end:clause_end + 1]))


def _organizations_of(ann: Annotated, who: Located) -> list[Node]:
    """An organisation stands for itself; a person for the bodies they are affiliated with, but not for the
    Partnership the areas belong to ('Motoharu Yatani, Co-lead of the Waste Management Area, UNEP Global Mercury
    Partnership')."""
    bodies = [who.node] if who.node.type == "Organization" else _affiliations_of(ann, who.node)
    return [o for o in bodies if o.name.split()[-3:] != ["Global", "Mercury", "Partnership"]]




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
    said = " ".join(joined.split()) if len(cells) > 1 else None  # the whole cell, as the statement's quote
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
        for m in listed_leads(ann.text, [m for m in sentences.located if m.node.type == "Organization"
                                          and c.start <= m.start < c.end]):
                if handed_from is not None and m.start >= handed_from:
                    ann.edges.add(Leads, m.node, area, c, (c.start, c.end), quote=said, end=when)
                else:
                    ann.edges.add(Leads, m.node, area, c, (c.start, c.end), quote=said, start=when,
                                  as_of=ann.as_of)
