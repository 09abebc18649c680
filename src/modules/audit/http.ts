import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forbidden } from '../../platform/errors.js';
import { canReadAudit, requireActor } from '../access/index.js';
import { AuditPageSchema, AuditQuerySchema, AuditVerifySchema } from './contract.js';
import { describeChainReport } from './use-cases/describe-chain-report.js';
import { listAuditEvents } from './use-cases/list-audit-events.js';
import { verifyAuditChain } from './use-cases/verify-audit-chain.js';

export async function registerAuditRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuerySchema, response: { 200: AuditPageSchema } } }, async (req) =>
    listAuditEvents(req.deps, requireActor(req), req.query),
  );
  api.get('/api/audit/verify', { schema: { tags: ['audit'], response: { 200: AuditVerifySchema } } }, async (req) => {
    const actor = requireActor(req);
    if (!canReadAudit(actor)) throw forbidden(`role ${actor.role} may not verify the audit log`);
    return describeChainReport(await verifyAuditChain(req.deps.store.db), req.lang);
  });
}
