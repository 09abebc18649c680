import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'parameters.date_format' });

export const ParameterQuerySchema = z
  .object({
    code: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, { error: 'parameters.division_format' }).default('52'),
    date: date.optional(),
  })
  .meta({ id: 'ParameterQuery' });

export const ParameterOverrideSchema = z
  .object({
    id: z.number().int(),
    parameterId: z.string(),
    scopeCode: z.string(),
    effectiveFrom: z.string(),
    value: z.number(),
    docNo: z.string(),
    docTitle: z.string(),
    createdByName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ParameterOverride' });

export const ParameterValueSchema = z
  .object({
    id: z.string(),
    label: z.object({ zh: z.string(), en: z.string() }),
    description: z.string(),
    unit: z.string(),
    reference: z.array(z.object({ title: z.string(), href: z.string() })),
    code: z.string(),
    date: z.string(),
    value: z.number().nullable(),
    layer: z.enum(['county', 'province', 'default']).nullable(),
    effectiveFrom: z.string().nullable(),
    docNo: z.string().nullable(),
    docTitle: z.string().nullable(),
    defaults: z.record(z.string(), z.record(z.string(), z.number())),
    overrides: z.array(ParameterOverrideSchema),
  })
  .meta({ id: 'ParameterValue' });
export type ParameterValue = z.infer<typeof ParameterValueSchema>;

export const ParameterListSchema = z.object({ items: z.array(ParameterValueSchema) }).meta({ id: 'ParameterList' });

export const SetParameterRequestSchema = z
  .object({
    code: z.string().regex(/^(\d{2}|\d{6})$/, { error: 'parameters.scope_format' }),
    effectiveFrom: date,
    value: z.number().finite().min(0),
    docNo: z.string().trim().min(1).max(100),
    docTitle: z.string().trim().min(1).max(300),
    reason: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'SetParameterRequest' });
export type SetParameterRequest = z.infer<typeof SetParameterRequestSchema>;
