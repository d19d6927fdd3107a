import { h, field, alertBox, showError, clearError, table, formValues, time, fill, money, price, formDialog } from '../dom.js';
import { get, post, patch, del } from '../api.js';
import { every, onLeave } from '../app.js';
import { marketPanel } from './market.js';
import { live } from '../live.js';
import { marketWords } from './options.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function page(view) {
  const [accounts, groups] = await Promise.all([get('/trading-accounts'), get('/groups')]);
  const state = { account: accounts.length ? accounts[0].pseudoAccount : '', groups };
  const error = alertBox();
  const orders = h('section', { id: 'orders', 'aria-labelledby': 'orders-title' });
  const positions = h('section', { id: 'positions', 'aria-labelledby': 'positions-title' });
  const holdings = h('section', { id: 'holdings' });
  const trades = h('section', { id: 'trades', 'aria-labelledby': 'trades-title' });
  const summary = h('section', { id: 'summary', 'aria-labelledby': 'summary-title' });
  const picker = field('Account', { name: 'account', id: 'account-picker', tag: 'select',
    options: accounts.map(a => ({ value: a.pseudoAccount, label: `${a.pseudoAccount} (${a.broker})` })) });
  picker.querySelector('select').addEventListener('change', e => {
    state.account = e.target.value;
    offerExchanges(form, accounts, state.account);
    refresh();
  });
  const refresh = async () => {
    try {
      await Promise.all([drawOrders(orders, state, error, refresh), drawPositions(positions, state, error, refresh),
        drawHoldings(holdings, state), drawSummary(summary, state), drawTrades(trades, state)]);
    } catch (e) {
      showError(error, e);
    }
  };
  const form = ticket(state, error, refresh);
  offerExchanges(form, accounts, state.account);
  let stream = null;
  const market = marketPanel((exchange, symbol) => {
    form.elements.exchange.value = exchange;
    form.elements.symbol.value = symbol;
    form.dispatchEvent(new Event('input'));
  }, keys => stream && stream.watch(keys));
  state.quoteOf = key => market.quoteOf(key);
  const liveBadge = h('span', { class: 'badge', id: 'live-state', role: 'status' }, 'connecting…');
  // The paper exchange's hours: a closed market refuses orders that are not after-market orders.
  const hours = h('span', { class: 'muted', id: 'market-hours' });
  const showHours = async () => {
    try { hours.textContent = marketWords(await get('/market/status')); } catch (e) { hours.textContent = ''; }
  };
  showHours();
  every(30000, showHours);
  view.append(h('div', { class: 'toolbar' }, picker, liveBadge, hours), error, market.element,
    h('div', { class: 'grid' }, form, summary), orders, trades, positions, holdings);
  await Promise.all([refresh(), market.refresh()]);
  // Prices, orders and positions come over the push stream as they change; an order or position change
  // redraws the tables once, however many arrive together.
  let redraw = null;
  stream = live({
    quotes: market.keys(),
    orders: true,
    onMessage: m => {
      if (m.type === 'quote') market.update(m);
      else if ((m.type === 'order' || m.type === 'position') && !redraw) {
        redraw = setTimeout(() => { redraw = null; refresh(); }, 300);
      }
    },
    onState: up => {
      liveBadge.textContent = up ? 'live' : 'reconnecting… (refreshing every few seconds)';
      liveBadge.classList.toggle('hot', !up);
    },
  });
  onLeave(() => stream.close());
  // Only while the stream is down do the tables poll.
  every(4000, () => { if (!stream.up()) refresh(); });
  every(3000, () => { if (!stream.up()) market.refresh(); });
  every(15000, market.chart);
}

function ticket(state, pageError, refresh) {
  const error = alertBox();
  const done = h('p', { role: 'status', class: 'ok', id: 'ticket-result' });
  const form = h('form', { class: 'card ticket', id: 'order-ticket', 'aria-labelledby': 'ticket-title' },
    h('h2', { id: 'ticket-title' }, 'Order ticket'),
    // A group places one order per member (Desk page); otherwise the order goes to the account picked above.
    state.groups.length ? field('Place on', { name: 'group', id: 'ticket-group', tag: 'select',
      options: [{ value: '', label: 'the account picked above' },
        ...state.groups.map(g => ({ value: g.name, label: `group ${g.name} (${g.members.length} accounts)` }))] }) : null,
    h('div', { class: 'row' },
      field('Exchange', { name: 'exchange', tag: 'select', options: ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS'] }),
      field('Symbol', { name: 'symbol', required: true, placeholder: 'SBIN', autocomplete: 'off' })),
    h('div', { class: 'row' },
      field('Side', { name: 'side', tag: 'select', options: ['BUY', 'SELL'] }),
      field('Quantity', { name: 'quantity', type: 'number', min: 1, step: 1, value: 1, required: true })),
    h('div', { class: 'row' },
      field('Order type', { name: 'orderType', tag: 'select', options: ['MARKET', 'LIMIT', 'STOP_LOSS', 'SL_MARKET'] }),
      field('Product', { name: 'productType', tag: 'select', options: ['INTRADAY', 'DELIVERY', 'NORMAL'] })),
    h('div', { class: 'row' },
      field('Price', { name: 'price', type: 'number', min: 0, step: '0.05' }),
      field('Trigger price', { name: 'triggerPrice', type: 'number', min: 0, step: '0.05' })),
    h('p', { class: 'ticket-figures', id: 'ticket-figures', 'aria-live': 'polite' }),
    error, done,
    h('button', { type: 'submit' }, 'Place order'));
  // What the order is worth before it is sent: the price typed, or the last price for a market order.
  const figures = form.querySelector('#ticket-figures');
  form.addEventListener('input', async () => {
    const v = formValues(form);
    if (!v.symbol) { figures.textContent = ''; return; }
    const key = `${v.exchange}:${v.symbol.toUpperCase()}`;
    let q = state.quoteOf && state.quoteOf(key);
    try {
      q = q || await get(`/quotes?exchange=${encodeURIComponent(v.exchange)}&symbol=${encodeURIComponent(v.symbol.toUpperCase())}`);
    } catch (e) { figures.textContent = `${key}: ${e.message}`; return; }
    const at = v.price ? Number(v.price) : Number(v.side === 'BUY' ? q.ask : q.bid);
    const shown = `LTP ${price(q.lastPrice)} · bid ${price(q.bid)} / ask ${price(q.ask)} · order value ${money(at * Number(v.quantity || 0))}`;
    figures.textContent = shown;
    // The margin it needs, by the server's own rule (a group places on several accounts: not shown).
    clearTimeout(marginTimer);
    if (v.group || !state.account || !(Number(v.quantity) > 0)) return;
    marginTimer = setTimeout(async () => {
      const body = { account: state.account, exchange: v.exchange, symbol: v.symbol.toUpperCase(), side: v.side,
        quantity: Number(v.quantity), orderType: v.orderType, productType: v.productType };
      if (v.price) body.price = Number(v.price);
      if (v.triggerPrice) body.triggerPrice = Number(v.triggerPrice);
      try {
        const m = await post('/margins/order', body);
        figures.textContent = shown + (m.required === null ? ` · ${m.detail}`
          : ` · margin ${money(m.required)} of ${money(m.available)} available${m.enough ? '' : ' — not enough'}`);
        figures.classList.toggle('loss', m.enough === false);
      } catch (e) { /* the order's own answer will say what is wrong */ }
    }, 250);
  });
  let marginTimer = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    done.textContent = '';
    const v = formValues(form);
    const body = { exchange: v.exchange, symbol: v.symbol.toUpperCase(), side: v.side,
      quantity: Number(v.quantity), orderType: v.orderType, productType: v.productType };
    if (v.group) body.group = v.group;
    else body.account = state.account;
    if (v.price) body.price = Number(v.price);
    if (v.triggerPrice) body.triggerPrice = Number(v.triggerPrice);
    try {
      const placed = await post('/orders', body);
      done.textContent = placed.groupOrderId ? `Group order ${placed.groupOrderId}: ` + placed.orders.map(m =>
        `${m.account} ${m.quantity} ${m.orderId ? 'placed' : 'not placed' + (m.problem ? ' — ' + m.problem.detail : '')}`)
        .join('; ')
        : placed.orderId ? `Order ${placed.orderId}: ${placed.status}${placed.statusMessage
        ? ' — ' + placed.statusMessage : ''}` : `Waiting for approval (${placed.actionId}).`;
      await refresh();
    } catch (e) {
      showError(error, e);
    }
  });
  return form;
}

async function drawOrders(section, state, error, refresh) {
  const list = await get('/orders' + (state.account ? `?account=${encodeURIComponent(state.account)}` : ''));
  list.sort((a, b) => (b.createdAt || '').localeCompare(a.createdAt || ''));
  // PENDING: with a remote broker, its answer not known yet; it is settled by a look-up, never resent.
  const open = o => o.status === 'OPEN' || o.status === 'TRIGGER_PENDING' || o.status === 'PENDING';
  fill(section, h('h2', { id: 'orders-title' }, 'Orders'), table([
    { label: 'Time', value: o => time(o.createdAt) },
    { label: 'Symbol', value: o => `${o.exchange}:${o.symbol}` },
    { label: 'Side', value: o => o.side },
    { label: 'Qty', value: o => `${o.filledQuantity}/${o.quantity}` },
    { label: 'Product', value: o => o.productType },
    { label: 'From', value: o => o.copiedFrom ? h('span', { title: o.copiedFrom }, 'copy')
      : o.group ? h('span', { title: o.groupOrderId }, `group ${o.group}`) : '' },
    { label: 'Type', value: o => `${o.orderType}${o.price ? ' @ ' + price(o.price) : ''}${o.triggerPrice ? ' trg ' + price(o.triggerPrice) : ''}` },
    // No fill, no average: '—', not 0.
    { label: 'Avg price', value: o => o.filledQuantity > 0 ? price(o.averagePrice) : '—' },
    // A refused or cancelled order says why in the book itself, as a broker's book does.
    { label: 'Status', value: o => h('span', { class: `status ${o.status.toLowerCase()}`, title: o.statusMessage || '' }, o.status,
      o.statusMessage && (o.status === 'REJECTED' || o.status === 'CANCELLED') ? h('small', { class: 'reason' }, ' — ' + o.statusMessage) : null) },
    { label: 'Actions', value: o => !open(o) ? '' : h('span', { class: 'actions' },
      h('button', { type: 'button', class: 'small', onclick: () => modifyDialog(o, error, refresh) }, 'Modify'),
      h('button', { type: 'button', class: 'small danger', onclick: async () => {
        try { await del(`/orders/${o.orderId}`); await refresh(); } catch (e) { showError(error, e); }
      } }, 'Cancel')) },
  ], list, 'No orders yet.'));
}

async function drawPositions(section, state, error, refresh) {
  const list = await get('/positions' + (state.account ? `?account=${encodeURIComponent(state.account)}` : ''));
  fill(section, h('h2', { id: 'positions-title' }, 'Positions'), table([
    { label: 'Symbol', value: p => `${p.exchange}:${p.symbol}` },
    { label: 'Product', value: p => p.productType },
    { label: 'Net qty', value: p => String(p.netQuantity) },
    { label: 'Buy avg', value: p => p.buyQuantity > 0 ? price(p.buyAveragePrice) : '—' },
    { label: 'Sell avg', value: p => p.sellQuantity > 0 ? price(p.sellAveragePrice) : '—' },
    { label: 'Last', value: p => price(p.lastPrice) },
    { label: 'P&L', value: p => h('span', { class: Number(p.pnl) < 0 ? 'loss' : 'gain' }, money(p.pnl)) },
    { label: 'Actions', value: p => p.netQuantity === 0 ? '' : h('button', { type: 'button', class: 'small danger',
      onclick: async () => {
        if (!confirm(`Square off ${p.netQuantity} ${p.symbol} at market?`)) return;
        try {
          await post('/positions/square-off', { account: p.account, exchange: p.exchange, symbol: p.symbol,
            productType: p.productType, category: 'NET' });
          await refresh();
        } catch (e) { showError(error, e); }
      } }, 'Square off') },
  ], list, 'No positions.'));
}

/** The account's fills, newest first: what was bought and sold, at what price, when. */
async function drawTrades(section, state) {
  const list = await get('/trades' + (state.account ? `?account=${encodeURIComponent(state.account)}` : ''));
  list.sort((a, b) => (b.time || '').localeCompare(a.time || ''));
  fill(section, h('h2', { id: 'trades-title' }, 'Trades'), table([
    { label: 'Time', value: t => time(t.time) },
    { label: 'Symbol', value: t => `${t.exchange}:${t.symbol}` },
    { label: 'Side', value: t => t.side },
    { label: 'Qty', value: t => String(t.quantity) },
    { label: 'Price', value: t => price(t.price) },
    { label: 'Value', value: t => money(Number(t.price) * t.quantity) },
  ], list.slice(0, 50), 'No trades yet.'));
}

async function drawHoldings(section, state) {
  const list = await get('/holdings' + (state.account ? `?account=${encodeURIComponent(state.account)}` : ''));
  fill(section, h('h2', {}, 'Holdings'), table([
    { label: 'Symbol', value: x => `${x.exchange}:${x.symbol}` },
    { label: 'Quantity', value: x => String(x.quantity) },
    { label: 'Avg price', value: x => price(x.averagePrice) },
    { label: 'Last', value: x => price(x.lastPrice) },
    { label: 'P&L', value: x => h('span', { class: Number(x.pnl) < 0 ? 'loss' : 'gain' }, money(x.pnl)) },
  ], list, 'No holdings.'));
}

async function drawSummary(section, state) {
  if (!state.account) return;
  const q = `?account=${encodeURIComponent(state.account)}`;
  const [summary, margins, positions, today] = await Promise.all([get('/portfolio/summary' + q), get('/margins' + q),
    get('/positions' + q), get('/positions' + q + '&category=DAY')]);
  // The day's P&L: what today's trades made, realised and open (positions carried in are priced from today's trades).
  const dayPnl = today.reduce((sum, p) => sum + (Number(p.pnl) || 0), 0);
  fill(section, h('div', { class: 'card' }, h('h2', { id: 'summary-title' }, 'Summary'),
    h('dl', { class: 'figures' },
      h('dt', {}, 'Day P&L'), h('dd', { class: dayPnl < 0 ? 'loss' : 'gain', id: 'summary-day-pnl' }, money(dayPnl)),
      h('dt', {}, 'P&L'), h('dd', { class: Number(summary.pnl) < 0 ? 'loss' : 'gain', id: 'summary-pnl' }, money(summary.pnl)),
      h('dt', {}, 'MTM'), h('dd', {}, money(summary.mtm)),
      h('dt', {}, 'Open positions'), h('dd', {}, String(summary.openPositionCount)),
      h('dt', {}, 'Available cash'), h('dd', {}, money(margins.availableCash)),
      h('dt', {}, 'Margin used'), h('dd', {}, money(margins.utilisedMargin)),
      h('dt', {}, 'Capital'), h('dd', { id: 'summary-capital' }, money(margins.totalCapital))),
    pnlChart(positions)));
}

/** P&L per position as bars around a zero line: green above, red below. SVG built with the DOM: no inline script. */
function pnlChart(positions) {
  const width = 320;
  const height = 140;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', positions.length ? 'P&L by position: ' + positions.map(p => `${p.symbol} ${p.pnl}`)
    .join(', ') : 'No positions to chart');
  const values = positions.map(p => Number(p.pnl) || 0);
  const max = Math.max(1, ...values.map(Math.abs));
  const mid = height / 2;
  const line = document.createElementNS(SVG, 'line');
  Object.entries({ x1: 0, x2: width, y1: mid, y2: mid, class: 'axis' }).forEach(([k, v]) => line.setAttribute(k, v));
  svg.append(line);
  const bar = positions.length ? Math.min(40, (width - 10) / positions.length - 6) : 0;
  positions.forEach((p, i) => {
    const value = values[i];
    const size = Math.abs(value) / max * (mid - 18);
    const rect = document.createElementNS(SVG, 'rect');
    const x = 8 + i * (bar + 6);
    Object.entries({ x, y: value >= 0 ? mid - size : mid, width: bar, height: Math.max(1, size),
      class: value < 0 ? 'bar loss' : 'bar gain' }).forEach(([k, v]) => rect.setAttribute(k, v));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${p.symbol}: ${p.pnl}`;
    rect.append(title);
    const label = document.createElementNS(SVG, 'text');
    Object.entries({ x: x + bar / 2, y: height - 3, 'text-anchor': 'middle', class: 'label' })
      .forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = p.symbol.slice(0, 6);
    svg.append(rect, label);
  });
  return h('figure', {}, svg, h('figcaption', {}, 'P&L by position'));
}

const exchangesOf = {};

/** The ticket offers only the exchanges the account's broker lists (all of them if it cannot say now). */
async function offerExchanges(form, accounts, pseudoAccount) {
  const account = accounts.find(a => a.pseudoAccount === pseudoAccount);
  if (!account) return;
  try {
    exchangesOf[pseudoAccount] = exchangesOf[pseudoAccount] || [...new Set((await get(account.broker === 'PAPER'
      ? '/instruments' : `/instruments?account=${encodeURIComponent(pseudoAccount)}`)).map(i => i.exchange))];
  } catch (e) { return; /* e.g. not logged in to the broker today: keep the full list */ }
  const select = form.elements.exchange;
  const chosen = select.value;
  fill(select, exchangesOf[pseudoAccount].map(x => h('option', { value: x, selected: x === chosen }, x)));
}

/** Change a working order in a dialog (never prompt(): an emptied box there sent quantity 0). */
function modifyDialog(o, pageError, refresh) {
  const priced = o.orderType === 'LIMIT' || o.orderType === 'STOP_LOSS';
  const triggered = o.orderType === 'STOP_LOSS' || o.orderType === 'SL_MARKET';
  formDialog({
    id: 'modify-form',
    title: `Modify ${o.side} ${o.exchange}:${o.symbol}`,
    fields: [
      field('Quantity', { name: 'quantity', type: 'number', min: Math.max(1, o.filledQuantity), step: 1,
        value: o.quantity, required: true }),
      priced ? field('Price', { name: 'price', type: 'number', min: '0.01', step: 'any', value: o.price, required: true }) : null,
      triggered ? field('Trigger price', { name: 'triggerPrice', type: 'number', min: '0.01', step: 'any',
        value: o.triggerPrice, required: true }) : null,
    ],
    submitLabel: 'Save change',
    cancelLabel: 'Keep as it is',
    onSubmit: async v => {
      const change = { quantity: Number(v.quantity) };
      if (priced) change.price = Number(v.price);
      if (triggered) change.triggerPrice = Number(v.triggerPrice);
      await patch(`/orders/${o.orderId}`, change);
      await refresh();
    },
  });
}
