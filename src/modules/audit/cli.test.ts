import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../platform/db.js';

describe('ruralbridge users and audit commands', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rb-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds, lists, disables and resets users, then verifies the audit chain and reports a cut tail with exit code 1', async () => {
    const added = await runCli(dataDir, ['users', 'add', '--username', 'zhang', '--name', '张三', '--role', 'auditor', '--scope', '']);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    const password = /shown once\): (\S+)/.exec(added.out)?.[1];
    expect(password).toMatch(/^.{16}$/);

    const bad = await runCli(dataDir, ['users', 'add', '--username', 'li', '--name', '李四', '--role', 'king']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role');

    expect((await runCli(dataDir, ['users', 'disable', 'zhang', '--reason', '离职'])).out).toContain('disabled');
    const listed = await runCli(dataDir, ['users', 'list']);
    expect(listed.out).toMatch(/zhang\t张三\tauditor\t- 全国\t已停用 disabled/);
    expect(listed.out).toContain('1 users');
    const reset = await runCli(dataDir, ['users', 'reset-password', 'zhang']);
    expect(reset.out).toMatch(/shown once\): \S{16}/);

    const list = await runCli(dataDir, ['audit', 'list', '--entity', 'user', '--limit', '10']);
    expect(list.out).toContain('user.disable');
    expect(list.out).toContain('user.reset_password');
    expect(list.out).not.toContain(password!);
    expect(list.out).toContain('3 of 3 events');

    const ok = await runCli(dataDir, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('3 events');

    // Cut the last event, as someone with database access might.
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    const { seq } = (await sql<{ seq: number }>`SELECT max(seq) AS seq FROM audit_event`.execute(store.db)).rows[0];
    await sql`DELETE FROM audit_event WHERE seq = ${seq}`.execute(store.db);
    await store.close();
    const broken = await runCli(dataDir, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`BROKEN at seq ${seq} (deleted)`);
  }, 600_000);
});
