/* Lineage browser app served at "/" by `lineage serve`.
 *
 * Plain JS, no framework, nothing from outside this server: vis-network comes from
 * static/vis-network.min.js and the data from the API's own routes
 *   GET graph?province=&level=&q=&root=&depth=   node-link JSON (graph.views.subgraph_json)
 *   GET provinces                                [{name, code, old_names, ...}]
 *   GET documents/{key}                          identity, edges_in, edges_out, deadlines, gaps
 *   GET labels                                   the label table of viz/i18n.py (gap kinds, levels,
 *                                                document types, relations), loaded before drawing
 * The colours mirror viz/browser.py (DOC_TYPE_COLORS, RELATION_STYLES, LEVEL_RANK).
 */
'use strict';
(function () {
  const LEVEL_RANK = { central: 0, province: 1, district: 2, commune: 3 };
  const UNKNOWN_RANK = 4;
  // Filled from GET labels (viz/i18n.py, the one label table) before anything is drawn.
  const LEVEL_LABELS = {};
  const GAP_LABELS = {};
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
    nodes: { shape: 'box', widthConstraint: { maximum: 150 }, font: { color: '#111111', face: 'sans-serif', size: 14 } },
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
    const resp = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    let body = null;
    try {
      body = await resp.json();
    } catch (_) {
      body = null;
    }
    if (!resp.ok) {
      const detail = body && (typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail || body));
      throw new Error(`${resp.status} ${detail || resp.statusText}`);
    }
    return body;
  }

  let done = 0;
  function setBusy(on) {
    document.body.dataset.state = on ? 'loading' : 'ready';
    if (!on) document.body.dataset.done = String(++done); // finished loads and expansions, for tests
    for (const id of ['search', 'reset', 'expand-up', 'expand-down', 'focus']) $(id).disabled = on;
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

  function visNode(n) {
    const fill = DOC_TYPE_COLORS[n.doc_type] || OTHER_COLOR;
    const gap = (n.gap_kinds || []).length > 0;
    return {
      id: n.id,
      label: (gap ? '⚠ ' : '') + (n.label || n.id),
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
    return parts.length ? ` — ${parts.join(', ')}` : '';
  }

  function showCounts(prefix) {
    const text = `${nodes.length} văn bản, ${edges.length} liên kết${describe(current)}.`;
    setStatus(prefix ? `${prefix} ${text}` : text);
  }

  function showBanner(data) {
    const b = $('banner');
    if (data && data.truncated) {
      b.textContent = `Đã lược bớt ${data.omitted_nodes} trên tổng số ${data.total_nodes} văn bản (giới hạn ${data.limit}). `
        + 'Hãy lọc theo tỉnh, cấp hoặc từ khóa để xem phần còn lại.';
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
    };
  }

  function writeUrl(f) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    const qs = p.toString();
    history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
  }

  let loadSeq = 0; // only the latest load draws: an older answer arriving late is dropped
  async function load(filters) {
    const f = filters || readFilters();
    const mine = ++loadSeq;
    setBusy(true);
    setStatus('Đang tải…');
    try {
      const data = await api('graph', { province: f.province, level: f.level, q: f.q, root: f.root, depth: f.depth });
      if (mine !== loadSeq) return;
      current = f;
      clearGraph();
      merge(data.nodes || [], data.edges || []);
      showBanner(data);
      writeUrl(f);
      if (network) network.fit({ animation: false });
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
      Object.assign(LEVEL_LABELS, table.levels || {});
      Object.assign(GAP_LABELS, table.gap_kinds || {});
      for (const [rel, label] of Object.entries(table.relations || {})) {
        if (RELATIONS[rel]) RELATIONS[rel].label = label;
      }
    } catch (err) {
      setStatus(`Không tải được bảng nhãn: ${err.message}`, true);
    }
  }

  async function loadProvinces() {
    try {
      const list = await api('provinces');
      const sel = $('province');
      for (const p of list || []) {
        const old = (p.old_names || []).filter(Boolean);
        // The totals every face shows for the province (GET provinces): document gaps, and apart
        // from them the units with no document carrying out a tracked directive.
        const name = p.code === 0 ? '(chưa xác định tỉnh)' : (old.length ? `${p.name} (gồm ${old.join(', ')})` : p.name);
        const text = `${name} — ${p.documents} văn bản, ${p.gaps} thiếu sót, ${p.uncovered_units} đơn vị chưa triển khai`;
        sel.append(el('option', { value: p.name, title: p.note || '', 'data-gaps': p.gaps, 'data-uncovered': p.uncovered_units }, text));
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

  function docLink(key, label) {
    return el('a', {
      class: 'doc', href: '#', title: key,
      onclick: (ev) => { ev.preventDefault(); reveal(key); },
    }, label || labelOf(key));
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

  function identityList(n) {
    const dl = el('dl');
    const row = (k, v) => { if (v) dl.append(el('dt', {}, k), el('dd', {}, v)); };
    row('Số hiệu', n.number);
    row('Loại văn bản', n.doc_type);
    row('Cơ quan ban hành', n.issuer);
    row('Cấp', levelLabel(n.level));
    row('Tỉnh/thành', n.province);
    if (n.province_at_issue && n.province_at_issue !== n.province) row('Tỉnh khi ban hành', n.province_at_issue);
    row('Địa bàn', n.locality);
    row('Ngày ban hành', dateVi(n.date));
    row('Trích yếu', n.title);
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
          g.related && g.related !== n.id ? el('div', {}, 'Liên quan: ', docLink(g.related)) : null,
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
      ? el('ul', {}, ...sources.map((s) => el('li', { class: 'src' }, String(s))))
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

  // ---------- wiring ----------
  function start() {
    network = new vis.Network($('graph'), { nodes, edges }, VIS_OPTIONS);
    network.on('click', (params) => {
      if (params.nodes && params.nodes.length) select(params.nodes[0]);
    });
    $('filters').addEventListener('submit', (ev) => {
      ev.preventDefault();
      load(readFilters());
    });
    $('province').addEventListener('change', () => load(readFilters()));
    $('level').addEventListener('change', () => load(readFilters()));
    $('reset').addEventListener('click', () => {
      $('q').value = '';
      $('province').value = '';
      $('level').value = '';
      load({});
    });
    $('close').addEventListener('click', closePanel);
    $('expand-up').addEventListener('click', () => expand(selected, 'up'));
    $('expand-down').addEventListener('click', () => expand(selected, 'down'));
    $('focus').addEventListener('click', () => { if (selected) load({ root: selected, depth: '2' }); });

    const p = new URLSearchParams(location.search);
    const initial = { q: p.get('q') || '', province: p.get('province') || '', level: p.get('level') || '', root: p.get('root') || '', depth: p.get('depth') || '' };
    $('q').value = initial.q;
    $('level').value = initial.level;
    const ready = loadLabels().then(loadProvinces).then(() => {
      $('province').value = initial.province;
      if (initial.province && $('province').value !== initial.province) {
        $('province').append(el('option', { value: initial.province }, initial.province));
        $('province').value = initial.province;
      }
      return load(initial);
    });
    window.lineageApp = {
      nodes, edges, raw, rawEdges, ready, load, expand, reveal, select, closePanel,
      get network() { return network; },
      get selected() { return selected; },
    };
  }

  if (typeof vis === 'undefined') {
    document.addEventListener('DOMContentLoaded', () => setStatus('Không tải được thư viện vẽ sơ đồ (static/vis-network.min.js).', true));
    return;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
