import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../access/index.js';
import { AddMeasureRequestSchema, CreatePlanRequestSchema, EffectRequestSchema, MappingSchema, MeasureSchema, MeasureStatusRequestSchema, PlanLookupSchema, PlanSchema, SetMappingRequestSchema, UpdateMeasureRequestSchema } from './contract.js';
import './messages.js';
import { createPlan } from './use-cases/create-plan.js';
import { findPlanView, getPlan } from './use-cases/get-plan.js';
import { addMeasure } from './use-cases/add-measure.js';
import { setMeasureStatus } from './use-cases/set-measure-status.js';
import { updateMeasure } from './use-cases/update-measure.js';
import { recordEffect } from './use-cases/record-effect.js';
import { getMapping, setMapping } from './use-cases/mapping.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** /api/assistance/...: plans, measures, effect, risk → measure mapping. Thin. */
export async function registerAssistanceRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assistance'];

  api.post('/api/assistance/plans', { schema: { tags, body: CreatePlanRequestSchema, response: { 201: PlanSchema } } }, async (req, reply) => reply.status(201).send(await createPlan(req.deps, requireActor(req), req.body)));
  api.get(
    '/api/assistance/plans',
    { schema: { tags, querystring: z.object({ householdId: z.coerce.number().int().positive().optional(), caseId: z.coerce.number().int().positive().optional() }).refine((q) => q.householdId || q.caseId, { error: 'assistance.lookup.id_required' }), response: { 200: PlanLookupSchema } } },
    async (req) => ({ plan: await findPlanView(req.deps, requireActor(req), req.query) }),
  );
  api.get('/api/assistance/plans/:id', { schema: { tags, params: IdParams, response: { 200: PlanSchema } } }, async (req) => getPlan(req.deps, requireActor(req), { id: req.params.id }));
  api.post('/api/assistance/plans/:id/measures', { schema: { tags, params: IdParams, body: AddMeasureRequestSchema, response: { 201: MeasureSchema } } }, async (req, reply) =>
    reply.status(201).send(await addMeasure(req.deps, requireActor(req), req.params.id, req.body)),
  );
  api.put('/api/assistance/plans/:id/effect', { schema: { tags, params: IdParams, body: EffectRequestSchema, response: { 200: PlanSchema } } }, async (req) => recordEffect(req.deps, requireActor(req), req.params.id, req.body));
  api.post('/api/assistance/measures/:id/status', { schema: { tags, params: IdParams, body: MeasureStatusRequestSchema, response: { 200: MeasureSchema } } }, async (req) =>
    setMeasureStatus(req.deps, requireActor(req), req.params.id, req.body),
  );
  api.put('/api/assistance/measures/:id', { schema: { tags, params: IdParams, body: UpdateMeasureRequestSchema, response: { 200: MeasureSchema } } }, async (req) => updateMeasure(req.deps, requireActor(req), req.params.id, req.body));
  api.get('/api/assistance/mapping', { schema: { tags, querystring: z.object({ county: z.string().regex(/^\d{6}$/).optional() }), response: { 200: MappingSchema } } }, async (req) =>
    getMapping(req.deps, requireActor(req), req.query.county),
  );
  api.put('/api/assistance/mapping/:risk', { schema: { tags, params: z.object({ risk: z.string().regex(/^[A-Z_]{2,40}$/) }), body: SetMappingRequestSchema, response: { 200: MappingSchema } } }, async (req) =>
    setMapping(req.deps, requireActor(req), req.params.risk, req.body),
  );
}
