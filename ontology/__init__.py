"""Vocabulary shared by every layer: relations, levels, document-type and issuer code tables, errors."""

from ontology.errors import LineageError
from ontology.terms import Level, Relation

__all__ = ["Level", "LineageError", "Relation"]
