import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from './testing.js';

type ErrorReply = { error: { code: string; message: string; details: { path: string; message: string; code?: string }[] } };

/** "Bad input at every door gets a clear error that names the field and the reason, in the user's language." */
describe('validation errors in the user language', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: TestSession;
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await signInAs(t.app, t.deps, 'county_admin', '');
  });
  afterAll(async () => t.close());

  const detailAt = (body: ErrorReply, path: string) => body.error.details.find((d) => d.path === path);

  it('names a missing body field with a Chinese reason for a Chinese user', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/assistance/plans', payload: { householdId: 3210, caseId: 1 }, headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(res.statusCode).toBe(422);
    const body = res.json() as ErrorReply;
    expect(body.error.message).toBe('输入有误，请检查标出的字段');
    expect(detailAt(body, 'body.responsibleName')?.message).toBe('无效输入：期望 string，实际接收 undefined');
  });

  it('names a missing body field with an English reason for an English user', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/assistance/plans', payload: { householdId: 3210, caseId: 1 }, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.statusCode).toBe(422);
    expect(detailAt(res.json() as ErrorReply, 'body.responsibleName')?.message).toBe('Invalid input: expected string, received undefined');
  });

  it('words the received type in the user language too (a number where text belongs)', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/assistance/plans', payload: { householdId: 3210, caseId: 1, responsibleName: 42 } });
    expect(detailAt(res.json() as ErrorReply, 'body.responsibleName')?.message).toBe('无效输入：期望 string，实际接收 数字');
  });

  it('names a missing query field in Chinese by default and in English with the lang cookie', async () => {
    const zh = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-system' });
    expect(zh.statusCode).toBe(422);
    expect(detailAt(zh.json() as ErrorReply, 'querystring.county')?.message).toBe('无效输入：期望 string，实际接收 undefined');
    const en = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-system', headers: { cookie: `${admin.cookie}; lang=en` } });
    expect(en.statusCode).toBe(422);
    expect(detailAt(en.json() as ErrorReply, 'querystring.county')?.message).toBe('Invalid input: expected string, received undefined');
  });

  it('translates the message key a schema gives, in each language', async () => {
    // SystemQuerySchema gives the key `evaluation.county_code` for a malformed county code.
    const zh = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-system?county=12' });
    expect(zh.statusCode).toBe(422);
    expect(detailAt(zh.json() as ErrorReply, 'querystring.county')).toMatchObject({ code: 'evaluation.county_code', message: '县级区划代码应为 6 位数字' });
    const en = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-system?county=12', headers: { 'accept-language': 'en' } });
    expect(detailAt(en.json() as ErrorReply, 'querystring.county')).toMatchObject({ code: 'evaluation.county_code', message: 'A 6-digit county code' });
    // The registry's division filter gives the key `registry.division.format`.
    for (const lang of ['zh-CN', 'en']) {
      const res = await admin.request({ method: 'GET', url: '/api/households?division=123', headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(422);
      const d = detailAt(res.json() as ErrorReply, 'querystring.division');
      expect(d?.code).toBe('registry.division.format');
      expect(d?.message).not.toBe('registry.division.format');
      expect(/[\u4e00-\u9fff]/.test(d?.message ?? '')).toBe(lang === 'zh-CN');
    }
  });

  it('fills the placeholders of a key from the params of a custom issue', async () => {
    // The indicator system's tree check names the duplicated code.
    const got = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-system?county=520527' });
    const { countyCode: _c, isDefault: _d, updatedAt: _u, updatedBy: _b, ...system } = got.json() as { countyCode: string; isDefault: boolean; updatedAt: string | null; updatedBy: string | null; pillars: { code: string }[] };
    const [first, second, ...rest] = system.pillars;
    const pillars = [first, { ...second, code: first.code }, ...rest];
    for (const [lang, text] of [['zh-CN', `代码 ${first.code} 重复`], ['en', `Duplicate code ${first.code}`]]) {
      const res = await admin.request({ method: 'PUT', url: '/api/evaluation/indicator-system?county=520527', payload: { ...system, pillars }, headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(422);
      expect(detailAt(res.json() as ErrorReply, 'body.pillars.1.code')).toMatchObject({ code: 'evaluation.indicators.tree.duplicate_code', message: text });
    }
  });
});
