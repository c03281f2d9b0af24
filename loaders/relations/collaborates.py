"""COLLABORATES_WITH: a sentence names two areas (or one, under another area's heading) and joint work."""

from __future__ import annotations

import re

from loaders.annotated import Annotated
from loaders.relations.context import of_type
from schema import CollaboratesWith

_JOINT = re.compile(r"\b(?:joint(?:ly)?|collaborat\w*|cooperat\w*|co-operat\w*|coordination|in coordination with|links? "
                    r"with|together with|including the leads of|cross-partnership|with the Partnership areas?)\b",
                    re.IGNORECASE)


def read_collaborations(ann: Annotated) -> None:
    """Pipeline component: COLLABORATES_WITH edges between the areas of a sentence about joint work."""
    sentences = ann.sentences
    for span, mentions, block in sentences.items():
        if not _JOINT.search(sentences.sentence(span)):
            continue
        keys = list(dict.fromkeys(m.node.key for m in of_type(mentions, "Area")))
        if len(keys) == 1 and block.area and block.area != keys[0]:
            keys = [block.area, keys[0]]
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                first, second = sentences.area_node(a), sentences.area_node(b)
                if first is not None and second is not None:
                    ann.edges.add(CollaboratesWith, first, second, block, span)
