/**
 * Import/export routes. Only a county administrator (canImportRegistry) imports; exports need a role
 * that sees personal data and a division inside the caller's scope. Uploads larger than
 * MAX_UPLOAD_MB end in a 413 JSON error (multipart limits in src/api/app.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../platform/errors.js';
import { canImportRegistry, requireActor, requireRole, SESSION_COOKIE } from '../../access/index.js';
import {
  ErrorReportQuerySchema,
  ExportQuerySchema,
  ImportJobParamsSchema,
  ImportJobSchema,
  ImportUploadQuerySchema,
  TemplateQuerySchema,
} from './contract.js';
import { writeErrorReportCsv, writeErrorReportXlsx } from './io/error-report.js';
import { sniffFile } from './io/read-table.js';
import { buildTemplateCsv, buildTemplateXlsx } from './use-cases/build-template.js';
import { exportHouseholds, resolveExportScope } from './use-cases/export-households.js';
import { commitImportJob, createImportJob, getImportJob, liveImportJob, startImportJob, supersedeImportUploads, toImportJobBody, uploadsDir, type ImportJobParams } from './use-cases/import-jobs.js';
import './messages.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name).replace(/%[0-9A-F]{2}/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

function importer(req: Parameters<typeof requireActor>[0]) {
  const actor = requireRole(req, ['county_admin']);
  if (!canImportRegistry(actor)) throw new AppError('forbidden', 'may not import');
  return actor;
}

/** A digest of the request's session token: identifies the session that started a job, in memory only. */
function sessionKeyOf(req: FastifyRequest): string | null {
  const token = req.cookies[SESSION_COOKIE];
  return token ? createHash('sha256').update(token).digest('hex') : null;
}

/**
 * On PGlite an import holds the one database connection for its whole length, so even the session
 * lookup of a progress request would wait for it to end. A running job is answered from memory, before
 * that lookup, to the session that started it (see liveImportJob); anything else takes the usual path.
 */
async function answerLiveProgress(req: FastifyRequest, reply: FastifyReply) {
  if (req.deps.store.kind !== 'pglite') return;
  const key = sessionKeyOf(req);
  const id = Number((req.params as { id?: string }).id);
  if (!key || !Number.isSafeInteger(id)) return;
  const job = liveImportJob(id, key);
  if (job) return reply.send(toImportJobBody(job, req.lang));
}

export async function registerImportExportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry import/export'];

  api.get('/api/imports/template', { schema: { tags, querystring: TemplateQuerySchema } }, async (req, reply) => {
    requireActor(req);
    const lang = req.query.lang ?? req.lang;
    if (req.query.format === 'xlsx') {
      const body = await buildTemplateXlsx(lang);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(lang === 'en' ? 'household-import-template.xlsx' : '农户导入模板.xlsx')).send(body);
    }
    const kind = req.query.kind;
    const name = lang === 'en' ? `household-import-${kind}.csv` : kind === 'people' ? '农户导入模板-人员.csv' : '农户导入模板-收入.csv';
    return reply.header('content-type', CSV_TYPE).header('content-disposition', attachment(name)).send(buildTemplateCsv(kind, lang));
  });

  api.post('/api/imports/households', { schema: { tags, querystring: ImportUploadQuerySchema, response: { 202: ImportJobSchema } } }, async (req, reply) => {
    const actor = importer(req);
    if (!req.isMultipart()) throw new AppError('invalid_input', 'multipart upload expected', { key: 'import.upload.no_file', details: [{ path: 'file', message: 'multipart field "file" expected', code: 'import.upload.no_file' }] });
    const dir = join(uploadsDir(req.deps), randomUUID());
    await mkdir(dir, { recursive: true });
    const files: Partial<Record<'file' | 'incomes', { path: string; name: string }>> = {};
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' && part.fieldname !== 'incomes') {
          part.file.resume();
          continue;
        }
        const path = join(dir, part.fieldname === 'file' ? 'people.upload' : 'incomes.upload');
        await pipeline(part.file, createWriteStream(path));
        files[part.fieldname] = { path, name: part.filename || part.fieldname };
      }
      if (!files.file) throw new AppError('invalid_input', 'no file', { key: 'import.upload.no_file', details: [{ path: 'file', message: 'multipart field "file" expected', code: 'import.upload.no_file' }] });
      await sniffFile(files.file.path, files.file.name);
      if (files.incomes) await sniffFile(files.incomes.path, files.incomes.name);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const params: ImportJobParams = { dir, people: files.file, incomes: files.incomes ?? null, dryRun: req.query.dryRun !== 'false', scopePrefix: actor.scopePrefix };
    const id = await createImportJob(req.deps, actor, params);
    await supersedeImportUploads(req.deps, actor, id);
    startImportJob(req.deps, actor, id, params, sessionKeyOf(req));
    // No database read here: on PGlite the one connection is now busy with the import itself.
    return reply.status(202).send(toImportJobBody({ id, status: 'running', params, summary: null, error: null, createdBy: actor.userId }, req.lang));
  });

  api.get('/api/imports/:id', { schema: { tags, params: ImportJobParamsSchema, response: { 200: ImportJobSchema } }, onRequest: answerLiveProgress }, async (req) => {
    const actor = importer(req);
    return toImportJobBody(await getImportJob(req.deps, actor, req.params.id), req.lang);
  });

  api.get('/api/imports/:id/errors', { schema: { tags, params: ImportJobParamsSchema, querystring: ErrorReportQuerySchema } }, async (req, reply) => {
    const actor = importer(req);
    const job = await getImportJob(req.deps, actor, req.params.id);
    if (job.status === 'running') throw new AppError('conflict', 'job still running', { key: 'import.job.busy' });
    if (!job.summary) throw new AppError('not_found', 'no error report');
    const lang = req.query.lang ?? req.lang;
    const stream = new PassThrough();
    const errorsPath = join(job.params.dir, 'errors.ndjson');
    if (!existsSync(errorsPath)) throw new AppError('not_found', 'the upload of this job was deleted', { key: 'import.job.upload_gone' });
    const write = req.query.format === 'xlsx' ? writeErrorReportXlsx(errorsPath, stream, lang) : writeErrorReportCsv(errorsPath, stream, lang);
    write.catch((e) => stream.destroy(e as Error));
    const ext = req.query.format;
    return reply
      .header('content-type', ext === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
      .header('content-disposition', attachment(lang === 'en' ? `import-${job.id}-errors.${ext}` : `导入${job.id}错误报告.${ext}`))
      .send(stream);
  });

  api.post('/api/imports/:id/commit', { schema: { tags, params: ImportJobParamsSchema, response: { 202: ImportJobSchema } } }, async (req, reply) => {
    const actor = importer(req);
    const job = await commitImportJob(req.deps, actor, req.params.id, sessionKeyOf(req));
    return reply.status(202).send(toImportJobBody(job, req.lang));
  });

  api.get('/api/exports/households', { schema: { tags, querystring: ExportQuerySchema } }, async (req, reply) => {
    const actor = requireActor(req);
    const { division, format, kind } = req.query;
    const lang = req.query.lang ?? req.lang;
    await resolveExportScope(req.deps, actor, division); // 403/404 before the stream starts
    const stream = new PassThrough();
    exportHouseholds(req.deps, actor, { division, format, lang, out: stream, only: format === 'csv' ? kind : undefined }).catch((e) => stream.destroy(e as Error));
    const name = format === 'xlsx' ? `households-${division}.xlsx` : `households-${division}${kind === 'incomes' ? '-incomes' : ''}.csv`;
    return reply.header('content-type', format === 'xlsx' ? XLSX_TYPE : CSV_TYPE).header('content-disposition', attachment(name)).send(stream);
  });
}
