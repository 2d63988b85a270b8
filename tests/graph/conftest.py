"""The Bolt server the Neo4j-backend tests share: ArcadeDB from PyPI, started once per session on
127.0.0.1 (skipped only when ``arcadedb-embedded`` is not installed)."""

from collections.abc import Iterator

import pytest

from testkit.arcadedb import BoltServer, arcadedb_available

DATABASES = ("scenario", "pushed", "scratch", "order", "cli", "synth", "table", "contract", "identity")


@pytest.fixture(scope="session")
def bolt() -> Iterator[BoltServer]:
    if not arcadedb_available():
        pytest.skip("arcadedb-embedded is not installed (pip install arcadedb-embedded)")
    with BoltServer(databases=DATABASES) as server:
        yield server
