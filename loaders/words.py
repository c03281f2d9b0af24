"""Word patterns shared by the gazetteers and the rules: what reads as a sentence rather than a title, and an
honorific just before a name.

>>> bool(SENTENCE_LIKE.search("The workshop was held in Bangkok."))
True
>>> bool(SENTENCE_LIKE.search("Global Mercury Assessment"))
False
>>> bool(HONORIFIC_BEFORE.search("opened by Ms. ")), bool(HONORIFIC_BEFORE.search("held in "))
(True, False)
"""

from __future__ import annotations

import re

#: a full stop at the end, or a finite verb: a sentence, not the title of a document or a listed item
SENTENCE_LIKE = re.compile(r"[.!?]\s*$|\s(?:is|are|was|were|has|have|had|will|can|may|should|must|held|took)\s")
#: an honorific ending just before a name: 'Mr. Chad Smith' names a person, not Chad
HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|Sir|Sh|Shri|Smt|Engr|Atty|Amb)\.?\s*$")
#: the days of the week: 'The Ministry ... on Tuesday launched' dates an act, it names nothing
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
