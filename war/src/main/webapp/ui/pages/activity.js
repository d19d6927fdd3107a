import { h, table, time } from '../dom.js';
import { get } from '../api.js';

export async function page(view) {
  const [traffic, events] = await Promise.all([get('/traffic?limit=100'), get('/security/events?limit=100')]);
  view.append(
    h('section', { id: 'security-events' }, h('h2', {}, 'Security events'), table([
      { label: 'Time', value: e => time(e.time) },
      { label: 'Event', value: e => e.type },
      { label: 'Address', value: e => e.ip || '—' },
      { label: 'Detail', value: e => e.detail || '' },
    ], events, 'No security events yet.')),
    h('section', { id: 'traffic' }, h('h2', {}, 'Traffic log'), h('p', { class: 'muted' }, 'Your last 100 requests,'
      + ' newest first, from every key and this browser.'), table([
      { label: 'Time', value: t => time(t.time) },
      { label: 'Request', value: t => `${t.method} ${t.path}` },
      { label: 'Status', value: t => String(t.status) },
      { label: 'Address', value: t => t.ip },
      { label: 'Key', value: t => t.keyId ? t.keyId.slice(0, 8) : 'session' },
      { label: 'ms', value: t => String(t.latencyMs) },
    ], traffic, 'No requests yet.')));
}
