"""Files → typed records: reading, normalisation, document identity, references, deadlines.

The names below are loaded on first use (PEP 562): a query that needs one table of this package
(the gazetteer, the records) does not pay for compiling the whole extractor.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.errors import ExtractionError, UnsupportedFormat
    from ingest.extract import ExtractionFailure, extract_file, extract_paths, extract_text
    from ingest.records import Extraction

__all__ = [
    "Extraction",
    "ExtractionError",
    "ExtractionFailure",
    "UnsupportedFormat",
    "extract_file",
    "extract_paths",
    "extract_text",
]

_HOME = {
    "Extraction": "ingest.records",
    "ExtractionError": "ingest.errors",
    "UnsupportedFormat": "ingest.errors",
    "ExtractionFailure": "ingest.extract",
    "extract_file": "ingest.extract",
    "extract_paths": "ingest.extract",
    "extract_text": "ingest.extract",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    msg = f"module 'ingest' has no attribute {name!r}"
    raise AttributeError(msg)
