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
});
