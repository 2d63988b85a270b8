"""``/docs`` and ``/redoc`` render in Chromium with no network but 127.0.0.1: local assets only."""

from typing import Any

import pytest


@pytest.mark.parametrize(("path", "drawn"), [("docs", ".opblock"), ("redoc", "[data-section-id]")])
def test_docs_render_offline(chromium: Any, live_server: str, path: str, drawn: str) -> None:
    page = chromium.new_page()
    asked: list[str] = []
    refused: dict[str, str] = {}
    page.on("request", lambda request: asked.append(request.url))
    page.on("requestfailed", lambda request: refused.update({request.url: request.failure or ""}))
    try:
        page.goto(live_server + path)
        page.wait_for_selector(drawn, timeout=30_000)
        assert page.locator(drawn).count() >= 8  # every route drawn from /openapi.json
        assert "Unable to render" not in page.content()
    finally:
        page.close()
    local = (live_server, "blob:" + live_server)
    elsewhere = [url for url in asked if not url.startswith(local)]
    # ReDoc's footer names a logo on its vendor's CDN: the page's policy stops it in the browser
    # (not the test's air gap, which would fail it later, at name resolution).
    assert all(refused.get(url) == "csp" for url in elsewhere), (elsewhere, refused)
