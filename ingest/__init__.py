"""Files → typed records: reading, normalisation, document identity, references, deadlines."""

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
