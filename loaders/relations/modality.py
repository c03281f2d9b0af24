"""Modality: what a sentence gives as planned, proposed, hoped for or hypothetical is not stated fact.

A relation read at ``position`` of a sentence is *planned* when the clause that holds it says so:

* a modal of possibility or obligation before its verb: 'would', 'could', 'may', 'might', 'should';
* a future passive: 'will be approached', 'is to be executed', 'to be held';
* a verb or noun of planning over it: 'plans to', 'planned', 'proposed', 'a proposal to', 'intends to',
  'is expected to', 'hopes to', 'envisaged', 'will explore', 'potential', 'in the future', 'if', 'subject to';
* work not yet approved or put off: 'Pending approval, tentative activities include ...', 'postponed'.

A modal in a clause of its own after the relation's ends ('... to provide content about ... how one may help
solve the problem') or in an addition after them ('overseen by Antigua and Barbuda and potentially others') is
no plan of the relation.

A purpose ('which aims to support ...') is no plan of the relation it follows; nor is a past counterfactual
('would not have been possible without the support of X': X did support it), nor an approval ('approved a
medium size proposal'). A verb phrase joined by 'and' ('held in Rome in September 2012 and are planning to
attend ...') is a clause of its own.

Plain 'will' with an active verb describing an approved programme's arrangements ('Four implementing
agencies will manage the program', 'the GEF will provide funds') is what the text states; so is what a
participle states beside a future verb ('Led by Conservation International, the programme will continue').

>>> planned("ECCC will be approached to explore possible partnership in the future.", 0)
True
>>> planned("Four implementing agencies will manage the program.", 20)
False
>>> planned("Led by Conservation International, the expanded programme will continue to focus on ...", 10)
False
>>> planned("the Global Environment Facility (GEF) approved a medium size proposal of $1 million in July 2012.", 4)
False
>>> s = "involved in conferences, including ICHMET held in Rome in September 2012 and are planning to attend ICMGP"
>>> planned(s, s.index("ICHMET")), planned(s, s.index("ICMGP"))
(False, True)
>>> planned("a project funded by SAICM on strategic plans to reduce mercury in ASGM", 2)
False
"""

from __future__ import annotations

import re

_PLANNED = re.compile(
    r"\b(?:would|could|might|may|should|shall)\s+(?!not\s+have\s+been\s+possible)(?:also\s+|not\s+|then\s+)?(?:be\s+)?[a-z]+"
    r"|\b(?:will|shall|is|are|was|were)\s+(?:also\s+|then\s+|soon\s+)?(?:to\s+)?be\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|held|"
    r"made|run|done|built|set|given|taken|sent|led|met|brought|sought|kept|shown|drawn|begun|written|chosen)\b"
    r"|\bto\s+be\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|t)\b"
    r"|(?<!strategic )(?<!action )(?<!national )(?<!business )(?<!work )\bplans?\s+to\b"  # not 'strategic plans to reduce'
    r"|\b(?:planned|planning\s+(?:to|for)|propos(?:e|es|ed|al|als|ing)|intend(?:s|ed)?\s+to|"
    r"(?:is|are|was|were)\s+expected\s+to|hopes?\s+to|hoped|envisag\w+|foreseen|prospective|potential(?:ly)?|"
    r"would like|next steps?|in\s+(?:the\s+)?future|under\s+discussion|under\s+consideration|to\s+explore|"
    r"will\s+explore|pipeline|subject\s+to|if|unless|pending|tentative(?:ly)?|postponed|"
    # approved or recognised but not under way: 'approved an expansion of the programme, adding eight countries',
    # 'it was extended to an additional seven countries', 'the elaboration of the Project Preparation Grant'
    r"approved\s+an?\s+(?:expansion|extension)|extended\s+to\s+an?\s+(?:additional|further)|preparation\s+grant|"
    r"project\s+preparation|(?:recogni[sz]ed|stressed|noted)\s+the\s+need\s+(?:for|to))\b",
    re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|:\s|,\s+(?:and|but|while|whereas)\s+|\.\s|"
                           r"\s+and\s+(?=(?:is|are|was|were|will|has|have|had)\s)")  # '... held in Rome and are planning'
#: what states a fact though it holds a planning word: an approval ('approved a medium size proposal of $1 million')
_STATED = re.compile(r"\b(?:approved|accepted|endorsed|adopted)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}"
                     r"proposals?\b", re.IGNORECASE)
#: where one coordinated clause ends and the next, with a subject of its own, begins
COORDINATION = re.compile(r";|,\s+(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Z\w][\w\-.,()\s]{0,140}?\b(?:is|are|was|were|"
                          r"has|have|had|will|held|led|run|made|taken|given|begun|built|[a-z]{3,}ed)\b)")
#: where what follows the relation's last end is a clause or an addition of its own: 'Futura is working with
#: the TV program "Viewpoint by Dennis Quaid" to provide content for a ... segment about ... and how one may help
#: solve the problem'; '... overseen by Antigua and Barbuda and potentially others in central Africa'
_LATER = re.compile(r"\b(?:how|which|who|whom|whose|where|when|that)\b|"
                    r"\band\s+(?:potentially|possibly|perhaps|maybe)\b")
_PARTICIPLE_OPENING = re.compile(r"^\s*(?:[A-Z][a-z]+ed|[A-Z][a-z]+en)\s+by\b")


def clause_around(sentence: str, position: int, breaks: re.Pattern[str] | None = None) -> tuple[int, int]:
    """The clause of ``sentence`` holding ``position``: between semicolons, colons and ', and'/', but' (or the
    ``breaks`` given)."""
    start, end = 0, len(sentence)
    for m in (breaks or _CLAUSE_BREAK).finditer(sentence):
        if m.end() <= position:
            start = m.end()
        elif m.start() > position:
            end = m.start()
            break
    return start, end


def opens_with_modal(text: str) -> bool:
    """Does ``text`` (what follows a name) open with a planned or hypothetical predicate: the name is its subject?

    >>> opens_with_modal(" could allow for the collection of information"), opens_with_modal(" allows it")
    (True, False)
    """
    stripped = text.lstrip()
    return bool(_PLANNED.match(stripped)) and not stripped.lower().startswith(("if", "pending", "subject to"))


def planned(sentence: str, position: int, names: list[tuple[int, int]] | None = None, last: int | None = None) -> bool:
    """Is what ``sentence`` says at ``position`` (an offset into it) planned rather than stated? ``names`` are
    spans (offsets into the sentence) of names, whose words do not count ('... of existing and future
    emissions' in a project's title). ``last`` is where the relation's last end ends: a relative or 'how' clause
    after it, or an 'and potentially ...' added after it, speaks of something else.

    >>> s = 'Futura is working with the TV program "Viewpoint" to provide content about how one may help.'
    >>> planned(s, 0), planned(s, 0, last=s.index("Viewpoint") + 10)
    (True, False)
    >>> planned("Pending approval, tentative activities include the assessment of ... in Cuba", 60)
    True
    >>> planned("A summit will be held with invited stakeholders from UNEP, Uganda Government", 50)
    True
    """
    for a, b in names or []:
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    sentence = _STATED.sub(lambda m: " " * len(m.group(0)), sentence)
    start, end = clause_around(sentence, position)
    if last is not None and start <= last < end:
        later = _LATER.search(sentence, last, end)
        end = later.start() if later else end
    clause = sentence[start:end]
    opening = _PARTICIPLE_OPENING.match(clause)
    if opening and position - start < opening.end() + 80 and "," in clause:
        clause = clause[:clause.index(",")]  # 'Led by X, the programme will ...': the participle states it
    if _PLANNED.search(clause):
        return True
    # the items of an inline list take the clause that introduces them: 'it was extended to an additional seven
    # countries: Sierra Leone, Zambia, ...'
    return sentence[max(0, start - 2):start] == ": " and bool(_PLANNED.search(sentence, *clause_around(sentence,
                                                                                                     start - 2)))
