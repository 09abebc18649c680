import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';

const DIVISIONS = `INSERT INTO division (code, prefix, name, level, parent_code) VALUES
  ('520000000000','52','贵州省',1,NULL), ('520500000000','5205','毕节市',2,'520000000000'),
  ('520527000000','520527','赫章县',3,'520500000000'), ('520526000000','520526','威宁县',3,'520500000000'),
  ('520527100000','520527100','城关镇',4,'520527000000'), ('520527100201','520527100201','甲村',5,'520527100000'),
  ('520526100000','520526100','草海镇',4,'520526000000')`;

describe('users API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: TestSession;
  let cadre: TestSession;
  let auditor: TestSession;
  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  beforeAll(async () => {
    t = await makeTestApp();
    await t.deps.store.bulk((s) => s.exec(DIVISIONS));
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527', 'admin');
    cadre = await signInAs(t.app, t.deps, 'village_cadre', '520527100201', 'cadre');
    auditor = await signInAs(t.app, t.deps, 'auditor', '', 'auditor');
    await signInAs(t.app, t.deps, 'county_admin', '520526', 'weining_admin');
  });
  afterAll(async () => t.close());

  it('lists only the users inside the administrator scope, with scope names', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((u: { username: string }) => u.username)).toEqual(['admin', 'cadre']);
    expect(body.total).toBe(2);
    expect(body.items[1]).toMatchObject({ role: 'village_cadre', scopePrefix: '520527100201', scopeName: '甲村', disabled: false });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
    const filtered = await admin.request({ method: 'GET', url: '/api/users?role=village_cadre&q=CAD' });
    expect(filtered.json().items.map((u: { username: string }) => u.username)).toEqual(['cadre']);
  });

  it('creates a user with a generated password shown once, who can then sign in', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'li.si', displayName: '李四', role: 'township_officer', scopePrefix: '520527100' } });
    expect(res.statusCode).toBe(201);
    const { user, generatedPassword } = res.json();
    expect(user).toMatchObject({ username: 'li.si', role: 'township_officer', scopeName: '城关镇' });
    expect(generatedPassword).toMatch(/^.{16}$/);
    expect((await login('li.si', generatedPassword)).statusCode).toBe(200);
    const events = await auditor.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${user.id}&action=user.create` });
    expect(events.json().items).toEqual([expect.objectContaining({ actorName: 'admin', after: { username: 'li.si', displayName: '李四', role: 'township_officer', scopePrefix: '520527100', disabled: false } })]);
    expect(JSON.stringify(events.json())).not.toContain(generatedPassword);
  });

  it('refuses creating a user outside the administrator scope with 403 and audits the attempt', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'w1', displayName: '威宁', role: 'village_cadre', scopePrefix: '520526100' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details[0]).toMatchObject({ path: 'scopePrefix', code: 'access.scope_outside' });
    const denied = await auditor.request({ method: 'GET', url: '/api/audit?action=access.denied&actor=admin' });
    expect(denied.json().items[0]).toMatchObject({ entityType: 'user', scopeCode: '520526100', after: { attempted: 'user.create' } });
  });

  it('answers bad input with field paths and duplicates with 409', async () => {
    const bad = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'x', displayName: '', role: 'king', scopePrefix: '5205271' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.username', 'body.displayName', 'body.role', 'body.scopePrefix']));
    const unknown = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'ghost', displayName: '鬼', role: 'village_cadre', scopePrefix: '520527999999' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0]).toMatchObject({ path: 'scopePrefix', code: 'access.unknown_division' });
    const dup = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'cadre', displayName: 'x', role: 'village_cadre', scopePrefix: '520527100201', password: 'long enough 1' } });
    expect(dup.statusCode).toBe(409);
  });

  it('updates role, scope and name with an audited before and after', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'zhao', displayName: '赵', role: 'village_cadre', scopePrefix: '520527100201', password: 'first-pass-1' } })).json();
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${created.user.id}`, payload: { displayName: '赵六', role: 'township_officer', scopePrefix: '520527100', reason: '调任' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ displayName: '赵六', role: 'township_officer', scopePrefix: '520527100', scopeName: '城关镇' });
    const events = (await auditor.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${created.user.id}&action=user.update` })).json();
    expect(events.items[0]).toMatchObject({
      before: { displayName: '赵', role: 'village_cadre', scopePrefix: '520527100201' },
      after: { displayName: '赵六', role: 'township_officer', scopePrefix: '520527100' },
      reason: '调任',
    });
  });

  it('refuses a change with nothing to change, in the user language', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'qian', displayName: '钱', role: 'village_cadre', scopePrefix: '520527100201', password: 'first-pass-1' } })).json();
    for (const [lang, text] of [['zh-CN', '没有要修改的内容'], ['en', 'Nothing to change']]) {
      const res = await admin.request({ method: 'PATCH', url: `/api/users/${created.user.id}`, payload: { reason: '核对' }, headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body', code: 'access.update.nothing_to_change', message: text })]);
    }
  });

  it('audits a refused user listing with its reason in Chinese', async () => {
    expect((await cadre.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const events = (await auditor.request({ method: 'GET', url: '/api/audit?entityType=user&action=access.denied' })).json();
    expect(events.items[0]).toMatchObject({ actorName: expect.any(String), reason: '角色 village_cadre 无权管理用户' });
  });

  it('disabling a user ends their sessions and enabling lets them in again', async () => {
    const victim = await signInAs(t.app, t.deps, 'task_force', '520527100', 'tf1');
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const id = (await victim.request({ method: 'GET', url: '/api/auth/me' })).json().id;
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { disabled: true } })).json().user.disabled).toBe(true);
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const left = await t.deps.store.db.selectFrom('app_session').select('user_id').where('user_id', '=', id).execute();
    expect(left).toEqual([]);
    expect((await login('tf1', 'test-password-1')).statusCode).toBe(401);
    await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { disabled: false } });
    expect((await login('tf1', 'test-password-1')).statusCode).toBe(200);
    const actions = (await auditor.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${id}` })).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('resets a password: the old one stops working and the new one is shown once', async () => {
    await signInAs(t.app, t.deps, 'expert', '520527', 'expert1');
    const { id } = (await login('expert1', 'test-password-1')).json();
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { resetPassword: true } });
    const { generatedPassword } = res.json();
    expect(generatedPassword).toHaveLength(16);
    expect((await login('expert1', 'test-password-1')).statusCode).toBe(401);
    expect((await login('expert1', generatedPassword)).statusCode).toBe(200);
    const event = (await auditor.request({ method: 'GET', url: `/api/audit?entityId=${id}&action=user.reset_password` })).json().items[0];
    expect(event.after).toMatchObject({ passwordChanged: true, generated: true });
    expect(JSON.stringify(event)).not.toMatch(/scrypt|test-password|generatedPassword/);
  });

  it('hides users outside the scope as not found, and refuses locking oneself out', async () => {
    const other = await t.deps.store.db.selectFrom('app_user').select('id').where('username', '=', 'weining_admin').executeTakeFirstOrThrow();
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${other.id}`, payload: { displayName: 'x' } })).statusCode).toBe(404);
    const me = (await admin.request({ method: 'GET', url: '/api/auth/me' })).json();
    const self = await admin.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { disabled: true } });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.details[0]).toMatchObject({ code: 'access.disable_self' });
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload: {} })).statusCode).toBe(422);
  });

  it('lets a village cadre neither read nor edit users', async () => {
    expect((await cadre.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await cadre.request({ method: 'POST', url: '/api/users', payload: { username: 'x1', displayName: 'x', role: 'village_cadre', scopePrefix: '520527100201' } })).statusCode).toBe(403);
    const me = (await cadre.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect((await cadre.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { role: 'county_admin' } })).statusCode).toBe(403);
    expect((await t.deps.store.db.selectFrom('app_user').select('role').where('id', '=', me.id).executeTakeFirstOrThrow()).role).toBe('village_cadre');
  });

  it('lets an auditor browse the audit log but change no user', async () => {
    expect((await auditor.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    expect((await auditor.request({ method: 'GET', url: '/api/audit/verify' })).json()).toMatchObject({ ok: true, firstBreak: null });
    expect((await auditor.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await auditor.request({ method: 'POST', url: '/api/users', payload: { username: 'x2', displayName: 'x', role: 'auditor', scopePrefix: '' } })).statusCode).toBe(403);
  });
});
