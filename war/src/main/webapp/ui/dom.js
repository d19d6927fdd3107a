// Small DOM helpers: elements are built with the DOM API (never innerHTML), so text from the server is never markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'text') el.textContent = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A labelled input; the label's for= ties it to the field for screen readers and clicks. */
let fieldCount = 0;
export function field(label, attrs = {}) {
  const id = attrs.id || `f${++fieldCount}`;
  const input = attrs.tag === 'select'
    ? h('select', { ...attrs, tag: null, options: null, id }, ...(attrs.options || []).map(o =>
        h('option', { value: o.value ?? o, selected: o.selected }, o.label ?? o)))
    : attrs.tag === 'textarea' ? h('textarea', { ...attrs, tag: null, id }) : h('input', { ...attrs, id });
  return h('div', { class: attrs.type === 'checkbox' ? 'field check' : 'field' },
    attrs.type === 'checkbox' ? [input, h('label', { for: id }, label)] : [h('label', { for: id }, label), input]);
}

/** Clears an element and fills it with children. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return el;
}

/** The place a page shows its errors: announced to screen readers. */
export function alertBox() {
  return h('p', { class: 'alert', role: 'alert', hidden: true });
}

export function showError(box, error) {
  box.textContent = error && error.message ? error.message : String(error);
  box.hidden = false;
}

export function clearError(box) {
  box.textContent = '';
  box.hidden = true;
}

export function table(columns, rows, empty = 'Nothing yet.') {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map(r => h('tr', {}, columns.map(c => h('td', { 'data-label': c.label }, c.value(r))))))));
}

export function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') values[el.name] = el.checked;
    else values[el.name] = el.value.trim();
  }
  return values;
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

// Money as an Indian trader reads it: rupees with lakh and crore grouping (₹1,00,00,000.00).
const RUPEES = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2 });
const PRICE = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A rupee amount (P&L, cash, margin); '—' when there is none. */
export function money(value) {
  return value === null || value === undefined || value === '' ? '—' : RUPEES.format(Number(value));
}

/** A price, grouped the Indian way with at least two decimals; '—' when there is none. */
export function price(value) {
  return value === null || value === undefined || value === '' ? '—' : PRICE.format(Number(value));
}

/**
 * A modal form (never prompt(): its Cancel and an emptied box were taken as answers). onSubmit gets the
 * form's values; a problem it throws is shown in the dialog, which stays open; otherwise it closes.
 */
export function formDialog({ id, title, fields, submitLabel, cancelLabel = 'Cancel', onSubmit }) {
  const error = alertBox();
  const titleId = `${id}-title`;
  const form = h('form', { method: 'dialog', id }, h('h2', { id: titleId }, title), fields, error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, submitLabel),
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, cancelLabel)));
  const dialog = h('dialog', { 'aria-labelledby': titleId }, form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      await onSubmit(formValues(form));
      dialog.close();
    } catch (e) { showError(error, e); }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** An address as people write it: 127.0.0.1 for an IPv4-mapped one, ::1 and other IPv6 shortened. */
export function address(ip) {
  if (!ip) return '—';
  const mapped = ip.match(/^(?:0:0:0:0:0:ffff:|::ffff:)(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return mapped[1];
  if (!ip.includes(':') || ip.includes('::')) return ip;
  const parts = ip.split(':').map(p => p.replace(/^0+(?=.)/, '').toLowerCase());
  // The longest run of zero groups (two or more) becomes '::', as RFC 5952 writes it.
  let best = -1, bestLen = 1;
  for (let i = 0; i < parts.length;) {
    if (parts[i] !== '0') { i++; continue; }
    let j = i;
    while (j < parts.length && parts[j] === '0') j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  if (best < 0) return parts.join(':');
  return `${parts.slice(0, best).join(':')}::${parts.slice(best + bestLen).join(':')}`;
}
