"""Governments: "Government of Norway", "Governments of Spain and Uruguay" (split), "the Governments of
Austria, Belgium, ... and Sweden", "the Danish Government", "Uganda Government".

>>> [f.name for f in governments("The Governments of Spain and Uruguay and the Danish Government")]
['Government of Spain', 'Government of Uruguay', 'Government of Denmark']
>>> [f.name for f in governments("hosted by the Governments of the United States of America and Uruguay to")]
['Government of the United States of America', 'Government of Uruguay']
"""

from __future__ import annotations

import re

from loaders.entities.found import Found
from loaders.gazetteers.countries import find_countries
from schema.reference import country_name, demonyms

# the list may follow a colon or a count of countries: 'the governments of: Brazil, Sudan, ...', 'the governments of
# eight countries (Burkina Faso, Colombia, ...)'
_GOVERNMENTS = re.compile(r"\b[Gg]overnments?\s+of(?:\s*:\s*|\s+(?:the\s+)?(?:\w+\s+)?(?:participating\s+)?countries\s*\(\s*|\s+)")


def governments(text: str) -> list[Found]:
    found: list[Found] = []
    for m in _GOVERNMENTS.finditer(text):
        # the country list that follows: "Spain and Uruguay", "Austria, Belgium, ... and Sweden"
        tail = re.sub(r"\s\([A-Z]{2,4}\)", lambda x: " " * len(x.group(0)), text[m.end():m.end() + 400])
        tail = re.sub(r"\bSt\.(?=\s)", "St ", tail)
        # it ends at the first lower-case word but those inside the list ('the United States of America and Uruguay')
        stop = re.search(r"[.;:()\n]|\b(?!and\b|the\b|of\b)[a-z]+\b", tail)
        span = tail[:stop.start()] if stop else tail
        for c in find_countries(span):
            start, end = m.end() + c.start, m.end() + c.end
            name = government_name(as_written(text, start, c.surface))
            found.append(Found("Organization", name, start, end, (name,), "government", "Government(s) of <country>",
                               {"country": c.key}))
    adjectives = "|".join(re.escape(d) for d in sorted(demonyms(), key=len, reverse=True))
    for m in re.finditer(rf"\b({adjectives})\s+[Gg]overnment\b", text):
        code = demonyms()[m.group(1)]
        found.append(Found("Organization", government_name(country_name(code)), m.start(), m.end(),
                           (m.group(0),), "government", "<demonym> Government", {"country": code}))
    for c in find_countries(text):
        after = text[c.end:c.end + 12]
        if re.match(r"\s+[Gg]overnment\b", after):
            end = c.end + re.match(r"\s+[Gg]overnment", after).end()
            found.append(Found("Organization", government_name(c.surface), c.start, end, (text[c.start:end],),
                               "government", "<country> Government", {"country": c.key}))
    return found


# English writes these with the article: 'the United Republic of Tanzania', 'the Netherlands'
_WITH_ARTICLE = ("United ", "Republic of", "Russian Federation", "Netherlands", "Philippines", "Lao ", "Democratic ",
                 "Islamic Republic", "Czech Republic", "Dominican Republic", "Central African", "Gambia", "Bahamas",
                 "Comoros", "Maldives", "Marshall Islands", "Solomon Islands", "Holy See", "Syrian Arab")


def as_written(text: str, start: int, surface: str) -> str:
    """A country's name ``surface``, found at ``start``, with the 'the' the text writes before it.

    >>> as_written("thanks to the United Kingdom", 14, "United Kingdom")
    'the United Kingdom'
    """
    return "the " + surface if text[max(0, start - 4):start].lower() == "the " else surface


def with_article(country: str) -> str:
    """A country's name with the article English gives it ('the United Republic of Tanzania', 'Peru').

    >>> with_article("Republic of Indonesia"), with_article("the Netherlands"), with_article("Peru")
    ('the Republic of Indonesia', 'the Netherlands', 'Peru')
    """
    return f"the {country}" if country.startswith(_WITH_ARTICLE) else country


def government_name(country: str) -> str:
    """The name of a country's government.

    >>> government_name("United Republic of Tanzania"), government_name("Peru")
    ('Government of the United Republic of Tanzania', 'Government of Peru')
    """
    return f"Government of {with_article(country)}"
