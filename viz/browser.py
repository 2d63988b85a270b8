"""The lineage browser: a self-contained offline HTML page drawn with pyvis, and the served app's assets.

``render_browser`` turns the node-link JSON of ``graph.views.subgraph_json`` (what the API serves at
``GET /graph``) into one HTML file that needs no network at all: pyvis's ``in_line`` page with the
Bootstrap CDN tags it still carries removed, a Content-Security-Policy that forbids any fetch, a
hierarchical layout from central (top) to commune (bottom), colours by document type, dashed borders
for documents that are only cited, a red border and ⚠ for documents with gaps, edge styles by
relation and tooltips with the identity and an evidence sentence. The drawn graph is capped and a
banner says how many documents were left out.

The interactive app served at ``/`` by ``lineage serve`` lives in ``STATIC_DIR`` (``app.html``,
``app.js``, ``app.css``); it loads vis-network from ``/static/vis-network.min.js``, which the API
serves from ``vis_network_js()`` (the copy shipped inside the pyvis wheel, never a CDN).
"""

import functools
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.views import DEFAULT_NODE_LIMIT, gap_directives, node_view
from ontology.gaps import Gap
from viz.i18n import GAP_KIND_LABELS, Lang, gap_json, gap_kind_label, level_label, relation_label

__all__ = [
    "CSP",
    "DOC_TYPE_COLORS",
    "GAP_LABELS",
    "LEVEL_LABELS",
    "LEVEL_RANK",
    "OTHER_COLOR",
    "RELATION_STYLES",
    "STATIC_DIR",
    "gap_table_rows",
    "render_browser",
    "vis_network_js",
    "write_browser",
]

STATIC_DIR = Path(__file__).resolve().parent / "static"

CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

# Hierarchy rows, top to bottom.
LEVEL_RANK: dict[str | None, int] = {"central": 0, "province": 1, "district": 2, "commune": 3, None: 4}
# Labels come from the one table of viz.i18n (the served app reads the same table from GET /labels).
LEVEL_LABELS: dict[str | None, str] = {k: level_label(k) for k in LEVEL_RANK}

# Background colour by document type (light enough for black labels). Mirrored in static/app.js.
DOC_TYPE_COLORS: dict[str, str] = {
    "Nghị quyết": "#8fb8e8",
    "Kết luận": "#b9d3f0",
    "Chỉ thị": "#c3a6e0",
    "Quy định": "#ddd0ee",
    "Quy chế": "#ddd0ee",
    "Thông tri": "#d9c2e9",
    "Luật": "#c9a28f",
    "Hiến pháp": "#c9a28f",
    "Pháp lệnh": "#c9a28f",
    "Nghị định": "#d8b9a8",
    "Thông tư": "#e6d2c6",
    "Quyết định": "#f2b6c6",
    "Kế hoạch": "#8fd18f",
    "Chương trình": "#b8e6a8",
    "Đề án": "#d4efc4",
    "Dự án": "#d4efc4",
    "Phương án": "#d4efc4",
    "Hướng dẫn": "#8fd8e0",
    "Công văn": "#ffc38a",
    "Công điện": "#ffc38a",
    "Thông báo": "#ffe0a8",
    "Thông cáo": "#ffe0a8",
    "Báo cáo": "#e6e08a",
}
OTHER_COLOR = "#dddddd"
GAP_BORDER = "#d00000"

# Edge look by relation: (Vietnamese label, colour, dashes, width). Colours mirrored in static/app.js.
RELATION_STYLES: dict[str, tuple[str, str, bool | list[int], int]] = {
    "implements": (relation_label("implements"), "#2b5d8c", False, 2),
    "reports_on": (relation_label("reports_on"), "#2e8b57", [10, 5], 2),
    "urges": (relation_label("urges"), "#d2691e", [3, 4], 2),
    "cites": (relation_label("cites"), "#9a9a9a", False, 1),
}

GAP_LABELS: dict[str, str] = {k: gap_kind_label(k) for k in GAP_KIND_LABELS}

_VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
_BOOTSTRAP_LINK = re.compile(r'<link\s+href="https://cdn\.jsdelivr\.net/npm/bootstrap[^>]*/>', re.S)
_BOOTSTRAP_SCRIPT = re.compile(
    r'<script\s+src="https://cdn\.jsdelivr\.net/npm/bootstrap[^>]*>\s*</script>', re.S
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.S)
_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@functools.cache
def vis_network_js() -> str:
    """vis-network 9.1.2's minified JS, as shipped inside the installed pyvis wheel (no CDN)."""
    return resources.files("pyvis").joinpath(_VIS_JS).read_text(encoding="utf-8")


def gap_table_rows(G: nx.MultiDiGraph, gaps: list[Gap], lang: Lang = "vi") -> list[dict[str, Any]]:
    """The gap table's rows (the API's ``GET /gaps/table``, embedded in the offline page): each gap
    row as ``/gaps`` gives it, with the document's issuer and the directives its lineage reaches."""
    directives = gap_directives(G, gaps)
    out = []
    for g in gaps:
        attrs = G.nodes[g.document] if g.document in G else {}
        out.append({**gap_json(g, lang), "issuer": attrs.get("issuer"), "directives": [
            {"key": d, "label": str(node_view(d, dict(G.nodes[d]))["label"])} for d in directives.get(g.document, [])
        ]})  # fmt: skip
    return out


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _date_vi(date: str | None) -> str:
    """2025-03-07 → 07/03/2025, 2025-03 → 03/2025 (the way Vietnamese documents write dates)."""
    if not date:
        return ""
    parts = str(date).split("-")
    return "/".join(reversed(parts))


def _neutral(text: str) -> str:
    # pyvis switches to a popup that sets innerHTML when a node title contains "href"; a zero-width
    # non-joiner keeps our titles plain text, which vis-network shows with innerText.
    return re.sub(r"(?i)h(ref)", "h\u200c\\1", text)


def _first_evidence(edges: list[dict[str, Any]]) -> str | None:
    for e in edges:
        for ev in e.get("evidence") or []:
            if ev.get("text"):
                return str(ev["text"])
    return None


def _node_title(node: dict[str, Any], out_edges: list[dict[str, Any]], in_edges: list[dict[str, Any]]) -> str:
    head = " ".join(str(x) for x in (node.get("doc_type"), node.get("number")) if x) or str(node["label"])
    lines = [head]
    if node.get("issuer"):
        lines.append(f"Cơ quan ban hành: {node['issuer']}")
    place = [f"Cấp: {LEVEL_LABELS.get(node.get('level'), LEVEL_LABELS[None])}"]
    if node.get("province"):
        at_issue = node.get("province_at_issue")
        extra = f" (khi ban hành: {at_issue})" if at_issue and at_issue != node["province"] else ""
        place.append(f"Tỉnh/thành: {node['province']}{extra}")
    if node.get("locality"):
        place.append(f"Địa bàn: {node['locality']}")
    lines.append(" · ".join(place))
    if node.get("date"):
        lines.append(f"Ngày: {_date_vi(node['date'])}")
    if node.get("title"):
        lines.append(f"Trích yếu: {_one_line(str(node['title']), 220)}")
    status = "Đã nạp" if node.get("status") == "ingested" else "Chỉ được trích dẫn (chưa nạp)"
    if node.get("catalog"):
        status += " · có trong danh mục"
    if node.get("ambiguous"):
        status += " · nhận dạng chưa chắc chắn"
    lines.append(f"Trạng thái: {status}")
    if node.get("gap_kinds"):
        lines.append("⚠ Thiếu sót: " + "; ".join(GAP_LABELS.get(k, k) for k in node["gap_kinds"]))
    sentence = _first_evidence(out_edges) or _first_evidence(in_edges)
    if sentence:
        lines.append(f"Dẫn chứng: “{_one_line(sentence, 300)}”")
    lines.append(f"Khóa: {node['id']}")
    return _neutral("\n".join(lines))


def _edge_title(edge: dict[str, Any], labels: dict[str, str]) -> str:
    rel = edge["relation"]
    name = RELATION_STYLES.get(rel, (rel, "", False, 1))[0]
    lines = [
        f"{labels.get(edge['source'], edge['source'])} — {name} → {labels.get(edge['target'], edge['target'])}"
    ]
    conf = edge.get("confidence")
    if isinstance(conf, int | float):
        lines.append(f"Độ tin cậy: {conf:.2f}")
    sentence = _first_evidence([edge])
    if sentence:
        lines.append(f"Dẫn chứng: “{_one_line(sentence, 300)}”")
    return _neutral("\n".join(lines))


def _caption(node: dict[str, Any]) -> str:
    """A short caption: the number, and the type on a second line."""
    if not node.get("number"):
        return str(node.get("label") or node["id"])
    return f"{node['number']}\n{node['doc_type']}" if node.get("doc_type") else str(node["number"])


def _node_options(node: dict[str, Any], title: str) -> dict[str, Any]:
    fill = DOC_TYPE_COLORS.get(node.get("doc_type") or "", OTHER_COLOR)
    gap = bool(node.get("gap_kinds"))
    border = GAP_BORDER if gap else "#4a4a4a"
    return {
        "label": ("⚠ " if gap else "") + _caption(node),
        "shape": "box",
        "level": LEVEL_RANK.get(node.get("level"), 4),
        "title": title,
        "color": {
            "background": fill,
            "border": border,
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"},
        },
        "borderWidth": 3 if gap else 1,
        "borderWidthSelected": 4,
        "shapeProperties": {"borderDashes": node.get("status") == "cited"},
        "font": {"color": "#111111", "face": "sans-serif", "size": 14},
        "widthConstraint": {"maximum": 150},
    }


def _edge_options(edge: dict[str, Any], title: str) -> dict[str, Any]:
    _, colour, dashes, width = RELATION_STYLES.get(edge["relation"], ("", "#777777", False, 1))
    return {"title": title, "color": {"color": colour, "highlight": "#000000", "hover": "#000000"},
            "dashes": dashes, "width": width, "arrows": "to"}  # fmt: skip


_VIS_OPTIONS: dict[str, Any] = {
    "layout": {
        "hierarchical": {
            "enabled": True,
            "direction": "UD",
            "levelSeparation": 220,
            "nodeSpacing": 175,
            "treeSpacing": 200,
            "blockShifting": True,
            "edgeMinimization": True,
            "parentCentralization": True,
        }
    },
    # The hierarchical layout alone places every node (and is quick for ~1,000 nodes); physics would only
    # shuffle the rows and, in a headless or old browser, take seconds per hundred nodes.
    "physics": {"enabled": False},
    "edges": {
        "smooth": {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.4}
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": True, "multiselect": False},
}


def _cap(
    graph_json: dict[str, Any], max_nodes: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """The nodes and edges to draw (at most ``max_nodes``) and how many more were dropped here."""
    nodes = list(graph_json.get("nodes") or [])
    edges = list(graph_json.get("edges") or [])
    dropped = 0
    if len(nodes) > max_nodes:
        degree: dict[str, int] = {}
        for e in edges:
            degree[e["source"]] = degree.get(e["source"], 0) + 1
            degree[e["target"]] = degree.get(e["target"], 0) + 1
        # documents with gaps are kept first
        order = sorted(nodes, key=lambda n: (not n.get("gap_kinds"), -degree.get(n["id"], 0), n["id"]))
        keep = {n["id"] for n in order[:max_nodes]}
        dropped = len(nodes) - len(keep)
        nodes = [n for n in nodes if n["id"] in keep]
    ids = {n["id"] for n in nodes}
    edges = [e for e in edges if e["source"] in ids and e["target"] in ids]
    return nodes, edges, dropped


def _legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    esc = html.escape
    types = sorted({n.get("doc_type") or "" for n in nodes})
    items = []
    for t in types:
        colour = DOC_TYPE_COLORS.get(t, OTHER_COLOR)
        name = t if t in DOC_TYPE_COLORS else (f"{t} (khác)" if t else "Không rõ loại")
        items.append(f'<span class="lg"><i class="sw" style="background:{colour}"></i>{esc(name)}</span>')
    items.append('<span class="lg"><i class="sw cited"></i>Chỉ được trích dẫn (viền đứt)</span>')
    items.append('<span class="lg"><i class="sw gap"></i>⚠ Có thiếu sót (viền đỏ)</span>')
    rels = sorted(
        {e["relation"] for e in edges},
        key=lambda r: list(RELATION_STYLES).index(r) if r in RELATION_STYLES else 99,
    )
    for rel in rels:
        name, colour, dashes, width = RELATION_STYLES.get(rel, (rel, "#777777", False, 1))
        dash = " ".join(map(str, dashes)) if isinstance(dashes, list) else "none"
        svg = (f'<svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" stroke="{colour}" '
               f'stroke-width="{width + 0.5}" stroke-dasharray="{dash}"/></svg>')  # fmt: skip
        items.append(f'<span class="lg">{svg}{esc(name)}</span>')
    levels = " ↓ ".join(esc(LEVEL_LABELS[k]) for k in ("central", "province", "district", "commune", None))
    items.append(f'<span class="lg">Hàng: {levels}</span>')
    return '<div id="legend">' + "".join(items) + "</div>"


_STYLE = """<style>
body{margin:0;font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a}
#lineage-header{padding:8px 14px;border-bottom:1px solid #ddd;background:#fafafa}
#lineage-header h1{font-size:20px;margin:0 0 4px}
#lineage-header .meta{font-size:13px;color:#444}
#omitted{margin:6px 0;padding:6px 10px;background:#fff3cd;border:1px solid #e0c060;border-radius:4px;font-size:14px}
#legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin-top:6px;font-size:12px;align-items:center}
#legend .lg{display:inline-flex;align-items:center;gap:5px}
#legend .sw{display:inline-block;width:16px;height:11px;border:1px solid #4a4a4a;border-radius:2px}
#legend .sw.cited{width:22px;border:2px dashed #4a4a4a;background:#fff}
#legend .sw.gap{border:3px solid #d00000;background:#fff}
#mynetwork{float:none!important;border:none!important}
.vis-tooltip{white-space:normal!important;max-width:38em;font-family:system-ui,Arial,sans-serif!important;font-size:13px!important;line-height:1.35}
</style>"""


def _json_script(element_id: str, value: Any) -> str:
    """``value`` as a JSON data block that no text inside it can end early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _static_js(name: str) -> str:
    text = (STATIC_DIR / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "<!--" in text:  # pragma: no cover - a guard on our own file
        msg = f"{name} cannot be inlined in a script element"
        raise RuntimeError(msg)
    return text


_FACES_STYLE = """<style>
#tools{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;margin:6px 0 2px}
#tools input[type=search]{flex:1 1 320px;min-width:200px;padding:5px 8px;font-size:14px}
#tools select{padding:4px 6px;font-size:14px;max-width:50vw}
#tools .n{font-size:13px;color:#333}
#gap-section{padding:0 14px;border-bottom:1px solid #ddd}
#lineage-legend{padding:2px 14px 4px}
#gap-section>summary{cursor:pointer;font-weight:600;padding:6px 0;font-size:15px}
.gap-root{display:flex;gap:12px;max-height:48vh;min-height:200px}
.facets{flex:0 0 240px;overflow-y:auto;padding:0 6px 10px 0;border-right:1px solid #eee;font-size:13px}
.facet h3{font-size:13px;margin:8px 0 3px}
.facet ul{list-style:none;margin:0;padding:0}
.facet li label{display:flex;align-items:baseline;gap:5px;padding:2px;cursor:pointer;border-radius:3px}
.facet li label.on{background:#e1ebf5;font-weight:600}
.facet .fv{flex:1;overflow-wrap:anywhere}
.fc{display:inline-block;min-width:1.6em;margin-left:6px;padding:0 5px;border-radius:8px;background:#e8edf2;font-size:12px;text-align:center}
button{cursor:pointer;border:1px solid #9aa5b1;background:#f2f5f8;border-radius:4px;padding:4px 9px;font-size:13px}
button:disabled{opacity:.55;cursor:default}
button.link{border:none;background:none;color:#1d4f85;padding:2px;text-decoration:underline;font-size:12px}
.gap-main{flex:1 1 auto;min-width:0;display:flex;flex-direction:column}
.gap-tools{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;padding:2px 0 6px}
.gap-tools input[type=search]{flex:1 1 240px;min-width:180px;padding:4px 8px;font-size:13px}
#gap-count{font-weight:600;font-size:13px}
.dls{font-size:13px;display:inline-flex;gap:4px;align-items:center}
.gap-scroll{flex:1 1 auto;overflow:auto;min-height:0;border-top:1px solid #ddd}
table.gaps{border-collapse:collapse;width:100%;font-size:13px}
table.gaps th{position:sticky;top:0;background:#f2f5f8;text-align:left;border-bottom:1px solid #c6ced6}
table.gaps th button.sort{border:none;background:none;font-weight:600;padding:5px;width:100%;text-align:left}
table.gaps td{padding:4px 6px;border-bottom:1px solid #eceff2;vertical-align:top}
table.gaps td:first-child{min-width:140px}
table.gaps td.num{white-space:nowrap}
table.gaps .sub{color:#666;font-size:12px}
table.gaps a.doc{color:#1d4f85;font-weight:600}
table.gaps details summary{color:#1d4f85;cursor:pointer;font-size:12px}
table.gaps blockquote{margin:3px 0 0;padding:3px 6px;border-left:3px solid #b9c7d6;background:#f4f7fa;font-size:12px}
.kind{display:inline-block;padding:1px 6px;border-radius:3px;background:#fde2e2;color:#7a0000;font-weight:600}
#gap-more{margin:6px 0 10px}
</style>"""

# The offline page's faces: the gap table (static/gaptable.js) and search and province filters that
# act on it and on the drawing. Reads the JSON blocks above it; fetches nothing.
_FACES_JS = r"""
(function () {
  'use strict';
  const data = (id) => JSON.parse(document.getElementById(id).textContent);
  const labels = data('lineage-labels');
  const rows = data('lineage-gaps');
  const docs = data('lineage-nodes');
  const fold = GapTable.fold;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const q = document.getElementById('find');
  const prov = document.getElementById('prov');
  const shown = document.getElementById('shown');
  const table = GapTable(document.getElementById('gap-root'), {
    labels: labels,
    onOpen: function (r, ev) {
      ev.preventDefault();
      if (byId.has(r.document) && typeof network !== 'undefined') {
        document.getElementById('mynetwork').scrollIntoView({ block: 'start' });
        network.selectNodes([r.document]);
        network.focus(r.document, { scale: 1.0, animation: false });
      }
    },
  });
  const counts = new Map();
  for (const r of rows) counts.set(r.province || '', (counts.get(r.province || '') || 0) + 1);
  const names = new Set(docs.map((d) => d.province || ''));
  for (const r of rows) names.add(r.province || '');
  for (const name of [...names].sort((a, b) => a.localeCompare(b, 'vi'))) {
    const o = document.createElement('option');
    o.value = name || '(unknown)';
    o.textContent = `${name || '(chưa xác định tỉnh)'} — ${counts.get(name) || 0} thiếu sót`;
    prov.append(o);
  }
  const hay = new Map(docs.map((d) => [d.id, fold([d.number, d.doc_type, d.title, d.issuer, d.id].join(' '))]));
  function apply() {
    const p = prov.value;
    const words = fold(q.value).split(/\s+/).filter(Boolean);
    const inProv = (d) => !p || (p === '(unknown)' ? !d.province : d.province === p);
    const place = new Set(docs.filter((d) => inProv(d) && d.status === 'ingested').map((d) => d.id));
    if (p) for (const e of edges.get()) if (place.has(e.from)) place.add(e.to);
    const hits = new Set(docs.filter((d) => (!p || place.has(d.id)) && words.every((w) => hay.get(d.id).includes(w))).map((d) => d.id));
    if (words.length) for (const e of edges.get()) { if (hits.has(e.from) && (!p || place.has(e.to))) hits.add(e.to); }
    const keep = words.length ? hits : (p ? place : null);
    nodes.update(docs.map((d) => ({ id: d.id, hidden: keep !== null && !keep.has(d.id) })));
    const n = keep === null ? docs.length : keep.size;
    shown.textContent = `Sơ đồ: ${n} / ${docs.length} văn bản.`;
    table.setState({ q: q.value, province: p ? [p === '(unknown)' ? '' : p] : [] });
    document.body.dataset.filtered = String(n);
  }
  // Open the drawing at a zoom where captions read: the top rows, when fitting all makes them tiny.
  function readable() {
    const pos = network.getPositions();
    const ids = Object.keys(pos);
    if (!ids.length) return;
    network.fit({ animation: false });
    if (network.getScale() >= 0.8) return;
    const top = Math.min(...ids.map((id) => pos[id].y));
    const row = ids.filter((id) => pos[id].y === top).map((id) => pos[id].x).sort((a, b) => a - b);
    const h = document.getElementById('mynetwork').clientHeight || 600;
    network.moveTo({ position: { x: row[Math.floor(row.length / 2)], y: top + h / 2 / 0.8 - 60 }, scale: 0.8, animation: false });
  }
  table.setRows(rows, '');
  readable();
  let timer = null;
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 150); });
  prov.addEventListener('change', apply);
  document.getElementById('tools').addEventListener('submit', (ev) => { ev.preventDefault(); apply(); });
  apply();
  window.lineageOffline = { table: table, apply: apply };
}());
"""


def _no_folders(row: dict[str, Any]) -> dict[str, Any]:
    """A gap row for a page that leaves the server: file names without the server's folders."""
    return {**row, "source": Path(row["source"]).name if row.get("source") else row.get("source"),
            "evidence": [{**e, "file": Path(e["file"]).name if e.get("file") else e.get("file")}
                         for e in row.get("evidence") or []]}  # fmt: skip


def _slim(node: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "number", "doc_type", "title", "issuer", "level", "province", "date", "status")
    return {k: node.get(k) for k in keys}


def render_browser(
    graph_json: dict[str, Any],
    title: str,
    *,
    max_nodes: int = DEFAULT_NODE_LIMIT,
    gap_rows: list[dict[str, Any]] | None = None,
) -> str:
    """One self-contained HTML page (no network needed) drawing ``graph_json`` (``subgraph_json``'s
    shape), with search and a province filter, and the gap table of ``gap_rows`` (the API's
    ``GET /gaps/table`` rows, ``gap_table_rows``) above the drawing."""
    nodes, edges, dropped = _cap(graph_json, max_nodes)
    labels = {n["id"]: str(n.get("label") or n["id"]) for n in nodes}
    out_of: dict[str, list[dict[str, Any]]] = {}
    in_of: dict[str, list[dict[str, Any]]] = {}
    for e in edges:
        out_of.setdefault(e["source"], []).append(e)
        in_of.setdefault(e["target"], []).append(e)

    net = Network(
        height="calc(100vh - 150px)", width="100%", directed=True, cdn_resources="in_line", heading=""
    )
    for n in nodes:
        net.add_node(
            n["id"], **_node_options(n, _node_title(n, out_of.get(n["id"], []), in_of.get(n["id"], [])))
        )
    for e in edges:
        net.add_edge(e["source"], e["target"], **_edge_options(e, _edge_title(e, labels)))
    net.options = json.loads(json.dumps(_VIS_OPTIONS))
    page = str(net.generate_html(name="lineage.html"))

    page = _BOOTSTRAP_LINK.sub("", page)
    page = _BOOTSTRAP_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    if _EXTERNAL.search(page):  # pragma: no cover - only if pyvis's template changes
        msg = "the pyvis page still refers to an external resource"
        raise RuntimeError(msg)

    omitted = int(graph_json.get("omitted_nodes") or 0) + dropped
    total = int(graph_json.get("total_nodes") or len(graph_json.get("nodes") or [])) or len(nodes) + omitted
    esc = html.escape
    banner = ""
    if omitted or graph_json.get("truncated"):
        banner = (
            f'<div id="omitted" role="status">Đã lược bớt {omitted} trên tổng số {total} văn bản để hình vẽ '
            f"không quá {len(nodes)} văn bản. Hãy lọc theo tỉnh (--province) hoặc chọn một văn bản gốc (--root) "
            "để xem phần còn lại.</div>"
        )
    tools = (
        '<form id="tools" role="search" autocomplete="off">'
        '<input id="find" type="search" aria-label="Tìm kiếm" placeholder="Tìm: số hiệu, trích yếu, cơ quan ban hành…">'
        '<select id="prov" aria-label="Tỉnh/thành"><option value="">Mọi tỉnh/thành</option></select>'
        '<span id="shown" class="n" role="status"></span></form>'
    )
    header = (
        f'<div id="lineage-header"><h1>{esc(title)}</h1>'
        f'<div class="meta">{len(nodes)} văn bản, {len(edges)} liên kết. Di chuột lên văn bản hoặc mũi tên '
        "để xem thông tin và câu dẫn chứng.</div>"
        f"{tools}{banner}</div>"
        f'<details id="gap-section" open><summary>Bảng thiếu sót ({len(gap_rows or [])})</summary>'
        '<div id="gap-root" class="gap-root"></div></details>'
        f'<div id="lineage-legend">{_legend(nodes, edges)}</div>'
    )
    from viz.i18n import labels as label_table

    faces = (
        _json_script("lineage-labels", label_table("vi"))
        + _json_script("lineage-gaps", [_no_folders(r) for r in gap_rows or []])
        + _json_script("lineage-nodes", [_slim(n) for n in nodes])
        + f"<script>{_static_js('gaptable.js')}</script><script>{_FACES_JS}</script>"
    )
    head = (
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
    )
    page = page.replace('<meta charset="utf-8">', head, 1)
    page = page.replace("</head>", _STYLE + _FACES_STYLE + "\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + header, 1)
    after = (
        "<script>network.once('afterDrawing',function(){document.body.setAttribute('data-ready','1');});"
        f"network.redraw();</script>\n{faces}\n</body>"
    )
    page = page.replace("</body>", after, 1)
    return page.replace("<html>", '<!doctype html>\n<html lang="vi">', 1)


def write_browser(
    graph_json: dict[str, Any], out: Path, title: str, *, gap_rows: list[dict[str, Any]] | None = None
) -> Path:
    """Write ``render_browser``'s page to ``out`` (parents created) and return the path."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_browser(graph_json, title, gap_rows=gap_rows), encoding="utf-8")
    return out
