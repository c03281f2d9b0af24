"""Sums of money as the texts write them: '850,000 US$', '$1 million', 'EUR 2.5 million', '2,000,000 USD'."""

from __future__ import annotations

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
