import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from './testing.js';

/**
 * "Bad input at every door gets a clear error … no 500 for bad input": every route of the OpenAPI
 * document, called by a signed-in county administrator with malformed path parameters, query values
 * and bodies, answers with a 4xx and the one error shape, never a 500.
 */
describe('every API route refuses malformed input with a 4xx', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: TestSession;
  let routes: { method: string; path: string; query: string[]; body: boolean }[];
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await signInAs(t.app, t.deps, 'county_admin', '');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody !== undefined,
      })),
    );
  });
  afterAll(async () => t.close());

  // Signing out ends the session the other calls use; it takes no input anyway.
  const skipped = new Set(['POST /api/auth/logout']);
  const junkPathValues = ['abc', '-1', '99999999999999999999', '%E0%A4%A'];
  const junkValues = ['', 'abc', '-1', '1e309', 'x'.repeat(5000), '{"a":1}', '2025-13-45'];

  it('covers the routes of every module', () => {
    expect(routes.length).toBeGreaterThan(60);
  });

  it('answers malformed path parameters, query values and bodies with a 4xx error body', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (skipped.has(`${r.method} ${r.path}`)) continue;
      for (const value of junkPathValues) {
        const url = r.path.replace(/\{[^}]+\}/g, value);
        if (url === r.path && value !== junkPathValues[0]) continue;
        const attempts: { url: string; payload?: string; contentType?: string }[] = [];
        const query = r.query.map((q, i) => `${encodeURIComponent(q)}=${encodeURIComponent(junkValues[i % junkValues.length])}`).join('&');
        attempts.push({ url: query ? `${url}?${query}` : url });
        if (r.body) {
          attempts.push({ url, payload: '{"broken json', contentType: 'application/json' });
          attempts.push({ url, payload: JSON.stringify({ id: 'abc', page: -1, year: 'x', version: 'y', items: 'z', name: 'x'.repeat(10_000) }), contentType: 'application/json' });
          attempts.push({ url, payload: '[]', contentType: 'application/json' });
        }
        for (const a of attempts) {
          const res = await admin.request({
            method: r.method as 'GET',
            url: a.url,
            payload: a.payload,
            headers: a.contentType ? { 'content-type': a.contentType } : undefined,
          });
          const isError = res.statusCode >= 400;
          const shaped = !isError || !String(res.headers['content-type'] ?? '').includes('json') || typeof (res.json() as { error?: { code?: string } }).error?.code === 'string';
          if (res.statusCode >= 500 || !shaped) failures.push(`${r.method} ${a.url.slice(0, 120)} ${a.payload?.slice(0, 40) ?? ''} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
