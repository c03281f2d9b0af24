"""Nodes from what the entity components found: one node per thing a document names.

* gazetteer mentions (areas, articles, countries, cities that stand for their country) become the keyed
  nodes, one per key;
* named finds (organisations, people, projects, publications, events) are grouped by type and name (a
  government by its country), and each group becomes one node named by its reference name, else its most
  frequent and longest name, with every other name as an alias.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from loaders.annotated import Annotated, Located
from loaders.entities.found import Found, name_key
from loaders.entities.governments import as_written, government_name, with_article
from loaders.entities.naming import is_own_organ, is_venue, organization_kind
from loaders.gazetteers import Mention, find_articles, find_countries
from loaders.gazetteers.countries import is_country_name
from loaders.gazetteers.areas import find_areas_in_document, find_title_area
from loaders.gazetteers.places import find_places
from schema import NODE_CLASSES, Area, Article, Block, Country, Node, Organization, Person, Provenance, node_id
from schema.reference import area_by_key, country_name

Finder = Callable[[str], list[Mention]]
FINDERS: tuple[Finder, ...] = (find_areas_in_document, find_title_area, find_articles, find_countries, find_places)


def keyed_nodes(ann: Annotated) -> None:
    """Pipeline component: areas, articles and countries (and the cities that name a country) as nodes."""
    mentions: dict[tuple[str, str], list[tuple[Mention, Provenance]]] = defaultdict(list)
    for finder in FINDERS:
        for mention in finder(ann.text):
            prov = ann.provenance(mention.start, mention.end)
            if prov is not None:
                mentions[(mention.node_type, mention.key)].append((mention, prov))
    for (node_type, key), found in sorted(mentions.items(), key=lambda item: item[1][0][0].start):
        node = _keyed(node_type, key, [m.surface for m, _ in found if m.names_it], [p for _, p in found])
        ann.nodes.append(node)
        ann.located += [Located(node, m.start, m.end, ann.index.block_at(m.start)) for m, _ in found]


def _keyed(node_type: str, key: str, surfaces: list[str], provenance: list[Provenance]) -> Node:
    aliases = list(dict.fromkeys(" ".join(s.split()) for s in surfaces))
    ident = node_id(node_type, key)
    if node_type == "Area":
        return Area(id=ident, key=key, name=area_by_key()[key].name, aliases=aliases, provenance=provenance)
    if node_type == "Article":
        return Article(id=ident, key=key, name=f"Article {key}", provenance=provenance)
    if node_type == "Country":
        return Country(id=ident, key=key, name=country_name(key) or key, aliases=aliases, provenance=provenance)
    raise ValueError(f"no entity builder for {node_type}")


def group_key(f: Found) -> tuple[str, str]:
    """What two finds must share to be one node: type and name (a government: its country)."""
    if f.node_type == "Organization" and f.props.get("country") and f.name.startswith("Government"):
        return ("Organization", f"government of {f.props['country']}")
    return (f.node_type, name_key(f.name))


def named_nodes(ann: Annotated) -> None:
    """Pipeline component: one node per group of named finds, located at each find."""
    groups: dict[tuple[str, str], list[tuple[Found, Provenance]]] = defaultdict(list)
    ann.found = [f for f in people_by_full_name(ann.found) if not (f.node_type == "Organization" and (
        is_own_organ(f.name) or is_venue(f.name)))]  # 'Board of Trustees', 'Bali International Convention Centre'
    for f in ann.found:
        _ministry_of_its_country(f)
    _ministries_named_short(ann.found)
    for f in ann.found:
        prov = ann.provenance(f.start, f.end)
        if prov is not None:
            groups[group_key(f)].append((f, prov))
    groups = _joined_by_aliases(groups)
    for key, found in sorted(groups.items(), key=lambda item: item[1][0][1].start):
        node = named_node(found)
        ann.by_key[key] = node
        ann.nodes.append(node)
        ann.located += [Located(node, f.start, f.end, ann.index.block_at(f.start)) for f, _ in found]
    ann.groups = dict(groups)


_MINISTRY_HEADS = ("Ministry of ", "Ministry for ", "Department of ", "Ministère ", "Ministerio ")


def _ministry_of_its_country(f: Found) -> None:
    """A ministry is named with its country after it, as the guidelines write 'Ministry of the Environment of
    Japan': 'Ministry of Natural Resources and Environment, Thailand', 'Kenya's Ministry of Environment' and
    'Ministry of Environment Japan' become '... of Thailand', '... of Kenya', '... of Japan' (the text's form an
    alias).

    >>> f = Found("Organization", "Ministry of Natural Resources and Environment, Thailand", 0, 55)
    >>> _ministry_of_its_country(f); f.name
    'Ministry of Natural Resources and Environment of Thailand'
    >>> f = Found("Organization", "Ministry of Environment and Forestry, Republic of Indonesia", 0, 59)
    >>> _ministry_of_its_country(f); f.name
    'Ministry of Environment and Forestry of Indonesia'
    """
    if f.node_type != "Organization":
        return
    name = f.name
    countries = find_countries(name)
    if not countries:
        return
    first, last = countries[0], countries[-1]
    owner = name[first.end:first.end + 2] in ("'s", "\u2019s")
    if owner and first.start == 0 and name[first.end + 2:].strip().startswith(_MINISTRY_HEADS):
        ministry, country = name[first.end + 2:].strip(), name[:first.end]
    elif first.start == 0 and name[first.end:first.end + 1] == " " and name[first.end + 1:].startswith(
            ("Ministry of ", "Ministry for ")):  # 'Fiji Ministry of Health and Medical Services' (not 'US Department
        ministry, country = name[first.end + 1:], name[:first.end]  # of State', a name of its own)
    elif name.startswith(_MINISTRY_HEADS) and last.end == len(name) and last.start > 12:
        ministry, country = name[:last.start].rstrip(" ,"), name[last.start:]
        if ministry.endswith(("of", "the")):
            return  # already 'Ministry of Mines of Peru' or 'Ministry of Peru'
    else:
        return
    f.aliases = tuple(dict.fromkeys((*f.aliases, name)))
    short = country.removeprefix("the ").removeprefix("Republic of ")  # '..., Republic of Indonesia': of Indonesia
    if short != country and country_name(last.key) == short:
        country = short
    f.name = f"{ministry} of {with_article(country)}"


def _ministries_named_short(found: list[Found]) -> None:
    """A ministry the document names once with its country ('Ministry of Environment of Jordan') and elsewhere
    without it ('Ms. Haddad of the Ministry of Environment') is that country's, where the document names no
    other country's ministry of that name (the short form an alias).

    >>> fs = [Found("Organization", "Ministry of Environment of Jordan", 0, 33),
    ...       Found("Organization", "Ministry of Environment", 50, 73)]
    >>> _ministries_named_short(fs); fs[1].name, fs[1].aliases
    ('Ministry of Environment of Jordan', ('Ministry of Environment',))
    """
    full: dict[str, set[str]] = defaultdict(set)
    for f in found:
        if f.node_type == "Organization" and f.name.startswith(_MINISTRY_HEADS):
            bare, of, place = f.name.rpartition(" of ")
            if of and bare.startswith(_MINISTRY_HEADS) and is_country_name(place):
                full[name_key(bare)].add(f.name)
    for f in found:
        names = full.get(name_key(f.name)) if f.node_type == "Organization" else None
        if names and len(names) == 1:
            f.aliases = tuple(dict.fromkeys((*f.aliases, f.name)))
            f.name = next(iter(names))


def people_by_full_name(found: list[Found]) -> list[Found]:
    """A person the text names by one word ('Peter also deals with ...') is the one person of the document whose
    full name has that word, and one named by the last words of another's full name is that person; a one-word
    name that fits nobody, or a name with digits ('B-1000 Brussels'), is no person's.

    >>> finds = [Found("Person", "Peter Nelson", 0, 12), Found("Person", "Peter", 40, 45),
    ...          Found("Person", "Jul2022", 60, 67), Found("Person", "Smith", 80, 85),
    ...          Found("Person", "María del Mar Solano", 90, 110), Found("Person", "Mar Solano", 120, 130)]
    >>> [(f.name, f.start) for f in people_by_full_name(finds)]
    [('Peter Nelson', 0), ('Peter Nelson', 40), ('María del Mar Solano', 90), ('María del Mar Solano', 120)]
    """
    full = {f.name for f in found if f.node_type == "Person" and len(f.name.split()) >= 2}
    kept = []
    for f in found:
        if f.node_type == "Person":
            if any(c.isdigit() for c in f.name):
                continue
            words = f.name.split()
            if len(words) == 1:
                owners = [name for name in full if f.name in name.split()]
                if len(owners) != 1:
                    continue
                f.aliases, f.name = tuple(dict.fromkeys((*f.aliases, f.name))), owners[0]
            else:  # 'Mar Solano Trejos', the end of 'María del Mar Solano Trejos'
                owners = [name for name in full if len(name.split()) > len(words) and name.split()[-len(words):] == words]
                if len(owners) == 1:
                    f.aliases, f.name = tuple(dict.fromkeys((*f.aliases, f.name))), owners[0]
        kept.append(f)
    return kept


def _joined_by_aliases(groups: dict[tuple[str, str], list[tuple[Found, Provenance]]]
                       ) -> dict[tuple[str, str], list[tuple[Found, Provenance]]]:
    """One sense per document: a group whose name another group of the same type gives as an alias is that
    thing ('GOLD', the acronym of 'Global Opportunities for Long-term Development (GOLD) in the ... program')."""
    by_alias: dict[tuple[str, str], tuple[str, str]] = {}
    for key, found in groups.items():
        for f, _ in found:
            for alias in f.aliases:
                k = (key[0], name_key(alias))
                if k != key and k in groups and len(alias) >= 3:
                    by_alias.setdefault(k, key)
    if not by_alias:
        return groups

    def root(key: tuple[str, str]) -> tuple[str, str]:
        seen = set()
        while key in by_alias and key not in seen:
            seen.add(key)
            key = by_alias[key]
        return key

    joined: dict[tuple[str, str], list[tuple[Found, Provenance]]] = defaultdict(list)
    for key, found in groups.items():
        joined[root(key)].extend(found)
    return dict(joined)


def named_node(found: list[tuple[Found, Provenance]]) -> Node:
    """One node from all the mentions of one organisation, person, project, publication or event."""
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


def government(ann: Annotated, country: str, prov: Provenance, rule: str, surface: str | None = None) -> Node:
    """The node of the government of ``country`` (alpha-3), made if the document has none yet, named after the
    country as the text writes it ('the United Kingdom') where given."""
    key = ("Organization", f"government of {country}")
    org = ann.by_key.get(key)
    if org is None:
        name = government_name(surface or country_name(country))
        org = Organization(id=node_id("Organization", name), name=name, kind="government", kind_rule=rule,
                           provenance=[prov])
        ann.by_key[key] = org
        ann.nodes.append(org)
    return org


def government_named_at(ann: Annotated, mention: Located, block: Block, rule: str) -> Node:
    """The government of a country a sentence names as an actor, named as the text writes the country ('the
    United Kingdom'), its provenance the country's mention."""
    return government(ann, mention.node.key, ann.edges.provenance(block, (mention.start, mention.end)), rule,
                      as_written(ann.text, mention.start, ann.text[mention.start:mention.end]))


def government_located(ann: Annotated, mention: Located, block: Block, rule: str) -> Located:
    """:func:`government_named_at`, located where the country is named: an agent beside the bodies of a list
    ('contributions from the European Union, Germany and Norway', 'Spain and Uruguay, co-leads of ...')."""
    return Located(government_named_at(ann, mention, block, rule), mention.start, mention.end, block)
