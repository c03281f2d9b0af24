"""Node and edge data as graph-database properties, and back.

Property graphs (Neo4j, FalkorDB) store scalars and homogeneous lists of scalars only. Anything else
(provenance, a list of membership figures) is stored as a JSON string, and the property ``_json``
lists which keys were encoded, so reading back restores them exactly. ``None`` and empty lists are
left out (the schema's defaults bring them back).

>>> props = to_properties({"id": "org:x", "name": "X", "aliases": [], "provenance": [{"quote": "q"}]})
>>> props
{'id': 'org:x', 'name': 'X', 'provenance': '[{"quote": "q"}]', '_json': ['provenance']}
>>> from_properties(props)
{'id': 'org:x', 'name': 'X', 'provenance': [{'quote': 'q'}]}
"""

from __future__ import annotations

import json
from typing import Any

JSON_KEYS = "_json"
#: properties derived for Cypher to filter on, not part of the model: an edge's ``_places`` are the countries
#: its statements name ('UNDP is carrying out the projects in Colombia, Indonesia, ...'), read back as nothing
DERIVED_KEYS = frozenset({"_places"})
SCALARS = (str, int, float, bool)


def _storable_list(value: list[Any]) -> bool:
    kinds = {type(item) for item in value}
    return len(kinds) == 1 and kinds <= set(SCALARS)


def to_properties(data: dict[str, Any]) -> dict[str, Any]:
    """Scalars and scalar lists as they are; other values as JSON strings named in ``_json``."""
    props: dict[str, Any] = {}
    encoded: list[str] = []
    for key, value in data.items():
        if value is None or value == []:
            continue
        if isinstance(value, SCALARS) or (isinstance(value, list) and _storable_list(value)):
            props[key] = value
        else:
            props[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            encoded.append(key)
    if encoded:
        props[JSON_KEYS] = encoded
    return props


def from_properties(props: dict[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`to_properties`."""
    encoded = set(props.get(JSON_KEYS) or [])
    return {key: json.loads(value) if key in encoded else (list(value) if isinstance(value, list) else value)
            for key, value in props.items() if key != JSON_KEYS and key not in DERIVED_KEYS}
