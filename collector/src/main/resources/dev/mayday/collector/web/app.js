// Mayday dashboard: three views (top crashers, a group, a report) rendered from the JSON API,
// refreshed live from the collector's WebSocket feed. Everything from a report goes into the
// page as text (textContent), never as HTML: reports come from the field and may hold anything.
'use strict';

const main = document.getElementById('main');
let current = null;          // { view, arg } of what is on screen
let refreshTimer = null;
let socket = null;

// ---- small helpers ---------------------------------------------------------------------

// Reports come from the field in any shape: these make every part the expected type, so a
// `null` log line or `frames: "x"` is skipped instead of breaking the page.
const arr = (x) => Array.isArray(x) ? x : [];
const objs = (x) => arr(x).filter(o => o !== null && typeof o === 'object' && !Array.isArray(o));
const obj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x) ? x : {};
const str = (x) => x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);

// The kinds of report (SPEC), and the two families the filter offers.
const CRASH_KINDS = ['uncaught', 'main-loop', 'oom', 'jvm-fatal'];
const ONGOING_KINDS = ['logged', 'request', 'swallowed', 'hang', 'deadlock'];

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const secs = (Date.now() - d.getTime()) / 1000;
  const ago = secs < 60 ? 'just now' : secs < 3600 ? Math.round(secs / 60) + ' min ago'
    : secs < 86400 ? Math.round(secs / 3600) + ' h ago' : Math.round(secs / 86400) + ' d ago';
  return h('span', { title: d.toISOString() }, ago);
}

class Unauthorized extends Error {}

async function api(path) {
  const r = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  if (r.status === 401) throw new Unauthorized();
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

// Replaces the page's content; nested lists and missing parts are allowed.
function show(...parts) {
  main.replaceChildren(...parts.flat(3).filter(p => p !== null && p !== undefined && p !== false));
}

// The same rule as the collector's FrameClassifier, for the report page's raw frames.
const JDK_PREFIXES = ['java.', 'javax.', 'jdk.', 'sun.', 'com.sun.', 'jakarta.annotation.'];
function originOf(frame, mainClass) {
  const cls = str(frame.class);
  const module = str(frame.module);
  if (module.startsWith('java.') || module.startsWith('jdk.')) return 'jdk';
  if (JDK_PREFIXES.some(p => cls.startsWith(p))) return 'jdk';
  if (cls.startsWith('dev.mayday.')) return 'library';
  if (mainClass && mainClass.includes('.')) {
    const parts = mainClass.split('.');
    const prefix = parts.slice(0, Math.min(2, parts.length - 1)).join('.') + '.';
    return cls.startsWith(prefix) ? 'app' : 'library';
  }
  return /-\d+(\.\d+)*.*\.jar$/.test(str(frame.jar)) ? 'library' : 'app';
}

function versionBars(given) {
  const versions = objs(given);
  const max = Math.max(1, ...versions.map(v => v.count));
  const box = h('div', { class: 'bars', title: versions.map(v => v.version + ': ' + v.count).join('\n') });
  for (const v of versions.slice(-12)) {
    const bar = h('div', { class: 'bar', 'data-version': v.version, title: v.version + ': ' + v.count });
    bar.style.height = Math.max(8, Math.round(100 * v.count / max)) + '%';
    box.append(bar);
  }
  return box;
}

function horizontalBar(count, total) {
  const bar = h('div', { class: 'hbar' });
  bar.style.width = Math.max(2, Math.round(200 * count / Math.max(1, total))) + 'px';
  return bar;
}

// ---- sign-in ---------------------------------------------------------------------------

function showSignIn(message) {
  disconnectLive();
  main.replaceChildren(document.getElementById('signin-template').content.cloneNode(true));
  document.getElementById('signout').hidden = true;
  const err = document.getElementById('signin-error');
  if (message) { err.textContent = message; err.hidden = false; }
  document.getElementById('signin').addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = document.getElementById('token').value.trim();
    const r = await fetch('/api/session', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
    if (r.ok) { route(); } else { err.textContent = 'That token is not right.'; err.hidden = false; }
  });
  document.getElementById('token').focus();
}

document.getElementById('signout').addEventListener('click', async () => {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
  showSignIn();
});

// ---- live updates ----------------------------------------------------------------------

async function connectLive() {
  if (socket && socket.readyState <= 1) return;
  const info = await api('/api/info');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // The feed is on the dashboard's own port; the session cookie goes along with the handshake.
  socket = new WebSocket(scheme + '//' + location.host + (info.livePath || '/live'));
  const badge = document.getElementById('live');
  socket.onopen = () => { badge.textContent = 'live'; badge.className = 'live on'; };
  socket.onclose = () => {
    badge.textContent = 'offline'; badge.className = 'live off';
    if (socket && socket.intended !== false) setTimeout(() => connectLive().catch(() => {}), 3000);
  };
  socket.onmessage = (m) => {
    let event;
    try { event = JSON.parse(m.data); } catch (e) { return; }
    if (event.type !== 'report') return;
    if (current && (current.view === 'groups' || (current.view === 'group' && current.arg === event.signature))) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => render(true, event.signature), 150);
    }
  };
}

function disconnectLive() {
  if (socket) { socket.intended = false; socket.close(); socket = null; }
}

// ---- views -----------------------------------------------------------------------------

async function renderGroups(filters, flashSignature) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  const groups = await api('/api/groups?' + q.toString());
  const input = (name, placeholder) => h('input', { name, placeholder, value: filters[name] || '' });
  const form = h('form', { class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      const f = new FormData(e.target);
      const p = new URLSearchParams();
      for (const k of ['app', 'version', 'kind']) if (f.get(k)) p.set(k, f.get(k));
      location.hash = '#/' + (p.toString() ? '?' + p.toString() : '');
    } },
    input('app', 'app'), input('version', 'version'), kindSelect(filters.kind), h('button', { type: 'submit' }, 'Filter'));
  const rows = objs(groups).map(g => h('tr', { class: 'group' + (g.signature === flashSignature ? ' flash' : ''), 'data-signature': g.signature },
    h('td', {}, h('a', { class: 'title', href: '#/group/' + encodeURIComponent(g.signature) }, g.title),
      h('div', { class: 'muted' }, g.app || '', ' ', h('span', { class: 'kind' }, g.kind))),
    h('td', { class: 'num count' }, String(g.count)),
    h('td', { class: 'num machines' }, String(g.machines)),
    h('td', { class: 'versions' }, versionBars(g.versions),
      h('div', { class: 'muted' }, objs(g.versions).map(v => str(v.version)).slice(-3).join(', '))),
    h('td', {}, when(g.firstSeen)),
    h('td', {}, when(g.lastSeen))));
  show(
    h('h1', {}, 'Top crashers'), form,
    objs(groups).length === 0 ? h('p', { class: 'muted', id: 'empty' }, 'No crash reports yet. They appear here as they arrive.')
      : h('table', { id: 'groups' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Crash'), h('th', { class: 'num' }, 'Reports'), h('th', { class: 'num' }, 'Machines'),
          h('th', {}, 'Versions'), h('th', {}, 'First seen'), h('th', {}, 'Last seen'))),
        h('tbody', {}, rows)));
}

function kindSelect(selected) {
  const option = (value, label) => h('option', { value, selected: value === (selected || '') ? 'selected' : null }, label);
  return h('select', { name: 'kind', id: 'kind-filter', title: 'kind of report' },
    option('', 'all kinds'),
    option(CRASH_KINDS.join(','), 'crashes (' + CRASH_KINDS.join(', ') + ')'),
    option(ONGOING_KINDS.join(','), 'the program went on (' + ONGOING_KINDS.join(', ') + ')'),
    [...CRASH_KINDS, ...ONGOING_KINDS].map(k => option(k, k)));
}

function frameList(given) {
  const frames = objs(given);
  const list = h('ul', { class: 'frames' });
  let hidden = [];
  const flush = () => {
    if (hidden.length === 0) return;
    const d = h('details', { class: 'lib' }, h('summary', {}, hidden.length + ' library/JDK frame' + (hidden.length > 1 ? 's' : '')));
    hidden.forEach(f => d.append(f));
    list.append(h('li', {}, d));
    hidden = [];
  };
  for (const f of frames) {
    const where = f.file ? '(' + str(f.file) + (f.line > 0 ? ':' + str(f.line) : '') + ')' : '';
    const lib = str(f.jar || f.module || '');
    const item = h('li', { class: 'frame ' + (f.origin || 'app') },
      'at ', str(f.class) + '.' + str(f.method), ' ', h('span', { class: 'where' }, where, lib ? '  [' + lib + ']' : ''));
    if (f.origin && f.origin !== 'app') { hidden.push(item); } else { flush(); list.append(item); }
  }
  flush();
  return list;
}

function exceptionChain(chain) {
  return objs(chain).map((e, i) => h('div', { class: 'exception' },
    h('div', { class: 'head' }, i > 0 ? h('span', { class: 'caused' }, 'Caused by: ') : null,
      str(e.type) + (e.message ? ': ' + str(e.message) : '')),
    frameList(e.frames),
    arr(e.suppressed).map(s => h('div', { class: 'muted' }, 'Suppressed: ',
      objs(s).map(x => str(x.type) + (x.message ? ': ' + str(x.message) : '')).join(' → ')))));
}

function logTable(logs) {
  return h('table', { class: 'logs' }, h('tbody', {}, objs(logs).map(l => h('tr', { class: 'log-line' },
    h('td', { class: 'muted' }, str(l.time).replace('T', ' ').replace('Z', '')),
    h('td', { class: 'level-' + str(l.level).replace(/[^A-Za-z]/g, '') }, str(l.level)),
    h('td', { class: 'muted' }, str(l.logger)),
    h('td', {}, str(l.message) + (l.exception ? '\n' + str(l.exception) : ''))))));
}

function flatten(given, prefix, out) {
  for (const [k, v] of Object.entries(obj(given))) {
    const key = prefix ? prefix + '.' + k : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out.push([key, Array.isArray(v) ? v.map(str).join(', ') : str(v)]);
  }
  return out;
}

function keyValues(obj, id) {
  const dl = h('dl', { class: 'kv', id });
  for (const [k, v] of flatten(obj, '', [])) dl.append(h('dt', {}, k), h('dd', {}, v));
  return dl;
}

const VERSIONS_PER_PAGE = 50;

function versionTable(g, page) {
  const versions = objs(g.versions).slice().reverse(); // newest first
  const pages = Math.max(1, Math.ceil(versions.length / VERSIONS_PER_PAGE));
  const at = Math.min(Math.max(0, page), pages - 1);
  const shown = versions.slice(at * VERSIONS_PER_PAGE, (at + 1) * VERSIONS_PER_PAGE);
  const box = h('div', { id: 'versions-box' });
  const draw = (p) => box.replaceChildren(versionTable(g, p));
  box.append(
    h('table', { id: 'versions' }, h('thead', {}, h('tr', {}, h('th', {}, 'Version'), h('th', { class: 'num' }, 'Reports'), h('th', {}, ''), h('th', {}, 'First seen'), h('th', {}, 'Last seen'))),
      h('tbody', {}, shown.map(v => h('tr', {}, h('td', {}, str(v.version)), h('td', { class: 'num' }, str(v.count)),
        h('td', {}, horizontalBar(Number(v.count) || 0, Number(g.count) || 0)),
        h('td', {}, when(v.firstSeen)), h('td', {}, when(v.lastSeen)))))),
    pages > 1 ? h('div', { class: 'pager', id: 'versions-pager' },
      h('button', { class: 'link', disabled: at === 0 ? 'disabled' : null, onclick: () => draw(at - 1) }, '← newer'),
      ' page ' + (at + 1) + ' of ' + pages + ' (' + versions.length + ' versions'
        + (Number(g.versionCount) > versions.length ? ', the newest of ' + str(g.versionCount) : '') + ') ',
      h('button', { class: 'link', disabled: at >= pages - 1 ? 'disabled' : null, onclick: () => draw(at + 1) }, 'older →')) : null);
  return box;
}

// Merge and split (issue 8): where a signature still groups wrong, the team corrects it; the
// collector keeps the rule for later reports. POSTed as JSON, which a cross-site form cannot send.
async function editGroups(action, body) {
  const r = await fetch('/api/group-edits/' + action, { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(answer.error || ('HTTP ' + r.status));
  location.hash = '#/group/' + encodeURIComponent(answer.group);
}

function groupEdits(g) {
  const status = h('span', { class: 'muted', id: 'edit-status' });
  const form = (id, name, placeholder, label, submit) => h('form', { id, onsubmit: (e) => {
      e.preventDefault();
      const value = new FormData(e.target).get(name);
      if (value) submit(value).catch(err => { status.textContent = err.message; });
    } }, h('input', { name, placeholder }), h('button', { type: 'submit' }, label));
  return h('div', { class: 'filters', id: 'group-edits' },
    form('merge-form', 'into', 'signature of another group', 'Merge into', into => editGroups('merge', { from: g.signature, into })),
    form('split-form', 'contains', 'text in a message or frame', 'Split off', contains => editGroups('split', { group: g.signature, contains })),
    status);
}

async function renderGroup(signature) {
  const g = await api('/api/groups/' + encodeURIComponent(signature));
  const latest = obj(g.latest);
  const logs = objs(latest.logs);
  const comments = objs(g.comments);
  show(
    h('p', {}, h('a', { href: '#/' }, '← Top crashers')),
    h('h1', { id: 'group-title' }, str(g.title)),
    h('div', { class: 'muted' }, str(g.app) + ' · ', h('span', { class: 'kind' }, str(g.kind)), ' · signature ', h('code', {}, str(g.signature))),
    h('div', { class: 'stats' },
      h('div', {}, h('b', { id: 'group-count' }, str(g.count)), 'reports'),
      g.repeats ? h('div', {}, h('b', { id: 'group-repeats' }, str(g.repeats)), 'repeats held back') : null,
      h('div', {}, h('b', {}, str(g.machines)), 'machines'),
      h('div', {}, h('b', {}, when(g.firstSeen)), 'first seen'),
      h('div', {}, h('b', {}, when(g.lastSeen)), 'last seen')),
    h('h2', {}, 'Versions'),
    versionTable(g, 0),
    h('h2', {}, 'Exception ', h('span', { class: 'legend' }, '(newest report; ', h('span', { class: 'sw' }), ' application frames, library and JDK frames folded)')),
    h('div', { id: 'exception' }, objs(latest.exception).length ? exceptionChain(latest.exception) : h('p', { class: 'muted' }, 'No exception in this report (' + str(g.kind) + ').')),
    h('h2', {}, 'Last log lines', latest.logCount ? h('span', { class: 'legend' }, ' (' + logs.length + ' of ' + str(latest.logCount) + ')') : ''),
    logs.length ? h('div', { id: 'logs' }, logTable(logs)) : h('p', { class: 'muted' }, 'No log lines.'),
    h('div', { class: 'cols' },
      h('div', {}, h('h2', {}, 'User comments'),
        comments.length === 0 ? h('p', { class: 'muted' }, 'None.') :
          h('div', { id: 'comments' }, comments.map(c => h('div', { class: 'comment' }, str(c.comment),
            h('div', { class: 'meta' }, when(c.time), ' · ', str(c.version), ' · ', h('a', { href: '#/report/' + encodeURIComponent(str(c.id)) }, 'report')))))),
      h('div', {}, h('h2', {}, 'Newest reports'),
        h('table', { id: 'reports' }, h('tbody', {}, objs(g.reports).map(r => h('tr', {},
          h('td', {}, h('a', { href: '#/report/' + encodeURIComponent(str(r.id)) }, when(r.time))),
          h('td', {}, str(r.version)), h('td', { class: 'muted' }, str(r.machineId).slice(0, 8)))))))),
    h('h2', {}, 'System'),
    latest.system ? keyValues(latest.system, 'system') : h('p', { class: 'muted' }, 'Not given.'),
    h('h2', {}, 'Grouping wrong?'), groupEdits(g));
}

async function renderReport(id) {
  const r = obj(await api('/api/reports/' + encodeURIComponent(id)));
  const chain = [];
  for (let e = obj(r.exception), guard = 0; Object.keys(e).length && guard < 50; e = obj(e.cause), guard++) chain.push(e);
  const mainClass = typeof obj(r.app).mainClass === 'string' ? r.app.mainClass : null;
  const marked = (frames) => objs(frames).map(f => Object.assign({}, f, { origin: originOf(f, mainClass) }));
  const logs = objs(r.logs);
  const threads = objs(r.threads);
  show(
    h('p', {}, h('a', { href: '#/' }, '← Top crashers'), ' · ',
      h('a', { href: '#/group/' + encodeURIComponent(str(r.signature)) }, 'this crash group')),
    h('h1', {}, str(r.title) || '(no title)'),
    h('div', { class: 'muted' }, str(r.kind), ' · ', str(r.time), ' · report ', h('code', {}, str(r.id))),
    h('h2', {}, 'Application'), keyValues(Object.assign({}, obj(r.app), { thread: r.thread, origin: r.origin, repeats: r.repeats }), 'app'),
    r.user ? [h('h2', {}, 'User'), keyValues(r.user, 'user')] : null,
    h('h2', {}, 'Exception'),
    h('div', { id: 'exception' }, chain.length ? exceptionChain(chain.map(e => ({ type: e.type, message: e.message, frames: marked(e.frames),
      suppressed: objs(e.suppressed).map(x => [x]) })))
      : h('p', { class: 'muted' }, 'None.')),
    h('h2', {}, 'Log (' + logs.length + ' lines)'), logTable(logs),
    h('h2', {}, 'Threads (' + threads.length + ')'),
    h('div', {}, threads.map(t => h('details', { class: 'thread' },
      h('summary', {}, '"' + str(t.name) + '" ' + str(t.state) + (t.daemon === true ? ' daemon' : '') + (t.waitingOn ? ' waiting on ' + str(t.waitingOn) : '')),
      frameList(marked(t.frames))))),
    h('h2', {}, 'System'), keyValues(r.system, 'system'),
    r.properties ? [h('h2', {}, 'Properties'), keyValues(r.properties, 'properties')] : null,
    r.environment ? [h('h2', {}, 'Environment'), keyValues(r.environment, 'environment')] : null,
    h('h2', {}, 'Raw'), h('details', {}, h('summary', {}, 'the report as sent'), h('pre', { class: 'raw' }, JSON.stringify(r, null, 2))));
}

// ---- routing ---------------------------------------------------------------------------

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash.startsWith('group/')) return { view: 'group', arg: decodeURIComponent(hash.slice(6)) };
  if (hash.startsWith('report/')) return { view: 'report', arg: decodeURIComponent(hash.slice(7)) };
  const q = new URLSearchParams(hash.startsWith('?') ? hash.slice(1) : '');
  return { view: 'groups', arg: { app: q.get('app'), version: q.get('version'), kind: q.get('kind') } };
}

async function render(live, flashSignature) {
  const r = current;
  try {
    if (r.view === 'group') await renderGroup(r.arg);
    else if (r.view === 'report') await renderReport(r.arg);
    else await renderGroups(r.arg, live ? flashSignature : null);
    document.getElementById('signout').hidden = false;
    connectLive().catch(() => {});
  } catch (e) {
    if (e instanceof Unauthorized) showSignIn();
    else main.replaceChildren(h('p', { class: 'error' }, 'Could not load: ' + e.message));
  }
}

function route() {
  current = parseHash();
  window.scrollTo(0, 0);
  render(false);
}

window.addEventListener('hashchange', route);
route();
