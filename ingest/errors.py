"""Exceptions raised while turning files into records."""

from ontology.errors import LineageError

__all__ = ["ExtractionError", "UnsupportedFormat", "unreadable"]


class ExtractionError(LineageError):
    """A file could not be turned into text; the message names the file and the reason."""


class UnsupportedFormat(ExtractionError):
    """No reader handles the file's format."""


def unreadable(path: object, exc: OSError) -> str:
    """The message for a file the system would not let us read."""
    return f"{path}: cannot read the file ({exc.strerror or exc})"
