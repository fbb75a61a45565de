// The adjudication page's keyboard: j/k move between items, 1–9 accept reviewer N's version,
// e edits, w writes an own gold claim, u undoes, Enter shows the item in the text, ? help.
// Loaded only on this page; every action is also a plain button or link.

import { listNav } from './listnav.js';

const body = document.body;
const documentId = body.dataset.adjudicate;

if (documentId) {
  body.classList.add('js');
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const status = (msg) => { const s = $('#status'); if (s) s.textContent = msg; };
  let current = null; // the number of the focused item, kept across htmx swaps

  // selection, focus and j/k stepping are shared with the document page's claim list (listnav.js)
  const nav = listNav({ list: '#item-list', item: '.item', idPrefix: 'item-', key: 'item', seg: 'item', skipMissing: true,
    onSelect: (key) => { current = key; } });

  function select(number, { focus = true, scrollText = false } = {}) { nav.select(number, { focus, scrollText }); }

  function currentItem() { return nav.current(); }

  function step(delta) { nav.step(delta, { scrollText: true, focus: true }); }

  function press(selector) {
    const item = currentItem();
    const el = item && $(selector, item);
    if (el) { el.click(); return true; }
    return false;
  }

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
    && !(el.tagName === 'INPUT' && /^(radio|checkbox|button|submit)$/.test(el.type));

  function closeEditor() {
    const editor = $('#editor');
    if (editor && editor.firstElementChild) {
      editor.innerHTML = '';
      status('Form closed.');
      if (current) select(current);
    }
  }

  document.addEventListener('click', (e) => {
    const t = e.target;
    if (t.closest('[data-help]')) { $('#help').showModal(); return; }
    if (t.closest('#editor [data-close]')) { e.preventDefault(); closeEditor(); return; }
    const seg = t.closest('#doc-text .seg[data-item]');
    if (seg) { const ids = seg.dataset.item.split(' '); select(ids[ids.length - 1]); }
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if ($('#help') && $('#help').open) return;
    const active = document.activeElement;
    if (e.key === 'Escape') {
      if (typing(active)) active.blur();
      closeEditor();
      return;
    }
    if (typing(active)) return;
    const key = e.key;
    let handled = true;
    if (key === 'j') {
      step(1);
    } else if (key === 'k') {
      step(-1);
    } else if (key === '?') {
      $('#help').showModal();
    } else if (/^[1-9]$/.test(key)) {
      handled = press(`[data-accept="${key}"]`);
      if (!handled) status(`Item has no version of reviewer ${key} to accept.`);
    } else if (key === 'e') {
      handled = press('[data-edit-gold]') || press('[data-edit-version="1"]');
    } else if (key === 'w') {
      handled = press('[data-write-own]');
    } else if (key === 'u') {
      handled = press('[data-undo]');
    } else if (key === 'Enter' && active && active.classList.contains('item')) {
      select(active.dataset.item, { scrollText: true });
    } else {
      handled = false;
    }
    if (handled) e.preventDefault();
  });

  body.addEventListener('htmx:afterSwap', (e) => {
    const target = e.detail.target;
    if (target && target.id === 'editor') {
      const first = $('#editor [role=alert]') || $('#editor select, #editor input:not([type=hidden]), #editor textarea');
      if (first) {
        if (first.getAttribute('role') === 'alert') first.tabIndex = -1;
        first.focus({ preventScroll: true });
      }
      status(target.firstElementChild ? 'Form opened.' : '');
    } else if (target && target.id === 'workspace' || (e.detail.elt && e.detail.elt.id === 'workspace')) {
      const form = $('#editor .claim-form');
      if (form) {
        const first = $('select, input:not([type=hidden])', form);
        if (first) first.focus({ preventScroll: true });
      } else if (current) {
        select(current);
      }
    }
  });

  const hash = /^#item-(\d+)$/.exec(window.location.hash);
  if (hash) select(hash[1]);
}
