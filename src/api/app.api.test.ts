import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from './testing.js';

describe('buildApp', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serves an OpenAPI 3.1 document for every module, with query parameters and no dangling references', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/households', '/api/divisions/{code}', '/api/audit', '/api/monitoring/clues', '/api/cases', '/api/evaluation/poverty']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/households'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['division', 'q', 'page']));
    const refs = new Set((JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? []).map((r) => r.split('/').pop()!.slice(0, -1)));
    expect([...refs].filter((name) => !doc.components.schemas[name])).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
  });
});
