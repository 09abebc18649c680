import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs } from '../../api/testing.js';
import { LOGIN_LIMITS } from './http.js';

describe('sessions and security headers', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
  });
  afterAll(async () => t.close());

  it('sends a content security policy, nosniff and frame options, and an HttpOnly SameSite=Strict session cookie', async () => {
    await signInAs(t.app, t.deps, 'auditor', '', 'aud');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'aud', password: 'test-password-1' } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const cookie = res.cookies.find((c) => c.name === 'rb_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy(); // plain http here; https requests get Secure
    expect(new Date(cookie.expires!).getTime() - t.clock.now().getTime()).toBe(t.deps.config.SESSION_HOURS * 3_600_000);
  });

  it('expires sessions after SESSION_HOURS and purges expired ones at the next login', async () => {
    const s = await signInAs(t.app, t.deps, 'expert', '', 'exp');
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + t.deps.config.SESSION_HOURS * 3_600_000 + 1000));
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const before = await t.deps.store.db.selectFrom('app_session').select('token_hash').execute();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await signInAs(t.app, t.deps, 'expert', '', 'exp');
    const after = await t.deps.store.db.selectFrom('app_session').select('expires_at').execute();
    expect(after).toHaveLength(1);
  });

  it('logs out: the session ends, the cookie is cleared and the logout is audited', async () => {
    const s = await signInAs(t.app, t.deps, 'analyst', '', 'ana');
    const out = await s.request({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'rb_session')?.value).toBe('');
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const events = await t.deps.store.db.selectFrom('audit_event').select('action').where('actor_name', '=', 'ana').orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['session.login', 'session.logout']);
  });

  it('limits failed logins per address across user names', async () => {
    const fromAddress = (username: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'guess' }, remoteAddress: '10.1.2.3' });
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) expect((await fromAddress(`nobody${i}`)).statusCode).toBe(401);
    expect((await fromAddress('someone-else')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ana', password: 'test-password-1' } })).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted: no Secure flag', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'aud', password: 'test-password-1' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'rb_session')!.secure).toBeFalsy();
  });
});

describe('behind a trusted TLS-terminating proxy (TRUST_PROXY)', () => {
  const PROXY = '10.9.0.2';
  let p: Awaited<ReturnType<typeof makeTestApp>>;
  beforeAll(async () => {
    p = await makeTestApp({ env: { TRUST_PROXY: '127.0.0.1,10.9.0.0/24' } });
    await signInAs(p.app, p.deps, 'auditor', '', 'aud');
  });
  afterAll(async () => p.close());

  const login = (password: string, headers: Record<string, string>, remoteAddress = PROXY, username = 'aud') =>
    p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, remoteAddress });

  it('marks the session cookie Secure, HttpOnly and SameSite=Strict when the proxy says the request came over https', async () => {
    const res = await login('test-password-1', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'rb_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    const out = await p.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `rb_session=${res.cookies.find((c) => c.name === 'rb_session')!.value}`, 'x-csrf-token': res.json().csrfToken, 'x-forwarded-proto': 'https' },
      remoteAddress: PROXY,
    });
    expect(out.cookies.find((c) => c.name === 'rb_session')).toMatchObject({ value: '', secure: true });
  });

  it('leaves the flag off for plain http through the proxy, and for headers from an address it does not trust', async () => {
    expect((await login('test-password-1', { 'x-forwarded-proto': 'http' })).cookies.find((c) => c.name === 'rb_session')!.secure).toBeFalsy();
    const direct = await login('test-password-1', { 'x-forwarded-proto': 'https' }, '192.0.2.50');
    expect(direct.statusCode).toBe(200);
    expect(direct.cookies.find((c) => c.name === 'rb_session')!.secure).toBeFalsy();
  });

  it('limits failed logins per forwarded client address, not per proxy', async () => {
    const from = (client: string, username: string) => login('guess', { 'x-forwarded-for': client }, PROXY, username);
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) expect((await from('203.0.113.7', `nobody${i}`)).statusCode).toBe(401);
    expect((await from('203.0.113.7', 'someone-else')).statusCode).toBe(429);
    // Another client behind the same proxy can still sign in.
    expect((await login('test-password-1', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(200);
  });
});
