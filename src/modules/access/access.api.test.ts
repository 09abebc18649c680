import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs } from '../../api/testing.js';

describe('access API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('signs in, tells who is signed in, and refuses a mutation without the CSRF token', async () => {
    const session = await signInAs(t.app, t.deps, 'auditor', '');
    const me = await session.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'auditor', scopePrefix: '', scopeName: '全国' });

    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('forbidden');
  });

  it('rejects a wrong password in the user language and throttles repeated failures', async () => {
    await signInAs(t.app, t.deps, 'analyst', '', 'ana');
    const wrong = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ana', password: 'nope' }, headers: { 'accept-language': 'en' } });
    const first = await wrong();
    expect(first.statusCode).toBe(401);
    expect(first.json().error.message).toBe('Wrong user name or password');
    for (let i = 0; i < 9; i++) await wrong();
    expect((await wrong()).statusCode).toBe(429);
  });

  it('answers unknown routes and malformed bodies with the JSON error shape', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });
});
