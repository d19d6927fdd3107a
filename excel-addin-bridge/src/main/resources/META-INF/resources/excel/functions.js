// Custom functions (API.md, "Excel add-in"): they read, they never trade. Each streams its value over the
// add-in's one push stream, so a recalculation costs nothing and can never place an order.
import { live } from './stream.js';

const QUOTE_FIELDS = ['lastPrice', 'bid', 'ask', 'open', 'high', 'low', 'close', 'volume', 'time'];

function failure(message) {
  if (typeof CustomFunctions !== 'undefined' && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
  }
  return `#N/A ${message}`;
}

const asNumber = v => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? v : Number(v));

function signedIn(invocation) {
  if (!live.key) {
    invocation.setResult(failure('Sign in to Tradebridge in the task pane'));
    return false;
  }
  return true;
}

function pick(record, field, fields) {
  const name = fields.find(f => f.toLowerCase() === String(field || '').trim().toLowerCase());
  if (!name) return failure(`field: one of ${fields.join(', ')}`);
  return asNumber(record[name]);
}

/** =TRADEBRIDGE.LTP(exchange, symbol): the last price, as it moves. */
export function ltp(exchange, symbol, invocation) {
  if (!signedIn(invocation)) return;
  invocation.onCanceled = live.quote(exchange, symbol, q => invocation.setResult(Number(q.lastPrice)));
}

/** =TRADEBRIDGE.QUOTE(exchange, symbol, field): lastPrice, bid, ask, open, high, low, close, volume or time. */
export function quote(exchange, symbol, field, invocation) {
  if (!signedIn(invocation)) return;
  invocation.onCanceled = live.quote(exchange, symbol, q => invocation.setResult(pick(q, field || 'lastPrice', QUOTE_FIELDS)));
}

const POSITION_FIELDS = ['netQuantity', 'buyQuantity', 'sellQuantity', 'buyAveragePrice', 'sellAveragePrice',
  'lastPrice', 'realisedPnl', 'unrealisedPnl', 'pnl', 'productType'];

/** =TRADEBRIDGE.POSITION(account, exchange, symbol, field): your position's field (netQuantity by default). */
export function position(account, exchange, symbol, field, invocation) {
  if (!signedIn(invocation)) return;
  const same = p => p.account.toUpperCase() === String(account).trim().toUpperCase()
    && p.exchange === String(exchange).trim().toUpperCase() && p.symbol === String(symbol).trim().toUpperCase();
  const show = p => invocation.setResult(p ? pick(p, field || 'netQuantity', POSITION_FIELDS) : 0);
  const stop = live.orders(m => { if (m.type === 'position' && same(m)) show(m); });
  invocation.onCanceled = stop;
  live.api('GET', `/positions?account=${encodeURIComponent(String(account).trim())}`)
    .then(list => show(list.find(same)), e => invocation.setResult(failure(e.message)));
}

const ORDER_FIELDS = ['status', 'filledQuantity', 'quantity', 'averagePrice', 'price', 'triggerPrice', 'statusMessage',
  'symbol', 'exchange', 'side', 'orderType', 'account', 'updatedAt'];

/** =TRADEBRIDGE.ORDER(orderId, field): the order's field (status by default), as it changes. */
export function order(orderId, field, invocation) {
  if (!signedIn(invocation)) return;
  const id = String(orderId).trim();
  const show = o => invocation.setResult(pick(o, field || 'status', ORDER_FIELDS));
  const stop = live.orders(m => { if (m.type === 'order' && m.orderId === id) show(m); });
  invocation.onCanceled = stop;
  live.api('GET', `/orders/${encodeURIComponent(id)}`).then(show, e => invocation.setResult(failure(e.message)));
}

/** Registers the functions with Excel (ids as in functions.json); false outside Excel. */
export function registerFunctions() {
  if (typeof CustomFunctions === 'undefined') return false;
  CustomFunctions.associate('LTP', ltp);
  CustomFunctions.associate('QUOTE', quote);
  CustomFunctions.associate('POSITION', position);
  CustomFunctions.associate('ORDER', order);
  return true;
}
