import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireRole } from '../access/index.js';
import { ParameterListSchema, ParameterQuerySchema, ParameterValueSchema, SetParameterRequestSchema } from './contract.js';
import { listParameters } from './use-cases/resolve-parameter.js';
import { setParameterOverride } from './use-cases/set-parameter-override.js';
import './messages.js';

const THRESHOLD = 'monitoring.income-threshold';
const IdParams = z.object({ id: z.string().regex(/^[a-z0-9.-]{3,80}$/) });

/** GET/PUT /api/parameters[...]: dated parameters, their defaults and county/province overrides. */
export async function registerParameterRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['parameters'];

  api.get('/api/parameters', { schema: { tags, querystring: ParameterQuerySchema, response: { 200: ParameterListSchema } } }, async (req) => {
    requireActor(req);
    return { items: await listParameters(req.deps, req.query) };
  });

  api.get('/api/parameters/monitoring-threshold', { schema: { tags, querystring: ParameterQuerySchema, response: { 200: ParameterValueSchema } } }, async (req) => {
    requireActor(req);
    return (await listParameters(req.deps, { ...req.query, id: THRESHOLD }))[0];
  });

  api.put('/api/parameters/monitoring-threshold', { schema: { tags, body: SetParameterRequestSchema, response: { 200: ParameterValueSchema } } }, async (req) => {
    const actor = requireRole(req, ['county_admin']);
    await setParameterOverride(req.deps, actor, THRESHOLD, req.body);
    return (await listParameters(req.deps, { code: req.body.code, date: req.body.effectiveFrom, id: THRESHOLD }))[0];
  });

  api.get('/api/parameters/:id', { schema: { tags, params: IdParams, querystring: ParameterQuerySchema, response: { 200: ParameterValueSchema } } }, async (req) => {
    requireActor(req);
    return (await listParameters(req.deps, { ...req.query, id: req.params.id }))[0];
  });

  api.put('/api/parameters/:id', { schema: { tags, params: IdParams, body: SetParameterRequestSchema, response: { 200: ParameterValueSchema } } }, async (req) => {
    const actor = requireRole(req, ['county_admin']);
    await setParameterOverride(req.deps, actor, req.params.id, req.body);
    return (await listParameters(req.deps, { code: req.body.code, date: req.body.effectiveFrom, id: req.params.id }))[0];
  });
}
