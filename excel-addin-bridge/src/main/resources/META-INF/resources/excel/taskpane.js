// The task pane: sign in with an API key, check the order sheet with the server's own row rules, send the
// selected rows or the whole sheet under the bridge's never-twice ids, write each row's result back, and
// keep Status moving as orders fill (over the push stream). Custom functions share this page's stream.
import { live } from './stream.js';
import { registerFunctions } from './functions.js';
import { plan, readLedger, outcome, problemsText } from './sheet.js';
import { readOrderSheet, selectedRows, workbookId, ledgerValues, writeResults, refreshStatuses } from './workbook.js';

const KEY = 'tradebridge.apiKey';
const BATCH = 500;
const $ = id => document.getElementById(id);

/** The add-in's own storage: Office's (shared with the functions' runtime) where there is one. */
const storage = typeof OfficeRuntime !== 'undefined' && OfficeRuntime.storage ? OfficeRuntime.storage : {
  getItem: async k => localStorage.getItem(k),
  setItem: async (k, v) => localStorage.setItem(k, v),
  removeItem: async k => localStorage.removeItem(k),
};

/** Orders the stream told of, by id, until written into their rows. */
const known = new Map();
let refreshing = null;

function say(text, tone = '') {
  $('result').textContent = text;
  $('result').className = tone;
}

function show(signedIn) {
  $('signin').hidden = signedIn;
  $('work').hidden = !signedIn;
}

async function signIn(key) {
  live.key = key;
  const me = await live.api('GET', '/ping');
  await storage.setItem(KEY, key);
  $('who').textContent = `Signed in (${me.environment} key, ${me.permissions.join(' + ')}).`;
  live.signIn(key);
  show(true);
}

async function signOut() {
  await storage.removeItem(KEY);
  live.signOut();
  show(false);
  $('state').textContent = 'Signed out.';
}

function listProblems(verdict, name) {
  const list = $('problems');
  list.replaceChildren();
  for (const r of verdict.rows) {
    if (!r.order || r.valid) continue;
    for (const p of r.problems) {
      const item = document.createElement('li');
      item.className = 'bad';
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'link';
      go.textContent = p.cell || `row ${r.row}`;
      // Points at the cell: the trader fixes it where it is.
      go.addEventListener('click', () => Excel.run(async context => {
        context.workbook.worksheets.getItem(name).getRange(p.cell || `A${r.row}`).select();
        await context.sync();
      }));
      item.append(go, ` ${p.column}: ${p.message}`);
      list.append(item);
    }
  }
}

async function check() {
  say('Checking…');
  await Excel.run(async context => {
    const read = await readOrderSheet(context);
    if (read.values.length < 2) {
      say(`The sheet "${read.name}" has no order rows under a header.`, 'bad');
      return;
    }
    const verdict = await live.api('POST', '/orders/workbook/check',
      { sheet: read.name, firstRow: read.firstRow, values: read.values });
    listProblems(verdict, read.name);
    say(`${verdict.valid} valid order rows, ${verdict.invalid} with problems.`, verdict.invalid ? 'bad' : 'good');
  });
}

async function send(onlySelected) {
  say('Sending…');
  await Excel.run(async context => {
    const read = await readOrderSheet(context);
    if (read.values.length < 2) {
      say(`The sheet "${read.name}" has no order rows under a header.`, 'bad');
      return;
    }
    const verdict = await live.api('POST', '/orders/workbook/check',
      { sheet: read.name, firstRow: read.firstRow, values: read.values });
    listProblems(verdict, read.name);
    const only = onlySelected ? await selectedRows(context) : null;
    const id = await workbookId(context, () => crypto.randomUUID());
    const ledger = readLedger(await ledgerValues(context));
    const todo = plan(verdict, ledger, id, read.name, only);
    const results = todo.refused.map(r => ({ row: r.row, status: 'INVALID', orderId: '', message: r.message }));
    const entries = [];
    let placed = 0;
    for (let i = 0; i < todo.send.length; i += BATCH) {
      const chunk = todo.send.slice(i, i + BATCH);
      say(`Sending ${i + 1}–${i + chunk.length} of ${todo.send.length}…`);
      let answer;
      try {
        answer = await live.api('POST', '/orders/batch', { orders: chunk.map(c => c.order) });
      } catch (e) {
        // Not answered: the rows may or may not have arrived; their ids make sending again safe.
        chunk.forEach(c => results.push({ row: c.row, status: 'ERROR', orderId: '', message: `not sent: ${e.message}` }));
        continue;
      }
      const answeredAt = new Date();
      const now = answeredAt.toISOString();
      for (const r of answer.results) {
        const c = chunk[r.index];
        const o = outcome(r);
        if (!['INVALID', 'ERROR', 'REJECTED'].includes(o.status)) placed++;
        results.push({ row: c.row, status: o.status, orderId: o.orderId, message: o.message, submittedAt: answeredAt,
          filledQuantity: o.filledQuantity, averagePrice: o.averagePrice });
        if (o.ledger) entries.push({ key: c.key, clientOrderId: c.clientOrderId, generation: c.generation, status: o.status, sentAt: now });
      }
    }
    await writeResults(context, read, results, entries, ledger);
    if (known.size) await refreshStatuses(context, known);
    const problems = results.length - placed;
    say(todo.send.length + todo.refused.length === 0
      ? 'Nothing to send: every order row has a Status already (clear it to send a row again).'
      : `${placed} sent, ${problems} not (see Status and Message).`, problems ? 'bad' : 'good');
  });
}

function guarded(work) {
  return async () => {
    try {
      await work();
    } catch (e) {
      say(e.message || String(e), 'bad');
    }
  };
}

/** Status cells follow the orders' changes, a few rows at a time, however many arrive together. */
function follow(message) {
  if (message.type !== 'order') return;
  known.set(message.orderId, message);
  if (refreshing) return;
  refreshing = setTimeout(() => {
    refreshing = null;
    Excel.run(context => refreshStatuses(context, known)).catch(() => { /* the next change tries again */ });
  }, 250);
}

Office.onReady(async () => {
  registerFunctions();
  live.onState((state, detail) => {
    $('state').textContent = state === 'live' ? 'Connected: prices and orders are live.'
      : state === 'refused' ? `The server refused the key: ${detail}` : state === 'signed out' ? 'Signed out.'
        : state === 'connecting' ? 'Connecting…' : 'Connection lost; reconnecting…';
    if (state === 'refused') show(false);
  });
  live.orders(follow);
  $('signin').addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await signIn($('apikey').value.trim());
      $('apikey').value = '';
    } catch (e) {
      live.key = null;
      $('state').textContent = e.status === 401 ? 'That key is not known, or was revoked.' : e.message;
    }
  });
  $('signout').addEventListener('click', guarded(signOut));
  $('check').addEventListener('click', guarded(check));
  $('send-selected').addEventListener('click', guarded(() => send(true)));
  $('send-all').addEventListener('click', guarded(() => send(false)));
  const saved = await storage.getItem(KEY);
  if (saved) {
    try {
      await signIn(saved);
      return;
    } catch (e) {
      live.key = null;
    }
  }
  show(false);
  $('state').textContent = 'Sign in with an API key.';
});
