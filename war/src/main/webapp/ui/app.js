// Tradebridge's pages: a hash router over page modules. Who is signed in comes from GET /api/v1/me, so a
// reloaded page carries on with its session.
import { h, fill } from './dom.js';
import { get, post, setCsrf } from './api.js';
import * as auth from './pages/auth.js';
import * as security from './pages/security.js';
import * as accounts from './pages/accounts.js';
import * as trading from './pages/trading.js';
import * as actions from './pages/actions.js';
import * as workbook from './pages/workbook.js';
import * as activity from './pages/activity.js';
import * as desk from './pages/desk.js';
import * as excel from './pages/excel.js';
import * as options from './pages/options.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
export const session = { me: null };
let pendingTimer = null;
let pageTimers = [];
let pageCleanups = [];

const routes = {
  '/login': { page: auth.login, title: 'Sign in', open: true },
  '/register': { page: auth.register, title: 'Register', open: true },
  '/forgot': { page: auth.forgot, title: 'Forgot your password', open: true },
  '/reset': { page: auth.reset, title: 'Choose a new password', open: true },
  '/trade': { page: trading.page, title: 'Trading' },
  '/options': { page: options.page, title: 'Options · Paper option chain' },
  '/actions': { page: actions.page, title: 'Action center' },
  '/desk': { page: desk.page, title: 'Desk · Groups and copy trading' },
  '/workbook': { page: workbook.page, title: 'Workbook upload' },
  '/excel': { page: excel.page, title: 'Get the Excel add-in' },
  '/security': { page: security.page, title: 'Settings · Security' },
  '/accounts': { page: accounts.page, title: 'Settings · Trading accounts' },
  '/activity': { page: activity.page, title: 'Activity' },
};

/** Runs fn every ms while the current page is shown. */
export function every(ms, fn) {
  pageTimers.push(setInterval(fn, ms));
}

/** Runs fn when the current page is left (a stream to close). */
export function onLeave(fn) {
  pageCleanups.push(fn);
}

export function go(path) {
  if (location.hash === '#' + path) render();
  else location.hash = '#' + path;
}

export async function signedIn() {
  session.me = await get('/me');
  setCsrf(session.me.csrfToken);
  drawNav();
}

async function loadSession() {
  try {
    await signedIn();
  } catch (e) {
    session.me = null;
    drawNav();
  }
}

function drawNav() {
  clearInterval(pendingTimer);
  if (!session.me) {
    fill(nav, h('a', { href: '#/login' }, 'Sign in'), h('a', { href: '#/register' }, 'Register'));
    return;
  }
  const count = h('span', { class: 'badge', id: 'pending-count', 'aria-label': 'pending approvals' }, '0');
  fill(nav,
    h('a', { href: '#/trade' }, 'Trading'),
    h('a', { href: '#/options' }, 'Options'),
    h('a', { href: '#/actions' }, 'Action center ', count),
    h('a', { href: '#/desk' }, 'Desk'),
    h('a', { href: '#/workbook' }, 'Workbook'),
    h('a', { href: '#/excel' }, 'Excel add-in'),
    h('a', { href: '#/security' }, 'Security'),
    h('a', { href: '#/accounts' }, 'Trading accounts'),
    h('a', { href: '#/activity' }, 'Activity'),
    h('button', { type: 'button', class: 'link', id: 'logout', onclick: logout }, `Log out ${session.me.username}`));
  const refresh = async () => {
    try {
      const pending = await get('/actions?status=PENDING');
      count.textContent = String(pending.length);
      count.classList.toggle('hot', pending.length > 0);
    } catch (e) { /* shown on the pages themselves */ }
  };
  refresh();
  pendingTimer = setInterval(refresh, 5000);
}

export function refreshPending() {
  drawNav();
}

async function logout() {
  try { await post('/auth/logout'); } catch (e) { /* the session is gone either way */ }
  session.me = null;
  setCsrf(null);
  drawNav();
  go('/login');
}

async function render() {
  pageTimers.forEach(clearInterval);
  pageTimers = [];
  pageCleanups.forEach(fn => { try { fn(); } catch (e) { /* leaving anyway */ } });
  pageCleanups = [];
  // A route may carry a query after '?' (the e-mailed reset link's token): pages read it from location.hash.
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  let route = routes[path];
  if (!route || (!route.open && !session.me)) {
    route = session.me ? routes['/trade'] : routes['/login'];
  }
  document.title = `${route.title} · Tradebridge`;
  fill(view, h('h1', {}, route.title));
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === '#' + path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    await route.page(view);
  } catch (e) {
    view.append(h('p', { class: 'alert', role: 'alert' }, e.message || String(e)));
  }
  view.focus();
}

window.addEventListener('hashchange', render);
loadSession().then(render);
