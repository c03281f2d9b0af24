"""What every relation family reads: the mentions of each sentence and block, and the document's structure
around them (lead-ins, titled list items, the area a block sits under).

Built once per document, after the entity components, as ``ann.sentences``.

* **sentences** - every located mention is filed under its sentence and its block;
* **lead-ins** - each bullet or short paragraph maps to the block ending in ':' that introduces it ('GEF
  planetGOLD programme:', 'Diálogos has several ongoing projects ..., including:');
* **item topics** - each block maps to the titled item it belongs to: the item itself, the items and
  paragraphs nested under a labelled item, and the plain items and paragraphs after a bold-labelled one,
  up to the next heading or lead-in;
* **chains** - the organisations listed from a point: 'X, Y and the Z'.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property
from itertools import islice

from loaders.annotated import Annotated, Located
from loaders.entities.doc_title import is_breadcrumb, is_sheet_label, page_kicker, repeats_last_crumb
from loaders.entities.naming import EVENT_HEADS
from loaders.locate import sentence_span
from loaders.spans import Spans, line_spans
from schema import Area, Block, Node
from schema.reference import area_by_key

TITLED = ("Project", "Publication", "Event")
Span = tuple[int, int]

# what may precede an item's own label: the bullet, bold markers, a code ('GEF 10472:')
_BULLET = r"\s*(?:[-\u2022*](?![*])\s*)?"
_ITEM_LABEL = re.compile(_BULLET + r"(?:\d{1,2}[.)]\s+|[a-z]\)\s+)?(?P<bold>\*\*|__)?\s*(?:[A-Z][A-Za-z]*[- ]?\d+\s*:\s*)?")
_LABEL_END = re.compile(r"\s*(?:\((?:[^()\n]|\([^()\n]*\)){1,100}\)\s*)?(?:[a-z]+\s*)?(?:\*\*|__)?\s*[:.](?:\*\*|__)?(?:\s|$)")
_BOLD_LABEL = re.compile(_BULLET + r"(?:\*\*|__)[^*_\n]{3,300}(?:\*\*|__)")
IMPLEMENT_CUE = re.compile(r"\b(?:implemented|executed|led|carried out|conducted|run|managed|overseen|initiated|launched|"
                            r"coordinated|supervised|administered)\s+(?:[a-z]+ly\s+|in\s+\d{4},?\s+)?by\s+"
                            r"(?:a\s+team\s+(?:from|of|at)\s+)?(?:the\s+)?|"
                            r"\b(?:an? )?projects? of\s+(?:the\s+)?|"
                            r"\b(?:in partnership with|together with|in collaboration with|in (?:close )?cooperation with|a partnership with|"
                            r"work(?:s|ing)? with(?:\s+(?:a|an|its|two|three|four|five|six|several)\s+(?:[a-z]+\s+)?"
                            r"(?:counterparts?|partners?):)?|"
                            r"(?:through|via) its|"
                            r"runs [^,.;]{0,60}? with|carried out with|"
                            r"(?:technical|laboratory|scientific) (?:support|assistance|advice) from|"
                            r"(?:implement(?:s|ed|ing)?|execute[sd]?)(?: the project)? with)\s+"
                            r"(?:the\s+)?|"  # a project page's 'a group of Bolivian partners which includes: ...'
                            r"\b(?:partners|members|partner\s+(?:laboratories|institutions|organi[sz]ations))"
                            r"(?:\s+in\s+the\s+(?:project|programme))?,?\s+(?:which\s+|that\s+)?"
                            r"(?:includes?|including|are|comprise)\s*:?\s+"
                            r"(?:the\s+)?", re.IGNORECASE)
_ANAPHOR = re.compile(r"(?:^|,\s*)[Ii]t\b|\b[Tt]he (?:expanded |same |global |new |[A-Z][\w.]*[ -]funded )?"
                      r"(?:[Pp]rogramme|[Pp]roject|projects|[Pp]rogram|initiative|network|campaign)\b|"
                      r"\b(?:[Tt]he|[Tt]his) [Ee]nabling [Aa]ctivity\b")


def the_meeting(sentence: str) -> bool:
    """Whether a sentence opens with 'The' or 'This' and a meeting's head word, one meeting ('The workshop will be
    held ...'; 'The meetings' may be several).

    >>> the_meeting("The workshop will be held in Barcelona"), the_meeting("The meetings are funded by Germany")
    (True, False)
    """
    words = sentence.split()[:2]
    return (len(words) == 2 and words[0] in ("The", "This") and words[1].capitalize() in EVENT_HEADS
            and not words[1].endswith("s"))


# before a listed body: 'the', a possessive ("Uganda's National Environment Management Authority and the country's
# Directorate of Geological Survey and Mines")
_DETERMINER = (r"(?:the\s+)?(?:(?:[Cc]ountry|[A-Z][\w\-]*)['\u2019]s\s+)?"  # 'and the local NGO Green Health Nepal'
               r"(?:(?:local|national|regional|community|grassroots)\s+(?:NGO|non-profit|charity|company|firm)\s+)?")


def outermost(mentions: list[Located]) -> list[Located]:
    """The mentions not inside a longer one ('planetGOLD Guyana', not the 'planetGOLD' in it)."""
    spans = Spans((m.start, m.end) for m in mentions)  # a bisect index: a block's mentions, not their square
    return [m for m in mentions if not any(a <= m.start and m.end <= b and b - a > m.end - m.start
                                           for a, b in spans.overlapping(m.start, m.end))]


def of_type(mentions: list[Located], *types: str) -> list[Located]:
    return [m for m in mentions if m.node.type in types]


# 'the (current) project', 'this Enabling Activity'
THE_PROJECT = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?:current\s+|new\s+)?(?:project|[Ee]nabling [Aa]ctivity)\b(?!s)")


class Sentences:
    """The located mentions of one document, by sentence and block, with the structure around them."""

    def __init__(self, ann: Annotated) -> None:
        self.ann = ann
        self.doc = ann.doc
        self.text = ann.text
        self.located = sorted(ann.located, key=lambda m: m.start)
        self.by_sentence: dict[Span, list[Located]] = defaultdict(list)
        self.sentence_of: dict[int, Span] = {}
        self.by_block: dict[int, list[Located]] = defaultdict(list)
        for m in self.located:
            span = sentence_span(self.text, m.block, m.start, m.end, clip=False)
            self.by_sentence[span].append(m)
            self.sentence_of[id(m)] = span
            self.by_block[id(m.block)].append(m)
        self.lead_in = self._lead_ins()
        self.item_topic = self._item_topics()
        self.heading_topic = self._heading_topics()
        self.topic = self._document_topic()
        self.area, self.area_titled = self._document_area()
        paragraphs = [b for b in self.doc.walk() if b.kind == "paragraph"]
        self.previous = {id(b): a for a, b in zip(paragraphs, paragraphs[1:], strict=False) if a.section == b.section}
        self.following = {id(a): b for a, b in zip(paragraphs, paragraphs[1:], strict=False) if a.section == b.section}

    def items(self) -> list[tuple[Span, list[Located], Block]]:
        """Every sentence with mentions: (span, its mentions in text order, its block)."""
        return [(span, mentions, mentions[0].block) for span, mentions in self.by_sentence.items()]

    def sentence(self, span: Span) -> str:
        return self.text[span[0]:span[1]]

    def area_node(self, key: str | None) -> Node | None:
        """The document's node of area ``key`` (a fresh one if the document never names it)."""
        if key is None:
            return None
        for m in self.located:
            if m.node.type == "Area" and m.node.key == key:
                return m.node
        return Area(id=f"area:{key}", key=key, name=area_by_key()[key].name)

    def places_of(self, span: Span, source: str, target: str) -> tuple[str, ...]:
        """The countries named in the clause of ``span`` that holds the edge's source (else its target):
        'the Artisanal Gold Council is executing the planetGOLD projects in Burkina Faso, Mongolia and the
        Philippines; Conservation International is executing planetGOLD Guyana, and UNDP is carrying out the
        projects in Colombia, ...' gives each implementer its own countries."""
        from loaders.relations.modality import COORDINATION, clause_around

        inside = self.by_sentence.get(span)
        if inside is None:
            inside = [m for m in self.located if span[0] <= m.start < span[1]]
        sentence = self.sentence(span)
        ends = [m for m in inside if m.node.id == source] or [m for m in inside if m.node.id == target]
        if ends:
            a, b = clause_around(sentence, min(m.start for m in ends) - span[0], COORDINATION)
        else:
            a, b = 0, len(sentence)
        names = [(m.start, m.end) for m in inside if m.node.type == "Organization"]
        countries = [m.node.id for m in inside if m.node.type == "Country" and span[0] + a <= m.start < span[0] + b
                     and not any(x <= m.start < y for x, y in names)]  # not 'US' in 'US Department of State'
        return tuple(dict.fromkeys(countries))

    # -- structure ---------------------------------------------------------------------------------
    def _lead_ins(self) -> dict[int, Block]:
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

    def opening_title(self, block: Block) -> tuple[Located, bool] | None:
        """The project, publication or event a list item or paragraph is labelled with, and whether the label is
        bold: '- **Report on the Harmonized ... System:** COP-3 ...', '- GEF 10472: Implementing ... Project. ...'."""
        own = self.text[block.start:block.end]
        opening = _ITEM_LABEL.match(own)
        at = block.start + (opening.end() if opening else 0)
        titled = outermost([m for m in self.by_block[id(block)] if m.node.type in TITLED])
        first = next((m for m in titled if m.start == at), None)
        if first is None or not _LABEL_END.match(self.text, first.end):
            return None
        return first, bool(opening and opening.group("bold"))

    def _item_topics(self) -> dict[int, Located]:
        topics: dict[int, Located] = {}
        open_items: list[tuple[int, Located, bool]] = []  # (level, topic, bold)
        for block in self.doc.walk():
            if block.kind == "heading":
                open_items = []
                continue
            if block.kind not in ("paragraph", "bullet"):
                continue
            level = block.level if block.kind == "bullet" else 0
            label = self.opening_title(block)
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

    def _heading_topics(self) -> dict[int, Located]:
        """Each block -> the project, publication or event its heading names ('Mercury Inventory Pilot Project'
        over the paragraphs that describe it), up to the next heading."""
        topics: dict[int, Located] = {}
        current: Located | None = None
        for block in self.doc.walk():
            if block.kind == "heading":
                current = self._naming(block)
                continue
            if current is not None and block.kind in ("paragraph", "bullet"):
                topics[id(block)] = current
        return topics

    def _naming(self, block: Block, end: int | None = None) -> Located | None:
        """The titled thing a short block (or its text up to ``end``) is nothing but the name of ('The Global
        Mercury Observation System (GMOS)', 'About GMOS', 'GEF GOLD: Contribution Towards ...')."""
        end = block.end if end is None else end
        own = self.text[block.start:end].strip(" *#_:\n")
        if not own or len(own) > 300:
            return None
        titled = outermost([m for m in self.by_block[id(block)] if m.node.type in TITLED and m.end <= end])
        if not titled:
            return None
        best = max(titled, key=lambda m: m.end - m.start)
        rest = re.sub(r"\s*\([^()]{1,20}\)", "", self.text[block.start:best.start] + self.text[best.end:end])
        rest = re.sub(r"^\W*(?:About|The|Welcome to|[A-Z]{2,}[\w ]{0,12}:)\s*|\W+$", "", rest.strip())
        return best if len(rest) <= 0.25 * len(own) else None

    def _document_topic(self) -> Located | None:
        """The thing the whole document is about: the one its title (the first block, after a web page's breadcrumb
        trail) names."""
        blocks = list(islice((b for b in self.doc.walk() if b.kind in ("heading", "paragraph")), 2))
        if len(blocks) == 2 and (is_breadcrumb(self.text[blocks[0].start:blocks[0].end])
                                 or is_sheet_label(self.text[blocks[0].start:blocks[0].end])
                                 or page_kicker(self.text, blocks[0].start) is not None
                                 or repeats_last_crumb(self.text[blocks[0].start:blocks[0].end],
                                                       self.text[blocks[1].start:blocks[1].end])):
            blocks = blocks[1:]
        first = blocks[0] if blocks else None
        if first is None:
            return None
        line_end = self.text.find("\n", first.start, first.end)  # a page's title line run into the text under it
        return self._naming(first) or (self._naming(first, line_end) if line_end > first.start else None)

    def _document_area(self) -> tuple[str | None, bool]:
        """The partnership area the whole document is about, and whether its breadcrumb or title says so ('You
        are here: Mercury > Global Mercury Partnership > Air Transport and Fate Research > Activities'); else
        the only area it names at all."""
        blocks = list(islice((b for b in self.doc.walk() if b.kind in ("heading", "paragraph")), 2))
        for block in blocks:
            own = self.text[block.start:block.end]
            if len(own) > 300:
                continue
            keys = {m.node.key for m in self.by_block[id(block)] if m.node.type == "Area"}
            if len(keys) == 1 and (block.kind == "heading" or "you are here" in own.lower()
                                   or is_breadcrumb(own.split("\n", 1)[0])):
                return next(iter(keys)), True
        keys = {m.node.key for m in self.located if m.node.type == "Area"}
        return (next(iter(keys)) if len(keys) == 1 else None), False

    def topic_of(self, block: Block) -> Located | None:
        """What a block is about when its sentences name nothing: its titled item, the project its lead-in names,
        its heading's thing, else the document's."""
        return (self.item_topic.get(id(block)) or self.block_topic(block) or self.heading_topic.get(id(block))
                or self.topic)

    def block_topic(self, block: Block) -> Located | None:
        """The one project a lead-in block names, for the blocks it introduces."""
        lead = self.lead_in.get(id(block))
        if lead is None:
            return None
        projects = outermost([m for m in self.by_block[id(lead)] if m.node.type == "Project"])
        return projects[0] if len({m.node.id for m in projects}) == 1 else None

    def lead_orgs(self, lead: Block) -> list[Located]:
        """Who a lead-in says does the work: 'activities led by CNR', 'Diálogos has several projects'. Only the
        sentence that introduces the items counts: in 'Webinars to support sharing ...: the Partnership continued
        to roll out a series of webinars ... through an online survey conducted by the Secretariat of the
        Partnership in April 2020. The following events have been organized ...:' the Secretariat did a survey,
        not the events."""
        mentions = self.by_block[id(lead)]
        orgs = [m for m in mentions if m.node.type == "Organization"]
        found: list[Located] = []
        colon = self.text.rfind(":", lead.start, lead.end)
        last = sentence_span(self.text, lead, colon, colon + 1, clip=False)[0] if colon > lead.start else lead.start
        for cue in IMPLEMENT_CUE.finditer(self.text, last, lead.end):
            found += self.chain(orgs, cue.end())
        own = self.text[lead.start:lead.end]
        opening = re.match(r"[-\u2022*\s]*(?:[Tt]he\s+)?", own)
        at = lead.start + (opening.end() if opening else 0)
        first = [o for o in orgs if o.start == at]
        if first and re.match(r"(?:\s*\([^)]{1,20}\))?\s*(?:'s|\u2019s|has|have|is|are|implemented|worked|carried|"
                              r"conducted|undertook|continued|began)\b", self.text[first[0].end:first[0].end + 40]):
            found += first
        return found

    def anaphor_topic(self, span: Span, block: Block) -> Located | None:
        """What 'it', 'the programme' or 'the projects' stands for: the last project named earlier in the
        block, else the block's lead-in project."""
        said = [m.group(0).strip(" ,").lower() for m in _ANAPHOR.finditer(self.sentence(span))]
        if not said:
            return None
        # 'It' after a sentence that opens 'The project' is that project ('The project is one of the country
        # projects of the planetGOLD programme ... . It is implemented by UNDP')
        after_the_project = re.search(r"(?:^|[.!?]\s+)(The (?:project|programme)\b)[^.!?]*[.!?]\s*$",
                                      self.text[block.start:span[0]])
        if after_the_project and set(said) == {"it"}:
            before = self.block_topic(block) or self.headline_thing("Project") or self.previous_titled(
                block.start + after_the_project.start(1))
            if before is not None and before.node.type == "Project":
                return before
        earlier = [m for m in self.by_block[id(block)] if m.node.type == "Project" and m.end <= span[0]]
        if earlier and set(said) == {"it"} and (subject := self._subject_before(span, block)) is not None:
            return subject  # 'The planetGOLD Kenya project is part of the ... planetGOLD programme. It is ...'
        if earlier:
            return self.last_named(earlier)
        # 'the project' (not 'it', which may be a body) of a news item whose headline names one project
        topic = self.block_topic(block) or (self.headline_thing("Project") if set(said) - {"it"} else None)
        if topic is None and self.text[block.start:span[0]].lstrip().startswith(("The project", "The programme")):
            before = self.previous_titled(block.start)  # a paragraph about 'the project' the one before named
            topic = before if before is not None and before.node.type == "Project" else None
        return topic

    def named_next(self, span: Span, block: Block) -> Located | None:
        """The one project the next sentence of the block names, where it opens 'The project' ('... launched a
        five-year project to ... . The project, "Mercury-Free Mining ...", is financed by ...'), or the first of the
        next paragraph does."""
        after = [m for m in self.by_block[id(block)] if m.start >= span[1] and m.node.type == "Project"]
        following = self.following.get(id(block))
        if not after and following is not None:
            after = [m for m in self.by_block[id(following)] if m.node.type == "Project"]
            span = (following.start, following.start)
        if not after:
            return None
        nxt = self.sentence_of[id(after[0])]
        named = outermost([m for m in after if self.sentence_of[id(m)] == nxt])
        if len({m.node.id for m in named}) == 1 and re.match(r"\s*The (?:new )?(?:project|programme)\b",
                                                            self.text[nxt[0]:nxt[1]]) \
                and not re.search(r"[.!?]\s", self.text[span[1]:nxt[0]]):
            return named[0]
        return None

    def _subject_before(self, span: Span, block: Block) -> Located | None:
        """The project that opens the sentence before ``span`` in its block, as its subject."""
        before = [m for m in self.by_block[id(block)] if m.end <= span[0]]
        if not before:
            return None
        last = self.sentence_of[id(before[-1])]
        opening = min((m for m in before if self.sentence_of[id(m)] == last), key=lambda m: m.start)
        if opening.node.type == "Project" and re.fullmatch(r"\s*(?:[Tt]he\s+)?", self.text[last[0]:opening.start]):
            return opening
        return None

    def anaphor_topics(self, span: Span, block: Block) -> list[Located]:
        """What 'the projects' or 'these projects' stands for: the projects the sentence before it names ('IMPACT
        is an implementing partner for the planetGOLD Uganda and planetGOLD Côte d'Ivoire projects. The projects
        are ... led by the UN Environment Programme'); else what :meth:`anaphor_topic` says, if anything."""
        if re.search(r"\b(?:[Tt]he|[Tt]hese|[Bb]oth) projects\b", self.sentence(span)):
            before = [m for m in self.by_block[id(block)] if m.end <= span[0]]
            if before:
                last = self.sentence_of[id(before[-1])]
                named = outermost([m for m in before if self.sentence_of[id(m)] == last and m.node.type == "Project"])
                if len({m.node.id for m in named}) >= 2:
                    return list({m.node.id: m for m in named}.values())
        topic = self.anaphor_topic(span, block)
        return [topic] if topic is not None else []

    def headline_thing(self, node_type: str) -> Located | None:
        """The one project (or event) a document's first line names ('planetGOLD Mongolia Shares Project Successes
        ...'): what 'the project' ('the workshop') of a news item stands for where its paragraph names none."""
        first = next((b for b in self.doc.walk() if b.kind in ("heading", "paragraph")), None)
        if first is None:
            return None
        things = outermost([m for m in self.by_block[id(first)] if m.node.type == node_type])
        return things[0] if len({m.node.id for m in things}) == 1 else None

    def country_project(self, span: Span) -> Located | None:
        """What "the project" stands for in a paragraph that names no project but a country, where one project
        of the document carries that country's name ("The Kyrgyz Republic has renewed momentum. ... Norway
        granted ... to the project": the Kyrgyz Republic Mercury Mining Phase Out Project); else None. The
        paragraph (between blank lines) may name at most two countries; the sentence says "the project" or
        names a sum ("the GEF approved a medium size proposal of $1 million")."""
        from loaders.relations.amounts import parse_amount

        if not THE_PROJECT.search(self.sentence(span)) and parse_amount(self.sentence(span)) is None:
            return None
        first = self.text.rfind("\n\n", 0, span[0]) + 1
        last = self.text.find("\n\n", span[1])
        last = len(self.text) if last < 0 else last
        named = [m for m in self.located if first <= m.start < last]
        if any(m.node.type in ("Project", "Event") for m in named):
            return None
        countries = {n for m in named if m.node.type == "Country"
                     for n in (self.text[m.start:m.end], m.node.name) if len(n) > 3}
        if not countries or len({m.node.id for m in named if m.node.type == "Country"}) > 2:
            return None
        found: dict[str, Located] = {}
        for m in self.located:
            if m.node.type == "Project" and any(re.search(rf"\b{re.escape(c)}\b", m.node.name) for c in countries):
                found.setdefault(m.node.id, m)
        return next(iter(found.values())) if len(found) == 1 else None

    def the_event(self, span: Span, block: Block) -> Located | None:
        """What a sentence's 'The workshop' ('This conference') stands for: the event its heading names, else the
        one event the document's first line names ('The workshop was organized by X with financial support from
        the Government of Japan', on the workshop's page), else the event named last before it ('... met in Mexico
        City for the Latin American Regional Forum on ... The Forum was made possible by ...')."""
        if not the_meeting(self.sentence(span)):
            return None
        heading = self.heading_topic.get(id(block))
        if heading is not None and heading.node.type == "Event":
            return heading
        before = self.previous_titled(span[0])
        return self.headline_thing("Event") or (before if before is not None and before.node.type == "Event" else None)

    @cached_property
    def where_we_work(self) -> list[tuple[Located, list[Located], Block, Span]]:
        """The lines of a project's or campaign's 'Where we work' section that label a body with its country
        ('Nigeria: Green Horizon Initiative'): each line's country, its bodies, its block and its span (read once,
        for LOCATED_IN and IMPLEMENTS)."""
        topic = self.topic
        if topic is None or topic.node.type != "Project":
            return []
        found, under = [], False
        for block in self.doc.walk():
            own = self.text[block.start:block.end].strip()
            lines = []
            for start, end in line_spans(self.text, block.start, block.end) if under else []:
                label, colon, _ = self.text[start:end].partition(": ")
                mentions = [m for m in self.by_block.get(id(block), []) if start <= m.start < end]
                country = next((m for m in mentions if m.node.type == "Country" and m.start == start and
                                m.end - start == len(label)), None)
                if colon and country is not None:
                    orgs = [m for m in mentions if m.node.type == "Organization" and m.start > start + len(label)]
                    lines.append((country, orgs, block, (start, end)))
            found += lines
            if block.kind == "heading" and not lines:  # (each short line may be read as a heading of its own)
                under = own.lower().rstrip(":") in _WHERE_WE_WORK
        return found

    def opens_with_person(self, block: Block) -> bool:
        """Whether a block opens with a person's name, past an honorific ('Prof. '): a listed person's line."""
        mentions = sorted(self.by_block.get(id(block), []), key=lambda m: m.start)
        return bool(mentions) and mentions[0].node.type == "Person" and mentions[0].start - block.start <= 6

    def the_project(self, span: Span) -> Located | None:
        """What a sentence's 'the project' stands for where its block names none: the project named last in the
        1,500 characters before it ('The current project work is funded by X', paragraphs after the project's
        heading), else the one project the whole document names ('The project here is funded by the GEF and is
        supervised by UNDP', the last paragraph of a news item on one project)."""
        if not THE_PROJECT.search(self.sentence(span)):
            return None
        called = [m for m in self.located if m.node.type == "Project" and m.start < span[0] and span[0] - m.start < 1500
                  and (self.text[m.end:m.end + 9].split()[:1] in (["project"], ["project,"], ["project."]) or
                       self.text[m.start:m.end].endswith(" project"))]
        if "the project" in self.sentence(span).lower() and called:
            return called[-1]  # 'has led the Mercury-Free Hospitals Asia project ... . The project contributes to'
        before = self.previous_titled(span[0])
        if before is not None and before.node.type == "Project":
            return before
        projects = outermost([m for m in self.located if m.node.type == "Project"])
        return projects[0] if len({m.node.id for m in projects}) == 1 else None

    def previous_titled(self, before: int) -> Located | None:
        """The last project or event named in the 1,500 characters before ``before``; not a programme named as
        what that one is part of ('... Oro Sin Mercurio Honduras, a country project of the planetGOLD
        programme. The project is financed by ...' is Oro Sin Mercurio Honduras)."""
        earlier = [m for m in self.located if m.start < before and m.node.type in ("Project", "Event")
                   and before - m.start < 1500]
        return self.last_named(earlier) if earlier else None

    def last_named(self, earlier: list[Located]) -> Located:
        """Of the things named before a reference to one ('the project', 'it'), in text order, the one it stands
        for: the last, unless that is the programme its sentence names as what an earlier project is part of
        ('Oro Sin Mercurio Honduras, a country project of the planetGOLD programme'), or the programme named right
        after 'project of' ('X ... . It is a child project of the planetGOLD programme. The project is implemented
        by UNIDO' is X)."""
        last = earlier[-1]
        whole = [m for m in earlier[:-1] if self.sentence_of.get(id(m)) == self.sentence_of.get(id(last))
                 and m.node.type == "Project" and m.node.id != last.node.id]
        if whole and "of" in self.text[max(0, last.start - 40):last.start].split()[-3:]:
            return whole[-1]  # ('X is part of the GEF-funded planetGOLD programme. ... the project is ...': X)
        if self.text[max(0, last.start - 24):last.start].rstrip().endswith(("project of the", "project of")):
            others = [m for m in earlier if m.node.type == "Project" and m.node.id != last.node.id]
            return others[-1] if others else last
        return last

    def chain(self, orgs: list[Located], at: int) -> list[Located]:
        """The organisations listed from ``at``: 'X, Y and the Z' (acronyms in brackets allowed)."""
        chain: list[Located] = []
        joins: list[str] = []
        pos = at
        for org in sorted(orgs, key=lambda m: m.start):
            if org.start < pos:
                continue
            gap = self.text[pos:org.start]
            if chain and org.node.id == chain[-1].node.id and re.fullmatch(r"\s*\(\s*", gap):
                close = self.text.find(")", org.end)
                pos = close + 1 if 0 <= close - org.end <= 2 else org.end  # 'UN Environment (UNEP)': one body
                continue
            if chain and not re.fullmatch(r"\s*(?:\([A-Za-z]{2,10}\))?\s*(?:,|and|,\s*and|/|\u2013|-)\s*"
                                          + _DETERMINER, gap):
                break
            if not chain and not re.fullmatch(r"\s*" + _DETERMINER + r"(?:Governments? of\s+(?:the\s+)?)?", gap):
                break
            chain.append(org)
            joins.append(gap)
            pos = org.end
        if len(chain) > 1 and re.fullmatch(r"\s*(?:\([A-Za-z]{2,10}\))?\s*,\s*(?:the\s+)?", joins[-1]):
            chain.pop()  # 'with funding from the USDoS, the AGC continued': a list ends in 'and X' or 'X/Y'
        return chain

    def nearest_things(self, things: list[Located], at: int, span: Span) -> list[Located]:
        """The project or event a cue at ``at`` is about: the only one, else the nearest in its clause."""
        if len({t.node.id for t in things}) == 1:
            return things[:1]
        clause_start = max(self.text.rfind(";", span[0], at), span[0])
        clause_end = self.text.find(";", at, span[1])
        clause_end = span[1] if clause_end < 0 else clause_end
        inside = sorted((t for t in things if clause_start <= t.start < clause_end), key=lambda t: t.start)
        line_start, line_end = self.text.rfind("\n", 0, at) + 1, self.text.find("\n", at)
        on_line = [t for t in inside if line_start <= t.start and (line_end < 0 or t.end <= line_end)]
        inside = on_line if on_line and len(on_line) < len(inside) and "\n" in self.text[span[0]:span[1]] else inside
        # a list's lines run into one sentence keep their own things ('Jordan: X, executed by A (US$ ...)\nSri ...')
        if not inside:
            return []
        i = j = inside.index(min(inside, key=lambda t: abs(t.start - at)))
        while i > 0 and self._listed(inside[i - 1], inside[i]):  # 'the planetGOLD Peru and GIRH-TDPS projects, ...
            i -= 1                                                 # implemented by': both
        while j + 1 < len(inside) and self._listed(inside[j], inside[j + 1]):
            j += 1
        return inside[i:j + 1]

    def _listed(self, a: Located, b: Located) -> bool:
        """Are two mentions next items of one list ('A and B', 'A, B')?"""
        return self.text[a.end:b.start].strip(" ,") in ("", "and", "or")

    def coordinated(self, things: list[Located]) -> list[Located]:
        """The things, if they are the items of one list and nothing else ('the planetGOLD Peru and GIRH-TDPS
        projects'); else none."""
        items = sorted(outermost(things), key=lambda t: t.start)
        one = len(items) >= 2 and all(self._listed(a, b) for a, b in zip(items, items[1:]))
        return list({t.node.id: t for t in items}.values()) if one else []


#: the heading of a page's section on the countries its work is in, one line a country
_WHERE_WE_WORK = frozenset({"where we work", "where we operate", "countries", "participating countries",
                            "country partners", "national partners"})


def index_sentences(ann: Annotated) -> None:
    """Pipeline component: file the located mentions by sentence and block (``ann.sentences``), and let every
    edge statement know the countries of its clause."""
    ann.sentences = Sentences(ann)
    ann.edges.places_of = ann.sentences.places_of
