"""Exceptions raised while turning files into records."""

from ontology.errors import LineageError

__all__ = ["ExtractionError", "UnsupportedFormat"]


class ExtractionError(LineageError):
    """A file could not be turned into text; the message names the file and the reason."""


class UnsupportedFormat(ExtractionError):
    """No reader handles the file's format."""
