"""SUPPORTS (basis 'stated'): the text ties a project, publication, event or area to an article.

An article mention is tied to the projects, publications and events of its sentence (else the nearest one
named before it in the paragraph, else the titled item or lead-in project the block belongs to, the thing its
heading names, else the one the document's title names), and to the
area the sentence names or sits under (else the one area the paragraph named before). Sessions of governing
and negotiating bodies decide on articles; they are not work that supports one.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated
from loaders.relations.context import TITLED, of_type
from schema import Supports

_GOVERNING_SESSION = re.compile(r"\b(?:Conference of the Parties|negotiating committee|Conference of Plenipotentiaries|"
                                r"Governing Council|General Assembly|COP-?\d|INC-?\d)", re.IGNORECASE)


def read_supports(ann: Annotated) -> None:
    """Pipeline component: stated SUPPORTS edges from each sentence's article mentions."""
    sentences = ann.sentences
    for span, mentions, block in sentences.items():
        articles = of_type(mentions, "Article")
        if not articles:
            continue
        things = [t for t in of_type(mentions, *TITLED) if not _GOVERNING_SESSION.search(t.node.name)]
        if not things:  # 'The project supports Ghana's implementation of Article 7': the project it stands for
            said = sentences.anaphor_topic(span, block) or sentences.the_project(span) or sentences.the_event(
                span, block)  # 'The workshop focused on Article 8 of the Convention': the workshop
            things = [said] if said is not None else []
        if not things:  # the paragraph's thing: the nearest project, publication or event before, same block
            things = [m for m in sentences.located if m.block is block and m.node.type in TITLED
                      and m.start < span[0] and not _GOVERNING_SESSION.search(m.node.name)][-1:]
        if not things:  # the titled item the block belongs to, the one project of its lead-in, its heading's thing,
            topic = sentences.topic_of(block)  # else the document's ('Main activities: ... under Article 8')
            things = [topic] if topic is not None and not _GOVERNING_SESSION.search(topic.node.name) else []
        areas = {m.node.key for m in of_type(mentions, "Area")} or ({block.area} if block.area else set())
        if not areas:  # the one area the paragraph is about, named in an earlier sentence
            earlier = {m.node.key for m in sentences.by_block[id(block)] if m.node.type == "Area" and m.end <= span[0]}
            if not earlier and id(block) in sentences.previous:  # '31. ...' continuing '30. Mr. X presented ...'
                earlier = {m.node.key for m in sentences.by_block[id(sentences.previous[id(block)])]
                           if m.node.type == "Area"}
            areas = earlier if len(earlier) == 1 else set()
        for a in articles:
            for t in things:
                ann.edges.add(Supports, t.node, a.node, block, span, basis="stated")
            for key in areas:
                area = sentences.area_node(key)
                if area is not None:
                    ann.edges.add(Supports, area, a.node, block, span, basis="stated")
