/**
 * Import jobs for the API: an upload is stored under DATA_DIR/uploads/<job>/, a row in `job`
 * tracks it, and the dry run or commit runs in the background of this process. Progress lives in
 * memory while the job runs (PGlite has one connection, busy with the import itself) and in the
 * job row once it ends.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
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

const running = new Map<number, { fraction: number; phase: string; done: Promise<void> }>();

export const uploadsDir = (deps: Deps) => join(deps.config.DATA_DIR, 'uploads');

export async function createImportJob(deps: Deps, actor: Actor, params: ImportJobParams): Promise<number> {
  const row = await deps.store.db
    .insertInto('job')
    .values({ kind: 'registry.import', params: JSON.stringify(params), status: 'running', progress: 0, created_by: actor.userId, created_at: deps.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Runs the dry run or commit of a job in the background; resolves when it has started. */
export function startImportJob(deps: Deps, actor: Actor, jobId: number, params: ImportJobParams): void {
  const entry = { fraction: 0, phase: 'reading', done: Promise.resolve() };
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
      if (result?.summary.committed) await rm(params.dir, { recursive: true, force: true });
    } finally {
      running.delete(jobId);
    }
  })();
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

/** The job if it is an import the actor may see (same scope or inside it), else not found. */
export async function getImportJob(deps: Deps, actor: Actor, jobId: number): Promise<ImportJob> {
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
export async function commitImportJob(deps: Deps, actor: Actor, jobId: number): Promise<ImportJob> {
  const job = await getImportJob(deps, actor, jobId);
  if (running.has(jobId)) throw new AppError('conflict', 'job still running', { key: 'import.job.busy' });
  if (job.status !== 'succeeded' || !job.params.dryRun || !job.summary || job.summary.errorCount > 0) {
    throw new AppError('conflict', 'only an error-free dry run can be committed', { key: 'import.job.not_committable' });
  }
  const params: ImportJobParams = { ...job.params, dryRun: false };
  await deps.store.db.updateTable('job').set({ status: 'running', progress: 0, params: JSON.stringify(params), result: null, error: null, finished_at: null }).where('id', '=', jobId).execute();
  startImportJob(deps, actor, jobId, params);
  return { ...job, status: 'running', params, summary: null, error: null };
}
