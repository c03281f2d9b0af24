"""Documents listed under a heading that says so: "Quick Links", "Documents", "Publications", "Resources",
"Downloads", "Further reading", "Key documents". Each entry below it, up to a blank-separated heading of
another kind or the end, is a publication named as the entry writes it.

>>> text = "Quick Links\\n\\nAnalysis of Options for the Management of Surplus Mercury\\n\\nUpdate on mercury stabilisation"
>>> [f.name for f in listed_documents(text)]
['Analysis of Options for the Management of Surplus Mercury', 'Update on mercury stabilisation']
"""

from __future__ import annotations

import re

from loaders.entities.found import Found, clean_name
from loaders.words import SENTENCE_LIKE

_LIST_HEADING = re.compile(r"[ \t]*(?:#+\s*|\*\*)?(?:quick\s+links|(?:key\s+|related\s+|project\s+)?"
                           r"(?:documents|reports)|publications|resources|downloads|further\s+reading|related\s+links|"
                           r"library)(?:\*\*)?\s*:?\s*$", re.IGNORECASE)


def listed_documents(text: str) -> list[Found]:
    """The publications the document lists under a heading of documents (see the module's docstring)."""
    found: list[Found] = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    inside = False
    for n, (start, line) in enumerate(lines):
        body = line.strip().lstrip("-\u2022* ").strip()
        if _LIST_HEADING.fullmatch(line):
            inside = True
            continue
        if not inside or not body:
            continue
        following = lines[n + 1][1].lstrip() if n + 1 < len(lines) else ""
        if body == line.strip() and len(body.split()) <= 3 and following.startswith(("- ", "\u2022")):
            continue  # a sub-heading of the list ('Technical information') over more items
        if len(body) > 200 or SENTENCE_LIKE.search(body) or not body[:1].isupper() or len(body.split()) < 3:
            inside = False  # a paragraph of text ends the list
            continue
        at = start + line.find(body)
        name = clean_name(_without_date(body))
        found.append(Found("Publication", name, at, at + len(body), (name,), None, "listed under a heading of documents"))
    return found


def _without_date(entry: str) -> str:
    """An entry without the date or code after its last comma: 'Mid-term Review Report, Feb 2023' is the report.

    >>> _without_date("Baseline survey for strengthening mercury analysis capacity, J-EC29 2021")
    'Baseline survey for strengthening mercury analysis capacity'
    """
    head, comma, tail = entry.rpartition(",")
    words = tail.split()
    if comma and head and 0 < len(words) <= 3 and any(w.isdigit() and len(w) == 4 for w in words):
        return head
    return entry
