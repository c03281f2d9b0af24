"""Gazetteers: find mentions of partnership areas, Convention articles and countries in text.

Each gazetteer is a function ``find_*(text) -> list[Mention]`` that reads the whole
text once with compiled regular expressions.
"""

from loaders.gazetteers.areas import find_areas
from loaders.gazetteers.articles import find_articles
from loaders.gazetteers.countries import find_countries
from loaders.gazetteers.mention import Mention

__all__ = ["Mention", "find_areas", "find_articles", "find_countries"]
