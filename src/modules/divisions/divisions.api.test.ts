import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { loadDivisions } from './use-cases/load-divisions.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let cadre: TestSession;
beforeAll(async () => {
  t = await makeTestApp();
  await loadDivisions(t.deps, { kind: 'county', prefix: '520527' });
  // Divisions are not personal data: a village cadre may read the whole tree.
  cadre = await signInAs(t.app, t.deps, 'village_cadre', '520527102001');
}, 600_000);
afterAll(async () => t?.close());

describe('GET /api/divisions/:code', () => {
  it('answers a county by prefix with its ancestors and child count', async () => {
    const res = await cadre.request({ method: 'GET', url: '/api/divisions/520527' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: '520527000000',
      prefix: '520527',
      name: '赫章县',
      level: 3,
      parentCode: '520500000000',
      ancestors: [
        { code: '520000000000', prefix: '52', name: '贵州省', level: 1 },
        { code: '520500000000', prefix: '5205', name: '毕节市', level: 2 },
      ],
      childCount: 30,
    });
  });

  it('accepts the 12-digit code as well', async () => {
    const res = await cadre.request({ method: 'GET', url: '/api/divisions/520527102000' });
    expect(res.json()).toMatchObject({ prefix: '520527102', name: '妈姑镇', level: 4 });
  });

  it('answers 422 naming the parameter for a malformed code, in the user’s language', async () => {
    const res = await cadre.request({ method: 'GET', url: '/api/divisions/52052', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', details: [{ path: 'code', value: '52052' }] });
    expect(res.json().error.details[0].message).toContain('Malformed division code');
  });

  it('answers 404 for an unknown code', async () => {
    const res = await cadre.request({ method: 'GET', url: '/api/divisions/110101' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details[0].message).toContain('110101');
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/divisions/520527' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/divisions/:code/children', () => {
  it('lists the townships with their village counts', async () => {
    const res = await cadre.request({ method: 'GET', url: '/api/divisions/520527/children' });
    expect(res.statusCode).toBe(200);
    const towns = res.json() as Array<{ name: string; childCount: number; level: number }>;
    expect(towns).toHaveLength(30);
    expect(towns.reduce((n, x) => n + x.childCount, 0)).toBe(481);
    expect(towns.every((x) => x.level === 4)).toBe(true);
  });
});

describe('GET /api/divisions', () => {
  it('searches by name inside a subtree', async () => {
    const res = await cadre.request({ method: 'GET', url: `/api/divisions?q=${encodeURIComponent('可乐')}&within=520527` });
    expect(res.statusCode).toBe(200);
    const hits = res.json() as Array<{ name: string; path: string[] }>;
    expect(hits[0]).toMatchObject({ name: '可乐彝族苗族乡', path: ['贵州省', '毕节市', '赫章县'] });
    expect(hits.length).toBeLessThanOrEqual(20);
  });

  it('answers 422 naming `within` when it is malformed', async () => {
    const res = await cadre.request({ method: 'GET', url: `/api/divisions?q=x&within=5` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('within');
  });

  it('answers 422 naming `q` when it is empty', async () => {
    const res = await cadre.request({ method: 'GET', url: `/api/divisions?q=` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('q');
  });
});
