"""Review: a researcher's decisions about the graph (accept, reject, merge, rename, retype, add, status), kept
as data in a review file beside the graph and applied on every build.

* :mod:`gmpgraph.review.decisions` - the review file (JSON Lines);
* :mod:`gmpgraph.review.apply` - applying decisions to a graph, reporting those whose target is gone;
* :mod:`gmpgraph.review.worklist` - what most needs a look, and review coverage;
* :mod:`gmpgraph.review.gold` - reviewed facts as gold annotations, for training.
"""
