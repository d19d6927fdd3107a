import { h, field, alertBox, showError, clearError, table, formValues, time, fill } from '../dom.js';
import { get, post, put, del } from '../api.js';
import { session, signedIn } from '../app.js';
import { stepUp } from './stepup.js';
import { keyOnce } from './auth.js';

export async function page(view) {
  const keys = h('section', { 'aria-labelledby': 'keys-title', id: 'keys' });
  const twoFactor = h('section', { 'aria-labelledby': 'tfa-title', id: 'two-factor' });
  const kill = h('section', { 'aria-labelledby': 'kill-title', id: 'kill-switch' });
  const sessions = h('section', { 'aria-labelledby': 'sessions-title', id: 'sessions' });
  const password = h('section', { 'aria-labelledby': 'password-title', id: 'password' });
  view.append(keys, twoFactor, sessions, password, kill);
  await drawKeys(keys);
  drawTwoFactor(twoFactor);
  await drawSessions(sessions);
  drawPassword(password);
  drawKillSwitch(kill);
}

async function drawKeys(section) {
  const error = alertBox();
  const list = await get('/keys');
  const place = h('div', { class: 'slot' });
  fill(section, h('h2', { id: 'keys-title' }, 'API keys'),
    h('p', { class: 'muted' }, 'Each program gets its own key. A key is the password to all your trading accounts:'
      + ' keep it secret, limit it to what the program needs, and revoke it the moment you suspect a leak.'),
    error, place,
    table([
      { label: 'Label', value: k => k.label },
      { label: 'Key', value: k => h('code', {}, `${k.prefix}…${k.last4}`) },
      { label: 'Environment', value: k => k.environment },
      { label: 'Permissions', value: k => k.permissions.join(', ') },
      { label: 'IP allowlist', value: k => k.ipAllowlist.length ? k.ipAllowlist.join(', ') : 'any address' },
      { label: 'Mode', value: k => k.orderMode },
      { label: 'Last used', value: k => k.lastUsedAt ? `${time(k.lastUsedAt)} from ${k.lastUsedIp}` : 'never' },
      { label: 'Status', value: k => h('span', { class: `status ${k.status.toLowerCase()}` }, k.status) },
      { label: 'Actions', value: k => k.status !== 'ACTIVE' ? '' : h('span', { class: 'actions' },
        h('button', { type: 'button', class: 'small', 'data-action': 'view', 'data-key': k.label, onclick: () =>
          fill(place, stepUp(`View the key “${k.label}”`, async proof => {
            const { key } = await post(`/keys/${k.id}/reveal`, proof);
            fill(place, keyOnce(key, `The key “${k.label}”. Hide it when you are done.`),
              h('button', { type: 'button', class: 'secondary', onclick: () => fill(place) }, 'Hide'));
          })) }, 'View'),
        h('button', { type: 'button', class: 'small', 'data-action': 'regenerate', 'data-key': k.label, onclick: () =>
          fill(place, stepUp(`Re-generate “${k.label}”: the old secret stops working at once, everywhere.`,
            async proof => {
              const { key } = await post(`/keys/${k.id}/regenerate`, proof);
              await drawKeys(section);
              section.querySelector('.slot').append(keyOnce(key,
                `The new secret of “${k.label}”. Put it in your programs now: the old one is refused from now on.`));
            })) }, 'Re-generate'),
        h('button', { type: 'button', class: 'small danger', 'data-action': 'revoke', 'data-key': k.label,
          onclick: async () => {
            if (!confirm(`Revoke “${k.label}”? Programs using it stop at once.`)) return;
            try { await del(`/keys/${k.id}`); await drawKeys(section); } catch (e) { showError(error, e); }
          } }, 'Revoke')) },
    ], list, 'No keys yet.'),
    createForm(section));
}

function createForm(section) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'create-key' },
    h('h3', {}, 'Create a key'),
    field('Label', { name: 'label', required: true, placeholder: 'TradingView alerts' }),
    field('Environment', { name: 'environment', tag: 'select', options: [
      { value: 'LIVE', label: 'LIVE (tb_live_)' }, { value: 'TEST', label: 'TEST (tb_test_, paper only)' }] }),
    h('fieldset', {}, h('legend', {}, 'Permissions'),
      field('READ: orders, positions, holdings', { name: 'read', type: 'checkbox', checked: true }),
      field('TRADE: place, modify, cancel, square off', { name: 'trade', type: 'checkbox', checked: true })),
    field('IP allowlist (addresses or CIDR ranges, comma-separated; empty: any)', { name: 'ipAllowlist' }),
    field('Order mode', { name: 'orderMode', tag: 'select', options: [
      { value: 'AUTO', label: 'AUTO: orders go to the broker' },
      { value: 'SEMI_AUTO', label: 'SEMI_AUTO: orders wait for my approval' }] }),
    field('Expires (optional)', { name: 'expiresAt', type: 'datetime-local' }),
    error,
    h('button', { type: 'submit' }, 'Create key…'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearError(error);
    const v = formValues(form);
    const body = {
      label: v.label, environment: v.environment, orderMode: v.orderMode,
      permissions: [v.read && 'READ', v.trade && 'TRADE'].filter(Boolean),
      ipAllowlist: v.ipAllowlist ? v.ipAllowlist.split(',').map(s => s.trim()).filter(Boolean) : [],
    };
    if (v.expiresAt) body.expiresAt = new Date(v.expiresAt).toISOString();
    form.after(stepUp(`Create the key “${v.label}”`, async (proof, dialog) => {
      const created = await post('/keys', { ...body, ...proof });
      dialog.remove();
      await drawKeys(section);
      section.querySelector('.slot').append(keyOnce(created.key,
        `Your new key “${created.label}”. Copy it now; you can view it again later after your password.`));
    }));
  });
  return form;
}

/**
 * Two-factor authentication shows one state at a time: what is on now and its choices; or the password step
 * for a change (Cancel goes back); or setting it up (the QR code and the first code); or, once on, the recovery
 * codes alone until the trader says they are kept. The section's body is replaced at each step.
 */
function drawTwoFactor(section) {
  const me = session.me;
  const on = me.totp.login || me.totp.credentials;
  const error = alertBox();
  const body = h('div', { class: 'slot' });
  fill(section, h('h2', { id: 'tfa-title' }, 'Two-factor authentication'), error, body);
  const back = () => drawTwoFactor(section);
  const step = (title, proceed, askCode) => {
    const form = stepUp(title, proceed, { askCode });
    // The step's Cancel removes its form: show the state it came from instead of an empty section.
    form.querySelector('button.secondary').addEventListener('click', back);
    fill(body, form);
  };
  if (!on) {
    fill(body, h('p', { id: 'tfa-state' }, 'Two-factor authentication is off.'),
      h('button', { type: 'button', id: 'enable-2fa', onclick: () => step('Set up two-factor authentication',
        async proof => {
          const setup = await post('/security/totp/setup', { password: proof.password });
          fill(body, activation(section, body, setup));
        }, false) }, 'Enable two-factor authentication'));
    return;
  }
  const form = h('form', { class: 'card', id: 'tfa-choices' },
    h('p', { id: 'tfa-state' }, `Two-factor authentication is on: ${[me.totp.login && 'at login',
      me.totp.credentials && 'before keys and credentials'].filter(Boolean).join(', ')}.`),
    field('Ask for a code at login', { name: 'login', type: 'checkbox', checked: me.totp.login }),
    field('Ask for a code before viewing keys or credentials', { name: 'credentials', type: 'checkbox',
      checked: me.totp.credentials }),
    h('button', { type: 'submit' }, 'Save choices…'), ' ',
    h('button', { type: 'button', class: 'danger', onclick: () => step('Turn two-factor authentication off',
      async proof => {
        await del('/security/totp', { password: proof.password, code: proof.totpCode });
        await signedIn();
        back();
      }, true) }, 'Turn off…'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const v = formValues(form);
    step('Change when codes are asked for', async proof => {
      await put('/security/totp', { password: proof.password, code: proof.totpCode, login: v.login,
        credentials: v.credentials });
      await signedIn();
      back();
    }, true);
  });
  fill(body, form);
}

function activation(section, body, setup) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'tfa-activate' },
    h('p', {}, 'Scan this code with your authenticator app (Google Authenticator, Authy, 1Password…).'),
    h('img', { src: setup.qrCodePng, alt: 'QR code for your authenticator app', width: 200, height: 200,
      class: 'qr' }),
    h('p', {}, 'Or type this secret into the app: ', h('code', { id: 'totp-secret' }, setup.secret)),
    field('Code shown by the app', { name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true }),
    field('Ask for a code at login', { name: 'login', type: 'checkbox', checked: true }),
    field('Ask for a code before viewing keys or credentials', { name: 'credentials', type: 'checkbox', checked: true }),
    error,
    h('button', { type: 'submit' }, 'Turn on'), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => drawTwoFactor(section) }, 'Cancel'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    const v = formValues(form);
    try {
      const { recoveryCodes } = await post('/security/totp/activate', v);
      await signedIn();
      // On now: the recovery codes alone, until the trader has kept them.
      fill(body, h('div', { class: 'card secret', id: 'recovery-codes' },
        h('p', { class: 'strong' }, 'Two-factor authentication is on. Recovery codes: each works once if you lose ' +
          'your phone. They are shown only now.'),
        h('ol', {}, recoveryCodes.map(c => h('li', {}, h('code', {}, c)))),
        recoveryActions(recoveryCodes),
        h('p', {}, h('button', { type: 'button', id: 'recovery-kept', onclick: () => drawTwoFactor(section) },
          'I have kept them'))));
    } catch (e) {
      showError(error, e);
    }
  });
  return form;
}

async function drawSessions(section) {
  const error = alertBox();
  const list = await get('/security/sessions');
  fill(section, h('h2', { id: 'sessions-title' }, 'Where you are signed in'), error,
    table([
      { label: 'Browser', value: s => s.userAgent || 'unknown' },
      { label: 'Address', value: s => s.ip || 'unknown' },
      { label: 'Signed in', value: s => time(s.createdAt) },
      { label: 'Last seen', value: s => time(s.lastSeenAt) },
      { label: '', value: s => s.current ? h('span', { class: 'muted' }, 'this browser')
        : h('button', { type: 'button', class: 'small', 'data-action': 'sign-out', onclick: async () => {
          try { await del(`/security/sessions/${s.id}`); await drawSessions(section); } catch (e) { showError(error, e); }
        } }, 'Sign out') },
    ], list, 'No sessions.'));
}

function drawPassword(section) {
  const error = alertBox();
  const needsCode = Boolean(session.me && session.me.totp && session.me.totp.credentials);
  const form = h('form', { class: 'card', id: 'change-password' },
    field('Current password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    field('New password (at least 12 characters)', { name: 'newPassword', type: 'password', autocomplete: 'new-password',
      minlength: 12, required: true }),
    needsCode ? field('Authenticator code', { name: 'totpCode', autocomplete: 'one-time-code', inputmode: 'numeric',
      required: true }) : null,
    error,
    h('button', { type: 'submit' }, 'Change password'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      await post('/auth/password', formValues(form));
      form.reset();
      form.append(h('p', { class: 'ok', role: 'status' }, 'Changed. Every other session was signed out.'));
      const sessions = document.getElementById('sessions');
      if (sessions) await drawSessions(sessions);
    } catch (e) {
      showError(error, e);
    }
  });
  fill(section, h('h2', { id: 'password-title' }, 'Password'), form);
}

function drawKillSwitch(section) {
  const slot = h('div', { class: 'slot' });
  fill(section, h('h2', { id: 'kill-title' }, 'Kill switch'),
    h('p', {}, 'Think a key leaked? This revokes every API key you have and cancels every open order and pending'
      + ' approval, at once.'),
    slot,
    h('button', { type: 'button', class: 'danger', id: 'kill', onclick: () => {
      if (!confirm('Revoke ALL your API keys and cancel ALL open orders and pending approvals?')) return;
      fill(slot, stepUp('Confirm the kill switch', async proof => {
        await post('/security/kill-switch', proof);
        fill(slot, h('p', { class: 'ok', role: 'status' }, 'Done: every key is revoked and open orders are cancelled.'));
        const keys = document.getElementById('keys');
        if (keys) await drawKeys(keys);
      }));
    } }, 'Use the kill switch…'), ' ',
    h('button', { type: 'button', class: 'secondary', id: 'kill-recovery', onclick: () => {
      const form = h('form', { class: 'card stepup' },
        h('p', {}, 'Signing in locked, or the password not at hand? One recovery code pulls the kill switch.'),
        field('Recovery code', { name: 'recoveryCode', autocomplete: 'off', required: true }),
        alertBox(),
        h('button', { type: 'submit', class: 'danger' }, 'Revoke everything'));
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const box = form.querySelector('[role=alert]') || form.querySelector('.alert');
        try {
          await post('/security/kill-switch', formValues(form));
          fill(slot, h('p', { class: 'ok', role: 'status' }, 'Done: every key is revoked and open orders are cancelled.'));
        } catch (e) {
          if (box) showError(box, e);
        }
      });
      fill(slot, form);
    } }, 'With a recovery code…'));
}

/** Copy or download the recovery codes: a trader keeps them away from the phone they stand in for. */
function recoveryActions(codes) {
  const status = h('span', { class: 'muted', role: 'status' });
  const text = `Tradebridge recovery codes (each works once)\n${codes.join('\n')}\n`;
  return h('p', { class: 'actions' },
    h('button', { type: 'button', class: 'small', id: 'copy-recovery', onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied.';
      } catch (e) {
        status.textContent = 'Select the codes and copy them yourself: this browser did not allow copying.';
      }
    } }, 'Copy'),
    h('button', { type: 'button', class: 'small', id: 'download-recovery', onclick: () => {
      const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })),
        download: 'tradebridge-recovery-codes.txt' });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      status.textContent = 'Saved as tradebridge-recovery-codes.txt.';
    } }, 'Download'), ' ', status);
}
