// The add-in's reads and writes of the workbook, against Microsoft's office-addin-mock: a property read
// without load() and sync() fails here as it fails in Excel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mock from 'office-addin-mock';
import { readOrderSheet, writeResults, refreshStatuses, workbookId } from '../excel/workbook.js';
import { readLedger } from '../excel/sheet.js';

const { OfficeMockObject } = mock;

/** A workbook whose Orders sheet holds {@code values} from row {@code rowIndex + 1}, column {@code columnIndex + 1}. */
function excel(values, rowIndex = 0, columnIndex = 0) {
  const context = new OfficeMockObject({
    workbook: {
      worksheets: { orders: { name: 'Orders', used: { values, rowIndex, columnIndex } } },
      properties: { custom: { stored: { value: '' } } },
    },
  });
  const cells = {};
  const sheets = { Orders: cells };
  const range = (book, address) => {
    book[address] = book[address] || { values: null, format: { fill: { color: null, clear() { this.color = null; } } } };
    return book[address];
  };
  const ws = context.workbook.worksheets;
  const orders = ws.orders;
  // Office's null-object pattern: what exists says isNullObject false after a sync.
  orders.isNullObject = false;
  orders.used.isNullObject = false;
  orders.getUsedRangeOrNullObject = () => orders.used;
  orders.getRange = address => range(cells, address);
  ws.getItemOrNullObject = name => (sheets[name] ? (name === 'Orders' ? orders : sheets[name].sheet) : { isNullObject: true });
  ws.getItem = name => (name === 'Orders' ? orders : sheets[name].sheet);
  ws.getActiveWorksheet = () => orders;
  ws.add = name => {
    const book = {};
    const sheet = { isNullObject: false, visibility: 'Visible', getRange: address => range(book, address) };
    sheets[name] = { book, sheet };
    return sheet;
  };
  const custom = context.workbook.properties.custom;
  custom.added = {};
  custom.getItemOrNullObject = key => (custom.added[key]
    ? Object.assign(custom.stored, { isNullObject: false }) : { isNullObject: true, load() {} });
  custom.add = (key, value) => { custom.added[key] = value; custom.stored.value = value; };
  context.workbook.save = () => {};
  return { context, cells, sheets };
}

test('the order sheet is read from its header down, as values from column A', async () => {
  const { context } = excel([['', ''], ['Account', 'Symbol'], ['PAPER1', 'SBIN']], 2, 1);
  const read = await readOrderSheet(context);
  assert.equal(read.name, 'Orders');
  assert.equal(read.firstRow, 4, 'the used range starts at row 3, and its first row is blank');
  assert.deepEqual(read.values, [['', 'Account', 'Symbol'], ['', 'PAPER1', 'SBIN']]);
});

test('results go into Status, OrderId, Message and SubmittedAt, made at the right when missing, with the ledger', async () => {
  const { context, cells, sheets } = excel([['Account', 'Symbol', 'Status'], ['PAPER1', 'SBIN', ''], ['PAPER1', 'X', '']]);
  const read = await readOrderSheet(context);
  const ledger = {};
  await writeResults(context, read,
    [{ row: 2, status: 'SUBMITTED', orderId: 'o-1', message: '', submittedAt: new Date(2026, 11, 6, 15, 30, 0) },
      { row: 3, status: 'INVALID', orderId: '', message: 'Symbol (B3): unknown' }],
    [{ key: 'row:2', clientOrderId: 'xl.a.b.r2.g1', generation: 1, status: 'SUBMITTED', sentAt: '2026-12-06T10:00:00Z' }],
    ledger);
  assert.deepEqual([cells.D1.values, cells.E1.values, cells.F1.values], [[['OrderId']], [['Message']], [['SubmittedAt']]]);
  assert.deepEqual(cells.C2.values, [['SUBMITTED']]);
  assert.deepEqual(cells.D2.values, [['o-1']]);
  // SubmittedAt: an Excel date-time (a serial in the trader's own time), shown to the second.
  assert.ok(Math.abs(cells.F2.values[0][0] - (46362 + (15 * 60 + 30) / 1440)) < 1e-8, `${cells.F2.values}`);
  assert.deepEqual(cells.F2.numberFormat, [['yyyy-mm-dd hh:mm:ss']]);
  assert.deepEqual(cells.E3.values, [['Symbol (B3): unknown']]);
  assert.equal(cells.C3.format.fill.color, '#F8D7DA', 'a row with a problem is coloured');
  assert.equal(cells.C2.format.fill.color, null);
  const kept = sheets._tradebridge;
  assert.equal(kept.sheet.visibility, 'VeryHidden');
  assert.deepEqual(kept.book['A1:E1'].values, [['Key', 'ClientOrderId', 'Generation', 'Status', 'SentAt']]);
  assert.deepEqual(kept.book['A2:E2'].values, [['row:2', 'xl.a.b.r2.g1', 1, 'SUBMITTED', '2026-12-06T10:00:00Z']]);
  assert.equal(ledger['row:2'].row, 2, 'the next write updates this entry in place');
});

test('an order the stream reports moves its row\'s Status, FilledQuantity and AveragePrice', async () => {
  const { context, cells } = excel([['Symbol', 'Status', 'OrderId', 'FilledQuantity', 'AveragePrice'],
    ['SBIN', 'SUBMITTED', 'o-1', '', ''], ['ITC', 'SUBMITTED', 'o-2', '', '']]);
  const changed = await refreshStatuses(context,
    new Map([['o-1', { orderId: 'o-1', status: 'COMPLETE', filledQuantity: 3, averagePrice: '812.35' }]]));
  assert.equal(changed, 1);
  assert.deepEqual(cells.B2.values, [['COMPLETE']]);
  assert.deepEqual(cells.D2.values, [[3]]);
  assert.deepEqual(cells.E2.values, [[812.35]]);
  assert.equal(cells.B3, undefined, 'o-2 did not change');
});

test('the workbook id is made once and kept in the document properties', async () => {
  const { context } = excel([['Symbol']]);
  let made = 0;
  const first = await workbookId(context, () => `id-${++made}`);
  const second = await workbookId(context, () => `id-${++made}`);
  assert.equal(first, 'id-1');
  assert.equal(second, 'id-1');
  assert.equal(made, 1);
  assert.deepEqual(readLedger([]), {});
});
