// Shared list navigation: the document page's claim list (credence.js) and the adjudication page's item list
// (adjudicate.js). One item is selected at a time (class "selected", aria-current="true"), its segments in
// #doc-text are highlighted (class "sel"), and stepping moves to the next or previous item, stopping at either end.
//
// listNav({ list: '#claim-list', item: '.claim-item', idPrefix: 'claim-', key: 'claim', seg: 'c', focusIn: '.claim-show' })
//   list, item  selectors of the list and its items; an item's element id is idPrefix + its key
//   key         the item's data-* attribute holding its key (data-claim, data-item)
//   seg         the segments' data-* attribute listing the keys they belong to (data-c, data-item)
//   focusIn     the element inside the item that takes focus (the item itself when left out)
//   skipMissing when true, selecting a key with no item leaves the current selection alone
//   onSelect    called with the selected item's key
// returns { items(), select(id, { scrollText, focus }), current(), step(delta, { scrollText, focus }) }

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

export function listNav({ list, item: itemSel, idPrefix, key, seg, focusIn = null, skipMissing = false, onSelect = null }) {
  const items = () => $$(`${list} ${itemSel}`);

  function select(id, { scrollText, focus }) {
    const item = $(`#${idPrefix}${CSS.escape(String(id))}`);
    if (!item && skipMissing) return;
    $$('#doc-text .seg.sel').forEach((s) => s.classList.remove('sel'));
    $$(`${list} ${itemSel}.selected`).forEach((li) => { li.classList.remove('selected'); li.removeAttribute('aria-current'); });
    const k = item ? item.dataset[key] : String(id);
    const segs = $$(`#doc-text .seg[data-${seg}~="${CSS.escape(k)}"]`);
    segs.forEach((s) => s.classList.add('sel'));
    if (item) {
      item.classList.add('selected');
      item.setAttribute('aria-current', 'true');
      if (onSelect) onSelect(k);
      if (focus) (focusIn ? $(focusIn, item) : item).focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    }
    if (scrollText && segs.length) segs[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function current() {
    const active = document.activeElement && document.activeElement.closest && document.activeElement.closest(itemSel);
    return active || $(`${list} ${itemSel}.selected`);
  }

  function step(delta, options) {
    const all = items();
    if (!all.length) return;
    const cur = current();
    let i = cur ? all.indexOf(cur) + delta : (delta > 0 ? 0 : all.length - 1);
    i = Math.max(0, Math.min(all.length - 1, i));
    select(all[i].dataset[key], options);
  }

  return { items, select, current, step };
}
