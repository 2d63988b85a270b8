"""One factory for every store: ``open_store(target)`` with a path (the embedded SQLite store) or a
``bolt://`` / ``neo4j://`` URI (a Neo4j or ArcadeDB server); see ``graph.contract.Store``."""

from pathlib import Path

from graph.contract import Store
from graph.errors import StoreNotFound
from graph.store import open_embedded

__all__ = ["SERVER_SCHEMES", "is_server", "open_store"]

SERVER_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def is_server(target: str | Path) -> bool:
    """Does ``target`` name a server (a Bolt URI) rather than a file?"""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def open_store(
    target: str | Path,
    *,
    create: bool = True,
    busy_timeout: float | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Store:
    """The store at ``target``: a Bolt URI opens the Neo4j backend (``user``, ``password`` and
    ``database`` default to ``$NEO4J_USER``, ``$NEO4J_PASSWORD``, ``$NEO4J_DATABASE``); anything
    else is the path of an embedded store, created there with ``create`` (without it, a path
    where no store exists is ``StoreNotFound``: a reader given a mistyped path must not answer
    from a new, empty store). ``busy_timeout``: seconds an embedded write waits for another
    process's (default ``$LINEAGE_BUSY_TIMEOUT`` or 60)."""
    if is_server(target):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(str(target), user, password, database)
    if not str(target).strip():
        msg = "no store given: pass a path (lineage.db) or a bolt:// URI"
        raise StoreNotFound(msg)
    return open_embedded(target, busy_timeout, create=create)
