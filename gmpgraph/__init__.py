"""gmpgraph: a knowledge graph of the UNEP Global Mercury Partnership and the Minamata Convention.

The package's names are imported when first used, so that a command starts without loading networkx and the
schema before it needs them (``gmpgraph build`` starts the statistical models loading first:
:mod:`loaders.model_process`).

>>> from gmpgraph import GraphStore
>>> GraphStore().counts()
{'nodes': {}, 'edges': {}}
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gmpgraph.graphfile import GraphFileError, load_graph, save_graph
    from gmpgraph.store import GraphError, GraphStore

__version__ = "0.1.0"
__all__ = ["GraphError", "GraphFileError", "GraphStore", "__version__", "load_graph", "save_graph"]
#: where each name lives
_MODULES = {"GraphFileError": "gmpgraph.graphfile", "load_graph": "gmpgraph.graphfile",
            "save_graph": "gmpgraph.graphfile", "GraphError": "gmpgraph.store", "GraphStore": "gmpgraph.store"}


def __getattr__(name: str) -> Any:
    """A name of ``__all__``, imported from its module when first asked for."""
    if name not in _MODULES:
        raise AttributeError(f"module 'gmpgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(_MODULES[name]), name)
    globals()[name] = value
    return value
