import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../access/index.js';
import { PovertyEvaluationSchema, PovertyQuerySchema } from './contract.js';
import { evaluateIncomePoverty } from './use-cases/evaluate-income-poverty.js';
import { registerIndicatorRoutes } from './indicators/index.js';
import { registerMpiRoutes } from './mpi-http.js';
import './mpi-messages.js';

/** GET /api/evaluation/poverty: aggregates only, so every signed-in role (analysts too) within its scope. */
export async function registerEvaluationRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/evaluation/poverty',
    { schema: { tags: ['evaluation'], querystring: PovertyQuerySchema, response: { 200: PovertyEvaluationSchema } } },
    async (req) => evaluateIncomePoverty(req.deps, requireActor(req), req.query),
  );
  await registerIndicatorRoutes(app); // revitalisation indicators, ranking, coupling (./indicators)
  await registerMpiRoutes(app);
}
