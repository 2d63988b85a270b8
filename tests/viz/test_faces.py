"""The faces an official works in (#15), in Debian's headless Chromium against a real server on
127.0.0.1: the gap table as landing view (two clicks to Hải Phòng's plans lacking a basis or a
report, downloads of what is shown), the document's Lược đồ (relation groups, evidence, the source
file), the graph's filters, and the offline page's search and province filter.

Expected values come from the API the page reads (or the store), never from numbers copied here.
"""

import csv
import io
import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from graph.views import subgraph_json
from tests.viz.test_browser import _app_page, _done, _record, _wait_done
from viz.browser import gap_table_rows, write_browser

PLAN_KINDS = {"no_basis", "no_report"}


def _get(base: str, path: str, **params: Any) -> Any:
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{base}{path}{'?' + query if query else ''}") as resp:
        return json.load(resp)


def _rows(page: Any) -> list[dict[str, str]]:
    """The gap table's rows as shown: kind, document key and each cell's text."""
    return list(
        page.evaluate("""() => [...document.querySelectorAll('#gap-table tbody tr')].map(tr => ({
            kind: tr.dataset.kind, key: tr.dataset.key,
            cells: [...tr.children].map(td => td.innerText)}))""")
    )


def _wait_rows(page: Any, n: int) -> None:
    page.wait_for_function(
        f"() => document.getElementById('gap-root').dataset.rows === '{n}'", timeout=30_000
    )


def test_two_clicks_to_the_plans_of_hai_phong_lacking_a_basis_or_a_report(
    chromium: Any, live_server: str, tmp_path: Path
) -> None:
    labels = _get(live_server, "labels", lang="vi")
    every = _get(live_server, "gaps/table")
    hp = _get(live_server, "gaps/table", province="Hải Phòng")
    wanted = [r for r in hp if r["kind"] in PLAN_KINDS]
    assert wanted, "the test corpus has plans in Hải Phòng lacking a basis or a report"
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, live_server)
        # the landing view is the gap table of the country
        assert page.locator("#view-gaps").is_visible() and page.locator("#view-graph").is_hidden()
        _wait_rows(page, len(every))
        assert page.locator("#tab-gaps").get_attribute("aria-current") == "page"
        kinds = page.locator("#gap-facets section[data-facet=kind]").inner_text()
        for kind in {r["kind"] for r in every}:
            assert labels["gap_kinds"][kind] in kinds  # facets in Vietnamese, with counts
            count = sum(1 for r in every if r["kind"] == kind)
            box = page.locator(f"#gap-facets input[data-facet=kind][data-value={kind}]")
            assert box.locator("xpath=..").locator(".fc").inner_text() == str(count)

        # click 1: the province; click 2: the shortcut
        page.select_option("#province", "Hải Phòng")
        _wait_rows(page, len(hp))
        page.click("button[data-shortcut=plans]")
        _wait_rows(page, len(wanted))
        shown = _rows(page)
        assert sorted((r["kind"], r["key"]) for r in shown) == sorted(
            (r["kind"], r["document"]) for r in wanted
        )
        text = page.locator("#gap-table").inner_text()
        by_key = {(r["kind"], r["document"]): r for r in wanted}
        for row in shown:
            gap = by_key[(row["kind"], row["key"])]
            assert row["cells"][0] == labels["gap_kinds"][gap["kind"]]  # the kind in Vietnamese
            assert gap["reason_text"] in row["cells"][-1]  # the reason in Vietnamese
            assert "Hải Phòng" in row["cells"]
        for code in PLAN_KINDS | {"no_basis", "plan_without_basis", "no_report_by_deadline"}:
            assert code not in text  # no codes shown
        assert "province=H%E1%BA%A3i+Ph%C3%B2ng" in page.url or "province=Hải" in urllib.parse.unquote(
            page.url
        )
        # the URL keeps the view: reopening it shows the same rows
        again = context.new_page()
        again.goto(page.url)
        again.wait_for_function(
            "() => window.lineageApp && document.body.dataset.done >= '1'", timeout=60_000
        )
        _wait_rows(again, len(wanted))
        again.close()

        # each row links to its document
        first = shown[0]["key"]
        link = page.locator(f"#gap-table tbody tr[data-key='{first}'] a.doc").first
        assert "view=doc" in (link.get_attribute("href") or "")
        link.click()
        page.wait_for_function(
            f"() => document.getElementById('doc-root').dataset.key === {json.dumps(first)}", timeout=30_000
        )
        assert page.locator("#view-doc").is_visible() and page.locator("#view-gaps").is_hidden()
        page.go_back()  # the official's table as it was
        _wait_rows(page, len(wanted))
        assert page.locator("#view-gaps").is_visible()

        # download what I see: CSV, XLSX and JSON hold the rows shown
        with page.expect_download() as dl:
            page.click("button.dl[data-format=csv]")
        body = Path(dl.value.path()).read_text(encoding="utf-8-sig")
        table = list(csv.reader(io.StringIO(body)))
        assert table[0][0] == "Loại thiếu sót" and len(table) == len(wanted) + 1
        assert dl.value.suggested_filename.endswith(".csv") and "hai-phong" in dl.value.suggested_filename
        assert {r[0] for r in table[1:]} <= {labels["gap_kinds"][k] for k in PLAN_KINDS}

        with page.expect_download() as dl:
            page.click("button.dl[data-format=json]")
        data = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
        assert sorted(r["document"] for r in data) == sorted(r["document"] for r in wanted)
        assert all("/" not in (r.get("source") or "") for r in data)  # no server folders

        openpyxl = pytest.importorskip("openpyxl")
        with page.expect_download() as dl:
            page.click("button.dl[data-format=xlsx]")
        saved = tmp_path / "gaps.xlsx"
        dl.value.save_as(saved)
        sheet = openpyxl.load_workbook(saved).active
        cells = [[c.value for c in row] for row in sheet.iter_rows()]
        assert cells[0][0] == "Loại thiếu sót" and len(cells) == len(wanted) + 1
        assert sorted(r[-1] for r in cells[1:]) == sorted(r["document"] for r in wanted)
    finally:
        context.close()
    assert requests and all(u.startswith(live_server) or u.startswith("blob:") for u in requests), requests
    assert not dialogs and not errors, errors


def test_gap_table_search_sort_and_facets(chromium: Any, live_server: str) -> None:
    every = _get(live_server, "gaps/table")
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, live_server)
        _wait_rows(page, len(every))
        # search ignores case and diacritics
        target = next(r for r in every if r["number"] and r["unit"])
        word = target["unit"].split()[-1]
        folded = urllib.parse.quote(word)  # only to have a distinct value in the assertion message
        page.fill("#gap-q", word.upper())
        expected = [r for r in every if _fold(word) in _fold(_hay(r))]
        _wait_rows(page, len(expected))
        assert 0 < len(expected) < len(every), folded
        page.fill("#gap-q", "")
        _wait_rows(page, len(every))
        # sort by due date, then reverse
        page.click("button.sort[data-sort=due]")
        dues = [r["cells"][6] for r in _rows(page)]
        iso = ["-".join(reversed(d.split("/"))) for d in dues]
        assert iso == sorted(iso)
        page.click("button.sort[data-sort=due]")
        iso = ["-".join(reversed(r["cells"][6].split("/"))) for r in _rows(page)]
        assert iso == sorted(iso, reverse=True)
        # a level facet, then a unit-level facet: counts follow the other choices
        level = next(r["level"] for r in every if r["level"])
        page.check(f"#gap-facets input[data-facet=level][data-value={level}]")
        _wait_rows(page, sum(1 for r in every if r["level"] == level))
        assert page.locator("#gap-clear").is_enabled()
        page.click("#gap-clear")
        _wait_rows(page, len(every))
        # a directive facet lists the central documents the rows reach
        directive = page.locator("#gap-facets section[data-facet=directive] input").first
        key = directive.get_attribute("data-value")
        directive.check()
        _wait_rows(
            page,
            sum(
                1
                for r in every
                if key in {d["key"] for d in r["directives"]} or (not key and not r["directives"])
            ),
        )
    finally:
        context.close()
    _stayed_local(live_server, requests, errors, dialogs)


def _fold(text: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in t if not unicodedata.combining(c)).lower()


def _hay(r: dict[str, Any]) -> str:
    parts = [r["number"], r["doc_type"], r["title"], r["issuer"], r["unit"], r["province"], r["reason_text"],
             r["document"], *(d["label"] for d in r["directives"])]  # fmt: skip
    return " ".join(str(p or "") for p in parts)


def _directive_with_implementers(G: Any) -> str:
    return str(
        max(
            (n for n, a in G.nodes(data=True) if a.get("level") == "central"),
            key=lambda n: (len({u for u, _, k in G.in_edges(n, keys=True) if k == "implements"}), n),
        )
    )


def test_document_view_groups_relations_and_opens_the_source(
    chromium: Any, live_server: str, viz_graph: tuple[Any, list[dict[str, Any]]]
) -> None:
    G, _ = viz_graph
    key = next(
        n
        for n, a in sorted(G.nodes(data=True))
        if a["status"] == "ingested"
        and str((a.get("sources") or [""])[0]).endswith(".txt")  # shown as text, not in the PDF viewer
        and G.out_degree(n)
        and G.in_degree(n)
    )
    up = {k for _, _, k in G.out_edges(key, keys=True)}
    down = {k for _, _, k in G.in_edges(key, keys=True)}
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, live_server + "?view=doc&key=" + urllib.parse.quote(key, safe=""))
        page.wait_for_selector("#doc-root .centre", timeout=30_000)
        assert page.locator("#doc-root").get_attribute("data-key") == key
        assert (
            set(page.locator(".band.up .group").evaluate_all("gs => gs.map(g => g.dataset.relation)")) == up
        )
        assert (
            set(page.locator(".band.down .group").evaluate_all("gs => gs.map(g => g.dataset.relation)"))
            == down
        )
        # the bases above the document, the implementers, reports and letters below it
        order = page.evaluate("""() => ['.band.up', '.centre', '.band.down'].map(s =>
            document.querySelector(s).getBoundingClientRect().top)""")
        assert order == sorted(order)
        for _, v, k, d in G.out_edges(key, keys=True, data=True):
            entry = page.locator(f".band.up .group[data-relation={k}] li[data-key='{v}']")
            assert entry.count() == 1
            a = G.nodes[v]
            text = entry.inner_text()
            if a.get("number"):
                assert a["number"] in text
            if a.get("issuer"):
                assert a["issuer"] in text
            ev = next((e["text"] for e in d["evidence"] if e.get("text")), None)
            if ev:
                assert " ".join(ev.split())[:50] in " ".join(entry.locator("blockquote").inner_text().split())
        centre = page.locator(".centre").inner_text()
        assert "Thiếu sót của văn bản" in centre
        assert str(Path(G.nodes[key]["sources"][0]).parent) not in page.locator("body").inner_text()

        # the source file opens from its link
        link = page.locator(".centre a.source").first
        href = link.get_attribute("href") or ""
        assert href.startswith("documents/") and href.endswith("/source?n=0")
        assert link.inner_text().endswith(Path(G.nodes[key]["sources"][0]).name)
        with context.expect_page() as opened:
            link.click()
        source = opened.value
        source.wait_for_load_state()
        expected = Path(G.nodes[key]["sources"][0]).read_bytes()
        assert source.url.startswith(live_server)
        got = source.request.get(source.url).body()
        assert got == expected
        source.close()

        # a neighbour opens its own view
        other = next(v for _, v in G.out_edges(key))
        before = _done(page)
        page.locator(f".band.up li[data-key='{other}'] a.doc").first.click()
        _wait_done(page, before)
        page.wait_for_function(
            f"() => document.getElementById('doc-root').dataset.key === {json.dumps(other)}", timeout=30_000
        )
        page.go_back()
        page.wait_for_function(
            f"() => document.getElementById('doc-root').dataset.key === {json.dumps(key)}", timeout=30_000
        )
    finally:
        context.close()
    _stayed_local(live_server, requests, errors, dialogs)


def test_document_view_keeps_to_the_province_with_a_switch(
    chromium: Any, live_server: str, viz_graph: tuple[Any, list[dict[str, Any]]]
) -> None:
    G, _ = viz_graph
    key = _directive_with_implementers(G)
    below = {u for u, _ in G.in_edges(key)}
    provinces = {G.nodes[u].get("province") for u in below} - {None}
    assert len(provinces) > 1
    province = sorted(provinces)[0]
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        url = f"{live_server}?view=doc&province={urllib.parse.quote(province)}&key={urllib.parse.quote(key, safe='')}"
        page = _app_page(context, url)
        page.wait_for_selector("#doc-root .centre", timeout=30_000)
        keys = set(page.locator(".band.down li.entry").evaluate_all("ls => ls.map(l => l.dataset.key)"))
        assert keys and keys < below
        for k in keys:
            a = G.nodes[k]
            assert a.get("province") == province or a.get("level") == "central"
        assert "tỉnh/thành khác được ẩn" in page.locator(".band.down").inner_text()
        page.check("#doc-all")
        page.wait_for_function(
            f"() => document.querySelectorAll('.band.down li.entry').length > {len(keys)}", timeout=30_000
        )
        shown = set(page.locator(".band.down li.entry").evaluate_all("ls => ls.map(l => l.dataset.key)"))
        assert shown == below
    finally:
        context.close()
    _stayed_local(live_server, requests, errors, dialogs)


def test_graph_filters_captions_and_cap(
    chromium: Any, live_server: str, viz_graph: tuple[Any, list[dict[str, Any]]]
) -> None:
    G, _ = viz_graph
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    requests, errors, dialogs = _record(context)
    try:
        page = _app_page(context, live_server + "?view=graph")
        # short captions (number, type), readable at the zoom the view opens with
        labels = page.evaluate("lineageApp.nodes.get().map(n => [n.id, n.label])")
        for node_id, label in labels:
            a = G.nodes[node_id]
            if a.get("number") and a.get("doc_type"):
                assert label.replace("⚠ ", "") == f"{a['number']}\n{a['doc_type']}"
        assert page.evaluate("lineageApp.network.getScale()") >= 0.75
        # only documents with gaps
        before = _done(page)
        page.check("#gaps-only")
        _wait_done(page, before)
        raw = page.evaluate("[...lineageApp.raw.values()].map(n => n.gap_kinds.length)")
        assert raw and all(raw)
        before = _done(page)
        page.uncheck("#gaps-only")
        _wait_done(page, before)
        # this directive's chain
        directive = _directive_with_implementers(G)
        implementers = {u for u, _, k in G.in_edges(directive, keys=True) if k == "implements"}
        before = _done(page)
        page.select_option("#chain", directive)
        _wait_done(page, before)
        drawn = set(page.evaluate("lineageApp.nodes.getIds()"))
        assert directive in drawn and implementers <= drawn
        assert "chain=" in page.url
        # under a cap, documents with gaps are kept first and the banner says what was left out
        with_gaps = sum(1 for n in _get(live_server, "graph")["nodes"] if n["gap_kinds"])
        page.goto(live_server + f"?view=graph&limit={with_gaps}")
        page.wait_for_function("() => window.lineageApp && document.body.dataset.done >= '1'", timeout=60_000)
        assert page.locator("#banner").is_visible()
        banner = page.locator("#banner").inner_text()
        assert "Đã lược bớt" in banner and "có thiếu sót" in banner
        assert all(page.evaluate("[...lineageApp.raw.values()].map(n => n.gap_kinds.length > 0)"))
    finally:
        context.close()
    _stayed_local(live_server, requests, errors, dialogs)


def test_office_screen_has_no_sideways_scroll(
    chromium: Any, live_server: str, viz_graph: tuple[Any, list[dict[str, Any]]]
) -> None:
    G, _ = viz_graph
    key = urllib.parse.quote(_directive_with_implementers(G), safe="")
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    try:
        for view in ("gaps", "graph", f"doc&key={key}"):
            page = _app_page(context, f"{live_server}?view={view}&province=H%E1%BA%A3i%20Ph%C3%B2ng")
            if view.startswith("doc"):
                page.wait_for_selector("#doc-root .centre", timeout=30_000)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), view
            # the gap table itself fits: no sideways scroll inside it either
            if view == "gaps":
                assert page.evaluate(
                    "(() => { const s = document.querySelector('.gap-scroll'); "
                    "return s.scrollWidth <= s.clientWidth + 1; })()"
                )
            page.close()
    finally:
        context.close()


def test_offline_page_searches_and_filters(
    chromium: Any, tmp_path: Path, viz_store: Any, viz_graph: tuple[Any, list[dict[str, Any]]]
) -> None:
    G, gaps = viz_graph
    rows = gap_table_rows(G, [g for g in gaps if g.kind.value != "unit_coverage"])
    data = subgraph_json(G, gaps, prefer_gaps=True)
    out = write_browser(data, tmp_path / "browser.html", "Phả hệ văn bản", gap_rows=rows)
    text = out.read_text(encoding="utf-8")
    for r in rows:  # no server folder leaves with the page
        assert not r["source"] or r["source"] not in text
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    requests, errors, dialogs = _record(context)
    try:
        page = context.new_page()
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        page.wait_for_function("() => window.lineageOffline", timeout=30_000)
        _wait_rows(page, len(rows))
        assert page.evaluate("nodes.get().filter(n => !n.hidden).length") == len(data["nodes"])

        # the province filter: the gap table and the drawing
        page.select_option("#prov", "Hải Phòng")
        hp = [r for r in rows if r["province"] == "Hải Phòng"]
        _wait_rows(page, len(hp))
        assert {r["kind"] for r in _rows(page)} == {r["kind"] for r in hp}
        visible = set(page.evaluate("nodes.get().filter(n => !n.hidden).map(n => n.id)"))
        own = {n["id"] for n in data["nodes"] if n["province"] == "Hải Phòng" and n["status"] == "ingested"}
        assert own and own <= visible and len(visible) < len(data["nodes"])
        for n in visible - own:  # the rest is what they cite or carry out
            assert any(G.has_edge(o, n) for o in own)

        # search: a number finds its document (diacritics and case ignored)
        target = next(r for r in hp if r["number"])
        asked = _fold(target["number"]).upper()
        page.fill("#find", asked)
        page.wait_for_function(
            f"() => document.getElementById('gap-q').value === {json.dumps(asked)}", timeout=30_000
        )
        assert page.evaluate(f"!nodes.get({json.dumps(target['document'])}).hidden")
        shown = _rows(page)
        assert shown and all(target["number"] in " ".join(r["cells"]) for r in shown)
        # a row shows its document in the drawing
        page.locator(f"#gap-table tbody tr[data-key='{target['document']}'] a.doc").first.click()
        assert page.evaluate("network.getSelectedNodes()") == [target["document"]]

        # downloads work from the file too
        with page.expect_download() as dl:
            page.click("button.dl[data-format=csv]")
        table = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
        assert len(table) == len(shown) + 1
    finally:
        context.close()
    assert requests and all(u.startswith("file://") or u.startswith("blob:") for u in requests), requests
    assert not dialogs and not errors, errors


def test_offline_page_embeds_rows_as_data_only(viz_graph: tuple[Any, list[dict[str, Any]]]) -> None:
    from tests.viz.test_browser import HOSTILE, _scripts
    from viz.browser import render_browser

    G, gaps = viz_graph
    rows = gap_table_rows(G, [g for g in gaps if g.kind.value != "unit_coverage"][:3])
    rows[0] = {**rows[0], "title": HOSTILE, "unit": HOSTILE, "reason_text": HOSTILE}
    page = render_browser(subgraph_json(G, gaps, limit=20), "Phả hệ", gap_rows=rows)
    assert "<script>alert" not in page and "<img src=x" not in page
    block = next(s for s in _scripts(page) if s.startswith('[{"kind"'))
    assert json.loads(block)[0]["title"] == HOSTILE  # intact once parsed
    assert any("GapTable" in s and "lineageOffline" in s for s in _scripts(page))


def _stayed_local(server: str, requests: list[str], errors: list[str], dialogs: list[str]) -> None:
    """The page asked the server for something, asked nothing elsewhere, and raised no error or dialog."""
    outside = [u for u in requests if not u.startswith(server)]
    assert requests and not outside, outside
    assert not dialogs and not errors, errors
