"""The graph in a graph database: Neo4j (official driver) for deployments, FalkorDB (same Cypher) for tests.

>>> from gmpgraph.graphdb.statements import edge_merge
>>> "MERGE (a)-[r:FUNDS]->(b)" in edge_merge("FUNDS")
True
"""

from gmpgraph.graphdb.connect import DatabaseError, Target, connect, engine_of
from gmpgraph.graphdb.push import PushReport, database_counts, push, read_graph

__all__ = ["DatabaseError", "PushReport", "Target", "connect", "database_counts", "engine_of", "push", "read_graph"]
