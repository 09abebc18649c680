import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../access/index.js';
import {
  CaseListQuerySchema,
  CaseListSchema,
  CasePageSchema,
  CaseSchema,
  DashboardSchema,
  NoticeSummarySchema,
  ObjectionRequestSchema,
  ObjectionSchema,
  OpenCaseRequestSchema,
  ResolveObjectionRequestSchema,
  TransitionRequestSchema,
} from './contract.js';
import { renderNoticeHtml } from './domain/notice-html.js';
import './messages.js';
import { openCase } from './use-cases/open-case.js';
import { transitionCase } from './use-cases/transition-case.js';
import { getCasePage } from './use-cases/get-case-page.js';
import { listCases, workQueue } from './use-cases/list-cases.js';
import { getNoticeDocument, listNotices, recordObjection, resolveObjection } from './use-cases/notices.js';
import { caseDashboard } from './use-cases/dashboard.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const NoticeDocumentSchema = NoticeSummarySchema.extend({
  villageName: z.string(),
  townshipName: z.string(),
  countyName: z.string(),
  lines: z.array(z.object({ maskedName: z.string(), householdSize: z.number(), category: z.string(), risks: z.array(z.string()), eliminationType: z.string().nullable() })),
}).meta({ id: 'NoticeDocument' });

/** /api/cases/...: the case procedure, work queue, dashboard, notices and objections. Thin: parse, call one use case, answer. */
export async function registerCasesRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  api.get('/api/cases', { schema: { tags, querystring: CaseListQuerySchema, response: { 200: CaseListSchema } } }, async (req) => listCases(req.deps, requireActor(req), req.query));

  api.post('/api/cases', { schema: { tags, body: OpenCaseRequestSchema, response: { 201: CaseSchema } } }, async (req, reply) => {
    const view = await openCase(req.deps, requireActor(req), req.body);
    return reply.status(201).send(view);
  });

  api.get(
    '/api/cases/queue',
    { schema: { tags, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }), response: { 200: CaseListSchema } } },
    async (req) => workQueue(req.deps, requireActor(req), req.query),
  );

  api.get(
    '/api/cases/dashboard',
    { schema: { tags, querystring: z.object({ division: z.string().regex(/^\d{2,12}$/).optional() }), response: { 200: DashboardSchema } } },
    async (req) => caseDashboard(req.deps, requireActor(req), req.query.division),
  );

  api.get(
    '/api/cases/notices',
    { schema: { tags, querystring: z.object({ village: z.string().regex(/^\d{2,12}$/).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.array(NoticeSummarySchema) } } },
    async (req) => listNotices(req.deps, requireActor(req), req.query),
  );

  api.get('/api/cases/notices/:id', { schema: { tags, params: IdParams, response: { 200: NoticeDocumentSchema } } }, async (req) => {
    const doc = await getNoticeDocument(req.deps, requireActor(req), req.params.id);
    return doc;
  });

  api.get(
    '/api/cases/notices/:id/print',
    { schema: { tags, params: IdParams, querystring: z.object({ lang: z.enum(['zh-CN', 'zh', 'en']).optional() }) } },
    async (req, reply) => {
      const doc = await getNoticeDocument(req.deps, requireActor(req), req.params.id);
      const html = renderNoticeHtml(doc, req.query.lang === 'en' ? 'en' : 'zh-CN');
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  api.post('/api/cases/notices/:id/objections', { schema: { tags, params: IdParams, body: ObjectionRequestSchema, response: { 201: ObjectionSchema } } }, async (req, reply) => {
    const o = await recordObjection(req.deps, requireActor(req), req.params.id, req.body);
    return reply.status(201).send(o);
  });

  api.post('/api/cases/objections/:id/resolve', { schema: { tags, params: IdParams, body: ResolveObjectionRequestSchema, response: { 200: ObjectionSchema } } }, async (req) =>
    resolveObjection(req.deps, requireActor(req), req.params.id, req.body),
  );

  api.get('/api/cases/:id', { schema: { tags, params: IdParams, response: { 200: CasePageSchema } } }, async (req) => getCasePage(req.deps, requireActor(req), req.params.id));

  api.post('/api/cases/:id/transitions', { schema: { tags, params: IdParams, body: TransitionRequestSchema, response: { 200: CaseSchema } } }, async (req) =>
    transitionCase(req.deps, requireActor(req), req.params.id, req.body),
  );
}
