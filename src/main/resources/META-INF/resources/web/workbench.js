// The document page's search and undo. Loaded beside credence.js on the document page only; without
// it the page and every form work as before.
//   /                  focus the search box; Enter / Shift+Enter: next / previous match; Esc: leave it
//   Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y)  undo / redo the last creates, edits and deletes of claims,
//                      mentions and cues, replayed through the same routes the forms use.

const body = document.body;
const documentId = body.dataset.document;

if (documentId) {
  const $ = (sel, root = document) => root.querySelector(sel);
  const status = (msg) => { const s = $('#status'); if (s) s.textContent = msg; };
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
    && !(el.tagName === 'INPUT' && /^(radio|checkbox|button|submit)$/.test(el.type));

  // ---- search inside the text (CSS Custom Highlight API: no DOM changes, so offsets stay intact)

  let matches = [];
  let current = -1;
  const canHighlight = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';

  function textNodes() {
    const root = $('#doc-text');
    const out = [];
    let all = '';
    if (!root) return { out, all };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) { out.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
    return { out, all };
  }

  function rangeAt(nodes, from, to) {
    const range = document.createRange();
    let started = false;
    for (const [n, o] of nodes) {
      const end = o + n.data.length;
      if (!started && from < end) { range.setStart(n, from - o); started = true; }
      if (started && to <= end) { range.setEnd(n, to - o); return range; }
    }
    return null;
  }

  function paint() {
    if (!canHighlight) return;
    CSS.highlights.set('search', new Highlight(...matches));
    CSS.highlights.set('search-current', current >= 0 ? new Highlight(matches[current]) : new Highlight());
  }

  function count() {
    const out = $('#search-count');
    if (!out) return;
    const q = $('#doc-search').value;
    out.textContent = !q ? '' : matches.length === 0 ? 'no match' : `${current + 1} of ${matches.length}`;
  }

  function search(keepPlace) {
    const input = $('#doc-search');
    const q = input ? input.value.trim().toLowerCase() : '';
    const before = current;
    matches = [];
    current = -1;
    if (q) {
      const { out, all } = textNodes();
      const hay = all.toLowerCase(); // same length as the text for the scripts articles use
      for (let i = hay.indexOf(q); i >= 0; i = hay.indexOf(q, i + q.length)) {
        const r = rangeAt(out, i, i + q.length);
        if (r) matches.push(r);
      }
      if (matches.length) current = keepPlace && before >= 0 ? Math.min(before, matches.length - 1) : 0;
    }
    paint();
    count();
    if (current >= 0 && !keepPlace) show();
  }

  function show() {
    const r = matches[current];
    if (!r) return;
    const el = r.startContainer.parentElement;
    if (el) el.scrollIntoView({ block: 'center' });
    paint();
    count();
  }

  function go(delta) {
    if (!matches.length) { search(false); return; }
    current = (current + delta + matches.length) % matches.length;
    show();
  }

  document.addEventListener('input', (e) => { if (e.target.id === 'doc-search') search(false); });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (t && t.id === 'doc-search') {
      if (e.key === 'Enter') { e.preventDefault(); go(e.shiftKey ? -1 : 1); }
      if (e.key === 'Escape') { e.preventDefault(); t.blur(); $('#doc-text').focus({ preventScroll: true }); }
      return;
    }
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(document.activeElement)
        && !($('#help') && $('#help').open)) {
      const input = $('#doc-search');
      if (input) { e.preventDefault(); input.focus(); input.select(); }
    }
  });

  // ---- undo / redo

  const KIND = /^\/documents\/\d+\/(claims|mentions|cues)(?:\/(\d+))?(\/delete)?$/;
  const undo = [];
  const redo = [];
  const pendingBefore = new Map(); // "kind/id" -> fields, taken before an edit or delete is sent
  let replaying = false;

  const csrf = () => { const i = $('input[name=csrf-token]'); return i ? i.value : ''; };

  function fields(form) {
    const out = [];
    for (const [k, v] of new FormData(form)) {
      if (k !== 'csrf-token' && k !== 'op' && k !== 'version' && k !== 'claimId') out.push([k, String(v)]);
    }
    return out;
  }

  async function editForm(kind, id) {
    const r = await fetch(`/documents/${documentId}/${kind}/${id}/edit`, { headers: { 'HX-Request': 'true' } });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
    return doc.querySelector('#editor form, form.claim-form, form.span-form');
  }

  // The editor opened on an existing claim, mention or cue: its values as stored are the "before" of an edit.
  body.addEventListener('htmx:afterSwap', (e) => {
    if (!e.detail.target || e.detail.target.id !== 'editor') return;
    const form = $('#editor form');
    const m = form && KIND.exec(form.getAttribute('action') || '');
    if (m && m[2] && !m[3]) pendingBefore.set(`${m[1]}/${m[2]}`, fields(form));
  });

  // A delete: read what is deleted first (its edit form), then let the request go.
  body.addEventListener('htmx:confirm', (e) => {
    const path = e.detail.path || '';
    const m = KIND.exec(path);
    if (!m || !m[3] || replaying || e.detail.verb !== 'post') return;
    e.preventDefault();
    editForm(m[1], m[2]).then((form) => { if (form) pendingBefore.set(`${m[1]}/${m[2]}`, fields(form)); })
      .catch(() => {}).finally(() => e.detail.issueRequest());
  });

  body.addEventListener('htmx:afterRequest', (e) => {
    if (replaying || !e.detail.successful) return;
    const cfg = e.detail.requestConfig || {};
    const m = KIND.exec(cfg.path || '');
    if (!m || (cfg.verb || '').toLowerCase() !== 'post') return;
    const focus = e.detail.xhr.getResponseHeader('X-Credence-Focus') || '';
    const kind = m[1];
    const key = `${kind}/${m[2]}`;
    if (!m[2]) { // create
      const id = focus.split('-')[1];
      if (id && cfg.elt) push({ kind, id, before: null, after: fields(cfg.elt.closest('form') || cfg.elt) });
    } else if (m[3]) { // delete: done when the item is gone
      setTimeout(() => {
        const single = kind.slice(0, -1);
        if (!document.getElementById(`${single}-${m[2]}`) && pendingBefore.has(key)) {
          push({ kind, id: m[2], before: pendingBefore.get(key), after: null });
        }
        pendingBefore.delete(key);
      }, 0);
    } else if (focus && pendingBefore.has(key) && cfg.elt) { // edit
      push({ kind, id: m[2], before: pendingBefore.get(key), after: fields(cfg.elt.closest('form') || cfg.elt) });
      pendingBefore.delete(key);
    }
  });

  function push(entry) {
    undo.push(entry);
    if (undo.length > 50) undo.shift();
    redo.length = 0;
  }

  async function post(url, values) {
    const form = new URLSearchParams(values);
    form.set('csrf-token', csrf());
    const r = await fetch(url, {
      method: 'POST', body: form,
      headers: { 'HX-Request': 'true', 'X-CSRF-TOKEN': csrf(), 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const html = await r.text();
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const next = new DOMParser().parseFromString(html, 'text/html').querySelector('#workspace');
    const old = $('#workspace');
    if (next) {
      // What htmx would swap out of band (the status line, the header's "take" notice) goes to its place.
      next.querySelectorAll('[hx-swap-oob]').forEach((oob) => {
        const there = oob.id && document.getElementById(oob.id);
        if (there && !(old && old.contains(there))) {
          if (oob.getAttribute('hx-swap-oob') === 'innerHTML') there.textContent = oob.textContent;
          else { oob.removeAttribute('hx-swap-oob'); there.replaceWith(oob.cloneNode(true)); }
        }
        oob.remove();
      });
    }
    if (next && old) {
      old.replaceWith(next);
      const fresh = $('#workspace');
      if (window.htmx) window.htmx.process(fresh);
      fresh.dispatchEvent(new CustomEvent('htmx:afterSwap', { bubbles: true, detail: { target: fresh, elt: fresh } }));
      search(true);
    }
    return r.headers.get('X-Credence-Focus') || '';
  }

  // Makes the stored state `to` (fields, or null = absent) from `from`; answers the entity's id afterwards.
  async function apply(entry, to) {
    const base = `/documents/${documentId}/${entry.kind}`;
    if (to === null) {
      await post(`${base}/${entry.id}/delete`, []);
      return entry.id;
    }
    if (entry.id && document.getElementById(`${entry.kind.slice(0, -1)}-${entry.id}`)) {
      const form = await editForm(entry.kind, entry.id);
      const version = form && form.querySelector('input[name=version]');
      const values = version ? [...to, ['version', version.value]] : to;
      await post(`${base}/${entry.id}`, values);
      return entry.id;
    }
    const focus = await post(base, to);
    return focus.split('-')[1] || entry.id;
  }

  async function step(from, into, forward) {
    const entry = from.pop();
    if (!entry) { status(forward ? 'Nothing to redo.' : 'Nothing to undo.'); return; }
    replaying = true;
    try {
      entry.id = await apply(entry, forward ? entry.after : entry.before);
      into.push(entry);
      const what = entry.kind === 'claims' ? 'claim' : entry.kind === 'mentions' ? 'source mention' : 'cue';
      const did = entry.before === null ? 'creation' : entry.after === null ? 'deletion' : 'edit';
      status(`${forward ? 'Redone' : 'Undone'}: ${what} ${did}.`);
    } catch (err) {
      status(`Could not ${forward ? 'redo' : 'undo'} (${err.message}); reload the page to see what is stored.`);
    } finally {
      replaying = false;
    }
  }

  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(document.activeElement)) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) { e.preventDefault(); step(undo, redo, false); }
    else if ((k === 'z' && e.shiftKey) || k === 'y') { e.preventDefault(); step(redo, undo, true); }
  });

  // ---- the panel as a drawer on narrow screens, and what survives a workspace swap

  const narrow = () => window.matchMedia('(max-width: 960px)').matches;
  let drawerOpen = false;
  let guidelinesOpen = false;

  function setDrawer(open) {
    drawerOpen = open;
    const panel = $('#panel');
    const toggle = $('[data-drawer]');
    if (panel) panel.classList.toggle('open', open);
    if (toggle) toggle.setAttribute('aria-expanded', String(open));
  }

  document.addEventListener('click', (e) => {
    if (e.target.closest('[data-drawer-close]')) {
      setDrawer(false);
      const toggle = $('[data-drawer]');
      if (toggle) toggle.focus({ preventScroll: true });
      return;
    }
    if (e.target.closest('[data-drawer]')) {
      setDrawer(!drawerOpen);
      if (drawerOpen) { const p = $('#panel'); if (p) { p.tabIndex = -1; p.focus({ preventScroll: true }); } }
    }
  });
  document.addEventListener('submit', (e) => { if (e.target.matches('[data-no-submit]')) e.preventDefault(); });
  document.addEventListener('toggle', (e) => { if (e.target.id === 'guidelines') guidelinesOpen = e.target.open; }, true);

  body.addEventListener('htmx:afterSwap', (e) => {
    const target = e.detail.target;
    if (!target) return;
    if (target.id === 'editor' && target.firstElementChild && narrow()) setDrawer(true); // a form opened
    if (target.id === 'workspace' || (e.detail.elt && e.detail.elt.id === 'workspace')) {
      setDrawer(drawerOpen && narrow() && !!$('#editor form'));
      const g = $('#guidelines');
      if (g && guidelinesOpen) g.open = true;
      search(true);
    }
  });

  // ---- a hop's mention must name the hop's source: say so while choosing, before saving

  function checkMention(row) {
    const select = row.querySelector('[data-mention-select]');
    const warn = row.querySelector('[data-mention-warn]');
    const name = row.querySelector('[data-source-input]');
    if (!select || !warn || !name) return;
    const opt = select.selectedOptions[0];
    const named = opt && opt.dataset.source;
    const wanted = name.value.trim();
    warn.textContent = opt && opt.value && wanted && named && named.toLowerCase() !== wanted.toLowerCase()
      ? `Mismatch: this mention names ${named}, not ${wanted}.` : '';
  }
  ['change', 'input'].forEach((type) => document.addEventListener(type, (e) => {
    const row = e.target.closest && e.target.closest('.hop-row');
    if (row && (e.target.matches('[data-mention-select]') || e.target.matches('[data-source-input]'))) checkMention(row);
  }));

  body.dataset.workbench = 'ready';
}
