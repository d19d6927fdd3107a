// The push stream (API.md, "Live updates") for the pages: one WebSocket per page, signed in with this
// browser's session and its CSRF token (the cookie alone would let another site's page in), subscribing
// again after every reconnect. Pages poll only while it is down.
import { csrf } from './api.js';

const split = key => { const at = key.indexOf(':'); return { exchange: key.slice(0, at), symbol: key.slice(at + 1) }; };

/**
 * Opens the stream. {@code onMessage(m)} gets every quote, order and position; {@code onState(up)} is told
 * when the stream comes up or goes down. Returns { watch(keys), orders(on), up(), close() }.
 */
export function live({ quotes = [], orders = false, onMessage, onState = () => {} }) {
  const wanted = { quotes: new Set(quotes), orders };
  let socket = null;
  let signedIn = false;
  let closed = false;
  let wait = 1000;

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN && signedIn) socket.send(JSON.stringify(message));
  }

  function subscribe() {
    send({ action: 'subscribe', quotes: [...wanted.quotes].map(split), orders: wanted.orders });
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/stream`);
    socket.addEventListener('open', () => socket.send(JSON.stringify({ action: 'auth', csrfToken: csrf() })));
    socket.addEventListener('message', event => {
      let m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      if (m.type === 'authenticated') {
        signedIn = true;
        wait = 1000;
        subscribe();
        onState(true);
      } else {
        onMessage(m);
      }
    });
    socket.addEventListener('close', () => {
      const was = signedIn;
      signedIn = false;
      if (was) onState(false);
      if (!closed) {
        setTimeout(connect, wait);
        wait = Math.min(wait * 2, 30000);
      }
    });
  }

  connect();
  return {
    /** Watches exactly these instruments ("NSE:SBIN") from now on. */
    watch(keys) {
      const next = new Set(keys);
      const gone = [...wanted.quotes].filter(k => !next.has(k));
      const added = [...next].filter(k => !wanted.quotes.has(k));
      wanted.quotes = next;
      if (gone.length) send({ action: 'unsubscribe', quotes: gone.map(split) });
      if (added.length) send({ action: 'subscribe', quotes: added.map(split) });
    },
    up: () => signedIn,
    close() {
      closed = true;
      if (socket) socket.close();
    },
  };
}
