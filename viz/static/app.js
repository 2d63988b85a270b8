/* Lineage browser app served at "/" by `lineage serve`: three faces an official works in.
 *
 *   ?view=gaps   (landing) the gap table of the chosen province or the country: facets with counts,
 *                search, sort, shortcuts, "download what I see" (static/gaptable.js)
 *   ?view=doc&key=K   the document's "Lược đồ": its bases above, what carries it out, reports on it
 *                and urges it below, grouped by relation, with evidence, gaps and its source files
 *   ?view=graph  the lineage as a picture, hierarchical by level, gap documents kept first
 *
 * Plain JS, no framework, nothing from outside this server: vis-network comes from
 * static/vis-network.min.js and the data from the API's own routes
 *   GET gaps/table?province=&units=              gap rows with issuer and directives
 *   GET graph?province=&level=&q=&root=&depth=&chain=&gaps_only=&prefer_gaps=
 *                                                node-link JSON (graph.views.subgraph_json)
 *   GET provinces                                [{name, code, old_names, ...}]
 *   GET documents/{key}                          identity, edges_in, edges_out, deadlines, gaps
 *   GET documents/{key}/source?n=                a stored source file of the document
 *   GET documents?level=central&include_cited=   the directives offered for "this directive's chain"
 *   GET labels                                   the label table of viz/i18n.py (gap kinds, levels,
 *                                                document types, relations, review actions and
 *                                                fields), loaded before drawing
 * and, only once a key of the review role is entered (kept in sessionStorage, sent as X-API-Key):
 *   GET review/whoami                            the key's name and role
 *   GET review/corrections?document=             this document's corrections
 *   GET review/queue?document=                   why the machine doubts its fields and links
 *   POST review/links | review/documents | review/add-link | review/undo   corrections (api/review_routes.py)
 * The colours mirror viz/browser.py (DOC_TYPE_COLORS, RELATION_STYLES, LEVEL_RANK).
 */
'use strict';
(function () {
  const LEVEL_RANK = { central: 0, province: 1, district: 2, commune: 3 };
  const UNKNOWN_RANK = 4;
  // Filled from GET labels (viz/i18n.py, the one label table) before anything is drawn.
  const LEVEL_LABELS = {};
  const GAP_LABELS = {};
  const TYPE_LABELS = {};
  const ACTION_LABELS = {};
  const FIELD_LABELS = {};
  const DOUBT_LABELS = {};
  let LABELS = null; // the whole table, for the gap table
  const READABLE = 0.8; // the zoom a view opens with at least: captions stay readable
  const DOC_TYPE_COLORS = {
    'Nghị quyết': '#8fb8e8', 'Kết luận': '#b9d3f0', 'Chỉ thị': '#c3a6e0', 'Quy định': '#ddd0ee',
    'Quy chế': '#ddd0ee', 'Thông tri': '#d9c2e9', 'Luật': '#c9a28f', 'Hiến pháp': '#c9a28f',
    'Pháp lệnh': '#c9a28f', 'Nghị định': '#d8b9a8', 'Thông tư': '#e6d2c6', 'Quyết định': '#f2b6c6',
    'Kế hoạch': '#8fd18f', 'Chương trình': '#b8e6a8', 'Đề án': '#d4efc4', 'Dự án': '#d4efc4',
    'Phương án': '#d4efc4', 'Hướng dẫn': '#8fd8e0', 'Công văn': '#ffc38a', 'Công điện': '#ffc38a',
    'Thông báo': '#ffe0a8', 'Thông cáo': '#ffe0a8', 'Báo cáo': '#e6e08a',
  };
  const OTHER_COLOR = '#dddddd';
  const GAP_BORDER = '#d00000';
  const RELATIONS = {
    implements: { label: 'implements', color: '#2b5d8c', dashes: false, width: 2 },
    reports_on: { label: 'reports_on', color: '#2e8b57', dashes: [10, 5], width: 2 },
    urges: { label: 'urges', color: '#d2691e', dashes: [3, 4], width: 2 },
    cites: { label: 'cites', color: '#9a9a9a', dashes: false, width: 1 },
  };
  const VIS_OPTIONS = {
    layout: {
      hierarchical: {
        enabled: true, direction: 'UD', levelSeparation: 220, nodeSpacing: 175, treeSpacing: 200,
        blockShifting: true, edgeMinimization: true, parentCentralization: true,
      },
    },
    physics: { enabled: false },
    edges: { smooth: { enabled: true, type: 'cubicBezier', forceDirection: 'vertical', roundness: 0.4 }, arrows: 'to' },
    nodes: { shape: 'box', widthConstraint: { maximum: 150 }, margin: 6, font: { color: '#111111', face: 'sans-serif', size: 15 } },
    interaction: { hover: true, tooltipDelay: 150, keyboard: { enabled: true, bindToWindow: false }, multiselect: false },
  };

  const $ = (id) => document.getElementById(id);
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const raw = new Map(); // node id -> node JSON as the API gave it
  const rawEdges = new Map(); // edge id -> edge JSON
  let network = null;
  let selected = null;
  let panelToken = 0;
  let current = {}; // the filters of the drawn graph

  // ---------- helpers ----------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function oneLine(text, limit) {
    const t = String(text || '').replace(/\s+/g, ' ').trim();
    return t.length <= limit ? t : t.slice(0, limit - 1).trimEnd() + '…';
  }

  function dateVi(d) {
    return d ? String(d).split('-').reverse().join('/') : '';
  }

  function levelLabel(level) {
    return LEVEL_LABELS[level] || LEVEL_LABELS.unknown || '';
  }

  function docName(n) {
    if (!n) return '';
    const head = [n.doc_type, n.number].filter(Boolean).join(' ');
    return head || n.label || n.id || n.key || '';
  }

  function labelOf(key) {
    const n = raw.get(key);
    if (n) return n.label || key;
    // keys read "number@place@year" (or "file:…" for an ingested file without a number)
    const head = String(key).split('@')[0];
    return head && !String(key).startsWith('file:') ? head : key;
  }

  function edgeId(e) {
    return JSON.stringify([e.source, e.relation, e.target]);
  }

  function setStatus(text, isError) {
    const s = $('status');
    s.textContent = text;
    s.classList.toggle('error', Boolean(isError));
  }

  async function api(path, params) {
    const url = new URL(path, document.baseURI);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
    }
    const headers = { Accept: 'application/json' };
    if (reviewer) headers['X-API-Key'] = reviewKey();
    const resp = await fetch(url, { headers, credentials: 'same-origin' });
    let body = null;
    try {
      body = await resp.json();
    } catch (_) {
      body = null;
    }
    if (!resp.ok) {
      const detail = body && (typeof body.error === 'string' ? body.error : typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail || body));
      throw new Error(`${resp.status} ${detail || resp.statusText}`);
    }
    return body;
  }

  let done = 0;
  function setBusy(on) {
    document.body.dataset.state = on ? 'loading' : 'ready';
    if (!on) document.body.dataset.done = String(++done); // finished loads and expansions, for tests
    for (const id of ['search', 'reset', 'expand-up', 'expand-down', 'focus', 'open-doc']) $(id).disabled = on;
  }

  // ---------- drawing ----------
  function firstEvidence(list) {
    for (const e of list) {
      for (const ev of e.evidence || []) if (ev && ev.text) return ev.text;
    }
    return null;
  }

  function nodeTitle(n) {
    const outs = [];
    const ins = [];
    for (const e of rawEdges.values()) {
      if (e.source === n.id) outs.push(e);
      if (e.target === n.id) ins.push(e);
    }
    const lines = [docName(n)];
    if (n.issuer) lines.push(`Cơ quan ban hành: ${n.issuer}`);
    const place = [`Cấp: ${levelLabel(n.level)}`];
    if (n.province) {
      const extra = n.province_at_issue && n.province_at_issue !== n.province ? ` (khi ban hành: ${n.province_at_issue})` : '';
      place.push(`Tỉnh/thành: ${n.province}${extra}`);
    }
    if (n.locality) place.push(`Địa bàn: ${n.locality}`);
    lines.push(place.join(' · '));
    if (n.date) lines.push(`Ngày: ${dateVi(n.date)}`);
    if (n.title) lines.push(`Trích yếu: ${oneLine(n.title, 220)}`);
    lines.push(`Trạng thái: ${n.status === 'ingested' ? 'Đã nạp' : 'Chỉ được trích dẫn (chưa nạp)'}`);
    if ((n.gap_kinds || []).length) lines.push('⚠ Thiếu sót: ' + n.gap_kinds.map((k) => GAP_LABELS[k] || k).join('; '));
    const ev = firstEvidence(outs) || firstEvidence(ins);
    if (ev) lines.push(`Dẫn chứng: “${oneLine(ev, 300)}”`);
    lines.push('Nhấp để xem chi tiết.');
    return lines.join('\n');
  }

  /** A short caption: the number, and the type on a second line. */
  function caption(n) {
    if (!n.number) return n.label || n.id;
    return n.doc_type ? `${n.number}\n${n.doc_type}` : n.number;
  }

  function visNode(n) {
    const fill = DOC_TYPE_COLORS[n.doc_type] || OTHER_COLOR;
    const gap = (n.gap_kinds || []).length > 0;
    return {
      id: n.id,
      label: (gap ? '⚠ ' : '') + caption(n),
      level: n.level in LEVEL_RANK ? LEVEL_RANK[n.level] : UNKNOWN_RANK,
      title: nodeTitle(n),
      color: {
        background: fill, border: gap ? GAP_BORDER : '#4a4a4a',
        highlight: { background: fill, border: '#000000' }, hover: { background: fill, border: '#000000' },
      },
      borderWidth: gap ? 3 : 1,
      borderWidthSelected: 4,
      shapeProperties: { borderDashes: n.status === 'cited' },
    };
  }

  function visEdge(e) {
    const st = RELATIONS[e.relation] || { label: e.relation, color: '#777777', dashes: false, width: 1 };
    const lines = [`${labelOf(e.source)} — ${st.label} → ${labelOf(e.target)}`];
    if (typeof e.confidence === 'number') lines.push(`Độ tin cậy: ${e.confidence.toFixed(2)}`);
    const ev = firstEvidence([e]);
    if (ev) lines.push(`Dẫn chứng: “${oneLine(ev, 300)}”`);
    return {
      id: edgeId(e), from: e.source, to: e.target, title: lines.join('\n'),
      color: { color: st.color, highlight: '#000000', hover: '#000000' }, dashes: st.dashes, width: st.width,
    };
  }

  /** Add (or update) nodes and the edges whose two ends are drawn. Returns the ids of new nodes. */
  function merge(nodeList, edgeList) {
    const added = [];
    for (const n of nodeList) {
      if (!raw.has(n.id)) added.push(n.id);
      raw.set(n.id, n);
    }
    const newEdges = [];
    for (const e of edgeList) {
      if (!raw.has(e.source) || !raw.has(e.target)) continue;
      const id = edgeId(e);
      if (!rawEdges.has(id)) newEdges.push(e);
      rawEdges.set(id, e);
    }
    // Titles carry evidence from the edges, so (re)build the touched nodes after the edges are known.
    const touched = new Set(nodeList.map((n) => n.id));
    for (const e of newEdges) {
      touched.add(e.source);
      touched.add(e.target);
    }
    nodes.update([...touched].map((id) => visNode(raw.get(id))));
    edges.update(newEdges.map(visEdge));
    renderLegend();
    return added;
  }

  function clearGraph() {
    nodes.clear();
    edges.clear();
    raw.clear();
    rawEdges.clear();
  }

  function renderLegend() {
    const box = $('legend');
    box.replaceChildren();
    const types = new Set([...raw.values()].map((n) => n.doc_type || ''));
    for (const t of [...types].sort((a, b) => a.localeCompare(b, 'vi'))) {
      const sw = el('i', { class: 'sw' });
      sw.style.background = DOC_TYPE_COLORS[t] || OTHER_COLOR;
      const name = t ? (t in DOC_TYPE_COLORS ? t : `${t} (khác)`) : 'Không rõ loại';
      box.append(el('span', { class: 'lg' }, sw, name));
    }
    box.append(el('span', { class: 'lg' }, el('i', { class: 'sw cited' }), 'Chỉ được trích dẫn (viền đứt)'));
    box.append(el('span', { class: 'lg' }, el('i', { class: 'sw gap' }), '⚠ Có thiếu sót (viền đỏ)'));
    for (const st of Object.values(RELATIONS)) {
      const line = el('i', { class: 'line' });
      line.style.borderTopColor = st.color;
      line.style.borderTopStyle = st.dashes ? (st.dashes[0] > 5 ? 'dashed' : 'dotted') : 'solid';
      line.style.borderTopWidth = `${st.width + 1}px`;
      box.append(el('span', { class: 'lg' }, line, st.label));
    }
    box.append(el('span', { class: 'lg' }, 'Hàng: ' + ['central', 'province', 'district', 'commune', 'unknown'].map(levelLabel).join(' ↓ ')));
  }

  function describe(f) {
    const parts = [];
    if (f.root) parts.push(`quanh ${labelOf(f.root)}`);
    if (f.q) parts.push(`từ khóa “${f.q}”`);
    if (f.province) parts.push(f.province);
    if (f.level) parts.push(`cấp ${levelLabel(f.level)}`);
    if (f.chain) parts.push(`chuỗi của ${labelOf(f.chain)}`);
    if (f.gaps_only) parts.push('chỉ văn bản có thiếu sót');
    return parts.length ? ` — ${parts.join(', ')}` : '';
  }

  function showCounts(prefix) {
    const text = `${nodes.length} văn bản, ${edges.length} liên kết${describe(current)}.`;
    setStatus(prefix ? `${prefix} ${text}` : text);
  }

  function showBanner(data) {
    const b = $('banner');
    if (data && data.truncated) {
      const gaps = data.omitted_gap_nodes
        ? ` Trong số bị lược có ${data.omitted_gap_nodes} văn bản có thiếu sót.`
        : ` Mọi văn bản có thiếu sót (${data.gap_nodes}) đều được giữ lại; chỉ lược văn bản không có thiếu sót.`;
      b.textContent = `Đã lược bớt ${data.omitted_nodes} trên tổng số ${data.total_nodes} văn bản (giới hạn ${data.limit}).${gaps} `
        + 'Hãy lọc theo tỉnh, cấp, chuỗi chỉ thị hoặc từ khóa để xem phần còn lại.';
      b.hidden = false;
    } else {
      b.hidden = true;
      b.textContent = '';
    }
  }

  // ---------- loading ----------
  function readFilters() {
    return {
      q: $('q').value.trim(),
      province: $('province').value,
      level: $('level').value,
      chain: $('chain').value,
      gaps_only: $('gaps-only').checked ? '1' : '',
    };
  }

  function writeUrl(f) {
    setUrl(Object.assign({ view: 'graph' }, f), false);
  }

  /** Open at a zoom where captions read: fit, and when that is too small, the top rows at READABLE. */
  let autoView = false; // the camera is still where readableZoom put it (the user has not moved it)
  function readableZoom() {
    if (!network || !nodes.length) return;
    autoView = true;
    network.fit({ animation: false });
    if (network.getScale() >= READABLE) return;
    const pos = network.getPositions();
    const ids = Object.keys(pos);
    const top = Math.min(...ids.map((id) => pos[id].y));
    const row = ids.filter((id) => pos[id].y === top);
    const gapsFirst = row.filter((id) => (raw.get(id) || {}).gap_kinds && raw.get(id).gap_kinds.length);
    const at = pos[(gapsFirst[0] || row[Math.floor(row.length / 2)])];
    const h = $('graph').clientHeight || 600;
    network.moveTo({ position: { x: at.x, y: top + (h / 2) / READABLE - 60 }, scale: READABLE, animation: false });
  }

  let loadSeq = 0; // only the latest load draws: an older answer arriving late is dropped
  async function load(filters) {
    const f = filters || readFilters();
    const mine = ++loadSeq;
    setBusy(true);
    setStatus('Đang tải…');
    try {
      const data = await api('graph', {
        province: f.province, level: f.level, q: f.q, root: f.root, depth: f.depth,
        chain: f.chain, gaps_only: f.gaps_only ? 'true' : '', prefer_gaps: 'true', limit: f.limit,
      });
      if (mine !== loadSeq) return;
      current = f;
      clearGraph();
      merge(data.nodes || [], data.edges || []);
      showBanner(data);
      if (view === 'graph') writeUrl(f);
      readableZoom();
      if (!nodes.length) setStatus(`Không tìm thấy văn bản nào phù hợp${describe(f)}.`);
      else showCounts('');
      if (selected && !raw.has(selected)) closePanel();
    } catch (err) {
      if (mine === loadSeq) setStatus(`Không tải được sơ đồ: ${err.message}`, true);
    } finally {
      if (mine === loadSeq) setBusy(false);
    }
  }

  async function loadLabels() {
    try {
      const table = await api('labels');
      LABELS = table;
      Object.assign(LEVEL_LABELS, table.levels || {});
      Object.assign(GAP_LABELS, table.gap_kinds || {});
      Object.assign(TYPE_LABELS, table.doc_types || {});
      Object.assign(ACTION_LABELS, table.actions || {});
      Object.assign(FIELD_LABELS, table.fields || {});
      Object.assign(DOUBT_LABELS, table.doubts || {});
      for (const lv of ['central', 'province', 'district', 'commune']) {
        if (LEVEL_LABELS[lv]) $('level').append(el('option', { value: lv }, LEVEL_LABELS[lv]));
      }
      for (const [rel, label] of Object.entries(table.relations || {})) {
        if (RELATIONS[rel]) RELATIONS[rel].label = label;
      }
    } catch (err) {
      setStatus(`Không tải được bảng nhãn: ${err.message}`, true);
    }
  }

  async function loadProvinces(refresh) {
    try {
      const list = await api('provinces');
      const sel = $('province');
      const have = new Map([...sel.options].map((o) => [o.value, o]));
      for (const p of list || []) {
        const old = (p.old_names || []).filter(Boolean);
        // The totals every face shows for the province (GET provinces): document gaps, and apart
        // from them the units with no document carrying out a tracked directive.
        const name = p.code === 0 ? '(chưa xác định tỉnh)' : (old.length ? `${p.name} (gồm ${old.join(', ')})` : p.name);
        const text = `${name} — ${p.documents} văn bản, ${p.gaps} thiếu sót, ${p.uncovered_units} đơn vị chưa triển khai`;
        const known = refresh ? have.get(p.name) : null;
        if (known) { // after a correction: the same options, the totals as they are now
          known.textContent = text;
          known.dataset.gaps = p.gaps;
          known.dataset.uncovered = p.uncovered_units;
        } else if (!refresh) {
          sel.append(el('option', { value: p.name, title: p.note || '', 'data-gaps': p.gaps, 'data-uncovered': p.uncovered_units }, text));
        }
      }
    } catch (err) {
      setStatus(`Không tải được danh sách tỉnh/thành: ${err.message}`, true);
    }
  }

  /** Add the documents one step up (what `key` rests on) or down (what rests on it). */
  async function expand(key, direction) {
    const k = key || selected;
    if (!k) return [];
    setBusy(true);
    const where = direction === 'up' ? 'phía trên' : 'phía dưới';
    try {
      const data = await api('graph', { root: k, depth: 1 });
      const links = (data.edges || []).filter((e) => (direction === 'up' ? e.source === k : e.target === k));
      const want = new Set(links.map((e) => (direction === 'up' ? e.target : e.source)));
      want.add(k);
      const added = merge((data.nodes || []).filter((n) => want.has(n.id)), data.edges || []);
      if (network) {
        network.selectNodes([k]);
        network.fit({ nodes: [...want].filter((id) => raw.has(id)), animation: false });
      }
      showCounts(added.length ? `Đã thêm ${added.length} văn bản ${where} ${labelOf(k)}.` : `Không có thêm văn bản nào ${where} ${labelOf(k)}.`);
      return added;
    } catch (err) {
      setStatus(`Không mở rộng được: ${err.message}`, true);
      return [];
    } finally {
      setBusy(false);
    }
  }

  /** Draw a document that is not drawn yet (with its links to what is drawn), then select it. */
  async function reveal(key) {
    if (!raw.has(key)) {
      try {
        const data = await api('graph', { root: key, depth: 1 });
        merge((data.nodes || []).filter((n) => n.id === key), data.edges || []);
      } catch (err) {
        setStatus(`Không tìm thấy văn bản ${key}: ${err.message}`, true);
        return;
      }
    }
    if (network) network.focus(key, { scale: Math.max(network.getScale(), 0.8), animation: false });
    await select(key);
  }

  // ---------- side panel ----------
  function closePanel() {
    selected = null;
    panelToken += 1;
    $('panel').hidden = true;
    delete $('panel').dataset.key;
    if (network) network.unselectAll();
  }

  /** A link to a document: its Lược đồ from the document view, its place in the drawing elsewhere. */
  function docLink(key, label) {
    return el('a', {
      class: 'doc', href: `?view=doc&key=${encodeURIComponent(key)}`, title: key,
      onclick: (ev) => {
        if (ev.ctrlKey || ev.metaKey) return;
        ev.preventDefault();
        if (view === 'doc') go('doc', { key }); else reveal(key);
      },
    }, label || labelOf(key));
  }

  function related(g, n) {
    const keys = (Array.isArray(g.related) ? g.related : [g.related]).filter((k) => k && k !== n.id);
    if (!keys.length) return null;
    const out = el('div', {}, 'Liên quan: ');
    keys.forEach((k, i) => { if (i) out.append(', '); out.append(docLink(k)); });
    return out;
  }

  function quotes(evidence) {
    const seen = new Set();
    const out = [];
    for (const ev of evidence || []) {
      const text = ev && ev.text ? String(ev.text).trim() : '';
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const file = ev.file ? String(ev.file).split('/').pop() : '';
      const where = file ? `${file}${ev.start !== undefined && ev.start !== null ? ` [${ev.start}–${ev.end}]` : ''}` : '';
      out.push(el('blockquote', { title: ev.file || '' }, text, where ? el('div', { class: 'src' }, where) : null));
    }
    return out;
  }

  function identityList(n, onEdit) {
    const dl = el('dl');
    const row = (k, v, field) => {
      if (!v) return;
      const edit = onEdit && field ? el('button', {
        type: 'button', class: 'rv-edit', 'data-field': field, title: `${ACTION_LABELS.set || 'Sửa'}: ${k}`,
        'aria-label': `${ACTION_LABELS.set || 'Sửa'}: ${k}`, onclick: () => onEdit(field),
      }, '✎') : null;
      dl.append(el('dt', {}, k), el('dd', {}, v, edit));
    };
    row('Số hiệu', n.number, 'number');
    row('Loại văn bản', n.doc_type, 'doc_type');
    row('Cơ quan ban hành', n.issuer, 'issuer');
    row('Cấp', levelLabel(n.level), 'level');
    row('Tỉnh/thành', n.province, 'province');
    if (n.province_at_issue && n.province_at_issue !== n.province) row('Tỉnh khi ban hành', n.province_at_issue, 'province_at_issue');
    row('Địa bàn', n.locality, 'locality');
    row('Ngày ban hành', dateVi(n.date), 'date');
    row('Trích yếu', n.title, 'title');
    row('Trạng thái', n.status === 'ingested' ? 'Đã nạp' : 'Chỉ được trích dẫn (chưa nạp)');
    if (n.catalog) row('Danh mục', 'Có trong danh mục văn bản gốc');
    if (n.ambiguous) row('Lưu ý', 'Nhận dạng chưa chắc chắn (có thể trùng số hiệu)');
    row('Khóa', n.id || n.key);
    return dl;
  }

  function edgeItems(list, otherEnd, emptyText) {
    if (!list.length) return [el('p', { class: 'muted' }, emptyText)];
    const ul = el('ul');
    for (const e of list) {
      const other = otherEnd(e);
      const rel = RELATIONS[e.relation] ? RELATIONS[e.relation].label : e.relation;
      const conf = typeof e.confidence === 'number' ? el('span', { class: 'tag' }, `tin cậy ${e.confidence.toFixed(2)}`) : null;
      const otherLabel = e.other_label || (e.other && (e.other.label || docName(e.other))) || labelOf(other);
      ul.append(el('li', {}, el('strong', {}, rel), ' ', docLink(other, otherLabel), conf, ...quotes(e.evidence)));
    }
    return [ul];
  }

  function gapItems(n, gaps) {
    if (gaps && gaps.length) {
      const ul = el('ul');
      for (const g of gaps) {
        ul.append(el('li', { class: 'gap' },
          el('strong', {}, `⚠ ${GAP_LABELS[g.kind] || g.kind}`),
          g.reason_text ? el('div', {}, g.reason_text) : null,
          g.due ? el('div', {}, `Hạn: ${dateVi(g.due)}`) : null,
          related(g, n),
          ...quotes(g.evidence)));
      }
      return [ul];
    }
    if ((n.gap_kinds || []).length) {
      return [el('ul', {}, ...n.gap_kinds.map((k) => el('li', { class: 'gap' }, el('strong', {}, `⚠ ${GAP_LABELS[k] || k}`))))];
    }
    return [el('p', { class: 'muted' }, 'Không phát hiện thiếu sót.')];
  }

  function deadlineItems(list) {
    const ul = el('ul');
    for (const d of list) {
      ul.append(el('li', {},
        el('strong', {}, dateVi(d.date)), d.report_due ? el('span', { class: 'tag warn' }, 'hạn báo cáo') : null,
        d.assignee ? el('div', {}, oneLine(d.assignee, 200)) : null,
        ...quotes(d.evidence ? (Array.isArray(d.evidence) ? d.evidence : [d.evidence]) : [])));
    }
    return [ul];
  }

  function renderPanel(n, detail, note) {
    const doc = Object.assign({}, n, detail ? (detail.document || detail.identity || detail.node || detail) : {});
    if (!doc.id) doc.id = doc.key || n.id;
    if (!doc.gap_kinds) doc.gap_kinds = n.gap_kinds || [];
    $('panel-title').textContent = docName(doc);
    const body = $('panel-body');
    body.replaceChildren();
    const tags = el('div');
    if ((doc.gap_kinds || []).length) tags.append(el('span', { class: 'tag warn' }, `⚠ ${doc.gap_kinds.length} loại thiếu sót`));
    tags.append(el('span', { class: 'tag' }, doc.status === 'ingested' ? 'Đã nạp' : 'Chỉ được trích dẫn'));
    body.append(tags);
    if (note) body.append(el('p', { class: 'muted' }, note));
    body.append(el('h3', {}, 'Thông tin văn bản'), identityList(doc));
    const sources = doc.sources || [];
    body.append(el('h3', {}, 'Tệp nguồn'));
    body.append(sources.length
      ? el('ul', {}, ...sources.map((s, i) => el('li', { class: 'src' }, sourceLink(doc.id, s, i))))
      : el('p', { class: 'muted' }, 'Chưa nạp văn bản này: chỉ biết qua các văn bản dẫn chiếu đến nó.'));
    body.append(el('h3', {}, 'Thiếu sót'), ...gapItems(doc, detail ? detail.gaps : null));
    const outs = detail && Array.isArray(detail.edges_out) ? detail.edges_out : [...rawEdges.values()].filter((e) => e.source === doc.id);
    const ins = detail && Array.isArray(detail.edges_in) ? detail.edges_in : [...rawEdges.values()].filter((e) => e.target === doc.id);
    body.append(el('h3', {}, `Căn cứ, dẫn chiếu (lên) — ${outs.length}`),
      ...edgeItems(outs, (e) => e.target, 'Không nêu văn bản căn cứ nào.'));
    body.append(el('h3', {}, `Văn bản thực hiện, báo cáo, dẫn chiếu (xuống) — ${ins.length}`),
      ...edgeItems(ins, (e) => e.source, 'Chưa có văn bản nào dẫn chiếu đến văn bản này.'));
    const deadlines = detail && Array.isArray(detail.deadlines) ? detail.deadlines : [];
    if (deadlines.length) body.append(el('h3', {}, 'Thời hạn'), ...deadlineItems(deadlines));
  }

  async function select(key) {
    const n = raw.get(key);
    if (!n) return;
    autoView = false;
    selected = key;
    const token = ++panelToken;
    const panel = $('panel');
    panel.hidden = false;
    panel.dataset.key = key;
    panel.dataset.loaded = '0';
    if (network) network.selectNodes([key]);
    renderPanel(n, null, 'Đang tải chi tiết…');
    try {
      const detail = await api(`documents/${encodeURIComponent(key)}`);
      if (token !== panelToken) return;
      renderPanel(n, detail, null);
    } catch (err) {
      if (token !== panelToken) return;
      renderPanel(n, null, `Không tải được chi tiết (${err.message}); dưới đây là những gì sơ đồ đang có.`);
    }
    panel.dataset.loaded = '1';
  }

  // ---------- source files ----------
  function sourceLink(key, path, i) {
    const name = String(path).split(/[\\/]/).pop() || `tệp ${i + 1}`;
    return el('a', {
      class: 'source', href: `documents/${encodeURIComponent(key)}/source?n=${i}`, target: '_blank', rel: 'noopener',
      title: 'Mở tệp gốc đã nạp',
    }, name);
  }

  // ---------- the URL: which view, which province, which document ----------
  let view = 'gaps';
  function params() {
    return new URLSearchParams(location.search);
  }
  function setUrl(values, push) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
    const qs = p.toString();
    const url = qs ? `?${qs}` : location.pathname;
    if (url === location.search) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }
  function province() {
    return $('province').value;
  }
  function provinceName() {
    return province() === 'unknown' ? 'chưa xác định tỉnh' : (province() || 'cả nước');
  }

  const TITLE = document.title;
  function show(name) {
    view = name;
    document.body.dataset.view = name;
    if (name !== 'doc') document.title = TITLE;
    for (const v of ['gaps', 'doc', 'graph']) {
      $(`view-${v}`).hidden = v !== name;
      $(`tab-${v}`).classList.toggle('on', v === name);
      if (v === name) $(`tab-${v}`).setAttribute('aria-current', 'page'); else $(`tab-${v}`).removeAttribute('aria-current');
    }
  }

  /** Go to a view (pushes a history entry: the browser's Back returns). */
  function go(name, extra) {
    const values = Object.assign({ view: name, province: province() }, extra || {});
    setUrl(values, true);
    return route();
  }

  async function route() {
    const p = params();
    const name = ['gaps', 'doc', 'graph'].includes(p.get('view')) ? p.get('view') : 'gaps';
    show(name);
    if (name === 'gaps') return showGaps();
    if (name === 'doc') return showDoc(p.get('key') || docKey);
    // The drawing was hidden: let vis-network measure its box again before fitting anything in it.
    if (network) { network.setSize('100%', '100%'); network.redraw(); }
    const f = { q: p.get('q') || '', province: province(), level: p.get('level') || '', root: p.get('root') || '', depth: p.get('depth') || '', chain: p.get('chain') || '', gaps_only: p.get('gaps_only') || '', limit: p.get('limit') || '' };
    $('q').value = f.q;
    $('level').value = f.level;
    $('gaps-only').checked = Boolean(f.gaps_only);
    if (f.chain && ![...$('chain').options].some((o) => o.value === f.chain)) $('chain').append(el('option', { value: f.chain }, labelOf(f.chain)));
    $('chain').value = f.chain;
    if (drawnFor === JSON.stringify(f)) { setStatus(statusOf.graph || ''); return null; }
    drawnFor = JSON.stringify(f);
    await load(f);
    statusOf.graph = $('status').textContent;
    if (network) network.redraw();
    return null;
  }
  let drawnFor = null;
  const statusOf = {};

  // ---------- the gap table (landing) ----------
  let table = null;
  let gapsFor = null;
  let gapSeq = 0;
  const SHORTCUTS = [
    { id: 'plans', kinds: ['no_basis', 'no_report'], text: 'Kế hoạch thiếu căn cứ hoặc báo cáo' },
    { id: 'overdue', kinds: ['report_overdue'] },
    { id: 'urged', kinds: ['urged_no_response'] },
    { id: 'chain', kinds: ['basis_missing', 'chain_broken'], text: 'Căn cứ chưa thu thập hoặc chuỗi căn cứ đứt' },
    { id: 'units', kinds: ['unit_coverage'], onlyWithRows: true },
  ];

  function gapState() {
    const p = params();
    const st = { q: p.get('gq') || '' };
    for (const f of GapTable.FACETS) st[f] = p.getAll(`g_${f}`);
    if (p.get('sort')) st.sort = p.get('sort');
    st.desc = p.get('desc') === '1';
    return st;
  }
  function writeGapState(st) {
    if (view !== 'gaps') return;
    const p = new URLSearchParams();
    p.set('view', 'gaps');
    if (province()) p.set('province', province());
    if ($('units').checked) p.set('units', '1');
    if (st.q) p.set('gq', st.q);
    for (const f of GapTable.FACETS) for (const v of st[f] || []) p.append(`g_${f}`, v);
    if (st.sort && st.sort !== 'kind') p.set('sort', st.sort);
    if (st.desc) p.set('desc', '1');
    history.replaceState(null, '', `?${p.toString()}`);
    renderShortcuts(st);
  }

  function renderShortcuts(st) {
    const box = $('shortcuts');
    box.replaceChildren(el('span', { class: 'muted' }, 'Lối tắt:'));
    const rows = table ? table.rows : [];
    const chosen = (st && st.kind) || [];
    for (const sc of SHORTCUTS) {
      const text = sc.text || sc.kinds.map((k) => GAP_LABELS[k] || k).join(' / ');
      const n = rows.filter((r) => sc.kinds.includes(r.kind)).length;
      if (sc.onlyWithRows && !n) continue;
      const on = chosen.length === sc.kinds.length && sc.kinds.every((k) => chosen.includes(k));
      box.append(el('button', {
        type: 'button', class: on ? 'chip on' : 'chip', 'data-shortcut': sc.id, 'aria-pressed': on ? 'true' : 'false',
        title: sc.kinds.map((k) => GAP_LABELS[k] || k).join('; '),
        onclick: () => table.setState({ kind: on ? [] : [...sc.kinds], q: '', level: [], unit: [], doc_type: [], directive: [], province: [] }),
      }, text, el('span', { class: 'fc' }, String(n))));
    }
  }

  async function showGaps() {
    const p = params();
    $('units').checked = p.get('units') === '1';
    const want = JSON.stringify([province(), $('units').checked]);
    if (!table) {
      table = GapTable($('gap-root'), {
        labels: LABELS,
        docHref: (r) => `?view=doc&key=${encodeURIComponent(r.document)}${province() ? `&province=${encodeURIComponent(province())}` : ''}`,
        onOpen: (r, ev) => {
          if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button === 1) return; // a new tab: let it
          ev.preventDefault();
          go('doc', { key: r.document });
        },
        onChange: writeGapState,
      });
    }
    if (gapsFor === want) {
      table.setState(gapState()); // Back to an earlier table: its choices are in its URL
      setStatus(statusOf.gaps || '');
      return null;
    }
    const mine = ++gapSeq;
    setBusy(true);
    setStatus(`Đang tải bảng thiếu sót — ${provinceName()}…${!province() && $('units').checked ? ' (kèm các đơn vị của cả nước: nhiều dòng, có thể mất vài giây)' : ''}`);
    try {
      const rows = await api('gaps/table', { province: province(), units: $('units').checked ? 'true' : '' });
      if (mine !== gapSeq) return null;
      gapsFor = want;
      const st = gapState(); // read before drawing: drawing writes the table's state to the URL
      table.setRows(rows, provinceName());
      table.setState(st);
      statusOf.gaps = `Bảng thiếu sót — ${provinceName()}: ${rows.length} dòng. Nhấp số hiệu để mở lược đồ văn bản.`;
      setStatus(statusOf.gaps);
    } catch (err) {
      if (mine === gapSeq) setStatus(`Không tải được bảng thiếu sót: ${err.message}`, true);
    } finally {
      if (mine === gapSeq) setBusy(false);
    }
    return null;
  }

  // ---------- the document view ("Lược đồ") ----------
  let docKey = null;
  let docSeq = 0;
  const UP_HEAD = (rel) => `Văn bản này ${rel}`;
  const DOWN_HEAD = (rel) => `Văn bản ${rel} văn bản này`;
  const RELATION_ORDER = ['implements', 'reports_on', 'urges', 'cites'];

  function kindTags(kinds) {
    return (kinds || []).map((k) => el('span', { class: 'tag warn', 'data-kind': k }, `⚠ ${GAP_LABELS[k] || k}`));
  }

  function entryCard(e, other, info, side) {
    const n = info || { id: other, label: labelOf(other) };
    const head = [n.number, n.doc_type].filter(Boolean).join(' · ') || n.label || other;
    const meta = [n.issuer, dateVi(n.date), n.province || (n.level === 'central' ? levelLabel('central') : '')].filter(Boolean).join(' · ');
    const ev = (e.evidence || []).find((x) => x && x.text);
    return el('li', { class: `entry${(n.gap_kinds || []).length ? ' has-gap' : ''}`, 'data-key': other, 'data-relation': e.relation },
      el('a', { class: 'doc', href: `?view=doc&key=${encodeURIComponent(other)}`, onclick: (ev2) => { if (ev2.ctrlKey || ev2.metaKey) return; ev2.preventDefault(); go('doc', { key: other }); } }, head),
      n.status === 'cited' ? el('span', { class: 'tag' }, 'chỉ được trích dẫn') : null,
      meta ? el('div', { class: 'meta' }, meta) : null,
      n.title ? el('div', { class: 'sub' }, oneLine(n.title, 160)) : null,
      (n.gap_kinds || []).length ? el('div', { class: 'tags' }, ...kindTags(n.gap_kinds)) : null,
      ev ? el('blockquote', { class: 'evidence', title: oneLine(ev.text, 1200) }, oneLine(ev.text, 170)) : null,
      reviewedTag(e),
      side ? linkTools(e, side) : null);
  }

  function band(title, list, otherEnd, info, head, emptyText, side) {
    const box = el('div', { class: 'band' }, el('h3', {}, title));
    const showAll = $('doc-all').checked;
    const prov = province();
    let hidden = 0;
    let any = false;
    for (const rel of [...RELATION_ORDER, ...new Set(list.map((e) => e.relation))].filter((r, i, a) => a.indexOf(r) === i)) {
      const group = list.filter((e) => e.relation === rel);
      if (!group.length) continue;
      const keep = group.filter((e) => {
        const n = info.get(otherEnd(e));
        if (showAll || !prov || !n) return true;
        if (n.level === 'central') return true;
        return prov === 'unknown' ? !n.province : GapTable.fold(n.province) === GapTable.fold(prov);
      });
      hidden += group.length - keep.length;
      if (!keep.length) continue;
      any = true;
      const label = RELATIONS[rel] ? RELATIONS[rel].label : rel;
      keep.sort((a, b) => String((info.get(otherEnd(a)) || {}).date || '').localeCompare(String((info.get(otherEnd(b)) || {}).date || '')));
      box.append(el('section', { class: 'group', 'data-relation': rel },
        el('h4', {}, head(label), el('span', { class: 'fc' }, String(keep.length))),
        el('ul', {}, ...keep.map((e) => entryCard(e, otherEnd(e), info.get(otherEnd(e)), side)))));
    }
    if (!any) box.append(el('p', { class: 'muted' }, emptyText));
    if (hidden) box.append(el('p', { class: 'muted hidden-note' }, `${hidden} văn bản của tỉnh/thành khác được ẩn — đánh dấu “Hiện văn bản của mọi tỉnh/thành” để xem.`));
    return box;
  }

  function centre(doc, detail, corrections) {
    const box = el('div', { class: 'centre card', 'data-key': doc.id });
    box.append(el('div', { class: 'kicker' }, [doc.doc_type ? (TYPE_LABELS[doc.doc_type] || doc.doc_type) : 'Văn bản', levelLabel(doc.level)].filter(Boolean).join(' · ')));
    box.append(el('h2', { id: 'doc-title' }, [doc.number, doc.doc_type].filter(Boolean).join(' · ') || doc.label || doc.id));
    if (doc.title) box.append(el('p', { class: 'title' }, doc.title));
    const editable = reviewer && doc.status === 'ingested';
    const left = el('div', { class: 'col' }, identityList(doc, editable ? (field) => editField(doc, field) : null));
    const sources = doc.sources || [];
    left.append(el('h3', {}, 'Tệp gốc'), sources.length
      ? el('ul', { class: 'sources' }, ...sources.map((s, i) => el('li', {}, sourceLink(doc.id, s, i))))
      : el('p', { class: 'muted' }, 'Chưa nạp văn bản này: chỉ biết qua các văn bản dẫn chiếu đến nó.'));
    const right = el('div', { class: 'col' }, el('h3', {}, `Thiếu sót của văn bản — ${(detail.gaps || []).length}`), ...gapItems(doc, detail.gaps || []));
    const deadlines = Array.isArray(detail.deadlines) ? detail.deadlines : [];
    if (deadlines.length) right.append(el('h3', {}, 'Thời hạn'), ...deadlineItems(deadlines));
    box.append(el('div', { class: 'cols' }, left, right));
    if (editable) box.append(documentTools(doc, corrections || []));
    return box;
  }

  let docCache = null; // [key, detail, info]
  async function showDoc(key) {
    docKey = key || null;
    const root = $('doc-root');
    if (!key) {
      root.replaceChildren(el('p', { class: 'muted' }, 'Chọn một văn bản trong bảng thiếu sót hoặc trên sơ đồ.'));
      setStatus('Chưa chọn văn bản.');
      return null;
    }
    const mine = ++docSeq;
    setBusy(true);
    try {
      if (!docCache || docCache[0] !== key) {
        setStatus(`Đang tải văn bản ${labelOf(key)}…`);
        const [detail, around] = await Promise.all([
          api(`documents/${encodeURIComponent(key)}`),
          api('graph', { root: key, depth: 1, limit: 5000, prefer_gaps: 'true' }),
        ]);
        if (mine !== docSeq) return null;
        const info = new Map((around.nodes || []).map((n) => [n.id, n]));
        docCache = [key, detail, info];
      }
      const [, detail, info] = docCache;
      const doc = Object.assign({ id: key }, info.get(key) || {}, detail, { id: key });
      let corrections = [];
      docDoubts = new Map();
      if (reviewer && detail.status === 'ingested') {
        const [made, queued] = await Promise.all([
          api('review/corrections', { document: key }),
          api('review/queue', { document: key, limit: 1000 }),
        ]);
        if (mine !== docSeq) return null;
        corrections = made;
        for (const item of queued.filter((i) => i.document === key)) docDoubts.set(item.kind === 'link' ? `link:${item.target}` : item.kind, item);
      }
      const up = band('Căn cứ, văn bản được dẫn chiếu (phía trên)', detail.edges_out || [], (e) => e.target, info, UP_HEAD, 'Văn bản này không nêu văn bản căn cứ nào.', 'up');
      up.classList.add('up');
      const down = band('Văn bản thực hiện, báo cáo, đôn đốc (phía dưới)', detail.edges_in || [], (e) => e.source, info, DOWN_HEAD, 'Chưa có văn bản nào thực hiện, báo cáo hay dẫn chiếu văn bản này.', 'down');
      down.classList.add('down');
      root.replaceChildren(up, el('div', { class: 'arrow', 'aria-hidden': 'true' }, '▲'), centre(doc, detail, corrections), el('div', { class: 'arrow', 'aria-hidden': 'true' }, '▲'), down);
      root.dataset.key = key;
      // Many bases above: open with the document's card near the top, the last bases still in view.
      const card = root.querySelector('.centre');
      const box = $('view-doc');
      if (card && up.offsetHeight > box.clientHeight * 0.45) box.scrollTop = Math.max(0, card.offsetTop - box.offsetTop - 140);
      else box.scrollTop = 0;
      $('doc-note').textContent = province() && !$('doc-all').checked ? `Đang lọc theo: ${provinceName()} (văn bản cấp ${levelLabel('central')} luôn hiện).` : '';
      document.title = `${docName(doc)} — Phả hệ văn bản chỉ đạo`;
      setStatus(`Lược đồ văn bản ${docName(doc)}: ${(detail.edges_out || []).length} liên kết lên, ${(detail.edges_in || []).length} liên kết xuống.`);
    } catch (err) {
      if (mine === docSeq) {
        root.replaceChildren(el('p', { class: 'error' }, `Không tải được văn bản ${key}: ${err.message}`));
        setStatus(`Không tải được văn bản: ${err.message}`, true);
      }
    } finally {
      if (mine === docSeq) setBusy(false);
    }
    return null;
  }

  async function loadDirectives() {
    try {
      const page = await api('documents', { level: 'central', include_cited: 'true', limit: 500 });
      const sel = $('chain');
      for (const d of page.items || []) {
        sel.append(el('option', { value: d.key }, [d.number, d.doc_type].filter(Boolean).join(' · ') || d.key));
      }
    } catch (err) {
      setStatus(`Không tải được danh sách chỉ thị: ${err.message}`, true);
    }
  }

  // ---------- review: corrections, only with a key of the review role ----------
  // The key is asked for in the document view, kept in this tab's sessionStorage, and sent as
  // X-API-Key. GET review/whoami says whose it is; nothing below is drawn without it. Every write
  // goes through the API (graph.review), which records the key's name as the author.
  const REVIEW_STORE = 'lineage.reviewKey';
  let reviewer = null; // {name, role} once review/whoami accepted the key
  let writes = 0;
  let docDoubts = new Map(); // the review queue's items of the document shown: "document", "link:<target>"

  function doubtTag(item) {
    if (!item) return null;
    const why = (item.doubts || []).map((d) => DOUBT_LABELS[d] || d).join('; ');
    return el('div', { class: 'tags' }, el('span', { class: 'tag doubt', 'data-doubts': (item.doubts || []).join(' '), title: `Điểm nghi vấn ${item.score}` }, `? ${why}`));
  }

  function reviewKey() {
    try { return sessionStorage.getItem(REVIEW_STORE) || ''; } catch (_) { return ''; }
  }

  async function whoami(token) {
    const resp = await fetch(new URL('review/whoami', document.baseURI), { headers: { Accept: 'application/json', 'X-API-Key': token }, credentials: 'same-origin' });
    const body = await resp.json().catch(() => null);
    if (!resp.ok) throw new Error((body && body.error) || `${resp.status}`);
    return body;
  }

  async function restoreReviewer() {
    const token = reviewKey();
    if (token) {
      try {
        const who = await whoami(token);
        reviewer = who.can_review ? who : null;
      } catch (_) {
        reviewer = null;
      }
      if (!reviewer) try { sessionStorage.removeItem(REVIEW_STORE); } catch (_) { /* private mode */ }
    }
    renderReviewBar();
  }

  async function useReviewKey(token) {
    if (!token) return;
    try {
      const who = await whoami(token);
      if (!who.can_review) {
        setStatus(`Khóa “${who.name}” có quyền “${who.role}”, không có quyền duyệt (review).`, true);
        return;
      }
      try { sessionStorage.setItem(REVIEW_STORE, token); } catch (_) { /* kept for this page only */ }
      reviewer = who;
      $('review-token').value = '';
      renderReviewBar();
      docCache = null;
      await showDoc(docKey);
      setStatus(`Đang duyệt với khóa “${who.name}”: các nút hiệu chỉnh hiện bên mỗi liên kết và thông tin văn bản.`);
    } catch (err) {
      setStatus(`Khóa duyệt không hợp lệ: ${err.message}`, true);
    }
  }

  function dropReviewKey() {
    try { sessionStorage.removeItem(REVIEW_STORE); } catch (_) { /* nothing kept */ }
    reviewer = null;
    renderReviewBar();
    // The tools go at once, not when the document view is drawn again.
    document.querySelectorAll('.rv, .rv-doc').forEach((el) => el.remove());
    docCache = null;
    if (view === 'doc') showDoc(docKey);
  }

  function renderReviewBar() {
    const on = Boolean(reviewer);
    document.body.dataset.review = on ? '1' : '0';
    $('review-token').hidden = on;
    $('review-use').hidden = on;
    $('review-off').hidden = !on;
    $('review-note').hidden = !on;
    $('review-who').textContent = on ? `Đang duyệt: ${reviewer.name}` : '';
  }

  /** POST a correction; after it, the document and the gap table are read again. */
  async function write(path, body, done) {
    setBusy(true);
    setStatus('Đang lưu hiệu chỉnh…');
    let answer = null;
    try {
      const resp = await fetch(new URL(path, document.baseURI), {
        method: 'POST', credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-API-Key': reviewKey() },
        body: JSON.stringify(body),
      });
      answer = await resp.json().catch(() => null);
      if (!resp.ok) throw new Error((answer && answer.error) || `${resp.status} ${resp.statusText}`);
    } catch (err) {
      setBusy(false);
      setStatus(`Không lưu được hiệu chỉnh: ${err.message}`, true);
      return null;
    }
    setBusy(false);
    $('review-note').value = ''; // a reason is for one correction: the next one gives its own
    docCache = null;
    gapsFor = null; // the gap table is read again when shown: a fixed row is gone
    drawnFor = null;
    const at = $('view-doc').scrollTop; // the official stays where they were working
    if (answer.document && answer.document !== docKey) { // a new number, place or year: a new key
      setUrl({ view: 'doc', province: province(), key: answer.document }, false);
      docKey = answer.document;
    }
    await showDoc(docKey);
    $('view-doc').scrollTop = at;
    loadProvinces(true); // the province totals change with the gaps (not awaited: the document is shown)
    const made = answer.corrections || [answer];
    const problems = made.filter((c) => c && c.problem).map((c) => c.problem);
    setStatus(problems.length ? `Đã lưu, nhưng: ${problems.join('; ')}` : (done || 'Đã lưu hiệu chỉnh.'), problems.length > 0);
    document.body.dataset.writes = String(++writes);
    return answer;
  }

  function note() {
    return $('review-note').value.trim();
  }

  function reviewMarks(e) {
    const marks = [];
    for (const ev of e.evidence || []) for (const m of (ev && ev.review) || []) marks.push(m);
    return marks;
  }

  function reviewedTag(e) {
    const marks = reviewMarks(e);
    if (!marks.length) return null;
    const last = marks[marks.length - 1];
    const text = `✓ ${ACTION_LABELS[last.action] || last.action} — ${last.by || '?'}, ${dateVi(String(last.at || '').slice(0, 10))}`;
    return el('div', { class: 'tags' }, el('span', { class: 'tag ok', title: last.note || '' }, text));
  }

  /** Confirm, reject, change the relation of, or retarget the link ``e`` (made on its citing document). */
  function linkTools(e, side) {
    if (!reviewer) return null;
    const base = { document: e.source, target: e.target };
    const rel = RELATIONS[e.relation] ? RELATIONS[e.relation].label : e.relation;
    const relSelect = el('select', {
      class: 'rv-rel', 'aria-label': `${ACTION_LABELS.relation || 'Sửa quan hệ'} (${rel})`,
      onchange: () => {
        const to = relSelect.value;
        if (!to) return;
        write('review/links', Object.assign({}, base, { action: 'relation', value: to, note: note() }),
          `Đã sửa quan hệ: ${rel} → ${RELATIONS[to] ? RELATIONS[to].label : to}.`);
      },
    }, el('option', { value: '' }, `${ACTION_LABELS.relation || 'Sửa quan hệ'}…`),
    ...Object.keys(RELATIONS).filter((r) => r !== e.relation).map((r) => el('option', { value: r }, RELATIONS[r].label)));
    const input = el('input', { type: 'text', required: true, placeholder: 'Số hiệu hoặc khóa của văn bản đúng', 'aria-label': 'Văn bản đúng' });
    const form = el('form', {
      class: 'rv-form', hidden: true,
      onsubmit: (ev) => {
        ev.preventDefault();
        write('review/links', Object.assign({}, base, { action: 'retarget', value: input.value.trim(), note: note() }), 'Đã trỏ liên kết tới văn bản khác.');
      },
    }, input, el('button', { type: 'submit' }, 'Lưu'));
    return el('div', { class: 'rv', 'data-review': 'link', 'data-side': side },
      side === 'up' ? doubtTag(docDoubts.get(`link:${e.target}`)) : null,
      el('button', {
        type: 'button', class: 'rv-confirm', title: `${ACTION_LABELS.confirm || 'Xác nhận'}: ${rel}`,
        onclick: () => write('review/links', Object.assign({}, base, { action: 'confirm', value: e.relation, note: note() }), 'Đã xác nhận liên kết.'),
      }, `✓ ${ACTION_LABELS.confirm || 'Xác nhận'}`),
      el('button', {
        type: 'button', class: 'rv-reject', title: 'Văn bản không dẫn chiếu văn bản này: bỏ liên kết',
        onclick: () => write('review/links', Object.assign({}, base, { action: 'reject', note: note() }), 'Đã bỏ liên kết.'),
      }, `✗ ${ACTION_LABELS.reject || 'Bỏ'}`),
      relSelect,
      el('button', { type: 'button', class: 'rv-retarget', onclick: () => { form.hidden = !form.hidden; if (!form.hidden) input.focus(); } },
        `${ACTION_LABELS.retarget || 'Trỏ tới văn bản khác'}…`),
      form);
  }

  let setForm = null; // the field form of the document shown: the ✎ buttons fill it
  function editField(doc, field) {
    if (!setForm) return;
    setForm.field.value = field;
    setForm.sync();
    const raw = field === 'level' ? doc.level : doc[field];
    if (raw) setForm.value().value = raw;
    setForm.value().focus();
  }

  function documentTools(doc, corrections) {
    const key = doc.id;
    const box = el('section', { class: 'rv-doc', 'data-review': 'document' }, el('h3', {}, 'Duyệt văn bản'));
    const doubt = docDoubts.get('document');
    if (doubt) box.append(el('div', { class: 'rv-why' }, 'Máy chưa chắc chắn: ', doubtTag(doubt)));
    box.append(el('div', { class: 'rv' },
      el('button', {
        type: 'button', class: 'rv-confirm-doc',
        onclick: () => write('review/documents', { document: key, action: 'confirm', note: note() }, 'Đã xác nhận thông tin văn bản.'),
      }, `✓ ${ACTION_LABELS.confirm || 'Xác nhận'} thông tin văn bản`),
      el('button', {
        type: 'button', class: 'rv-not-document',
        onclick: () => write('review/documents', { document: key, action: 'not_document', value: 'no', note: note() }, 'Đã đánh dấu: không phải văn bản chính thức.'),
      }, `✗ ${ACTION_LABELS.not_document || 'Không phải văn bản chính thức'}`)));

    // a field: choose it (or press ✎ beside it), give the value
    const fields = Object.keys(FIELD_LABELS);
    const field = el('select', { class: 'rv-field', 'aria-label': 'Thông tin cần sửa' }, ...fields.map((f) => el('option', { value: f }, FIELD_LABELS[f])));
    const slot = el('span', { class: 'rv-slot' });
    const text = el('input', { type: 'text', class: 'rv-value', 'aria-label': 'Giá trị đúng' });
    const level = el('select', { class: 'rv-value', 'aria-label': 'Cấp đúng' },
      ...['central', 'province', 'district', 'commune'].map((lv) => el('option', { value: lv }, levelLabel(lv))));
    const value = () => (field.value === 'level' ? level : text);
    const sync = () => {
      text.placeholder = field.value === 'date' ? 'YYYY-MM-DD' : (field.value === 'number' ? 'vd. 41/KH-UBND' : 'Giá trị đúng');
      slot.replaceChildren(value());
    };
    field.addEventListener('change', sync);
    sync();
    setForm = { field, value, sync };
    box.append(el('form', {
      class: 'rv-set',
      onsubmit: (ev) => {
        ev.preventDefault();
        const v = value().value.trim();
        write('review/documents', { document: key, action: 'set', field: field.value, value: v || null, note: note() },
          `Đã sửa ${FIELD_LABELS[field.value] || field.value}.`);
      },
    }, el('span', { class: 'lbl' }, `${ACTION_LABELS.set || 'Sửa thông tin'}:`), field, slot, el('button', { type: 'submit' }, 'Lưu')));

    // a link the text does not state
    const relation = el('select', { class: 'rv-add-rel', 'aria-label': 'Quan hệ' }, ...Object.keys(RELATIONS).map((r) => el('option', { value: r }, RELATIONS[r].label)));
    const target = el('input', { type: 'text', class: 'rv-add-target', required: true, placeholder: 'Số hiệu hoặc khóa văn bản', 'aria-label': 'Văn bản liên kết tới' });
    box.append(el('form', {
      class: 'rv-add',
      onsubmit: (ev) => {
        ev.preventDefault();
        if (!note()) { setStatus('Thêm liên kết: hãy ghi lý do (ô “Lý do”): văn bản không nêu liên kết này.', true); $('review-note').focus(); return; }
        write('review/add-link', { source: key, target: target.value.trim(), relation: relation.value, note: note() }, 'Đã thêm liên kết.');
      },
    }, el('span', { class: 'lbl' }, `${ACTION_LABELS.add_link || 'Thêm liên kết'}: văn bản này`), relation, target, el('button', { type: 'submit' }, 'Thêm')));

    // what was corrected, with undo
    box.append(el('h3', {}, `Hiệu chỉnh của văn bản này — ${corrections.length}`));
    if (!corrections.length) box.append(el('p', { class: 'muted' }, 'Chưa có hiệu chỉnh nào.'));
    else box.append(el('ul', { class: 'rv-list' }, ...corrections.slice().reverse().map(correctionItem)));
    return box;
  }

  function correctionWhat(c) {
    const rel = (r) => (RELATIONS[r] ? RELATIONS[r].label : r);
    if (c.action === 'relation') return `${c.number}: → ${rel(c.value)}`;
    if (c.action === 'confirm') return c.number ? `${c.number}${c.value ? ` (${rel(c.value)})` : ''}` : 'thông tin văn bản';
    if (c.action === 'reject') return c.number || '';
    if (c.action === 'retarget') return `${c.number} → ${c.value}`;
    if (c.action === 'add_link') return `${rel(c.field)} → ${c.value}`;
    if (c.action === 'set') return `${FIELD_LABELS[c.field] || c.field}: ${c.value === null ? '(xóa)' : c.value}`;
    if (c.action === 'not_document') return c.value === 'no' ? 'không phải văn bản chính thức' : 'là văn bản chính thức';
    return c.value || '';
  }

  function correctionItem(c) {
    const when = dateVi(String(c.created || '').slice(0, 10));
    return el('li', { class: c.undone ? 'undone' : '', 'data-id': c.id, 'data-action': c.action },
      el('strong', {}, ACTION_LABELS[c.action] || c.action), ' ', correctionWhat(c),
      el('div', { class: 'meta' }, `${c.author || '?'} · ${when}${c.note ? ` · “${c.note}”` : ''}`),
      c.problem ? el('div', { class: 'error' }, `Không áp dụng được: ${c.problem}`) : null,
      c.undone ? el('div', { class: 'muted' }, `Đã hoàn tác (${c.undone_by || '?'}, ${dateVi(String(c.undone).slice(0, 10))})`)
        : el('button', { type: 'button', class: 'rv-undo', onclick: () => write('review/undo', { id: c.id }, 'Đã hoàn tác hiệu chỉnh.') }, 'Hoàn tác'));
  }

  // ---------- wiring ----------
  function start() {
    network = new vis.Network($('graph'), { nodes, edges }, VIS_OPTIONS);
    network.on('click', (params2) => {
      autoView = false; // the side panel opening must not move what was clicked
      if (params2.nodes && params2.nodes.length) select(params2.nodes[0]);
    });
    network.on('dragStart', () => { autoView = false; });
    network.on('zoom', () => { autoView = false; });
    // The box changed size (a banner, the window): open the view again as it opened, unless moved.
    network.on('resize', () => { if (autoView && view === 'graph') setTimeout(readableZoom, 0); });
    network.on('doubleClick', (params2) => {
      if (params2.nodes && params2.nodes.length) go('doc', { key: params2.nodes[0] });
    });
    $('filters').addEventListener('submit', (ev) => {
      ev.preventDefault();
      drawnFor = null;
      go('graph', readFilters());
    });
    for (const id of ['level', 'chain', 'gaps-only']) $(id).addEventListener('change', () => go('graph', readFilters()));
    $('province').addEventListener('change', () => {
      const p = params();
      const values = { view, province: province() };
      if (view === 'doc') values.key = p.get('key') || docKey;
      if (view === 'graph') Object.assign(values, readFilters());
      if (view === 'gaps' && $('units').checked) values.units = '1';
      setUrl(values, true);
      route();
    });
    $('units').addEventListener('change', () => {
      setUrl({ view: 'gaps', province: province(), units: $('units').checked ? '1' : '' }, false);
      route();
    });
    $('doc-all').addEventListener('change', () => showDoc(docKey));
    $('doc-graph').addEventListener('click', () => { if (docKey) go('graph', { root: docKey, depth: '2' }); });
    $('reset').addEventListener('click', () => {
      $('q').value = '';
      $('level').value = '';
      $('chain').value = '';
      $('gaps-only').checked = false;
      go('graph', {});
    });
    for (const a of document.querySelectorAll('#tabs a')) {
      a.addEventListener('click', (ev) => {
        if (ev.ctrlKey || ev.metaKey) return;
        ev.preventDefault();
        go(a.dataset.view, a.dataset.view === 'doc' && docKey ? { key: docKey } : {});
      });
    }
    window.addEventListener('popstate', () => {
      const p = params();
      $('province').value = p.get('province') || '';
      route();
    });
    $('close').addEventListener('click', closePanel);
    $('open-doc').addEventListener('click', () => { if (selected) go('doc', { key: selected }); });
    $('expand-up').addEventListener('click', () => expand(selected, 'up'));
    $('expand-down').addEventListener('click', () => expand(selected, 'down'));
    $('focus').addEventListener('click', () => { if (selected) go('graph', { root: selected, depth: '2' }); });

    const initial = params();
    $('review-key').addEventListener('submit', (ev) => { ev.preventDefault(); useReviewKey($('review-token').value.trim()); });
    $('review-off').addEventListener('click', () => { dropReviewKey(); setStatus('Đã thoát chế độ duyệt.'); });
    const ready = loadLabels().then(() => Promise.all([loadProvinces(), loadDirectives(), restoreReviewer()])).then(() => {
      const prov = initial.get('province') || '';
      $('province').value = prov;
      if (prov && $('province').value !== prov) {
        $('province').append(el('option', { value: prov }, prov));
        $('province').value = prov;
      }
      return route();
    });
    window.lineageApp = {
      nodes, edges, raw, rawEdges, ready, load, expand, reveal, select, closePanel, go, route,
      get table() { return table; },
      get view() { return view; },
      get network() { return network; },
      get selected() { return selected; },
      get reviewer() { return reviewer; },
    };
  }

  if (typeof vis === 'undefined' || typeof GapTable === 'undefined') {
    document.addEventListener('DOMContentLoaded', () => setStatus('Không tải được thư viện của trang (static/vis-network.min.js, static/gaptable.js).', true));
    return;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
