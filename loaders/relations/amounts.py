"""Sums of money as the texts write them: '850,000 US$', '$1 million', 'EUR 2.5 million', '2,000,000 USD'; and
the month a sentence dates them by ('in November 2011')."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_AMOUNT = re.compile(r"(?:(?P<cur1>US\\?\$|USD|\\?\$|EUR|€|£|CHF|NOK|JPY|¥)\s?(?P<num1>\d[\d,.]*)\s*(?P<mult1>million|"
                     r"billion|thousand|m\b|bn\b)?|(?P<num2>\d[\d,.]*)\s*(?P<mult2>million|billion|thousand)?\s*(?P<cur2>US\\?\$|"
                     r"USD|US dollars|dollars|EUR|euros?|CHF|NOK|Swiss francs|Norwegian kroner))")
_CURRENCY = {"US$": "USD", "USD": "USD", "$": "USD", "US dollars": "USD", "dollars": "USD", "EUR": "EUR", "€": "EUR",
             "euro": "EUR", "euros": "EUR", "£": "GBP", "CHF": "CHF", "Swiss francs": "CHF", "NOK": "NOK",
             "Norwegian kroner": "NOK", "JPY": "JPY", "¥": "JPY"}
_MULTIPLIER = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}


def parse_amount(text: str) -> tuple[float, str] | None:
    r"""The first sum of money in ``text``, normalised: (amount, ISO 4217 currency).

    >>> parse_amount("The Government of Norway granted 850,000 US$ to the project")
    (850000.0, 'USD')
    >>> parse_amount("GEF approved a medium size proposal of $1 million")
    (1000000.0, 'USD')
    >>> parse_amount(r"The Government of Norway granted 850,000 US\$ of new funding")
    (850000.0, 'USD')
    """
    m = _AMOUNT.search(text)
    if not m:
        return None
    number = (m.group("num1") or m.group("num2") or "").rstrip(".,")
    currency = m.group("cur1") or m.group("cur2")
    multiplier = m.group("mult1") or m.group("mult2")
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    value *= _MULTIPLIER.get((multiplier or "").lower(), 1)
    currency = currency.replace("\\", "")  # '850,000 US\$': the PDF text escapes the dollar sign
    return value, _CURRENCY.get(currency, _CURRENCY.get(currency.lower(), "USD"))


AMOUNT = _AMOUNT
"""A sum of money as written (for patterns that read what stands around one)."""
#: a word or sign that speaks of money: the gate before a sentence's funders or a 'contributions' noun are read
MONEY_TERMS = re.compile(r"\b(?:financial|financially|voluntary|monetary|in-kind|fund\w*|financ\w*|grant\w*|donor\w*|"
                         r"expenditure)\b|US\$|USD|\$|EUR|€|£|\bmillion\b", re.IGNORECASE)

MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_DATED = re.compile(r"\b(?:[Ii]n|[Oo]n|[Ss]ince)\s+(?:(?:early|mid|late|the end of)[- ]\s*)?(?:\d{1,2}\s+)?"
                    r"(?P<month>" + "|".join(m for m in calendar.month_name if m) + r")\s+(?P<year>(?:19|20)\d\d)\b")


def month_of(text: str) -> dt.date | None:
    """The one month and year ``text`` dates itself by ('in November 2011', 'In April 2021,'), as the first day
    of that month; None if it gives none, or two different ones.

    >>> month_of("The Government of Norway granted 850,000 US$ of new funding in November 2011 to the project.")
    datetime.date(2011, 11, 1)
    >>> month_of("held in Rome in September 2012 and in Edinburgh in July 2013") is None
    True
    """
    found = {dt.date(int(m.group("year")), MONTH_NAMES[m.group("month").lower()], 1) for m in _DATED.finditer(text)}
    return found.pop() if len(found) == 1 else None
