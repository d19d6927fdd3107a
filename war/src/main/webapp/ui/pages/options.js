// "Options": the paper exchange's option chain for an index and expiry — calls on the left, puts on the right,
// the strike nearest the index marked — with the market's status, and a one-click order ticket for a side.
// Prices refresh every two seconds (GET /api/v1/option-chain); nothing is computed here but the lot count.
import { h, field, alertBox, showError, clearError, fill, formValues, price, money } from '../dom.js';
import { get, post } from '../api.js';
import { every } from '../app.js';

const WHEN = new Intl.DateTimeFormat('en-IN', {
  weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  timeZone: 'Asia/Kolkata',
});

/** The market's status in words: "Open until 15:30 IST", "Closed (weekend): opens Mon 14 Dec, 09:15 IST". */
export function marketWords(s) {
  if (s.status === 'OPEN') {
    return s.closesAt ? `Market open until ${WHEN.format(new Date(s.closesAt))} IST` : 'Market open at all hours (practice)';
  }
  const why = { WEEKEND: 'weekend', HOLIDAY: 'exchange holiday', BEFORE_OPEN: 'before the pre-open',
    AFTER_CLOSE: 'after the close', PRE_OPEN: 'pre-open: orders fill at the open' }[s.reason] || s.reason;
  const state = s.status === 'PRE_OPEN' ? 'Pre-open' : 'Market closed';
  return `${state} (${why}): opens ${WHEN.format(new Date(s.opensAt))} IST` +
    (s.status === 'CLOSED' ? ' — orders need "after-market order"' : '');
}

export async function page(view) {
  const accounts = (await get('/trading-accounts')).filter(a => a.broker === 'PAPER');
  const state = { underlying: 'NIFTY', expiry: null, chain: null, pick: null };
  const error = alertBox();
  const status = h('p', { id: 'market-status', class: 'strong', role: 'status' });
  const underlying = field('Index', { name: 'underlying', id: 'chain-underlying', tag: 'select',
    options: ['NIFTY', 'BANKNIFTY'] });
  const expiry = field('Expiry', { name: 'expiry', id: 'chain-expiry', tag: 'select', options: [] });
  const heading = h('p', { id: 'chain-underlying-price', class: 'muted' });
  const chain = h('section', { id: 'option-chain', 'aria-labelledby': 'chain-title' });
  const ticket = orderTicket(state, accounts);

  underlying.querySelector('select').addEventListener('change', e => {
    state.underlying = e.target.value;
    state.expiry = null;
    refresh();
  });
  expiry.querySelector('select').addEventListener('change', e => {
    state.expiry = e.target.value;
    refresh();
  });

  async function refresh() {
    try {
      const [market, c] = await Promise.all([
        get('/market/status'),
        get(`/option-chain?exchange=NFO&underlying=${encodeURIComponent(state.underlying)}` +
          (state.expiry ? `&expiry=${encodeURIComponent(state.expiry)}` : '')),
      ]);
      clearError(error);
      status.textContent = marketWords(market);
      state.chain = c;
      state.expiry = c.expiry;
      const select = expiry.querySelector('select');
      if (select.options.length !== c.expiries.length) {
        fill(select, c.expiries.map(d => h('option', { value: d }, d)));
      }
      select.value = c.expiry;
      heading.textContent = `${c.underlying} via ${c.underlyingSymbol}: ${price(c.underlyingPrice)}`;
      drawChain(chain, c, (side, strike, action) => ticket.open(side, strike, action));
    } catch (e) {
      showError(error, e);
    }
  }

  view.append(status, error,
    h('div', { class: 'toolbar' }, underlying, expiry),
    heading,
    h('div', { class: 'grid' }, chain, ticket.form));
  await refresh();
  every(2000, refresh);
}

function drawChain(section, c, onPick) {
  const atm = c.strikes.reduce((best, s) =>
    best === null || Math.abs(s.strike - c.underlyingPrice) < Math.abs(best.strike - c.underlyingPrice) ? s : best, null);
  const side = (s, key) => {
    const o = s[key];
    if (!o) return [h('td', {}, '—'), h('td', {}), h('td', {})];
    const kind = key === 'call' ? 'CE' : 'PE';
    return [
      h('td', { 'data-label': `${kind} LTP` }, price(o.lastPrice)),
      h('td', { 'data-label': `${kind} bid / ask` }, `${price(o.bid)} / ${price(o.ask)}`),
      h('td', { 'data-label': `${kind} Δ · IV` }, `${Number(o.delta).toFixed(2)} · ${(o.volatility * 100).toFixed(1)}%`,
        ' ', h('button', { type: 'button', class: 'secondary small', 'aria-label': `Buy ${o.symbol}`,
          onclick: () => onPick(o, s.strike, 'BUY') }, 'Buy'),
        ' ', h('button', { type: 'button', class: 'secondary small', 'aria-label': `Sell ${o.symbol}`,
          onclick: () => onPick(o, s.strike, 'SELL') }, 'Sell')),
    ];
  };
  fill(section,
    h('h2', { id: 'chain-title' }, `Option chain · ${c.underlying} · ${c.expiry}`),
    h('div', { class: 'scroll' }, h('table', { class: 'chain' },
      h('thead', {}, h('tr', {},
        ['Call LTP', 'Call bid / ask', 'Call Δ · IV', 'Strike', 'Put LTP', 'Put bid / ask', 'Put Δ · IV']
          .map(l => h('th', { scope: 'col' }, l)))),
      h('tbody', {}, c.strikes.map(s => h('tr', { class: s === atm ? 'atm' : null, 'data-strike': s.strike },
        side(s, 'call'),
        h('td', { class: 'strong', 'data-label': 'Strike' }, String(s.strike), s === atm ? ' (ATM)' : ''),
        side(s, 'put')))))));
}

function orderTicket(state, accounts) {
  const error = alertBox();
  const done = h('p', { role: 'status', class: 'ok', id: 'option-result' });
  const title = h('h2', { id: 'option-ticket-title' }, 'Option order');
  const what = h('p', { id: 'option-picked', class: 'muted' }, 'Pick Buy or Sell on a strike.');
  const form = h('form', { class: 'card ticket', id: 'option-ticket', 'aria-labelledby': 'option-ticket-title' },
    title, what,
    field('Account', { name: 'account', tag: 'select',
      options: accounts.map(a => ({ value: a.pseudoAccount, label: a.pseudoAccount })) }),
    h('div', { class: 'row' },
      field('Side', { name: 'side', tag: 'select', options: ['BUY', 'SELL'] }),
      field('Lots', { name: 'lots', type: 'number', min: 1, step: 1, value: 1, required: true })),
    h('div', { class: 'row' },
      field('Product', { name: 'productType', tag: 'select', options: ['NORMAL', 'INTRADAY'] }),
      field('After-market order (queued for the open)', { name: 'amo', type: 'checkbox' })),
    error, done,
    h('button', { type: 'submit', disabled: true }, 'Place market order'));
  const submit = form.querySelector('button[type=submit]');
  let picked = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    done.textContent = '';
    const v = formValues(form);
    const body = { account: v.account, exchange: 'NFO', symbol: picked.symbol, side: v.side,
      quantity: Number(v.lots) * picked.lotSize, orderType: 'MARKET', productType: v.productType };
    if (v.amo) body.amo = true;
    try {
      const placed = await post('/orders', body);
      done.textContent = placed.orderId
        ? `Order ${placed.orderId}: ${placed.status}${placed.averagePrice ? ' at ' + price(placed.averagePrice) : ''}` +
          (placed.statusMessage ? ' — ' + placed.statusMessage : '')
        : `Waiting for approval (${placed.actionId}).`;
    } catch (e) {
      showError(error, e);
    }
  });
  return {
    form,
    async open(option, strike, side) {
      clearError(error);
      done.textContent = '';
      try {
        const [instrument] = (await get(`/instruments?exchange=NFO&q=${encodeURIComponent(option.symbol)}`))
          .filter(i => i.symbol === option.symbol);
        picked = { symbol: option.symbol, lotSize: instrument ? instrument.lotSize : 1 };
        what.textContent = `${option.symbol} · strike ${strike} · lot ${picked.lotSize} · ` +
          `bid ${price(option.bid)} / ask ${price(option.ask)} · one lot ≈ ${money(option.ask * picked.lotSize)}`;
        form.elements.side.value = side;
        submit.disabled = !accounts.length;
        if (!accounts.length) showError(error, 'No paper trading account: add one under Trading accounts.');
        form.elements.lots.focus();
      } catch (e) {
        showError(error, e);
      }
    },
  };
}
