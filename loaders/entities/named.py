"""The entity components of the pipeline: acronyms, organisations, people and titled things.

Organisations are read twice: first by the rules that need nothing but the text, so that people can be told
by the organisations around them ('Zaigham Abbas (Ministry of Climate Change, Pakistan)'); then, with the
people known, by the rules that need them ('Ministry of the Environment of Japan and Misuzu Asari' is two
names; 'funded by X' where X is not a person).
"""

from __future__ import annotations

from loaders.annotated import Annotated
from loaders.entities.acronyms import find_definitions
from loaders.entities.found import name_key
from loaders.entities.orgs import find_organizations
from loaders.entities.people import find_people
from loaders.entities.titles import find_titled


def acronym_definitions(ann: Annotated) -> None:
    """Pipeline component: every 'Long Form (ACR)' of the text (``ann.definitions``)."""
    ann.definitions = find_definitions(ann.text)


def organizations(ann: Annotated) -> None:
    """Pipeline component: the organisations the text names, found without knowing its people."""
    ann.found += find_organizations(ann.text, ann.doc, set(), ann.definitions, context=False)


def people(ann: Annotated) -> None:
    """Pipeline component: the people the text names, and whom they speak for."""
    ann.found += find_people(ann.text, ann.found_of("Organization"))


def organizations_in_context(ann: Annotated) -> None:
    """Pipeline component: the organisations again, now that the people are known, with those found only by
    how they act ('funded by X', 'X is executing')."""
    persons = {p.name for p in ann.found_of("Person")}
    others = [f for f in ann.found if f.node_type != "Organization"]
    ann.found = [*find_organizations(ann.text, ann.doc, persons, ann.definitions), *others]


def titles(ann: Annotated) -> None:
    """Pipeline component: projects, publications and events; an organisation's name is not a title, and the
    words of a title ('Catalogue of ... Services on ...') are not bodies."""
    orgs = ann.found_of("Organization")
    org_spans = [(o.start, o.end) for o in orgs]
    org_names = {name_key(o.name) for o in orgs} | {name_key(a) for o in orgs for a in o.aliases}
    titled = [t for t in find_titled(ann.text, ann.definitions)
              if name_key(t.name) not in org_names
              and not any(a <= t.start and t.end <= b for a, b in org_spans)]  # 'United Nations ... Programme'
    title_spans = [(t.start, t.end) for t in titled if t.node_type in ("Project", "Publication")]
    orgs = [o for o in orgs if "reference" in o.rule or "acronym" in o.rule
            or not any(a <= o.start and o.end <= b and (b - a) > (o.end - o.start) for a, b in title_spans)]
    ann.found = [*orgs, *ann.found_of("Person"), *titled]
