import { h, field, alertBox, showError, clearError, formValues } from '../dom.js';
import { post, setCsrf } from '../api.js';
import { go, signedIn } from '../app.js';

export async function register(view) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'register-form' },
    field('Username', { name: 'username', autocomplete: 'username', required: true }),
    field('E-mail', { name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field('Password (at least 12 characters)', { name: 'password', type: 'password', autocomplete: 'new-password',
      minlength: 12, required: true }),
    error,
    h('button', { type: 'submit' }, 'Create account'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      const created = await post('/auth/register', formValues(form));
      view.replaceChildren(h('h1', {}, 'Your first API key'), keyOnce(created.apiKey.key,
        'This key trades for you from TradingView, AmiBroker, Python or Excel. It is shown once here; you can view it'
        + ' again later under Security, after your password.'),
        h('p', {}, h('a', { href: '#/login', class: 'button', id: 'continue-login' }, 'Continue to sign in')));
    } catch (e) {
      showError(error, e);
    }
  });
  view.append(form, h('p', {}, 'Already registered? ', h('a', { href: '#/login' }, 'Sign in')));
}

/** A key shown once, with a copy button. */
export function keyOnce(key, note) {
  const status = h('span', { class: 'muted', role: 'status' });
  return h('div', { class: 'card secret' },
    h('p', {}, note),
    h('code', { class: 'key', id: 'shown-key' }, key),
    h('button', { type: 'button', onclick: async () => {
      try {
        await navigator.clipboard.writeText(key);
        status.textContent = 'Copied.';
      } catch (e) {
        status.textContent = 'Select the key and copy it yourself: this browser did not allow copying.';
      }
    } }, 'Copy'), ' ', status);
}

export async function login(view) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'login-form' },
    field('Username', { name: 'username', autocomplete: 'username', required: true }),
    field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      const answer = await post('/auth/login', formValues(form));
      if (answer.status === 'TOTP_REQUIRED') {
        form.replaceWith(codeStep(answer.challengeId));
        return;
      }
      await done(answer);
    } catch (e) {
      showError(error, e);
    }
  });
  view.append(form, h('p', {}, 'New here? ', h('a', { href: '#/register' }, 'Register')));
}

function codeStep(challengeId) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'code-form' },
    h('p', {}, 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.'),
    field('Code', { name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true }),
    error,
    h('button', { type: 'submit' }, 'Verify'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      await done(await post('/auth/login/totp', { challengeId, code: formValues(form).code }));
    } catch (e) {
      showError(error, e);
    }
  });
  return form;
}

async function done(answer) {
  setCsrf(answer.csrfToken);
  await signedIn();
  go('/trade');
}
