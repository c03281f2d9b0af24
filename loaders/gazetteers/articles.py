"""Find mentions of articles of the Minamata Convention.

Reads "Article 7", "article 8 of the Convention", "Articles 14, 16, 17, 18, 19 and 22",
"Articles 3 to 5", "paragraph 6 (b) of article 13", "Art. 4", "Arts. 19 and 22". An article of another
instrument ("article 11 of the Basel Convention", "article 4 of decision ...") or a
number outside 1-35 is not one.

>>> [m.key for m in find_articles("relevant to Articles 14, 16 and 22 of the Convention")]
['14', '16', '22']
>>> find_articles("article 4 of the Basel Convention")
[]
"""

from __future__ import annotations

import re

from loaders.gazetteers.mention import Mention
from schema.reference import article_titles

_NUMBER_LIST = r"\d{1,3}(?:\s*\([a-z0-9]+\))*(?:\s*(?:,|and|or|to|through|\u2013|-)\s*\d{1,3}(?:\s*\([a-z0-9]+\))*)*"
_ARTICLES = re.compile(rf"(?<![\w])(?:[Aa]rticles?|ARTICLES?|Arts?\.)\s+({_NUMBER_LIST})(?![\w])")
_OTHER_INSTRUMENT = re.compile(
    r"\s*(?:,\s*)?(?:paragraphs?\s+\S+\s+)?(?:of|to|under|in)\s+(?:the\s+|its\s+|that\s+|this\s+)?"
    r"(?!(?:Minamata\s+)?Convention(?:\s+on\s+Mercury)?\b)(?!Minamata\b)"
    r"(?:[A-Z][\w\-]*\s+){0,6}?"
    r"(?:Convention|Protocol|Agreement|Treaty|Charter|Framework|Guidelines|Regulation|Directive|Act|Law|Code|"
    r"Constitution|Covenant|Statute|[Rr]esolution|[Dd]ecision|[Rr]ules|[Aa]nnex|Declaration)\b"
)
_RANGE = re.compile(r"(\d{1,3})\s*(?:to|through|\u2013|-)\s*(\d{1,3})")


def find_articles(text: str) -> list[Mention]:
    """Every mention of a Convention article in ``text``, one Mention per article number."""
    found: list[Mention] = []
    for m in _ARTICLES.finditer(text):
        if _OTHER_INSTRUMENT.match(text, m.end(), min(len(text), m.end() + 120)):
            continue
        numbers_text = m.group(1)
        numbers = _numbers(numbers_text)
        base = m.start(1)
        for number, offset, length in numbers:
            if number not in article_titles():
                continue
            if len(numbers) == 1:
                start, end = m.start(), m.end()
            else:
                start, end = base + offset, base + offset + length
            found.append(Mention("Article", str(number), start, end, text[start:end]))
    return found


def _numbers(numbers_text: str) -> list[tuple[int, int, int]]:
    """(number, offset, length) of each article number in a list, ranges expanded."""
    out: list[tuple[int, int, int]] = []
    ranged: set[int] = set()
    for r in _RANGE.finditer(numbers_text):
        low, high = int(r.group(1)), int(r.group(2))
        if low < high <= low + 35:
            out.extend((n, r.start(), r.end() - r.start()) for n in range(low, high + 1))
            ranged.update({r.start(1), r.start(2)})
    for d in re.finditer(r"(?<![(\w])\d{1,3}(?![\w)])", numbers_text):
        if d.start() not in ranged:
            out.append((int(d.group(0)), d.start(), d.end() - d.start()))
    return sorted(out, key=lambda x: (x[1], x[0]))
