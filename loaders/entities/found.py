"""A named thing found in a document's text, before it becomes a graph node."""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass, field

_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+")


@dataclass
class Found:
    """``text[start:end]`` names a thing of ``node_type`` whose name in this document is ``name``."""

    node_type: str
    name: str
    start: int
    end: int
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    rule: str = ""
    props: dict[str, str] = field(default_factory=dict)


def clean_name(text: str) -> str:
    """A name as a display string: no markup, footnote marks, leading 'the' or stray punctuation.

    >>> clean_name("the  **Natural Resources Defence Council**² ,")
    'Natural Resources Defence Council'
    """
    text = _SUPERSCRIPTS.sub("", text.replace("**", ""))
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return text.strip(" ,;:.-\u2013\u2014'\"\u201c\u201d")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The form two names must share to be the same name (the evaluator's normalisation).

    >>> name_key("The Natural Resources Defence Council") == name_key("natural resources defence council")
    True
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ").replace(".", "").replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return re.sub(r"^the\s+", "", text)
