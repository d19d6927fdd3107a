import { h, table, time, fill, address } from '../dom.js';
import { get } from '../api.js';

/** This browser's own reads (the pages poll every few seconds): hidden unless asked for. */
const ownRead = t => !t.keyId && t.method === 'GET';

export async function page(view) {
  const [traffic, events] = await Promise.all([get('/traffic?limit=500'), get('/security/events?limit=100')]);
  const showOwn = h('input', { type: 'checkbox', id: 'show-own-reads' });
  const log = h('div', {});
  const draw = () => {
    const shown = traffic.filter(t => showOwn.checked || !ownRead(t)).slice(0, 100);
    fill(log, table([
      { label: 'Time', value: t => time(t.time) },
      { label: 'Request', value: t => `${t.method} ${t.path}` },
      { label: 'Status', value: t => String(t.status) },
      { label: 'Address', value: t => address(t.ip) },
      { label: 'Key', value: t => t.keyId ? t.keyId.slice(0, 8) : 'session' },
      { label: 'ms', value: t => String(t.latencyMs) },
    ], shown, 'No requests yet.'));
  };
  showOwn.addEventListener('change', draw);
  draw();
  view.append(
    h('section', { id: 'security-events' }, h('h2', {}, 'Security events'), table([
      { label: 'Time', value: e => time(e.time) },
      { label: 'Event', value: e => e.type },
      { label: 'Address', value: e => e.ip ? address(e.ip) : '—' },
      { label: 'Detail', value: e => e.detail || '' },
    ], events, 'No security events yet.')),
    h('section', { id: 'traffic' }, h('h2', {}, 'Traffic log'), h('p', { class: 'muted' }, 'Your last requests,'
      + ' newest first, from every key and this browser.'),
    h('div', { class: 'field check' }, showOwn, h('label', { for: 'show-own-reads' },
      'Also show the reads these pages make by themselves')), log));
}
