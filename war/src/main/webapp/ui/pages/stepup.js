import { h, field, alertBox, showError, clearError } from '../dom.js';
import { session } from '../app.js';

/**
 * "Re-enter your password" (API.md, Step-up), plus the authenticator code when credentials 2FA is on.
 * Shows a small form in place; proceed gets {password, totpCode} and may throw to show its error here.
 */
export function stepUp(title, proceed, { askCode = null } = {}) {
  const needsCode = askCode ?? Boolean(session.me && session.me.totp && session.me.totp.credentials);
  const error = alertBox();
  const form = h('form', { class: 'card stepup' },
    h('p', { class: 'strong' }, title),
    field('Your password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    needsCode ? field('Authenticator code', { name: 'totpCode', autocomplete: 'one-time-code', inputmode: 'numeric',
      required: true }) : null,
    error,
    h('button', { type: 'submit' }, 'Confirm'), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, 'Cancel'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    const proof = { password: form.elements.password.value };
    if (needsCode) proof.totpCode = form.elements.totpCode.value.trim();
    try {
      await proceed(proof, form);
    } catch (e) {
      showError(error, e);
    }
  });
  setTimeout(() => form.elements.password.focus(), 0);
  return form;
}
