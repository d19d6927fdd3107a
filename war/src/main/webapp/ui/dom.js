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
