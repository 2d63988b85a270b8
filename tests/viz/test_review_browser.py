"""Review from the browser (#14), in Debian's headless Chromium against the real app on 127.0.0.1:
without a key no write button is shown; with a key of the review role an official opens the false
``no_basis`` plan, changes its basis link's relation to ``implements``, and the row is gone from the
gap table; undo brings it back. The offline page (no server) has no review tools at all.
"""

import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from tests.api.test_review_api import BASIS, PLAN, Served, write_plan
from tests.viz.conftest import _free_port
from tests.viz.test_browser import _app_page, _record
from tests.viz.test_faces import _get, _rows, _stayed_local
from viz.browser import gap_table_rows, write_browser


@pytest.fixture
def review_server(tmp_path: Path) -> Iterator[tuple[str, Served]]:
    """The real app over the seeds and the false no_basis plan, with keys, under uvicorn."""
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is needed to serve the app to Chromium")
    served = Served(tmp_path, write_plan(tmp_path / "plans"))
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(served.store, keys=served.keys), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test HTTP server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", served
    server.should_exit = True
    thread.join(timeout=10)
    served.store.close()


def _doc_url(base: str) -> str:
    return f"{base}?view=doc&key={urllib.parse.quote(PLAN, safe='')}"


def _no_basis_rows(page: Any) -> list[dict[str, str]]:
    return [r for r in _rows(page) if r["kind"] == "no_basis" and r["key"] == PLAN]


def _show_gap_table(page: Any, base: str) -> None:
    page.click("#tab-gaps")
    n = len(_get(base, "gaps/table"))
    page.wait_for_function(
        f"() => document.getElementById('gap-root').dataset.rows === '{n}' && document.body.dataset.state === 'ready'",
        timeout=30_000,
    )


def _wait_written(page: Any, n: int) -> None:
    page.wait_for_function(f"() => document.body.dataset.writes === '{n}'", timeout=30_000)


def test_without_a_key_no_write_button(chromium: Any, review_server: tuple[str, Served]) -> None:
    base, _ = review_server
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, _doc_url(base))
        page.wait_for_selector("#doc-root .centre", timeout=30_000)
        assert page.locator(".band.up li.entry").count() >= 1
        assert page.locator(".rv, .rv-doc, .rv-edit, .rv-undo").count() == 0
        assert page.locator("#review-token").is_visible() and page.locator("#review-off").is_hidden()
        assert page.evaluate("document.body.dataset.review") == "0"
        # a read key is not enough: it is said so, and still nothing writes
        page.fill("#review-token", review_server[1].read)
        page.click("#review-use")
        page.wait_for_function(
            "() => document.getElementById('status').classList.contains('error')", timeout=30_000
        )
        assert "không có quyền duyệt" in page.locator("#status").inner_text()
        assert page.locator(".rv, .rv-doc").count() == 0
        assert page.evaluate("sessionStorage.getItem('lineage.reviewKey')") is None
        assert not any("/review/links" in u for u in requests)
    finally:
        context.close()
    _stayed_local(base, requests, errors, dialogs)


def test_fix_a_false_no_basis_row_from_the_document_view(
    chromium: Any, review_server: tuple[str, Served], tmp_path: Path
) -> None:
    base, served = review_server
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, base)
        assert len(_no_basis_rows(page)) == 1  # the landing gap table lists the plan as lacking a basis
        page.goto(_doc_url(base))
        page.wait_for_selector("#doc-root .centre", timeout=30_000)
        page.fill("#review-token", served.review)
        page.click("#review-use")
        page.wait_for_selector(".rv-doc", timeout=30_000)
        assert page.locator("#review-who").inner_text() == "Đang duyệt: so-tttt-hau-giang"
        assert page.locator("#review-token").is_hidden()
        card = page.locator(f".band.up li.entry[data-key^='{BASIS}@']")
        assert card.count() == 1 and card.get_attribute("data-relation") == "cites"
        assert (
            card.locator(".rv button.rv-confirm").is_visible()
            and card.locator(".rv button.rv-reject").is_visible()
        )
        assert page.locator(".centre .rv-edit[data-field='date']").is_visible()
        # why the machine doubts it, from the review queue's codes rendered with the label table
        doubt = card.locator(".tag.doubt")
        assert "relation_low" in (doubt.get_attribute("data-doubts") or "").split()
        assert _get(base, "labels")["doubts"]["relation_low"] in doubt.inner_text()
        page.screenshot(path=str(tmp_path / "review.png"))  # looked at while writing this test

        page.fill("#review-note", "Kế hoạch thực hiện Nghị quyết 36a/NQ-CP")
        card.locator("select.rv-rel").select_option("implements")
        _wait_written(page, 1)
        fixed = page.locator(f".band.up li.entry[data-key^='{BASIS}@']")
        assert fixed.get_attribute("data-relation") == "implements"
        assert "so-tttt-hau-giang" in fixed.locator(".tag.ok").inner_text()
        assert fixed.locator(".tag.doubt").count() == 0  # reviewed: no longer in doubt
        assert page.locator(".centre li.gap").count() >= 1
        assert "Kế hoạch chưa có văn bản căn cứ" not in page.locator(".centre").inner_text()
        (c,) = served.store.corrections()
        assert (c.author, c.action.value, c.value, c.note) == (
            "so-tttt-hau-giang", "relation", "implements", "Kế hoạch thực hiện Nghị quyết 36a/NQ-CP")  # fmt: skip
        item = page.locator(f".rv-list li[data-id='{c.id}']")
        assert "Sửa quan hệ" in item.inner_text()

        _show_gap_table(page, base)
        assert _no_basis_rows(page) == []  # the fixed row is gone

        # the key stays for this tab: back on the document, undo brings the row back
        page.goto(_doc_url(base))
        page.wait_for_selector(f".rv-list li[data-id='{c.id}'] .rv-undo", timeout=30_000)
        page.click(f".rv-list li[data-id='{c.id}'] .rv-undo")
        _wait_written(page, 1)
        assert page.locator(f".rv-list li[data-id='{c.id}']").get_attribute("class") == "undone"
        _show_gap_table(page, base)
        assert len(_no_basis_rows(page)) == 1

        page.goto(_doc_url(base))
        page.wait_for_selector(".rv-doc", timeout=30_000)
        page.click("#review-off")
        page.wait_for_function("() => document.body.dataset.review === '0'", timeout=30_000)
        assert page.locator(".rv, .rv-doc").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
    _stayed_local(base, requests, errors, dialogs)


def test_the_offline_page_has_no_review_tools(tmp_path: Path, review_server: tuple[str, Served]) -> None:
    _, served = review_server
    from graph.views import subgraph_json

    G, gaps = served.store.graph(), served.store.gaps()
    rows = gap_table_rows(G, gaps)
    assert any(r["kind"] == "no_basis" and r["document"] == PLAN for r in rows)
    out = write_browser(
        subgraph_json(G, gaps, prefer_gaps=True), tmp_path / "browser.html", "Phả hệ", gap_rows=rows
    )
    page = out.read_text(encoding="utf-8")
    assert PLAN in page
    for tool in ("review-token", "review/", "X-API-Key", "rv-rel", "Hoàn tác"):
        assert tool not in page, tool


def test_correct_a_field_beside_it(chromium: Any, review_server: tuple[str, Served]) -> None:
    """✎ beside the number fills the field form; a new number is a new key, and the page follows it."""
    base, served = review_server
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, _doc_url(base))
        page.wait_for_selector("#doc-root .centre", timeout=30_000)
        page.fill("#review-token", served.review)
        page.click("#review-use")
        page.wait_for_selector(".rv-doc", timeout=30_000)
        page.click(".centre .rv-edit[data-field='number']")
        assert page.locator(".rv-set select.rv-field").input_value() == "number"
        value = page.locator(".rv-set input.rv-value")
        assert value.input_value() == "78/KH-UBND" and value.evaluate("e => e === document.activeElement")
        value.fill("79/KH-UBND")
        page.fill("#review-note", "số trên bản giấy")
        page.click(".rv-set button[type=submit]")
        _wait_written(page, 1)
        new = "79/KH-UBND@Hậu Giang@2021"
        assert page.locator("#doc-root").get_attribute("data-key") == new
        assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["key"] == [new]
        assert page.locator("#doc-title").inner_text().startswith("79/KH-UBND")
        assert "79/KH-UBND" in page.locator(".rv-list li[data-action='set']").inner_text()
        assert page.locator("#review-note").input_value() == ""  # a reason is for one correction
    finally:
        context.close()
    _stayed_local(base, requests, errors, dialogs)
