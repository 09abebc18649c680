/**
 * Spec files of the analyst CLI (`ruralbridge measure …`, `ruralbridge evaluate …`), one zod schema
 * per command. Unknown keys are refused so a typo is named rather than ignored. See docs/measures.md.
 */
import { z } from 'zod';

const column = z.string().trim().min(1, { error: 'measures.spec.column_required' });
const finite = z.number().finite();

export const FgtSpecSchema = z
  .object({
    welfare: column,
    line: finite.positive('the poverty line must be > 0'),
    weight: column.optional(),
    by: column.optional(),
  })
  .strict()
  .meta({ id: 'FgtSpec' });
export type FgtSpec = z.infer<typeof FgtSpecSchema>;

export const GiniSpecSchema = z
  .object({ welfare: column, weight: column.optional(), by: column.optional() })
  .strict()
  .meta({ id: 'GiniSpec' });
export type GiniSpec = z.infer<typeof GiniSpecSchema>;

export const MpiIndicatorSpecSchema = z
  .object({
    column,
    cutoff: finite,
    deprivedWhen: z.enum(['below', 'above']).default('below'),
    weight: finite.nonnegative('indicator weights must be >= 0'),
  })
  .strict();

export const MpiSpecSchema = z
  .object({
    indicators: z.array(MpiIndicatorSpecSchema).min(1, { error: 'measures.spec.indicator_required' }),
    k: finite.positive({ error: 'measures.spec.k_range' }).max(1, { error: 'measures.spec.k_range' }),
    weight: column.optional(),
    by: column.optional(),
  })
  .strict()
  .meta({ id: 'MpiSpec' });
export type MpiSpec = z.infer<typeof MpiSpecSchema>;

export const CriterionSpecSchema = z
  .object({
    column,
    type: z.enum(['benefit', 'cost', 'middle', 'interval']).default('benefit'),
    best: finite.optional(),
    lower: finite.optional(),
    upper: finite.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.type === 'middle' && c.best === undefined) ctx.addIssue({ code: 'custom', path: ['best'], message: 'measures.spec.middle_needs_best' });
    if (c.type === 'interval') {
      if (c.lower === undefined) ctx.addIssue({ code: 'custom', path: ['lower'], message: 'measures.spec.interval_needs_lower' });
      if (c.upper === undefined) ctx.addIssue({ code: 'custom', path: ['upper'], message: 'measures.spec.interval_needs_upper' });
      if (c.lower !== undefined && c.upper !== undefined && c.lower > c.upper) {
        ctx.addIssue({ code: 'custom', path: ['lower'], message: 'measures.spec.lower_above_upper' });
      }
    }
  });

/** A criterion is a column name (benefit) or an object with its type. */
export const CriterionEntrySchema = z.union([column.transform((c) => ({ column: c, type: 'benefit' as const })), CriterionSpecSchema]);
export type CriterionSpec = z.infer<typeof CriterionSpecSchema>;

export const EntropyOptionsSpecSchema = z
  .object({
    normalization: z.enum(['minmax', 'sum']).default('minmax'),
    epsilon: finite.min(0).lt(0.5, { error: 'measures.spec.epsilon_range' }).default(0),
  })
  .strict();

export const EntropySpecSchema = z
  .object({
    id: column.optional(),
    criteria: z.array(CriterionEntrySchema).min(1, { error: 'measures.spec.criterion_required' }),
    entropy: EntropyOptionsSpecSchema.optional(),
  })
  .strict()
  .meta({ id: 'EntropySpec' });
export type EntropySpec = z.infer<typeof EntropySpecSchema>;

export const TopsisSpecSchema = z
  .object({
    id: column.optional(),
    criteria: z.array(CriterionEntrySchema).min(1, { error: 'measures.spec.criterion_required' }),
    weights: z.union([z.enum(['entropy', 'equal']), z.record(z.string(), finite.nonnegative({ error: 'measures.spec.weight_negative' }))]).default('equal'),
    normalization: z.enum(['vector', 'minmax']).default('vector'),
    entropy: EntropyOptionsSpecSchema.optional(),
    ties: z.enum(['min', 'average', 'dense', 'ordinal']).default('min'),
  })
  .strict()
  .meta({ id: 'TopsisSpec' });
export type TopsisSpec = z.infer<typeof TopsisSpecSchema>;

export const CouplingSpecSchema = z
  .object({
    id: column.optional(),
    systems: z.array(column).min(2, { error: 'measures.spec.systems_min' }),
    weights: z.array(finite.nonnegative({ error: 'measures.spec.weight_negative' })).optional(),
    formula: z.enum(['classic', 'corrected']).default('classic'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.weights && s.weights.length !== s.systems.length) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'measures.spec.weights_per_system', params: { count: s.systems.length } });
    }
  })
  .meta({ id: 'CouplingSpec' });
export type CouplingSpec = z.infer<typeof CouplingSpecSchema>;
