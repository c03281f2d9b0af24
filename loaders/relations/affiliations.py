"""AFFILIATED_WITH: whom a person speaks for, works at or represents.

From the person finds' own affiliation: 'Name (Organisation)', 'Name, Organisation' in a list of
office-holders; 'Name (Country)' means the country's government.
"""

from __future__ import annotations

from loaders.annotated import Annotated
from loaders.entities.found import name_key
from loaders.entities.nodes import government
from schema import AffiliatedWith, Node


def read_affiliations(ann: Annotated) -> None:
    """Pipeline component: AFFILIATED_WITH edges from each person find's affiliation."""
    aliases = {name_key(a): n for n in ann.by_key.values() if n.type == "Organization" for a in (n.name, *n.aliases)}
    edges: dict[tuple[str, str], AffiliatedWith] = {}
    for key, found in ann.groups.items():
        if key[0] != "Person":
            continue
        person = ann.by_key[key]
        for f, prov in found:
            org: Node | None = None
            if f.props.get("affiliation"):
                org = aliases.get(name_key(f.props["affiliation"]))
            elif f.props.get("country"):
                org = government(ann, f.props["country"], prov, "a country named as a person's affiliation")
            if org is None:
                continue
            edge = edges.setdefault((person.id, org.id), AffiliatedWith(source=person.id, target=org.id))
            edge.provenance.append(prov)
    for (source, target), edge in edges.items():
        ann.edges.edges[("AFFILIATED_WITH", source, target)] = edge
