// The only way the pages reach the server: the public /api/v1, as programs use it. A session cookie
// (HttpOnly) proves who we are; every write also carries the CSRF token from login or GET /api/v1/me.

let csrfToken = null;

export function setCsrf(token) {
  csrfToken = token || null;
}

/** The session's CSRF token: the push stream signs in with it. */
export function csrf() {
  return csrfToken;
}

/** An API error, with the problem's detail as its message (API.md, Errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `The server answered ${status}.`);
    this.status = status;
    this.code = problem && problem.code;
    this.problem = problem;
  }
}

export async function call(method, path, body, { raw = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const options = { method, headers, credentials: 'same-origin' };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch('/api/v1' + path, options);
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.' });
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (e) { /* not JSON: keep the status */ }
    if (response.status === 429 && problem) {
      const wait = response.headers.get('Retry-After');
      if (wait) problem.detail = `${problem.detail} (try again in ${wait} s)`;
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = (path, body) => call('DELETE', path, body);
