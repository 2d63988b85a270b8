"""The review routes of the API: the queue, corrections made and undone, JSON Lines exchange.

Every route is a thin skin over ``graph.review`` (the functions the CLI and the browser's side panel
go through too). Reading (queue, corrections, export) needs what every GET needs; writing needs an
API key with the ``review`` role (no key: 401, another role: 403; checked before the body is read),
and the correction's author is that key's name, never a value of the request. On the embedded store
each write goes through a writer connection of its own, as uploads do: readers go on meanwhile, and
the answers cached by store generation (gaps, reports, the graph) see the change on the next request.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.keys import KeyStore
from api.review_schemas import (
    AddLinkRequest,
    CorrectionPublic,
    CorrectionsMade,
    DocumentCorrectionRequest,
    ImportResult,
    LinkCorrectionRequest,
    QueueItemPublic,
    UndoRequest,
    WhoAmI,
)
from api.schemas import ErrorResponse
from graph.backends import open_store
from graph.corrections import Correction
from graph.errors import NodeNotFound
from graph.review import (
    QueueItem,
    add_link,
    correct_document,
    correct_link,
    export_corrections,
    import_corrections,
    review_queue,
    undo,
)
from graph.store import SQLiteStore
from graph.views import UNKNOWN_PROVINCE, check_province

__all__ = ["REVIEW_ROLE", "REVIEW_WRITES", "ReviewState", "refuse_review", "review_router"]

REVIEW_ROLE = "review"
# The write routes: the gate in front of the app refuses them from the headers, before the body.
REVIEW_WRITES = frozenset(
    {"/review/links", "/review/documents", "/review/add-link", "/review/undo", "/review/import"}
)
NDJSON = "application/x-ndjson"

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A correction that cannot be made as asked (says why)"},
    404: {"model": ErrorResponse, "description": "Unknown document, province or correction"},
    422: {"model": ErrorResponse, "description": "Invalid parameters"},
}
_AUTH: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Missing or unknown API key"},
    403: {"model": ErrorResponse, "description": "API key without the review role"},
}
_NOT_KEPT: dict[int | str, dict[str, Any]] = {
    501: {"model": ErrorResponse, "description": "This store backend keeps no corrections"}
}


class ReviewState(Protocol):
    """What the routes need of the app's state (``api.app.AppState``)."""

    store: Any
    keys: KeyStore | None

    def locked(self) -> AbstractContextManager[Any]: ...
    def reading(self) -> AbstractContextManager[Any]: ...
    def root(self) -> str | None: ...


def refuse_review(state: ReviewState, x_api_key: str | None) -> tuple[int, str] | None:
    """Why a write with this key is refused (status, message), or None."""
    found = state.keys.identify(x_api_key) if state.keys else None
    if found is None:
        return 401, "an API key with the review role is required (header X-API-Key)"
    if found[1] != REVIEW_ROLE:
        return 403, "this API key does not have the review role"
    return None


def review_router(state: ReviewState, read: Any) -> APIRouter:
    """The ``/review`` routes over the app's state; ``read`` is the app's read-access dependency."""
    router = APIRouter(prefix="/review", tags=["review"])

    def reviewer(x_api_key: Annotated[str | None, Header()] = None) -> str:
        """The name of the key writing (the correction's author)."""
        refused = refuse_review(state, x_api_key)
        if refused is not None:
            raise StarletteHTTPException(*refused)
        assert state.keys is not None
        found = state.keys.identify(x_api_key)
        assert found is not None
        return found[0]

    def write[T](do: Callable[[Any], T]) -> T:
        """Run ``do`` on a writer of the store (the embedded store: a connection of its own)."""
        store = state.store
        if not hasattr(store, "add_corrections"):
            raise StarletteHTTPException(
                501, "this store backend keeps no corrections (use the embedded store)"
            )
        path = getattr(store, "path", None)
        if isinstance(store, SQLiteStore) and path is not None and str(path) != ":memory:":
            with open_store(path) as writer:
                return do(writer)
        with state.locked() as s:
            return do(s)

    def read_store[T](do: Callable[[Any], T]) -> T:
        with state.reading() as s:
            if not hasattr(s, "corrections"):
                raise StarletteHTTPException(
                    501, "this store backend keeps no corrections (use the embedded store)"
                )
            return do(s)

    def server_path(path: str | None) -> str | None:
        """A file path as answers show it (relative to the corpus root) made the stored one again."""
        if path is None or Path(path).is_absolute():
            return path
        root = state.root()
        return str(Path(root) / path) if root else path

    def key_of(s: Any, document: str) -> str:
        """The key of a document named by key, number, stored path, or path as answers show it."""
        try:
            key: str = s.resolve_key(document)
        except NodeNotFound:
            full = server_path(document)
            if full == document:
                raise
            key = s.resolve_key(full)
        return key

    def made(corrections: list[Correction]) -> dict[str, Any]:
        return {"corrections": [c.to_json() for c in corrections]}

    @router.get("/whoami", response_model=WhoAmI, responses={401: _AUTH[401]})
    def whoami(x_api_key: Annotated[str | None, Header()] = None) -> WhoAmI:
        """The presented key's name and role (401 for a missing or unknown key): the browser asks
        this before it shows the buttons that write corrections."""
        found = state.keys.identify(x_api_key) if state.keys else None
        if found is None:
            raise StarletteHTTPException(401, "unknown API key (header X-API-Key)")
        return WhoAmI(name=found[0], role=found[1], can_review=found[1] == REVIEW_ROLE)

    @router.get("/queue", response_model=list[QueueItemPublic], dependencies=[read],
                responses={**_ERRORS, **_AUTH, **_NOT_KEPT})  # fmt: skip
    def queue(
        province: Annotated[
            str | None,
            Query(description="Current or old province name, or 'unknown'", examples=["Hậu Giang"]),
        ] = None,
        kind: Annotated[
            list[Literal["link", "document", "correction"]],
            Query(description="Keep these kinds of item (repeatable; default all)"),
        ] = [],  # noqa: B006
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        document: Annotated[
            str | None,
            Query(
                description="Only this document's items: its fields and the links it makes (key, number or path)",
                examples=["78/KH-UBND@Hậu Giang@2021"],
            ),
        ] = None,
    ) -> list[dict[str, Any]]:
        """The facts most worth a person's look, most doubtful first (``score``): low-confidence
        relations, ambiguous or loosely resolved references, documents with warnings (no date, no
        province, OCR, key collisions, left out as no official document), corrections that lost
        their target. What a person already reviewed is not queued again. With ``document``, the
        items of that one document (the browser's document view marks them)."""  # fmt: skip
        check_province(province)

        def ask(s: Any) -> list[QueueItem]:
            if document is None:
                found: list[QueueItem] = review_queue(s, province, kind or None, limit)
                return found
            key = key_of(s, document)
            files = s.files_of(key)
            if not files:  # known only by citation: nothing of its own to review
                return []
            where = province or files[0].province or UNKNOWN_PROVINCE  # the scan stays in its province
            return [i for i in review_queue(s, where, kind or None, None) if i.document == key][:limit]

        return [i.to_json() for i in read_store(ask)]

    @router.get("/corrections", response_model=list[CorrectionPublic], dependencies=[read],
                responses={**_ERRORS, **_AUTH, **_NOT_KEPT})  # fmt: skip
    def corrections(
        document: Annotated[
            str | None,
            Query(
                description="Only this document's (key, number or file path)",
                examples=["78/KH-UBND@Hậu Giang@2021"],
            ),
        ] = None,
        active: Annotated[bool, Query(description="Leave out the undone ones")] = False,
    ) -> list[dict[str, Any]]:
        """Every correction, oldest first (undone ones too, unless ``active``), or those made on the
        files of one document."""

        def pick(s: Any) -> list[Correction]:
            every: list[Correction] = s.corrections()
            if document is not None:
                key = key_of(s, document)
                paths = {d.path for d in s.files_of(key)}
                every = [c for c in every if c.path in paths or c.document == key]
            return [c for c in every if c.active or not active]

        return [c.to_json() for c in read_store(pick)]

    @router.get("/export", dependencies=[Depends(reviewer)], responses={**_AUTH, **_NOT_KEPT, 200: {
        "description": "One correction a line (JSON Lines), undone ones too", "content": {NDJSON: {}}}})  # fmt: skip
    def export() -> Response:
        """Every correction as JSON Lines, for another store's ``POST /review/import`` (or ``lineage
        review import``), with a review key: each line keeps the file's path as stored (a
        correction's id is a hash of what it says, so the receiving store checks it; it finds the
        file by its content hash), and paths on the server are not shown to readers."""
        lines = read_store(lambda s: list(export_corrections(s)))
        body = "".join(line + "\n" for line in lines)
        return Response(body, media_type=NDJSON,
                        headers={"Content-Disposition": 'attachment; filename="corrections.jsonl"'})  # fmt: skip

    @router.post("/links", response_model=CorrectionsMade, status_code=201,
                 responses={**_ERRORS, **_AUTH, **_NOT_KEPT})  # fmt: skip
    def link(body: LinkCorrectionRequest, author: Annotated[str, Depends(reviewer)]) -> dict[str, Any]:
        """Confirm, reject, change the relation of, or retarget a link (review key). E.g. a plan
        whose basis was read as ``cites``: ``{"document": "78/KH-UBND@Hậu Giang@2021", "action":
        "relation", "number": "36A/NQ-CP", "value": "implements", "note": "..."}``; its
        ``no_basis`` row then leaves ``/gaps``."""
        return made(
            write(lambda s: correct_link(s, key_of(s, body.document), body.action, number=body.number, target=body.target,
                                         value=body.value, note=body.note, author=author))
        )  # fmt: skip

    @router.post("/documents", response_model=CorrectionsMade, status_code=201,
                 responses={**_ERRORS, **_AUTH, **_NOT_KEPT})  # fmt: skip
    def document(
        body: DocumentCorrectionRequest, author: Annotated[str, Depends(reviewer)]
    ) -> dict[str, Any]:
        """Confirm a document as read, set a field, mark it not an official document, merge it with
        another or split it (review key); one correction for each of its files, or the one at
        ``path``. ``document`` in the answer is the document's key now: a corrected number, issuer,
        place or year, a merge or a split changes it."""

        def do(s: Any) -> tuple[list[Correction], str | None]:
            done: list[Correction] = correct_document(
                s, key_of(s, body.document), body.action, field=body.field, value=body.value, note=body.note,
                author=author, path=server_path(body.path),
            )  # fmt: skip
            return done, (s.key_of_path(done[0].path) if done else None)

        corrections, key = write(do)
        return {**made(corrections), "document": key}

    @router.post("/add-link", response_model=CorrectionsMade, status_code=201,
                 responses={**_ERRORS, **_AUTH, **_NOT_KEPT})  # fmt: skip
    def added_link(body: AddLinkRequest, author: Annotated[str, Depends(reviewer)]) -> dict[str, Any]:
        """Add a link the text does not state but the office knows, with a note saying why (review key)."""
        return made(
            write(lambda s: add_link(s, key_of(s, body.source), body.target, body.relation.value, note=body.note,
                                     author=author))
        )  # fmt: skip

    @router.post("/undo", response_model=CorrectionPublic, responses={**_ERRORS, **_AUTH, **_NOT_KEPT})
    def undone(body: UndoRequest, author: Annotated[str, Depends(reviewer)]) -> dict[str, Any]:
        """Take a correction back (review key): it stays on record, marked undone by the key's name,
        and the facts are as the machine read them (or as the other corrections say)."""
        return write(lambda s: undo(s, body.id, author)).to_json()

    @router.post("/import", response_model=ImportResult, responses={**_ERRORS, **_AUTH, **_NOT_KEPT},
                 openapi_extra={"requestBody": {"required": True, "description": "JSON Lines, as GET /review/export writes",
                                                "content": {NDJSON: {"schema": {"type": "string"}}}}})  # fmt: skip
    async def imported(request: Request, author: Annotated[str, Depends(reviewer)]) -> dict[str, Any]:
        """Add the corrections of a JSON Lines body (another office's export; review key). Importing
        the same lines twice changes nothing; a line that is no correction is named under
        ``problems`` and the others go on."""
        raw = await request.body()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise StarletteHTTPException(400, f"the body is not UTF-8 text: {exc}") from exc
        source = f"import by {author}"
        from starlette.concurrency import run_in_threadpool

        added, already, problems = await run_in_threadpool(
            lambda: write(lambda s: import_corrections(s, text.splitlines(), source))
        )
        return {"added": added, "already": already, "problems": problems}

    return router
