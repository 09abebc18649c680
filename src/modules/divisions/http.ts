import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../access/index.js';
import { DivisionChildrenSchema, DivisionCodeParamsSchema, DivisionDetailSchema, DivisionSearchQuerySchema, DivisionSearchResultSchema } from './contract.js';
import { getDivision } from './use-cases/get-division.js';
import { listDivisionChildren } from './use-cases/list-division-children.js';
import { searchDivisions } from './use-cases/search-divisions.js';

/** Divisions are public administrative facts: any signed-in user may read them. */
export async function registerDivisionRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['divisions'];

  api.get('/api/divisions', { schema: { tags, querystring: DivisionSearchQuerySchema, response: { 200: DivisionSearchResultSchema } } }, async (req) => {
    requireActor(req);
    return searchDivisions(req.deps, req.query);
  });

  api.get('/api/divisions/:code', { schema: { tags, params: DivisionCodeParamsSchema, response: { 200: DivisionDetailSchema } } }, async (req) => {
    requireActor(req);
    return getDivision(req.deps, req.params.code);
  });

  api.get('/api/divisions/:code/children', { schema: { tags, params: DivisionCodeParamsSchema, response: { 200: DivisionChildrenSchema } } }, async (req) => {
    requireActor(req);
    const children = await listDivisionChildren(req.deps, req.params.code);
    return children.map(({ parentCode: _p, ...c }) => c);
  });
}
