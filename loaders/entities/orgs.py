"""Find the organisations a document names.

Rules, each reading the text (a generic NER model is not used; see README for why):

1. well-known bodies from the reference list, by name or acronym ("UNEP", "Global
   Environment Facility", "intergovernmental negotiating committee");
2. acronym definitions whose long form is headed like an organisation
   ("Biodiversity Research Institute (BRI)"), and the bare acronym afterwards;
3. governments: "Government of Norway", "Governments of Spain and Uruguay" (split),
   "the Governments of Austria, Belgium, ... and Sweden", "the Danish Government";
4. capitalised names headed by an organisation word: "Ministry of the Environment of
   Japan", "Dartmouth College", "University of British Columbia", "Alliance for
   Responsible Mining";
5. partner headings: a bullet that is nothing but a short name ("- Appelglobal").

>>> sorted({f.name for f in find_organizations("The Governments of Spain and Uruguay took over from the Mercury "
...                                             "Policy Project and the Biodiversity Research Institute (BRI).")})
['Biodiversity Research Institute', 'Government of Spain', 'Government of Uruguay', 'Mercury Policy Project']
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from loaders.entities.acronyms import Definition, find_definitions
from loaders.entities.contextual import contextual_bodies
from loaders.entities.defined import defined_bodies, renamed_bodies, translated_acronyms, units_after_acronyms
from loaders.entities.found import Found, name_key
from loaders.entities.governments import governments
from loaders.entities.headed import headed_names, lower_heads, partner_headings
from loaders.entities.reference import reference_pattern, well_known_bodies
from loaders.spans import Spans
from schema import Document


@lru_cache(maxsize=16)
def _text_only_rules(text: str, definitions: tuple[Definition, ...]) -> tuple[tuple[Found, ...], ...]:
    """The rules that read only the text (not the people found in it), remembered: a document is read
    for organisations twice, before and after its people are known.

    Returns (well-known, defined and renamed bodies; governments; lower-case heads)."""
    known = (*well_known_bodies(text), *defined_bodies(text, list(definitions)), *translated_acronyms(text, list(definitions)),
             *renamed_bodies(text), *units_after_acronyms(text))
    return known, tuple(governments(text)), tuple(lower_heads(text))


def _copies(found: tuple[Found, ...]) -> list[Found]:
    """Fresh copies of remembered finds, so that renaming one never changes the remembered one."""
    return [replace(f, props=dict(f.props)) for f in found]


def find_organizations(text: str, doc: Document | None = None, persons: set[str] | None = None,
                       definitions: list[Definition] | None = None, context: bool = True) -> list[Found]:
    """Every organisation mention in ``text``, in text order (nested names are kept).

    ``context`` adds names found only by how they act ('funded by X'); it needs ``persons``
    to tell people from organisations, so a first pass without people leaves it off."""
    definitions = find_definitions(text) if definitions is None else definitions
    known, govs, lower = (_copies(part) for part in _text_only_rules(text, tuple(definitions)))
    covered = [(f.start, f.end) for f in known]
    found = [*known, *govs, *headed_names(text, persons or set(), covered), *lower]
    if context:
        taken = [(f.start, f.end) for f in found]
        index = Spans(taken)
        found += [f for f in contextual_bodies(text, persons or set(), taken) if not index.overlapping(f.start, f.end)]
    if doc is not None:
        found += partner_headings(doc)
    _, _, lookup = reference_pattern()
    for f in found:
        ref = lookup.get(name_key(f.name))
        if ref and f.name != ref[0]:
            f.aliases = (*f.aliases, f.name)
            f.name, f.kind, f.rule = ref[0], ref[1], f.rule + "; named as a well-known body"
    return sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
