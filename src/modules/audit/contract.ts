import { z } from 'zod';

const DateOrTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'a date YYYY-MM-DD or an ISO timestamp');

/** GET /api/audit query. Dates are days in China Standard Time; `to` includes its whole day. */
export const AuditQuerySchema = z
  .object({
    entityType: z.string().trim().max(64).optional(),
    entityId: z.string().trim().max(64).optional(),
    actor: z.string().trim().max(64).optional().meta({ description: 'part of the actor name' }),
    action: z.string().trim().max(64).optional(),
    from: DateOrTimeSchema.optional(),
    to: DateOrTimeSchema.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  });
// No OpenAPI id: @fastify/swagger needs query parameters inline, not as a $ref.
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string().meta({ description: 'ISO timestamp' }),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    scopeCode: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({ total: z.number().int(), items: z.array(AuditEventSchema) }).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const ChainProblemSchema = z.enum(['edited', 'inserted', 'deleted']).meta({ id: 'AuditChainProblem' });

/** GET /api/audit/verify answer. */
export const AuditVerifySchema = z
  .object({
    ok: z.boolean(),
    events: z.number().int(),
    firstBreak: z
      .object({ seq: z.number().int(), problem: ChainProblemSchema, message: z.string() })
      .nullable(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerify' });
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
