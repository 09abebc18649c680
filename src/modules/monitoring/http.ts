import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { requireActor, requireRole } from '../access/index.js';
import './messages.js';
import {
  ClueIdsSchema,
  ClueListQuerySchema,
  ClueListSchema,
  ClueStatsQuerySchema,
  ClueStatsSchema,
  CloseClueRequestSchema,
  DepartmentImportReportSchema,
  DepartmentSchema,
  EventHouseholdListSchema,
  FeedbackRequestSchema,
  PublicDeclarationReceiptSchema,
  PublicDeclarationRequestSchema,
  RiskClueDetailSchema,
  RiskEventRequestSchema,
  RiskEventSchema,
  SweepResultSchema,
  VisitRequestSchema,
  VisitSchema,
} from './contract.js';
import { RateLimiter } from './domain/rate-limit.js';
import { RULES } from './domain/rules/index.js';
import { templateCsv } from './domain/department-formats.js';
import { closeClue } from './use-cases/change-clue-status.js';
import { getClue } from './use-cases/get-clue.js';
import { clueStats, listClues } from './use-cases/list-clues.js';
import { importDepartmentFile } from './use-cases/import-department-file.js';
import { recordFeedback } from './use-cases/record-feedback.js';
import { recordVisit } from './use-cases/record-visit.js';
import { createRiskEvent, listEventHouseholds, listRiskEvents } from './use-cases/risk-events.js';
import { runSweep } from './use-cases/run-sweep.js';
import { submitDeclaration } from './use-cases/submit-declaration.js';
import { declarationFormHtml, declarationFormScript, declarationPosterHtml, declarationQrSvg, villageTrail } from './public-pages.js';

/** Abuse limits of the public declaration form. */
export const PUBLIC_FORM_LIMITS = { perKey: 5, perKeyWindowMs: 10 * 60_000, global: 120, globalWindowMs: 60_000, bodyBytes: 8 * 1024 };

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const VillageParams = z.object({ code: z.string().regex(/^\d{12}$/) });
const tags = ['monitoring'];

function publicBase(req: FastifyRequest): string {
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:\-[\]]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return `${req.protocol}://${host}`;
}

async function villageOr404(req: FastifyRequest, code: string) {
  const trail = await villageTrail(req.deps.store.db, code);
  if (!trail) throw new AppError('not_found', 'village', { key: 'monitoring.unknown_village', details: [{ path: 'code', message: 'unknown village', code: 'monitoring.unknown_village', value: code }] });
  return trail;
}

/** Routes under /api/monitoring/... (signed in, scoped) and /api/public/... (no login, rate-limited). */
export async function registerMonitoringRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new RateLimiter(PUBLIC_FORM_LIMITS);

  // ---- public: self-declaration ----
  api.post(
    '/api/public/declarations',
    {
      bodyLimit: PUBLIC_FORM_LIMITS.bodyBytes,
      schema: { tags: ['public'], body: PublicDeclarationRequestSchema, response: { 200: PublicDeclarationReceiptSchema } },
      // Counted before the body is read or validated, so malformed floods are limited too.
      onRequest: async (req) => {
        if (!limiter.allow(req.ip, req.deps.clock.now().getTime())) throw new AppError('rate_limited', 'too many declarations');
      },
    },
    async (req) => submitDeclaration(req.deps, req.body, { ip: req.ip, lang: req.lang }),
  );

  api.get('/api/public/villages/:code/declaration-qr.svg', { schema: { tags: ['public'], params: VillageParams } }, async (req, reply) => {
    await villageOr404(req, req.params.code);
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(declarationQrSvg(publicBase(req), req.params.code));
  });

  api.get('/api/public/villages/:code/declaration-poster', { schema: { tags: ['public'], params: VillageParams } }, async (req, reply) => {
    const trail = await villageOr404(req, req.params.code);
    return reply.type('text/html; charset=utf-8').send(declarationPosterHtml(publicBase(req), trail, req.lang));
  });

  api.get('/api/public/declare', { schema: { tags: ['public'], querystring: z.object({ village: z.string().regex(/^\d{12}$/).optional() }) } }, async (req, reply) => {
    const trail = req.query.village ? await villageTrail(req.deps.store.db, req.query.village) : null;
    return reply.type('text/html; charset=utf-8').send(declarationFormHtml(trail, req.lang));
  });

  api.get('/api/public/declare.js', { schema: { hide: true } }, async (_req, reply: FastifyReply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(declarationFormScript()),
  );

  // ---- clues ----
  api.get('/api/monitoring/clues', { schema: { tags, querystring: ClueListQuerySchema, response: { 200: ClueListSchema } } }, async (req) =>
    listClues(req.deps, requireActor(req), req.query),
  );

  api.get('/api/monitoring/clues/:id', { schema: { tags, params: IdParams, response: { 200: RiskClueDetailSchema } } }, async (req) =>
    getClue(req.deps, requireActor(req), req.params.id),
  );

  api.post('/api/monitoring/clues/:id/close', { schema: { tags, params: IdParams, body: CloseClueRequestSchema, response: { 200: RiskClueDetailSchema } } }, async (req) => {
    const actor = requireRole(req, ['county_admin', 'township_officer', 'village_cadre']);
    await closeClue(req.deps, actor, req.params.id, req.body);
    return getClue(req.deps, actor, req.params.id);
  });

  api.get('/api/monitoring/stats', { schema: { tags, querystring: ClueStatsQuerySchema, response: { 200: ClueStatsSchema } } }, async (req) =>
    clueStats(req.deps, requireActor(req), req.query),
  );

  api.get('/api/monitoring/rules', { schema: { tags } }, async (req) => {
    requireActor(req);
    return { items: RULES.map((r) => ({ id: r.id, riskType: r.riskType, label: r.label, explanation: r.explanation, inputs: r.inputs, parameters: r.parameters, levels: r.levels })) };
  });

  // ---- channels ----
  api.post('/api/monitoring/visits', { schema: { tags, body: VisitRequestSchema, response: { 200: VisitSchema } } }, async (req) =>
    recordVisit(req.deps, requireActor(req), req.body),
  );

  api.post('/api/monitoring/feedback', { schema: { tags, body: FeedbackRequestSchema, response: { 200: ClueIdsSchema } } }, async (req) =>
    recordFeedback(req.deps, requireActor(req), req.body),
  );

  api.get('/api/monitoring/department-files/:department/template.csv', { schema: { tags, params: z.object({ department: z.string().transform((s) => s.toUpperCase()).pipe(DepartmentSchema) }) } }, async (req, reply) => {
    requireActor(req);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="department-${req.params.department.toLowerCase()}.csv"`)
      .send(`\uFEFF${templateCsv(req.params.department)}`);
  });

  api.post(
    '/api/monitoring/department-imports',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: z.object({
          department: z.string().transform((s) => s.toUpperCase()).pipe(DepartmentSchema),
          dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
          allowUnmatched: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
        }),
        response: { 200: DepartmentImportReportSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await req.file();
      if (!file) throw new AppError('invalid_input', 'no file', { details: [{ path: 'file', code: 'errors.file_required', message: 'a CSV or XLSX file is required' }] });
      const bytes = await file.toBuffer();
      return importDepartmentFile(req.deps, actor, {
        department: req.query.department,
        fileName: file.filename,
        bytes,
        dryRun: req.query.dryRun,
        allowUnmatched: req.query.allowUnmatched,
        lang: req.lang,
      });
    },
  );

  // ---- risk events ----
  api.post('/api/monitoring/events', { schema: { tags, body: RiskEventRequestSchema, response: { 200: RiskEventSchema } } }, async (req) =>
    createRiskEvent(req.deps, requireActor(req), req.body),
  );

  api.get('/api/monitoring/events', { schema: { tags, response: { 200: z.object({ items: z.array(RiskEventSchema) }) } } }, async (req) => ({
    items: await listRiskEvents(req.deps, requireActor(req)),
  }));

  api.get(
    '/api/monitoring/events/:id/households',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: EventHouseholdListSchema },
      },
    },
    async (req) => listEventHouseholds(req.deps, requireActor(req), req.params.id, req.query),
  );

  // ---- sweep ----
  api.post('/api/monitoring/sweep', { schema: { tags, body: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), full: z.boolean().optional() }).optional(), response: { 200: SweepResultSchema } } }, async (req) => {
    const actor = requireRole(req, ['county_admin']);
    return runSweep(req.deps, actor, { asOf: req.body?.asOf, full: req.body?.full });
  });
}
