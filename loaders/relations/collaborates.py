"""COLLABORATES_WITH: a sentence names two areas (or one, under another area's heading) and joint work.

A cue inside the name of a country or a body is no joint work: 'GEF 10153: Development of National Action Plan
for Artisanal and Small-scale Gold Mining in the Co-operative Republic of Guyana' names a country, not a
cooperation (nor does 'Japan International Cooperation Agency'); a 'joint webinar' of two areas is theirs.
"""

from __future__ import annotations

import re

from loaders.annotated import Annotated, Located
from loaders.relations.context import Sentences, of_type
from schema import Block, CollaboratesWith

_JOINT = re.compile(r"\b(?:joint(?:ly)?|collaborat\w*|cooperat\w*|co-operat\w*|coordination|in coordination with|"
                    r"link(?:s|ages?)? with|together with|including the leads of|cross-partnership|"
                    r"work(?:s|ing)?\s+(?:closely\s+|jointly\s+)?with|"
                    r"with the Partnership areas?)\b",
                    re.IGNORECASE)


def read_collaborations(ann: Annotated) -> None:
    """Pipeline component: COLLABORATES_WITH edges between the areas of a sentence about joint work."""
    sentences = ann.sentences
    for span, mentions, block in sentences.items():
        sentence = sentences.sentence(span)
        names = [(m.start - span[0], m.end - span[0]) for m in mentions if m.node.type in ("Country", "Organization")]
        cues = [c for c in _JOINT.finditer(sentence)  # not 'Co-operative' in 'the Co-operative Republic of Guyana'
                if not any(a <= c.start() and c.end() <= b for a, b in names)]
        if not cues:
            continue
        areas = of_type(mentions, "Area")
        partners = [c for c in cues if _partner_cue(c)]
        subject = block.area or _the_area(sentences, span, block)
        if partners and not [m for m in areas if m.end <= span[0] + partners[0].start()]:
            # no area before the first partner: the heading's area is the subject ('the partnership area plans to
            # forge greater links with the Supply and Storage Partnership Area'; 'increasing cross-partnership
            # collaboration, especially with the Partnership areas on mercury supply and storage and on mercury
            # waste management')
            after = _following(areas, span[0] + partners[0].start(), span[0] + partners[0].end())
            pairs = [(subject, m.node.key) for m in after] if subject else []
        else:
            if all(_partner_cue(c) for c in cues):  # 'X together with Y': the area before and those after
                areas = [m for c in cues for m in _around(areas, span[0] + c.start(), span[0] + c.end())]
            keys = list(dict.fromkeys(m.node.key for m in areas))
            if len(keys) == 1 and subject and subject != keys[0]:
                keys = [subject, keys[0]]

            pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]
        for a, b in pairs:
            first, second = sentences.area_node(a), sentences.area_node(b)
            if a != b and first is not None and second is not None:
                ann.edges.add(CollaboratesWith, first, second, block, span)


def _the_area(sentences: Sentences, span: tuple[int, int], block: Block) -> str | None:
    """What 'The area' that opens a sentence stands for: the area its block named before it ('Mercury waste
    management: the Ministry ... . The area is working jointly with the mercury in products area')."""
    if not sentences.sentence(span).startswith(("The area ", "This area ", "The partnership area ")):
        return None
    earlier = [m for m in sentences.by_block[id(block)] if m.node.type == "Area" and m.end <= span[0]]
    return earlier[-1].node.key if earlier else None


def _partner_cue(cue: re.Match[str]) -> bool:
    """'together with', 'in coordination with', 'links with', 'with the Partnership areas': a preposition whose
    object is the partner."""
    return "with" in cue.group(0).lower().split()


def _following(areas: list[Located], start: int, end: int) -> list[Located]:
    """The areas named in a partner cue (``start`` to ``end``) or right after it, and those coordinated with them
    ('with the Partnership areas on mercury supply and storage and on mercury waste management')."""
    found: list[Located] = []
    for m in sorted(areas, key=lambda m: m.start):
        if start <= m.start <= (found[-1].end if found else end) + 12:
            found.append(m)
    return found


def _around(areas: list[Located], start: int, end: int) -> list[Located]:
    """The area named last before a partner cue and those right after it; none where no area follows ('the area on
    fate research together with the Biodiversity Research Institute organized ...': the area's partner is a body).
    """
    after = _following(areas, end, end)
    before = [m for m in areas if m.end <= start]
    return [before[-1], *after] if before and after else []
