"""Relations between the things one document names, read from sentences and structure.

One module per family, each a pipeline component over ``ann.sentences`` (``loaders.relations.context``):
``part_of``, ``located_in``, ``supports``, ``leads``, ``collaborates``, ``funding`` (with ``amounts``),
``implementing`` and ``affiliations``.

>>> from loaders.extract import extract_text
>>> result = extract_text("r.txt", "IV. Mercury in products\\n\\n- The Skin-Lightening Cream Campaign works in Kenya.")
>>> sorted((e.type, e.source, e.target) for e in result.edges if e.type != "MENTIONED_IN")[:2]
[('LOCATED_IN', 'project:skin-lightening-cream-campaign', 'country:KEN'), ('PART_OF', 'project:skin-lightening-cream-campaign', 'area:products')]
"""

from loaders.annotated import Located
from loaders.relations.amounts import parse_amount

__all__ = ["Located", "parse_amount"]
