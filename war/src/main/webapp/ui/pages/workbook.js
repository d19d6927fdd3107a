import { h, field, alertBox, showError, clearError } from '../dom.js';
import { call } from '../api.js';

export async function page(view) {
  const error = alertBox();
  const result = h('div', { id: 'workbook-result', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id: 'workbook-file', name: 'file', accept: '.xlsx,.xlsm,.xls', required: true });
  const drop = h('div', { class: 'drop', id: 'drop-zone' }, 'Drop a workbook here, or choose one below.');
  const form = h('form', { class: 'card', id: 'workbook-form' },
    h('p', {}, 'Upload an order workbook (the Orders sheet, as the Excel bridge reads it). Each valid row is placed once;'
      + ' you get the workbook back with Status, OrderId and Message in every row. Uploading the returned file again'
      + ' places nothing new. Up to 10 MiB and 10,000 rows.'),
    drop,
    h('div', { class: 'field' }, h('label', { for: 'workbook-file' }, 'Workbook'), input),
    field('Sheet', { name: 'sheet', value: 'Orders' }),
    error,
    h('button', { type: 'submit' }, 'Upload and place'));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      drop.textContent = `Chosen: ${e.dataTransfer.files[0].name}`;
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    const file = input.files[0];
    if (!file) { showError(error, 'Choose a workbook first.'); return; }
    const data = new FormData();
    data.append('file', file, file.name);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    result.replaceChildren(h('p', { role: 'status' }, `Placing the orders of ${file.name}…`));
    try {
      const sheet = form.elements.sheet.value.trim();
      const response = await call('POST', '/orders/workbook' + (sheet && sheet !== 'Orders'
        ? '?sheet=' + encodeURIComponent(sheet) : ''), data, { raw: true });
      const blob = await response.blob();
      const summary = Object.fromEntries((response.headers.get('Tradebridge-Summary') || '').split(';')
        .map(p => p.trim().split('=')).filter(p => p.length === 2));
      const link = h('a', { href: URL.createObjectURL(blob), download: file.name.replace(/(\.\w+)$/, '.results$1'),
        class: 'button', id: 'download-result' }, 'Download the workbook with results');
      result.replaceChildren(h('div', { class: 'card' },
        h('p', { role: 'status', id: 'workbook-summary' }, `${summary.rows ?? '?'} order rows: ${summary.sent ?? 0} sent`
          + ` (${summary.placed ?? 0} placed, ${summary.held ?? 0} awaiting approval, ${summary.rejected ?? 0} rejected),`
          + ` ${summary.invalid ?? 0} invalid, ${summary.handled ?? 0} already handled.`), link));
    } catch (e) {
      result.replaceChildren();
      showError(error, e);
    } finally {
      button.disabled = false;
    }
  });
  view.append(form, result);
}
