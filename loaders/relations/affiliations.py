"""AFFILIATED_WITH: whom a person speaks for, works at or represents.

From the person finds' own affiliations (``loaders.entities.people``): 'Name (Organisation)', 'Name,
Organisation', 'Name, Role of Organisation', the body a list's lead-in names; 'Name (Country)' alone means the
country's government. A unit named before its parent body ('Graduate School ..., Kyoto University') gives
way to the body.

An agenda item's body also implements the work the item's title names ('4. Global Partnership for ... in
ASGM, Mayer Ngomesia, Taylor Kennedy, Resolve'): the find of the title carries its presenter.
"""

from __future__ import annotations

from loaders.annotated import Annotated
from loaders.entities.found import name_key
from loaders.entities.nodes import government
from loaders.entities.runs import SUB_UNIT
from schema import AffiliatedWith, Implements, Node


def _without_units(orgs: list[Node]) -> list[Node]:
    """'Misuzu Asari, Graduate School of Global Environmental Studies, Kyoto University': a unit named before
    its parent body; the person is affiliated with the body."""
    return [o for i, o in enumerate(orgs) if not (SUB_UNIT.match(o.name) and i + 1 < len(orgs))]


def read_affiliations(ann: Annotated) -> None:
    """Pipeline component: AFFILIATED_WITH edges from each person find's affiliation."""
    aliases = {name_key(a): n for n in ann.by_key.values() if n.type == "Organization" for a in (n.name, *n.aliases)}
    edges: dict[tuple[str, str], AffiliatedWith] = {}
    presented: dict[tuple[str, str], Implements] = {}
    for key, found in ann.groups.items():
        for f, prov in found:
            org = aliases.get(name_key(f.props.get("presenter", "")))
            if org is not None and key[0] == "Project":
                edge = presented.setdefault((org.id, ann.by_key[key].id),
                                            Implements(source=org.id, target=ann.by_key[key].id))
                edge.provenance.append(prov)
        if key[0] != "Person":
            continue
        person = ann.by_key[key]
        for f, prov in found:
            org: Node | None = None
            named = [n for n in f.props.get("affiliations", f.props.get("affiliation", "")).split("\x1f") if n]
            orgs: list[Node] = [o for o in (aliases.get(name_key(n)) for n in named) if o is not None]
            if not orgs and f.props.get("country"):
                orgs = [government(ann, f.props["country"], prov, "a country named as a person's affiliation")]
            for org in orgs:
                edge = edges.setdefault((person.id, org.id), AffiliatedWith(source=person.id, target=org.id))
                edge.provenance.append(prov)
    for (source, target), edge in edges.items():
        ann.edges.edges[("AFFILIATED_WITH", source, target)] = edge
    for (source, target), implements in presented.items():
        ann.edges.edges[("IMPLEMENTS", source, target)] = implements
