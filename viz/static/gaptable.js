/* The gap table: facets with counts, search, sort and "download what I see" (CSV, XLSX, JSON).
 *
 * One component for both faces: the served app (static/gaptable.js) and the offline browser.html
 * (viz/browser.py inlines this file). Rows are the API's GET gaps/table rows (viz.browser.gap_table_rows);
 * every label comes from the label table (GET labels, viz/i18n.py), the reason text from the row's
 * reason_text (rendered from the reason code on the server). Nothing here fetches anything.
 *
 *   const t = GapTable(container, { labels, docHref(row), onOpen(row, event), onChange(state) });
 *   t.setRows(rows, scopeText); t.setState({kind: ['no_basis'], q: 'x'}); t.visible(); t.download('csv');
 */
'use strict';
(function (global) {
  const PAGE = 200; // rows drawn at a time ("Xem thêm" draws more)
  const FACETS = [
    { id: 'kind', title: 'Loại thiếu sót', values: (r) => [r.kind], label: (L, v) => L.gap_kinds[v] || v },
    { id: 'province', title: 'Tỉnh/thành', values: (r) => [r.province || ''], label: (L, v) => v || '(chưa xác định tỉnh)', many: true },
    { id: 'level', title: 'Cấp', values: (r) => [r.level || 'unknown'], label: (L, v) => L.levels[v] || v },
    { id: 'doc_type', title: 'Loại văn bản', values: (r) => [r.doc_type || 'unknown'], label: (L, v) => L.doc_types[v] || v },
    { id: 'unit', title: 'Đơn vị', values: (r) => [r.unit || ''], label: (L, v) => v || '(không rõ)', many: true },
    {
      id: 'directive', title: 'Chỉ thị, nghị quyết gốc',
      values: (r) => ((r.directives || []).length ? r.directives.map((d) => d.key) : ['']),
      label: (L, v, names) => (v ? names.get(v) || v : '(chưa nối tới văn bản Trung ương)'), many: true,
    },
  ];
  const COLUMNS = [
    { id: 'kind', title: 'Thiếu sót', key: (r, L) => L.gap_kinds[r.kind] || r.kind },
    { id: 'document', title: 'Văn bản', key: (r) => [r.number || '', r.doc_type || ''].join(' ') },
    { id: 'unit', title: 'Đơn vị', key: (r) => r.unit || r.issuer || '' },
    { id: 'level', title: 'Cấp', key: (r, L) => L.levels[r.level || 'unknown'] || '' },
    { id: 'province', title: 'Tỉnh/thành', key: (r) => r.province || '' },
    { id: 'date', title: 'Ngày', key: (r) => r.date || '' },
    { id: 'due', title: 'Hạn', key: (r) => r.due || '' },
    { id: 'reason', title: 'Lý do', key: (r) => r.reason_text || '' },
  ];
  // The columns of a download ([title, value]); XLSX and CSV alike.
  const EXPORT = [
    ['Loại thiếu sót', (r, L) => L.gap_kinds[r.kind] || r.kind],
    ['Số hiệu', (r) => r.number || ''],
    ['Loại văn bản', (r) => r.doc_type || ''],
    ['Trích yếu', (r) => r.title || ''],
    ['Cơ quan ban hành', (r) => r.issuer || ''],
    ['Đơn vị', (r) => r.unit || ''],
    ['Cấp', (r, L) => L.levels[r.level || 'unknown'] || ''],
    ['Tỉnh/thành', (r) => r.province || ''],
    ['Tỉnh khi ban hành', (r) => r.province_at_issue || ''],
    ['Ngày ban hành', (r) => dateVi(r.date)],
    ['Hạn', (r) => dateVi(r.due)],
    ['Lý do', (r) => r.reason_text || ''],
    ['Chỉ thị, nghị quyết gốc', (r) => (r.directives || []).map((d) => d.label).join('; ')],
    ['Dẫn chứng', (r) => ((r.evidence || [])[0] || {}).text || ''],
    ['Khóa văn bản', (r) => r.document],
  ];

  function fold(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function dateVi(d) {
    return d ? String(d).split('-').reverse().join('/') : '';
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
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

  // ---------- files ----------
  function csvCell(v) {
    let s = String(v === null || v === undefined ? '' : v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // not a formula when opened in a spreadsheet
    return /[",\n\r;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv(table) {
    return '\ufeff' + table.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
  const CRC = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  /** A zip archive of stored (uncompressed) files: [[name, string]] → Uint8Array. */
  function zip(files) {
    const enc = new TextEncoder();
    const parts = [];
    const central = [];
    let offset = 0;
    for (const [name, text] of files) {
      const nameB = enc.encode(name);
      const data = enc.encode(text);
      const crc = crc32(data);
      const local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true);
      local.setUint16(12, 33, true); // 1980-01-01
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, nameB.length, true);
      parts.push(new Uint8Array(local.buffer), nameB, data);
      const cd = new DataView(new ArrayBuffer(46));
      cd.setUint32(0, 0x02014b50, true);
      cd.setUint16(4, 20, true);
      cd.setUint16(6, 20, true);
      cd.setUint16(8, 0x0800, true);
      cd.setUint16(14, 33, true);
      cd.setUint32(16, crc, true);
      cd.setUint32(20, data.length, true);
      cd.setUint32(24, data.length, true);
      cd.setUint16(28, nameB.length, true);
      cd.setUint32(42, offset, true);
      central.push(new Uint8Array(cd.buffer), nameB);
      offset += 30 + nameB.length + data.length;
    }
    const cdSize = central.reduce((s, p) => s + p.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, files.length, true);
    end.setUint16(10, files.length, true);
    end.setUint32(12, cdSize, true);
    end.setUint32(16, offset, true);
    const all = [...parts, ...central, new Uint8Array(end.buffer)];
    const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of all) { out.set(p, at); at += p.length; }
    return out;
  }
  function xml(s) {
    return String(s === null || s === undefined ? '' : s)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function colName(i) {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  /** An XLSX workbook of one sheet (inline strings, header row frozen). */
  function toXlsx(table, sheetName) {
    const rows = table.map((row, r) => `<row r="${r + 1}">` + row.map((v, c) =>
      `<c r="${colName(c)}${r + 1}" t="inlineStr"${r === 0 ? ' s="1"' : ''}><is><t xml:space="preserve">${xml(v)}</t></is></c>`).join('') + '</row>').join('');
    const ns = 'http://schemas.openxmlformats.org';
    return zip([
      ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`],
      ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`],
      ['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${ns}/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`],
      ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${rows}</sheetData></worksheet>`],
    ]);
  }
  function save(name, type, body) {
    const url = URL.createObjectURL(new Blob([body], { type }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  // ---------- the component ----------
  function GapTable(root, options) {
    const opts = options || {};
    const L = { gap_kinds: {}, levels: {}, doc_types: {}, relations: {} };
    let rows = [];
    let scope = '';
    let state = { q: '', sort: 'kind', desc: false };
    for (const f of FACETS) state[f.id] = [];
    let shown = PAGE;
    const names = new Map(); // directive key -> label
    const open = new Set(); // facets showing all their values

    const search = el('input', { type: 'search', id: 'gap-q', placeholder: 'Tìm trong bảng: số hiệu, trích yếu, đơn vị, lý do…', 'aria-label': 'Tìm trong bảng thiếu sót' });
    const count = el('span', { id: 'gap-count', role: 'status', 'aria-live': 'polite' });
    const clear = el('button', { type: 'button', id: 'gap-clear' }, 'Bỏ chọn');
    const dl = (fmt, text) => el('button', { type: 'button', class: 'dl', 'data-format': fmt, title: `Tải các dòng đang hiển thị (${text})` }, text);
    const facetsBox = el('div', { id: 'gap-facets', class: 'facets', 'aria-label': 'Lọc theo nhóm' });
    const table = el('table', { id: 'gap-table', class: 'gaps' });
    const more = el('button', { type: 'button', id: 'gap-more', hidden: true }, 'Xem thêm');
    root.replaceChildren(
      facetsBox,
      el('div', { class: 'gap-main' },
        el('div', { class: 'gap-tools' }, search, count, clear,
          el('span', { class: 'dls' }, 'Tải những gì đang xem: ', dl('csv', 'CSV'), dl('xlsx', 'XLSX'), dl('json', 'JSON'))),
        el('div', { class: 'gap-scroll' }, table, more)));

    let timer = null;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.q = search.value; shown = PAGE; render(); }, 150);
    });
    clear.addEventListener('click', () => setState({ q: '', kind: [], province: [], level: [], doc_type: [], unit: [], directive: [] }));
    for (const b of root.querySelectorAll('button.dl')) b.addEventListener('click', () => download(b.dataset.format));
    more.addEventListener('click', () => { shown += PAGE; renderRows(); });

    function matches(r, skip) {
      for (const f of FACETS) {
        if (f.id === skip || !state[f.id].length) continue;
        if (!f.values(r).some((v) => state[f.id].includes(v))) return false;
      }
      if (state.q) {
        const words = fold(state.q).split(/\s+/).filter(Boolean);
        const hay = r._hay;
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    }

    function visible() {
      const col = COLUMNS.find((c) => c.id === state.sort) || COLUMNS[0];
      const out = rows.filter((r) => matches(r, null));
      const kindOrder = Object.keys(L.gap_kinds);
      out.sort((a, b) => {
        let d = 0;
        if (col.id === 'kind') d = kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind);
        else d = String(col.key(a, L)).localeCompare(String(col.key(b, L)), 'vi', { numeric: true });
        if (!d) d = String(a.number || a.document).localeCompare(String(b.number || b.document), 'vi', { numeric: true });
        return state.desc ? -d : d;
      });
      return out;
    }

    function renderFacets() {
      facetsBox.replaceChildren();
      for (const f of FACETS) {
        const counts = new Map();
        for (const r of rows) {
          if (!matches(r, f.id)) continue;
          for (const v of new Set(f.values(r))) counts.set(v, (counts.get(v) || 0) + 1);
        }
        for (const v of state[f.id]) if (!counts.has(v)) counts.set(v, 0);
        const values = [...counts.entries()];
        if (values.length <= 1 && !state[f.id].length) continue; // nothing to choose
        if (f.id === 'kind') {
          const order = Object.keys(L.gap_kinds);
          values.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
        } else {
          values.sort((a, b) => b[1] - a[1] || String(f.label(L, a[0], names)).localeCompare(String(f.label(L, b[0], names)), 'vi'));
        }
        const limit = f.many && !open.has(f.id) ? 8 : values.length;
        const list = el('ul');
        for (const [v, n] of values.slice(0, limit)) {
          const on = state[f.id].includes(v);
          const box = el('input', { type: 'checkbox', checked: on, 'data-facet': f.id, 'data-value': v });
          box.addEventListener('change', () => {
            const next = new Set(state[f.id]);
            if (box.checked) next.add(v); else next.delete(v);
            setState({ [f.id]: [...next] });
          });
          list.append(el('li', {}, el('label', { class: on ? 'on' : '' }, box, el('span', { class: 'fv' }, f.label(L, v, names)), el('span', { class: 'fc' }, String(n)))));
        }
        const section = el('section', { class: 'facet', 'data-facet': f.id }, el('h3', {}, f.title), list);
        if (values.length > limit || open.has(f.id)) {
          section.append(el('button', {
            type: 'button', class: 'link',
            onclick: () => { if (open.has(f.id)) open.delete(f.id); else open.add(f.id); renderFacets(); },
          }, open.has(f.id) ? 'Thu gọn' : `Xem tất cả (${values.length})`));
        }
        facetsBox.append(section);
      }
    }

    function cell(r, col) {
      if (col.id === 'document') {
        const head = [r.number, r.doc_type].filter(Boolean).join(' · ') || r.document;
        const href = opts.docHref ? opts.docHref(r) : null;
        const link = el('a', { class: 'doc', href: href || '#', title: r.document, 'data-key': r.document }, head);
        link.addEventListener('click', (ev) => { if (opts.onOpen) opts.onOpen(r, ev); });
        return el('td', {}, link, r.title ? el('div', { class: 'sub' }, oneLine(r.title, 140)) : null);
      }
      if (col.id === 'kind') return el('td', {}, el('span', { class: `kind k-${r.kind}` }, col.key(r, L)));
      if (col.id === 'unit') return el('td', {}, r.unit || r.issuer || '', r.unit && r.issuer && r.issuer !== r.unit ? el('div', { class: 'sub' }, r.issuer) : null);
      if (col.id === 'date' || col.id === 'due') return el('td', { class: 'num' }, dateVi(r[col.id]));
      if (col.id === 'reason') {
        const ev = (r.evidence || []).find((e) => e && e.text);
        return el('td', { class: 'reason' }, r.reason_text || '',
          ev ? el('details', {}, el('summary', {}, 'Dẫn chứng'), el('blockquote', {}, oneLine(ev.text, 400))) : null);
      }
      return el('td', {}, col.key(r, L));
    }

    let current = [];
    function renderRows() {
      const body = el('tbody');
      for (const r of current.slice(0, shown)) body.append(el('tr', { 'data-kind': r.kind, 'data-key': r.document }, ...COLUMNS.map((c) => cell(r, c))));
      table.replaceChildren(head(), body);
      more.hidden = current.length <= shown;
      more.textContent = `Xem thêm (${Math.min(PAGE, current.length - shown)} trong ${current.length - shown} dòng còn lại)`;
    }
    function head() {
      const tr = el('tr');
      for (const c of COLUMNS) {
        const on = state.sort === c.id;
        const b = el('button', { type: 'button', class: 'sort', 'data-sort': c.id, title: 'Sắp xếp theo cột này' }, c.title, on ? (state.desc ? ' ▼' : ' ▲') : '');
        b.addEventListener('click', () => setState(on ? { desc: !state.desc } : { sort: c.id, desc: false }));
        tr.append(el('th', { 'aria-sort': on ? (state.desc ? 'descending' : 'ascending') : 'none' }, b));
      }
      return el('thead', {}, tr);
    }

    function render() {
      current = visible();
      renderFacets();
      renderRows();
      const filtered = current.length !== rows.length;
      count.textContent = rows.length
        ? (filtered ? `${current.length} / ${rows.length} thiếu sót` : `${rows.length} thiếu sót`) + (scope ? ` — ${scope}` : '')
        : `Không có thiếu sót nào${scope ? ` — ${scope}` : ''}.`;
      clear.disabled = !filtered;
      root.dataset.rows = String(current.length);
      if (opts.onChange) opts.onChange(getState());
    }

    function getState() {
      const s = { q: state.q, sort: state.sort, desc: state.desc };
      for (const f of FACETS) s[f.id] = [...state[f.id]];
      return s;
    }
    function setState(next) {
      state = Object.assign({}, state, next || {});
      for (const f of FACETS) if (!Array.isArray(state[f.id])) state[f.id] = state[f.id] ? [state[f.id]] : [];
      if (search.value !== (state.q || '')) search.value = state.q || '';
      shown = PAGE;
      render();
    }
    function setLabels(table) {
      for (const k of Object.keys(L)) L[k] = Object.assign({}, (table || {})[k] || {});
    }
    function setRows(list, scopeText) {
      rows = (list || []).map((r) => Object.assign({}, r, {
        _hay: fold([r.number, r.doc_type, r.title, r.issuer, r.unit, r.province, r.reason_text, r.document,
          ...(r.directives || []).map((d) => d.label), L.gap_kinds[r.kind]].join(' ')),
      }));
      names.clear();
      for (const r of rows) for (const d of r.directives || []) names.set(d.key, d.label);
      scope = scopeText || '';
      shown = PAGE;
      render();
    }
    function exportTable(list) {
      return [EXPORT.map((c) => c[0]), ...list.map((r) => EXPORT.map((c) => c[1](r, L)))];
    }
    function download(fmt) {
      const list = visible();
      const stem = `thieu-sot-${fold(scope || 'toan-quoc').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'toan-quoc'}`;
      if (fmt === 'json') {
        // The rows as the API gives them, without the server's own folders: file names only.
        const base = (f) => (f ? String(f).split(/[\\/]/).pop() : f);
        const clean = list.map((r) => {
          const c = Object.assign({}, r, { source: base(r.source), evidence: (r.evidence || []).map((e) => Object.assign({}, e, { file: base(e.file) })) });
          delete c._hay;
          return c;
        });
        save(`${stem}.json`, 'application/json', JSON.stringify(clean, null, 2));
      } else if (fmt === 'xlsx') {
        save(`${stem}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', toXlsx(exportTable(list), 'Thiếu sót'));
      } else {
        save(`${stem}.csv`, 'text/csv;charset=utf-8', toCsv(exportTable(list)));
      }
    }

    if (opts.labels) setLabels(opts.labels);
    return { setRows, setLabels, setState, getState, visible, download, get rows() { return rows; } };
  }

  GapTable.fold = fold;
  GapTable.dateVi = dateVi;
  GapTable.FACETS = FACETS.map((f) => f.id);
  global.GapTable = GapTable;
}(typeof window !== 'undefined' ? window : this));
