"""Links the graph infers rather than reads: never mixed up with what the text states.

>>> from schema import Area, Article, Provenance
>>> store = GraphStore()
>>> p = Provenance(document="r.txt", locator="para 1", quote="the ASGM partnership area", start=0, end=25)
>>> _ = store.add_node(Area(id="area:asgm", key="asgm", name="Artisanal and small-scale gold mining", provenance=[p]))
>>> _ = store.add_node(Article(id="article:7", key="7", name="Article 7", provenance=[p]))
>>> add_mandate_supports(store)
1
>>> store.edge("area:asgm", "article:7", "SUPPORTS").basis
'area-mandate'
"""

from __future__ import annotations

from gmpgraph.store import GraphStore
from schema import Supports
from schema.reference import area_by_key


def add_mandate_supports(store: GraphStore) -> int:
    """SUPPORTS with basis 'area-mandate' from each area to the Convention articles its mandate serves
    (ASGM -> 7, chlor-alkali -> 5, products -> 4, coal and cement -> 8, waste -> 11, supply and storage
    -> 3 and 10, fate and transport -> 19 and 22), for the articles the graph holds. An edge the text
    already states keeps basis 'stated'. Returns how many edges were added."""
    added = 0
    for area in list(store.nodes("Area")):
        for number in area_by_key()[area.key].mandate_articles:
            article = f"article:{number}"
            if article not in store or store.nx.has_edge(area.id, article, "SUPPORTS"):
                continue
            store.add_edge(Supports(source=area.id, target=article, basis="area-mandate",
                                    provenance=list(area.provenance[:1])))
            added += 1
    return added
