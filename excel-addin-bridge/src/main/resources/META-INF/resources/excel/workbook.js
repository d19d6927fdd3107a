// The add-in's reads and writes of the workbook through Office.js, each inside the caller's Excel.run
// context. The same places as the command-line bridge (WORKBOOK.md): the Orders sheet, the workbook id in
// the custom document properties, the very hidden _tradebridge ledger, Status/OrderId/Message/SubmittedAt
// created at the right of the header when missing.
import { OUTPUTS, LEDGER_SHEET, LEDGER_HEADER, WORKBOOK_ID_PROPERTY, DATE_TIME_FORMAT, columnsOf, excelDateTime, letters }
  from './sheet.js';

export const ORDERS_SHEET = 'Orders';
const PROBLEM_FILL = '#F8D7DA';
const PROBLEMS = new Set(['INVALID', 'REJECTED', 'ERROR']);

const blank = v => v === '' || v === null || v === undefined;

/**
 * The order sheet ('Orders', else the active sheet) from its header down, as values from column A:
 * { name, firstRow (the header's row number), values }.
 */
export async function readOrderSheet(context) {
  let sheet = context.workbook.worksheets.getItemOrNullObject(ORDERS_SHEET);
  await context.sync();
  if (sheet.isNullObject) sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await context.sync();
  if (used.isNullObject) return { name: sheet.name, firstRow: 1, values: [] };
  const values = used.values.map(r => [...new Array(used.columnIndex).fill(''), ...r]);
  let skip = 0;
  while (skip < values.length && values[skip].every(blank)) skip++;
  return { name: sheet.name, firstRow: used.rowIndex + 1 + skip, values: values.slice(skip) };
}

/** The row numbers of the selection (as Excel shows them). */
export async function selectedRows(context) {
  const range = context.workbook.getSelectedRange();
  range.load('rowIndex,rowCount');
  await context.sync();
  const rows = new Set();
  for (let i = 0; i < range.rowCount; i++) rows.add(range.rowIndex + 1 + i);
  return rows;
}

/**
 * The workbook's id (WORKBOOK.md, "Never twice"): read from the custom document properties, or made with
 * {@code make()} and stored there — and the workbook saved, where Excel can — before any order derived from
 * it leaves.
 */
export async function workbookId(context, make) {
  const custom = context.workbook.properties.custom;
  const item = custom.getItemOrNullObject(WORKBOOK_ID_PROPERTY);
  item.load('value');
  await context.sync();
  if (!item.isNullObject && item.value) return String(item.value);
  const id = make();
  custom.add(WORKBOOK_ID_PROPERTY, id);
  await context.sync();
  try {
    context.workbook.save('Save');
    await context.sync();
  } catch (e) {
    // Excel on the web saves by itself; a new desktop workbook may have nowhere to save yet.
  }
  return id;
}

/** The ledger sheet's values, header first ([] when the workbook has none yet). */
export async function ledgerValues(context) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
  await context.sync();
  if (sheet.isNullObject) return [];
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  return used.isNullObject ? [] : used.values;
}

/**
 * Writes each row's result (Status, OrderId, Message, SubmittedAt — a row with a problem coloured) and the
 * ledger entries, in one sync: results and ledger travel together, as in the bridge's one write.
 *
 * @param read what {@link readOrderSheet} gave
 * @param results [{ row, status, orderId, message, submittedAt? (a Date), filledQuantity?, averagePrice? }]
 * @param entries [{ key, clientOrderId, generation, status, sentAt }]
 * @param ledger what {@code readLedger} made of {@link ledgerValues} (entries know their ledger row)
 */
export async function writeResults(context, read, results, entries, ledger) {
  const sheet = context.workbook.worksheets.getItem(read.name);
  const header = read.values[0] || [];
  const at = columnsOf(header, OUTPUTS);
  let next = header.length;
  for (const name of OUTPUTS) {
    if (at[name] === undefined) {
      at[name] = next++;
      sheet.getRange(`${letters(at[name])}${read.firstRow}`).values = [[name]];
    }
  }
  const fills = columnsOf(header, ['FilledQuantity', 'AveragePrice']);
  for (const r of results) {
    const cell = name => sheet.getRange(`${letters(at[name])}${r.row}`);
    cell('Status').values = [[r.status]];
    cell('OrderId').values = [[r.orderId || '']];
    cell('Message').values = [[r.message || '']];
    if (r.submittedAt) {
      cell('SubmittedAt').values = [[excelDateTime(r.submittedAt)]];
      cell('SubmittedAt').numberFormat = [[DATE_TIME_FORMAT]];
    }
    // A fill the answer already carries, where the sheet has room for it.
    if (r.filledQuantity !== undefined && fills.FilledQuantity !== undefined) {
      sheet.getRange(`${letters(fills.FilledQuantity)}${r.row}`).values = [[r.filledQuantity]];
    }
    if (r.averagePrice !== undefined && fills.AveragePrice !== undefined) {
      sheet.getRange(`${letters(fills.AveragePrice)}${r.row}`).values = [[r.averagePrice]];
    }
    if (PROBLEMS.has(r.status)) cell('Status').format.fill.color = PROBLEM_FILL;
    else cell('Status').format.fill.clear();
  }
  if (entries.length) {
    let book = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
    await context.sync();
    if (book.isNullObject) {
      book = context.workbook.worksheets.add(LEDGER_SHEET);
      book.getRange(`A1:${letters(LEDGER_HEADER.length - 1)}1`).values = [LEDGER_HEADER];
      book.visibility = 'VeryHidden';
    }
    let last = Math.max(1, ...Object.values(ledger).map(e => e.row));
    for (const e of entries) {
      const row = ledger[e.key] ? ledger[e.key].row : ++last;
      book.getRange(`A${row}:E${row}`).values = [[e.key, e.clientOrderId, e.generation, e.status, e.sentAt]];
      ledger[e.key] = { ...e, row };
    }
  }
  await context.sync();
}

/**
 * Writes the orders the stream told of into the rows that hold their ids: Status, and FilledQuantity and
 * AveragePrice where the sheet has those columns. Returns how many rows changed.
 */
export async function refreshStatuses(context, orders) {
  const read = await readOrderSheet(context);
  if (!read.values.length) return 0;
  const at = columnsOf(read.values[0], ['Status', 'OrderId', 'FilledQuantity', 'AveragePrice']);
  if (at.OrderId === undefined || at.Status === undefined) return 0;
  const sheet = context.workbook.worksheets.getItem(read.name);
  let changed = 0;
  read.values.forEach((r, i) => {
    if (i === 0) return;
    const o = orders.get(String(r[at.OrderId] || ''));
    if (!o || r[at.Status] === o.status) return;
    const row = read.firstRow + i;
    sheet.getRange(`${letters(at.Status)}${row}`).values = [[o.status]];
    if (at.FilledQuantity !== undefined) sheet.getRange(`${letters(at.FilledQuantity)}${row}`).values = [[o.filledQuantity]];
    if (at.AveragePrice !== undefined) sheet.getRange(`${letters(at.AveragePrice)}${row}`).values = [[Number(o.averagePrice)]];
    changed++;
  });
  await context.sync();
  return changed;
}
