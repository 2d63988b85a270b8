"""The query API for compliance teams: a thin FastAPI skin over the store's operations.

``create_app(store)`` builds the app around one store (embedded SQLite or Neo4j). Every error has
one shape, ``{"ok": false, "error": "...", "status": N}``, and the same problem the same status on
every route (an unknown province is 404 on ``/gaps``, ``/documents`` and ``/graph``). Each request
is logged on the ``lineage`` logger (``api.access_log``). Reading needs no key unless the operator
requires one; uploading documents needs an API key with the ``ingest`` role (header ``X-API-Key``),
writing corrections (``/review``, ``api.review_routes``) one with the ``review`` role.
"""

import codecs
import contextlib
import datetime as dt
import hashlib
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal
from urllib.parse import quote

import fastapi_offline
from fastapi import Depends, FastAPI, File, Header, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.access_log import AccessLog
from api.guard import TimeLimit, UploadGuard
from api.keys import KeyStore
from api.listing import DocumentQuery, Nodes, reader_nodes
from api.paths import RelativePaths, common_root
from api.review_routes import REVIEW_WRITES, refuse_review, review_router
from api.schemas import (
    DocumentDetail,
    DocumentPage,
    DocumentPublic,
    ErrorResponse,
    GapPublic,
    GapTableRow,
    GraphPublic,
    Health,
    IngestResult,
    LineagePublic,
    ProvincePublic,
)
from graph.backends import open_store
from graph.coverage import CoverageCell
from graph.errors import NodeNotFound
from graph.gapdata import GapGraph
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from graph.lineage import DEFAULT_LIMIT, LineageAnswer, document_detail
from graph.province_report import TOTALS, ProvinceReport, province_reports, unknown_totals
from graph.records import Snapshot
from graph.store import LineageStore, SQLiteStore, open_embedded, seconds_from_env
from graph.views import (
    UNKNOWN_PROVINCE,
    UNKNOWN_PROVINCE_NOTE,
    check_province,
    current_provinces,
    node_view,
    subgraph_json,
)
from ingest.errors import UnsupportedFormat
from ingest.gazetteer import current_province_name
from ingest.limits import Limits
from ingest.readers import READERS
from ontology.errors import LineageError
from ontology.gaps import DOCUMENT_GAP_KINDS, Gap, GapKind
from viz.browser import gap_table_rows
from viz.i18n import gap_json, labels, reason_text

__all__ = ["create_app"]

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
LINEAGE_LIMIT_MAX = 1_000_000
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Bad request"},
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "Invalid parameters"},
}
Level = Literal["central", "province", "district", "commune"]
Lang = Literal["vi", "en"]
DOCUMENT_KINDS = tuple(k.value for k in DOCUMENT_GAP_KINDS)
VIZ_STATIC = Path(__file__).resolve().parents[1] / "viz" / "static"
# Swagger UI 5 and ReDoc 2 as the fastapi-offline package ships them (the CDN ones leave the pages
# blank offline; swagger-ui-bundle's Swagger UI 4 cannot read OpenAPI 3.1).
DOCS_STATIC = Path(fastapi_offline.__file__).parent / "static"
DOCS_PREFIX = "/static/docs"
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' blob:; worker-src 'self' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"ok": False, "error": message, "status": status}, status_code=status, headers=headers
    )


class AppState:
    """The store, a lock around it (SQLite connections are shared), and cached answers.

    Gap answers are cached until the store changes, least recently used first out, at most
    ``GAP_CACHE_ROWS`` rows in all: distinct ``as_of`` dates cannot grow the server without bound.
    """

    GAP_CACHE_ROWS = 200_000

    def __init__(
        self,
        store: Any,
        keys: KeyStore | None,
        require_read_key: bool,
        upload_dir: Path | None,
        limits: Limits,
        corpus_root: Path | None = None,
    ) -> None:
        self.store = store
        self.keys = keys
        self.require_read_key = require_read_key
        self.upload_dir = upload_dir
        self.limits = limits
        self.lock = threading.RLock()
        self._gaps: OrderedDict[tuple[Any, ...], list[Any]] = OrderedDict()
        self._gap_rows = 0
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}
        self._state: str | None = None  # the store generation the cached answers belong to
        self._local = threading.local()
        self.corpus_root = str(corpus_root.resolve()) if corpus_root is not None else None
        self._root: str | None = self.corpus_root
        store_path = getattr(store, "path", None)
        folders = {upload_dir, Path(store_path).parent if store_path else None}
        self._private = sorted({str(p.resolve()) for p in folders if p is not None}, key=len, reverse=True)

    @contextmanager
    def locked(self) -> Iterator[Any]:
        with self.lock:
            yield self.store

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """The store to answer one request from: for the embedded store, a connection of this
        thread's own (SQLite reads in parallel, none waits for another's gaps); a server backend
        is shared (its driver is safe across threads)."""
        path = getattr(self.store, "path", None)
        if not isinstance(self.store, LineageStore) or path is None or str(path) == ":memory:":
            with self.lock:
                yield self.store
            return
        mine: LineageStore | None = getattr(self._local, "store", None)
        if mine is None:
            mine = self._local.store = open_embedded(path, create=False)
        yield mine

    def generation(self) -> str:
        """The store's change counter; answers cached under another one are dropped."""
        with self.reading() as s:
            state = str(s.generation())
        with self.lock:
            if state != self._state:
                self._state = state
                self._gaps.clear()
                self._gap_rows = 0
                self._root = self.corpus_root or self._common_root()
        return state

    def _common_root(self) -> str | None:
        with self.reading() as s:
            bounds = s.path_bounds()
        return common_root(list(bounds)) if bounds else None

    def graph(self) -> Any:
        """The networkx view (browser pictures, listings): built on first use, not for gaps or lineage."""
        self.generation()
        with self.lock:
            return self.store.graph()

    def document_nodes(self, query: DocumentQuery) -> Nodes:
        """The document nodes a listing selects from (``api.listing``): read through the store's
        reader and cached until the store changes, or from the networkx view when only it holds them."""
        state = self.generation()
        source = query.source()
        if source is None:
            G = self.graph()
            return list(G.nodes(data=True))
        found: Nodes = self._cached(
            ("documents", source), state, lambda: self._read(lambda s: reader_nodes(s.reader, source))
        )
        return found

    def root(self) -> str | None:
        """The folder paths in answers are relative to: ``corpus_root``, or the one holding every stored file."""
        if self._state is None:
            with contextlib.suppress(Exception):
                self.generation()
        return self._root

    def gaps(self, opts: GapOptions) -> list[Gap]:
        """Gap rows, cached until the store changes."""
        state = self.generation()
        found: list[Gap] = self._cached(("gaps", opts), state, lambda: self._read(lambda s: s.gaps(opts)))
        return found

    def coverage(self, opts: GapOptions) -> list[CoverageCell]:
        """The coverage table, cached like the gaps."""
        state = self.generation()
        found: list[CoverageCell] = self._cached(
            ("coverage", opts), state, lambda: self._read(lambda s: s.coverage(opts))
        )
        return found

    def scope(self, province: str | None) -> GapGraph:
        """The gap facts of a province (the store keeps the last few until it changes)."""
        with self.reading() as s:
            data: GapGraph = s.scope(province)
            return data

    def _read(self, ask: Any) -> list[Any]:
        with self.reading() as s:
            return list(ask(s))

    def snapshot(self) -> Snapshot:
        with self.reading() as s:
            snap: Snapshot = s.snapshot()
            return snap

    def reports(self, opts: GapOptions, provinces: list[str] | None = None) -> list[ProvinceReport]:
        """Province report models (``graph.province_report``), cached like the gaps."""
        state = self.generation()
        key = ("reports", opts, tuple(provinces) if provinces is not None else None)
        found: list[ProvinceReport] = self._cached(
            key, state, lambda: province_reports(self, opts, provinces)
        )
        return found

    # What a report reads of the reviews (``graph.review_state.ReviewSource``), from the store.

    def corrections(self) -> list[Any]:
        with self.reading() as s:
            return list(s.corrections())

    def key_of_path(self, path: str) -> str | None:
        with self.reading() as s:
            key: str | None = s.key_of_path(path)
            return key

    def files(self) -> list[dict[str, Any]]:
        with self.reading() as s:
            return list(s.files())

    def references_from(self, key: str) -> list[Any]:
        with self.reading() as s:
            return list(s.references_from(key))

    def references_from_keys(self, keys: Collection[str]) -> list[Any]:
        """The references of many documents in one read where the store offers it."""
        with self.reading() as s:
            batched = getattr(s, "references_from_keys", None)
            if batched is not None:
                return list(batched(keys))
            return [r for k in keys for r in s.references_from(k)]

    def _cached(self, key: tuple[Any, ...], state: str, compute: Any) -> list[Any]:
        """The answer to ``key`` for the store's state ``state``: from the bounded cache, else
        computed once (other questions do not wait for it; the global lock is not held while
        computing)."""
        with self.lock:
            rows = self._gaps.get(key)
            if rows is not None:
                self._gaps.move_to_end(key)
                return rows
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            with self.lock:
                rows = self._gaps.get(key)
            if rows is None:
                rows = list(compute())
                with self.lock:
                    if state == self._state:
                        self._remember(key, rows)
                    self._computing.pop(key, None)
            return rows

    def _remember(self, key: tuple[Any, ...], rows: list[Any]) -> None:
        self._gaps[key] = rows
        self._gap_rows += len(rows)
        while self._gap_rows > self.GAP_CACHE_ROWS and len(self._gaps) > 1:
            _, old = self._gaps.popitem(last=False)
            self._gap_rows -= len(old)

    def hide_paths(self, text: str) -> str:
        """``text`` without the server's own folders (the upload folder, the store's folder)."""
        for folder in self._private:
            text = text.replace(folder + os.sep, "").replace(folder, ".")
        return text

    def cached_gap_rows(self) -> int:
        return self._gap_rows

    def has_key(self, x_api_key: str | None) -> bool:
        return self.keys is not None and self.keys.role_of(x_api_key) is not None

    def refuse_upload(self, x_api_key: str | None) -> tuple[int, str] | None:
        """Why an upload with this key is refused (status, message), or None."""
        role = self.keys.role_of(x_api_key) if self.keys else None
        if role is None:
            return 401, "an API key with the ingest role is required (header X-API-Key)"
        if role != "ingest":
            return 403, "this API key does not have the ingest role"
        return None


AsOf = Annotated[
    str | None,
    Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Date asked (YYYY-MM-DD); default today",
          examples=["2026-11-22"], json_schema_extra={"format": "date"}),
]  # fmt: skip


def _as_of(value: str | None) -> str:
    if value is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise StarletteHTTPException(422, f"as_of: not a calendar date: {value!r}") from exc


def create_app(
    store: Any,
    *,
    keys: KeyStore | None = None,
    require_read_key: bool = False,
    upload_dir: Path | None = None,
    backend: str = "sqlite",
    limits: Limits | None = None,
    request_seconds: float | None = None,
    corpus_root: Path | None = None,
) -> FastAPI:
    """Build the API around ``store`` (any backend offering graph/lineage/gaps/snapshot/upsert).

    Uploads are refused from their headers before the body is read (no ingest key: 401; larger than
    ``limits.max_file_bytes``: 413), and read in a worker process under ``limits``. A query that
    takes longer than ``request_seconds`` (default ``$LINEAGE_REQUEST_SECONDS`` or 30) is answered 503.
    File paths in JSON answers are relative to ``corpus_root`` (default: the folder holding every
    stored file)."""
    app = FastAPI(
        title="Directive lineage API",
        version="0.1.0",
        docs_url=None,  # served below from local assets: the CDN ones leave /docs blank offline
        redoc_url=None,
        description=(
            "Lineage of Vietnam's Party and State documents: which plans carry out which directives, "
            "which reports came, which units were urged, and the gaps, per province. Document keys join "
            "the symbol, the issuer's scope and the year, e.g. `57-NQ/TW@VN@2024`; URL-encode them."
        ),
    )
    state = AppState(store, keys, require_read_key, upload_dir, limits or Limits.from_env(), corpus_root)
    app.state.lineage = state
    app.add_middleware(
        UploadGuard,
        paths={"/documents"},
        authorize=state.refuse_upload,
        max_bytes=state.limits.max_file_bytes,
    )
    app.add_middleware(
        UploadGuard,
        paths=set(REVIEW_WRITES),
        authorize=lambda key: refuse_review(state, key),
        max_bytes=state.limits.max_file_bytes,
    )
    app.add_middleware(RelativePaths, root=state.root)
    app.add_middleware(
        TimeLimit, seconds=request_seconds if request_seconds is not None else _request_seconds()
    )
    app.add_middleware(AccessLog)  # outermost: logs the status every other layer answered

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers) if exc.headers else {}
        if exc.status_code == 405:
            # Starlette lists only the first matching route's methods; list every route's of this path.
            methods: set[str] = set()
            for route in app.router.routes:
                match, _ = route.matches({"type": "http", "path": request.url.path, "method": "GET"})
                if match.name != "NONE":
                    methods |= set(getattr(route, "methods", None) or ())
            headers["Allow"] = ", ".join(sorted(methods))
        return _error(exc.status_code, state.hide_paths(str(exc.detail)), headers or None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        return _error(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(LineageError)
    async def lineage_error(request: Request, exc: LineageError) -> JSONResponse:
        if isinstance(exc, NodeNotFound):
            return _error(404, state.hide_paths(str(exc)))
        if isinstance(exc, UnsupportedFormat):
            return _error(415, state.hide_paths(str(exc)))
        return _error(400, state.hide_paths(str(exc)))

    @app.exception_handler(ValueError)
    async def value_error(request: Request, exc: ValueError) -> JSONResponse:
        return _error(400, state.hide_paths(str(exc)))

    def read_access(x_api_key: Annotated[str | None, Header()] = None) -> None:
        if state.require_read_key and (state.keys is None or state.keys.role_of(x_api_key) is None):
            raise StarletteHTTPException(401, "an API key is required (header X-API-Key)")

    def ingest_access(x_api_key: Annotated[str | None, Header()] = None) -> None:
        refused = state.refuse_upload(x_api_key)  # checked before the body too, by UploadGuard
        if refused is not None:
            raise StarletteHTTPException(*refused)

    Read = Depends(read_access)
    auth_errors: dict[int | str, dict[str, Any]] = {
        401: {"model": ErrorResponse, "description": "Missing or unknown API key"},
        403: {"model": ErrorResponse, "description": "API key without the needed role"},
    }
    app.include_router(review_router(state, Read))

    @app.get("/health", response_model=Health, tags=["service"])
    def health(x_api_key: Annotated[str | None, Header()] = None) -> Health:
        """Liveness; with an API key, also what the store holds."""
        if not state.has_key(x_api_key):
            return Health(status="ok")
        with state.reading() as s:
            snap = s.snapshot()
            docs = s.document_count()
        return Health(
            status="ok", backend=backend, documents=docs, files=snap["files"], corpus_hash=snap["corpus_hash"]
        )

    @app.get("/documents", response_model=DocumentPage, responses={**ERRORS, **auth_errors}, tags=["documents"],
             dependencies=[Read])  # fmt: skip
    def list_documents(
        province: Annotated[
            str | None,
            Query(
                description="Current or old province name, or 'unknown' for the documents whose "
                "province could not be read",
                examples=["Hải Phòng"],
            ),
        ] = None,
        level: Level | None = None,
        doc_type: Annotated[
            str | None, Query(alias="type", description="Document type", examples=["Kế hoạch"])
        ] = None,
        date_from: Annotated[str | None, Query(pattern=ISO_DATE, examples=["2025-01-01"])] = None,
        date_to: Annotated[str | None, Query(pattern=ISO_DATE, examples=["2025-12-31"])] = None,
        issuer: Annotated[str | None, Query(description="Part of the issuer's name")] = None,
        q: Annotated[
            str | None,
            Query(description="Free text; ignores case and diacritics", examples=["chuyen doi so"]),
        ] = None,
        include_cited: Annotated[bool, Query(description="Include documents known only by citation")] = False,
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> DocumentPage:
        """Documents, filtered and paginated; an unknown province is 404, as on ``/gaps``."""
        check_province(province)
        query = DocumentQuery(province, level, doc_type, date_from, date_to, issuer, q, include_cited)
        items = query.select(state.document_nodes(query))
        page = [DocumentPublic(**_public(n, a)) for n, a in items[offset : offset + limit]]
        return DocumentPage(items=page, count=len(items), offset=offset, limit=limit)

    @app.get("/documents/{key:path}/lineage", response_model=LineagePublic, responses={**ERRORS, **auth_errors},
             tags=["documents"], dependencies=[Read])  # fmt: skip
    def document_lineage(
        key: str,
        direction: Literal["up", "down"] = "up",
        depth: Annotated[int | None, Query(ge=1, le=50)] = None,
        limit: Annotated[
            int, Query(ge=1, le=LINEAGE_LIMIT_MAX, description="At most this many documents (nearest first)")
        ] = DEFAULT_LIMIT,
    ) -> LineageAnswer:
        """Lineage up (what it rests on) or down (what carries it out, reports on it, urges it).

        A national directive's lineage down is a large part of the corpus: the answer stops after
        ``limit`` documents, nearest first, and says ``truncated``; ask with ``depth`` for less."""
        with state.reading() as s:
            answer: LineageAnswer = s.lineage(key, direction, depth, limit)
        return answer

    @app.get("/documents/{key:path}/source", tags=["documents"], dependencies=[Read],
             responses={**ERRORS, **auth_errors, 200: {"description": "The stored file, as it was read"}})  # fmt: skip
    def document_source(
        key: str,
        n: Annotated[
            int, Query(ge=0, le=1000, description="Which of the document's stored files (0: the first)")
        ] = 0,
    ) -> Response:
        """One stored source file of a document, streamed as it was read. Only a file the store keeps
        as a source of this document is ever served: the client names the document and the file's
        place in its ``sources``, never a path. HTML is served under a sandboxing content policy."""
        with state.reading() as s:
            attrs = s.reader.node_attrs([key]).get(key)
        if attrs is None:
            msg = f"document {key!r} is not in the graph"
            raise NodeNotFound(msg)
        path = source_file(attrs.get("sources") or [], n)
        if path is None:
            raise StarletteHTTPException(404, f"document {key!r} has no stored source file number {n}")
        return source_response(path)

    @app.get("/documents/{key:path}", response_model=DocumentDetail, responses={**ERRORS, **auth_errors},
             tags=["documents"], dependencies=[Read])  # fmt: skip
    def get_document(
        key: str, lang: Annotated[Lang, Query(description="Language of the gaps' reason_text")] = "vi"
    ) -> dict[str, Any]:
        """A document: identity, sources, edges in and out with evidence, deadlines and gaps."""
        with state.reading() as s:
            detail = document_detail(s.reader, key)
        a = detail.attrs
        out = _public(key, a)
        out["signer"] = a.get("signer")
        out["recipients"] = list(a.get("recipients") or [])
        out["edges_out"], out["edges_in"] = detail.edges_out, detail.edges_in
        out["deadlines"] = [
            {k: d[k] for k in ("date", "assignee", "report_due", "evidence")} for d in detail.deadlines
        ]
        # The document's rows are among its province's (all provinces' when its own is unknown).
        province = current_province_name(a["province"]) if a.get("province") else None
        opts = GapOptions(kinds=DOCUMENT_KINDS, province=province)
        out["gaps"] = [gap_json(g, lang) for g in state.gaps(opts) if g.document == key]
        return out

    @app.get("/gaps", response_model=list[GapPublic], responses={**ERRORS, **auth_errors}, tags=["gaps"],
             dependencies=[Read])  # fmt: skip
    def list_gaps(
        province: Annotated[
            str | None, Query(description="Current or old province name", examples=["Hải Phòng"])
        ] = None,
        kind: Annotated[list[GapKind], Query(description="Gap kinds (repeatable; default all)")] = [],  # noqa: B006
        as_of: AsOf = None,
        directive: Annotated[
            list[str],
            Query(
                description="Ask unit_coverage about these directives only (keys or numbers, e.g. 57-NQ/TW)"
            ),
        ] = [],  # noqa: B006
        lang: Annotated[Lang, Query(description="Language of reason_text")] = "vi",
    ) -> list[dict[str, Any]]:
        """Gaps, per province and kind, as of a date: the reason as a code with parameters, and
        rendered in ``lang`` (``reason_text``)."""
        opts = GapOptions(kinds=tuple(k.value for k in kind) if kind else GAP_KINDS, province=province,
                          as_of=_as_of(as_of), directives=tuple(directive or ()))  # fmt: skip
        return [gap_json(g, lang) for g in state.gaps(opts)]

    @app.get("/gaps/table", response_model=list[GapTableRow], responses={**ERRORS, **auth_errors},
             tags=["gaps"], dependencies=[Read])  # fmt: skip
    def gap_table(
        province: Annotated[
            str | None, Query(description="Current or old province name", examples=["Hải Phòng"])
        ] = None,
        as_of: AsOf = None,
        units: Annotated[
            bool, Query(description="Also the units with no document carrying out a tracked directive")
        ] = False,
        lang: Annotated[Lang, Query(description="Language of reason_text")] = "vi",
    ) -> list[dict[str, Any]]:
        """The browser's gap table: the document gap rows of a province (or the country) as ``/gaps``
        gives them (with ``units``, the unit coverage rows too), each with the document's issuer and
        the directives (central documents) its lineage reaches."""
        check_province(province)
        G = state.graph()
        kinds = GAP_KINDS if units else DOCUMENT_KINDS
        return gap_table_rows(
            G, state.gaps(GapOptions(kinds=kinds, province=province, as_of=_as_of(as_of))), lang
        )

    @app.get("/provinces", response_model=list[ProvincePublic], responses=auth_errors, tags=["provinces"],
             dependencies=[Read])  # fmt: skip
    def provinces(as_of: AsOf = None) -> list[dict[str, Any]]:
        """The 34 current provinces with the totals their reports show as of a date (documents,
        links, document gaps, and apart from them the units with no document carrying out a
        tracked directive); old merged provinces as aliases. A last row, ``unknown`` (code 0),
        counts the documents whose province could not be read."""
        opts = GapOptions(as_of=_as_of(as_of))
        totals = {m.province: m.totals() for m in state.reports(opts)}
        unknown = unknown_totals(
            state.scope(UNKNOWN_PROVINCE), state.gaps(replace(opts, kinds=DOCUMENT_KINDS))
        )
        return [{**p, **{k: totals[p["name"]][k] for k in TOTALS}} for p in current_provinces()] + [
            {
                "name": UNKNOWN_PROVINCE,
                "code": 0,
                "full_name": UNKNOWN_PROVINCE,
                "old_names": [],
                **unknown,
                "note": UNKNOWN_PROVINCE_NOTE,
            }
        ]

    @app.get("/provinces/{province}/report", tags=["provinces"], dependencies=[Read],
             responses={**ERRORS, **auth_errors, 200: {"description": "The report", "content": {
                 "application/json": {}, "text/html": {},
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}})  # fmt: skip
    def province_report(
        province: str,
        format: Literal["json", "html", "xlsx", "docx"] = "json",
        lang: Literal["vi", "en"] = "vi",
        as_of: AsOf = None,
    ) -> Response:
        """The gap report of one province as JSON, HTML, XLSX or DOCX."""
        if current_province_name(province) is None:
            msg = f"unknown province {province!r}; expected one of the 34 current provinces or an old province name"
            raise NodeNotFound(msg)
        model = state.reports(GapOptions(as_of=_as_of(as_of)), [province])[0]
        if format == "json":
            body_json = model.to_json()
            for part in ("gaps", "coverage_gaps"):
                for row, g in zip(body_json[part], getattr(model, part), strict=True):
                    row["reason_text"] = reason_text(g.reason, lang)
            return JSONResponse(body_json)
        from viz.report import office_from_env, render_report, report_filename

        # Who issues and signs: the settings file $LINEAGE_OFFICE_SETTINGS names, as `lineage report --settings`.
        body = render_report(model, format, lang, office=office_from_env())
        media = {
            "html": "text/html; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }[format]
        # Named by province slug (hai-phong.xlsx), as `lineage report` names its files.
        disposition = "inline" if format == "html" else "attachment"
        headers = {
            "Content-Disposition": f'{disposition}; filename="{report_filename(model.province, format)}"'
        }
        return Response(body, media_type=media, headers=headers)

    @app.get("/graph", response_model=GraphPublic, responses={**ERRORS, **auth_errors}, tags=["graph"],
             dependencies=[Read])  # fmt: skip
    def graph_json(
        province: str | None = None,
        root: Annotated[
            str | None, Query(description="Document key to centre on", examples=["57-NQ/TW@VN@2024"])
        ] = None,
        depth: Annotated[int, Query(ge=0, le=10, description="Steps around root (0: the root alone)")] = 2,
        level: Level | None = None,
        q: str | None = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        prefer_gaps: Annotated[
            bool, Query(description="Under the cap, keep documents with gaps first")
        ] = False,
        gaps_only: Annotated[bool, Query(description="Only documents with gaps")] = False,
        chain: Annotated[
            str | None, Query(description="A directive's key: it and every document carrying it out")
        ] = None,
    ) -> dict[str, Any]:
        """Node-link JSON of a subgraph for the lineage browser, capped at ``limit`` nodes; an unknown
        province or root is 404."""
        check_province(province)
        G = state.graph()
        gaps = state.gaps(GapOptions(kinds=DOCUMENT_KINDS))
        return subgraph_json(G, gaps, province=province, root=root, depth=depth, level=level, query=q,
                             limit=limit, prefer_gaps=prefer_gaps, gaps_only=gaps_only, chain=chain)  # fmt: skip

    @app.post("/documents", response_model=IngestResult, status_code=201, tags=["documents"],
              responses={**ERRORS, **auth_errors, 415: {"model": ErrorResponse, "description": "Unsupported file type"},
                         422: {"model": ErrorResponse,
                               "description": "Invalid parameters, or no uploaded file could be read (each named with why)"}},
              dependencies=[Depends(ingest_access)])  # fmt: skip
    def upload_documents(
        files: Annotated[list[UploadFile], File(description="Document files")],
    ) -> Any:
        """Upload document files and ingest them (API key with the ingest role).

        Each file is stored under its content hash (``<sha256>/<name>``), written to a temporary file
        of its own first: uploads at the same time never mix. Paths in the answer are relative to the
        upload folder. When no file could be read the answer is 422, every file named with its reason
        in the one error shape; when some could, 201 lists the others under ``failed``."""
        target = (state.upload_dir or Path(tempfile.mkdtemp(prefix="lineage-upload-"))).resolve()
        target.mkdir(parents=True, exist_ok=True)
        saved = []
        for f in files:
            name = Path(f.filename or "upload").name
            if Path(name).suffix.lower() not in READERS:
                msg = f"{name!r}: unsupported file type; expected one of {', '.join(sorted(READERS))}"
                raise UnsupportedFormat(msg)
            saved.append(store_upload(f.file, target, name))
        if isinstance(state.store, SQLiteStore):  # a writer of its own: readers go on meanwhile
            with open_store(state.store.path) as writer:
                report = ingest_paths(writer, saved, limits=state.limits, isolated=True)
        else:
            with state.locked() as s:
                report = ingest_paths(s, saved, limits=state.limits, isolated=True)

        def rel(text: str) -> str:
            return text.replace(f"{target}{os.sep}", "")

        if report.failed and not (report.added or report.changed or report.unchanged):
            reasons = "; ".join(
                rel(e) if rel(e).startswith(rel(p)) else f"{rel(p)}: {rel(e)}" for p, e in report.failed
            )
            return _error(
                422, state.hide_paths(f"no uploaded file could be read ({len(report.failed)}): {reasons}")
            )

        return {"run_id": report.run_id, "added": [rel(p) for p in report.added],
                "changed": [rel(p) for p in report.changed], "unchanged": [rel(p) for p in report.unchanged],
                "failed": [{"file": rel(p), "error": rel(e)} for p, e in report.failed]}  # fmt: skip

    @app.get("/labels", tags=["graph"], dependencies=[Read])
    def label_table(lang: Lang = "vi") -> dict[str, dict[str, str]]:
        """The one label table (gap kinds, levels, document types, relations) in ``lang``, as
        every face uses it; the browser app reads it from here."""
        return labels(lang)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = VIZ_STATIC / "app.html"
        if page.exists():
            return FileResponse(page, media_type="text/html")
        return HTMLResponse("<h1>Directive lineage API</h1><p>See <a href='/docs'>/docs</a>.</p>")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        """No icon (the pages say so themselves; a source file opened in a tab asks for one)."""
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> Response:
        """Swagger UI from the files of the ``fastapi-offline`` package: nothing leaves the server."""
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} – docs",
            swagger_js_url=f"{DOCS_PREFIX}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_PREFIX}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_PREFIX}/favicon.png",
            oauth2_redirect_url=None,
            swagger_ui_parameters={"validatorUrl": None},  # no call to the public validator
        )
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> Response:
        """ReDoc from the same package's files, without web fonts; the policy keeps its footer logo
        (on the vendor's CDN) from being fetched."""
        page = get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} – ReDoc",
            redoc_js_url=f"{DOCS_PREFIX}/redoc.standalone.js",
            redoc_favicon_url=f"{DOCS_PREFIX}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page

    @app.get(DOCS_PREFIX + "/{name}", include_in_schema=False)
    def docs_asset(name: str) -> Response:
        path = (DOCS_STATIC / name).resolve()
        if path.parent != DOCS_STATIC.resolve() or not path.is_file():
            raise StarletteHTTPException(404, f"no static file {name!r}")
        return FileResponse(path)

    @app.get("/static/vis-network.min.js", include_in_schema=False)
    def vis_js() -> Response:
        from viz.browser import vis_network_js

        return Response(vis_network_js(), media_type="application/javascript")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        path = (VIZ_STATIC / name).resolve()
        if path.parent != VIZ_STATIC.resolve() or not path.is_file():
            raise StarletteHTTPException(404, f"no static file {name!r}")
        return FileResponse(path)

    return app


def _request_seconds() -> float:
    return seconds_from_env("LINEAGE_REQUEST_SECONDS", 30)


def store_upload(body: BinaryIO, folder: Path, name: str) -> Path:
    """Copy an uploaded file to ``folder/<sha256>/<name>`` through a temporary file of its own."""
    h = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in iter(lambda: body.read(1 << 20), b""):
                h.update(chunk)
                out.write(chunk)
        dest = folder / h.hexdigest() / name
        dest.parent.mkdir(exist_ok=True)
        os.replace(tmp, dest)  # the same bytes under the same name: replacing is harmless
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return dest


def _public(key: str, attrs: Any) -> dict[str, Any]:
    v = node_view(key, dict(attrs))
    return {"key": key, **{k: v[k] for k in ("number", "doc_type", "issuer", "level", "locality", "province",
                                             "province_at_issue", "date", "title", "status", "catalog", "ambiguous", "sources")}}  # fmt: skip


# What a stored source is served as; anything else is offered as a download.
SOURCE_TYPES = {
    ".txt": "text/plain",
    ".md": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
}
SOURCE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def source_file(sources: list[str], n: int) -> Path | None:
    """The ``n``-th stored source of a document if it is still a regular file, else None. The path
    comes from the store alone (what was ingested), never from the client."""
    if not 0 <= n < len(sources):
        return None
    path = Path(sources[n])
    if not path.is_absolute():
        return None
    try:
        real = path.resolve(strict=True)
    except OSError:
        return None
    return real if real.is_file() else None


def source_response(path: Path) -> Response:
    """The file, inline when a browser can show it (text as UTF-8 when it is), under a policy that
    runs nothing it contains."""
    media = SOURCE_TYPES.get(path.suffix.lower(), "application/octet-stream")
    if media.startswith("text/"):
        head = path.read_bytes()[: 1 << 20]
        with contextlib.suppress(UnicodeDecodeError):
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut character is fine
            media += "; charset=utf-8"
    inline = media.split(";")[0] in ("text/plain", "text/html", "application/pdf")
    name = quote(path.name)
    headers = {
        "Content-Disposition": f"{'inline' if inline else 'attachment'}; filename*=UTF-8''{name}",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
    if media.startswith("text/html"):
        headers["Content-Security-Policy"] = SOURCE_CSP
    return FileResponse(path, media_type=media, headers=headers)
