// Mayday dashboard: three views (top crashers, a group, a report) rendered from the JSON API,
// refreshed live from the collector's WebSocket feed. Everything from a report goes into the
// page as text (textContent), never as HTML: reports come from the field and may hold anything.
'use strict';

const main = document.getElementById('main');
let current = null;          // { view, arg } of what is on screen
let refreshTimer = null;
let socket = null;

// ---- small helpers ---------------------------------------------------------------------

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
  const cls = frame.class || '';
  if (frame.module && (frame.module.startsWith('java.') || frame.module.startsWith('jdk.'))) return 'jdk';
  if (JDK_PREFIXES.some(p => cls.startsWith(p))) return 'jdk';
  if (cls.startsWith('dev.mayday.')) return 'library';
  if (mainClass && mainClass.includes('.')) {
    const parts = mainClass.split('.');
    const prefix = parts.slice(0, Math.min(2, parts.length - 1)).join('.') + '.';
    return cls.startsWith(prefix) ? 'app' : 'library';
  }
  return frame.jar && /-\d+(\.\d+)*.*\.jar$/.test(frame.jar) ? 'library' : 'app';
}

function versionBars(versions) {
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
  // The cookie goes along with the handshake: cookies belong to the host, not the port.
  socket = new WebSocket(scheme + '//' + location.hostname + ':' + info.wsPort + info.livePath);
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
    input('app', 'app'), input('version', 'version'), input('kind', 'kind'), h('button', { type: 'submit' }, 'Filter'));
  const rows = groups.map(g => h('tr', { class: 'group' + (g.signature === flashSignature ? ' flash' : ''), 'data-signature': g.signature },
    h('td', {}, h('a', { class: 'title', href: '#/group/' + encodeURIComponent(g.signature) }, g.title),
      h('div', { class: 'muted' }, g.app || '', ' ', h('span', { class: 'kind' }, g.kind))),
    h('td', { class: 'num count' }, String(g.count)),
    h('td', { class: 'num machines' }, String(g.machines)),
    h('td', { class: 'versions' }, versionBars(g.versions),
      h('div', { class: 'muted' }, g.versions.map(v => v.version).slice(-3).join(', '))),
    h('td', {}, when(g.firstSeen)),
    h('td', {}, when(g.lastSeen))));
  show(
    h('h1', {}, 'Top crashers'), form,
    groups.length === 0 ? h('p', { class: 'muted', id: 'empty' }, 'No crash reports yet. They appear here as they arrive.')
      : h('table', { id: 'groups' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Crash'), h('th', { class: 'num' }, 'Reports'), h('th', { class: 'num' }, 'Machines'),
          h('th', {}, 'Versions'), h('th', {}, 'First seen'), h('th', {}, 'Last seen'))),
        h('tbody', {}, rows)));
}

function frameList(frames) {
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
    const where = f.file ? '(' + f.file + (f.line > 0 ? ':' + f.line : '') + ')' : '';
    const lib = f.jar || f.module || '';
    const item = h('li', { class: 'frame ' + (f.origin || 'app') },
      'at ', f.class + '.' + f.method, ' ', h('span', { class: 'where' }, where, lib ? '  [' + lib + ']' : ''));
    if (f.origin && f.origin !== 'app') { hidden.push(item); } else { flush(); list.append(item); }
  }
  flush();
  return list;
}

function exceptionChain(chain) {
  return chain.map((e, i) => h('div', { class: 'exception' },
    h('div', { class: 'head' }, i > 0 ? h('span', { class: 'caused' }, 'Caused by: ') : null,
      e.type + (e.message ? ': ' + e.message : '')),
    frameList(e.frames || []),
    (e.suppressed || []).map(s => h('div', { class: 'muted' }, 'Suppressed: ', s.map(x => x.type + (x.message ? ': ' + x.message : '')).join(' → ')))));
}

function logTable(logs) {
  return h('table', { class: 'logs' }, h('tbody', {}, logs.map(l => h('tr', { class: 'log-line' },
    h('td', { class: 'muted' }, (l.time || '').replace('T', ' ').replace('Z', '')),
    h('td', { class: 'level-' + l.level }, l.level || ''),
    h('td', { class: 'muted' }, l.logger || ''),
    h('td', {}, (l.message || '') + (l.exception ? '\n' + l.exception : ''))))));
}

function flatten(obj, prefix, out) {
  for (const [k, v] of Object.entries(obj || {})) {
    const key = prefix ? prefix + '.' + k : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out.push([key, Array.isArray(v) ? v.map(x => typeof x === 'object' ? JSON.stringify(x) : x).join(', ') : String(v)]);
  }
  return out;
}

function keyValues(obj, id) {
  const dl = h('dl', { class: 'kv', id });
  for (const [k, v] of flatten(obj, '', [])) dl.append(h('dt', {}, k), h('dd', {}, v));
  return dl;
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
  const latest = g.latest || {};
  show(
    h('p', {}, h('a', { href: '#/' }, '← Top crashers')),
    h('h1', { id: 'group-title' }, g.title),
    h('div', { class: 'muted' }, (g.app || '') + ' · ', h('span', { class: 'kind' }, g.kind), ' · signature ', h('code', {}, g.signature)),
    h('div', { class: 'stats' },
      h('div', {}, h('b', { id: 'group-count' }, String(g.count)), 'reports'),
      g.repeats ? h('div', {}, h('b', { id: 'group-repeats' }, String(g.repeats)), 'repeats held back') : null,
      h('div', {}, h('b', {}, String(g.machines)), 'machines'),
      h('div', {}, h('b', {}, when(g.firstSeen)), 'first seen'),
      h('div', {}, h('b', {}, when(g.lastSeen)), 'last seen')),
    h('h2', {}, 'Versions'),
    h('table', { id: 'versions' }, h('thead', {}, h('tr', {}, h('th', {}, 'Version'), h('th', { class: 'num' }, 'Reports'), h('th', {}, ''), h('th', {}, 'First seen'), h('th', {}, 'Last seen'))),
      h('tbody', {}, g.versions.map(v => h('tr', {}, h('td', {}, v.version), h('td', { class: 'num' }, String(v.count)),
        h('td', {}, horizontalBar(v.count, g.count)),
        h('td', {}, when(v.firstSeen)), h('td', {}, when(v.lastSeen)))))),
    h('h2', {}, 'Exception ', h('span', { class: 'legend' }, '(newest report; ', h('span', { class: 'sw' }), ' application frames, library and JDK frames folded)')),
    h('div', { id: 'exception' }, latest.exception ? exceptionChain(latest.exception) : h('p', { class: 'muted' }, 'No exception in this report (' + g.kind + ').')),
    h('h2', {}, 'Last log lines', latest.logCount ? h('span', { class: 'legend' }, ' (' + (latest.logs || []).length + ' of ' + latest.logCount + ')') : ''),
    latest.logs && latest.logs.length ? h('div', { id: 'logs' }, logTable(latest.logs)) : h('p', { class: 'muted' }, 'No log lines.'),
    h('div', { class: 'cols' },
      h('div', {}, h('h2', {}, 'User comments'),
        g.comments.length === 0 ? h('p', { class: 'muted' }, 'None.') :
          h('div', { id: 'comments' }, g.comments.map(c => h('div', { class: 'comment' }, c.comment,
            h('div', { class: 'meta' }, when(c.time), ' · ', c.version || '', ' · ', h('a', { href: '#/report/' + encodeURIComponent(c.id) }, 'report')))))),
      h('div', {}, h('h2', {}, 'Newest reports'),
        h('table', { id: 'reports' }, h('tbody', {}, g.reports.map(r => h('tr', {},
          h('td', {}, h('a', { href: '#/report/' + encodeURIComponent(r.id) }, when(r.time))),
          h('td', {}, r.version || ''), h('td', { class: 'muted' }, (r.machineId || '').slice(0, 8)))))))),
    h('h2', {}, 'System'),
    latest.system ? keyValues(latest.system, 'system') : h('p', { class: 'muted' }, 'Not given.'),
    h('h2', {}, 'Grouping wrong?'), groupEdits(g));
}

async function renderReport(id) {
  const r = await api('/api/reports/' + encodeURIComponent(id));
  const chain = [];
  for (let e = r.exception, guard = 0; e && guard < 50; e = e.cause, guard++) chain.push(e);
  const mainClass = r.app && r.app.mainClass;
  const marked = (frames) => (frames || []).map(f => Object.assign({}, f, { origin: originOf(f, mainClass) }));
  show(
    h('p', {}, h('a', { href: '#/' }, '← Top crashers'), ' · ',
      h('a', { href: '#/group/' + encodeURIComponent(r.signature || '') }, 'this crash group')),
    h('h1', {}, r.title || '(no title)'),
    h('div', { class: 'muted' }, r.kind, ' · ', r.time, ' · report ', h('code', {}, r.id)),
    h('h2', {}, 'Application'), keyValues(Object.assign({}, r.app, { thread: r.thread, origin: r.origin, repeats: r.repeats }), 'app'),
    r.user ? [h('h2', {}, 'User'), keyValues(r.user, 'user')] : null,
    h('h2', {}, 'Exception'),
    h('div', { id: 'exception' }, chain.length ? exceptionChain(chain.map(e => ({ type: e.type, message: e.message, frames: marked(e.frames),
      suppressed: (e.suppressed || []).map(x => [x]) })))
      : h('p', { class: 'muted' }, 'None.')),
    h('h2', {}, 'Log (' + (r.logs || []).length + ' lines)'), logTable(r.logs || []),
    h('h2', {}, 'Threads (' + (r.threads || []).length + ')'),
    h('div', {}, (r.threads || []).map(t => h('details', { class: 'thread' },
      h('summary', {}, '"' + t.name + '" ' + (t.state || '') + (t.daemon ? ' daemon' : '') + (t.waitingOn ? ' waiting on ' + t.waitingOn : '')),
      frameList(marked(t.frames))))),
    h('h2', {}, 'System'), keyValues(r.system || {}, 'system'),
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
