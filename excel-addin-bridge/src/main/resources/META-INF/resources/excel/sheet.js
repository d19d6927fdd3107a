// The order sheet's rules that the add-in applies itself, written to match the command-line bridge
// (WORKBOOK.md): header names, the never-twice client order ids and the very hidden ledger. Row checks
// are not here: the server checks rows with the bridge's own code (POST /api/v1/orders/workbook/check).
// No Office here, so Node tests it as it is.

export const LEDGER_SHEET = '_tradebridge';
export const LEDGER_HEADER = ['Key', 'ClientOrderId', 'Generation', 'Status', 'SentAt'];
export const WORKBOOK_ID_PROPERTY = 'TradebridgeWorkbookId';
export const OUTCOMES = new Set(['SUBMITTED', 'OPEN', 'TRIGGER_PENDING', 'COMPLETE', 'PENDING_APPROVAL',
  'CANCELLED', 'REJECTED']);
/** The columns the add-in writes, created at the right of the header when missing. */
export const OUTPUTS = ['Status', 'OrderId', 'Message', 'SubmittedAt'];

/** How SubmittedAt reads, as the command-line bridge writes it: no day/month guessing, to the second. */
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** A moment as an Excel date-time serial in the trader's own time (Excel's date-times have no zone). */
export function excelDateTime(date) {
  return (date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000 + 25_569;
}

/** Headers match ignoring case, spaces, '_' and '-'. */
export function normalise(header) {
  return String(header ?? '').toLowerCase().replace(/[\s_-]/g, '');
}

/** The 0-based index of each named column in a header row (first match wins), by its canonical name. */
export function columnsOf(headerRow, names) {
  const found = {};
  headerRow.forEach((cell, i) => {
    const n = normalise(cell);
    for (const name of names) {
      if (n === normalise(name) && found[name] === undefined) found[name] = i;
    }
  });
  return found;
}

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function letters(index) {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the text's UTF-8 bytes, as java.util.zip.CRC32 computes it. */
export function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** xl.<workbook id>.<sheet's crc32>.r<row>.g<generation>: the bridge's ClientIds.derived. */
export function derivedId(workbookId, sheet, row, generation) {
  const crc = crc32(sheet.toLowerCase()).toString(16).padStart(8, '0');
  return `xl.${workbookId.replace(/-/g, '')}.${crc}.r${row}.g${generation}`;
}

/** The trader's own id for a generation; null when it would pass the API's 64 characters. */
export function ownId(cell, generation) {
  const id = generation === 1 ? cell : `${cell}.g${generation}`;
  return id.length <= 64 ? id : null;
}

export function ledgerKey(own, row) {
  return own ? `id:${own}` : `row:${row}`;
}

/** The ledger sheet's values (header first) as { key: { clientOrderId, generation, status, sentAt, row } }. */
export function readLedger(values) {
  const ledger = {};
  (values || []).forEach((r, i) => {
    if (i === 0 || !r[0] || !r[1]) return;
    const generation = Number.parseInt(String(r[2]), 10);
    ledger[String(r[0])] = { clientOrderId: String(r[1]), generation: Number.isFinite(generation) ? generation : 1,
      status: r[3] ? String(r[3]) : null, sentAt: r[4] ? String(r[4]) : null, row: i + 1 };
  });
  return ledger;
}

function hadOutcome(entry) {
  return entry && entry.status && OUTCOMES.has(String(entry.status).toUpperCase());
}

/**
 * What to send (WORKBOOK.md, "Never twice"), from the server's check of the sheet: each valid row not
 * handled yet, with its client order id and generation. {@code only} limits it to these row numbers (the
 * selection). Returns { send: [{ row, key, generation, clientOrderId, order }], refused: [{ row, message }] }.
 */
export function plan(verdict, ledger, workbookId, sheet, only = null) {
  const send = [];
  const refused = [];
  for (const r of verdict.rows) {
    if (!r.order || r.handled || (only && !only.has(r.row))) continue;
    if (!r.valid) {
      refused.push({ row: r.row, message: problemsText(r.problems) });
      continue;
    }
    const own = r.request.clientOrderId || null;
    const key = ledgerKey(own, r.row);
    const last = ledger[key];
    // No record: never sent, or sent and never saved — the same id, so the server recognises it. A record
    // with an outcome and the Status cleared (the row is not handled): the trader asks again — next generation.
    const generation = !last ? 1 : hadOutcome(last) ? last.generation + 1 : last.generation;
    const clientOrderId = own ? ownId(own, generation) : derivedId(workbookId, sheet, r.row, generation);
    if (!clientOrderId) {
      refused.push({ row: r.row, message:
        'ClientOrderId: too long to send again under a new generation; give the row a shorter ClientOrderId' });
      continue;
    }
    const order = {};
    for (const [name, value] of Object.entries(r.request)) {
      if (name !== 'rowNumber' && value !== null && value !== undefined) order[name] = value;
    }
    order.clientOrderId = clientOrderId;
    send.push({ row: r.row, key, generation, clientOrderId, order });
  }
  return { send, refused };
}

/** A row's problems as the bridge writes them into Message: "Column (cell): message; …". */
export function problemsText(problems) {
  return (problems || []).map(p => `${p.column}${p.cell ? ` (${p.cell})` : ''}: ${p.message}`).join('; ');
}

/**
 * A batch answer's row as Status, OrderId and Message, in the bridge's words (its Submission), and whether
 * the ledger records it: an order that may have reached the server under its id is recorded.
 */
export function outcome(result) {
  const detail = result.problem ? result.problem.detail || result.problem.title || '' : '';
  if (result.status === 200 || result.status === 201) {
    const note = result.groupOrderId ? (result.orders || [])
      .map(m => `${m.account} ${m.orderId ? 'placed' : 'not placed'}`).join('; ') : '';
    // Where the order stands already (a MARKET order on paper has filled): shown at once.
    const known = OUTCOMES.has(result.orderStatus) ? result.orderStatus : 'SUBMITTED';
    const done = { status: known, orderId: result.groupOrderId || result.orderId || '',
      message: note || (known === 'REJECTED' ? result.statusMessage || '' : ''), ledger: true };
    if (result.filledQuantity !== undefined) done.filledQuantity = result.filledQuantity;
    if (result.averagePrice !== undefined) done.averagePrice = Number(result.averagePrice);
    return done;
  }
  if (result.status === 202) {
    return { status: 'PENDING_APPROVAL', orderId: '',
      message: `waiting for approval in the action center (action ${result.actionId})`, ledger: true };
  }
  if (result.status === 400) return { status: 'INVALID', orderId: '', message: detail, ledger: false };
  if (result.status === 429) {
    return { status: 'ERROR', orderId: '', message: `${detail} — send again (its id makes that safe)`, ledger: false };
  }
  if (result.status >= 500) return { status: 'ERROR', orderId: '', message: detail, ledger: true };
  return { status: 'REJECTED', orderId: '', message: detail, ledger: true };
}
