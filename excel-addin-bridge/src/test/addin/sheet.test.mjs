// The sheet rules the add-in applies itself, held to the command-line bridge's (WORKBOOK.md): the same
// client order ids for the same row, the same generations, the same words in Message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, columnsOf, letters, crc32, derivedId, ownId, readLedger, plan, outcome, problemsText }
  from '../excel/sheet.js';

test('headers match ignoring case, spaces, underscores and dashes', () => {
  assert.equal(normalise(' Trigger_Price '), normalise('trigger-price'));
  assert.deepEqual(columnsOf(['Symbol', 'STATUS', 'order id', 'Status'], ['Status', 'OrderId']), { Status: 1, OrderId: 2 });
  assert.deepEqual([0, 25, 26, 701].map(letters), ['A', 'Z', 'AA', 'ZZ']);
});

test('a derived id is the one the Java bridge derives for the same workbook, sheet, row and generation', () => {
  assert.equal(crc32('orders'), 0xe52ffdee, 'java.util.zip.CRC32 of "orders"');
  const expected = process.env.EXPECTED_DERIVED_ID;
  assert.ok(expected, 'ExcelAddinIT passes the id ClientIds.derived gives');
  assert.equal(derivedId('5f0c2b7e-4a61-4c3e-9f0a-1b2c3d4e5f60', 'Orders', 12, 3), expected);
  assert.ok(derivedId('5f0c2b7e-4a61-4c3e-9f0a-1b2c3d4e5f60', 'Données', 99999, 12).length <= 64);
});

const verdict = rows => ({ rows });
const valid = (row, extra = {}) => ({ row, order: true, handled: false, valid: true, problems: [],
  request: { rowNumber: row, account: 'PAPER1', exchange: 'NSE', symbol: 'SBIN', side: 'BUY', quantity: 1,
    orderType: 'MARKET', productType: 'INTRADAY', price: null, clientOrderId: null, ...extra } });

test('a row never sent goes under generation 1; a crash before saving sends the same id again', () => {
  const todo = plan(verdict([valid(2)]), {}, 'wb-1', 'Orders');
  assert.equal(todo.send.length, 1);
  assert.equal(todo.send[0].clientOrderId, derivedId('wb-1', 'Orders', 2, 1));
  assert.equal(todo.send[0].order.clientOrderId, todo.send[0].clientOrderId);
  assert.equal(todo.send[0].order.price, undefined, 'empty fields are not sent');
  assert.equal(todo.send[0].order.rowNumber, undefined);
  // Recorded without an outcome (the server errored): the same generation, so the server recognises it.
  const again = plan(verdict([valid(2)]), readLedger([['Key'], ['row:2', 'x', 1, 'ERROR', '']]), 'wb-1', 'Orders');
  assert.equal(again.send[0].generation, 1);
});

test('a row cleared after an outcome goes under the next generation; a handled row is never sent', () => {
  const ledger = readLedger([['Key', 'ClientOrderId', 'Generation', 'Status', 'SentAt'],
    ['row:2', 'xl.wb1.e52ffdee.r2.g1', '1', 'SUBMITTED', '2026-12-06T10:00:00Z']]);
  const cleared = plan(verdict([valid(2)]), ledger, 'wb-1', 'Orders');
  assert.equal(cleared.send[0].generation, 2);
  assert.match(cleared.send[0].clientOrderId, /\.r2\.g2$/);
  const handled = plan(verdict([{ ...valid(2), handled: true }]), ledger, 'wb-1', 'Orders');
  assert.deepEqual(handled, { send: [], refused: [] });
});

test("a row's own ClientOrderId is used, and grows .gN when sent again", () => {
  const ledger = readLedger([['Key'], ['id:my-7', 'my-7', 1, 'COMPLETE', '']]);
  const todo = plan(verdict([valid(3, { clientOrderId: 'my-7' })]), ledger, 'wb-1', 'Orders');
  assert.equal(todo.send[0].clientOrderId, 'my-7.g2');
  assert.equal(ownId('x'.repeat(64), 2), null);
  const tooLong = plan(verdict([valid(3, { clientOrderId: 'x'.repeat(64) })]),
    readLedger([['Key'], [`id:${'x'.repeat(64)}`, 'x', 1, 'COMPLETE', '']]), 'wb-1', 'Orders');
  assert.match(tooLong.refused[0].message, /too long to send again/);
});

test('only the selected rows go, and an invalid row says what is wrong in the bridge\'s words', () => {
  const bad = { row: 4, order: true, handled: false, valid: false, request: null,
    problems: [{ rowNumber: 4, column: 'Quantity', cell: 'E4', message: 'must be a whole number, not 10.5' }] };
  const todo = plan(verdict([valid(2), valid(3), bad]), {}, 'wb-1', 'Orders', new Set([3, 4]));
  assert.deepEqual(todo.send.map(s => s.row), [3]);
  assert.deepEqual(todo.refused, [{ row: 4, message: 'Quantity (E4): must be a whole number, not 10.5' }]);
  assert.equal(problemsText(bad.problems), 'Quantity (E4): must be a whole number, not 10.5');
});

test('batch answers become Status, OrderId and Message as the bridge writes them', () => {
  assert.deepEqual(outcome({ index: 0, status: 201, orderId: 'o-1' }),
    { status: 'SUBMITTED', orderId: 'o-1', message: '', ledger: true });
  assert.equal(outcome({ status: 202, actionId: 'a-1' }).status, 'PENDING_APPROVAL');
  // An answer that says the order filled already is shown as filled, with its fill.
  assert.deepEqual(outcome({ index: 0, status: 201, orderId: 'o-2', orderStatus: 'COMPLETE', filledQuantity: 5, averagePrice: 1500.25 }),
    { status: 'COMPLETE', orderId: 'o-2', message: '', ledger: true, filledQuantity: 5, averagePrice: 1500.25 });
  assert.equal(outcome({ status: 201, orderId: 'o-3', orderStatus: 'PENDING', filledQuantity: 0 }).status, 'SUBMITTED',
    'a status the sheet does not know as an outcome stays SUBMITTED');
  assert.deepEqual(outcome({ status: 400, problem: { detail: 'price: required for LIMIT' } }),
    { status: 'INVALID', orderId: '', message: 'price: required for LIMIT', ledger: false });
  assert.equal(outcome({ status: 422, problem: { detail: 'no margin' } }).status, 'REJECTED');
  assert.equal(outcome({ status: 503, problem: { detail: 'down' } }).status, 'ERROR');
  assert.equal(outcome({ status: 429, problem: { detail: 'slow down' } }).ledger, false);
});
