"""File paths in JSON answers written relative to the corpus root: the server's folders stay its own.

Stored files are kept by absolute path (the store is shared by every command); what a client sees
is the path below the corpus root: ``seeds/001.txt``, not ``/srv/lineage/corpus/seeds/001.txt``.
Every string of a JSON answer that starts with the root and a separator loses that prefix; other
strings (document keys, evidence text) never start with an absolute folder and are left alone.
"""

import json
import os
from collections.abc import Callable
from typing import Any

from api.guard import ASGIApp, Message, Receive, Scope, Send

__all__ = ["RelativePaths", "common_root", "relative_paths"]


def common_root(paths: list[str]) -> str | None:
    """The deepest folder holding every path, or None when they share only ``/`` (or there are none).

    >>> common_root(["/srv/c/a/1.txt", "/srv/c/b/2.txt"]), common_root(["/a/1.txt", "/b/2.txt"])
    ('/srv/c', None)
    """
    if not paths:
        return None
    root = os.path.commonpath([os.path.dirname(p) for p in paths])
    return root if root not in ("", os.sep) else None


def relative_paths(value: Any, root: str) -> Any:
    """``value`` (decoded JSON) with every string under ``root`` made relative to it."""
    prefix = root.rstrip(os.sep) + os.sep
    if isinstance(value, str):
        return value[len(prefix) :] if value.startswith(prefix) else value
    if isinstance(value, list):
        return [relative_paths(v, root) for v in value]
    if isinstance(value, dict):
        return {k: relative_paths(v, root) for k, v in value.items()}
    return value


class RelativePaths:
    """ASGI middleware: JSON answers with paths relative to ``root()`` (None: left as they are)."""

    def __init__(self, app: ASGIApp, *, root: Callable[[], str | None]) -> None:
        self.app = app
        self.root = root

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kinds = [v for k, v in message.get("headers", []) if k.lower() == b"content-type"]
                if kinds and kinds[0].startswith(b"application/json"):
                    start = message
                    return
                await send(message)
                return
            if start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            root = self.root()
            if root is not None and root.encode() in body:
                body = json.dumps(relative_paths(json.loads(body), root), ensure_ascii=False).encode()
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered)
