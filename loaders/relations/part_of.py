"""PART_OF: a project is work of a partnership area.

* the project is named under the area's heading or table row (the block's area);
* or in a sentence that names that one area only.
"""

from __future__ import annotations

from loaders.annotated import Annotated
from loaders.relations.context import of_type
from schema import PartOf


def read_part_of(ann: Annotated) -> None:
    """Pipeline component: PART_OF edges from each sentence's projects and area."""
    sentences = ann.sentences
    for span, mentions, block in sentences.items():
        areas = {m.node.key for m in of_type(mentions, "Area")}
        for m in of_type(mentions, "Project"):
            key = block.area or (next(iter(areas)) if len(areas) == 1 else None)
            area = sentences.area_node(key)
            if area is not None:
                ann.edges.add(PartOf, m.node, area, block, span)
