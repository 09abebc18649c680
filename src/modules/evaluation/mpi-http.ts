import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../access/index.js';
import { MpiEvaluationSchema, MpiQuerySchema, MpiSpecQuerySchema, MpiSpecStateSchema, SetMpiSpecRequestSchema } from './mpi-contract.js';
import { evaluateMpi } from './use-cases/evaluate-mpi.js';
import { getMpiSpec, setMpiSpec } from './use-cases/mpi-spec.js';

/**
 * GET /api/evaluation/mpi (aggregates only: every signed-in role within its scope, analysts too),
 * GET /api/evaluation/mpi/spec and PUT /api/evaluation/mpi/spec (county administrators; audited).
 */
export async function registerMpiRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/evaluation/mpi',
    { schema: { tags: ['evaluation'], querystring: MpiQuerySchema, response: { 200: MpiEvaluationSchema } } },
    async (req) => evaluateMpi(req.deps, requireActor(req), req.query),
  );
  api.get(
    '/api/evaluation/mpi/spec',
    { schema: { tags: ['evaluation'], querystring: MpiSpecQuerySchema, response: { 200: MpiSpecStateSchema } } },
    async (req) => getMpiSpec(req.deps, requireActor(req), req.query.division),
  );
  api.put(
    '/api/evaluation/mpi/spec',
    { schema: { tags: ['evaluation'], body: SetMpiSpecRequestSchema, response: { 200: MpiSpecStateSchema } } },
    async (req) => setMpiSpec(req.deps, requireActor(req), req.body),
  );
}
