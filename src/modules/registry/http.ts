import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../access/index.js';
import {
  CreateHouseholdSchema,
  GuaranteeChangeSchema,
  HouseholdIdParamsSchema,
  HouseholdProfileSchema,
  HouseholdSearchQuerySchema,
  HouseholdSearchResultSchema,
  IncomeChangeSchema,
  IncomeParamsSchema,
  MemberChangeSchema,
  MemberParamsSchema,
  MemberRemovalQuerySchema,
  OverviewQuerySchema,
  RegistryOverviewSchema,
  UpdateHouseholdSchema,
} from './contract.js';
import { addMember } from './use-cases/add-member.js';
import { createHousehold } from './use-cases/create-household.js';
import { getHouseholdProfile } from './use-cases/get-household-profile.js';
import { getOverview } from './use-cases/get-overview.js';
import { removeMember } from './use-cases/remove-member.js';
import { searchHouseholds } from './use-cases/search-households.js';
import { setGuarantee } from './use-cases/set-guarantee.js';
import { updateHousehold } from './use-cases/update-household.js';
import { updateMember } from './use-cases/update-member.js';
import { upsertIncome } from './use-cases/upsert-income.js';
import './messages.js';

/** Registry routes: thin adapters from HTTP to one use case each. Mutations answer with the fresh 一户一档 profile. */
export async function registerRegistryRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  api.get('/api/households', { schema: { tags, querystring: HouseholdSearchQuerySchema, response: { 200: HouseholdSearchResultSchema } } }, async (req) =>
    searchHouseholds(req.deps, requireActor(req), req.query),
  );

  api.get('/api/households/:id', { schema: { tags, params: HouseholdIdParamsSchema, response: { 200: HouseholdProfileSchema } } }, async (req) =>
    getHouseholdProfile(req.deps, requireActor(req), req.params.id),
  );

  api.post('/api/households', { schema: { tags, body: CreateHouseholdSchema, response: { 201: HouseholdProfileSchema } } }, async (req, reply) => {
    const profile = await createHousehold(req.deps, requireActor(req), req.body);
    return reply.code(201).send(profile);
  });

  api.patch('/api/households/:id', { schema: { tags, params: HouseholdIdParamsSchema, body: UpdateHouseholdSchema, response: { 200: HouseholdProfileSchema } } }, async (req) =>
    updateHousehold(req.deps, requireActor(req), req.params.id, req.body),
  );

  api.post(
    '/api/households/:id/members',
    { schema: { tags, params: HouseholdIdParamsSchema, body: MemberChangeSchema, response: { 201: HouseholdProfileSchema } } },
    async (req, reply) => {
      const profile = await addMember(req.deps, requireActor(req), req.params.id, req.body);
      return reply.code(201).send(profile);
    },
  );

  api.put('/api/households/:id/members/:personId', { schema: { tags, params: MemberParamsSchema, body: MemberChangeSchema, response: { 200: HouseholdProfileSchema } } }, async (req) =>
    updateMember(req.deps, requireActor(req), req.params.id, req.params.personId, req.body),
  );

  api.delete(
    '/api/households/:id/members/:personId',
    { schema: { tags, params: MemberParamsSchema, querystring: MemberRemovalQuerySchema, response: { 200: HouseholdProfileSchema } } },
    async (req) => removeMember(req.deps, requireActor(req), req.params.id, req.params.personId, req.query),
  );

  api.put('/api/households/:id/incomes/:year', { schema: { tags, params: IncomeParamsSchema, body: IncomeChangeSchema, response: { 200: HouseholdProfileSchema } } }, async (req) =>
    upsertIncome(req.deps, requireActor(req), req.params.id, req.params.year, req.body),
  );

  api.put('/api/households/:id/guarantee', { schema: { tags, params: HouseholdIdParamsSchema, body: GuaranteeChangeSchema, response: { 200: HouseholdProfileSchema } } }, async (req) =>
    setGuarantee(req.deps, requireActor(req), req.params.id, req.body),
  );

  api.get('/api/registry/overview', { schema: { tags, querystring: OverviewQuerySchema, response: { 200: RegistryOverviewSchema } } }, async (req) =>
    getOverview(req.deps, requireActor(req), req.query),
  );
}
