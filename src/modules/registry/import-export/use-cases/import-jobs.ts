/**
 * Import jobs for the API: an upload is stored under DATA_DIR/uploads/<job>/, a row in `job`
 * tracks it, and the dry run or commit runs in the background of this process. While the job runs,
 * everything the progress endpoint needs (status, phase, fraction, scope, who started it) lives in
 * memory and is answered from there without the database (on PGlite the one connection is busy with
 * the import itself for its whole length); once it ends, the job row holds the result.
 *
 * Uploads do not pile up: a commit deletes its upload; a dry run that is never committed keeps its
 * upload (and error list) until the same user uploads again or commits another job (superseded), or
 * until it is IMPORT_UPLOAD_TTL_HOURS old (purged at server start and every hour).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Deps } from '../../../../platform/deps.js';
import { AppError, isAppError, notFound } from '../../../../platform/errors.js';
import { translate, type Lang } from '../../../../platform/messages.js';
import type { Actor } from '../../../access/index.js';
import { describeError } from '../io/error-report.js';
import type { ImportJobBody } from '../contract.js';
import { importHouseholds, type ImportSummary } from './import-households.js';

export interface ImportJobParams {
  dir: string;
  people: { path: string; name: string };
  incomes: { path: string; name: string } | null;
  dryRun: boolean;
  scopePrefix: string;
}

interface StoredResult {
  summary: ImportSummary;
}
interface StoredError {
  code: string;
  key: string;
  message: string;
  details: { path: string; message: string; code?: string; params?: Record<string, unknown> }[];
}

interface RunningJob {
  fraction: number;
  phase: string;
  done: Promise<void>;
  params: ImportJobParams;
  createdBy: number | null;
  /** Identifies the session that started the job (see liveImportJob); never stored. */
  sessionKey: string | null;
}
const running = new Map<number, RunningJob>();

export const uploadsDir = (deps: Deps) => join(deps.config.DATA_DIR, 'uploads');

export async function createImportJob(deps: Deps, actor: Actor, params: ImportJobParams): Promise<number> {
  const row = await deps.store.db
    .insertInto('job')
    .values({ kind: 'registry.import', params: JSON.stringify(params), status: 'running', progress: 0, created_by: actor.userId, created_at: deps.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Runs the dry run or commit of a job in the background; returns at once. `sessionKey` (a digest of
 * the session token that asked for it) lets that session read the progress without the database.
 */
export function startImportJob(deps: Deps, actor: Actor, jobId: number, params: ImportJobParams, sessionKey: string | null = null): void {
  const entry: RunningJob = { fraction: 0, phase: 'reading', done: Promise.resolve(), params, createdBy: actor.userId, sessionKey };
  running.set(jobId, entry);
  entry.done = (async () => {
    let result: StoredResult | null = null;
    let error: StoredError | null = null;
    try {
      const summary = await importHouseholds(deps, actor, {
        people: params.people,
        incomes: params.incomes,
        dryRun: params.dryRun,
        workDir: params.dir,
        onProgress: (p) => {
          entry.fraction = p.fraction;
          entry.phase = p.phase;
        },
      });
      result = { summary };
    } catch (e) {
      error = isAppError(e)
        ? { code: e.code, key: e.userMessageKey, message: e.message, details: e.details.map((d) => ({ path: d.path, message: d.message, code: d.code, params: d.params })) }
        : { code: 'internal', key: 'errors.internal', message: e instanceof Error ? e.message : String(e), details: [] };
    }
    try {
      await deps.store.db
        .updateTable('job')
        .set({
          status: error ? 'failed' : 'succeeded',
          progress: 1,
          params: JSON.stringify(params),
          result: result ? JSON.stringify(result) : null,
          error: error ? JSON.stringify(error) : null,
          finished_at: deps.clock.now(),
        })
        .where('id', '=', jobId)
        .execute();
      if (result?.summary.committed) {
        // Housekeeping after a committed import: a failure here is logged, never the job's.
        await rm(params.dir, { recursive: true, force: true })
          .then(() => supersedeImportUploads(deps, actor, jobId))
          .catch((e: unknown) => console.error(JSON.stringify({ level: 'error', msg: 'could not delete import uploads after a commit', jobId, error: e instanceof Error ? e.message : String(e) })));
      }
    } finally {
      running.delete(jobId);
    }
  })().catch((e: unknown) => {
    // Recording the outcome failed (database gone): the job row stays `running` and reads as interrupted.
    console.error(JSON.stringify({ level: 'error', msg: 'could not record the end of an import job', jobId, error: e instanceof Error ? e.message : String(e) }));
  });
}

/** For tests and shutdown: waits until the job's background work has finished. */
export async function waitForImportJob(jobId: number): Promise<void> {
  await running.get(jobId)?.done;
}

export interface ImportJob {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  params: ImportJobParams;
  summary: ImportSummary | null;
  error: StoredError | null;
  createdBy: number | null;
}

/** The job while it runs in this process, from memory: no database read. */
function runningJob(jobId: number): ImportJob | null {
  const live = running.get(jobId);
  return live ? { id: jobId, status: 'running', params: live.params, summary: null, error: null, createdBy: live.createdBy } : null;
}

/**
 * The running job of this process if `sessionKey` is the session that started (or committed) it, else
 * null. For the progress endpoint on PGlite, where even the session lookup would wait for the import:
 * that session was authenticated when it started the job, and while the import holds the one
 * connection nothing (logout, disabling the user) can change it in the database.
 */
export function liveImportJob(jobId: number, sessionKey: string): ImportJob | null {
  const live = running.get(jobId);
  return live && live.sessionKey !== null && live.sessionKey === sessionKey ? runningJob(jobId) : null;
}

/** The job if it is an import the actor may see (same scope or inside it), else not found. A job running in this process is answered from memory. */
export async function getImportJob(deps: Deps, actor: Actor, jobId: number): Promise<ImportJob> {
  const live = runningJob(jobId);
  if (live) {
    if (!live.params.scopePrefix.startsWith(actor.scopePrefix)) throw notFound('import job');
    return live;
  }
  const row = await deps.store.db.selectFrom('job').selectAll().where('id', '=', jobId).where('kind', '=', 'registry.import').executeTakeFirst();
  if (!row) throw notFound('import job');
  const params = row.params as unknown as ImportJobParams;
  if (!params.scopePrefix.startsWith(actor.scopePrefix)) throw notFound('import job');
  const result = row.result as unknown as StoredResult | null;
  let status = row.status;
  let error = row.error as unknown as StoredError | null;
  if (status === 'running' && !running.has(jobId)) {
    status = 'failed';
    error = { code: 'conflict', key: 'import.job.interrupted', message: 'interrupted', details: [] };
  }
  return { id: row.id, status, params, summary: result?.summary ?? null, error, createdBy: row.created_by };
}

export function toImportJobBody(job: ImportJob, lang: Lang): ImportJobBody {
  const live = running.get(job.id);
  const s = job.summary;
  return {
    id: job.id,
    status: job.status,
    progress: live ? live.fraction : job.status === 'running' ? 0 : 1,
    phase: live ? live.phase : null,
    dryRun: job.params.dryRun,
    errorCount: s?.errorCount ?? 0,
    summary: s
      ? {
          dryRun: s.dryRun,
          committed: s.committed,
          fileName: s.fileName,
          sha256: s.sha256,
          incomesFileName: s.incomesFileName,
          encoding: s.encoding,
          rows: s.rows,
          counts: s.counts,
          errorCount: s.errorCount,
          errors: s.errors.slice(0, 20).map((e) => describeError(e, lang)),
          importId: s.importId,
        }
      : null,
    error: job.error
      ? {
          code: job.error.code,
          message: translate(lang, job.error.key, job.error.details[0]?.params ?? {}),
          details: job.error.details.map((d) => ({ path: d.path, message: d.code ? translate(lang, d.code, d.params ?? {}) : d.message })),
        }
      : null,
  };
}

/** Turns a finished, error-free dry run into a commit of the same stored upload. */
export async function commitImportJob(deps: Deps, actor: Actor, jobId: number, sessionKey: string | null = null): Promise<ImportJob> {
  const job = await getImportJob(deps, actor, jobId);
  if (running.has(jobId)) throw new AppError('conflict', 'job still running', { key: 'import.job.busy' });
  if (job.status !== 'succeeded' || !job.params.dryRun || !job.summary || job.summary.errorCount > 0) {
    throw new AppError('conflict', 'only an error-free dry run can be committed', { key: 'import.job.not_committable' });
  }
  const upload = await stat(job.params.people.path).catch(() => null);
  if (!upload) throw new AppError('conflict', 'the upload of this job was deleted', { key: 'import.job.upload_gone' });
  const params: ImportJobParams = { ...job.params, dryRun: false };
  await deps.store.db.updateTable('job').set({ status: 'running', progress: 0, params: JSON.stringify(params), result: null, error: null, finished_at: null }).where('id', '=', jobId).execute();
  startImportJob(deps, actor, jobId, params, sessionKey);
  return { ...job, status: 'running', params, summary: null, error: null };
}

/** The upload folders of jobs running in this process: never deleted from under them. */
function busyDirs(): Set<string> {
  return new Set([...running.values()].map((j) => resolve(j.params.dir)));
}

/** Deletes an upload folder, but only one directly under DATA_DIR/uploads and not in use. */
async function removeUpload(deps: Deps, dir: string, busy: Set<string>): Promise<boolean> {
  const path = resolve(dir);
  const root = resolve(uploadsDir(deps));
  if (!path.startsWith(root + sep) || path.slice(root.length + 1).includes(sep) || busy.has(path)) return false;
  const existed = await stat(path).then(
    () => true,
    () => false,
  );
  if (existed) await rm(path, { recursive: true, force: true });
  return existed;
}

/**
 * A new upload or a commit by `actor` supersedes their other import jobs: their uploads (and error
 * lists) are deleted. Jobs still running in this process are left alone. Returns how many were deleted.
 */
export async function supersedeImportUploads(deps: Deps, actor: Actor, keepJobId: number): Promise<number> {
  if (actor.userId === null) return 0;
  const rows = await deps.store.db
    .selectFrom('job')
    .select(['id', 'params'])
    .where('kind', '=', 'registry.import')
    .where('created_by', '=', actor.userId)
    .where('id', '<>', keepJobId)
    .execute();
  const busy = busyDirs();
  let removed = 0;
  for (const row of rows) {
    const dir = (row.params as unknown as Partial<ImportJobParams> | null)?.dir;
    if (typeof dir === 'string' && !running.has(row.id) && (await removeUpload(deps, dir, busy))) removed++;
  }
  return removed;
}

/**
 * Deletes upload folders not touched for `ttlHours` (default IMPORT_UPLOAD_TTL_HOURS), judged by
 * the newest modification time of the folder and its files against the clock. Folders of jobs
 * running in this process are kept. Returns how many were deleted.
 */
export async function purgeExpiredImportUploads(deps: Deps, ttlHours = deps.config.IMPORT_UPLOAD_TTL_HOURS): Promise<number> {
  const root = uploadsDir(deps);
  const names = await readdir(root).catch(() => [] as string[]);
  const cutoff = deps.clock.now().getTime() - ttlHours * 3_600_000;
  const busy = busyDirs();
  let removed = 0;
  for (const name of names) {
    const dir = join(root, name);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) continue;
    let newest = info.mtimeMs;
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      const f = await stat(join(dir, file)).catch(() => null);
      if (f) newest = Math.max(newest, f.mtimeMs);
    }
    if (newest < cutoff && (await removeUpload(deps, dir, busy))) removed++;
  }
  return removed;
}

/** Startup task of `serve`: purges expired uploads now and every hour after (timer unref'd). */
export async function startImportUploadCleanup(deps: Deps): Promise<void> {
  const purge = async () => {
    try {
      const n = await purgeExpiredImportUploads(deps);
      if (n) console.log(`import uploads: deleted ${n} older than ${deps.config.IMPORT_UPLOAD_TTL_HOURS} h`);
    } catch (e) {
      console.error(`import upload cleanup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  await purge();
  setInterval(() => void purge(), UPLOAD_CLEANUP_EVERY_MS).unref();
}

export const UPLOAD_CLEANUP_EVERY_MS = 3_600_000;
