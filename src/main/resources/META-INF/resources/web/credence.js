// Credence's main browser module: text selection and keyboard shortcuts on the document page (list navigation
// shared with the adjudication page lives in listnav.js).
// Everything here is an enhancement: without it the page is a complete read-only view, and every
// form still works as a plain POST.

import { listNav } from './listnav.js';

if (window.htmx) {
  // Validation errors (422) and stale edits (409) come back as a re-rendered form: swap them in.
  window.htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '409', swap: true, error: false },
    { code: '422', swap: true, error: false },
    { code: '[45]..', swap: false, error: true },
  ];
}

// A save the server refused or could not make is never silent. A refused form comes back as its own
// fragment (marked by HX-Retarget) and is swapped in with the message next to the field; any other
// failure (a 413 from the server's size limit, a 500, the network) is shown at the top of the form.
if (window.htmx) {
  document.body.addEventListener('htmx:beforeSwap', (e) => {
    const xhr = e.detail.xhr;
    if (xhr.status >= 400 && xhr.getResponseHeader('HX-Retarget')) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  const failed = (e, text) => {
    const form = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest('form') : null;
    if (!form) return;
    let alert = form.querySelector('[data-save-error]');
    if (!alert) {
      alert = document.createElement('p');
      alert.className = 'error';
      alert.setAttribute('role', 'alert');
      alert.dataset.saveError = '';
      alert.tabIndex = -1;
      const heading = form.querySelector('h2, h3');
      if (heading) heading.after(alert); else form.prepend(alert);
    }
    alert.textContent = text;
    alert.focus({ preventScroll: false });
  };
  document.body.addEventListener('htmx:responseError', (e) => {
    const xhr = e.detail.xhr;
    let detail = '';
    try {
      if ((xhr.getResponseHeader('Content-Type') || '').includes('json')) {
        detail = JSON.parse(xhr.responseText).detail || '';
      } else {
        const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        const el = page.querySelector('[role=alert], .error-detail, h1');
        detail = el ? el.textContent.trim() : '';
      }
    } catch (ignored) { /* keep the generic message */ }
    failed(e, `Not saved (HTTP ${xhr.status})${detail ? ': ' + detail : '.'}`);
  });
  document.body.addEventListener('htmx:sendError', (e) => failed(e, 'Not saved: the server could not be reached. Try again.'));
}

const body = document.body;
const documentId = body.dataset.document;

if (documentId) {
  body.classList.add('js');
  let lastRange = null;   // the last selection inside the text, kept while focus moves to a toolbar button
  let codePoints = null;  // the text as an array of code points, rebuilt after each swap

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const textEl = () => $('#doc-text');
  const status = (msg) => { const s = $('#status'); if (s) s.textContent = msg; };

  function allCodePoints() {
    if (!codePoints) codePoints = Array.from(textEl().textContent);
    return codePoints;
  }

  // A DOM position (node + UTF-16 offset) as a code point offset of the document text.
  function toCp(node, offset, atEnd) {
    const text = textEl();
    if (!text.contains(node)) {
      // The selection runs past the text: clamp to its start or end.
      const before = node.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING;
      return before ? 0 : allCodePoints().length;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest('.seg');
      return Number(seg.dataset.s) + Array.from(node.data.slice(0, offset)).length;
    }
    if (node === text) {
      const kids = text.children;
      return offset < kids.length ? Number(kids[offset].dataset.s) : allCodePoints().length;
    }
    const seg = node.closest('.seg');
    const start = Number(seg.dataset.s);
    return offset === 0 && !atEnd ? start : (offset === 0 ? start : start + Array.from(seg.textContent).length);
  }

  function selectedSpan() {
    const sel = window.getSelection();
    let range = sel && sel.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0) : null;
    if (range && !rangeTouchesText(range)) range = null;
    range = range || lastRange;
    if (!range) return null;
    let start = toCp(range.startContainer, range.startOffset, false);
    let end = toCp(range.endContainer, range.endOffset, true);
    const cps = allCodePoints();
    while (start < end && /\s/u.test(cps[start])) start++;
    while (end > start && /\s/u.test(cps[end - 1])) end--;
    return start < end ? { start, end } : null;
  }

  function rangeTouchesText(range) {
    const text = textEl();
    return text && range.intersectsNode(text) && !range.collapsed;
  }

  document.addEventListener('selectionchange', () => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed && rangeTouchesText(sel.getRangeAt(0))) {
      lastRange = sel.getRangeAt(0).cloneRange();
    }
  });

  function open(url) {
    if (window.htmx) {
      window.htmx.ajax('GET', url, { target: '#editor', swap: 'innerHTML' });
    } else {
      window.location.href = url;
    }
  }

  function mark(kind) {
    if (!$('[data-mark]')) {
      status('This layer is submitted; reopen it to mark text.');
      return;
    }
    const span = selectedSpan();
    if (!span) {
      status('Select some text in the article first.');
      return;
    }
    const path = kind === 'claim' ? 'claims' : kind === 'mention' ? 'mentions' : 'cues';
    open(`/documents/${documentId}/${path}/new?start=${span.start}&end=${span.end}`);
  }

  // ---- claims: panel <-> text

  // selection, focus and j/k stepping are shared with the adjudication page (listnav.js)
  const claimNav = listNav({ list: '#claim-list', item: '.claim-item', idPrefix: 'claim-', key: 'claim', seg: 'c', focusIn: '.claim-show' });

  function selectClaim(id, { scrollText = true, focus = false } = {}) { claimNav.select(id, { scrollText, focus }); }

  function currentClaimItem() { return claimNav.current(); }

  function step(delta) { claimNav.step(delta, { scrollText: true, focus: true }); }

  document.addEventListener('click', (e) => {
    const t = e.target;
    const show = t.closest('.claim-show');
    if (show) {
      selectClaim(show.closest('.claim-item').dataset.claim);
      return;
    }
    // The claim list's items carry plain links and buttons (no per-claim htmx attributes, issue 10): this one
    // handler makes "Edit" an in-page request to the editor and "Delete" a confirmed POST, as htmx did per item.
    const claimEdit = t.closest('#claim-list .claim-item [data-edit]');
    if (claimEdit && window.htmx) {
      e.preventDefault();
      window.htmx.ajax('GET', claimEdit.getAttribute('href'), { source: claimEdit, target: '#editor', swap: 'innerHTML' });
      return;
    }
    const claimDelete = t.closest('#claim-list .claim-item [data-delete]');
    if (claimDelete && window.htmx) {
      const id = claimDelete.closest('.claim-item').dataset.claim;
      if (window.confirm('Delete this claim and its attribution?')) {
        window.htmx.ajax('POST', `/documents/${documentId}/claims/${id}/delete`,
          { source: claimDelete, target: '#workspace', swap: 'outerHTML' });
      }
      return;
    }
    const markBtn = t.closest('[data-mark]');
    if (markBtn) { mark(markBtn.dataset.mark); return; }
    const replace = t.closest('[data-replace]');
    if (replace) {
      // An orphaned claim goes to the text selected now: its edit form opens on the new span.
      const span = selectedSpan();
      if (!span) { status('Select the text where this claim belongs now, then press Re-place.'); return; }
      open(`/documents/${documentId}/claims/${replace.dataset.replace}/edit?start=${span.start}&end=${span.end}`);
      return;
    }
    if (t.closest('[data-help]')) { $('#help').showModal(); return; }
    const close = t.closest('#editor [data-close]');
    if (close) { e.preventDefault(); closeEditor(); return; }
    const seg = t.closest('#doc-text .seg');
    if (seg && window.getSelection().isCollapsed) {
      if (seg.dataset.c) {
        const ids = seg.dataset.c.split(' ');
        selectClaim(ids[ids.length - 1], { scrollText: false, focus: true });
      } else if (seg.dataset.m || seg.dataset.u) {
        const id = seg.dataset.m ? `mention-${seg.dataset.m.split(' ').pop()}` : `cue-${seg.dataset.u.split(' ').pop()}`;
        const li = document.getElementById(id);
        if (li) { li.scrollIntoView({ block: 'nearest' }); li.classList.add('flash-item'); setTimeout(() => li.classList.remove('flash-item'), 1200); }
      }
    }
  });

  function closeEditor() {
    const editor = $('#editor');
    if (editor && editor.firstElementChild) {
      editor.innerHTML = '';
      status('Form closed.');
      const sel = $('#claim-list .claim-item.selected .claim-show');
      (sel || textEl()).focus({ preventScroll: true });
    }
  }

  // ---- keyboard

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
    && !(el.tagName === 'INPUT' && /^(radio|checkbox|button|submit)$/.test(el.type));

  // The open form's label selects carry their keys (data-hotkeys="plain|shift", option[data-key]).
  function labelKey(k, shift) {
    for (const sel of $$('#editor select[data-hotkeys]')) {
      if ((sel.dataset.hotkeys === 'shift') !== shift) continue;
      const opt = $(`option[data-key="${k}"]`, sel);
      if (!opt) continue;
      sel.value = opt.value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      const label = sel.labels && sel.labels[0] ? sel.labels[0].textContent.trim() : sel.name;
      status(`${label}: ${opt.textContent.replace(/\s*\(⇧?[a-z]\)$/, '')}`);
      return true;
    }
    return false;
  }

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if ($('#help').open) return; // the dialog handles Esc itself
    const active = document.activeElement;
    if (e.key === 'Escape') {
      if (typing(active)) active.blur();
      closeEditor();
      return;
    }
    // On a label select (the form opens on Kind), the schema's keys win over the select's own type-ahead.
    if (active && active.tagName === 'SELECT' && active.dataset.hotkeys && /^[a-z]$/i.test(e.key)
        && labelKey(e.key.toLowerCase(), e.shiftKey)) {
      e.preventDefault();
      return;
    }
    if (typing(active)) return;
    const key = e.key;
    let handled = true;
    if (key === 'c' || key === 's' || key === 'u') {
      mark(key === 'c' ? 'claim' : key === 's' ? 'mention' : 'cue');
    } else if (key === '?') {
      $('#help').showModal();
    } else if (key === 'j') {
      step(1);
    } else if (key === 'k') {
      step(-1);
    } else if (/^[1-6]$/.test(key) && $('#editor input[name=credibility]')) {
      const radio = $(`#editor input[name=credibility][value="${key}"]`);
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      status(`Credibility ${key}: ${radio.parentElement.textContent.trim().replace(/^\d\s*/, '')}`);
    } else if (key === 'e') {
      const item = currentClaimItem();
      const edit = item && $('[data-edit]', item);
      if (edit) edit.click(); else handled = false;
    } else if (key === 'Delete' || key === 'x') {
      const item = currentClaimItem();
      const del = item && $('[data-delete]', item);
      if (del) del.click(); else handled = false;
    } else if (key === 'Enter' && active && active.classList.contains('claim-item')) {
      selectClaim(active.dataset.claim);
    } else if (/^[a-z]$/i.test(key) && labelKey(key.toLowerCase(), e.shiftKey)) {
      // a key from the project's label schema: claim kind, Shift+key stance, cue class, mention source type
    } else {
      handled = false;
    }
    if (handled) e.preventDefault();
  });

  // ---- after htmx swaps: focus and selection follow the change

  // After "Add hop", "↑", "↓" or "Remove", keep the keyboard where the hop went.
  function rowAfterOp(elt) {
    const m = elt && elt.name === 'op' ? /^(add|up|down|remove)(?:-(\d+))?$/.exec(elt.value) : null;
    if (!m) return null;
    const rows = $$('#editor .hop-row');
    const i = Number(m[2] || 0);
    const row = m[1] === 'add' ? rows[rows.length - 1] : m[1] === 'up' ? rows[i - 1]
      : m[1] === 'down' ? rows[i + 1] : rows[Math.max(0, i - 1)];
    return row ? $('input', row) : null;
  }

  body.addEventListener('htmx:afterSwap', (e) => {
    const target = e.detail.target;
    if (target && target.id === 'editor') {
      const first = $('#editor [role=alert]') || $('#editor select, #editor input:not([type=hidden]), #editor textarea');
      if (first) {
        if (first.getAttribute('role') === 'alert') first.tabIndex = -1;
        const row = rowAfterOp(e.detail.requestConfig && e.detail.requestConfig.elt);
        if (row) {
          row.focus();
        } else {
          // A new form starts at the top of the panel; the page itself does not jump.
          const panel = target.closest('.panel');
          if (panel) panel.scrollTop = 0;
          first.focus({ preventScroll: true });
        }
      }
      status(target.firstElementChild ? 'Form opened.' : '');
    }
  });

  body.addEventListener('htmx:afterSwap', (e) => {
    const target = e.detail.target;
    if (target && target.id === 'workspace' || e.detail.elt && e.detail.elt.id === 'workspace') {
      // The text was re-rendered: old ranges and the code point cache point at removed nodes.
      codePoints = null;
      lastRange = null;
      const focus = e.detail.xhr && e.detail.xhr.getResponseHeader('X-Credence-Focus');
      if (focus && focus.startsWith('claim-')) {
        selectClaim(focus.slice(6), { focus: true, scrollText: false });
      } else if (textEl()) {
        textEl().focus({ preventScroll: true });
      }
    }
  });

  if (/^#claim-\d+$/.test(window.location.hash)) {
    selectClaim(window.location.hash.slice(7), { focus: true });
  }
  // Every handler is in place: tests (and anything else) can wait for this before typing shortcuts.
  body.dataset.ready = 'true';
}

// Export jobs on the project page: each unfinished job's progress bar follows its state (polled as JSON
// from the page's own route), and the download link appears when it is done. Without this script the
// page shows the state as it was when loaded; reloading it shows the current one.
const exportJobs = Array.from(document.querySelectorAll('[data-export-job]'));
const exportActive = (state) => state === 'queued' || state === 'running';

function exportStatusText(job) {
  switch (job.state) {
    case 'queued': return 'queued';
    case 'running': return `running: ${job.progress.done} of ${job.progress.total} documents`;
    case 'done': return `done: ${job.progress.total} documents, ${((job.bytes || 0) / 1e6).toFixed(1)} MB`;
    case 'failed': return 'failed';
    default: return 'expired: the file was removed; start the export again';
  }
}

function renderExportJob(item, job) {
  const bar = item.querySelector('progress');
  const status = item.querySelector('.export-status');
  const max = Math.max(1, job.progress.total);
  bar.max = max;
  if (job.state === 'queued') bar.removeAttribute('value');
  else bar.value = job.state === 'done' ? max : job.progress.done;
  bar.textContent = `${job.progress.done} of ${job.progress.total}`;
  // The live region speaks on a change of state and every tenth of the way, not on every poll.
  const tenth = Math.floor((10 * job.progress.done) / max);
  if (job.state !== item.dataset.state || String(tenth) !== item.dataset.tenth) {
    status.textContent = exportStatusText(job);
    item.dataset.tenth = String(tenth);
  }
  item.dataset.state = job.state;
  if (job.downloadUrl && !item.querySelector('.export-download')) {
    const link = document.createElement('a');
    link.className = 'export-download';
    link.href = job.downloadUrl;
    link.setAttribute('download', '');
    link.textContent = `Download ${job.fileName}`;
    status.after(' ', link);
  }
  if (job.error && !item.querySelector('.error')) {
    const error = document.createElement('p');
    error.className = 'error';
    error.setAttribute('role', 'alert');
    error.textContent = `Export failed: ${job.error}`;
    item.append(error);
  }
}

function pollExportJob(item) {
  const tick = async () => {
    let job;
    try {
      const response = await fetch(item.dataset.statusUrl, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      job = await response.json();
    } catch (e) {
      item.querySelector('.export-status').textContent = `progress not available (${e.message}); retrying`;
      setTimeout(tick, 5000);
      return;
    }
    renderExportJob(item, job);
    if (exportActive(job.state)) setTimeout(tick, 1000);
  };
  setTimeout(tick, 500);
}

exportJobs.filter((item) => exportActive(item.dataset.state)).forEach(pollExportJob);

// ---- corroboration: warn when credibility 1 is chosen without an independent corroboration

function updateGrade1Warning() {
  const warning = document.querySelector('[data-grade1-warning]');
  if (!warning) return;
  const panel = document.querySelector('[data-corroboration]');
  if (panel) warning.dataset.independent = panel.dataset.independent;
  const chosen = document.querySelector('.claim-form input[name=credibility]:checked');
  warning.hidden = !(chosen && chosen.value === '1' && Number(warning.dataset.independent || 0) === 0);
}
document.addEventListener('change', (e) => {
  if (e.target && e.target.name === 'credibility') updateGrade1Warning();
});
document.body.addEventListener('htmx:afterSettle', updateGrade1Warning);
