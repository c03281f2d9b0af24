"""Likely duplicates: pairs of nodes that look like one body, work or meeting under two names.

The measure of what resolution (``gmpgraph.resolve``) leaves: every pair of organisations, projects,
publications and events (of any two of these types) that one of these signs ties, with the sign:

* **loose name** - the same words once case, 'the/of/on...', singular and plural and word order are set aside
  ("Good Practices Document" / "Good Practice Document", "Partnership Secretariat" / "Secretariat of the
  Partnership");
* **acronym** - one's name, alias or former name spells the other's name, word by word, capitals kept whole
  and small words taken or not ("MOEJ" / "Ministry of the Environment of Japan", "IEACCC" / "IEA Clean Coal
  Centre", "iPOG" / "Interactive Process Optimization Guidance");
* **wrapped** - one's name is the other's with a generic word round it ("Cross-Secretariat Task Team
  meetings", "Guidance document on *Best Management Practices ...*");
* **inverted** - one's name is the other's 'Head on/of X' said as a compound ("Mercury Monitoring Guidance
  Document for COP4" / "Guidance on monitoring of mercury and mercury compounds ...");
* **adjacent** - a quote writes one name right before the other, joined by a dash or 'on "...'
  ("The National Research Council (CNR)² - Institute of Atmospheric Pollution Research", "GEO Flagship on
  “Global Observation System for Mercury - GOS4M”");
* **numbered** - two of one type named as one series with the same number ("ACP MEAs III" / "... - Phase 3"
  also called "ACP-MEA's"), or one with a number and one without in the same document ("ICMGP-15" / "the
  ICMGP online event in July"); two different numbers are two meetings;
* **unit** - the same unit of a body, named with and without its parent.

The signs are looser than resolution's rules (which must merge nothing that is two things): a pair listed
here is a candidate for a reader to judge, and the count of redundant nodes (nodes minus groups) is the
duplicate rate the tests hold down.

>>> from schema import Organization, Publication
>>> store = GraphStore()
>>> _ = store.add_node(Publication(id="pub:a", name="Good Practices Document"))
>>> _ = store.add_node(Publication(id="pub:b", name="Good Practice Document"))
>>> _ = store.add_node(Organization(id="org:moej", name="MOEJ"))
>>> _ = store.add_node(Organization(id="org:m", name="Ministry of the Environment of Japan"))
>>> [(p.a, p.b, p.sign) for p in likely_duplicates(store)]
[('org:m', 'org:moej', 'acronym'), ('pub:a', 'pub:b', 'loose name')]
>>> redundant_nodes(store)
2
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from gmpgraph.store import GraphStore
from gmpgraph.name_forms import JOIN, acronyms, bare, compound, loose_key, numbered, spells, unwrapped
from loaders.entities.found import clean_name, name_key

TYPES = ("Organization", "Project", "Publication", "Event")
TYPES = ("Organization", "Project", "Publication", "Event")


@dataclass(frozen=True)
class Pair:
    """Nodes ``a`` and ``b`` (ids) are likely one thing, by ``sign``; ``why`` shows the names that tie them."""

    a: str
    b: str
    sign: str
    why: str


@dataclass
class _Seen:
    id: str
    type: str
    name: str
    surfaces: list[str]
    documents: set[str]
    quotes: list[str]


def _seen(store: GraphStore) -> list[_Seen]:
    out = []
    for ident, data in store.nx.nodes(data=True):
        if data["type"] in TYPES:
            surfaces = list(dict.fromkeys([data["name"], *data.get("aliases", []), *data.get("former_names", [])]))
            places = data.get("provenance", [])
            out.append(_Seen(ident, data["type"], data["name"], [clean_name(s) for s in surfaces if clean_name(s)],
                             {p["document"] for p in places}, list(dict.fromkeys(p.get("quote", "") for p in places))))
    return out


def likely_duplicates(store: GraphStore) -> list[Pair]:
    """Every pair of nodes a sign ties, one line per pair (the first sign that ties it)."""
    from gmpgraph.resolve import _unit_keys

    nodes = _seen(store)
    by_id = {n.id: n for n in nodes}
    found: dict[tuple[str, str], Pair] = {}

    def add(a: str, b: str, sign: str, why: str) -> None:
        key = (a, b) if a < b else (b, a)
        if a != b and key not in found:
            found[key] = Pair(key[0], key[1], sign, why)

    def tie(index: dict[str, list[str]], sign: str, shared: bool = False) -> None:
        for why, idents in index.items():
            for a, b in combinations(dict.fromkeys(idents), 2):
                if not shared or by_id[a].documents & by_id[b].documents:
                    add(a, b, sign, why)

    keys = {n.id: {name_key(s) for s in n.surfaces} - {""} for n in nodes}
    by_key: dict[str, list[str]] = defaultdict(list)
    loose: dict[str, list[str]] = defaultdict(list)
    for ident, node_keys in keys.items():
        for key in node_keys:
            by_key[key].append(ident)
            if loose_key(key):
                loose[loose_key(key)].append(ident)
    tie(loose, "loose name")
    parents = {name_key(n.name) for n in nodes if n.type == "Organization" and len(n.name.split()) >= 2}
    units: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        if node.type == "Organization":
            for key in {k for s in node.surfaces for k in _unit_keys(s, parents)}:
                units[key].append(node.id)
    tie(units, "unit")
    # acronym: one node's short name spells a long name of another (not its own: 'COP' is its body's)
    long_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node in nodes:
        for surface in node.surfaces:
            if " " in surface:
                long_names[surface[0].casefold()].append((surface, node.id))
    for node in nodes:
        for short in acronyms(node.surfaces):
            if any(spells(short, own) for own in node.surfaces if " " in own):
                continue
            for long, other in long_names[short[0].casefold()]:
                if other != node.id and spells(short, long):
                    add(node.id, other, "acronym", f"{short} = {long}")
    wrapped: dict[str, list[str]] = defaultdict(list)
    inverted: dict[str, list[str]] = defaultdict(list)
    for ident, node_keys in keys.items():
        for key in node_keys:
            for inner in unwrapped(key):
                for other in by_key.get(inner, []):
                    wrapped[f"{key} ~ {inner}"] += [other, ident]
            if len(bare(key).split()) >= 2:
                inverted[bare(key)].append(ident)
    for ident, node_keys in keys.items():
        for key in node_keys:
            said = compound(key)
            if said in inverted:
                inverted[said].append(ident)
    tie(wrapped, "wrapped", shared=True)
    tie({k: v for k, v in inverted.items() if len(set(v)) > 1}, "inverted", shared=True)
    tie(_adjacent(nodes), "adjacent", shared=True)
    series: dict[tuple[str, str], list[tuple[str, frozenset[int]]]] = defaultdict(list)
    for node in nodes:
        bases, numbers = numbered(node.surfaces)
        for base in bases:
            series[(node.type, base)].append((node.id, frozenset(numbers)))
    for (_, base), members in series.items():
        for (a, na), (b, nb) in combinations(dict.fromkeys(members), 2):
            if a != b and ((na and na == nb) or (bool(na) != bool(nb) and by_id[a].documents & by_id[b].documents)):
                add(a, b, "numbered", f"{base} {sorted(na | nb)}")
    return sorted(found.values(), key=lambda p: (p.a, p.b))


def _adjacent(nodes: list[_Seen]) -> dict[str, list[str]]:
    """Quotes where a name of one node is written right before a name of another, a dash or 'on "' between
    ('The National Research Council (CNR)² - Institute of ...'), as {joined words: [ids]}."""
    starts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node in nodes:
        for surface in node.surfaces:
            if len(surface.split()) >= 2:
                starts[surface[:8]].append((surface, node.id))
    out: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        for quote in node.quotes:
            text = quote.replace("**", "")
            for surface in node.surfaces:
                if len(surface.split()) < 2:
                    continue
                for m in re.finditer(re.escape(surface), text):
                    join = JOIN.match(text, m.end())
                    if not join:
                        continue
                    rest = text[join.end():]
                    for other_name, other in starts.get(rest[:8], []):
                        if other != node.id and rest.startswith(other_name):
                            out[text[m.start():join.end() + len(other_name)]] += [node.id, other]
    return out


def groups_of(pairs: list[Pair]) -> list[list[str]]:
    """The pairs joined into groups (each a list of ids, sorted)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.b)] = find(p.a)
    out: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        out[find(x)].append(x)
    return sorted(sorted(g) for g in out.values())


def redundant_nodes(store: GraphStore) -> int:
    """How many nodes are likely redundant: in each group of likely duplicates, all but one."""
    return sum(len(g) - 1 for g in groups_of(likely_duplicates(store)))
