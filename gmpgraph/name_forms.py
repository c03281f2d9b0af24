"""Forms of one name: plural and singular words, an acronym spelled out, a generic word round a title, 'Head
of X' said as the compound 'X Head', a number in a series. Read by resolution (``gmpgraph.resolve``) and by
the duplicate check (``gmpgraph.duplicates``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from loaders.entities.found import clean_name, name_key

SMALL = frozenset({"the", "of", "for", "on", "and", "in", "to", "a", "an", "at", "by", "s"})
GENERIC = frozenset({"meeting", "meetings", "session", "sessions", "document", "guidance", "programme", "program",
                     "project", "initiative"})
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}


def singular(word: str) -> str:
    """'practices' -> 'practice', 'persons' -> 'person'; 'process', 'status', 'analysis' stay.

    >>> [singular(w) for w in ("practices", "persons", "process", "status", "meas", "studies")]
    ['practice', 'person', 'process', 'status', 'mea', 'study']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """The words of a name without case, small words or plural endings (in their order: the 'Global Mercury
    Observation System' is not the 'Global Observation System for Mercury').

    >>> loose_key("Good Practices Document") == loose_key("the Good Practice Document")
    True
    """
    words = [singular(w) for w in name_key(name).split() if w not in SMALL]
    return " ".join(words) if len(words) >= 2 else ""


def spells(acronym: str, name: str) -> bool:
    """Whether the letters of ``acronym`` spell ``name`` word by word: each word gives its initial (a word in
    capitals may give itself whole), a small word ('of', 'the') may give nothing, and every other word must
    give something.

    >>> spells("MOEJ", "Ministry of the Environment of Japan"), spells("IEACCC", "IEA Clean Coal Centre")
    (True, True)
    >>> spells("iPOG", "Interactive Process Optimization Guidance")
    True
    >>> spells("UNEP", "United Nations Development Programme")
    False
    """
    return _spells(acronym, name)


@lru_cache(maxsize=65536)
def _spells(acronym: str, name: str) -> bool:
    letters = "".join(c for c in acronym.casefold() if c.isalnum())
    if len(letters) < 3 or not name or name[0].casefold() != letters[0]:
        return False
    words = [w for w in re.split(r"[\s\-/]+", clean_name(name)) if w]
    plain = ["".join(c for c in w.casefold() if c.isalnum()) for w in words]
    if len(words) < 2 or sum(1 for p in plain if p and p not in SMALL) > len(letters):
        return False
    seen: dict[tuple[int, int], bool] = {}

    def match(i: int, j: int) -> bool:
        if (i, j) not in seen:
            seen[(i, j)] = _match(i, j)
        return seen[(i, j)]

    def _match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = plain[j]
        if not word:
            return match(i, j + 1)
        if word in SMALL and match(i, j + 1):
            return True
        if i < len(letters) and word[0] == letters[i] and match(i + 1, j + 1):
            return True
        return bool(words[j].isupper() and len(word) >= 2 and letters.startswith(word, i)
                    and match(i + len(word), j + 1))

    return match(0, 0)


def acronyms(surfaces: Iterable[str]) -> list[str]:
    """The names among ``surfaces`` that are acronyms ('MOEJ', 'IEACCC', 'iPOG')."""
    return [s for s in surfaces if " " not in s and len(s) >= 3
            and (sum(c.isupper() for c in s) >= 2 or re.fullmatch(r"[a-z][A-Z]{2,}\w*", s))]


def unwrapped(key: str) -> list[str]:
    """``key`` without generic words before ('guidance document on X') or after ('X meetings'): the X.

    >>> unwrapped("cross secretariat task team meetings"), unwrapped("guidance document on best practices")
    (['cross secretariat task team'], ['best practices'])
    """
    words = key.split()
    out = []
    for cut in range(1, len(words) - 1):
        head, tail = words[:cut], words[cut:]
        if all(w in GENERIC or w in SMALL for w in head) and any(w in GENERIC for w in head) \
                and tail[0] not in SMALL | GENERIC:
            out.append(" ".join(tail))
        head, tail = words[:-cut], words[-cut:]
        if all(w in GENERIC or w in SMALL for w in tail) and any(w in GENERIC for w in tail):
            out.append(" ".join(head))
    return [k for k in out if len(k.split()) >= 2]


_COMPOUND = re.compile(r"^(\w+) (?:on|of|for) (?:the )?(.+)$")


def compound(key: str) -> str:
    """'Head on X of Y ...' said as the compound 'Y X Head' (up to the first 'and', 'to' or 'with').

    >>> compound("guidance on monitoring of mercury and mercury compounds to support the evaluation")
    'mercury monitoring guidance'
    >>> compound("secretariat of the partnership")
    'partnership secretariat'
    """
    m = _COMPOUND.match(key)
    if not m:
        return ""
    rest = re.split(r" (?:and|to|with|in|from|by) ", m.group(2))[0]
    chunks = [c for c in re.split(r" (?:on|of|for) (?:the )?", rest) if c]
    return " ".join([*reversed(chunks), m.group(1)])


def bare(key: str) -> str:
    """A short title without a meeting tag ('... for COP4') or a last generic word ('Document')."""
    key = re.sub(r" for \w*\d\w*$", "", key)
    return re.sub(r" (?:document|report)$", "", key)


_NUMBERED = (re.compile(r"^(?P<base>.+?)[ -]+(?:phase )?(?P<n>\d+|[ivx]+)$"),
             re.compile(r"^(?P<n>\d+)(?:st|nd|rd|th) (?P<base>.+)$"),
             re.compile(r"^(?P<n>\w+) (?:meeting|session) of (?:the )?(?P<base>.+)$"))


def numbered(surfaces: Iterable[str]) -> tuple[list[str], set[int]]:
    """The names (keys, words singular) with any number cut off, and the numbers: 'ACP MEAs III' and '...
    Phase 3' are 3, 'ICMGP-15' and '15th International Conference ...' 15, 'Sixth meeting of the PAG' 6.

    >>> numbered(["ACP MEAs III", "Capacity building - Phase 3"])
    (['acp mea', 'capacity building'], {3})
    """
    bases: list[str] = []
    numbers: set[int] = set()
    for surface in surfaces:
        key = " ".join(singular(w) for w in name_key(surface).split())
        for pattern in _NUMBERED:
            m = pattern.match(key)
            if m:
                n = m.group("n")
                number = int(n) if n.isdigit() else _ROMAN.get(n) or _ORDINAL_WORDS.get(n)
                if number:
                    numbers.add(number)
                    key = m.group("base")
                    break
        bases.append(key)
    return sorted(set(bases)), numbers


JOIN = re.compile(r"\s*(?:\([^()]{1,20}\))?[\s\u00b9\u00b2\u00b3\u2070-\u2079*]*"
                  r"(?:[\u2013\u2014-]|on\s+[\u201c\"*\u2018])"
                  r"\s*[\u201c\"*\u2018]?\s*")
"""What joins a name to the next when the two name one thing: a dash after a body ('The National Research Council
(CNR)² - Institute of ...'), 'on' before a quoted title ('GEO Flagship on “Global Observation System ...')."""
