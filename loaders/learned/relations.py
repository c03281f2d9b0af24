"""The relation reader: every pair of things a sentence names that some relation type could join, and every
pair of a page's topic project with the bodies and countries the page names, is described by declared
features; a trained classifier says which relation, if any, the text states between them. The rules'
edges stay (they are precise where they fire, and a pair's rule edge is one of its features); the reader
adds the edges it is sure of that no rule read.

Features (:func:`pair_features`): the pair's types and order (and a body's kind, never its name: a name
learned from one text says nothing of the next), the words between the two mentions and the
words just before and after them, trigger words of each relation family, how far apart they are and how
many other names stand between, whether a rule already joined them and how, whether the pair is the
page's topic with a name anywhere on the page.

>>> sorted(triggers("the project is funded by and implemented with"))
['trig:fund', 'trig:implement']
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.annotated import Located
from loaders.learned.linear import LinearModel
from loaders.locate import sentence_span
from schema import EDGE_CLASSES, Node

LEARNED = ("FUNDS", "IMPLEMENTS", "LOCATED_IN", "AFFILIATED_WITH", "PART_OF", "SUPPORTS", "LEADS")
NONE = "none"
ADD = 0.35
MAX_GAP = 250
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TRIGGERS = {
    "fund": r"fund|financ|donor|grant|contribut|sponsor|co-financ|budget|usd|us\$|\$|resources",
    "implement": r"implement|execut|partner|carr(?:y|ied)|deliver|led|lead|manag|coordinat|agency|agencies|with",
    "locate": r"in|at|country|countries|national|held|took place|venue",
    "affiliate": r"of|from|at|director|minister|head|chair|officer|manager|representative|said|speaker",
    "part": r"area|partnership",
    "support": r"article|convention|implementation|obligation",
    "lead": r"lead|co-lead|leadership|led",
}
_TRIGGER = re.compile("|".join(rf"(?P<{name}>\b(?:{pattern}))" for name, pattern in _TRIGGERS.items()), re.IGNORECASE)


@lru_cache(maxsize=4096)
def triggers(text: str) -> frozenset[str]:
    """The trigger families whose words ``text`` holds (remembered: a sentence is asked about once per pair)."""
    return frozenset(f"trig:{m.lastgroup}" for m in _TRIGGER.finditer(text))


def types_for(source: str, target: str) -> list[str]:
    """The learned relation types that may go from a node of type ``source`` to one of ``target``."""
    return [t for t in LEARNED if source in EDGE_CLASSES[t].sources and target in EDGE_CLASSES[t].targets
            and not (t == "FUNDS" and target == "Organization")]


@dataclass
class Pair:
    """Two nodes that may be joined, and the places where the text names both (one per sentence)."""

    source: Node
    target: Node
    places: list[tuple[tuple[int, int], Located, Located]] = field(default_factory=list)  # (sentence, source, target)
    block: object = None  # the block of the first place
    topic: bool = False
    topic_mentions: list[Located] = field(default_factory=list)  # a topic pair: the body's or country's mentions


def pairs(ann) -> list[Pair]:
    """The candidate pairs of a document: the things each sentence names together, and the page's topic
    project with every body and country named on the page."""
    by_sentence: dict[tuple[int, int], list[tuple[Node, Located]]] = defaultdict(list)
    for m in ann.located:
        if m.block is None or m.node.type in ("Document",) or _labels_a_number(ann.text, m):
            continue
        span = sentence_span(ann.text, m.block, m.start, m.end)
        by_sentence[span].append((m.node, m))
    found: dict[tuple[str, str], Pair] = {}
    for span, named in by_sentence.items():
        named = [(n, m) for n, m in named  # 'planetGOLD' inside 'planetGOLD Guyana' is a word of that name
                 if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                            for _, o in named)]
        for a, ma in named:
            for b, mb in named:
                if a.id == b.id or not types_for(a.type, b.type) or abs(ma.start - mb.start) > MAX_GAP:
                    continue
                pair = found.setdefault((a.id, b.id), Pair(a, b, block=ma.block))
                if not any(s == span for s, _, _ in pair.places):
                    pair.places.append((span, ma, mb))
    topic = topic_project(ann)
    if topic is not None:
        mentions: dict[str, list[Located]] = {}
        for m in ann.located:
            if m.node.type in ("Organization", "Country") and m.block is not None and not _labels_a_number(ann.text, m):
                mentions.setdefault(m.node.id, []).append(m)
        t_mention = next(m for m in ann.located if m.node.id == topic.id)
        for named in mentions.values():
            node = named[0].node
            pair = found.setdefault((node.id, topic.id) if node.type == "Organization" else (topic.id, node.id),
                                    Pair(node, topic, block=named[0].block) if node.type == "Organization"
                                    else Pair(topic, node, block=named[0].block))
            pair.topic = True
            pair.topic_mentions = named[:4]
            if not pair.places:
                span = sentence_span(ann.text, named[0].block, named[0].start, named[0].end)
                pair.places.append((span, *((named[0], t_mention) if node.type == "Organization"
                                            else (t_mention, named[0]))))
    return list(found.values())


def _labels_a_number(text: str, mention: Located) -> bool:
    """Is the mention the prefix of an identifier ('GEF 10472: Implementing Sustainable ...', 'GEF ID 9602')? A
    project's number names no actor.

    >>> from schema import Organization
    >>> gef = Located(Organization(id="org:gef", name="GEF"), 0, 3, None)
    >>> _labels_a_number("GEF 10472: Implementing", gef), _labels_a_number("GEF-7 funds", gef)
    (True, False)
    """
    after = text[mention.end:mention.end + 12].lstrip(" \t-")
    after = after[2:].lstrip(" \t:") if after[:2].upper() == "ID" else after
    digits = len(after) - len(after.lstrip("0123456789"))
    year = digits == 4 and after[:2] in ("19", "20")  # 'UNEP 2019'; and 'GEF-7' is a funding period of GEF
    return mention.node.type == "Organization" and digits >= 3 and not year


def topic_project(ann) -> Node | None:
    """The page's topic: the project named in its first lines, else the one it names most (at least 3 times); none
    where the page's title names a meeting and no project (its agenda may name projects it is not about)."""
    projects = [m for m in ann.located if m.node.type == "Project"]
    if not projects:
        return None
    title_end = ann.text.find("\n", len(ann.text) - len(ann.text.lstrip()))
    title = [m for m in ann.located if m.start < title_end and m.node.type in ("Project", "Event")]
    if title and all(m.node.type == "Event" for m in title):
        return None  # a meeting's page: a project its agenda names is not what the page is about
    early = [m for m in projects if m.start < 300]
    if early:
        return early[0].node
    counts: dict[str, int] = defaultdict(int)
    for m in projects:
        counts[m.node.id] += 1
    best = max(counts, key=counts.get)
    return next(m.node for m in projects if m.node.id == best) if counts[best] >= 3 else None


def pair_features(text: str, pair: Pair, rule_types: set[str]) -> dict[str, float]:
    """The declared features of one pair (see the module's note)."""
    sig = f"sig={pair.source.type}>{pair.target.type}"
    size = "long" if len(text) > 40_000 else "medium" if len(text) > 8_000 else "short"
    f: dict[str, float] = {"bias": 1.0, sig: 1.0, f"doc={size}&{sig}": 1.0}
    for t in rule_types:
        f["rule=" + t] = 1.0
        f[f"rule={t}&sig={pair.source.type}>{pair.target.type}"] = 1.0
    for end, node in (("src", pair.source), ("tgt", pair.target)):  # its kind, never its name: a name learned
        if node.type == "Organization":                               # from one text says nothing of the next
            f[f"{end}-kind={getattr(node, 'kind', None)}&{sig}"] = 1.0
    if pair.topic:
        f["topic"] = 1.0
        f[f"topic&{sig}"] = 1.0
        f[f"topic&doc={size}&{sig}"] = 1.0
        for mention in pair.topic_mentions or [pair.places[0][1] if pair.source.type != "Project" else pair.places[0][2]]:
            span = sentence_span(text, mention.block, mention.start, mention.end)
            near = _WORD.findall(text[max(span[0], mention.start - 50):mention.start])[-4:] + \
                _WORD.findall(text[mention.end:min(span[1], mention.end + 50)])[:4]
            for w in near:
                f[f"topic-ctx:{w.lower()}"] = 1.0
            for trig in triggers(text[span[0]:span[1]]):
                f[f"topic&{trig}&{sig}"] = 1.0
            if mention.start < 300:
                f[f"topic&head&{sig}"] = 1.0
        f[f"topic&mentions={min(len(pair.topic_mentions), 4)}&{sig}"] = 1.0
        return f
    f["places"] = min(len(pair.places), 5) / 5
    for span, ms, mt in pair.places[:4]:
        first, second = (ms, mt) if ms.start <= mt.start else (mt, ms)
        f["source-first" if first is ms else "target-first"] = 1.0
        between = text[first.end:second.start] if second.start > first.end else ""
        words = [w.lower() for w in _WORD.findall(between)]
        f["gap=" + ("0" if not words else "1-3" if len(words) <= 3 else "4-10" if len(words) <= 10 else "11+")] = 1.0
        for w in words[:12]:
            f["btw:" + w] = 1.0
        for trig in triggers(between):
            f[trig + "&btw"] = 1.0
            f[f"{trig}&btw&sig={pair.source.type}>{pair.target.type}"] = 1.0
        before = [w.lower() for w in _WORD.findall(text[max(span[0], first.start - 40):first.start])][-3:]
        after = [w.lower() for w in _WORD.findall(text[second.end:min(span[1], second.end + 40)])][:3]
        for w in before:
            f["bef:" + w] = 1.0
        for w in after:
            f["aft:" + w] = 1.0
        for trig in triggers(text[span[0]:span[1]]):
            f[f"{trig}&sent&sig={pair.source.type}>{pair.target.type}"] = 1.0
        if not any(w[:1].isupper() for w in _WORD.findall(between)):
            f[f"nothing-named-between&{sig}"] = 1.0
        if "(" in between and ")" not in between:
            f["inside-brackets"] = 1.0
        if "\n" in between:
            f["line-break"] = 1.0
    return f


def learned_relations(ann) -> None:
    """Pipeline component: the edges the relation reader is sure of, beside the rules' (nothing changes where
    no trained reader is installed)."""
    from loaders.learned.models import current

    model = current().relations
    if model is None:
        return
    add_edges(ann, model)


def rule_types_of(ann) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (etype, source, target) in ann.edges.edges:
        out[(source, target)].add(etype)
    return out


def add_edges(ann, model: LinearModel) -> None:
    """Add the edges the reader is sure of; a page-topic pair never gives a body (or a project) a relation the
    rules already gave it to something else ("Conservation International is executing planetGOLD Guyana":
    not the programme the page is about), and a person the rules affiliated gets no other body from it."""
    rules = rule_types_of(ann)
    ruled = {(source, etype) for (source, _), types in rules.items() for etype in types}
    for pair in pairs(ann):
        have = rules.get((pair.source.id, pair.target.id), set())
        p = model.probabilities(pair_features(ann.text, pair, have))
        allowed = [t for t in types_for(pair.source.type, pair.target.type) if t in p]
        if not allowed:
            continue
        label = max(allowed, key=p.get)  # the likeliest relation, even where 'none' is likelier still
        if label in have or p[label] < ADD or (pair.topic and (pair.source.id, label) in ruled):
            continue
        if label == "AFFILIATED_WITH" and (pair.source.id, label) in ruled:
            continue  # the rules read a person's own body off the name's tail ('Ms. Nadia Rasheed, Deputy Country
            #           Director, UNDP India, Dr. Rakesh Kumar, Director, NEERI'): not a neighbour's
        ann.edges.add(EDGE_CLASSES[label], pair.source, pair.target, pair.block, pair.places[0][0])
