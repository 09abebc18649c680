import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../platform/db.js';

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

/** Runs the real CLI on an embedded database in a temporary folder. */
function cli(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', resolve('src/cli/main.ts'), ...args],
      { env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, timeout: 240_000 },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

describe('ruralbridge users and audit commands', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rb-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds, lists, disables and resets users, then verifies the audit chain and reports a cut tail with exit code 1', async () => {
    const added = await cli(dataDir, ['users', 'add', '--username', 'zhang', '--name', '张三', '--role', 'auditor', '--scope', '']);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    const password = /shown once\): (\S+)/.exec(added.out)?.[1];
    expect(password).toMatch(/^.{16}$/);

    const bad = await cli(dataDir, ['users', 'add', '--username', 'li', '--name', '李四', '--role', 'king']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role');

    expect((await cli(dataDir, ['users', 'disable', 'zhang', '--reason', '离职'])).out).toContain('disabled');
    const listed = await cli(dataDir, ['users', 'list']);
    expect(listed.out).toMatch(/zhang\t张三\tauditor\t- 全国\t已停用 disabled/);
    expect(listed.out).toContain('1 users');
    const reset = await cli(dataDir, ['users', 'reset-password', 'zhang']);
    expect(reset.out).toMatch(/shown once\): \S{16}/);

    const list = await cli(dataDir, ['audit', 'list', '--entity', 'user', '--limit', '10']);
    expect(list.out).toContain('user.disable');
    expect(list.out).toContain('user.reset_password');
    expect(list.out).not.toContain(password!);
    expect(list.out).toContain('3 of 3 events');

    const ok = await cli(dataDir, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('3 events');

    // Cut the last event, as someone with database access might.
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    const { seq } = (await sql<{ seq: number }>`SELECT max(seq) AS seq FROM audit_event`.execute(store.db)).rows[0];
    await sql`DELETE FROM audit_event WHERE seq = ${seq}`.execute(store.db);
    await store.close();
    const broken = await cli(dataDir, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`BROKEN at seq ${seq} (deleted)`);
  }, 600_000);
});
