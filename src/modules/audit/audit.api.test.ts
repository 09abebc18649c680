import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAccessRoutes } from '../access/http.js';
import { registerAuditRoutes } from './http.js';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { systemActor } from '../access/index.js';
import { recordAudit } from './index.js';

describe('audit API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let auditor: TestSession;
  let countyAdmin: TestSession;
  beforeAll(async () => {
    t = await makeTestApp();
    await t.deps.store.bulk((s) =>
      s.exec(`INSERT INTO division (code, prefix, name, level, parent_code) VALUES
        ('520000000000','52','贵州省',1,NULL), ('520500000000','5205','毕节市',2,'520000000000'),
        ('520527000000','520527','赫章县',3,'520500000000'), ('520526000000','520526','威宁县',3,'520500000000')`),
    );
    const write = (scopeCode: string, entityId: number, at: string, after: unknown) =>
      t.deps.store.db.transaction().execute((trx) =>
        recordAudit(trx, systemActor('导入'), new Date(at), { action: 'household.update', entityType: 'household', entityId, scopeCode, before: null, after }),
      );
    await write('520527100201', 1, '2025-05-01T10:00:00Z', { idNumber: '520527198001010011', name: '张三' });
    await write('520526100201', 2, '2025-05-02T10:00:00Z', { name: '李四' });
    await write('520527100202', 3, '2025-05-03T10:00:00Z', { name: '王五' });
    auditor = await signInAs(t.app, t.deps, 'auditor', '', 'aud');
    countyAdmin = await signInAs(t.app, t.deps, 'county_admin', '520527', 'adm');
  });
  afterAll(async () => t.close());

  it('pages and filters events newest first with masked ID numbers for an auditor', async () => {
    const res = await auditor.request({ method: 'GET', url: '/api/audit?entityType=household&pageSize=2' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['3', '2']);
    const page2 = (await auditor.request({ method: 'GET', url: '/api/audit?entityType=household&pageSize=2&page=2' })).json();
    expect(page2.items[0]).toMatchObject({ entityId: '1', actorName: '导入', scopeCode: '520527100201', after: { idNumber: '5205**********0011', name: '张三' } });
    const ranged = (await auditor.request({ method: 'GET', url: '/api/audit?entityType=household&from=2025-05-02&to=2025-05-02' })).json();
    expect(ranged.items.map((e: { entityId: string }) => e.entityId)).toEqual(['2']);
  });

  it('restricts a county administrator to events of their county and shows them full ID numbers', async () => {
    const body = (await countyAdmin.request({ method: 'GET', url: '/api/audit?entityType=household' })).json();
    expect(body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['3', '1']);
    expect(body.items[1].after.idNumber).toBe('520527198001010011');
  });

  it('refuses roles without audit access and bad dates', async () => {
    const cadre = await signInAs(t.app, t.deps, 'analyst', '', 'ana');
    expect((await cadre.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await cadre.request({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(403);
    const bad = await auditor.request({ method: 'GET', url: '/api/audit?from=2025-13-45' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('from');
    const reversed = await auditor.request({ method: 'GET', url: '/api/audit?from=2025-06-01&to=2025-05-01', headers: { 'accept-language': 'en' } });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().error.details[0].message).toBe('The start is after the end');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('verifies the chain and names the first broken event in the reader language', async () => {
    expect((await auditor.request({ method: 'GET', url: '/api/audit/verify' })).json()).toMatchObject({ ok: true, firstBreak: null });
    const { seq } = await t.deps.store.db.selectFrom('audit_event').select('seq').where('entity_id', '=', '2').executeTakeFirstOrThrow();
    await sql`UPDATE audit_event SET after = '{"name":"改"}' WHERE seq = ${seq}`.execute(t.deps.store.db);
    const res = await auditor.request({ method: 'GET', url: '/api/audit/verify', headers: { 'accept-language': 'en' } });
    expect(res.json()).toMatchObject({ ok: false, firstBreak: { seq, problem: 'edited', message: `Audit event #${seq} was edited (its content no longer matches its hash)` } });
  });

  it('describes the users and audit routes in the OpenAPI document', async () => {
    // Only this module's routes with access's: the full document is the app's (see src/api/app.ts).
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(cookie);
    await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '0' } }, transform: jsonSchemaTransform, transformObject: jsonSchemaTransformObject });
    await registerAccessRoutes(app);
    await registerAuditRoutes(app);
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/audit', '/api/audit/verify']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['AuditPage', 'AuditVerify', 'User', 'UserList', 'UpdateUserRequest', 'UserChangeResult']));
    await app.close();
  });
});
