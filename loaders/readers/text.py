"""Read report text (from PDFs, Markdown-ish exports, HTML-in-table dumps, slides) into a
``schema.Document``: an ordered tree of located blocks.

What it recognises, from the content alone:

* headings: ``#``/``**bold**`` lines, "IV." / "A." (title on the same or the next line),
  "Section II:", "Annex", "1) Title", "b) ..." sub-parts, short title lines;
* numbered paragraphs ("26. The meeting ...") -> ``para 26``; a repeated number is an
  item of the paragraph before (``para 11 item 2``), as in notes by the secretariat;
* bullets ("-", "•", "*", glyphs lost to a single leading space in slide text), nested
  by indentation -> ``§IV.1 b) bullet 4.2``;
* tab-separated tables, rows continued on later lines, ``<p>``/``<li>`` inside cells ->
  ``table 2 row "Mercury in products" cell 2 item 3``;
* footnotes ("¹ UNEP Governing Council ...") and the marks that point to them;
* page furniture (page numbers, field codes, repeated header lines, a trailing web-site
  banner), dropped with a reason.

>>> doc = parse_text("II. Overview\\n\\n3. The Partnership grew.\\n\\n- Viet Nam joined\\n  - in 2020", "a.txt")
>>> [(b.kind, b.locator) for b in doc.walk()]
[('heading', '§II'), ('paragraph', 'para 3'), ('bullet', '§II bullet 1'), ('bullet', '§II bullet 1.1')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.gazetteers.areas import find_areas
from loaders.readers.metadata import extract_metadata
from schema import Block, Document, DroppedSpan

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_TERMINAL = re.compile(r"[.!?:;][\"'\u201d\u2019)\]*]*$")
_BULLET = re.compile(r"([-\u2022*\u25aa\u25e6\u2023\u2043\uf0b7\uf0a7\uf0d8\x7f\u2013\u25cf\u25a0])\s+(\S.*)$")
_NUMBERED = re.compile(r"(\d{1,3})\.\s+(\S.*)$")
_PAREN_NUMBER = re.compile(r"(\d{1,2})\)\s+(\S.*)$")
_LETTERED = re.compile(r"([a-h])\)\s+(\S.*)$")
_ROMAN_ITEM = re.compile(r"(\(?[ivx]{1,5}\)|[ivx]{1,5}\.)\s+(\S.*)$")
_ROMAN_HEADING = re.compile(r"([IVX]{1,5})\.\s*(.*)$")
_LETTER_HEADING = re.compile(r"([A-H])\.\s*(.*)$")
_SECTION = re.compile(r"Section\s+([IVX]{1,5}|\d{1,2})\s*[:.]\s*(.*)$", re.IGNORECASE)
_ANNEX = re.compile(r"Annex(?:\s+([IVX]{1,5}|\d{1,2}))?\s*:?\s*$")
_CAPTION = re.compile(r"Table\s+(\d{1,3})\s*[:.]\s*(.*)$")
_MD_HEADING = re.compile(r"(#{1,6})\s*(.*)$")
_FOOTNOTE = re.compile(rf"([{SUPERSCRIPTS}]+)\s*(\S.*)$")
_STAR_FOOTNOTE = re.compile(r"\*\s+(.*?\b[A-Z]+(?:\([A-Z]+\))?/[\w.()/-]+.*)$")
_MARK = re.compile(rf"(?<=[\w)\]\u201d\"'.,;:])(?<![{SUPERSCRIPTS}])([{SUPERSCRIPTS}]+)")
_MASTHEAD = re.compile(r"(English only|Distr\.?:?\s*\w*(?:\s+\d{1,2}\s+\w+\s+\d{4})?|Original:\s*\w+|Limited|General)$",
                       re.IGNORECASE)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-\u2013]\s*\d{1,4}\s*[-\u2013]", re.IGNORECASE)
_HTML_ITEM = re.compile(r"<(p|li)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]{1,200}>")
_TAIL = 256  # characters of an open block that its end-of-line tests read
_CONNECTORS = frozenset({"of", "and", "or", "the", "for", "on", "in", "to", "with", "a", "an"})


def _ends_with_connector(text: str) -> bool:
    """Whether ``text`` ends on a word that joins it to what follows ('Ministry of', 'Health and').

    >>> _ends_with_connector("Ministry of"), _ends_with_connector("of Health"), _ends_with_connector("Loaf")
    (True, False, False)
    """
    word = text[len(text.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")):]
    return word.lower() in _CONNECTORS


MAX_BULLET_DEPTH = 32  # deeper lists are read as if at this depth: no real report nests further, and the
#                        block tree stays shallow enough to walk and serialise without deep recursion


@dataclass

class Line:
    """One line of the text: ``text[start:end]`` without its newline and trailing blanks."""

    index: int
    start: int
    end: int
    raw: str
    indent: int

    @property
    def body(self) -> str:
        return self.raw.strip()

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def body_start(self) -> int:
        return self.start + (len(self.raw) - len(self.raw.lstrip()))


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.rstrip()
        expanded = stripped.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip()) if stripped.strip() else 0
        lines.append(Line(i, pos, pos + len(stripped), stripped, indent))
        pos += len(raw) + 1
    return lines


def find_furniture(lines: list[Line]) -> dict[int, str]:
    """Indices of lines that are not content, with the reason."""
    dropped: dict[int, str] = {}
    content = [ln for ln in lines if not ln.blank]
    for ln in content:
        body = ln.body
        if "\t" not in ln.raw and _PAGE_NUMBER.fullmatch(body):
            dropped[ln.index] = "page number"
        elif "HYPERLINK" in body or re.fullmatch(r"[-_=*]{3,}", body):
            dropped[ln.index] = "field code or rule"
    # repeated running headers: the same short line many times, looking like a symbol or title line
    counts = Counter(ln.body for ln in content if len(ln.body) <= 80)
    for ln in content:
        if counts[ln.body] >= 3 and re.search(r"[A-Z]{2,}[/.]\w+/|^UNEP/", ln.body):
            dropped[ln.index] = "repeated page header"
    # a web-site trailer: from the last line in another script (a download page's banner) to the end,
    # when the document itself is in a Latin script
    if not any(_CJK.search(ln.body) for ln in content[: max(1, len(content) // 2)]):
        tail = [ln for ln in content[-6:]]
        for pos, ln in enumerate(tail):
            if _CJK.search(ln.body):
                for rest in tail[pos:]:
                    dropped[rest.index] = "web-site trailer"
                break
    return dropped


def detect_format(lines: list[Line]) -> str:
    """'html-table', 'slides', 'markdown' or 'text', from what the lines look like."""
    content = [ln for ln in lines if not ln.blank]
    if not content:
        return "text"
    if sum(1 for ln in content if "\t" in ln.raw and re.search(r"<(p|li|ul)\b", ln.raw)) >= 2:
        return "html-table"
    numbered = sum(1 for ln in content if ln.indent == 0 and _NUMBERED.match(ln.body) and len(ln.body) > 80)
    one_space = sum(1 for ln in content if ln.raw.startswith(" ") and not ln.raw.startswith("  ")
                    and not _BULLET.match(ln.body))
    if one_space >= 0.2 * len(content) and numbered < 3:
        return "slides"
    if sum(1 for ln in content if ln.body.startswith(("#", "**"))) >= 3:
        return "markdown"
    return "text"


def _strip_markup(text: str) -> str:
    return re.sub(r"\s+", " ", _TAG.sub(" ", text.replace("**", ""))).strip(" #*")


def _brand(line: str) -> bool:
    """Does the line open with a brand's name, lower-case then capitals ('planetGOLD Uganda')?

    >>> _brand("planetGOLD Uganda"), _brand("and GOLD")
    (True, False)
    """
    first = line.split()[0] if line.split() else ""
    return first[:1].islower() and sum(c.isupper() for c in first) >= 2


def _short_title(text: str, max_chars: int = 90, max_words: int = 12) -> bool:
    text = _strip_markup(text)
    return (0 < len(text) <= max_chars and len(text.split()) <= max_words and not _TERMINAL.search(text)
            and not text.endswith(","))


@dataclass
class Heading:
    level: int
    number: str | None
    title: str
    block: Block
    area: str | None


@dataclass
class _Open:
    """A block being gathered line by line."""

    block: Block
    last_line: Line
    parent: list[Block]
    kind: str


_LEAD_IN = re.compile(r"(?:(?:For|In|Under|Within)\s+the\s+.{3,90}?\s+|(?:Other|Remaining|All)\s+(?:partnership\s+)?)"
                      r"(?:partnership\s+)?areas?\s*[:.,]?\s*", re.IGNORECASE)


def _area_lead_in(body: str) -> str | None:
    """The area a one-line lead-in names, for the paragraphs under it: 'For the mercury releases from coal
    combustion partnership area:' (the progress report's summary runs its areas this way); '' for a lead-in
    naming none ('Other areas:'), which ends the last one; None for any other line."""
    m = _LEAD_IN.fullmatch(body.strip())
    if not m:
        return None
    areas = {a.key for a in find_areas(m.group(0))}
    return areas.pop() if len(areas) == 1 else ""


@dataclass
class _State:
    text: str
    fmt: str
    roots: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    counters: Counter[str] = field(default_factory=Counter)
    used: Counter[str] = field(default_factory=Counter)
    bullets: list[tuple[int, Block]] = field(default_factory=list)
    last_para: tuple[str, Block] | None = None
    para_items: Counter[str] = field(default_factory=Counter)
    tables: int = 0
    pending_caption: str | None = None
    footnotes: dict[str, Block] = field(default_factory=dict)
    lead_in_area: str | None = None  # 'For the mercury waste management partnership area:' until the next heading
    unmarked_items: set[int] = field(default_factory=set)  # items of a list under a lead-in, one a line, no bullets


class TextReader:
    """Parse one document's text into a ``schema.Document``."""

    def __init__(self, text: str, file: str, fmt: str | None = None) -> None:
        self.text = text
        self.file = file
        self.lines = split_lines(text)
        self.furniture = find_furniture(self.lines)
        self.fmt = fmt or detect_format(self.lines)
        self.state = _State(text, self.fmt)
        self.current: _Open | None = None
        self.last_content: _Open | None = None

    # -- section bookkeeping -------------------------------------------------------------------
    def _children(self) -> list[Block]:
        return self.state.headings[-1].block.children if self.state.headings else self.state.roots

    def _section_locator(self) -> str:
        """The locator of the innermost heading ('' before the first heading)."""
        return self.state.headings[-1].block.locator if self.state.headings else ""

    def _path_locator(self) -> str:
        """'§' + the numbering of the heading path ('§IV.3 b)'), or the innermost title if unnumbered."""
        parts: list[str] = []
        for h in self.state.headings:
            if h.number:
                num = h.number.rstrip(".")
                if re.fullmatch(r"[a-h]\)", num):
                    parts.append(f" {num}")
                else:
                    parts.append(("." if parts else "") + num.rstrip(")"))
        if self.state.headings and not self.state.headings[-1].number:
            title = self.state.headings[-1].title
            title = title if len(title) <= 40 else title[:40].rsplit(" ", 1)[0] + "…"
            parts.append((" " if parts else "") + title)
        return "§" + "".join(parts).strip() if parts else ""

    def _section_path(self) -> str | None:
        if not self.state.headings:
            return None
        path = " > ".join(" ".join(x for x in (h.number, h.title) if x) for h in self.state.headings)
        return path if len(path) <= 240 else "…" + path[-239:]

    def _area(self) -> str | None:
        if self.state.lead_in_area:
            return self.state.lead_in_area
        for h in reversed(self.state.headings):
            if h.area:
                return h.area
        return None

    def _unique(self, locator: str) -> str:
        self.state.used[locator] += 1
        n = self.state.used[locator]
        return locator if n == 1 else f"{locator} ({n})"

    def _new_block(self, kind: str, start: int, end: int, locator: str, **extra: object) -> Block:
        return Block(kind=kind, locator=self._unique(locator), start=start, end=end, section=self._section_path(),
                     area=self._area(), **extra)

    # -- the main loop ---------------------------------------------------------------------------
    def read(self) -> Document:
        lines = self.lines
        i, blank_before = 0, False
        while i < len(lines):
            line = lines[i]
            if line.index in self.furniture:
                i += 1
                continue
            if line.blank:
                blank_before = True
                i += 1
                continue
            if "\t" in line.raw and line.raw.strip("\t ").strip():
                self._close()
                i = self._read_table(i)
                blank_before = True
                continue
            i = self._read_line(i, blank_before)
            blank_before = False
        self._close()
        doc = Document(meta=extract_metadata(self.text, self.file, self.fmt), text=self.text,
                       blocks=self.state.roots, footnotes=self.state.footnotes,
                       dropped=[DroppedSpan(start=lines[i].start, end=max(lines[i].end, lines[i].start + 1),
                                            reason=r) for i, r in sorted(self.furniture.items())])
        _attach_marks(doc)
        return doc

    def _continues(self, line: Line, blank_before: bool) -> bool:
        """Does ``line`` carry on the open block (a wrapped line, or a page or slide break)?"""
        target = self.current if not blank_before else self.last_content
        if target is None or target.kind in ("table", "caption"):
            return False
        body = line.body
        prev = self._tail(target.block)
        if not blank_before:
            if target.kind == "heading" and not (body[:1].islower() or _ends_with_connector(prev)):
                return False
            return True
        if target.kind == "heading":
            title = self.text[target.block.start:min(target.block.end, target.block.start + _TAIL * 8)]
            unclosed_quote = title.count("\u201c") > title.count("\u201d")
            return bool(body[:1].islower() and _ends_with_connector(prev)) or unclosed_quote
        if target.kind == "heading-bold":
            return True
        if self.fmt == "pdf":  # pypdf leaves blank lines only at page breaks
            return not _TERMINAL.search(prev)
        return bool(body[:1].islower() or body[:1].isdigit() and not _NUMBERED.match(body)) and not _TERMINAL.search(prev)

    def _extend(self, target: _Open, line: Line) -> None:
        target.block.end = line.end
        target.last_line = line
        if target.kind == "heading-bold" and line.body.endswith("**"):
            title = _strip_markup(self.text[target.block.start:target.block.end])
            target.block.title = title
            self._push_heading(target.block, 3, None, title)
            target.kind = "heading"
            self.current = None
        elif target.kind == "heading" and target.block.title is not None:
            target.block.title = _strip_markup(self.text[target.block.start:target.block.end])
            self.state.headings[-1].title = target.block.title

    def _read_line(self, i: int, blank_before: bool) -> int:
        line = self.lines[i]
        if self.current is not None and self.current.kind == "heading-bold":
            self._extend(self.current, line)  # a bold title running over several lines
            return i + 1
        kind = self._classify(i, self._mid_sentence(blank_before))
        if kind[0] == "text":
            if self._continues(line, blank_before):
                target = self.current if not blank_before else self.last_content
                assert target is not None
                self._extend(target, line)
                self.current = target
                return i + 1
        self._close()
        handler = getattr(self, f"_open_{kind[0]}")
        return handler(i, *kind[1:])

    def _mid_sentence(self, blank_before: bool) -> bool:
        """Is the open block a paragraph or bullet cut mid-sentence at the end of the previous line?"""
        target = self.last_content if blank_before and self.fmt == "pdf" else None if blank_before else self.current
        if target is None or target.kind not in ("paragraph", "bullet"):
            return False
        return not _TERMINAL.search(self._tail(target.block))

    def _tail(self, block: Block) -> str:
        """The last few hundred characters of ``block``: what the end-of-block tests read, at a cost that does
        not grow with the block (a long paragraph read line by line would otherwise cost its square)."""
        return self.text[max(block.start, block.end - _TAIL):block.end].rstrip()

    def _classify(self, i: int, mid_sentence: bool = False) -> tuple:
        line = self.lines[i]
        body, indent = line.body, line.indent
        nxt = next((ln for ln in self.lines[i + 1:i + 4] if not ln.blank and ln.index not in self.furniture), None)
        md = _MD_HEADING.match(body)
        if md and md.group(2).strip():
            return ("heading", len(md.group(1)), _strip_markup(md.group(2)))
        if body.startswith("**"):
            if body.endswith("**") and len(body) > 4:
                return ("heading", 3, _strip_markup(body))
            return ("bold",)
        fn = _FOOTNOTE.match(body)
        if fn and indent == 0:
            return ("footnote", fn.group(1).translate(_SUP_TO_DIGIT))
        star = _STAR_FOOTNOTE.match(body)
        if star and indent == 0 and len(body) < 200:
            return ("footnote", "*")
        for pattern, level in ((_ROMAN_HEADING, 1), (_LETTER_HEADING, 2)):
            m = pattern.match(body)
            if m and indent == 0 and (not m.group(2) or _short_title(m.group(2), 150, 20)):
                return ("heading", level, body)
        for pattern in (_SECTION, _ANNEX):
            if pattern.match(body) and indent == 0:
                return ("heading", 1, body)
        m = _CAPTION.match(body)
        if m and indent == 0:
            return ("caption", m.group(1))
        if _MASTHEAD.fullmatch(body):
            return ("text",)
        bullet = _BULLET.match(body)
        if bullet and not (mid_sentence and bullet.group(1) == "\u2013"):  # '– for example' carries a sentence on
            rest = bullet.group(2)
            if indent == 0 and _LETTERED.match(rest):
                return ("heading", 3, rest)
            return ("bullet", indent)
        m = _NUMBERED.match(body)
        if m:
            if indent == 0 and _short_title(m.group(2), 80, 10) and (nxt is None or nxt.indent > 0 or not
                                                                     nxt.body[:1].islower()):
                return ("heading", 2, body)
            if indent == 0 and m.group(2)[:1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZ\u201c\"(":
                return ("para", m.group(1))
            return ("bullet", indent)
        m = _PAREN_NUMBER.match(body)
        if m:
            if indent == 0 and _short_title(m.group(2), 110, 16):
                return ("heading", 2, body)
            return ("bullet", indent)
        if _LETTERED.match(body) and indent == 0:
            return ("heading", 3, body)
        if _ROMAN_ITEM.match(body):
            return ("bullet", indent)
        if self.fmt == "slides" and line.raw.startswith(" "):
            return ("bullet", 0 if indent <= 1 else indent)
        if (indent == 0 and (body[:1].isupper() or _brand(body)) and _short_title(body, 80, 10) and "\t" not in line.raw
                and (nxt is None or not nxt.body[:1].islower())):
            if self._listing():  # 'The current members of the Committee are:' over a name a line
                return ("bullet", 0, True)
            if not mid_sentence:
                return ("heading", 3, body)
        return ("text",)

    # -- openers ---------------------------------------------------------------------------------
    def _open_text(self, i: int) -> int:
        line = self.lines[i]
        section = self._section_locator()
        self.state.counters[f"{section}¶"] += 1
        locator = f"{section} ¶{self.state.counters[f'{section}¶']}".strip()
        lead_in = _area_lead_in(line.body)
        if lead_in is not None:
            self.state.lead_in_area = lead_in or None
        block = self._new_block("paragraph", line.body_start, line.end, locator)
        self._open(block, line, self._children(), "paragraph")
        self.state.bullets = []
        return i + 1

    def _open_bold(self, i: int) -> int:
        line = self.lines[i]
        block = Block(kind="heading", locator="", start=line.body_start, end=line.end, level=3)
        self.current = _Open(block, line, [], "heading-bold")  # placed when its closing '**' is seen
        return i + 1

    def _open_para(self, i: int, number: str) -> int:
        line = self.lines[i]
        state = self.state
        if state.last_para and state.last_para[0] == number:
            state.para_items[number] += 1
            block = self._new_block("paragraph", line.body_start, line.end,
                                    f"para {number} item {state.para_items[number]}", number=number)
            self._open(block, line, state.last_para[1].children, "paragraph")
        else:
            block = self._new_block("paragraph", line.body_start, line.end, f"para {number}", number=number)
            self._open(block, line, self._children(), "paragraph")
            state.last_para = (number, block)
        state.bullets = []
        return i + 1

    def _open_footnote(self, i: int, mark: str) -> int:
        line = self.lines[i]
        block = Block(kind="footnote", locator=self._unique(f"footnote {mark}"), start=line.body_start, end=line.end,
                      number=mark, section=self._section_path(), area=self._area())
        self._children().append(block)
        self.state.footnotes.setdefault(mark, block)
        self.current = _Open(block, line, self._children(), "footnote")
        return i + 1

    def _open_caption(self, i: int, number: str) -> int:
        line = self.lines[i]
        block = self._new_block("caption", line.body_start, line.end, f"table {number} caption", number=number,
                                title=_strip_markup(line.body))
        self._children().append(block)
        self.state.pending_caption = number
        return i + 1

    def _listing(self) -> bool:
        """Is the last block read a lead-in ending in ':', or an item of the unmarked list under one?"""
        last = self.current or self.last_content
        return last is not None and last.kind in ("paragraph", "bullet") and (
            self._tail(last.block).endswith(":") or id(last.block) in self.state.unmarked_items)

    def _open_bullet(self, i: int, indent: int, unmarked: bool = False) -> int:
        line = self.lines[i]
        stack = self.state.bullets
        while stack and (stack[-1][0] >= indent or len(stack) >= MAX_BULLET_DEPTH):
            stack.pop()  # (a list nested deeper than MAX_BULLET_DEPTH goes on at that depth)
        parent_children = stack[-1][1].children if stack else self._children()
        section = self._section_locator()
        if stack:
            parent = stack[-1][1]
            self.state.counters[f"{parent.locator}•"] += 1
            locator = f"{parent.locator.rsplit(' (', 1)[0]}.{self.state.counters[f'{parent.locator}•']}"
        else:
            self.state.counters[f"{section}•"] += 1
            locator = f"{section} bullet {self.state.counters[f'{section}•']}".strip()
        number = None
        m = _ROMAN_ITEM.match(line.body) or _NUMBERED.match(line.body) or _PAREN_NUMBER.match(line.body)
        if m and not _BULLET.match(line.body):
            number = m.group(1)
        block = self._new_block("bullet", line.body_start, line.end, locator, level=len(stack), number=number)
        self._open(block, line, parent_children, "bullet")
        stack.append((indent, block))
        if unmarked:
            self.state.unmarked_items.add(id(block))
        return i + 1

    def _open_heading(self, i: int, level: int, raw_title: str) -> int:
        line = self.lines[i]
        title = _strip_markup(raw_title)
        number = None
        end = line.end
        consumed = i + 1
        for pattern in (_ROMAN_HEADING, _LETTER_HEADING, _SECTION, _PAREN_NUMBER, _LETTERED, _NUMBERED):
            m = pattern.match(title)
            if m:
                number = m.group(1) + ("." if pattern in (_ROMAN_HEADING, _LETTER_HEADING, _NUMBERED) else "")
                if pattern is _SECTION:
                    number = m.group(1) + "."
                if pattern in (_PAREN_NUMBER, _LETTERED):
                    number = m.group(1) + ")"
                title_rest = m.group(2).strip()
                level = {_ROMAN_HEADING: 1, _SECTION: 1, _LETTER_HEADING: 2, _PAREN_NUMBER: 2, _NUMBERED: 2,
                         _LETTERED: 3}[pattern]
                if not title_rest:
                    # "I." on its own line: the title is the next line
                    nxt = next((ln for ln in self.lines[i + 1:i + 3] if not ln.blank), None)
                    if nxt is not None and _short_title(nxt.body, 150, 20):
                        title_rest = nxt.body
                        end = nxt.end
                        consumed = nxt.index + 1
                title = title_rest or title
                break
        if _ANNEX.match(title):
            level = 1
        block = Block(kind="heading", locator="", start=line.body_start, end=end, level=level, number=number,
                      title=title)
        self._push_heading(block, level, number, title)
        self.current = _Open(block, self.lines[consumed - 1], block.children, "heading")
        self.last_content = self.current
        return consumed

    def _push_heading(self, block: Block, level: int, number: str | None, title: str) -> None:
        state = self.state
        while state.headings and state.headings[-1].level >= level:
            state.headings.pop()
        parent_children = self._children()
        areas = find_areas(title)
        first = title.split()[0] if title.split() else ""
        # a title that does something in an area is no area's heading: 'Reducing Mercury Use in Artisanal and
        # Small-Scale Gold Mining' (a programme page's tagline), 'Reducing Mercury Emissions from Coal Combustion ...'
        doing = first.endswith("ing") and first[:1].isupper() and areas and areas[0].start > 0
        area = areas[0].key if areas and not doing else None
        if block not in parent_children:
            parent_children.append(block)
        state.headings.append(Heading(level, number, title, block, area))
        state.lead_in_area = None
        block.level = level
        block.locator = self._unique(self._path_locator() or "§")
        block.section = self._section_path()
        block.area = self._area()
        state.bullets = []
        state.last_para = state.last_para if number is None else state.last_para

    def _open(self, block: Block, line: Line, parent: list[Block], kind: str) -> None:
        parent.append(block)
        self.current = _Open(block, line, parent, kind)
        if kind != "footnote":
            self.last_content = self.current

    def _close(self) -> None:
        if self.current is not None and self.current.kind == "heading-bold":
            block = self.current.block
            title = _strip_markup(self.text[block.start:block.end])
            block.title = title
            self._push_heading(block, 3, None, title)
        self.current = None

    # -- tables ----------------------------------------------------------------------------------
    def _read_table(self, i: int) -> int:
        lines = self.lines
        rows: list[list[Line]] = []
        j = i
        while j < len(lines):
            ln = lines[j]
            if ln.blank or ln.index in self.furniture or not ln.raw.strip("\t "):
                j += 1
                continue
            if "\t" not in ln.raw:
                break
            cells = ln.raw.split("\t")
            first = _strip_markup(cells[0])
            if rows and (not first or first[:1].islower()):
                rows[-1].append(ln)
            else:
                rows.append([ln])
            j += 1
        state = self.state
        state.tables += 1
        in_annex = any(_ANNEX.match(h.title) or h.title.lower().startswith("annex") for h in state.headings)
        if state.pending_caption:
            label = f"table {state.pending_caption}"
        elif in_annex:
            label = "annex table"
        else:
            label = f"table {state.tables}"
        state.pending_caption = None
        first_line, last_line = rows[0][0], rows[-1][-1]
        table = self._new_block("table", first_line.start, last_line.end, label)
        self._children().append(table)
        for r, row_lines in enumerate(rows):
            table.children.append(self._row(label, r, row_lines))
        self.current = None
        self.last_content = None
        return j

    def _row(self, label: str, r: int, row_lines: list[Line]) -> Block:
        names = _strip_markup(row_lines[0].raw.split("\t")[0])
        for ln in row_lines[1:]:  # "Mercury supply and" / "storage": a label cut over two lines
            part = _strip_markup(ln.raw.split("\t")[0])
            if part and _ends_with_connector(names):
                names = f"{names} {part}"
        names = re.sub(r"\s*\(.*$", "", names).strip() or names
        short = names if len(names) <= 60 else names[:60].rsplit(" ", 1)[0] + "…"
        locator = f'{label} header' if r == 0 else f'{label} row "{short}"'
        areas = find_areas(names)
        area = areas[0].key if areas else self._area()
        row = Block(kind="row", locator=self._unique(locator), start=row_lines[0].start, end=row_lines[-1].end,
                    title=names, section=self._section_path(), area=area)
        for part, ln in enumerate(row_lines):
            pos = ln.start
            for c, cell_text in enumerate(ln.raw.split("\t"), start=1):
                start, end = pos, pos + len(cell_text)
                pos = end + 1
                if not cell_text.strip():
                    continue
                lead = len(cell_text) - len(cell_text.lstrip())
                cell_loc = f"{row.locator} cell {c}" + (" (continued)" if part else "")
                cell = Block(kind="cell", locator=self._unique(cell_loc), start=start + lead,
                             end=start + len(cell_text.rstrip()), section=row.section, area=area)
                for k, m in enumerate(_HTML_ITEM.finditer(self.text, cell.start, cell.end), start=1):
                    inner = m.group(2)
                    if not inner.strip():
                        continue
                    s = m.start(2) + (len(inner) - len(inner.lstrip()))
                    cell.children.append(Block(kind="item", locator=self._unique(f"{cell_loc} item {k}"), start=s,
                                               end=m.start(2) + len(inner.rstrip()), section=row.section,
                                               area=area))
                row.children.append(cell)
        return row


def _attach_marks(doc: Document) -> None:
    """Record on each block the footnote marks its own text carries."""
    for block in doc.walk():
        if block.kind in ("footnote", "table", "row"):
            continue
        own = doc.text[block.start:block.end]
        marks = [m.group(1).translate(_SUP_TO_DIGIT) for m in _MARK.finditer(own)]
        block.footnote_marks = list(dict.fromkeys(marks))


def parse_text(text: str, file: str, fmt: str | None = None) -> Document:
    """Parse ``text`` (the decoded document) into a ``schema.Document``."""
    return TextReader(text, file, fmt).read()
