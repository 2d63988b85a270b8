"""Exceptions raised by graph stores and queries."""

from ontology.errors import LineageError

__all__ = ["BackendUnavailable", "NodeNotFound", "StoreError", "StoreNotFound"]


class NodeNotFound(LineageError, KeyError):
    """The requested document key or file is not in the graph."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class StoreError(LineageError):
    """The store file cannot be opened or is not a lineage store."""


class StoreNotFound(StoreError):
    """No store exists at the path given to a command that only reads (only ``ingest`` creates one)."""


class BackendUnavailable(LineageError):
    """An optional backend (Neo4j) is not installed or not reachable."""
