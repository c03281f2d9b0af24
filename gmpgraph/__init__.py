"""gmpgraph: a knowledge graph of the UNEP Global Mercury Partnership and the Minamata Convention.

>>> from gmpgraph import GraphStore
>>> GraphStore().counts()
{'nodes': {}, 'edges': {}}
"""

from gmpgraph.graphfile import GraphFileError, load_graph, save_graph
from gmpgraph.store import GraphError, GraphStore

__version__ = "0.1.0"
__all__ = ["GraphError", "GraphFileError", "GraphStore", "__version__", "load_graph", "save_graph"]
