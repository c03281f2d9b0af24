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

Issue 29's forms of one name (``gmpgraph.name_forms``): singular and plural title words; 'Head of X' said as
'X Head'; an acronym, alias or former name spelling one other body's long name in any document; a name the
text writes only right before another's (a body before its unit, a label before a quoted title); a generic
word round a title; one of a numbered series; and across types, an acronym and the long form a text defines
it by, and a body's meetings. ``gmpgraph.duplicates`` measures what is left.

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

from gmpgraph.name_forms import JOIN, acronyms, bare, compound, numbered, singular, spells, unwrapped
from gmpgraph.store import GraphStore
from loaders.entities.acronyms import is_acronym
from loaders.entities.found import name_key
from loaders.entities.naming import EVENT_HEADS, PUBLICATION_HEADS
from loaders.gazetteers.countries import find_countries
from schema.nodes import Node
from schema.reference import demonyms, organizations

FUZZY_WHOLE = 94.0
FUZZY_WORD = 80.0
_GENERIC = re.compile(r"^(?:ministry|ministerio|department|secretariat|office|government|bureau|division|"
                      r"directorate)\b")
_US = re.compile(r"^(?:US|U\.S\.?|USA|United States(?: of America)?)\s+(?=[A-Z])")


class _Clusters:
    """Union-find over node ids; two clusters whose bodies are named with different countries never join (a bare
    'Environmental Protection Agency' joined to the United States' agency does not carry the 'Environmental
    Protection Agency of Sierra Leone' in with it).

    >>> c = _Clusters(["us", "bare", "sl"], {"us": "USA", "sl": "SLE"})
    >>> c.union("us", "bare"); c.union("sl", "bare"); c.find("sl") == c.find("us")
    False
    """

    def __init__(self, items: list[str], countries: dict[str, str] | None = None) -> None:
        self.parent = {i: i for i in items}
        self.country = dict(countries or {})  # root -> the country its bodies are named with

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (ra in self.country and rb in self.country and self.country[ra] != self.country[rb]):
            return
        self.parent[rb] = ra
        if rb in self.country:
            self.country.setdefault(ra, self.country[rb])

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


def _countries_named(nodes: dict) -> dict[str, str]:
    """Each organisation named with one country ('Environmental Protection Agency of Sierra Leone' -> SLE)."""
    out = {}
    for ident, node in nodes.items():
        keys = {q[0] for q in map(qualified_key, (node.name, *node.aliases)) if q}
        if len(keys) == 1:
            out[ident] = keys.pop()
    return out


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


_MONTHS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                     r"December)\b")
_SERIES_WORDS = frozenset({"phase", "part", "meeting", "session", "the", "of"})


def _quotes(store: GraphStore, ident: str) -> list[dict]:
    """The node's places, each once (by document and span)."""
    places = {(p["document"], p["start"], p["end"]): p for p in store.nx.nodes[ident].get("provenance", [])}
    return list(places.values())


def _long_names(node: _Named) -> list[str]:
    return [n for n in (node.name, *node.aliases) if len(n.split()) >= 2]


def _plural_variants(nodes: dict[str, _Named]) -> dict[str, list[str]]:
    """Titles whose words differ only in singular and plural: 'Good Practices Document' / 'Good Practice
    Document', 'Resource Persons List' / 'Resource Person List'."""
    groups: dict[str, list[str]] = defaultdict(list)
    for ident, node in nodes.items():
        for name in _long_names(node):
            groups[" ".join(singular(w) for w in name_key(name).split())].append(ident)
    return groups


def _said_as_compound(nodes: dict[str, _Named], docs: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Names of one document where one is the other's 'Head of/on X' said as the compound 'X Head': 'Secretariat
    of the Partnership' / 'Partnership Secretariat'; a title's compound may leave out the rest of the title
    ('Mercury Monitoring Guidance Document for COP4' / 'Guidance on monitoring of mercury and mercury compounds
    to support ...'). A body's name is read so only from 'Head of X'."""
    compounds: dict[str, list[str]] = defaultdict(list)
    for ident, node in nodes.items():
        for name in _long_names(node):
            key = name_key(name)
            if ident.startswith("org:") and not re.match(r"\w+ of ", key):
                continue  # a body's 'Facility for Global Environment' (FFEM) is not the Global Environment Facility
            said = compound(key)
            if len(said.split()) >= 2:
                compounds[said].append(ident)
    pairs = []
    for ident, node in nodes.items():
        for name in _long_names(node):
            for other in compounds.get(bare(name_key(name)), []):
                if other != ident and docs[other] & docs[ident]:
                    pairs.append((other, ident))
    return pairs


def _spelled_acronyms(nodes: dict[str, _Named]) -> list[tuple[str, set[str]]]:
    """An acronym one node goes by (its name, an alias, a former name) that spells the long name of exactly one
    other node, in any document: 'MOEJ' (the slides) is the 'Ministry of the Environment of Japan' (the 2022
    report); 'ICSC, formerly IEACCC' is the 'IEA Clean Coal Centre' of the 2012 report. An acronym that spells
    the node's own long name is its own. Pairs (the node, the nodes its acronym spells): resolution joins them
    when those are one cluster."""
    by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ident, node in nodes.items():
        for name in _long_names(node):
            by_initial[name[:1].casefold()].append((name, ident))
    pairs = []
    for ident, node in nodes.items():
        own = _long_names(node)
        for short in acronyms((node.name, *node.aliases)):
            if any(spells(short, name) for name in own):
                continue
            spelled = {other for name, other in by_initial[short[:1].casefold()]
                       if other != ident and spells(short, name)}
            if spelled:
                pairs.append((ident, spelled))
    return pairs


def _series(store: GraphStore, nodes: dict[str, _Named], docs: dict[str, set[str]]) -> list[tuple[str, str]]:
    """One thing of a numbered series under two names: the same name and number ('ACP MEAs III' and the '...
    Phase 3' project the text also calls 'ACP-MEA's'); for meetings, one named without its number in the
    document that numbers it, in the same month ('the ICMGP online event in July' after 'ICMGP-15 to be held
    online in July 2022'). Two numbers are two meetings; a name without a number elsewhere may be the series."""
    by_base: dict[str, list[tuple[str, frozenset[int]]]] = defaultdict(list)
    for ident, node in nodes.items():
        bases, numbers = numbered((node.name, *node.aliases))
        for base in bases:
            if len(base) >= 3 and base not in _SERIES_WORDS:
                by_base[base].append((ident, frozenset(numbers)))
    pairs = []
    for members in by_base.values():
        for i, (a, na) in enumerate(members):
            for b, nb in members[i + 1:]:
                if a == b:
                    continue
                if na and na == nb:
                    pairs.append((a, b))
                elif (bool(na) != bool(nb) and nodes[a].id.startswith("event:") and docs[a] & docs[b]
                      and _months(store, a, docs[b]) & _months(store, b, docs[a])):
                    pairs.append((a, b) if na else (b, a))
    return pairs


def _months(store: GraphStore, ident: str, documents: set[str]) -> set[str]:
    return {m for p in _quotes(store, ident) if p["document"] in documents for m in _MONTHS.findall(p["quote"])}


def _named_before(store: GraphStore, nodes: dict[str, _Named]) -> list[tuple[str, set[str]]]:
    """A name the text writes only right before another's, as one name: a body before its unit ("The National
    Research Council (CNR)² - Institute of Atmospheric Pollution Research, Italy": the acronym is the
    institute's), a label before the title it carries ('GEO Flagship on “Global Observation System for Mercury
    - GOS4M”'). Pairs (the name before, the nodes named after it): resolution joins them when those are one
    cluster."""
    starts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ident, node in nodes.items():
        for name in _long_names(node):
            starts[name[:8]].append((name, ident))
    pairs = []
    for ident, node in nodes.items():
        joined: set[str] = set()
        alone = 0
        for place in _quotes(store, ident):
            text = place["quote"].replace("**", "")
            for name in _long_names(node):
                at = text.find(name)
                while at >= 0:
                    join = JOIN.match(text, at + len(name))
                    at = text.find(name, at + 1)
                    rest = text[join.end():join.end() + 200] if join else ""
                    after = {other for other_name, other in starts.get(rest[:8], [])
                             if other != ident and rest.startswith(other_name)}
                    if after and join and ("on" in join.group(0) or _UNIT_HEAD.match(name_key(rest)) or any(
                            name_key(o).startswith(name_key(name) + " ") for other in after
                            for o in (nodes[other].name, *nodes[other].aliases))):
                        joined |= after  # a unit after its body, or a title after its label
                    else:
                        alone += 1
        if joined and not alone:
            pairs.append((ident, joined))
    return pairs


def _wrapped_titles(nodes: dict[str, _Named], docs: dict[str, set[str]]) -> list[tuple[str, str]]:
    """A title and the same title with a generic word round it, in one document: 'Guidance document on *Best
    Management Practices for Cyanide Use ...*' is the 'Best Management Practices for Cyanide Use ...'. Pairs
    (the title, the wrapped name)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for ident, node in nodes.items():
        for name in _long_names(node):
            by_key[name_key(name)].append(ident)
    pairs = []
    for ident, node in nodes.items():
        for name in _long_names(node):
            for inner in unwrapped(name_key(name)):
                pairs += [(other, ident) for other in by_key.get(inner, [])
                          if other != ident and docs[other] & docs[ident]]
    return pairs


def _across_types(store: GraphStore) -> int:
    """One thing read as two types, merged into the type its full name gives:

    * an acronym and the long form a text defines it by ('iPOG', read as a project, is the 'Interactive Process
      Optimization Guidance (iPOG)', a publication): the long form's type where its head names a document or a
      meeting, else a body's where one is ('IPEN', a body, is the 'International Pollutants Elimination Network
      (IPEN)' the words alone would make a project), else the type of the one named more often;
    * a body's meetings, no one meeting named ('participation in Cross-Secretariat Task Team meetings'), are the
      body (the Cross-Secretariat Task Team).

    Edges the kept type cannot have are dropped. Returns how many nodes were merged away."""
    types = ("Organization", "Project", "Publication", "Event")
    nodes = {t: _named_nodes(store, t) for t in types}
    by_initial: dict[str, dict[str, str]] = defaultdict(dict)  # initial -> {id: type}
    for other_type in types:
        for other, long in nodes[other_type].items():
            for name in _long_names(long):
                by_initial[name[:1].casefold()][other] = other_type
    merges: list[tuple[str, str]] = []
    for node_type in types:
        for ident, node in nodes[node_type].items():
            if " " in node.name or not acronyms([node.name]):
                continue
            for other, other_type in by_initial[node.name[:1].casefold()].items():
                long = nodes[other_type][other]
                if other_type == node_type or not node.documents & long.documents:
                    continue
                defined = [name for name in _long_names(long) if spells(node.name, name) and any(
                    f"{name} ({node.name})" in p["quote"] for p in _quotes(store, other))]
                if not defined:
                    continue
                head = re.sub(r"\s*\(.*", "", defined[0]).split()[-1]
                if head in PUBLICATION_HEADS or head in EVENT_HEADS or other_type == "Organization":
                    merges.append((other, ident))
                elif node_type == "Organization":  # 'International Pollutants Elimination Network (IPEN)'
                    merges.append((ident, other))
                else:
                    merges.append((other, ident) if long.places >= node.places else (ident, other))
    for ident, node in nodes["Event"].items():
        key = name_key(node.name)
        if not re.search(r" (?:meetings|sessions)$", key):
            continue
        inner = key.rsplit(" ", 1)[0]
        merges += [(other, ident) for other, body in nodes["Organization"].items()
                   if name_key(body.name) == inner and body.documents & node.documents]
    done = 0
    for keep, drop in dict.fromkeys(merges):
        if keep in store.nx and drop in store.nx:
            store.merge_into(keep, drop, across_types=True)
            done += 1
    return done



def resolve_entities(store: GraphStore) -> int:
    """Merge organisations, people, projects, publications and events that name the same thing (a thing read as
    two of these types too); returns how many nodes were merged away."""
    merged = 0
    reference = {name_key(o.name) for o in organizations()}
    for node_type in ("Organization", "Person", "Project", "Publication", "Event"):
        nodes = _named_nodes(store, node_type)
        docs = {ident: node.documents for ident, node in nodes.items()}
        clusters = _Clusters(list(nodes), _countries_named(nodes) if node_type == "Organization" else None)
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
        second: set[str] = set()  # names that give way to the other's: a wrapper, a label, a compound
        if node_type in ("Project", "Publication"):
            for idents in _plural_variants(nodes).values():
                for other in idents[1:]:
                    clusters.union(idents[0], other)
            for title, wrapped in _wrapped_titles(nodes, docs):
                clusters.union(title, wrapped)
                second.add(wrapped)
        if node_type != "Person":
            for full, said in _said_as_compound(nodes, docs):
                clusters.union(full, said)
                second.add(said)
            for a, b in _series(store, nodes, docs):
                clusters.union(a, b)
        if node_type in ("Organization", "Project"):
            for label, named in _named_before(store, nodes):
                if len({clusters.find(i) for i in named}) == 1:
                    clusters.union(next(iter(named)), label)
                    second.add(label)
        if node_type != "Person":
            for short, spelled in _spelled_acronyms(nodes):  # one body spelled out, however many names it has
                if len({clusters.find(i) for i in spelled}) == 1:
                    clusters.union(next(iter(spelled)), short)
                    if store.nx.nodes[short].get("former_names"):  # 'ICSC, formerly IEACCC': the name now stays
                        second.update(spelled)
        for group in clusters.groups().values():
            if len(group) < 2:
                continue
            keep = max(group, key=lambda i: (name_key(nodes[i].name) in reference, i not in second,
                                             nodes[i].places, len(nodes[i].name)))
            for ident in group:
                if ident != keep:
                    store.merge_into(keep, ident)
                    merged += 1
    return merged + _across_types(store)
