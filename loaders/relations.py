"""Relations between the things one document names, read from sentences and structure.

Every mention of a node is located in its block and sentence; the rules below read those
sentences (and the area each block sits under) and return schema edges with provenance:

* PART_OF - a project named under an area's heading or table row, or in a sentence about one
  area only;
* LOCATED_IN - a country in a project's or event's own name ("planetGOLD Guyana"); the
  countries of a sentence that names one project or event ("In Guyana, ... the project: ...",
  "The Programme works in eight countries (...)", said of the programme just named);
* SUPPORTS (basis 'stated') - an article mention tied to the projects, publications and events
  of its sentence (else of its paragraph) and to the area the sentence names or sits under;
  SUPPORTS (basis 'area-mandate') from each area to the articles its mandate serves;
* LEADS - leads lists ("**Mercury in products:** The ... Agency ..."), a table column of leads,
  "(Organisation) on <area>" in a list of area leads' presentations, and sentences that say
  lead/co-lead/co-leadership/took over, with a hand-over date as ``start``/``end``;
* COLLABORATES_WITH - a sentence that names two areas and joint work;
* FUNDS and IMPLEMENTS - "funded by X", "with funding from X", "X granted 850,000 US$" (with
  amount and currency) and "X is executing", "implemented by X", "X began work on the project".

>>> from loaders.extract import extract_text
>>> result = extract_text("r.txt", "IV. Mercury in products\\n\\n- The Skin-Lightening Cream Campaign works in Kenya.")
>>> sorted((e.type, e.source, e.target) for e in result.edges if e.type != "MENTIONED_IN")[:2]
[('LOCATED_IN', 'project:skin-lightening-cream-campaign', 'country:KEN'), ('PART_OF', 'project:skin-lightening-cream-campaign', 'area:products')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from loaders.locate import BlockIndex, sentence_span
from schema import (Block, CollaboratesWith, Document, Edge, Funds, Implements, Leads, LocatedIn, Node, PartOf,
                    Provenance, Supports)
from schema.reference import area_by_key

TITLED = ("Project", "Publication", "Event")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_LEAD_WORDS = re.compile(r"\b(?:co-?leads?|leads? of|lead(?:s|ing)? the|leadership|co-?chair|took over|as (?:the )?"
                         r"(?:Partnership area |partnership area )?leads?|designated to serve as co-?lead|area leads?)\b",
                         re.IGNORECASE)
_JOINT = re.compile(r"\b(?:joint(?:ly)?|collaborat\w*|cooperat\w*|co-operat\w*|coordination|in coordination with|links? "
                    r"with|together with|including the leads of|cross-partnership|with the Partnership areas?)\b",
                    re.IGNORECASE)
_FUND_CUE = re.compile(r"\b(?:funded|financed|sponsored|supported financially) by\s+(?:the\s+)?|"
                       r"\b(?:with|through) (?:the )?(?:financial )?(?:funding|funds|support|grant|financing) "
                       r"(?:from|of)\s+(?:the\s+)?|\bfunding from\s+(?:the\s+)?|\bgrant from\s+(?:the\s+)?|"
                       r"\b(?:financial |voluntary |generous |in-kind )*(?:support|funding|contributions?|funds) "
                       r"(?:provided|made available|received) (?:by|from)\s+(?:the\s+)?|"
                       r"\bfunds from\s+(?:the\s+)?",
                       re.IGNORECASE)
_FUNDER_VERB = re.compile(r"(?:(?:has|have|had|also|generously)\s+)*(?:granted|approved|provided|contributed|donated|"
                          r"committed)\b(?! (?:to|with|in)\b)")
_FUNDED_ADJECTIVE = re.compile(r"(?:-|\s)(?:co-)?(?:funded|financed|sponsored)\b")
_IMPLEMENT_CUE = re.compile(r"\b(?:implemented|executed|led|carried out|conducted|run|managed|overseen|initiated|"
                            r"coordinated) by\s+(?:the\s+)?|\b(?:an? )?projects? of\s+(?:the\s+)?|"
                            r"\b(?:in partnership with|together with|in collaboration with|a partnership with)\s+"
                            r"(?:the\s+)?", re.IGNORECASE)
_IMPLEMENTER_VERB = re.compile(r"\s*(?:is|are|has|have|was|were)?\s*(?:also\s+|currently\s+)?(?:executing|implementing|"
                               r"carrying out|began|begun|continued|commenced|launched|implemented|executed|"
                               r"supported|started|conducted|developed|documented|participated|won|completed|working|contributed to the "
                               r"implementation|is leading|leads|partnered)\b")
# sessions of governing and negotiating bodies decide on articles; they are not work that supports one
_GOVERNING_SESSION = re.compile(r"\b(?:Conference of the Parties|negotiating committee|Conference of Plenipotentiaries|"
                                r"Governing Council|General Assembly|COP-?\d|INC-?\d)", re.IGNORECASE)
_EVENT_PLACE_GAP = re.compile(r"\s+in\s+(?:the\s+)?|\s*(?::\s*[\w ,\-\u2013]{0,30})?\(\s*(?:[^();]{0,30}?,\s*)?|,?\s*(?:which\s+|that\s+)?(?:was\s+|"
                              r"were\s+|will be\s+|to be\s+|is\s+)?(?:held|took place|convened|hosted|organi[sz]ed)\b"
                              r"[^();.]{0,45}?\b(?:in|at)\s+(?:the\s+)?")
# what may precede an item's own label: the bullet, bold markers, a code ('GEF 10472:')
_BULLET = r"\s*(?:[-\u2022*](?![*])\s*)?"
_ITEM_LABEL = re.compile(_BULLET + r"(?:\d{1,2}[.)]\s+|[a-z]\)\s+)?(?P<bold>\*\*|__)?\s*(?:[A-Z][A-Za-z]*[- ]?\d+\s*:\s*)?")
_LABEL_END = re.compile(r"\s*(?:\((?:[^()\n]|\([^()\n]*\)){1,100}\)\s*)?(?:[a-z]+\s*)?(?:\*\*|__)?\s*[:.](?:\*\*|__)?(?:\s|$)")
_BOLD_LABEL = re.compile(_BULLET + r"(?:\*\*|__)[^*_\n]{3,300}(?:\*\*|__)")
_AS_TIME = re.compile(r"\b(?:[Ss]ince|[Aa]fter|[Bb]efore|[Ff]ollowing|[Pp]rior to|[Aa]head of|[Uu]ntil)\s+(?:the\s+|its\s+)?$")
_AMOUNT = re.compile(r"(?:(?P<cur1>US\$|USD|\$|EUR|€|£|CHF|NOK|JPY|¥)\s?(?P<num1>\d[\d,.]*)\s*(?P<mult1>million|billion|"
                     r"thousand|m\b|bn\b)?|(?P<num2>\d[\d,.]*)\s*(?P<mult2>million|billion|thousand)?\s*(?P<cur2>US\$|"
                     r"USD|US dollars|dollars|EUR|euros?|CHF|NOK|Swiss francs|Norwegian kroner))")
_CURRENCY = {"US$": "USD", "USD": "USD", "$": "USD", "US dollars": "USD", "dollars": "USD", "EUR": "EUR", "€": "EUR",
             "euro": "EUR", "euros": "EUR", "£": "GBP", "CHF": "CHF", "Swiss francs": "CHF", "NOK": "NOK",
             "Norwegian kroner": "NOK", "JPY": "JPY", "¥": "JPY"}
_MULTIPLIER = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}
_HAND_OVER = re.compile(r"took over (?:in\s+)?(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d\d)\s+from\s+(?:the\s+)?",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    """A mention of ``node`` at ``text[start:end]`` in ``block``."""

    node: Node
    start: int
    end: int
    block: Block


def _outermost(mentions: list[Located]) -> list[Located]:
    """The mentions not inside a longer one ('planetGOLD Guyana', not the 'planetGOLD' in it)."""
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                           and o.end - o.start > m.end - m.start for o in mentions)]


def parse_amount(text: str) -> tuple[float, str] | None:
    """The first sum of money in ``text``, normalised: (amount, ISO 4217 currency).

    >>> parse_amount("The Government of Norway granted 850,000 US$ to the project")
    (850000.0, 'USD')
    >>> parse_amount("GEF approved a medium size proposal of $1 million")
    (1000000.0, 'USD')
    """
    m = _AMOUNT.search(text)
    if not m:
        return None
    number = (m.group("num1") or m.group("num2") or "").rstrip(".,")
    currency = m.group("cur1") or m.group("cur2")
    multiplier = m.group("mult1") or m.group("mult2")
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    value *= _MULTIPLIER.get((multiplier or "").lower(), 1)
    return value, _CURRENCY.get(currency, _CURRENCY.get(currency.lower(), "USD"))


class RelationReader:
    """Reads the relations of one document from its located mentions."""

    def __init__(self, doc: Document, index: BlockIndex, located: list[Located], as_of: dt.date | None) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.located = sorted(located, key=lambda m: m.start)
        self.as_of = as_of
        self.edges: dict[tuple[str, str, str], Edge] = {}
        self.by_sentence: dict[tuple[int, int], list[Located]] = defaultdict(list)
        self.sentence_of: dict[int, tuple[int, int]] = {}
        self.by_block: dict[int, list[Located]] = defaultdict(list)
        for m in self.located:
            span = sentence_span(self.text, m.block, m.start, m.end, clip=False)
            self.by_sentence[span].append(m)
            self.sentence_of[id(m)] = span
            self.by_block[id(m.block)].append(m)
        self.lead_in = self._lead_ins()
        self.item_topic = self._item_topics()
        paragraphs = [b for b in doc.walk() if b.kind == "paragraph"]
        self.previous = {id(b): a for a, b in zip(paragraphs, paragraphs[1:], strict=False) if a.section == b.section}

    # -- helpers ---------------------------------------------------------------------------------
    def _provenance(self, block: Block, span: tuple[int, int]) -> Provenance:
        start, end = span
        if end - start > 320:
            end = start + 320
            while end > start + 1 and self.text[end - 1].isspace():
                end -= 1
        return Provenance(document=self.doc.meta.file, locator=block.locator, quote=self.text[start:end], start=start,
                          end=end, section=block.section, area=block.area)

    def _add(self, edge_class: type[Edge], source: Node, target: Node, block: Block, span: tuple[int, int],
             **props: object) -> None:
        if source.id == target.id or source.type not in edge_class.sources or target.type not in edge_class.targets:
            return
        edge = edge_class(source=source.id, target=target.id, **{k: v for k, v in props.items() if v is not None})
        key = (edge.type, edge.source, edge.target)
        prov = self._provenance(block, span)
        if key in self.edges:
            existing = self.edges[key]
            if prov.identity() not in {p.identity() for p in existing.provenance}:
                existing.provenance.append(prov)
            for field in ("start", "end", "as_of", "amount", "currency"):  # a later statement may add a date
                if getattr(existing, field) is None and getattr(edge, field) is not None:
                    setattr(existing, field, getattr(edge, field))
            return
        edge.provenance.append(prov)
        self.edges[key] = edge

    def _of(self, mentions: list[Located], *types: str) -> list[Located]:
        return [m for m in mentions if m.node.type in types]

    def _area_node(self, key: str | None) -> Node | None:
        if key is None:
            return None
        for m in self.located:
            if m.node.type == "Area" and m.node.key == key:
                return m.node
        from schema import Area

        return Area(id=f"area:{key}", key=key, name=area_by_key()[key].name)

    def _lead_ins(self) -> dict[int, Block]:
        """Each bullet or short paragraph -> the block ending in ':' that introduces it ('GEF planetGOLD
        programme:', 'Diálogos has several ongoing projects ..., including:', '(activities led by CNR):')."""
        scopes: dict[int, Block] = {}
        current: Block | None = None
        flat = False  # the lead-in's items sit at its own level: the text lost their indent
        for block in self.doc.walk():
            own = self.text[block.start:block.end].rstrip(" *_\n")
            if block.kind == "heading" or block.kind not in ("paragraph", "bullet"):
                current = None if block.kind == "heading" else current
                continue
            if current is not None:
                if block.kind == "bullet":
                    if current.kind == "bullet" and not any(v is current for v in scopes.values()):
                        flat = block.level == current.level == 0  # the first item decides
                    inside = current.kind == "paragraph" or block.level > current.level or (
                        block.level == current.level and (current.level > 0 or flat))
                else:
                    inside = not block.number and len(own) < 300
                if inside and not own.endswith(":"):
                    scopes[id(block)] = current
                    continue
                current = None
            if own.endswith(":"):
                current = block
        return scopes

    def _opening_title(self, block: Block) -> tuple[Located, bool] | None:
        """The project, publication or event a list item or paragraph is labelled with, and whether the label is
        bold: '- **Report on the Harmonized ... System:** COP-3 ...', '- GEF 10472: Implementing ... Project. ...'."""
        own = self.text[block.start:block.end]
        opening = _ITEM_LABEL.match(own)
        at = block.start + (opening.end() if opening else 0)
        titled = _outermost([m for m in self.by_block[id(block)] if m.node.type in TITLED])
        first = next((m for m in titled if m.start == at), None)
        if first is None or not _LABEL_END.match(self.text, first.end):
            return None
        return first, bool(opening and opening.group("bold"))

    def _item_topics(self) -> dict[int, Located]:
        """Each block -> the titled item it belongs to: the item itself, the items and paragraphs nested under a
        labelled item, and the plain items and paragraphs after a bold-labelled one, up to the next heading or
        lead-in ('- **Mercury-Added Product Reduction Projects ...:** ...' then '  - Outreach/workshop to customs
        officials on Article 4 provisions;')."""
        topics: dict[int, Located] = {}
        open_items: list[tuple[int, Located, bool]] = []  # (level, topic, bold)
        for block in self.doc.walk():
            if block.kind == "heading":
                open_items = []
                continue
            if block.kind not in ("paragraph", "bullet"):
                continue
            level = block.level if block.kind == "bullet" else 0
            label = self._opening_title(block)
            if label is not None:
                open_items = [o for o in open_items if o[0] < level] + [(level, label[0], label[1])]
                topics[id(block)] = label[0]
                continue
            if _BOLD_LABEL.match(self.text, block.start, block.end):  # a new item whose title names nothing known
                open_items = [o for o in open_items if o[0] < level]
                continue
            own = self.text[block.start:block.end].rstrip(" *_\n")
            if block.kind == "paragraph" and (block.number or own.endswith(":")):
                open_items = []
                continue
            open_items = [o for o in open_items if o[0] < level or (o[0] == level and o[2])]
            if open_items:
                topics[id(block)] = open_items[-1][1]
        return topics

    def _block_topic(self, block: Block) -> Located | None:
        """The one project a lead-in block names, for the blocks it introduces."""
        lead = self.lead_in.get(id(block))
        if lead is None:
            return None
        projects = _outermost([m for m in self.by_block[id(lead)] if m.node.type == "Project"])
        return projects[0] if len({m.node.id for m in projects}) == 1 else None

    def _lead_orgs(self, lead: Block) -> list[Located]:
        """Who a lead-in says does the work: 'activities led by CNR', 'Diálogos has several projects'."""
        mentions = self.by_block[id(lead)]
        orgs = [m for m in mentions if m.node.type == "Organization"]
        found: list[Located] = []
        for cue in _IMPLEMENT_CUE.finditer(self.text, lead.start, lead.end):
            found += self._chain(orgs, cue.end())
        own = self.text[lead.start:lead.end]
        opening = re.match(r"[-\u2022*\s]*", own)
        at = lead.start + (opening.end() if opening else 0)
        first = [o for o in orgs if o.start == at]
        if first and re.match(r"(?:\s*\([^)]{1,20}\))?\s*(?:'s|\u2019s|has|have|is|are|implemented|worked|carried|"
                              r"conducted|undertook|continued|began)\b", self.text[first[0].end:first[0].end + 40]):
            found += first
        return found

    def _anaphor_topic(self, span: tuple[int, int], block: Block) -> Located | None:
        """What 'it', 'the programme' or 'the projects' stands for: the last project named earlier in the
        block, else the block's lead-in project."""
        sentence = self.text[span[0]:span[1]]
        if not re.search(r"(?:^|,\s*)[Ii]t\b|\b[Tt]he (?:expanded |same |global )?(?:[Pp]rogramme|[Pp]roject|projects|"
                         r"initiative|network)\b", sentence):
            return None
        earlier = [m for m in self.by_block[id(block)] if m.node.type == "Project" and m.end <= span[0]]
        return earlier[-1] if earlier else self._block_topic(block)

    # -- rules -----------------------------------------------------------------------------------
    def read(self) -> list[Edge]:
        for span, mentions in self.by_sentence.items():
            block = mentions[0].block
            self._part_of(span, mentions, block)
            self._located_in(span, mentions, block)
            self._supports(span, mentions, block)
            self._leads(span, mentions, block)
            self._collaborates(span, mentions, block)
            self._funds_implements(span, mentions, block)
        self._lead_in_implementers()
        self._lead_tables()
        return list(self.edges.values())

    def _part_of(self, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
        areas = {m.node.key for m in self._of(mentions, "Area")}
        for m in self._of(mentions, "Project"):
            key = block.area or (next(iter(areas)) if len(areas) == 1 else None)
            area = self._area_node(key)
            if area is not None:
                self._add(PartOf, m.node, area, block, span)

    def _located_in(self, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
        things = self._of(mentions, "Project", "Event")
        sentence = self.text[span[0]:span[1]]
        partners = not _FUND_CUE.search(sentence) and not re.search(r"\bsupport (?:from|of)\b", sentence)
        countries = [m for m in self._of(mentions, "Country") if not self._inside_other(m, mentions, partners)]
        for thing in things:  # a country in the thing's own name
            for c in countries:
                if thing.start <= c.start and c.end <= thing.end and self.text[c.start:c.end] in thing.node.name:
                    self._add(LocatedIn, thing.node, c.node, block, span)
        for event in self._of(things, "Event"):  # 'INC3 in Nairobi', '(Geneva, November 2019)', 'held in Rome'
            for c in countries:
                gap = self.text[event.end:c.start]
                if c.start >= event.end and len(gap) <= 70 and _EVENT_PLACE_GAP.fullmatch(gap) and not any(
                        event.end <= t.start < c.start for t in things):
                    self._add(LocatedIn, event.node, c.node, block, span)
        subjects = [t for t in things if not _AS_TIME.search(  # 'Since the sixth session, ... in Moscow': a time
            self.text[max(span[0], t.start - 24):t.start])]
        subject = subjects[0] if len({t.node.id for t in subjects}) == 1 else None
        if subject is None and not things and re.match(
                r"\s*(?:The|This|These)\s+(?:programme|project|initiative|Programme|Project|network)\b", sentence):
            subject = self._previous_titled(span[0], block)
        if subject is None and not things:
            subject = self._anaphor_topic(span, block) or self.item_topic.get(id(block))
        if subject is None:
            return
        for c in countries:
            if not (subject.start <= c.start and c.end <= subject.end):
                self._add(LocatedIn, subject.node, c.node, block, span)

    def _inside_other(self, country: Located, mentions: list[Located], partners: bool = False) -> bool:
        """A country inside an organisation's name ('Ministry of the Environment of Japan') is not a place of work;
        with ``partners`` (the sentence funds nothing), a government's country is: 'memorandum of understanding
        with the governments of Trinidad and Tobago (TTO), Antigua and Barbuda (ATG) ...'."""
        for m in mentions:
            if m.node.type == "Organization" and m.start <= country.start and country.end <= m.end:
                government = m.node.name.startswith(("Government of ", "Governments of "))
                return not (partners and government and not _FUNDER_VERB.match(self.text[m.end:m.end + 40].strip()))
        return False

    def _previous_titled(self, before: int, block: Block) -> Located | None:
        for m in reversed(self.located):
            if m.start < before and m.node.type in ("Project", "Event") and before - m.start < 1500:
                return m
        return None

    def _supports(self, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
        articles = self._of(mentions, "Article")
        if not articles:
            return
        things = [t for t in self._of(mentions, *TITLED) if not _GOVERNING_SESSION.search(t.node.name)]
        if not things:  # the paragraph's thing: the nearest project, publication or event before, same block
            things = [m for m in self.located if m.block is block and m.node.type in TITLED and m.start < span[0]
                      and not _GOVERNING_SESSION.search(m.node.name)][-1:]
        if not things:  # the titled item the block belongs to, else the one project of its lead-in
            topic = self.item_topic.get(id(block)) or self._block_topic(block)
            things = [topic] if topic is not None else []
        areas = {m.node.key for m in self._of(mentions, "Area")} or ({block.area} if block.area else set())
        if not areas:  # the one area the paragraph is about, named in an earlier sentence
            earlier = {m.node.key for m in self.by_block[id(block)] if m.node.type == "Area" and m.end <= span[0]}
            if not earlier and id(block) in self.previous:  # '31. ...' continuing '30. Mr. X presented the ... area'
                earlier = {m.node.key for m in self.by_block[id(self.previous[id(block)])] if m.node.type == "Area"}
            areas = earlier if len(earlier) == 1 else set()
        for a in articles:
            for t in things:
                self._add(Supports, t.node, a.node, block, span, basis="stated")
            for key in areas:
                area = self._area_node(key)
                if area is not None:
                    self._add(Supports, area, a.node, block, span, basis="stated")

    def _leads(self, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
        sentence = self.text[span[0]:span[1]]
        own = self.text[block.start:block.end]
        orgs = self._of(mentions, "Organization")
        areas = self._of(mentions, "Area")
        # a leads list: '**Mercury in products:** The Environmental Protection Agency of the United States'
        heading = re.match(r"[-\u2022*\s]*\*\*([^*]{3,90}?):?\*\*:?", own)
        if heading and block.kind == "bullet" and span[0] <= block.start + len(heading.group(0)) + 5:
            head_areas = [m for m in areas if m.start < block.start + heading.end()]
            for area in head_areas:
                for org in orgs:
                    if org.start > block.start + heading.end() - 2:
                        self._add(Leads, org.node, area.node, block, span, as_of=self.as_of)
            if head_areas:
                return
        # presentations by area leads: 'Ms. X (UNIDO) on Artisanal and Small-scale Gold Mining; ...'
        for segment in re.finditer(r"[^;]+", sentence):
            seg_start, seg_end = span[0] + segment.start(), span[0] + segment.end()
            on_area = re.search(r"\)\s+(?:on|for)\s+(?:the\s+)?[A-Z]", segment.group(0))
            seg_areas = [m for m in areas if seg_start <= m.start < seg_end and (
                on_area and m.start >= seg_start + on_area.start())]
            if on_area and seg_areas and re.search(r"\blead", self.text[max(0, span[0] - 600):span[1]], re.I):
                for org in orgs:
                    if seg_start <= org.start < seg_start + on_area.start() + 1:
                        self._add(Leads, org.node, seg_areas[0].node, block, span, as_of=self.as_of)
        if not _LEAD_WORDS.search(sentence):
            return
        target_keys = [m.node.key for m in areas] or ([block.area] if block.area else [])
        if not target_keys:
            return
        hand_over = _HAND_OVER.search(sentence)
        handed_at = None
        if hand_over:
            month = _MONTHS.get((hand_over.group("month") or "").lower(), 1)
            handed_at = dt.date(int(hand_over.group("year")), month, 1)
        for org in orgs:
            previous = hand_over and org.start >= span[0] + hand_over.end() - 1
            before_from = re.search(r"\bfrom\s+(?:the\s+)?$", self.text[max(span[0], org.start - 12):org.start])
            if before_from and not previous:
                continue
            area = self._area_node(target_keys[0])
            if area is None:
                continue
            if previous:
                self._add(Leads, org.node, area, block, span, end=handed_at)
            else:
                self._add(Leads, org.node, area, block, span, start=handed_at, as_of=self.as_of)

    def _lead_tables(self) -> None:
        """A table with a column of leads: each row's area is led by the organisations in that column."""
        for table in (b for b in self.doc.walk() if b.kind == "table"):
            header = table.children[0] if table.children else None
            if header is None:
                continue
            cells = [c for c in header.children if c.kind == "cell"]
            lead_columns = {i + 1 for i, c in enumerate(cells) if re.search(r"\blead", self.text[c.start:c.end], re.I)}
            if not lead_columns:
                continue
            for row in table.children[1:]:
                area = self._area_node(row.area)
                if area is None:
                    continue
                for column in sorted(lead_columns):
                    self._lead_cells(area, [c for c in row.children if re.search(rf"cell {column}\b", c.locator)])

    def _lead_cells(self, area: Node, cells: list[Block]) -> None:
        """The leads in one table cell (its items in order): 'Governments of Spain and Uruguay took over in
        November' / '2011 from the Mercury Policy Project.' -> Spain and Uruguay from 2011-11, the Mercury
        Policy Project until then."""
        joined = " ".join(self.text[c.start:c.end] for c in cells)
        took_over = _HAND_OVER.search(joined)
        when = None
        if took_over:
            when = dt.date(int(took_over.group("year")), _MONTHS.get((took_over.group("month") or "").lower(), 1), 1)
        handed_from: int | None = None  # absolute offset after which the names are the previous leads
        if took_over:
            seen_over = False
            for c in cells:
                text = self.text[c.start:c.end]
                over = re.search(r"took over", text, re.IGNORECASE)
                seen_over = seen_over or bool(over)
                origin = re.search(r"\bfrom\s+(?:the\s+)?", text[over.end():] if over else text)
                if seen_over and origin:
                    handed_from = c.start + (over.end() if over else 0) + origin.start()
                    break
        for c in cells:
            for m in self.located:
                if m.node.type == "Organization" and c.start <= m.start < c.end:
                    if handed_from is not None and m.start >= handed_from:
                        self._add(Leads, m.node, area, c, (c.start, c.end), end=when)
                    else:
                        self._add(Leads, m.node, area, c, (c.start, c.end), start=when, as_of=self.as_of)

    def _collaborates(self, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
        sentence = self.text[span[0]:span[1]]
        if not _JOINT.search(sentence):
            return
        keys = list(dict.fromkeys(m.node.key for m in self._of(mentions, "Area")))
        if len(keys) == 1 and block.area and block.area != keys[0]:
            keys = [block.area, keys[0]]
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                first, second = self._area_node(a), self._area_node(b)
                if first is not None and second is not None:
                    self._add(CollaboratesWith, first, second, block, span)

    def _chain(self, orgs: list[Located], at: int) -> list[Located]:
        """The organisations listed from ``at``: 'X, Y and the Z' (acronyms in brackets allowed)."""
        chain: list[Located] = []
        joins: list[str] = []
        pos = at
        for org in sorted(orgs, key=lambda m: m.start):
            if org.start < pos:
                continue
            gap = self.text[pos:org.start]
            if chain and not re.fullmatch(r"\s*(?:\([A-Za-z]{2,10}\))?\s*(?:,|and|,\s*and|/|\u2013|-)\s*(?:the\s+)?", gap):
                break
            if not chain and not re.fullmatch(r"\s*(?:the\s+)?(?:Governments? of\s+(?:the\s+)?)?", gap):
                break
            chain.append(org)
            joins.append(gap)
            pos = org.end
        if len(chain) > 1 and re.fullmatch(r"\s*(?:\([A-Za-z]{2,10}\))?\s*,\s*(?:the\s+)?", joins[-1]):
            chain.pop()  # 'with funding from the USDoS, the AGC continued': a list ends in 'and X' or 'X/Y'
        return chain

    def _funds_implements(self, span: tuple[int, int], mentions: list[Located], block: Block) -> None:
        sentence = self.text[span[0]:span[1]]
        orgs = self._of(mentions, "Organization")
        things = _outermost(self._of(mentions, "Project", "Event"))  # 'planetGOLD Guyana', not its 'planetGOLD'
        money = bool(re.search(r"\b(?:fund\w*|financ\w*|expenditure|grant\w*|contribut\w*)|\$|\bUSD\b|\bEUR\b", sentence))
        funders: list[Located] = []
        for cue in _FUND_CUE.finditer(sentence):
            funders += self._chain(orgs, span[0] + cue.end())
        if money:
            for org in orgs:
                if _FUNDER_VERB.match(self.text[org.end:org.end + 40].strip()) and org not in funders:
                    funders.append(org)
        adjective = [o for o in orgs if _FUNDED_ADJECTIVE.match(self.text[o.end:o.end + 14])]  # 'EU-funded project'
        funders += [o for o in adjective if o not in funders]
        funder_ids = {f.node.id for f in funders}
        amount = parse_amount(sentence) if funders else None
        if funders:
            for cue_funders in self._funder_groups(sentence, span, orgs):
                targets = self._nearest_things(things, cue_funders[0].start, span) or self._of(mentions, "Area")
                if not targets:  # 'The project is funded by ...'
                    topic = self._anaphor_topic(span, block)
                    targets = [topic] if topic is not None else []
                if not targets:  # 'Based on funding from WWF/FFEM, ARM started ...': the organisation funded
                    after = cue_funders[-1].end
                    targets = [o for o in orgs if o.node.id not in funder_ids and o.start > after and re.fullmatch(
                        r"\s*(?:\([^)]{1,20}\))?\s*,\s*(?:the\s+)?", self.text[after:o.start])][:1]
                if not targets:  # 'activities carried out by the interim secretariat ... support provided by X'
                    targets = [o for o in orgs if o.node.id not in funder_ids and re.search(
                        r"\b(?:carried out|implemented|executed|undertaken|conducted) by\s+(?:the\s+)?$",
                        self.text[max(span[0], o.start - 40):o.start])][:1]
                for funder in cue_funders:
                    for target in targets:
                        if target.node.id != funder.node.id:
                            single = amount is not None and len(funder_ids) == 1
                            self._add(Funds, funder.node, target.node, block, span,
                                      amount=amount[0] if single else None, currency=amount[1] if single else None)
        for org in orgs:  # "Pact's Mines to Market programme"
            owned = re.match(r"(?:'s|\u2019s)\s+", self.text[org.end:org.end + 4])
            for t in things:
                if owned and t.start == org.end + owned.end() and t.node.type == "Project":
                    self._add(Implements, org.node, t.node, block, span)
        for cue in _IMPLEMENT_CUE.finditer(sentence):
            at = span[0] + cue.end()
            for target in self._nearest_things(things, at, span):
                for org in self._chain(orgs, at):
                    if org.node.id not in funder_ids:
                        self._add(Implements, org.node, target.node, block, span)
        for verb in _IMPLEMENTER_VERB.finditer(sentence):
            at = span[0] + verb.start()
            before = [o for o in orgs if o.end <= at and at - o.end <= 3]
            if not before:
                continue
            last = before[-1]  # 'UNEP, UNIDO and NRDC launched': everyone in the list before the verb
            listed = [o for o in orgs if o.end <= last.end and self._chain(orgs, o.start)[-1:] == [last]] or [last]
            after = [t for t in things if t.start >= at and not re.search(r"[;]", self.text[at:t.start])]
            targets = after[:1] or (things if len({t.node.id for t in things}) == 1 else [])
            if not targets and not things:
                topic = self._anaphor_topic(span, block) or self._block_topic(block)
                targets = [topic] if topic is not None else []
            for org in listed:
                for target in targets:
                    if org.node.id not in funder_ids:
                        self._add(Implements, org.node, target.node, block, span)

    def _lead_in_implementers(self) -> None:
        """The organisations a lead-in names implement the projects of the blocks it introduces."""
        for block in self.doc.walk():
            lead = self.lead_in.get(id(block))
            if lead is None:
                continue
            orgs = self._lead_orgs(lead)
            for m in self.by_block[id(block)]:
                if m.node.type != "Project":
                    continue
                span = self.sentence_of[id(m)]
                for org in orgs:
                    self._add(Implements, org.node, m.node, lead, (lead.start, lead.end))
                    self._add(Implements, org.node, m.node, block, span)

    def _funder_groups(self, sentence: str, span: tuple[int, int], orgs: list[Located]) -> list[list[Located]]:
        groups = []
        for cue in _FUND_CUE.finditer(sentence):
            chain = self._chain(orgs, span[0] + cue.end())
            if chain:
                groups.append(chain)
        for org in orgs:
            if _FUNDER_VERB.match(self.text[org.end:org.end + 40].strip()) and not any(org in g for g in groups):
                groups.append([org])
            elif _FUNDED_ADJECTIVE.match(self.text[org.end:org.end + 14]) and not any(org in g for g in groups):
                groups.append([org])
        return groups

    def _nearest_things(self, things: list[Located], at: int, span: tuple[int, int]) -> list[Located]:
        """The project or event a cue at ``at`` is about: the only one, else the nearest in its clause."""
        if len({t.node.id for t in things}) == 1:
            return things[:1]
        clause_start = max(self.text.rfind(";", span[0], at), span[0])
        clause_end = self.text.find(";", at, span[1])
        clause_end = span[1] if clause_end < 0 else clause_end
        inside = [t for t in things if clause_start <= t.start < clause_end]
        if not inside:
            return []
        return [min(inside, key=lambda t: abs(t.start - at))]
