"""The extraction pipeline: an ordered list of small components over one :class:`~loaders.annotated.Annotated`
document, after spaCy's ``Language``: each reads the layers the ones before it wrote and adds its own.

>>> [name for name, _ in PIPELINE][:4]
['keyed_nodes', 'acronym_definitions', 'organizations', 'people']
>>> from loaders.readers import parse_text
>>> ann = run(parse_text("12. The Philippines reported on Article 7.", "r.txt"))
>>> sorted(n.id for n in ann.nodes)
['article:7', 'country:PHL', 'org:government-of-the-philippines']
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from loaders.annotated import Annotated
from loaders.locate import forget_sentences
from loaders.entities.named import (acronym_definitions, field_bodies, organizations, person_tails,
                                    organizations_in_context, people, same_things, titles)
from loaders.entities.nodes import keyed_nodes, named_nodes
from loaders.entities.repeated import repeated_mentions
from loaders.learned.entities import learned_entities, prepare_ner
from loaders.learned.relations import learned_relations
from loaders.relations.actors import read_country_actors
from loaders.relations.affiliations import read_affiliations, read_focal_points, read_page_people
from loaders.relations.collaborates import read_collaborations
from loaders.relations.fields import read_fields
from loaders.relations.context import index_sentences
from loaders.relations.funding import read_funding
from loaders.relations.implementing import read_implementers
from loaders.relations.leads import read_leads
from loaders.relations.located_in import read_located_in
from loaders.relations.part_of import read_part_of
from loaders.relations.roles import read_places, read_roles
from loaders.relations.stated import mark_planned
from loaders.relations.supports import read_supports
from schema import Document

Component = Callable[[Annotated], None]

PIPELINE: tuple[tuple[str, Component], ...] = (
    # entities
    ("keyed_nodes", keyed_nodes),
    ("acronym_definitions", acronym_definitions),
    ("organizations", organizations),
    ("people", people),
    ("organizations_in_context", organizations_in_context),
    ("titles", titles),
    ("field_bodies", field_bodies),
    ("learned_entities", learned_entities),
    ("person_tails", person_tails),
    ("same_things", same_things),
    ("named_nodes", named_nodes),
    ("affiliations", read_affiliations),
    ("repeated_mentions", repeated_mentions),
    # relations
    ("sentences", index_sentences),
    ("part_of", read_part_of),
    ("located_in", read_located_in),
    ("supports", read_supports),
    ("leads", read_leads),
    ("collaborations", read_collaborations),
    ("funding", read_funding),
    ("implementers", read_implementers),
    ("fields", read_fields),
    ("roles", read_roles),
    ("places", read_places),
    ("country_actors", read_country_actors),
    ("page_people", read_page_people),
    ("focal_points", read_focal_points),
    ("learned_relations", learned_relations),
    ("planned", mark_planned),
)


class Stopped(Exception):
    """The extraction was asked to stop (its request ran out of time): nothing it made is kept."""


_stop = threading.local()


@contextmanager
def stop_when(event: threading.Event) -> Iterator[None]:
    """Within the block, extraction in this thread stops (raising :class:`Stopped`) between components
    once ``event`` is set."""
    before = getattr(_stop, "event", None)
    _stop.event = event
    try:
        yield
    finally:
        _stop.event = before


def check_stop() -> None:
    """Raise :class:`Stopped` if this thread's extraction was asked to stop."""
    event = getattr(_stop, "event", None)
    if event is not None and event.is_set():
        raise Stopped("stopped")


def run(doc: Document, sha256: str | None = None, pipeline: tuple[tuple[str, Component], ...] = PIPELINE,
        until: str | None = None) -> Annotated:
    """Run every component over ``doc`` in order (only those before the one named ``until``, where given);
    returns the annotated document."""
    forget_sentences()  # the remembered sentence spans are one document's: never keep another's text alive
    ann = Annotated.of(doc, sha256)
    prepare_ner(ann)  # (a model process beside this one, if any, loads the NER now if it may be needed)
    for name, component in pipeline:
        if name == until:
            break
        check_stop()
        component(ann)
    ann.syntax.save()
    return ann
