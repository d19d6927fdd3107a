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
      const values = formValues(form);
      const created = await post('/auth/register', values);
      // Registering signs you in: nobody should type the password they just chose twice.
      let inNow = false;
      try {
        const answer = await post('/auth/login', { username: values.username, password: values.password });
        if (answer.status === 'AUTHENTICATED') {
          setCsrf(answer.csrfToken);
          await signedIn();
          inNow = true;
        }
      } catch (e) { /* the sign-in page below does it by hand */ }
      view.replaceChildren(h('h1', {}, 'Your first API key'), keyOnce(created.apiKey.key,
        'This key trades for you from TradingView, AmiBroker, Python or Excel. It is shown once here; you can view it'
        + ' again later under Security, after your password.'),
        h('p', {}, inNow
          ? h('button', { type: 'button', id: 'continue-trading', onclick: () => go('/trade') }, 'Continue to trading')
          : h('a', { href: '#/login', class: 'button', id: 'continue-login' }, 'Continue to sign in')));
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
  view.append(form, h('p', {}, 'New here? ', h('a', { href: '#/register' }, 'Register'), ' · ',
    h('a', { href: '#/forgot', id: 'forgot-link' }, 'Forgot your password?')));
}

export async function forgot(view) {
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'forgot-form' },
    h('p', {}, 'Enter the e-mail address of your account. If it is known, a link to choose a new password is sent'
      + ' to it; it works once, for 30 minutes.'),
    field('E-mail', { name: 'email', type: 'email', autocomplete: 'email', required: true }),
    error,
    h('button', { type: 'submit' }, 'Send the link'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      await post('/auth/password-reset', formValues(form));
      form.replaceWith(h('p', { class: 'ok', role: 'status' }, 'If that address belongs to an account, the link is on'
        + ' its way. Check your inbox (and the spam folder).'));
    } catch (e) {
      showError(error, e);
    }
  });
  view.append(form, h('p', {}, h('a', { href: '#/login' }, 'Back to sign in')));
}

export async function reset(view) {
  const token = new URLSearchParams(location.hash.split('?')[1] || '').get('token') || '';
  const error = alertBox();
  const form = h('form', { class: 'card', id: 'reset-form' },
    field('New password (at least 12 characters)', { name: 'newPassword', type: 'password',
      autocomplete: 'new-password', minlength: 12, required: true }),
    field('Authenticator code (only if you use one)', { name: 'totpCode', autocomplete: 'one-time-code',
      inputmode: 'numeric' }),
    error,
    h('button', { type: 'submit' }, 'Set the new password'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    const v = formValues(form);
    const body = { token, newPassword: v.newPassword };
    if (v.totpCode) body.totpCode = v.totpCode.trim();
    try {
      await post('/auth/password-reset/confirm', body);
      form.replaceWith(h('p', { class: 'ok', role: 'status' }, 'Your password is changed and every session was signed'
        + ' out. ', h('a', { href: '#/login' }, 'Sign in')));
    } catch (e) {
      showError(error, e);
    }
  });
  view.append(token ? form : h('p', { class: 'alert', role: 'alert' }, 'This page needs the link from the e-mail.'));
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
