import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs the real CLI (`ruralbridge …`) on an embedded database in `dataDir` (its PGlite files are in
 * `dataDir/pglite`), whatever DATABASE_URL the test run has. For CLI tests, which are named
 * `cli.test.ts` (not `.pg.test.ts`): they would run the same on the embedded database in the server
 * stage of CI.
 */
export function runCli(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', resolve('src/cli/main.ts'), ...args],
      { env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, timeout: 240_000 },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}
