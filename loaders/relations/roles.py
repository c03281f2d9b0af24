"""Funders and implementers as the arguments of their verbs and nouns, read from the sentence's parse.

A sentence with an organisation (or a country, standing for its government) and a role word is parsed
(``loaders.syntax``); each role word is a predicate and its arguments are read from the dependency tree:

=========================  ===========================================  =======================================
predicate                  who (the funder or implementer)              what (the project, event, area, body)
=========================  ===========================================  =======================================
active verb ('X funds',    its subject and what is coordinated with it;  its object ('funds the project'), its
'X is executing',          a generic subject ('Four implementing         'to'/'for' object ('granted ... to the
'X has contributed')       agencies') stands for the bodies its          project'), the object of its 'to'-
                           'including'/'such as' list names              clause ('provide funds to support X')
passive or participle      its 'by' agent ('funded by X', 'leaded by     its subject, or the noun it modifies
('is funded by X',         X')                                           ('a five year project ... funded by')
'a project funded by X')
verb with 'from'           the 'from' objects ('contributed ... from     as above
                           Austria, Denmark, ...')
noun ('with funding from   its 'from'/'of'/'by' objects and their        the main clause's subject or object
X', 'X grant')             modifiers ('the EC grant')                    ('..., the partnership has contracted')
'as an executing agency    the subject, and the body the agency works    the object of the subject's verb
for Y'                     for
=========================  ===========================================  =======================================

Where the 'what' is a pronoun or a bare noun ('the program', 'the projects', 'the partnership'), it is the
thing the text named before (the block's last project, its heading's, the document's; an area the
document is about). Each clause keeps its own arguments: in "A is executing X in P, and B is carrying out
the projects in Q and R", B implements the projects, not X. What the clause gives as planned or
hypothetical (``loaders.relations.modality``) carries ``status: "planned"``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.annotated import Annotated, Located
from loaders.entities.nodes import government_named_at
from loaders.relations.amounts import AMOUNT, MONEY_TERMS, parse_amount
from loaders.relations.context import TITLED, Sentences, outermost
from loaders.relations.modality import planned
from schema import Block, Funds, Implements, LocatedIn, Node

if TYPE_CHECKING:
    from loaders.syntax import Parse as Doc, Token

_FUND_VERB = re.compile(r"(?:co-?)?(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|sponsor(?:s|ed|ing)?|donat(?:e|es|ed|ing)|"
                        r"contribut(?:e|es|ed|ing)|grant(?:s|ed|ing)?|award(?:s|ed|ing)?)", re.IGNORECASE)
_MONEY_VERB = re.compile(r"provid(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|allocat(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
                         r"commit(?:s|ted|ting)?|mobili[sz](?:e|es|ed|ing)", re.IGNORECASE)
_FUND_NOUN = re.compile(r"(?:co-?)?(?:funding|funds|fund|financing|finance|grants?|contributions?|donations?|"
                        r"sponsorship|budget|money|resources)", re.IGNORECASE)
_MONEY_OBJECT = re.compile(r"funds?|funding|financing|grants?|money|resources|contributions?|budget|proposal|"
                           r"expenditures?|amounts?|%|US\$|USD|"
                           r"\$|EUR|€|million|\d[\d,.]*", re.IGNORECASE)
_IMPL_VERB = re.compile(r"(?:co-?)?(?:implement(?:s|ed|ing)?|execut(?:e|es|ed|ing)|manag(?:e|es|ed|ing)|conduct(?:s|ed|ing)?|"
                        r"undert(?:ake|akes|ook|aken|aking)|carr(?:y|ies|ied|ying)|run(?:s|ning)?|ran|lead(?:s|ing)?|led|"
                        r"leaded|coordinat(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|operat(?:e|es|ed|ing)|pilot(?:s|ed|ing)?)",
                        re.IGNORECASE)
_GENERIC_AGENTS = re.compile(r"(?:agenc(?:y|ies)|partners?|organi[sz]ations?|institutions?|bodies|members|entities|"
                             r"countries|governments|donors|stakeholders)", re.IGNORECASE)
_ANAPHOR_NOUN = re.compile(r"(?:programmes?|programs?|projects?|initiatives?|networks?|activities|campaigns?|"
                           r"meetings?|workshops?|events?|sessions?|studies|study)", re.IGNORECASE)
_FUND_CUE = re.compile(r"\b(?:co-?)?(?:fund(?:s|ed|ing|ers?)?|donors?|financ(?:e|es|ed|ing)|sponsor(?:s|ed|ing)?|donat(?:e|es|ed|ing)|"
                       r"contribut(?:e|es|ed|ing)|grant(?:s|ed)?|award(?:s|ed)?)\b", re.IGNORECASE)
_MONEY_CUE = re.compile(r"\b(?:provid(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|allocat(?:e|es|ed|ing)|pledg(?:e|es|ed|ing))\b",
                        re.IGNORECASE)
_MONEY_WORDS = re.compile(r"US\$|USD|\$|EUR|€|£|\bmillion\b|\bfund|\bgrant|\bproposal|\bbudget|\bexpenditure|%",
                          re.IGNORECASE)
_IMPL_CUE = re.compile(r"\b(?:co-?)?(?:implement(?:s|ed|ing)?|execut(?:e|es|ed|ing)|conduct(?:s|ed|ing)?|"
                       r"undert(?:ake|akes|ook|aken|aking)|carr(?:y|ies|ied|ying)\s+out|manag(?:e|es|ed|ing)|"
                       r"run(?:s|ning)?|ran|coordinat(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|operat(?:e|es|ed|ing)|"
                       r"pilot(?:s|ed|ing)|lead(?:s|ing)?|led|leaded|agenc(?:y|ies))\b", re.IGNORECASE)
_THING_WORDS = re.compile(r"\b(?:the|this|these|its|their)\s+(?:\w+\s+)?(?:programmes?|programs?|projects?|initiatives?|"
                          r"networks?|campaigns?|activities)\b", re.IGNORECASE)


def needs_parse(sentence: str, kinds: set[str], has_topic: bool) -> bool:
    """Does a sentence hold a role worth parsing: a funding word (or 'provided'/'approved' with money), or an
    implementing word with a project to implement (named, referred to, or the block's topic)?"""
    if not ("Organization" in kinds or "Country" in kinds):
        return False
    if _FUND_CUE.search(sentence) or (_MONEY_CUE.search(sentence) and _MONEY_WORDS.search(sentence)):
        return True
    return bool(_IMPL_CUE.search(sentence)) and ("Project" in kinds or has_topic or bool(_THING_WORDS.search(sentence)))


_ADDITIVE = re.compile(r"\W*(?:In addition|Additionally|Furthermore|Moreover|Further)\b", re.IGNORECASE)
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_DEFINITE = ("the", "this", "these", "that", "those", "its", "their", "such")
_LIST_WORDS = ("including", "such", "namely", "like")


class _Frame:
    """One sentence's parse with its mentions, by token."""

    def __init__(self, ann: Annotated, span: tuple[int, int], doc: Doc, mentions: list[Located]) -> None:
        self.ann, self.span, self.doc = ann, span, doc
        self.offset = span[0]
        self.by_token: dict[str, dict[int, Located]] = {}
        for m in sorted(outermost(mentions), key=lambda m: -(m.end - m.start)):
            tokens = doc.char_span(m.start - self.offset, m.end - self.offset, alignment_mode="expand")
            if tokens is None:
                continue
            kind = "Organization" if m.node.type == "Organization" else "Thing" if m.node.type in TITLED \
                else m.node.type
            for tok in tokens:
                self.by_token.setdefault(kind, {}).setdefault(tok.i, m)
        for m in mentions:  # countries inside a body's name are countries too, for 'in P, Q'
            if m.node.type == "Country":
                tokens = doc.char_span(m.start - self.offset, m.end - self.offset, alignment_mode="expand")
                for tok in tokens or []:
                    self.by_token.setdefault("Country", {}).setdefault(tok.i, m)

    def mention(self, tok: Token, kind: str) -> Located | None:
        return self.by_token.get(kind, {}).get(tok.i)

    def group(self, tok: Token) -> list[Token]:
        """``tok`` and the tokens coordinated or in apposition with it, but not those in brackets after it ('Carbone
        Guinée (member of the European Environmental Bureau / Zero Mercury Working Group (EEB/ZMWG)) conducted':
        the network is who Carbone Guinée belongs to, not who acts)."""
        out, todo = [], [tok]
        while todo:
            t = todo.pop()
            if t in out:
                continue
            out.append(t)
            todo += [c for c in t.children if (c.dep_ == "conj" or (c.dep_ == "appos" and any(
                c.i in self.by_token.get(k, {}) for k in ("Organization", "Country", "Thing"))))
                and not self._bracketed(t, c)]
        return sorted(out, key=lambda t: t.i)

    def _bracketed(self, head: Token, tok: Token) -> bool:
        """Is ``tok`` inside a bracket opened after ``head``?"""
        between = self.ann.text[self.offset + head.idx + len(head.text):self.offset + tok.idx] if tok.i > head.i else ""
        return between.count("(") > between.count(")")

    def agents(self, tok: Token) -> list[Located]:
        """The organisations (or countries, for their governments) a subject, agent or 'from' object names."""
        found: list[Located] = []
        for t in self.group(tok):
            m = self.mention(t, "Organization") or self.mention(t, "Country")
            if m is None and _FUND_NOUN.fullmatch(t.text):  # 'the EC grant', 'GEF's funding'
                for child in t.children:
                    if child.dep_ in ("compound", "poss", "nmod", "amod"):
                        m = self.mention(child, "Organization") or self.mention(child, "Country")
                        if m:
                            break
            if m is None and _GENERIC_AGENTS.fullmatch(t.text):
                found += self.listed_after(t) or self.named_after(t)
            if m is not None and m not in found:
                found.append(m)
        return found

    def named_after(self, tok: Token) -> list[Located]:
        """'executed by the Canadian organisation, the Artisanal Gold Council (AGC)': the body a generic noun's
        apposition names (read from the text: the parse often hangs the apposition elsewhere)."""
        at = self.offset + tok.idx + len(tok.text)
        gap = re.match(r",\s+(?:the\s+)?", self.ann.text[at:at + 8])
        if gap is None:
            return []
        orgs = self.by_token.get("Organization", {}).values()
        return [m for m in _unique(list(orgs)) if m.start == at + gap.end()][:1]

    def listed_after(self, tok: Token) -> list[Located]:
        """'Four implementing agencies will manage the program, including A, B and C': the bodies a generic
        subject's list names (read from the text, as parses of long lists are unreliable)."""
        sentences: Sentences = self.ann.sentences
        text = self.ann.text
        orgs = sorted(_unique(list(self.by_token.get("Organization", {}).values())), key=lambda m: m.start)
        for m in re.finditer(r"\b(?:including|such as|namely|like)\s+(?:the\s+)?", text[self.span[0]:self.span[1]]):
            chain = sentences.chain(orgs, self.offset + m.end())
            if chain:
                return chain
        return []

    def things(self, tok: Token, block: Block) -> list[Node]:
        """The projects, events, areas or bodies an object names, pronouns and bare nouns resolved."""
        out: list[Node] = []
        for t in self.group(tok):
            m = self.mention(t, "Thing")
            if m is None:
                for child in t.children:  # 'the planetGOLD projects', 'MIA activities'
                    if child.dep_ in ("compound", "nmod", "amod", "poss"):
                        m = self.mention(child, "Thing")
                        if m:
                            break
            if m is not None:
                out.append(m.node)
                continue
            if (_ANAPHOR_NOUN.fullmatch(t.text) and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE
                                                         for c in t.children)) or t.lower_ in ("it", "they"):
                out += self.antecedents(t, block)
            elif t.lower_ in ("partnership", "area") and t.i > 0 and t.nbor(-1).lower_ in ("the", "this", "our"):
                key = block.area or self.ann.sentences.area
                area = self.ann.sentences.area_node(key) if key else None
                if area is not None:
                    out.append(area)
            else:
                area = self.mention(t, "Area")
                if area is not None:
                    out.append(area.node)
        return out

    def antecedents(self, tok: Token, block: Block) -> list[Node]:
        """What 'the program', 'the projects', 'The meetings' or 'it' refers back to: the last titled thing
        named before it in the block or section (for a plural, every one of its kind in the last sentence that
        named several; plural meetings never stand for one), else the block's or document's topic."""
        sentences: Sentences = self.ann.sentences
        if any((c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or c.lower_ in ("following", "below")
               for c in tok.children):
            return []  # 'a project': one not named; 'the following activities': the list after, not what came before
        at = self.offset + tok.idx
        events = tok.lower_.startswith(("meeting", "workshop", "event", "session"))
        wanted = ("Event",) if events else ("Project",)
        earlier = [m for m in sentences.located if m.node.type in wanted and m.end <= at and at - m.start < 2000
                   and (m.block is block or m.block.section == block.section)]
        if earlier and tok.tag_ == "NNS" and tok.lower_ != "projects":
            last = sentences.sentence_of[id(earlier[-1])]
            several = _unique([m.node for m in earlier if sentences.sentence_of[id(m)] == last])
            if len(several) > 1:
                return several
            if events:  # 'The meetings are being funded ...': several meetings, not the one named before
                return []
        if earlier and tok.lower_ == "projects":  # 'the projects': the programme's, not one country's project
            programmes = [m for m in earlier if not any(c.node.type == "Country" and m.start <= c.start < m.end
                                                         for c in sentences.located)]
            earlier = programmes or earlier
        if earlier:
            return [sentences.last_named(earlier).node]
        topic = sentences.topic_of(block)
        return [topic.node] if topic is not None and topic.node.type in wanted else []


def _unique(items: list) -> list:
    """Items in order, each once (nodes by id, mentions by node and place)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for item in items:
        key = (item.node.id, item.start) if isinstance(item, Located) else (item.id, 0)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def read_roles(ann: Annotated) -> None:
    """Pipeline component: FUNDS, IMPLEMENTS and LOCATED_IN from the parse of sentences with role words."""
    sentences = ann.sentences
    todo = []
    for span, mentions, block in sentences.items():
        kinds = {m.node.type for m in mentions}
        topic = sentences.topic_of(block)
        sentence = sentences.sentence(span)
        if needs_parse(sentence, kinds, topic is not None and topic.node.type == "Project") or (
                _ADDITIVE.match(sentence) and "Area" in kinds and bool(_FUND_CUE.search(sentence) or _MONEY_CUE.search(sentence))):
            todo.append((span, mentions, block))
    docs = ann.syntax.parse([span for span, _, _ in todo])
    funders_of: dict[int, list[Located]] = {}  # block -> the funders its last money sentence named
    for (span, mentions, block), doc in zip(todo, docs, strict=True):
        frame = _Frame(ann, span, doc, mentions)
        names = [(m.start - span[0], m.end - span[0]) for m in mentions if m.node.type in TITLED]
        for tok in doc:
            for role, who, what in _predicates(frame, tok, block):
                if role == "funds" and what and not who and _ADDITIVE.match(sentences.sentence(span)):
                    who = funders_of.get(id(block), [])  # 'In addition, smaller amounts had been provided to'
                if not (who and what):
                    continue
                if role == "funds":
                    funders_of[id(block)] = who
                status = "planned" if planned(sentences.sentence(span), tok.idx, names) else None
                # one funder and one thing: the sentence's sum is theirs ('X has contributed $150,000 to work ...')
                money = parse_amount(sentences.sentence(span)) if role == "funds" and len(who) == 1 == len(what) \
                    else None
                for agent in who:
                    for thing in what:
                        _add(ann, role, agent, thing, block, span, status, money)


def _add(ann: Annotated, role: str, agent: Located, thing: Node, block: Block, span: tuple[int, int],
         status: str | None, money: tuple[float, str] | None = None) -> None:
    source = agent.node
    if source.type == "Country":  # 'contributed ... from Austria, Denmark': their governments
        source = government_named_at(ann, agent, block, "a country named as a funder or implementer")
    if role == "funds" and thing.type in ("Project", "Event", "Area", "Organization"):
        ann.edges.add(Funds, source, thing, block, span, status=status, amount=money[0] if money else None,
                      currency=money[1] if money else None)
    elif role == "implements" and thing.type == "Project":
        ann.edges.add(Implements, source, thing, block, span, status=status)


def _predicates(frame: _Frame, tok: Token, block: Block) -> list[tuple[str, list[Located], list[Node]]]:
    """(role, who, what) for ``tok`` as a role word."""
    text = tok.text
    money_verb = bool(_MONEY_VERB.fullmatch(text)) and _has_money_object(tok)
    if tok.tag_.startswith(("VB", "MD")):
        if _nominal_gerund(tok):
            return []
        contribution = re.fullmatch(r"contribut\w*", text, re.IGNORECASE)
        if (_FUND_VERB.fullmatch(text) and not (contribution and not _money_contribution(frame, tok))) or money_verb:
            who = _verb_agents(frame, tok, funding=True)
            return [("funds", who, _verb_things(frame, tok, block) or _fallback(frame, block, who, area=_objectless(tok)))]
        if _IMPL_VERB.fullmatch(text) or (text.lower() == "carrying" and any(c.text == "out" for c in tok.children)):
            if tok.dep_ in ("relcl", "acl") and tok.head.lower_ in ("area", "partnership"):
                return []  # '... fate research area of the Partnership, which is led by X': the area's lead
            who = _verb_agents(frame, tok, funding=False)
            return [("implements", who, _verb_things(frame, tok, block) or _fallback(frame, block, who))]
        if tok.lower_ in ("working", "serving", "acting") and any(c.lower_ == "as" for c in tok.children):
            return _as_agency(frame, tok, block)
        return []
    if tok.tag_ in ("NN", "NNS") and tok.dep_ == "attr":
        role = _copular_role(tok)
        if role:
            who = [a for c in tok.head.children if c.dep_ == "nsubj" for a in frame.agents(c)]
            what = [n for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "in", "to", "on")
                    for p in c.children if p.dep_ == "pobj" for n in frame.things(p, block)]
            return [(role, who, _unique(what) or _fallback(frame, block, who))]
    if tok.tag_ in ("NN", "NNS") and _FUND_NOUN.fullmatch(text) and tok.dep_ not in ("compound",) and (
            not re.fullmatch(r"contributions?|resources|support", text, re.IGNORECASE)
            or MONEY_TERMS.search(frame.doc.text)):
        who = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
                who += [a for p in child.children if p.dep_ == "pobj" for a in frame.agents(p)]
        if not who:
            return []
        what = _main_clause_things(frame, tok, block)
        return [("funds", who, what)]
    return []


_BE = frozenset({"is", "are", "was", "were", "been", "be", "'s"})


def _copular_role(noun: Token) -> str | None:
    """The role a noun gives its copula's subject: 'IMPACT is an implementing partner for the planetGOLD Uganda
    ... projects', 'X was the executing agency of Y' (implements); 'X is a donor to Y' (funds)."""
    if noun.head.lower_ not in _BE:
        return None
    if re.fullmatch(r"implementers?|executors?", noun.text, re.IGNORECASE):
        return "implements"
    if re.fullmatch(r"agenc(?:y|ies)|partners?|organi[sz]ations?|entit(?:y|ies)", noun.text, re.IGNORECASE) and any(
            c.dep_ in ("amod", "compound") and re.fullmatch(r"(?:co-?)?(?:implementing|executing)", c.text, re.IGNORECASE)
            for c in noun.children):
        return "implements"
    if re.fullmatch(r"donors?|funders?|financiers?|sponsors?", noun.text, re.IGNORECASE):
        return "funds"
    return None


def _fallback(frame: _Frame, block: Block, who: list[Located], area: bool = False) -> list[Node]:
    """A role with no object of its own is about the sentence's one project, else what its block is about
    (its heading's project, the document's): 'UNEP undertook field testing ...' under 'Mercury Inventory
    Pilot Project'; 'USD 800,000 have so far been contributed ... from Austria, ...' on the programme's page."""
    if not who:
        return []
    things = _unique([m.node for m in frame.by_token.get("Thing", {}).values() if m.node.type == "Project"])
    if len(things) == 1:
        return things
    if things:
        return []
    topic = frame.ann.sentences.topic_of(block)
    if topic is not None and topic.node.type == "Project":
        return [topic.node]
    if area and block.area:  # money to 'work in India, Cambodia, ...' under the coal area's row: the area's work
        node = frame.ann.sentences.area_node(block.area)
        return [node] if node is not None else []
    return []


def _objectless(verb: Token) -> bool:
    """A money verb with no object, no 'to'/'for' object and no noun it modifies ('contributed $150,000 to
    work in India, ...'): what it pays for is the work of the block's area. 'a project funded by the GEF' and
    'granted ... to the project' name a thing, even one the text leaves unnamed."""
    return verb.dep_ not in ("acl", "relcl", "amod") and not any(
        c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("to", "for")) for c in verb.children)


def _nominal_gerund(verb: Token) -> bool:
    """A gerund with no subject or object of its own but a 'for' phrase is a noun in a list, whatever its
    tag: '..., financing for mercury-free processing equipment and capacity building' says what a project
    relates to, not that the sentence's subject finances anything."""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _money_contribution(frame: _Frame, verb: Token) -> bool:
    """Is 'contributed' money: an amount in the sentence ('contributed $150,000 to work in India'), money as
    its object or its 'to' object ('contributed funds', 'contributed to the trust fund'), or a 'from' source?
    'Pure Earth contributed to the implementation of planetGOLD projects' is work, not money."""
    if AMOUNT.search(frame.doc.text) or _has_money_object(verb):
        return True
    for child in verb.children:
        if child.lower_ == "from":
            return True
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(_FUND_NOUN.fullmatch(p.text) and not re.fullmatch(r"contributions?|resources", p.text, re.I)
                   for p in child.children if p.dep_ == "pobj"):
                return True
    return False


def _has_money_object(verb: Token) -> bool:
    return any(_MONEY_OBJECT.search(t.text) for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")
               for t in c.subtree)


def _verb_agents(frame: _Frame, verb: Token, funding: bool) -> list[Located]:
    who: list[Located] = []
    passive = verb.tag_ == "VBN" and (verb.dep_ in ("acl", "relcl", "advcl") or any(
        c.dep_ == "auxpass" for c in verb.children))
    for child in verb.children:
        if child.dep_ == "agent":
            who += [a for p in child.children if p.dep_ == "pobj" for a in frame.agents(p)]
        elif child.dep_ in ("nsubj", "csubj") and not passive:
            who += frame.agents(child)
    if funding:  # 'contributed for use in 2018 from Austria, ...': a 'from' anywhere under the verb
        for t in verb.subtree:
            if t.dep_ == "prep" and t.lower_ == "from" and _governed_by(t, verb, 3):
                who += [a for p in t.children if p.dep_ == "pobj" for a in frame.agents(p)]
    if not who and verb.dep_ in ("xcomp", "advcl", "conj") and not passive:  # 'X will provide funds to support'
        head = verb.head
        if head.tag_.startswith(("VB", "MD")) and verb.dep_ != "conj" or not any(c.dep_ in _SUBJECTS for c in verb.children):
            who += [a for c in head.children if c.dep_ in ("nsubj",) for a in frame.agents(c)]
    return _unique(who)


def _governed_by(tok: Token, head: Token, depth: int) -> bool:
    t = tok
    for _ in range(depth):
        if t.head.i == head.i:
            return True
        if t.head.i == t.i or t.head.tag_.startswith(("VB", "MD")):
            return False
        t = t.head
    return False


def _verb_things(frame: _Frame, verb: Token, block: Block) -> list[Node]:
    what: list[Node] = []
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd", "dative") or (child.dep_ == "nsubjpass" and passive):
            what += frame.things(child, block)
        elif child.dep_ == "prep" and child.lower_ in ("to", "for", "on"):
            what += [n for p in child.children if p.dep_ == "pobj" for n in frame.things(p, block)]
        elif child.dep_ in ("xcomp", "advcl") and child.i > verb.i:  # 'provide funds to support X'
            what += [n for c in child.children if c.dep_ == "dobj" for n in frame.things(c, block)]
    if verb.dep_ == "conj" and not what and verb.head.tag_.startswith("VB") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return _verb_things(frame, verb.head, block)  # 'a project funded by X and executed by Y': one thing
    if verb.dep_ in ("acl", "relcl") and not what:  # 'a five year project ... funded by the EC'
        head = verb.head
        what += frame.things(head, block)
        if not what and head.dep_ == "attr":  # 'The GMOS is a ... project funded by'
            what += [n for c in head.head.children if c.dep_ == "nsubj" for n in frame.things(c, block)]
    for child in verb.children:  # 'Through the GOLD program, the GEF will provide funds'
        if child.dep_ == "prep" and child.lower_ in ("through", "under", "within") and not what:
            what += [n for p in child.children if p.dep_ == "pobj" for n in frame.things(p, block)
                     if n.type == "Project"]
    return _unique(what)


def _main_clause_things(frame: _Frame, noun: Token, block: Block) -> list[Node]:
    """'With funding from X, the partnership has contracted ...': the main clause's subject or object."""
    head = noun
    while head.dep_ not in ("ROOT",) and head.head.i != head.i and not head.tag_.startswith("VB"):
        head = head.head
    if not head.tag_.startswith("VB"):
        return []
    what: list[Node] = []
    for child in head.children:  # the thing worked on: 'the AGC began work on the project: "X"'
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            what += frame.things(child, block)
        elif child.dep_ == "prep" and child.lower_ in ("on", "in", "for", "to"):
            what += [n for p in child.children if p.dep_ == "pobj" for n in frame.things(p, block)]
    things = [m.node for m in frame.by_token.get("Thing", {}).values() if m.start > frame.offset + noun.idx]
    if not what and len(_unique(things)) == 1:
        what = things[:1]
    if not what:  # '..., the partnership has contracted a specialist' (the area), else the body funded
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                what += [m.node for t in frame.group(child) if (m := frame.mention(t, "Organization"))]
    return _unique(what)


def _as_agency(frame: _Frame, verb: Token, block: Block) -> list[tuple[str, list[Located], list[Node]]]:
    """'BRI, working as an executing agency for UNIDO, is now conducting MIA activities': both carry out
    what the subject's main verb does."""
    agency = next((p for c in verb.children if c.lower_ == "as" for p in c.children if p.dep_ == "pobj"), None)
    if agency is None or not re.fullmatch(r"agenc(?:y|ies)|partners?", agency.text, re.IGNORECASE):
        return []
    employers = [a for c in agency.children if c.dep_ == "prep" and c.lower_ == "for"
                 for p in c.children if p.dep_ == "pobj" for a in frame.agents(p)]
    main = verb.head if verb.dep_ in ("advcl", "acl", "xcomp") else None
    if main is None:
        return []
    who = [a for c in main.children if c.dep_ == "nsubj" for a in frame.agents(c)] + \
          [a for c in verb.children if c.dep_ == "nsubj" for a in frame.agents(c)]
    what = _verb_things(frame, main, block)
    return [("implements", _unique(who + employers), what)]


def read_places(ann: Annotated) -> None:
    """Pipeline component: LOCATED_IN for the things a parsed clause's verb works on, in the countries of its
    'in' phrase ('UNDP is carrying out the projects in Colombia, Indonesia, Kenya, and Peru'; 'conducting MIA
    activities in Cabo Verde, Chad, ...')."""
    sentences = ann.sentences
    for span, mentions, block in sentences.items():
        doc = ann.syntax.parsed(span)
        if doc is None or not any(m.node.type == "Country" for m in mentions):
            continue
        frame = _Frame(ann, span, doc, mentions)
        names = [(m.start - span[0], m.end - span[0]) for m in mentions if m.node.type in TITLED]
        for tok in doc:
            if not (tok.tag_.startswith("VB") and (_IMPL_VERB.fullmatch(tok.text) or tok.lower_ in (
                    "working", "works", "work", "worked", "carrying", "implementing", "conducting"))):
                continue
            things = [n for n in _verb_things(frame, tok, block) if n.type in ("Project", "Event")]
            if not things:
                continue
            places = []
            for t in tok.subtree:
                if t.dep_ == "prep" and t.lower_ == "in" and _governed_by(t, tok, 3):
                    for p in t.children:
                        if p.dep_ == "pobj":
                            places += [m for g in frame.group(p) if (m := frame.mention(g, "Country"))]
            status = "planned" if planned(sentences.sentence(span), tok.idx, names) else None
            for thing in things:
                for place in _unique(places):
                    ann.edges.add(LocatedIn, thing, place.node, block, span, status=status)
