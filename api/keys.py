"""API keys for the HTTP API: configured by the operator, stored hashed (SHA-256 of a random token).

Keys live in a small JSON file (``$LINEAGE_KEYS`` or ``lineage-keys.json``), written atomically.
Roles: ``read`` (the default for every GET; no key needed unless the operator requires one),
``ingest`` (uploading documents) and ``review`` (writing corrections: confirm, reject, set, undo,
import; the key's name is recorded as the correction's author). Any key reads.
"""

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["ROLES", "KeyStore"]

ROLES = ("read", "ingest", "review")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class KeyStore:
    """Named API keys with roles; only their hashes are kept."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def _load(self) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            msg = f"{self.path}: not a readable key file ({exc})"
            raise ValueError(msg) from exc
        return dict(data.get("keys", {}))

    def _save(self, keys: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".keys-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"keys": keys}, f, ensure_ascii=False, indent=1)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def add(self, name: str, role: str) -> str:
        """Create a key and return its token (shown once; only its hash is stored)."""
        if role not in ROLES:
            msg = f"unknown role {role!r}; expected one of {', '.join(ROLES)}"
            raise ValueError(msg)
        keys = self._load()
        token = f"lin_{secrets.token_urlsafe(32)}"
        keys[name] = {
            "role": role,
            "sha256": _digest(token),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self._save(keys)
        return token

    def revoke(self, name: str) -> bool:
        keys = self._load()
        if keys.pop(name, None) is None:
            return False
        self._save(keys)
        return True

    def list(self) -> list[dict[str, Any]]:
        return [
            {"name": n, "role": k["role"], "created": k.get("created")}
            for n, k in sorted(self._load().items())
        ]

    def role_of(self, token: str | None) -> str | None:
        """The role of a presented token, or None when it matches no key."""
        found = self.identify(token)
        return found[1] if found else None

    def identify(self, token: str | None) -> tuple[str, str] | None:
        """The name and role of the key a presented token matches, or None.

        >>> import tempfile; ks = KeyStore(Path(tempfile.mkdtemp()) / "k.json")
        >>> ks.identify(ks.add("Sở TT&TT Hậu Giang", "review")), ks.identify("lin_wrong")
        (('Sở TT&TT Hậu Giang', 'review'), None)
        """
        if not token:
            return None
        digest = _digest(token)
        found = None
        for name, k in self._load().items():
            if hmac.compare_digest(k["sha256"], digest):
                found = (str(name), str(k["role"]))
        return found
