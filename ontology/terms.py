"""Relation kinds between documents and administrative levels of issuers."""

from enum import StrEnum

__all__ = ["IDENTITY_FIELDS", "RELATION_PRIORITY", "Level", "Relation"]

# What a document says about itself that the graph keeps on its node (and a reviewer may correct).
IDENTITY_FIELDS = (
    "number",
    "doc_type",
    "issuer",
    "level",
    "locality",
    "province",
    "province_at_issue",
    "date",
    "title",
)


class Relation(StrEnum):
    """How a document relates to a document it mentions."""

    IMPLEMENTS = "implements"  # carries it out or rests on it (Thực hiện, Căn cứ, Triển khai ...)
    REPORTS_ON = "reports_on"  # a report on its implementation
    URGES = "urges"  # urges others to carry it out (đôn đốc, nhắc nhở ...)
    CITES = "cites"  # any other mention


class Level(StrEnum):
    """Administrative level of an issuing body. District level exists only before 1 July 2025."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


# When a reference carries several relations, the first in this order is the primary one.
RELATION_PRIORITY: tuple[Relation, ...] = (
    Relation.REPORTS_ON,
    Relation.IMPLEMENTS,
    Relation.URGES,
    Relation.CITES,
)
