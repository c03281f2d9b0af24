"""PART_OF: a project is work of a partnership area.

* the project is named under the area's heading or table row (the block's area);
* a sentence states it is the area's work: the area is the sentence's subject ('The Partnership on Fate and
  Transport recognized the need for a coordinated Global Mercury Monitoring Network'; 'The partnership
  continues to work towards ... the EC Project' on the coal area's page), or the project is 'part of',
  'under' or 'within' the area;
* a sentence says so of a project or of 'the project' ('X is a contribution to the ASGM partnership area', 'The
  project contributes to the Mercury in Products partnership area'): the area it names, not the page's;
* the project has a heading of its own on a page whose breadcrumb or title names the area ('Air Transport and
  Fate Research > Activities' / 'Mercury Inventory Pilot Project').

A sentence that merely names an area beside a project ('the UNEP Mercury Programme, in the context of which
the area contributed ...') does not make it the area's.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated, Located
from loaders.entities.reference import is_convention_instrument
from loaders.relations.context import of_type
from schema import Block, Node, PartOf

_AREA_SUBJECT = re.compile(r"^\W*(?:\w+\s+(?:\d{4}|[A-Z]\w+),\s*)?(?:the\s+|this\s+)?(?:UNEP\s+)?$", re.IGNORECASE)


def read_part_of(ann: Annotated) -> None:
    """Pipeline component: PART_OF edges from blocks under an area, sentences about an area's work, and projects
    with headings of their own on an area's page."""
    sentences, text = ann.sentences, ann.text
    for span, mentions, block in sentences.items():
        projects = of_type(mentions, "Project")
        areas = of_type(mentions, "Area")
        if not projects and areas and (_says_part(ann.text[max(span[0], areas[0].start - 60):areas[0].start]) or
                                       _contributed_to(ann.text[areas[0].end:span[1]])):
            topic = sentences.anaphor_topic(span, block) or sentences.the_project(span)  # 'The project contributes
            if topic is None and _opens_with_reference(sentences.sentence(span)):      # to the X area'
                # the page's work, else the work named last: 'It contributes to ...' after a paragraph on it
                topic = sentences.topic_of(block) or sentences.previous_titled(span[0])
            if topic is not None and topic.node.type == "Project":
                for area in _coordinated_areas(ann.text, areas):  # 'the Mercury in Products and Mercury Waste
                    ann.edges.add(PartOf, topic.node, area.node, block, span)  # Management partnership areas'
            continue
        if not projects:
            continue
        said = _said_part_of(ann.text, projects, areas)
        key = None if said else block.area or _stated_area(ann, span, mentions, block) or (
            sentences.area if not areas and _area_work_listed(sentences.sentence(span)) else None)
        area = sentences.area_node(key)
        for m, node in said + [(m, area) for m in projects if area is not None]:
            if not is_convention_instrument(m.node.name):  # the Convention's programme, not an area's
                ann.edges.add(PartOf, m.node, node, block, span)
    if sentences.area and sentences.area_titled:
        area = sentences.area_node(sentences.area)
        for block in ann.doc.walk():
            topic = sentences.heading_topic.get(id(block))
            if block.kind == "heading" or topic is None or topic.node.type != "Project" or area is None:
                continue
            heading = topic.block
            ann.edges.add(PartOf, topic.node, area, heading, (heading.start, heading.end))
    del text


def _area_work_listed(sentence: str) -> bool:
    """Whether a sentence lists the work of the area the page is about ('Current activities include the project X',
    'Recent work of the area includes the Y').

    >>> _area_work_listed("Current activities include the project X"), _area_work_listed("Current prices include X")
    (True, False)
    """
    words = sentence.lower().split()[:7]
    return words[:1] in (["current"], ["recent"], ["ongoing"]) and words[1:2] in (["activities"], ["work"], [
        "projects"]) and any(w.startswith("include") for w in words)


def _stated_area(ann: Annotated, span: tuple[int, int], mentions: list[Located], block: Block) -> str | None:
    """The area a sentence says the work is of: its subject, or the one it is part of."""
    text = ann.text
    for a in of_type(mentions, "Area"):
        before = text[span[0]:a.start]
        if _AREA_SUBJECT.match(before):
            return a.node.key
    return None


#: the words that open a sentence about the work named before it: 'It contributes to ...', 'The campaign is funded
#: by X and contributes to ...'
_WORK_REFERENCES = frozenset({"project", "programme", "program", "campaign", "network", "initiative"})


def _opens_with_reference(sentence: str) -> bool:
    """Whether a sentence opens with 'It' or 'The' and a word for a piece of work.

    >>> _opens_with_reference("It contributes to the X area"), _opens_with_reference("The area contributes")
    (True, False)
    """
    words = sentence.split()[:2]
    return words[:1] == ["It"] or (words[:1] == ["The"] and words[1:2] != [] and words[1] in _WORK_REFERENCES)

_PART_WORDS = ("part of", "contribution to", "initiative of", "work of", "registered under", "within the",
               "contributes to", "activity of", "activities of", "projects of", "project of", "carried out under",
               "implemented under", "a partner in")
#: work set up under an area: 'was set up in 2019 under the Mercury Air Transport and Fate Research partnership area'
_SET_UP = ("set up", "established", "created", "launched")


def _coordinated_areas(text: str, areas: list[Located]) -> list[Located]:
    """The first area a sentence names and those joined to it by 'and' or a comma ('the Mercury in Products and
    Mercury Waste Management partnership areas').

    >>> from schema import Area
    >>> a, b = (Located(Area(id=f"area:{k}", key=k, name=k), s, e, None) for k, s, e in (("products", 0, 8),
    ...                                                                                 ("waste", 13, 18)))
    >>> [m.node.key for m in _coordinated_areas("Products and Waste areas", [a, b])]
    ['products', 'waste']
    """
    out = [areas[0]]
    for a in areas[1:]:
        if text[out[-1].end:a.start].strip().strip(",") not in ("and", ""):
            break
        out.append(a)
    return out


def _contributed_to(after: str) -> bool:
    """Whether the words after an area say the work contributes to it ('..., to which the project contributes').

    >>> _contributed_to(" of the UNEP Global Mercury Partnership, to which the project contributes.")
    True
    """
    return any(f"to which the {work} contribut" in after for work in ("project", "programme", "initiative",
                                                                        "network", "campaign"))


def _says_part(between: str) -> bool:
    """Whether the words before an area say that something is its work ('is part of the work of the', 'contributes
    to the')."""
    lower = between.lower()
    return len(between) <= 120 and (any(w in lower for w in _PART_WORDS) or (
        lower.rstrip().endswith("under the") and any(w in lower for w in _SET_UP)))


def _said_part_of(text: str, projects: list[Located], areas: list[Located]) -> list[tuple[Located, Node]]:
    """The projects a sentence says are part of an area, each with the first area named after it within a few
    words ('planetGOLD is a contribution to the ASGM partnership area', 'The project forms part of the coal
    partnership area', 'registered as an initiative of the Partnership Area on Mercury Waste Management')."""
    said = []
    for m in projects:
        area = next((a for a in areas if a.start >= m.end), None)
        between = text[m.end:area.start].lower() if area is not None else ""
        contributed = re.search(r"\bcontribut(?:es|ed|e)\s+(?:the\s+|its\s+)?$", text[max(0, m.start - 30):m.start]) \
            and between.startswith(" to ")  # 'BRI contributes the programme to the Partnership's ... area'
        said_before = len(between) <= 160 and _says_part(between[-45:])  # '..., is also funded by X and is part
        #                                                                     of the work of the coal area'
        others = any(m.end < other.start < area.start for other in projects) if area is not None else False
        if area is not None and (len(between) <= 60 or said_before) and (_says_part(between) or contributed) and \
                not others:
            said.append((m, area.node))
    return said
