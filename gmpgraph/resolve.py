"""Cross-document entity resolution: one node per organisation and per person.

Each document's extractor already joins an acronym with its long form and a surname with
the full name. Here the graph's Organization and Person nodes from all documents are
clustered, and each cluster becomes one node (the others merged into it, edges moved):

* **same name** - a node's name or any alias of two words or more, or an acronym, equals
  another's (normalised as the evaluator does: case, accents, punctuation, leading 'the');
* **same country-qualified body** - "Ministry of the Environment of Japan", "Ministry of
  the Environment, Japan", "Japanese Ministry of the Environment", "US EPA" spelled out:
  (country, body) pairs; an unqualified "Ministry of Climate Change" joins a qualified one
  only within one document, where it cannot mean another country's;
* **spelling variants** - names with the same number of words where every differing
  word pair scores >= 80 (rapidfuzz ratio) and the whole name >= 94. Measured on the
  corpus: true variants score 95+ ('natural resource defense council' / 'natural resources
  defence council' 95.4); the closest distinct pairs score 92.3 ('government of ghana' /
  'government of uganda', differing words 73) and 88.9 (UNDP / UNEP spelled out).

Generic bodies named without a country ("Ministry of Mines") are not joined across
documents on that name alone.

>>> from schema import Organization
>>> store = GraphStore()
>>> _ = store.add_node(Organization(id="org:a", name="Natural Resource Defense Council"))
>>> _ = store.add_node(Organization(id="org:b", name="Natural Resources Defence Council", aliases=["NRDC"]))
>>> resolve_entities(store)
1
>>> [n.name for n in store.nodes("Organization")]
['Natural Resources Defence Council']
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from gmpgraph.store import GraphStore
from loaders.entities.acronyms import is_acronym
from loaders.entities.found import name_key
from loaders.gazetteers.countries import find_countries
from schema.nodes import Node
from schema.reference import demonyms, organizations

FUZZY_WHOLE = 94.0
FUZZY_WORD = 80.0
_GENERIC = re.compile(r"^(?:ministry|ministerio|department|secretariat|office|government|bureau|division|"
                      r"directorate)\b")
_US = re.compile(r"^(?:US|U\.S\.?|USA|United States(?: of America)?)\s+(?=[A-Z])")


class _Clusters:
    def __init__(self, items: list[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for item in self.parent:
            out[self.find(item)].append(item)
        return out


def qualified_key(name: str) -> tuple[str, str] | None:
    """(alpha-3, body) for a body named with its country, else None.

    >>> qualified_key("Ministry of the Environment, Japan") == qualified_key("Ministry of the Environment of Japan")
    True
    >>> qualified_key("US Environmental Protection Agency") == qualified_key("Environmental Protection Agency of the United States")
    True
    """
    for m in reversed(list(re.finditer(r",\s*|\s+of\s+(?:the\s+)?", name))):
        head, tail = name[:m.start()], name[m.end():].strip()
        countries = find_countries(tail)
        if head and countries and countries[0].start == 0 and countries[-1].end == len(tail):
            return countries[0].key, name_key(head)
    us = _US.match(name)
    if us:
        return "USA", name_key(name[us.end():])
    first, _, rest = name.partition(" ")
    possessive = re.match(r"(.+?)['\u2019]s\s+(.+)", name)
    if possessive and find_countries(possessive.group(1)):
        return find_countries(possessive.group(1))[0].key, name_key(possessive.group(2))
    if first in demonyms() and rest:
        return demonyms()[first], name_key(rest)
    return None


def _names(node: object) -> set[str]:
    """Keys a node may share with another: its name, multi-word aliases and acronyms."""
    keys = {name_key(node.name)}  # type: ignore[attr-defined]
    for alias in node.aliases:  # type: ignore[attr-defined]
        if len(alias.split()) >= 2 or is_acronym(alias):
            keys.add(name_key(alias))
    return {k for k in keys if k}


@dataclass(frozen=True)
class _Named:
    """What resolution reads of a stored node: its name, its aliases (normalised as the schema's validation
    does), the documents of its places and how many places it has. Read from the stored data, not by
    validating the node with every place it was seen in (which cost half of resolving 1,000 documents)."""

    id: str
    name: str
    aliases: list[str]
    documents: set[str]
    places: int


def _named_nodes(store: GraphStore, node_type: str) -> dict[str, _Named]:
    """The nodes of ``node_type`` as :class:`_Named`, in the store's order.

    >>> from schema import Organization
    >>> store = GraphStore()
    >>> _ = store.add_node(Organization(id="org:a", name="A Body", aliases=["The  Body"]))
    >>> _named_nodes(store, "Organization")["org:a"].aliases
    ['The Body']
    """
    out: dict[str, _Named] = {}
    for ident, data in store.nx.nodes(data=True):
        if data["type"] == node_type:
            places = data.get("provenance", [])
            out[ident] = _Named(ident, data["name"], Node._aliases_on_one_line(list(data.get("aliases", []))),
                                {p["document"] for p in places}, len(places))
    return out


def _parts_naming_the_same(name: str) -> list[str]:
    """Shorter names a qualified name also goes by: 'Chemicals and Waste Branch of the Division of
    ...' is the Chemicals and Waste Branch; 'International Energy Agency, Clean Coal Centre' and
    'IEA Clean Coal Centre' are the Clean Coal Centre."""
    parts = []
    m = re.match(r"(.+?)\s+of\s+the\s+[A-Z]", name)
    if m and len(m.group(1).split()) >= 2:
        parts.append(m.group(1))
    m = re.match(r"(.+?)(?:,|\s[\u2013\-])\s+(.+)$", name)
    if m and len(m.group(2).split()) >= 2:
        parts.append(m.group(2))
    if m and len(m.group(1).split()) >= 2 and "\u2013" in name:
        parts.append(m.group(1))
    m = re.match(r"(.+?)\s+(?:Institute|Foundation|Inc|Ltd|Corp|Corporation|Group|Company)$", name)
    if m:
        parts.append(m.group(1))
    first, _, rest = name.partition(" ")
    if is_acronym(first) and len(rest.split()) >= 2:
        parts.append(rest)
    return parts


_UNIT_HEAD = re.compile(r"^(?:institute|centre|center|division|branch|unit|department|office|laboratory|school|"
                        r"faculty|programme|program)\b")


def _unit_keys(name: str, parents: set[str] | list[str]) -> set[str]:
    """Keys of the unit a name names, with and without its parent body and country: "National Research Council
    of Italy – Institute of Atmospheric Pollution Research", "Institute of Atmospheric Pollution Research,
    Italy" and "National Research Council Institute for Atmospheric Pollution Research" are one institute
    ('for' and 'of' alike); ``parents`` are the keys of the graph's bodies. The longest parent the key starts
    with (then a space) and a unit's head follows is cut off: found by looking up the key's own word-bounded
    beginnings, longest first (not by scanning every parent, which grew with the square of the bodies).

    >>> sorted(_unit_keys("National Research Council Institute for Atmospheric Pollution Research",
    ...                   {"national research council"}))
    ['institute of atmospheric pollution research']
    """
    keys = {name_key(part) for part in _parts_naming_the_same(name)}
    qualified = qualified_key(name)
    if qualified and _UNIT_HEAD.match(qualified[1]):
        keys.add(qualified[1])
    key = name_key(name)
    parents = parents if isinstance(parents, set) else set(parents)
    cut = key.rfind(" ")
    while cut > 0:
        if key[:cut] in parents and _UNIT_HEAD.match(key[cut + 1:]):
            keys.add(key[cut + 1:])
            break
        cut = key.rfind(" ", 0, cut)
    return {k.replace(" for ", " of ") for k in keys if len(k.split()) >= 3}


def _spelling_variants(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or fuzz.ratio(a, b) < FUZZY_WHOLE:
        return False
    return all(x == y or fuzz.ratio(x, y) >= FUZZY_WORD for x, y in zip(wa, wb, strict=True))


_ORDINALS = {w: i for i, w in enumerate(("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                          "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                          "nineteenth twentieth").split(), 1)}
_NTH_MEETING = re.compile(r"^(?:(?P<o1>\w+) (?:meeting|session) of (?:the )?(?P<b1>.+)|(?P<b2>.+?) (?P<o2>\w+) "
                          r"(?:meeting|session))$")
_CANNOT_END = re.compile(r"(?:ing|\bof|\bon|\bfor|\bto|\band|\bthe|\bin|\ba)$")
_QUALIFIER = re.compile(r"\b(?:region|regional)\b\s*")


def _same_titled_things(nodes: dict) -> dict[str, list[str]]:
    """Projects, publications and events that are one thing under two names, by key: a title cut short
    ("Guidance Document on Preparing" is the "Guidance Document on Preparing a national strategic plan ...": a
    title does not end on "Preparing" or "of"); a numbered meeting named either way round ("UNEP Global Mercury
    Partnership Advisory Group Twelfth meeting", "Twelfth meeting of the Partnership Advisory Group"); a
    name with and without "Region" ("Caribbean (Region) Mercury Monitoring Network")."""
    groups: dict[str, list[str]] = defaultdict(list)
    keys = {ident: [name_key(n) for n in (node.name, *node.aliases)] for ident, node in nodes.items()}
    full = sorted({k for ks in keys.values() for k in ks}, key=len)
    meetings: list[tuple[int, str, str]] = []
    for ident, node_keys in keys.items():
        for key in node_keys:
            if len(key.split()) >= 3 and _CANNOT_END.search(key):
                longer = [k for k in full if k.startswith(key + " ")]
                if longer:
                    groups["cut:" + longer[0]].append(ident)
            plain = _QUALIFIER.sub("", key).strip()
            if plain != key and len(plain.split()) >= 3:
                groups["plain:" + plain].append(ident)
            elif len(key.split()) >= 3:
                groups["plain:" + key].append(ident)
            m = _NTH_MEETING.match(key)
            if m:
                number = _ORDINALS.get(m.group("o1") or m.group("o2") or "")
                body = (m.group("b1") or m.group("b2") or "").strip()
                if number and len(body.split()) >= 2:
                    meetings.append((number, body, ident))
    for number, body, ident in meetings:  # one number, and one body's name ends the other's
        for n2, b2, other in meetings:
            if n2 == number and other != ident and (b2.endswith(" " + body) or b2 == body):
                groups[f"meeting:{number}:{body}"] += [ident, other]
    for ident, node_keys in keys.items():
        for key in node_keys:
            if f"cut:{key}" in groups:
                groups[f"cut:{key}"].append(ident)
    return {k: list(dict.fromkeys(v)) for k, v in groups.items() if len(set(v)) > 1}


def resolve_entities(store: GraphStore) -> int:
    """Merge Organization and Person nodes that name the same thing; returns how many were merged away."""
    merged = 0
    reference = {name_key(o.name) for o in organizations()}
    for node_type in ("Organization", "Person", "Project", "Publication", "Event"):
        nodes = _named_nodes(store, node_type)
        docs = {ident: node.documents for ident, node in nodes.items()}
        clusters = _Clusters(list(nodes))
        by_key: dict[str, list[str]] = defaultdict(list)
        for ident, node in nodes.items():
            for key in _names(node):
                by_key[key].append(ident)
        for key, idents in by_key.items():
            generic = bool(_GENERIC.match(key)) and not qualified_key(key.title())
            for other in idents[1:]:
                if not generic or docs[idents[0]] & docs[other]:
                    clusters.union(idents[0], other)
        if node_type == "Organization":
            qualified: dict[tuple[str, str], list[str]] = defaultdict(list)
            for ident, node in nodes.items():
                for name in (node.name, *node.aliases):
                    q = qualified_key(name)
                    if q:
                        qualified[q].append(ident)
            for (_country, body), idents in qualified.items():
                for other in idents[1:]:
                    clusters.union(idents[0], other)
                for ident in by_key.get(body, []):  # the same body named without its country
                    if not _GENERIC.match(body) or docs[ident] & docs[idents[0]]:
                        clusters.union(idents[0], ident)
            for ident, node in nodes.items():  # 'X of the <parent>' and '<parent>, X' are X
                for part in _parts_naming_the_same(node.name):
                    for other in by_key.get(name_key(part), []):
                        if docs[other] & docs[ident] or len(part.split()) >= 3:
                            clusters.union(other, ident)
            by_part: dict[str, list[str]] = defaultdict(list)
            parents = {name_key(n.name) for n in nodes.values() if len(n.name.split()) >= 2}
            for ident, node in nodes.items():
                for part in _unit_keys(node.name, parents):
                    by_part[part].append(ident)
            for idents in by_part.values():  # 'IEA Clean Coal Centre' and 'International Energy Agency, Clean Coal Centre'
                for other in idents[1:]:
                    clusters.union(idents[0], other)
            acronyms = {i: n.name for i, n in nodes.items() if is_acronym(n.name) and " " not in n.name}
            in_document: dict[str, list[str]] = defaultdict(list)  # block: only bodies of a shared document
            for ident in nodes:
                for doc in docs[ident]:
                    in_document[doc].append(ident)
            for ident, short in acronyms.items():
                candidates = dict.fromkeys(o for doc in docs[ident] for o in in_document[doc])
                for other in candidates:
                    node = nodes[other]
                    if other == ident:
                        continue
                    initials = "".join(w[0] for w in node.name.split() if w[:1].isupper())
                    spelled = len(short) >= 3 and initials.startswith(short) and not any(
                        is_acronym(a) and " " not in a for a in node.aliases if a != short)
                    longer = any(a.startswith(short + "-") for a in (node.name, *node.aliases))
                    if spelled or longer:  # 'BCRC' for 'Basel Convention Regional Centre ...' / 'BCRC-Caribbean'
                        clusters.union(other, ident)
        if node_type in ("Project", "Publication", "Event"):
            for ident, node in nodes.items():
                # 'Conference of Plenipotentiaries on the Minamata Convention', 'Quick Start Guide for managing
                # ...', 'Basel Convention Technical Guidelines on ...': the short title is the same thing
                for m in re.finditer(r"\s+(?:on|of|for|to|in)\s+", node.name):
                    head, tail = node.name[:m.start()], node.name[m.end():]
                    if len(head.split()) < 2:
                        continue
                    for other in [*by_key.get(name_key(head), []), *by_key.get(name_key(tail), [])]:
                        if other != ident and docs[other] & docs[ident] and (
                                name_key(head) == name_key(nodes[other].name) or m.group(0).strip() == "of"):
                            clusters.union(other, ident)
            heads: dict[tuple[str, str], list[str]] = defaultdict(list)
            tails: dict[str, str] = {}
            for ident, node in nodes.items():
                # 'Overarching Framework of the (UNEP Global Mercury) Partnership', 'Guidance Document on developing
                # ...' / '... on Preparing ...', 'Good Practice Document' / 'Good Practice for Management of ...'
                m = re.match(r"(.+?)\s+(?:of\s+the|on|for)\s+[A-Za-z]", node.name)
                head = m.group(1) if m else re.sub(r"\s+(?:Document|Report|Guidance)$", "", node.name)
                if len(head.split()) >= 2 and head != node.name or (m and len(head.split()) >= 2):
                    for doc in docs[ident]:
                        heads[(doc, name_key(head))].append(ident)
                        tails[ident] = name_key(node.name[len(head):])
                for word in node.name.split():  # 'GEF planetGOLD' is the programme 'planetGOLD'
                    rest = node.name.replace(word, "").strip()
                    if (re.fullmatch(r"[a-z]+[A-Z]{2,}\w*", word) and len(node.name.split()) <= 3 and word != node.name
                            and not find_countries(rest)):  # 'planetGOLD Guyana' is a country project of its own
                        for other in by_key.get(name_key(word), []):
                            if docs[other] & docs[ident]:
                                clusters.union(other, ident)
            for idents in _same_titled_things(nodes).values():
                for other in idents[1:]:
                    clusters.union(idents[0], other)
            for idents in heads.values():  # one head, and tails that say the same ('International Conference on
                for other in idents[1:]:     # Chemicals Management' is not '... on Mercury as a Global Pollutant')
                    a, b = tails.get(idents[0], ""), tails.get(other, "")
                    if not a or not b or fuzz.token_set_ratio(a, b) >= 60:
                        clusters.union(idents[0], other)
        if node_type == "Organization":
            keys = sorted((name_key(n.name), i) for i, n in nodes.items())
            for (a, ia), (b, ib) in zip(keys, keys[1:], strict=False):  # noqa: B007
                if _spelling_variants(a, b):
                    clusters.union(ia, ib)
        for group in clusters.groups().values():
            if len(group) < 2:
                continue
            keep = max(group, key=lambda i: (name_key(nodes[i].name) in reference, nodes[i].places,
                                             len(nodes[i].name)))
            for ident in group:
                if ident != keep:
                    store.merge_into(keep, ident)
                    merged += 1
    return merged
