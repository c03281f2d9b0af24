"""Names the text says are one thing: "now branded as", "formerly", "hereinafter", "known as".

* "The programme, now branded as planetGOLD, ..." - the programme named before ('the GEF GOLD programme')
  is planetGOLD; "X, renamed Y", "X (now Y)" likewise: the new name is the name, the old one an alias;
* "Y (formerly X)", "Y, formerly known as X" - X is an old name of Y;
* "the Global Mercury Partnership (hereinafter referred to as the “Partnership”)", "X (known as Y)", "X,
  also known as Y", "The X project, formally titled Y" - Y is another name of X.

Nothing else is merged here: two names that merely look alike stay two things.

>>> from loaders.entities.found import Found
>>> text = "UNEP launched the GEF GOLD programme. The programme, now branded as planetGOLD, works in Peru."
>>> finds = [Found("Project", "GEF GOLD", 18, 26), Found("Project", "planetGOLD", 68, 78)]
>>> [(f.name, f.aliases) for f in said_to_be_one(text, finds)]
[('planetGOLD', ('GEF GOLD',)), ('planetGOLD', ())]
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.entities.found import Found, clean_name

# each cue starts at its keyword (a pattern opening with optional spaces would be tried at every space of the
# text); the comma or bracket before it is taken by ``_cue_start``
_RENAMED = re.compile(r"\b(?:now|since\s+\d{4})\s+(?:re)?(?:branded|known|called|named)\s+(?:as\s+)?(?:the\s+)?"
                      r"|\b(?:later\s+)?renamed\s+(?:as\s+)?(?:the\s+)?|(?<=\()\s*now\s+(?:the\s+)?")
_OTHER_NAME = re.compile(r"\b(?:hereinafter|hereafter)(?:\s+(?:referred\s+to|called|named))?\s+(?:as\s+)?(?:the\s+)?"
                         r"|\b(?:also\s+)?known\s+as\s+(?:the\s+)?|\b(?:formerly|previously)(?:\s+known\s+as)?\s+(?:the\s+)?"
                         r"|\b(?:formally|officially)\s+(?:titled|named|called)\s+")
_BEFORE_CUE = re.compile(r"[\s,(]{0,4}$")


def _cue_start(text: str, at: int) -> int:
    """Where a cue at ``at`` begins, with the comma or bracket that opens it."""
    m = _BEFORE_CUE.search(text, max(0, at - 4), at)
    return m.start() if m else at
_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?:programme|program|project|initiative|network|campaign|partnership)\s*$")
_QUOTED_NAME = re.compile(r"[\u201c\"]([^\u201c\u201d\"\n]{2,80})[\u201d\"]|([A-Za-z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|for|of|and|on|in|to)"
                          r"(?=\s+[A-Z]|[\w\-]*[A-Z]))*(?:\s+[A-Z][\w\-]*)*)")


def said_to_be_one(text: str, finds: list[Found]) -> list[Found]:
    """The finds with the names the text says are one thing joined: each later form renamed to the thing's
    name (so that it groups with it), the other form kept as an alias."""
    finds = list(finds)
    by_start = sorted(range(len(finds)), key=lambda i: finds[i].start)
    for pattern, renames in ((_RENAMED, True), (_OTHER_NAME, False)):
        for m in pattern.finditer(text):
            left = _thing_before(text, finds, by_start, _cue_start(text, m.start()))
            if left is None:
                continue
            right = next((i for i in by_start if m.end() <= finds[i].start <= m.end() + 2
                          and finds[i].node_type in _COMPATIBLE[finds[left].node_type]), None)
            if right is None:
                named = _QUOTED_NAME.match(text, m.end())
                if not named:
                    continue
                other = clean_name(named.group(1) or named.group(2))
                if not other or other.lower() in ("the", "a", "an"):
                    continue
                finds[left] = replace(finds[left], aliases=(*finds[left].aliases, other))
                continue
            if clean_name(text[finds[right].start:finds[right].end]) != finds[right].name:
                continue  # already read as another name of something ('(known as ANEEMAS)' after '... under X')
            old, new = (left, right) if renames else (right, left)
            keep = finds[new].name
            for i, f in enumerate(finds):  # every mention under the old name is the thing's
                if f.node_type == finds[old].node_type and f.name == finds[old].name and i != new:
                    finds[i] = replace(f, name=keep, node_type=finds[new].node_type,
                                       aliases=tuple(dict.fromkeys((*f.aliases, f.name))))
    return finds


_WORK_WORDS = ("project", "programme", "initiative")
_COMPATIBLE = {"Project": ("Project",), "Publication": ("Publication",), "Event": ("Event",),
               "Organization": ("Organization",), "Person": ("Person",)}


def _thing_before(text: str, finds: list[Found], order: list[int], at: int) -> int | None:
    """The find the cue at ``at`` follows: one ending right before it, or, after 'The programme', the last
    project named before."""
    for i in reversed(order):
        f = finds[i]
        if f.end <= at and (at - f.end <= 3 or text[f.end:at].strip(" ,") in _WORK_WORDS) and \
                f.node_type in _COMPATIBLE:  # ('The planetGOLD Guyana project, formally titled "..."')
            return i
        if f.end < at - 12:
            break
    anaphor = _ANAPHOR.search(text[max(0, at - 40):at])
    if anaphor:
        earlier = [i for i in order if finds[i].end <= at - len(anaphor.group(0)) and finds[i].node_type == "Project"]
        return earlier[-1] if earlier else None
    return None
