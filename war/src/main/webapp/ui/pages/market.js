// The trading screen's market: a watchlist (kept in this browser), symbol search as you type, and for the
// picked instrument its depth and a candle chart (Apache ECharts, served from this server).
import { h, fill, table, price, alertBox, showError, clearError } from '../dom.js';
import { get } from '../api.js';

const STORE = 'tradebridge.watchlist';
// Shares only: futures roll every month, so a starter contract would expire in the watchlist.
const STARTERS = ['NSE:SBIN', 'NSE:RELIANCE', 'NSE:INFY', 'NSE:ITC', 'NSE:HDFCBANK'];
const INTERVALS = ['1m', '5m', '15m', '1h', '1d'];

function loadList() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE));
    if (Array.isArray(saved)) return saved;
  } catch (e) { /* a broken entry: start again */ }
  return [...STARTERS];
}

function saveList(list) {
  localStorage.setItem(STORE, JSON.stringify(list));
}

const split = key => { const at = key.indexOf(':'); return { exchange: key.slice(0, at), symbol: key.slice(at + 1) }; };

async function quote(key) {
  const { exchange, symbol } = split(key);
  return get(`/quotes?exchange=${encodeURIComponent(exchange)}&symbol=${encodeURIComponent(symbol)}`);
}

/** Signed change and percent since the previous close, coloured. */
function change(q) {
  if (q.close === null || q.close === undefined || Number(q.close) === 0) return '—';
  const diff = Number(q.lastPrice) - Number(q.close);
  const pct = diff / Number(q.close) * 100;
  const sign = diff > 0 ? '+' : '';
  return h('span', { class: diff < 0 ? 'loss' : 'gain' }, `${sign}${price(diff)} (${sign}${pct.toFixed(2)}%)`);
}

let charts = null;
function echarts() {
  charts = charts || new Promise((resolve, reject) => {
    const script = h('script', { src: '/ui/vendor/echarts.min.js' });
    script.addEventListener('load', () => resolve(window.echarts));
    script.addEventListener('error', () => reject(new Error('The chart library could not be loaded.')));
    document.head.append(script);
  });
  return charts;
}

/**
 * The market section. {@code onPick(exchange, symbol, quote)} is told when a trader picks an instrument
 * (the ticket takes it); {@code listChanged(keys)} when the watchlist is drawn (the page's stream watches it).
 * Returns { element, refresh, update(quote), chart, keys, quoteOf }.
 */
export function marketPanel(onPick, listChanged = () => {}) {
  const error = alertBox();
  const state = { list: loadList(), picked: null, interval: '1m', quotes: {} };
  if (!state.list.length) state.list = [...STARTERS];
  state.picked = state.list[0];
  const rows = h('div', { id: 'watchlist' });
  const results = h('ul', { class: 'search-results', id: 'search-results', role: 'listbox' });
  const search = h('input', { type: 'search', id: 'symbol-search', placeholder: 'Search: SBIN, NIFTY, Infosys…',
    autocomplete: 'off', 'aria-label': 'Search instruments', 'aria-controls': 'search-results' });
  const depth = h('div', { id: 'depth' });
  const chartBox = h('div', { id: 'chart', class: 'chart', role: 'img', 'aria-label': 'candle chart' });
  const title = h('h3', { id: 'picked-title' });
  const intervalPicker = h('select', { id: 'chart-interval', 'aria-label': 'Candle interval' },
    INTERVALS.map(i => h('option', { value: i }, i)));
  let chart = null;

  let typing = null;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const q = search.value.trim();
      if (q.length < 2) { fill(results); return; }
      try {
        const found = (await get(`/instruments?q=${encodeURIComponent(q)}`)).slice(0, 8);
        fill(results, found.length ? found.map(i => h('li', {},
          h('button', { type: 'button', class: 'link pick', onclick: () => add(`${i.exchange}:${i.symbol}`) },
            h('strong', {}, `${i.exchange}:${i.symbol}`), ` ${i.name} · lot ${i.lotSize} · tick ${price(i.tickSize)}`
              + ` · ${price(i.lastPrice)}`))) : h('li', { class: 'empty' }, 'No instrument matches.'));
      } catch (e) { showError(error, e); }
    }, 250);
  });
  intervalPicker.addEventListener('change', () => { state.interval = intervalPicker.value; drawChart(); });

  function add(key) {
    if (!state.list.includes(key)) { state.list.push(key); saveList(state.list); }
    fill(results);
    search.value = '';
    pick(key);
  }

  function remove(key) {
    state.list = state.list.filter(k => k !== key);
    saveList(state.list);
    if (state.picked === key) state.picked = state.list[0] || null;
    refresh();
  }

  function pick(key) {
    state.picked = key;
    const { exchange, symbol } = split(key);
    onPick(exchange, symbol, state.quotes[key]);
    refresh();
  }

  async function drawChart() {
    if (!state.picked) return;
    const { exchange, symbol } = split(state.picked);
    const bars = await get(`/candles?exchange=${encodeURIComponent(exchange)}&symbol=${encodeURIComponent(symbol)}`
      + `&interval=${state.interval}`);
    chartBox.dataset.candles = String(bars.length);
    const lib = await echarts();
    if (!chart) {
      chart = lib.init(chartBox, null, { renderer: 'canvas' });
      window.addEventListener('resize', () => chart.resize());
    }
    const label = t => {
      const d = new Date(t);
      return state.interval === '1d' ? d.toLocaleDateString('en-IN') : d.toLocaleTimeString('en-IN', { hour: '2-digit', minute: '2-digit' });
    };
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: bars.map(b => label(b.time)) },
      yAxis: { type: 'value', scale: true },
      series: [{ type: 'candlestick', name: symbol,
        // ECharts' order: open, close, low, high. Rising green, falling red, as Indian terminals draw them.
        data: bars.map(b => [b.open, b.close, b.low, b.high]),
        itemStyle: { color: '#116b2e', color0: '#a8201a', borderColor: '#116b2e', borderColor0: '#a8201a' } }],
    });
    // The box may have been laid out after the chart was made (the page fills in as data comes).
    chart.resize();
  }

  /** Every watched quote from the server (at start, and while the push stream is down). */
  async function refresh() {
    clearError(error);
    try {
      const quotes = await Promise.all(state.list.map(k => quote(k).then(q => [k, q], () => [k, null])));
      quotes.forEach(([k, q]) => { if (q) state.quotes[k] = q; });
      draw();
      await drawChart();
    } catch (e) { showError(error, e); }
  }

  /** A quote from the push stream: drawn at most a few times a second, however fast they come. */
  let drawing = null;
  function update(q) {
    const key = `${q.exchange}:${q.symbol}`;
    if (!state.list.includes(key)) return;
    state.quotes[key] = q;
    if (!drawing) drawing = setTimeout(() => { drawing = null; draw(); }, 250);
  }

  function draw() {
    listChanged(state.list);
    fill(rows, table([
      { label: 'Instrument', value: k => h('button', { type: 'button', class: 'link pick', 'aria-pressed': String(k === state.picked),
        onclick: () => pick(k) }, k) },
      { label: 'LTP', value: k => h('span', { class: 'ltp' }, state.quotes[k] ? price(state.quotes[k].lastPrice) : '—') },
      { label: 'Change', value: k => state.quotes[k] ? change(state.quotes[k]) : '—' },
      { label: 'Bid', value: k => state.quotes[k] ? price(state.quotes[k].bid) : '—' },
      { label: 'Ask', value: k => state.quotes[k] ? price(state.quotes[k].ask) : '—' },
      { label: '', value: k => h('button', { type: 'button', class: 'small secondary', 'aria-label': `Remove ${k}`,
        onclick: () => remove(k) }, '×') },
    ], state.list, 'Your watchlist is empty: search for a symbol above.'));
    const q = state.picked && state.quotes[state.picked];
    title.textContent = state.picked ? `${state.picked}${q ? ' · ' + price(q.lastPrice) : ''}` : '';
    if (q) {
      const levels = Math.max((q.bids || []).length, (q.asks || []).length);
      const idx = [...Array(levels).keys()];
      fill(depth, table([
        { label: 'Bid qty', value: i => q.bids[i] ? String(q.bids[i].quantity) : '' },
        { label: 'Bid', value: i => q.bids[i] ? h('span', { class: 'gain' }, price(q.bids[i].price)) : '' },
        { label: 'Ask', value: i => q.asks[i] ? h('span', { class: 'loss' }, price(q.asks[i].price)) : '' },
        { label: 'Ask qty', value: i => q.asks[i] ? String(q.asks[i].quantity) : '' },
      ], idx, 'No depth for this instrument.'));
    }
  }

  /** The chart alone: its candles grow every minute, not every tick. */
  async function chartOnly() {
    try { await drawChart(); } catch (e) { showError(error, e); }
  }

  const element = h('section', { id: 'market', class: 'market', 'aria-labelledby': 'market-title' },
    h('h2', { id: 'market-title' }, 'Market'), error,
    h('div', { class: 'market-grid' },
      h('div', {}, h('div', { class: 'search' }, search, results), rows),
      h('div', { class: 'picked' }, h('div', { class: 'picked-head' }, title, intervalPicker), chartBox,
        h('h4', {}, 'Market depth'), depth)));
  return { element, refresh, update, chart: chartOnly, keys: () => [...state.list], quoteOf: key => state.quotes[key] };
}
