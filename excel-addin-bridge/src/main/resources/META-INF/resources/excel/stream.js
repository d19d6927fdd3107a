// The add-in's one push stream (API.md, "Live updates"), shared by the task pane and every custom function
// cell: a cell asking for a quote some other cell already watches adds a listener, not a subscription.
// Signed in with the add-in's key in the first message; reconnects after a break and subscribes again.

const split = key => { const at = key.indexOf(':'); return { exchange: key.slice(0, at), symbol: key.slice(at + 1) }; };

export class Live {
  constructor(origin) {
    this.origin = origin;
    this.key = null;
    this.socket = null;
    this.ready = false;
    this.wait = 1000;
    this.quotes = new Map();      // "NSE:SBIN" → { listeners: Set, last }
    this.orderListeners = new Set();
    this.stateListeners = new Set();
    this.state = 'signed out';
  }

  /** Tells {@code fn(state, detail)} of 'connecting', 'live', 'reconnecting' and 'refused'. */
  onState(fn) {
    this.stateListeners.add(fn);
    fn(this.state);
    return () => this.stateListeners.delete(fn);
  }

  setState(state, detail) {
    this.state = state;
    this.stateListeners.forEach(fn => fn(state, detail));
  }

  signIn(key) {
    this.key = key;
    this.wait = 1000;
    this.connect();
  }

  signOut() {
    this.key = null;
    this.ready = false;
    if (this.socket) this.socket.close();
    this.setState('signed out');
  }

  connect() {
    if (!this.key) return;
    if (this.socket) this.socket.close();
    const url = this.origin.replace(/^http/, 'ws') + '/api/v1/stream';
    const socket = new WebSocket(url);
    this.socket = socket;
    this.setState('connecting');
    let refused = null;
    socket.addEventListener('open', () => socket.send(JSON.stringify({ action: 'auth', apiKey: this.key })));
    socket.addEventListener('message', event => {
      let m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      if (m.type === 'authenticated') {
        this.ready = true;
        this.wait = 1000;
        this.setState('live');
        this.resubscribe();
      } else if (m.type === 'quote') {
        const entry = this.quotes.get(`${m.exchange}:${m.symbol}`);
        if (entry) {
          entry.last = m;
          entry.listeners.forEach(fn => fn(m));
        }
      } else if (m.type === 'order' || m.type === 'position') {
        this.orderListeners.forEach(fn => fn(m));
      } else if (m.type === 'error' && m.code === 'UNAUTHENTICATED') {
        refused = m.detail;
      }
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.ready = false;
      if (refused) {
        // A revoked or unknown key: trying again would only be refused again.
        this.setState('refused', refused);
        return;
      }
      if (this.key) {
        this.setState('reconnecting');
        setTimeout(() => this.connect(), this.wait);
        this.wait = Math.min(this.wait * 2, 30000);
      }
    });
  }

  send(message) {
    if (this.ready && this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  resubscribe() {
    const quotes = [...this.quotes.keys()].map(split);
    if (quotes.length || this.orderListeners.size) {
      this.send({ action: 'subscribe', quotes, orders: this.orderListeners.size > 0 });
    }
  }

  /** Calls {@code fn(quote)} with every quote of the instrument; returns the way to stop. */
  quote(exchange, symbol, fn) {
    const key = `${String(exchange).trim().toUpperCase()}:${String(symbol).trim().toUpperCase()}`;
    let entry = this.quotes.get(key);
    if (!entry) {
      entry = { listeners: new Set(), last: null };
      this.quotes.set(key, entry);
      this.send({ action: 'subscribe', quotes: [split(key)] });
    }
    entry.listeners.add(fn);
    if (entry.last) fn(entry.last);
    return () => {
      entry.listeners.delete(fn);
      if (!entry.listeners.size && this.quotes.get(key) === entry) {
        this.quotes.delete(key);
        this.send({ action: 'unsubscribe', quotes: [split(key)] });
      }
    };
  }

  /** Calls {@code fn(message)} with every order and position change; returns the way to stop. */
  orders(fn) {
    this.orderListeners.add(fn);
    if (this.orderListeners.size === 1) this.send({ action: 'subscribe', orders: true });
    return () => {
      this.orderListeners.delete(fn);
      if (!this.orderListeners.size) this.send({ action: 'unsubscribe', orders: true });
    };
  }

  /** One API call with the add-in's key (never in the URL). */
  async api(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json', 'X-API-Key': this.key || '' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(this.origin + '/api/v1' + path,
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new Error('Tradebridge cannot be reached. Check your connection and try again.');
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((json && json.detail) || `Tradebridge answered ${response.status}.`);
      error.status = response.status;
      error.problem = json;
      throw error;
    }
    return json;
  }
}

export const live = new Live(typeof location !== 'undefined' ? location.origin : '');
