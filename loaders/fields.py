"""Key-value structure: the fields of project data sheets, fact boxes and definition lists.

A field is a known key and its value, written on one line ("Implementing Agencies | United Nations
Environment Programme", "Country: Peru", "Lead:\tUNEP") or stacked, the key alone on its line and the
value on the lines after it, up to the next key ("Executing Agencies" / "Ministry of Environment, ...").
The keys are the vocabulary of such sheets, not names; each says what its value is to the document's
subject:

==============  ==============================================================================
kind            keys
==============  ==============================================================================
implementer     Implementing/Executing Agency (Agencies, Partner(s), Organization(s)), Implementer(s),
                Lead Agency, Partners, Project Partners, Applicant
funder          Funding Source(s), Source of Funds, Donor(s), Funder(s), Funded by, Financed by, Sponsor(s)
grant           '<Org> Project Grant', Grant Amount, Grant (an amount, given by the org the key names)
place           Country, Countries, Location(s), Host Country
lead            Lead(s), Co-lead(s), Area Lead(s), Lead Organi[sz]ation(s)
title           Project Title, Title, Project Name; Project, Programme, Initiative with a colon
==============  ==============================================================================

>>> [(f.kind, f.key, f.value) for f in find_fields("Funding Source\\nGEF Trust Fund\\nCountry: Peru\\n")]
[('funder', 'Funding Source', 'GEF Trust Fund'), ('place', 'Country', 'Peru')]
>>> [(f.kind, f.value) for f in find_fields("Co-financiers: Government of Norway, Government of Switzerland\\n")]
[('funder', 'Government of Norway, Government of Switzerland')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_KEYS: tuple[tuple[str, str], ...] = (
    ("implementer", r"(?:other\s+|project\s+)?(?:implementing|executing|co-executing)\s+(?:agenc(?:y|ies)|partners?|organi[sz]ations?|"
                    r"entit(?:y|ies))|implementers?|lead\s+(?:executing\s+)?agenc(?:y|ies)"
                    r"|(?:other\s+|technical\s+|national\s+|local\s+)?(?:project\s+)?partners?"
                    r"|(?:national\s+)?counterparts?"
                    r"|gef\s+agenc(?:y|ies|(?=\(ies\)))|agenc(?:y|ies)(?=[ \t]*[:|])"  # a GEF sheet's 'Agency: UNIDO'
                    r"|applicants?(?=[ \t]*:)"),  # a Specific International Programme summary's 'Applicant: MADES'
    ("funder", r"funding\s+sources?|sources?\s+of\s+fund(?:s|ing)|(?:project\s+)?(?:donors?|funders?)|funded\s+by|financed\s+by|sponsors?"
               r"|co-?(?:financiers?|funders?)"
               r"|financing\s+(?:partners?|sources?)|(?:core\s+)?funding(?=[ \t]*:)"),
    ("grant", r"(?:(?P<granter>[A-Z][\w&\-]{1,12}(?:\s+[A-Z][\w&\-]{1,12})?)\s+)?(?:project\s+)?grant(?:\s+amount)?"),
    ("place", r"countr(?:y|ies)|locations?|host\s+country|venue|where(?=[ \t]*:)"),
    ("lead", r"(?:area\s+)?(?:co-?)?leads?|lead\s+organi[sz]ations?"),
    ("title", r"(?:(?:project|program(?:me)?|ea)\s+)?title|project\s+name|(?:project|program(?:me)?|initiative)(?=[ \t]*:)"),
    # keys whose values no rule reads, known so that they end the value before them and are not names
    ("other", r"(?:gef\s+)?(?:agency\s+)?(?:project|program(?:me)?)\s+(?:id|type|status|duration|timeline|details|summary)|focal\s+areas?|(?:gef\s+)?period"
              r"|(?:approval\s+)?fiscal\s+year|total\s+cost|co-?financing(?:\s+total)?|(?:gef\s+)?agency\s+fees|status"
              r"|duration|(?:start|end|approval|closing)\s+date|budget|received\s+by\s+\w+"
              r"|(?:project\s+)?approved(?:\s+for\s+implementation)?|preparation\s+grant\s+approved"
              r"|total\s+(?:resources|budget)(?:\s+required)?|programme\s+period|submission\s+date"
              r"|type\s+of\s+reports?|expected\s+(?:implementation\s+start|completion\s+date)"),
)
# a key opens its line, or a table row ('| Implementing Agencies | United Nations Environment Programme |'); its
# separator is a colon, a bar or a tab, or nothing where a page's cells ran together ('Funding SourceGEF Trust Fund')
# a key may carry a plural mark ('Country(ies)', 'Executing Partner(s)') and a second name after a slash
# ('Executing Entity/Implementing Partner:'), then needs its colon or bar
_KEY = re.compile(r"[ \t]*(?:\|[ \t]*)?(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KEYS)
                  + r")(?:\((?:s|es|ies)\))?(?:(?:[ \t]*/[ \t]*[A-Za-z][A-Za-z ]{2,40}?(?:\((?:s|es|ies)\))?)?(?:[ \t]*[:|])+[ \t]*"
                    r"|[ \t]*\.{3,}[ \t]*"  # a programme's dot leaders: 'Venue ........ Vienna International Centre'
                    r"|[ \t]+|(?<=[a-z])(?=[A-Z][A-Za-z])|[ \t]*$)", re.IGNORECASE)
# a form flattened onto one line ('Project Title: National action plan ... Country(ies): Angola GEF Project ID:
# GEF Agency(ies): UNIDO'): keys inside the line, each with its colon, its value running to the next key
_RUN_IN_KEY = re.compile(r"(?<![\w(/])(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KEYS
                                                      if kind not in ("grant", "lead"))
                         + r")(?:[ \t]*\((?:s|es|ies)\))?[ \t]*:[ \t]*", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    """``text[key_start:key_end]`` is a key of ``kind`` whose value is ``text[start:end]``."""

    kind: str
    key: str
    key_start: int
    value: str
    start: int
    end: int
    granter: str | None = None


def _key_line(line: str) -> re.Match[str] | None:
    m = _KEY.match(line)
    if m is None or not line[m.start():m.end()].strip():
        return None
    return m


def _glued(line: str, m: re.Match[str]) -> bool:
    """A key run into its value with no separator, as a page's cells are when copied: 'Executing
    AgencyBlacksmith Institute' (a lower-case letter, then a capital)."""
    return m.end() < len(line) and line[m.end() - 1:m.end()].islower() and line[m.end():m.end() + 1].isupper()


def key_spans(text: str) -> list[tuple[int, int]]:
    """The spans of every key line of ``text`` (so that no rule reads a key as a name)."""
    return [(f.key_start, f.key_start + len(f.key)) for f in find_fields(text)]


def find_fields(text: str) -> list[Field]:
    """Every field of ``text`` (see the module's docstring), in text order."""
    return list(_fields(text))


@lru_cache(maxsize=8)
def _fields(text: str) -> tuple[Field, ...]:
    fields: list[Field] = []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    keyed = []
    for _start, line in lines:
        m = _key_line(line)
        if m is None:
            keyed.append(None)
            continue
        rest = line[m.end():]
        separated = bool(re.search(r"[:|\t.]\s*$", line[:m.end()])) or _glued(line, m)
        if rest.strip() and not separated:
            keyed.append(None)  # 'Partners met in Geneva': a sentence that opens with a key's word
            continue
        keyed.append(m)
    for i, (start, line) in enumerate(lines):
        m = keyed[i]
        if m is None:
            continue
        kind = next(k for k, _ in _KEYS if m.group(k))
        granter = m.group("granter") if kind == "grant" else None
        if granter:  # 'GEF Project Grant' is given by the GEF; 'Project Preparation Grant' by no one named
            granter = re.sub(r"\s+(?:Project|Preparation)$", "", granter)
            if granter.lower() in ("project", "the", "preparation", "project preparation") or not granter[:1].isupper():
                granter = None
        key = line[m.start(kind):m.end(kind)]
        rest = re.sub(r"[ \t]*\|[ \t]*$", "", line[m.end():]).strip()  # a table row's closing bar
        inner = _RUN_IN_KEY.search(rest)
        if inner and rest[:inner.start()].rstrip().endswith(("|", ";")):  # 'Funding: GEF | Implementing agency: ...'
            rest = rest[:inner.start()].rstrip(" \t|;")
        if rest:
            value_start = start + m.end() + (len(line[m.end():]) - len(line[m.end():].lstrip()))
            fields.append(Field(kind, key, start + m.start(kind), rest, value_start, value_start + len(rest), granter))
            continue
        values: list[tuple[int, str]] = []  # the stacked value: the lines after the key, up to the next key
        for j in range(i + 1, min(i + 4, len(lines))):
            line_j = lines[j][1].strip()
            if keyed[j] is not None or (not line_j and values) or line_j.endswith(":"):
                break
            if not line_j:
                continue  # a page's key over a blank line and its value ('Project Partners' / '' / 'Yayasan ...')
            if line_j:
                values.append(lines[j])
            # a list value goes on to the next line only after a separator or as bullets
            if kind not in ("implementer", "funder", "place", "lead") or not re.search(r"(?:[,;]|\band)$", line_j):
                if not (j + 1 < len(lines) and re.match(r"\s*[-\u2022*]\s", lines[j + 1][1]) and line_j[:1] in "-\u2022*"):
                    break
        if not values or len(values[0][1].strip()) > 400:
            continue
        first, last = values[0], values[-1]
        value_start = first[0] + (len(first[1]) - len(first[1].lstrip()))
        value_end = last[0] + len(last[1].rstrip())
        fields.append(Field(kind, key, start + m.start(kind), text[value_start:value_end], value_start, value_end,
                            granter))
    fields += _run_in_fields(lines, {f.key_start for f in fields})
    return tuple(sorted(fields, key=lambda f: f.key_start))


_PLACEHOLDER = "(select)"  # a GEF template's unfilled drop-down


def _run_in_fields(lines: list[tuple[int, str]], known: set[int]) -> list[Field]:
    """The fields of a form flattened onto one line: at least two keys inside it, each with its colon."""
    fields = []
    for start, line in lines:
        keys = list(_RUN_IN_KEY.finditer(line))
        if len(keys) < 2:
            continue
        for m, after in zip(keys, [*keys[1:], None]):
            kind = next(k for k, _ in _KEYS if k not in ("grant", "lead") and m.group(k))
            end = after.start() if after is not None else min(len(line), m.end() + 300)
            at = m.end()
            while line.startswith(_PLACEHOLDER, at):  # a form's unfilled choice: 'Lead GEF Agency: (select) CI'
                at = len(line) - len(line[at + len(_PLACEHOLDER):].lstrip(" \t"))
            value = line[at:end].rstrip(" \t;,")
            empty = _KEY.match(value)  # 'Program Executing Entity(s): Program Duration (Months) 60': no value
            if start + m.start(kind) in known or not value or len(value) > 300 or (empty and empty.group("other")):
                continue
            fields.append(Field(kind, line[m.start(kind):m.end(kind)], start + m.start(kind), value,
                                start + at, start + at + len(value)))
    return fields


def value_items(field: Field) -> list[tuple[int, int]]:
    """The spans of a list value's items: 'A (X), B under C (known as D), E' -> A (X) / B ... D / E; a comma
    inside a body's name ('Ministry of Environment, Green Economy and Climate Change') does not split it.

    >>> [f.value[a - f.start:b - f.start] for f in find_fields("Project Funders: IPEN, UN Environment\\n")
    ...  for a, b in value_items(f)]
    ['IPEN', 'UN Environment']
    >>> [f.value[a - f.start:b - f.start] for f in find_fields("Partners: UNITAR and the Ministry of Health\\n")
    ...  for a, b in value_items(f)]
    ['UNITAR', 'the Ministry of Health']
    """
    from loaders.entities.runs import HEAD_OF

    text = field.value
    items: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\s*(?:;|\n|,(?=\s*(?:and\s+)?[A-Z])|\s+and\s+(?=the\s+[A-Z]))\s*(?:and\s+)?", text):
        before = text[start:m.start()]
        after = text[m.end():m.end() + 60]
        if m.group(0).strip().startswith(",") and not (before.rstrip().endswith(")") or _opens_a_body(after)
                                                       or _lone_acronym(before)):
            continue
        if m.group(0).strip() == "and" and not HEAD_OF.match(after[len("the"):].lstrip()):
            continue  # '... and the Ministry of Health' opens a body; '... and the Environment' goes on a name
        if before.strip():
            items.append((field.start + start, field.start + m.start()))
        start = m.end()
    if text[start:].strip():
        items.append((field.start + start, field.start + len(text.rstrip())))
    return items


def _lone_acronym(text: str) -> bool:
    """'IPEN' in 'IPEN, UN Environment': an acronym alone is a whole item (no name runs on after its comma)."""
    from loaders.entities.acronyms import is_acronym

    return " " not in text.strip() and is_acronym(text.strip())


def _opens_a_body(text: str) -> bool:
    from loaders.entities.naming import entity_type

    words = re.match(r"[A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|(?:of|for|and|the|on|de|la)\b))*", text)
    return bool(words) and entity_type(words.group(0)) == "Organization"
