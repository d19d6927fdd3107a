import { h, field, alertBox, showError, clearError, table, formValues, time, fill } from '../dom.js';
import { get, post, del } from '../api.js';
import { stepUp } from './stepup.js';

export async function page(view) {
  const section = h('section', { id: 'trading-accounts' });
  view.append(h('p', { class: 'muted' }, 'A trading account is a broker login behind a nickname (its pseudo account).'
    + ' Programs name the nickname, so switching brokers changes no script. PAPER is the built-in paper exchange;'
    + ' KITE is Zerodha Kite Connect: give your Kite Connect app\'s apiKey and apiSecret, set its redirect URL to'
    + ` ${location.origin}/api/v1/brokers/KITE/callback and its postback URL to`
    + ` ${location.origin}/api/v1/brokers/KITE/postback, then log in to Kite here each trading day.`
    + ' UPSTOX is Upstox API v2: give your Upstox app\'s clientId and clientSecret, set its redirect URL to'
    + ' <this server\'s public URL>/api/v1/brokers/UPSTOX/callback (TRADEBRIDGE_PUBLIC_URL) and its postback URL to'
    + ` ${location.origin}/api/v1/brokers/UPSTOX/postback, then log in to Upstox here each trading day.`),
  section);
  await draw(section);
}

async function draw(section) {
  const error = alertBox();
  const slot = h('div', { class: 'slot' });
  const list = await get('/trading-accounts');
  fill(section, error, slot, table([
    { label: 'Pseudo account', value: a => h('strong', {}, a.pseudoAccount) },
    { label: 'Broker', value: a => a.broker },
    { label: 'Login id', value: a => a.loginId },
    // Paper money is not live money: say which, and whether a real account may trade at all.
    { label: 'Trading', value: a => a.broker === 'PAPER' ? 'Paper (virtual money)' : a.live ? 'Live' : 'Off: orders refused' },
    { label: 'Validated', value: a => `${a.validationStatus || 'not yet'} ${a.lastValidatedAt ? time(a.lastValidatedAt) : ''}` },
    { label: 'Actions', value: a => h('span', { class: 'actions' },
      a.broker === 'PAPER' ? '' : h('button', { type: 'button', class: 'small', onclick: async () => {
        clearError(error);
        try {
          // The broker's own login page; it sends the browser back here once the trader has signed in.
          const { loginUrl } = await post(`/trading-accounts/${a.id}/broker-login`);
          window.location.assign(loginUrl);
        } catch (e) { showError(error, e); }
      } }, 'Log in to broker'),
      h('button', { type: 'button', class: 'small', onclick: async () => {
        clearError(error);
        try {
          const result = await post(`/trading-accounts/${a.id}/validate`);
          fill(slot, h('p', { role: 'status' }, `${a.pseudoAccount}: ${result.validationStatus}. ${result.message || ''}`));
          setTimeout(() => draw(section), 1500);
        } catch (e) { showError(error, e); }
      } }, 'Validate'),
      h('button', { type: 'button', class: 'small', onclick: () => fill(slot, stepUp(`Show the credentials of ${a.pseudoAccount}`,
        async proof => {
          const { credentials } = await post(`/trading-accounts/${a.id}/credentials/reveal`, proof);
          fill(slot, h('div', { class: 'card secret' }, h('p', {}, `Credentials of ${a.pseudoAccount}:`),
            h('pre', {}, JSON.stringify(credentials, null, 2)),
            h('button', { type: 'button', class: 'secondary', onclick: () => fill(slot) }, 'Hide')));
        })) }, 'Credentials'),
      h('button', { type: 'button', class: 'small danger', onclick: () => fill(slot, stepUp(
        `Remove the trading account ${a.pseudoAccount} and its stored broker login`,
        async proof => { await del(`/trading-accounts/${a.id}`, proof); await draw(section); })) }, 'Remove')) },
  ], list, 'No trading accounts yet.'), addForm(section));
}

function addForm(section) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'add-account' },
    h('h2', {}, 'Add a trading account'),
    field('Pseudo account (nickname)', { name: 'pseudoAccount', required: true, placeholder: 'ACC1' }),
    field('Broker', { name: 'broker', tag: 'select', options: ['PAPER', 'KITE', 'UPSTOX'] }),
    field('Login id', { name: 'loginId', required: true }),
    field('Credentials (JSON; KITE needs {"apiKey": "…", "apiSecret": "…"}, UPSTOX {"clientId": "…", "clientSecret": "…"})', { name: 'credentials', tag: 'textarea',
      rows: 3 }),
    field('Live (orders may be placed)', { name: 'live', type: 'checkbox', checked: true }),
    error,
    h('button', { type: 'submit' }, 'Add…'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearError(error);
    const v = formValues(form);
    let credentials = {};
    try {
      credentials = v.credentials ? JSON.parse(v.credentials) : {};
    } catch (e) {
      showError(error, 'Credentials must be JSON, for example {"apiKey": "abc"}.');
      return;
    }
    form.after(stepUp(`Add ${v.pseudoAccount}: its credentials are stored encrypted`, async (proof, dialog) => {
      await post('/trading-accounts', { pseudoAccount: v.pseudoAccount, broker: v.broker, loginId: v.loginId,
        credentials, live: v.live, ...proof });
      dialog.remove();
      await draw(section);
    }));
  });
  return form;
}
