"""Document identity: a symbol is not an identity, a key is.

A key joins the canonical symbol, the scope of the issuer and the year: ``57-NQ/TW@VN@2024``,
``02-KH/BCĐ@Đắk Lắk@2025``, ``06-KH/ĐU@Hải Phòng/phường Kinh Môn@2025``. State numbers restart
every year and Party numbers every committee term, and local symbols repeat in every province and
commune, so two documents that share a symbol but not a scope or a year never merge. A document
with no readable number is keyed by its file: ``file:<sha256 prefix>``. Files that share such a key
but not an issuer or date are two documents, keyed ``<key>#<identity hash>`` and flagged for review
(``graph.resolve.split_identities``).
"""

import re
from dataclasses import dataclass

from ingest.gazetteer import fold
from ontology.codes import level_of_issuer_code

__all__ = ["NATIONAL", "UNKNOWN", "Scope", "document_key", "number_key", "reference_scope", "scope_of"]

NATIONAL = "VN"
UNKNOWN = "?"


def number_key(number: str) -> str:
    """The symbol compared case-insensitively and by the value of its number (``05/KH`` = ``5/kh``).

    >>> number_key("05/KH-UBND") == number_key("5/kh-ubnd")
    True
    """
    m = re.match(r"(\d+)(.*)$", number)
    return (f"{int(m.group(1))}{m.group(2)}" if m else number).upper()


@dataclass(frozen=True, slots=True)
class Scope:
    """Where an issuer sits: the whole country, or a province and possibly a unit inside it."""

    province: str | None  # None with national=False: unknown
    locality: str | None = None
    national: bool = False

    def text(self) -> str:
        if self.national:
            return NATIONAL
        if self.province is None:
            return UNKNOWN
        return self.province if self.locality is None else f"{self.province}/{self.locality}"

    def known(self) -> bool:
        return self.national or self.province is not None

    def compatible(self, other: "Scope") -> bool:
        """Could both scopes be the same issuer's? Unknown parts agree with anything."""
        if self.national or other.national:
            return self.national == other.national or not (self.known() and other.known())
        if self.province is None or other.province is None:
            return True
        if fold(self.province) != fold(other.province):
            return False
        if self.locality is None or other.locality is None:
            return True
        return fold(self.locality) == fold(other.locality)

    def exact(self, other: "Scope") -> bool:
        return self.known() and other.known() and self.text() == other.text()


def scope_of(level: str | None, province: str | None, locality: str | None) -> Scope:
    """Scope of a document from its own level and place."""
    if level == "central":
        return Scope(None, None, national=True)
    if level in ("district", "commune"):
        return Scope(province, locality)
    return Scope(province)


def reference_scope(
    ref_level: str | None,
    ref_issuer_code: str,
    ref_party: bool,
    citing_level: str | None,
    citing_province: str | None,
    citing_locality: str | None,
) -> Scope:
    """Scope of a referenced document: its own level when read, else the citing document's place.

    A commune-level reference from a document of the same commune takes that commune; from a
    higher level the commune is unknown, so only the province is kept.
    """
    level = ref_level
    if level is None:
        code_level = level_of_issuer_code(ref_issuer_code, party=ref_party)
        level = code_level.value if code_level else None
    if level == "central":
        return Scope(None, None, national=True)
    if level in ("district", "commune"):
        same_unit = citing_level == level and citing_locality is not None
        return Scope(citing_province, citing_locality if same_unit else None)
    return Scope(citing_province)


def document_key(number: str, scope: Scope, date: str | None) -> str:
    """The key of a numbered document.

    >>> document_key("57-NQ/TW", Scope(None, national=True), "2024-12-22")
    '57-NQ/TW@VN@2024'
    >>> document_key("02-KH/BCĐ", Scope("Đắk Lắk"), None), document_key("013/CT-UBND", Scope("Đắk Lắk"), "2025-12-02")
    ('02-KH/BCĐ@Đắk Lắk@?', '13/CT-UBND@Đắk Lắk@2025')
    """
    year = date[:4] if date else UNKNOWN
    # "5/KH-UBND", "05/KH-UBND" and "005/KH-UBND" are one document: two digits at least (NĐ 30/2020).
    m = re.match(r"(\d+)(.*)$", number)
    symbol = f"{int(m.group(1)):02d}{m.group(2)}" if m else number
    return f"{symbol}@{scope.text()}@{year}"
