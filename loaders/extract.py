"""One document in, one ``schema.Extraction`` out: its Document node, the entities it
names (areas, articles, countries) and a MENTIONED_IN edge from each to the document.

>>> result = extract_text("note.txt", "12. The Philippines reported on Article 7 and the ASGM partnership area.")
>>> sorted(n.id for n in result.nodes)
['area:asgm', 'article:7', 'country:PHL']
>>> result.nodes[0].provenance[0].locator
'para 12'
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from loaders.entities.acronyms import find_definitions
from loaders.entities.found import Found, name_key
from loaders.entities.orgs import find_organizations
from loaders.entities.naming import organization_kind
from loaders.entities.people import find_people
from loaders.entities.titles import find_titled
from loaders.gazetteers import Mention, find_areas, find_articles, find_countries
from loaders.gazetteers.places import find_places
from loaders.locate import BlockIndex, provenance_for
from loaders.membership import find_membership
from loaders.relations import Located, RelationReader
from loaders.readers import parse_text, read_document
from loaders.text import DEFAULT_MAX_BYTES
from schema import (AffiliatedWith, Area, Article, Country, Document, DocumentNode, Edge, Extraction, MentionedIn,
                    NODE_CLASSES, Node, Organization, Person, Provenance, node_id)
from schema.reference import area_by_key, country_name

Finder = Callable[[str], list[Mention]]
FINDERS: tuple[Finder, ...] = (find_areas, find_articles, find_countries, find_places)


def extract_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read ``path`` (text, PDF or DOCX) and extract it; raises ``loaders.text.ReadError``."""
    doc, digest = read_document(Path(path), max_bytes=max_bytes)
    return extract_document(doc, sha256=digest)


def extract_text(document: str, text: str, sha256: str | None = None) -> Extraction:
    """Extract a document given as decoded text."""
    return extract_document(parse_text(text, document), sha256=sha256)


def extract_document(doc: Document, sha256: str | None = None) -> Extraction:
    """Extract the entities of a read document; mentions in dropped furniture are ignored."""
    index = BlockIndex(doc)
    document = document_node(doc, sha256)

    def provenance(start: int, end: int) -> Provenance | None:
        block = index.block_at(start)
        return provenance_for(doc, block, start, end) if block is not None else None

    nodes: list[Node] = []
    edges: list[Edge] = []
    located: list[Located] = []
    mentions: dict[tuple[str, str], list[tuple[Mention, Provenance]]] = defaultdict(list)
    for finder in FINDERS:
        for mention in finder(doc.text):
            prov = provenance(mention.start, mention.end)
            if prov is not None:
                mentions[(mention.node_type, mention.key)].append((mention, prov))
    for (node_type, key), found in sorted(mentions.items(), key=lambda item: item[1][0][0].start):
        node = _entity(node_type, key, [m.surface for m, _ in found if m.names_it], [p for _, p in found])
        nodes.append(node)
        located += [Located(node, m.start, m.end, index.block_at(m.start)) for m, _ in found]

    named = _named_entities(doc)
    groups: dict[tuple[str, str], list[tuple[Found, Provenance]]] = defaultdict(list)
    for f in named:
        prov = provenance(f.start, f.end)
        if prov is not None:
            groups[_group_key(f)].append((f, prov))
    by_key: dict[tuple[str, str], Node] = {}
    for key, found in sorted(groups.items(), key=lambda item: item[1][0][1].start):
        by_key[key] = _named_node(found)
        nodes.append(by_key[key])
        located += [Located(by_key[key], f.start, f.end, index.block_at(f.start)) for f, _ in found]
    edges.extend(_affiliations(groups, by_key, nodes))
    located += _repeated_mentions(doc, index, located)
    as_of = doc.meta.period_end or doc.meta.date
    edges.extend(RelationReader(doc, index, located, as_of).read())
    for node in nodes:
        edges.append(MentionedIn(source=node.id, target=document.id, provenance=node.provenance))
    return Extraction(document=document, nodes=nodes, edges=edges)


def _repeated_mentions(doc: Document, index: BlockIndex, located: list[Located]) -> list[Located]:
    """Every other place a named organisation or project appears under a name it was found by (one sense
    per document): 'Pact' found once as a partner is Pact wherever the report names it again.

    The names are matched in one pass (a compiled alternation, longest first), on word boundaries,
    case-sensitively, and never inside a mention already located.
    """
    surfaces: dict[str, Node] = {}
    for m in located:
        if m.node.type in ("Organization", "Project"):
            surface = doc.text[m.start:m.end]
            if len(surface) >= 3 and any(c.isupper() for c in surface) and "\n" not in surface:
                surfaces.setdefault(surface, m.node)
    if not surfaces:
        return []
    taken = sorted((m.start, m.end) for m in located)
    starts = [a for a, _ in taken]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
                         + r")(?![\w-])")
    found: list[Located] = []
    for hit in pattern.finditer(doc.text):
        i = bisect.bisect_right(starts, hit.end()) - 1
        if any(a < hit.end() and hit.start() < b for a, b in taken[max(0, i - 32):i + 1]):
            continue
        block = index.block_at(hit.start())
        if block is not None:
            found.append(Located(surfaces[hit.group(0)], hit.start(), hit.end(), block))
    return found


def _named_entities(doc: Document) -> list[Found]:
    """Organisations, people, projects, publications and events named in a document."""
    text = doc.text
    definitions = find_definitions(text)
    first_pass = find_organizations(text, doc, set(), definitions, context=False)
    people = find_people(text, first_pass)
    orgs = find_organizations(text, doc, {p.name for p in people}, definitions)
    org_spans = [(o.start, o.end) for o in orgs]
    org_names = {name_key(o.name) for o in orgs} | {name_key(a) for o in orgs for a in o.aliases}
    titled = [t for t in find_titled(text, definitions)
              if name_key(t.name) not in org_names
              and not any(a <= t.start and t.end <= b for a, b in org_spans)]  # 'United Nations ... Programme'
    title_spans = [(t.start, t.end) for t in titled if t.node_type in ("Project", "Publication")]
    orgs = [o for o in orgs if "reference" in o.rule or "acronym" in o.rule
            or not any(a <= o.start and o.end <= b and (b - a) > (o.end - o.start) for a, b in title_spans)]
    return [*orgs, *people, *titled]  # (words of a title such as 'Catalogue of ... Services on ...' are not bodies)


def _affiliations(groups: dict[tuple[str, str], list[tuple[Found, Provenance]]],
                  by_key: dict[tuple[str, str], Node], nodes: list[Node]) -> list[AffiliatedWith]:
    """AFFILIATED_WITH from 'Name (Organisation)' and 'Name (Country)': the country means its government."""
    aliases = {name_key(a): n for n in by_key.values() if n.type == "Organization" for a in (n.name, *n.aliases)}
    edges: dict[tuple[str, str], AffiliatedWith] = {}
    for key, found in groups.items():
        if key[0] != "Person":
            continue
        person = by_key[key]
        for f, prov in found:
            org: Node | None = None
            if f.props.get("affiliation"):
                org = aliases.get(name_key(f.props["affiliation"]))
            elif f.props.get("country"):
                gov_key = ("Organization", f"government of {f.props['country']}")
                org = by_key.get(gov_key)
                if org is None:
                    name = f"Government of {country_name(f.props['country'])}"
                    org = Organization(id=node_id("Organization", name), name=name, kind="government",
                                       kind_rule="a country named as a person's affiliation", provenance=[prov])
                    by_key[gov_key] = org
                    nodes.append(org)
            if org is None:
                continue
            edge = edges.setdefault((person.id, org.id), AffiliatedWith(source=person.id, target=org.id))
            edge.provenance.append(prov)
    return list(edges.values())


def _group_key(f: Found) -> tuple[str, str]:
    if f.node_type == "Organization" and f.props.get("country") and f.name.startswith("Government"):
        return ("Organization", f"government of {f.props['country']}")
    return (f.node_type, name_key(f.name))


def _named_node(found: list[tuple[Found, Provenance]]) -> Node:
    """One node from all the mentions of one organisation or person in a document."""
    first = found[0][0]
    names = [f.name for f, _ in found]
    reference = next((f.name for f, _ in found if "reference" in f.rule or "well-known" in f.rule), None)
    name = reference or max(set(names), key=lambda n: (names.count(n), len(n)))
    aliases = list(dict.fromkeys(a for f, _ in found for a in (f.name, *f.aliases) if a != name))
    provenance = [p for _, p in found]
    ident = node_id(first.node_type, name)
    if first.node_type == "Person":
        return Person(id=ident, name=name, aliases=aliases, provenance=provenance)
    if first.node_type in ("Project", "Publication", "Event"):
        return NODE_CLASSES[first.node_type](id=ident, name=name, aliases=aliases, provenance=provenance)
    kinds = [(f.kind, f.rule) for f, _ in found if f.kind]
    kind, rule = kinds[0] if kinds else organization_kind(name)
    former = list(dict.fromkeys(f.props["former_name"] for f, _ in found if f.props.get("former_name")))
    return Organization(id=ident, name=name, aliases=aliases, kind=kind, kind_rule=rule, former_names=former,
                        provenance=provenance)


def _entity(node_type: str, key: str, surfaces: list[str], provenance: list[Provenance]) -> Node:
    aliases = list(dict.fromkeys(" ".join(s.split()) for s in surfaces))
    ident = node_id(node_type, key)
    if node_type == "Area":
        return Area(id=ident, key=key, name=area_by_key()[key].name, aliases=aliases, provenance=provenance)
    if node_type == "Article":
        return Article(id=ident, key=key, name=f"Article {key}", provenance=provenance)
    if node_type == "Country":
        return Country(id=ident, key=key, name=country_name(key) or key, aliases=aliases, provenance=provenance)
    raise ValueError(f"no entity builder for {node_type}")


def document_node(doc: Document, sha256: str | None = None) -> DocumentNode:
    """The graph node of a read document, with its metadata and a quote of its opening block."""
    text = doc.text
    first = next(iter(doc.walk()), None)
    start, end = (first.start, first.end) if first else (0, len(text))
    end = min(end, start + 200)
    if end <= start:
        start, end = 0, max(1, min(len(text), 200))
    provenance = Provenance(document=doc.meta.file, locator=first.locator if first else "document",
                            quote=text[start:end] or doc.meta.file, start=start, end=end)
    meta = doc.meta
    return DocumentNode(
        id=node_id("Document", meta.file), name=meta.title or meta.file, file=meta.file,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), chars=len(text), format=meta.format,
        title=meta.title, symbol=meta.symbol, date=meta.date.isoformat() if meta.date else None,
        period_start=meta.period_start.isoformat() if meta.period_start else None,
        period_end=meta.period_end.isoformat() if meta.period_end else None, provenance=[provenance],
        membership=find_membership(doc))
