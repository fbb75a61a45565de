// Suggestions on the document page: dashed highlights of the suggested claims (CSS Custom Highlights, so the
// text's DOM and layout never change and nothing is counted as an annotation), and the keys on a focused
// suggestion: Enter accepts, Backspace rejects, e opens its edit fields.
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// A DOM position for a code-point offset of the document text: the segment whose data-s is the last <= cp.
function position(segs, cp) {
  let lo = 0, hi = segs.length - 1, at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (Number(segs[mid].dataset.s) <= cp) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  if (at < 0) return null;
  const seg = segs[at];
  const node = seg.firstChild;
  if (!node) return null;
  let left = cp - Number(seg.dataset.s);
  const text = node.textContent;
  let i = 0;
  while (left > 0 && i < text.length) { i += text.codePointAt(i) > 0xffff ? 2 : 1; left--; }
  return { node, offset: i };
}

function paint() {
  if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') return;
  const segs = $$('#doc-text .seg[data-s]');
  const all = new Highlight();
  const focused = new Highlight();
  const current = document.activeElement && document.activeElement.closest && document.activeElement.closest('.suggestion');
  for (const li of $$('#suggestions .suggestion')) {
    const a = position(segs, Number(li.dataset.start));
    const b = position(segs, Number(li.dataset.end));
    if (!a || !b) continue;
    const r = new Range();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    (li === current ? focused : all).add(r);
  }
  CSS.highlights.set('suggestion', all);
  CSS.highlights.set('suggestion-focus', focused);
}

function reloadWorkspace() {
  const doc = document.body.dataset.document;
  if (window.htmx && doc && $('#workspace')) {
    window.htmx.ajax('GET', `/documents/${doc}`, { target: '#workspace', select: '#workspace', swap: 'outerHTML' });
  }
}

let focusIndex = -1;

document.addEventListener('keydown', (e) => {
  const li = e.target.closest && e.target.closest('.suggestion');
  if (!li || e.target !== li || e.ctrlKey || e.metaKey || e.altKey) return;
  let button = null;
  if (e.key === 'Enter') button = $('[data-accept]', li);
  else if (e.key === 'Backspace' || e.key === 'Delete') button = $('[data-reject]', li);
  else if (e.key === 'e') {
    const d = $('details.edit', li);
    if (d) { d.open = true; const first = $('select', d); if (first) first.focus(); }
    e.preventDefault();
    e.stopPropagation();
    return;
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const items = $$('#suggestions .suggestion');
    const next = items[items.indexOf(li) + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
  } else return;
  e.preventDefault();
  e.stopPropagation();
  if (button) {
    focusIndex = $$('#suggestions .suggestion').indexOf(li);
    button.click();
  }
}, true);

document.addEventListener('focusin', (e) => {
  if (e.target.closest && e.target.closest('#suggestions')) paint();
  const li = e.target.closest && e.target.closest('.suggestion');
  if (li && e.target === li) {
    const a = position($$('#doc-text .seg[data-s]'), Number(li.dataset.start));
    if (a && a.node.parentElement) a.node.parentElement.scrollIntoView({ block: 'nearest' });
  }
});

document.addEventListener('htmx:afterSettle', (e) => {
  const t = e.detail && e.detail.elt;
  if (t && t.id === 'suggestions' && focusIndex >= 0) {
    const items = $$('#suggestions .suggestion');
    const next = items[Math.min(focusIndex, items.length - 1)];
    if (next) next.focus();
    focusIndex = -1;
  }
  paint();
});
document.body.addEventListener('credence-claims-changed', reloadWorkspace);
