/* memroot-report --format=html: the page's script (inlined into the page).
   Draws, from the model embedded in the page (html.py's Page.model), the
   parts that move: tables that sort and filter and hold only the rows in
   view, the dominator tree (with the suspects' accumulation points) and
   the flame graphs (click to zoom), the heap timeline.  No library and nothing fetched.
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
'use strict';
(function () {
  const started = performance.now();
  const M = JSON.parse(document.getElementById('memroot-data').textContent);
  const KINDS = ['definite', 'indirect', 'possible', 'reachable'];
  const KIND_NAMES = { definite: 'definitely lost', indirect: 'indirectly lost',
    possible: 'possibly lost', reachable: 'still reachable' };
  // Flags of records and frames, as html.py writes them.
  const ERROR = 2, SUPPRESSED = 4;
  const ALLOCATOR = 2, OWN = 4;
  const F = M.frames;
  // The frame that names each stack: the records' and the sites' rows
  // carry theirs, M.top the others'.
  M.records.forEach(r => { M.top[r[6]] = r[9]; });
  if (M.profile) M.profile.sites.forEach(s => { M.top[s[0]] = s[10]; });

  const fmt = v => (v === null || v === undefined) ? '' :
    Number(v).toLocaleString('en-US');
  const pct = (part, whole) => whole ? (100 * part / whole).toFixed(1) + '%' :
    '0.0%';
  function esc(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;',
      '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function make(tag, cls, html) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }

  /* ------------------------------------------------------ frames, stacks */

  function where(row) {
    if (row[1]) return (row[5] || row[1]) + ':' + row[2];
    return row[3] ? 'in ' + row[3] : row[6];
  }
  function sourceHtml(i, row) {
    const s = M.source[i];
    if (!s) return '';
    return '<pre class="src">' + s[1].map((line, k) =>
      '<span class="' + (s[0] + k === row[2] ? 'hl' : '') + '"><b>' +
      (s[0] + k) + '</b> ' + esc(line) + '</span>\n').join('') + '</pre>';
  }
  function framesHtml(ids) {
    return '<ol class="stack">' + ids.map(i => {
      const row = F[i];
      const cls = row[4] & OWN ? 'own' : row[4] & ALLOCATOR ? 'alloc' : '';
      return '<li class="' + cls + '"><code>' + esc(row[0]) +
        '</code> <span class="at">' + esc(where(row)) + '</span>' +
        sourceHtml(i, row) + '</li>';
    }).join('') + '</ol>';
  }
  const stackHtml = s => framesHtml(M.stacks[s]);
  // The frame that names a stack (html.py computed it); root first names.
  function topFrame(s) {
    const t = M.top[s];
    return t === undefined ? M.stacks[s][0] : t;
  }
  function topHtml(s) {
    const row = F[topFrame(s)];
    return esc(row[0]) + ' <small>' + esc(where(row)) + '</small>';
  }
  const rootFirst = s => M.stacks[s].slice().reverse().map(i => F[i][0]);
  const stackTexts = new Map();
  function stackText(s) {
    let t = stackTexts.get(s);
    if (t === undefined) {
      t = M.stacks[s].map(i => F[i][0] + ' ' + (F[i][1] || '') + ' ' +
        (F[i][3] || '')).join('\n').toLowerCase();
      stackTexts.set(s, t);
    }
    return t;
  }

  /* ------------------------------------------------- tables that scroll */

  // Rows are <details> of one height until opened; only the rows in view
  // (and a few around) are in the document.  An opened row keeps its
  // height while it scrolls out and back.
  class VTable {
    constructor(host, o) {
      this.o = o;
      this.n = o.count;
      this.open = new Set();
      this.extra = new Map();
      this.live = new Map();
      host.textContent = '';
      this.head = make('div', 'vhead ' + o.cls);
      o.columns.forEach((c, k) => {
        const h = make('span', 'c ' + (c.num ? 'r' : ''), esc(c.title));
        h.addEventListener('click', () => this.sortBy(k));
        this.head.appendChild(h);
      });
      this.body = make('div', 'vbody');
      this.space = make('div', 'vspace');
      this.body.appendChild(this.space);
      host.appendChild(this.head);
      host.appendChild(this.body);
      this.row = parseFloat(getComputedStyle(document.documentElement)
        .getPropertyValue('--row')) || 26;
      this.all = new Int32Array(this.n);
      for (let i = 0; i < this.n; i++) this.all[i] = i;
      this.view = this.all;
      this.pred = null;
      this.posOf = new Int32Array(this.n);
      this.queued = false;
      this.body.addEventListener('scroll', () => this.queue());
      window.addEventListener('resize', () => this.queue());
      this.sortBy(o.sort, o.desc);
    }
    sortBy(k, desc) {
      const c = this.o.columns[k];
      if (desc === undefined)
        desc = this.sortCol === k ? !this.desc : !!c.num;
      this.sortCol = k;
      this.desc = desc;
      const key = c.key, n = this.n;
      const keys = c.num ? new Float64Array(n) : new Array(n);
      for (let i = 0; i < n; i++) keys[i] = key(i);
      const sign = desc ? -1 : 1;
      const ids = Array.from(this.all);
      ids.sort((a, b) => (keys[a] < keys[b] ? -sign : keys[a] > keys[b] ?
        sign : a - b));
      this.all = Int32Array.from(ids);
      Array.from(this.head.children).forEach((h, j) => {
        h.classList.toggle('sorted-asc', j === k && !desc);
        h.classList.toggle('sorted-desc', j === k && desc);
      });
      this.filter(this.pred);
    }
    filter(pred) {
      this.pred = pred;
      this.view = pred ? this.all.filter(pred) : this.all;
      this.posOf.fill(-1);
      for (let p = 0; p < this.view.length; p++) this.posOf[this.view[p]] = p;
      this.body.scrollTop = 0;
      this.layout();
      if (this.o.onView) this.o.onView(this.view.length);
    }
    // The opened rows in view, by position: [position, extra height].
    openInView() {
      const out = [];
      this.open.forEach(id => {
        const p = this.posOf[id];
        if (p >= 0) out.push([p, this.extra.get(id) || 0]);
      });
      return out.sort((a, b) => a[0] - b[0]);
    }
    offset(p, opened) {
      let y = p * this.row;
      for (const [q, ex] of opened) { if (q < p) y += ex; else break; }
      return y;
    }
    indexAt(y, opened) {
      let acc = 0;
      for (const [q, ex] of opened) {
        const top = q * this.row + acc;
        if (y < top) break;
        if (y < top + this.row + ex) return q;
        acc += ex;
      }
      return Math.floor((y - acc) / this.row);
    }
    queue() {
      if (this.queued) return;
      this.queued = true;
      requestAnimationFrame(() => { this.queued = false; this.layout(); });
    }
    layout() {
      const opened = this.openInView();
      let total = this.view.length * this.row;
      for (const [, ex] of opened) total += ex;
      this.space.style.height = total + 'px';
      const top = this.body.scrollTop;
      const height = this.body.clientHeight || window.innerHeight;
      const first = Math.max(0, this.indexAt(top, opened) - 4);
      const last = Math.min(this.view.length - 1,
        this.indexAt(top + height, opened) + 4);
      const keep = new Set();
      for (let p = first; p <= last; p++) {
        const id = this.view[p];
        keep.add(id);
        let e = this.live.get(id);
        if (!e) {
          e = this.rowElement(id);
          this.live.set(id, e);
          this.space.appendChild(e);
        }
        e.style.top = this.offset(p, opened) + 'px';
      }
      this.live.forEach((e, id) => {
        if (!keep.has(id)) { e.remove(); this.live.delete(id); }
      });
    }
    rowElement(id) {
      const o = this.o;
      const d = make('details', 'row ' + o.cls + ' ' + (o.rowClass ?
        o.rowClass(id) : ''));
      d.dataset.i = id;
      d.innerHTML = '<summary>' + o.columns.map(c => '<span class="c ' +
        (c.num ? 'r ' : '') + (c.cls || '') + '">' + c.html(id) +
        '</span>').join('') + '</summary><div class="more"></div>';
      if (this.open.has(id)) {
        d.open = true;
        d.lastChild.innerHTML = o.more(id);
      }
      d.addEventListener('toggle', () => {
        if (d.open) {
          if (!d.lastChild.firstChild) d.lastChild.innerHTML = o.more(id);
          this.open.add(id);
          this.extra.set(id, d.offsetHeight - this.row);
        } else {
          this.open.delete(id);
          this.extra.delete(id);
        }
        this.layout();
      });
      return d;
    }
    // Brings row id into view and opens it.
    reveal(id) {
      const p = this.posOf[id];
      if (p < 0) return null;
      this.body.scrollTop = this.offset(p, this.openInView());
      this.layout();
      const e = this.live.get(id);
      if (e) e.open = true;
      return e;
    }
  }

  /* ------------------------------------------------------ loss records */

  // A record's last pointer, in the words html.py took from the text
  // report.
  function originHtml(o) {
    let h = '<h4 class="origin">' + esc(o.head) + '</h4>';
    if (o.stack !== null) h += stackHtml(o.stack);
    if (o.held) h += '<p class="held">' + esc(o.held) + '<br>' +
      esc(o.stored) + '</p>';
    return h;
  }
  function recordMore(i) {
    const r = M.records[i], k = KINDS[r[1]];
    let h = '<p>' + fmt(r[2]) + ' bytes in ' + fmt(r[5]) + ' blocks ' +
      KIND_NAMES[k];
    if (r[4]) h += ' (' + fmt(r[3]) + ' direct, ' + fmt(r[4]) +
      ' indirect: the blocks reached only through these)';
    h += ', loss record ' + fmt(r[0]) + ' of ' + fmt(M.records.length) +
      (r[7] & ERROR ? ', counted as an error' : '') +
      (r[7] & SUPPRESSED ? ', suppressed' : '') + '.</p>';
    h += '<h4>Allocated at</h4>' + stackHtml(r[6]);
    if (r[8] >= 0) h += originHtml(M.origins[r[8]]);
    return h;
  }

  let records = null;
  function drawRecords() {
    const host = $('#records-table');
    if (!host) return;
    const R = M.records;
    const counts = [0, 0, 0, 0];
    R.forEach(r => counts[r[1]]++);
    const tools = make('div', 'tools');
    tools.innerHTML = '<input type="search" id="records-filter" ' +
      'placeholder="filter: function, file or object"> ' +
      KINDS.map((k, j) => '<label class="k-' + k + '"><input type=' +
        '"checkbox" data-kind="' + j + '" checked> <span class="kind">' +
        KIND_NAMES[k] + '</span> (' + fmt(counts[j]) + ')</label>').join('') +
      '<label><input type="checkbox" id="records-errors"> errors only' +
      '</label><span class="count" id="records-shown"></span>';
    host.parentNode.insertBefore(tools, host);
    const count = $('#records-count');
    if (count) count.textContent = fmt(R.length) + ' loss records.';
    records = new VTable(host, {
      cls: 'rec', count: R.length, sort: 2, desc: true,
      rowClass: i => 'k-' + KINDS[R[i][1]] + (R[i][7] & SUPPRESSED ? ' sup' :
        ''),
      columns: [
        { title: '#', num: 1, cls: 'num', key: i => R[i][0],
          html: i => fmt(R[i][0]) },
        { title: 'kind', cls: 'kind', key: i => R[i][1],
          html: i => KIND_NAMES[KINDS[R[i][1]]] },
        { title: 'bytes', num: 1, key: i => R[i][2], html: i => fmt(R[i][2]) },
        { title: 'direct', num: 1, key: i => R[i][3],
          html: i => fmt(R[i][3]) },
        { title: 'indirect', num: 1, key: i => R[i][4],
          html: i => fmt(R[i][4]) },
        { title: 'blocks', num: 1, key: i => R[i][5],
          html: i => fmt(R[i][5]) },
        { title: 'first frame of the program', cls: 'fn',
          key: i => F[R[i][9]][0], html: i => topHtml(R[i][6]) }],
      more: recordMore,
      onView: shown => {
        $('#records-shown').textContent = shown === R.length ? '' :
          fmt(shown) + ' of ' + fmt(R.length) + ' shown';
      }
    });
    let timer = 0;
    const apply = () => {
      const q = $('#records-filter').value.trim().toLowerCase();
      const kinds = Array.from(tools.querySelectorAll('input[data-kind]'))
        .map(c => c.checked);
      const errorsOnly = $('#records-errors').checked;
      const all = !q && kinds.every(Boolean) && !errorsOnly;
      records.filter(all ? null : i => {
        const r = R[i];
        return kinds[r[1]] && (!errorsOnly || (r[7] & ERROR)) &&
          (!q || stackText(r[6]).includes(q));
      });
    };
    tools.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
  }

  /* ------------------------------------------------------ sortable tables */

  function sortable(table) {
    const heads = Array.from(table.tHead.rows[0].cells);
    const value = (row, k, num) => {
      const t = row.cells[k].textContent;
      return num ? parseFloat(t.replace(/[,%+]/g, '')) || 0 : t.toLowerCase();
    };
    heads.forEach((th, k) => th.addEventListener('click', () => {
      const num = th.dataset.type === 'num';
      const desc = th.classList.contains('sorted-desc') ? false :
        th.classList.contains('sorted-asc') ? true : num;
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = value(a, k, num), y = value(b, k, num);
        return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
      });
      rows.forEach(r => body.appendChild(r));
      heads.forEach(h => h.classList.remove('sorted-asc', 'sorted-desc'));
      th.classList.add(desc ? 'sorted-desc' : 'sorted-asc');
    }));
  }

  /* ------------------------------------------------------------ suspects */

  // The section is written by html.py; a lost suspect's records link to
  // their rows here.
  function linkSuspects() {
    const sec = $('#suspects');
    if (!sec) return;
    sec.addEventListener('click', ev => {
      const a = ev.target.closest('a[data-record]');
      if (!a || !records) return;
      const number = Number(a.dataset.record);
      const i = M.records.findIndex(r => r[0] === number);
      if (i >= 0) setTimeout(() => records.reveal(i), 0);
    });
  }

  /* ------------------------------------------ flame graphs and the tree */

  function colour(name, cool) {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) |
      0;
    h = Math.abs(h);
    return cool ? 'hsl(' + (190 + h % 50) + ',' + (45 + h % 25) + '%,' +
      (68 + h % 12) + '%)' : 'hsl(' + (h % 55) + ',' + (70 + h % 20) + '%,' +
      (60 + h % 12) + '%)';
  }
  // paths: [[names, root first], value, class?]; draws an icicle (root
  // at the top) or a flame graph (root at the bottom).
  class Flame {
    constructor(host, o) {
      this.o = o;
      this.tree = { name: o.all, value: 0, kids: new Map(), depth: 0,
        parent: null };
      let depth = 0;
      for (const [names, value, cls] of o.paths) {
        if (!(value > 0)) continue;
        let node = this.tree;
        node.value += value;
        names.forEach((name, d) => {
          let kid = node.kids.get(name);
          if (!kid) {
            kid = { name, value: 0, kids: new Map(), depth: d + 1,
              parent: node, cls: d === names.length - 1 ? cls : undefined };
            node.kids.set(name, kid);
          }
          kid.value += value;
          node = kid;
        });
        depth = Math.max(depth, names.length);
      }
      this.depth = depth;
      this.focus = this.tree;
      host.textContent = '';
      this.bar = make('div', 'tools');
      this.zoomout = make('button', 'zoomout', 'show all');
      this.zoomout.addEventListener('click', () => this.zoom(this.tree));
      this.bar.appendChild(this.zoomout);
      this.info = make('div', 'info');
      this.bar.appendChild(this.info);
      this.box = make('div', 'flame');
      this.box.style.height = (depth + 1) * 18 + 2 + 'px';
      host.appendChild(this.bar);
      host.appendChild(this.box);
      this.box.addEventListener('click', ev => {
        const e = ev.target.closest('.n');
        if (e) this.zoom(e._node);
      });
      this.box.addEventListener('mouseover', ev => {
        const e = ev.target.closest('.n');
        if (e) this.info.textContent = this.label(e._node);
      });
      let timer = 0;
      window.addEventListener('resize', () => {
        clearTimeout(timer);
        timer = setTimeout(() => this.draw(), 150);
      });
      this.draw();
    }
    label(node) {
      return node.name + ': ' + fmt(node.value) + ' bytes (' +
        pct(node.value, this.tree.value) + ')';
    }
    zoom(node) { this.focus = node; this.draw(); }
    draw() {
      const width = this.box.clientWidth || 1000;
      const frag = document.createDocumentFragment();
      const top = d => this.o.icicle ? d * 18 : (this.shown - d) * 18;
      const put = (node, x, w, dim) => {
        const e = make('div', 'n' + (dim ? ' dim' : '') + (node.cls ?
          ' ' + node.cls : ''));
        e.textContent = node.name;
        e.title = this.label(node);
        e.style.left = x + 'px';
        e.style.width = Math.max(w - 1, 1) + 'px';
        e.style.top = top(node.depth) + 'px';
        e.style.background = node.depth === 0 ? '#d8dde3' :
          colour(node.name, this.o.icicle);
        e._node = node;
        frag.appendChild(e);
      };
      const scale = width / (this.focus.value || 1);
      // As tall as the frames wide enough to draw: a deep chain of
      // slivers leaves no empty band.
      const deepest = node => {
        if (node.value * scale < 1) return node.depth - 1;
        let d = node.depth;
        for (const kid of node.kids.values()) d = Math.max(d, deepest(kid));
        return d;
      };
      this.shown = Math.max(deepest(this.focus), this.focus.depth);
      this.box.style.height = (this.shown + 1) * 18 + 2 + 'px';
      for (let a = this.focus.parent; a; a = a.parent) put(a, 0, width, true);
      const walk = (node, x) => {
        const w = node.value * scale;
        if (w < 1) return;
        put(node, x, w, false);
        let kx = x;
        for (const kid of node.kids.values()) {
          walk(kid, kx);
          kx += kid.value * scale;
        }
      };
      walk(this.focus, 0);
      this.box.textContent = '';
      this.box.appendChild(frag);
      this.zoomout.disabled = this.focus === this.tree;
      this.info.textContent = this.label(this.focus);
    }
  }

  // A site in the tree: the frame that names its stack, and where.
  function siteName(s) {
    const row = F[topFrame(s)];
    return 'site ' + row[0] + ' (' + where(row) + ')';
  }
  function drawDomTree() {
    const host = $('#domtree');
    const ret = M.retention;
    if (!host || !ret) return;
    const paths = [];
    const acc = new Map();      // root name -> suspects with a point
    for (const s of M.suspects ? M.suspects.list : [])
      if (s.name && s.accumulation) acc.set(s.name, s);
    for (const r of ret.roots) {
      let rest = r.retained.bytes;
      const s = acc.get(r.name);
      const under = new Map();
      if (s) {
        const a = s.accumulation;
        const point = 'accumulation point: block ' + a.block +
          ' (' + fmt(a.size) + ' bytes)';
        for (const site of s.sites || []) {
          paths.push([[r.name, point, siteName(site.stack)],
            site.size.bytes, 'acc']);
          under.set(site.stack, (under.get(site.stack) || 0) +
            site.size.bytes);
          rest -= site.size.bytes;
        }
      }
      for (const site of r.sites) {
        const b = site.size.bytes - (under.get(site.stack) || 0);
        if (b > 0) paths.push([[r.name, siteName(site.stack)], b]);
        rest -= b;
      }
      if (rest > 0) paths.push([[r.name, '[other allocation sites]'], rest]);
    }
    // The shared section: its largest blocks (each the head of what it
    // retains), their sites, then the rest.
    const SHARED = '[shared by several roots]';
    let shared = ret.shared.bytes;
    for (const b of ret.shared_blocks || []) {
      const head = 'block ' + b.address + ' (' + fmt(b.size) +
        ' bytes), reached from ' + fmt(b.reached_from.length) + ' roots';
      let rest = b.retained.bytes;
      for (const site of b.sites || []) {
        paths.push([[SHARED, head, siteName(site.stack)], site.size.bytes]);
        rest -= site.size.bytes;
      }
      if (rest > 0) paths.push([[SHARED, head, '[other allocation sites]'],
        rest]);
      shared -= b.retained.bytes;
    }
    if (shared > 0) paths.push([[SHARED, '[other shared blocks]'], shared]);
    if (ret.others.bytes)
      paths.push([['[roots not listed]'], ret.others.bytes]);
    host.textContent = '';
    if (!paths.length) {
      host.innerHTML = '<p class="none">No block is held by a root.</p>';
      return;
    }
    new Flame(host, { all: 'held by roots', paths, icicle: true });
  }

  function drawFlames() {
    const sec = $('#flame');
    const views = [];
    // Each view's paths are made when its tab is first shown.
    if (M.profile) {
      views.push(['live', 'live memory', () => M.profile.sites
        .filter(s => s[3] > 0).map(s => [rootFirst(s[0]), s[3]])]);
      views.push(['peak', 'at the peak', () => M.profile.sites
        .filter(s => s[7] > 0).map(s => [rootFirst(s[0]), s[7]])]);
    }
    if (M.records.length)
      views.push(['leaked', 'leaked memory', () => M.records
        .filter(r => r[1] < 3 && r[3] > 0)
        .map(r => [[KIND_NAMES[KINDS[r[1]]]].concat(rootFirst(r[6])), r[3]])]);
    if (!views.length) {
      sec.appendChild(make('p', 'none', 'No profile and no leak check in ' +
        'this file.'));
      return;
    }
    const tabs = make('div', 'tabs tools');
    const host = make('div', 'chart');
    views.forEach(([id, title, pathsOf], k) => {
      const b = make('button', '', esc(title));
      b.dataset.view = id;
      let paths = null;
      b.addEventListener('click', () => {
        tabs.querySelectorAll('button').forEach(x => x.classList.remove('on'));
        b.classList.add('on');
        if (!paths) paths = pathsOf();
        if (!paths.length) {
          host.innerHTML = '<p class="none">Nothing: 0 bytes.</p>';
          return;
        }
        new Flame(host, { all: 'all ' + title, paths });
      });
      tabs.appendChild(b);
      if (k === 0) setTimeout(() => b.click(), 0);
    });
    sec.appendChild(tabs);
    sec.appendChild(host);
  }

  /* ----------------------------------------------- allocation-site table */

  function drawProfile() {
    const sec = $('#profile');
    const p = M.profile;
    if (!p) {
      sec.appendChild(make('p', 'none', 'No allocation-site profile in ' +
        'this file.'));
      return;
    }
    const S = p.sites;
    sec.appendChild(make('p', 'count', fmt(S.length) + ' allocation sites; ' +
      'the heap peaked at ' + fmt(p.peak.bytes) + ' bytes in ' +
      fmt(p.peak.blocks) + ' blocks when ' + fmt(p.peak.time) +
      ' bytes had been allocated (ages: bytes allocated since).'));
    const tools = make('div', 'tools', '<input type="search" ' +
      'id="profile-filter" placeholder="filter: function, file or object">' +
      ' <span class="count" id="profile-shown"></span>');
    sec.appendChild(tools);
    const host = make('div', 'vtable');
    host.id = 'profile-table';
    sec.appendChild(host);
    const col = (title, j) => ({ title, num: 1, key: i => S[i][j] === null ?
      -1 : S[i][j], html: i => fmt(S[i][j]) });
    const table = new VTable(host, {
      cls: 'site', count: S.length, sort: 3, desc: true,
      columns: [
        { title: 'site', cls: 'fn', key: i => F[S[i][10]][0],
          html: i => topHtml(S[i][0]) },
        col('allocs', 1), col('bytes allocated', 2), col('live bytes', 3),
        col('live blocks', 4), col('peak bytes', 5), col('peak blocks', 6),
        col('at heap peak', 7), col('oldest live age', 9)],
      more: i => '<p>' + fmt(S[i][1]) + ' allocations, ' + fmt(S[i][2]) +
        ' bytes; live ' + fmt(S[i][3]) + ' bytes in ' + fmt(S[i][4]) +
        ' blocks (its peak ' + fmt(S[i][5]) + ' bytes, ' + fmt(S[i][6]) +
        ' blocks); at the heap\'s peak ' + fmt(S[i][7]) + ' bytes in ' +
        fmt(S[i][8]) + ' blocks.</p>' + stackHtml(S[i][0]),
      onView: shown => {
        $('#profile-shown').textContent = shown === S.length ? '' :
          fmt(shown) + ' of ' + fmt(S.length) + ' shown';
      }
    });
    let timer = 0;
    tools.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const q = $('#profile-filter').value.trim().toLowerCase();
        table.filter(q ? i => stackText(S[i][0]).includes(q) : null);
      }, 120);
    });
  }

  /* ------------------------------------------------------------ timeline */

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, parent) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  const PALETTE = ['#d9731a', '#3c7a4b', '#8e44ad', '#c0392b', '#16a085',
    '#b88a00', '#2c3e50', '#d35400', '#7f8c8d', '#27ae60'];
  function drawTimeline() {
    const sec = $('#timeline');
    const tl = M.timeline;
    if (!tl || !tl.samples.length) {
      sec.appendChild(make('p', 'none', 'No timeline in this file.'));
      return;
    }
    const S = tl.samples;
    sec.appendChild(make('p', 'count', fmt(S.length) + ' samples of the ' +
      'live heap, one every ' + fmt(tl.every) + ' bytes allocated; the ' +
      'lines below it are the ' + tl.sites.length + ' sites with the ' +
      'highest peaks.'));
    const W = 1000, H = 300, L = 70, B = 24, T = 10;
    const box = svg('svg', { class: 'timeline', viewBox: '0 0 ' + W + ' ' + H,
      preserveAspectRatio: 'none', role: 'img' });
    const end = S[S.length - 1][0] || 1;
    const peak = Math.max(1, ...S.map(s => s[1]));
    const x = t => L + (W - L - 10) * t / end;
    const y = v => H - B - (H - B - T) * v / peak;
    const line = (points, colour, fill) => {
      let d = 'M' + x(points[0][0]) + ',' + y(0);
      let prev = y(0);
      for (const [t, v] of points) {
        d += 'L' + x(t).toFixed(1) + ',' + prev.toFixed(1) + 'L' +
          x(t).toFixed(1) + ',' + y(v).toFixed(1);
        prev = y(v);
      }
      d += 'L' + x(end) + ',' + prev.toFixed(1);
      if (fill) d += 'L' + x(end) + ',' + y(0) + 'Z';
      svg('path', { d, fill: fill || 'none', stroke: colour,
        'stroke-width': 1.2, 'vector-effect': 'non-scaling-stroke' }, box);
    };
    svg('line', { x1: L, y1: y(0), x2: W - 10, y2: y(0), stroke: '#999' }, box);
    svg('line', { x1: L, y1: T, x2: L, y2: y(0), stroke: '#999' }, box);
    [[peak, y(peak) + 10], [0, y(0)]].forEach(([v, yy]) => {
      const t = svg('text', { x: L - 6, y: yy, 'text-anchor': 'end' }, box);
      t.textContent = fmt(v);
    });
    const t0 = svg('text', { x: L, y: H - 6 }, box);
    t0.textContent = '0';
    const t1 = svg('text', { x: W - 10, y: H - 6, 'text-anchor': 'end' }, box);
    t1.textContent = fmt(end) + ' bytes allocated';
    line(S.map(s => [s[0], s[1]]), '#1f5fa8', 'rgba(31,95,168,.15)');
    const legend = make('div', 'legend', '<span><i style="background:' +
      '#1f5fa8"></i>live heap (peak ' + fmt(peak) + ' bytes)</span>');
    tl.sites.forEach((ts, k) => {
      const site = M.profile && M.profile.sites[ts.site];
      if (!site || !ts.points.length) return;
      const c = PALETTE[k % PALETTE.length];
      line(ts.points.map(p => [S[p[0]][0], p[1]]), c);
      legend.appendChild(make('span', '', '<i style="background:' + c +
        '"></i>' + topHtml(site[0])));
    });
    const cursor = svg('line', { y1: T, y2: y(0), stroke: '#333',
      'stroke-dasharray': '3 3', visibility: 'hidden' }, box);
    const readout = make('div', 'info');
    box.addEventListener('mousemove', ev => {
      const r = box.getBoundingClientRect();
      const t = ((ev.clientX - r.left) * W / r.width - L) / (W - L - 10) * end;
      let lo = 0, hi = S.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (S[mid][0] <= t) lo = mid; else hi = mid - 1;
      }
      cursor.setAttribute('x1', x(S[lo][0]));
      cursor.setAttribute('x2', x(S[lo][0]));
      cursor.setAttribute('visibility', 'visible');
      readout.textContent = 'after ' + fmt(S[lo][0]) + ' bytes allocated: ' +
        fmt(S[lo][1]) + ' bytes live in ' + fmt(S[lo][2]) + ' blocks';
    });
    sec.appendChild(box);
    sec.appendChild(readout);
    sec.appendChild(legend);
  }

  /* --------------------------------------------------------------- start */

  const took = {};
  function guard(name, draw) {
    const t = performance.now();
    try {
      draw();
    } catch (e) {
      const sec = $('#' + name) || document.body;
      sec.appendChild(make('p', 'jserror', 'This part could not be drawn: ' +
        esc(e && e.message)));
    }
    took[name] = Math.round(performance.now() - t);
  }
  guard('records', drawRecords);
  guard('suspects', linkSuspects);
  guard('retention', () => {
    const t = $('#roots');
    if (t) sortable(t);
    drawDomTree();
  });
  guard('profile', drawProfile);
  guard('flame', drawFlames);
  guard('timeline', drawTimeline);
  // For the tests and the curious: when the page was drawn (ms since
  // the navigation began) and what the script spent where.
  took.all = Math.round(performance.now() - started);
  took.start = Math.round(started);
  document.documentElement.dataset.took = JSON.stringify(took);
  requestAnimationFrame(() => {
    document.documentElement.dataset.ready =
      Math.round(performance.now()).toString();
  });
})();
