"""Gates in front of the app: uploads checked before their body is read, and a time limit on queries.

Upload routes: the API key and the body's size are checked before the body is read.

FastAPI reads a multipart body whole (spooling it to disk) before any dependency runs, so without
this gate an anonymous client could make the server store half a gigabyte before hearing ``401``.
The gate answers ``401``/``403`` from the headers alone, ``413`` from ``Content-Length``, and stops a
body without one (chunked) as soon as it passes the limit.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

__all__ = ["TimeLimit", "UploadGuard"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _too_large(limit: int) -> str:
    return (
        f"the upload is larger than {limit:,} bytes (max_file_bytes; the operator can raise it with "
        "$LINEAGE_MAX_FILE_BYTES)"
    )


class UploadGuard:
    """ASGI middleware: ``authorize(api_key)`` gives ``(status, message)`` to refuse, or None."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        paths: set[str],
        authorize: Callable[[str | None], tuple[int, str] | None],
        max_bytes: int,
    ) -> None:
        self.app = app
        self.paths = paths
        self.authorize = authorize
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refused = self.authorize(headers.get("x-api-key"))
        if refused is not None:
            await _answer(send, *refused)
            return
        length = headers.get("content-length", "")
        if self.max_bytes and length.isdigit() and int(length) > self.max_bytes:
            await _answer(send, 413, _too_large(self.max_bytes))
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if self.max_bytes and seen > self.max_bytes:
                    raise HTTPException(413, _too_large(self.max_bytes))
            return message

        await self.app(scope, counted, send)


async def _answer(send: Send, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "error": message, "status": status}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class TimeLimit:
    """ASGI middleware: a GET not answered within ``seconds`` gets ``503`` (the work left running is
    dropped when it ends; a worker thread cannot be stopped). ``0`` turns the limit off."""

    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not self.seconds:
            await self.app(scope, receive, send)
            return
        started = False
        late = False

        async def guarded(message: Message) -> None:
            nonlocal started
            if late:
                return
            started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if done:
            task.result()
            return
        if started:  # the answer is on its way: let it finish
            await task
            return
        late = True
        task.add_done_callback(lambda t: t.cancelled() or t.exception())  # its end, whenever, is not an error
        await _answer(
            send, 503,
            f"the query took longer than {self.seconds:g} s (the operator can raise $LINEAGE_REQUEST_SECONDS)",
        )  # fmt: skip
