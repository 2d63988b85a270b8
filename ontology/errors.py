"""The exception base shared by all of the project's packages."""

__all__ = ["LineageError"]


class LineageError(Exception):
    """Base class for errors raised by the project's packages."""
