"""The learned components of the extractor: a statistical NER over our types, a trained decision over
every entity candidate (rules, NER), and a trained reader of relations over candidate pairs.

Their weights are data in ``loaders/models`` (made by ``gmpgraph train``; the card ``MODEL.json`` says what
they were trained on). Without them the extractor runs on its rules alone.
"""
