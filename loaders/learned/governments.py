"""Countries named as actors: "Spain and Uruguay took over", "contributions from Denmark, Germany and the
Netherlands" name the governments (the guidelines annotate them so). Every country a document names and no
rule already read as a government is a candidate; a trained decision over the words around its mentions
says whether the document names its government.

Features (:func:`government_features`): the words just before and after each mention, whether its sentence
speaks of money, support or agreement, whether it sits in a list of countries, how often it is named.

>>> mentions = [CountryMention("DNK", 27, 34, "Denmark")]
>>> sorted(government_features("It was funded with support of Denmark.", mentions))[:3]
['a:$', 'b:of', 'b:support']
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from loaders.entities.found import Found
from loaders.learned.linear import LinearModel

RULE = "a country named as an actor, kept by the government decision"
KEEP = 0.5
_WORD = re.compile(r"[A-Za-z]+")
_MONEY = re.compile(r"\b(?:fund\w*|financ\w*|donor\w*|donat\w*|contribut\w*|grant\w*|support\w*|sponsor\w*|"
                    r"pledg\w*|provid\w*|US\$|USD|\$|EUR|€)", re.IGNORECASE)
_AGREE = re.compile(r"\b(?:sign\w*|ratif\w*|agree\w*|partner\w*|member\w*|govern\w*|minist\w*|lead\w*|co-lead\w*|"
                    r"host\w*|chair\w*|delegat\w*)", re.IGNORECASE)


@dataclass(frozen=True)
class CountryMention:
    """A country named at ``start:end`` as ``surface``."""

    key: str
    start: int
    end: int
    surface: str


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return a, min(stops) if stops else len(text)


def government_features(text: str, mentions: list[CountryMention]) -> dict[str, float]:
    """The features of one country's candidate government from all its mentions (see the module's note)."""
    f: dict[str, float] = {"bias": 1.0, "logmentions": math.log(len(mentions))}
    for m in mentions:
        before = _WORD.findall(text[max(0, m.start - 30):m.start])[-2:]
        after = _WORD.findall(text[m.end:m.end + 30])[:2]
        for w in before:
            f["b:" + w.lower()] = 1.0
        for w in after:
            f["a:" + w.lower()] = 1.0
        if not before:
            f["b:^"] = 1.0
        if not after:
            f["a:$"] = 1.0
        a, b = _sentence(text, m.start, m.end)
        if _MONEY.search(text, a, b):
            f["sentence-money"] = 1.0
        if _AGREE.search(text, a, b):
            f["sentence-agree"] = 1.0
        if text[max(0, m.start - 2):m.start] == ", " or text[m.end:m.end + 1] == ",":
            f["in-list"] = 1.0
        if text[max(0, m.start - 1):m.start] == "(":
            f["bracketed"] = 1.0
    return f


def government_name(mention: CountryMention, text: str) -> str:
    prefix = "the " if text[max(0, mention.start - 4):mention.start].lower() == "the " else ""
    return f"Government of {prefix}{mention.surface}"


def government_candidates(found: list[Found], countries: list[CountryMention]) -> dict[str, list[CountryMention]]:
    """The countries named, by key, less those a rule already read as a government."""
    governed = {f.props.get("country") for f in found if f.node_type == "Organization" and f.props.get("country")}
    out: dict[str, list[CountryMention]] = {}
    for m in countries:
        if m.key not in governed:
            out.setdefault(m.key, []).append(m)
    return out


def apply_governments(text: str, found: list[Found], countries: list[CountryMention], model: LinearModel
                      ) -> list[Found]:
    """The finds with the government of each country the decision keeps, at each of its mentions."""
    added = []
    for key, mentions in government_candidates(found, countries).items():
        p = model.probabilities(government_features(text, mentions))
        if p.get("government", 0.0) >= KEEP:
            name = government_name(mentions[0], text)
            added += [Found("Organization", name, m.start, m.end, (name,), "government", RULE, {"country": key})
                      for m in mentions]
    return found + added


def country_mentions(ann) -> list[CountryMention]:
    """The country mentions the gazetteers placed in the document."""
    return sorted((CountryMention(m.node.key, m.start, m.end, ann.text[m.start:m.end])
                   for m in ann.located if m.node.type == "Country"), key=lambda m: m.start)
