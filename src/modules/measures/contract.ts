/**
 * Spec files of the analyst CLI (`ruralbridge measure …`, `ruralbridge evaluate …`), one zod schema
 * per command. Unknown keys are refused so a typo is named rather than ignored. See docs/measures.md.
 */
import { z } from 'zod';

const column = z.string().trim().min(1, 'a column name');
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
    indicators: z.array(MpiIndicatorSpecSchema).min(1, 'at least one indicator'),
    k: finite.positive('k must be > 0').max(1, 'k is a share of the total weight, at most 1'),
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
    if (c.type === 'middle' && c.best === undefined) ctx.addIssue({ code: 'custom', path: ['best'], message: "a 'middle' criterion needs best" });
    if (c.type === 'interval') {
      if (c.lower === undefined) ctx.addIssue({ code: 'custom', path: ['lower'], message: "an 'interval' criterion needs lower" });
      if (c.upper === undefined) ctx.addIssue({ code: 'custom', path: ['upper'], message: "an 'interval' criterion needs upper" });
      if (c.lower !== undefined && c.upper !== undefined && c.lower > c.upper) {
        ctx.addIssue({ code: 'custom', path: ['lower'], message: 'lower is above upper' });
      }
    }
  });

/** A criterion is a column name (benefit) or an object with its type. */
export const CriterionEntrySchema = z.union([column.transform((c) => ({ column: c, type: 'benefit' as const })), CriterionSpecSchema]);
export type CriterionSpec = z.infer<typeof CriterionSpecSchema>;

export const EntropyOptionsSpecSchema = z
  .object({
    normalization: z.enum(['minmax', 'sum']).default('minmax'),
    epsilon: finite.min(0).lt(0.5, 'epsilon must be below 0.5').default(0),
  })
  .strict();

export const EntropySpecSchema = z
  .object({
    id: column.optional(),
    criteria: z.array(CriterionEntrySchema).min(1, 'at least one criterion'),
    entropy: EntropyOptionsSpecSchema.optional(),
  })
  .strict()
  .meta({ id: 'EntropySpec' });
export type EntropySpec = z.infer<typeof EntropySpecSchema>;

export const TopsisSpecSchema = z
  .object({
    id: column.optional(),
    criteria: z.array(CriterionEntrySchema).min(1, 'at least one criterion'),
    weights: z.union([z.enum(['entropy', 'equal']), z.record(z.string(), finite.nonnegative('weights must be >= 0'))]).default('equal'),
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
    systems: z.array(column).min(2, 'at least 2 subsystem columns'),
    weights: z.array(finite.nonnegative('weights must be >= 0')).optional(),
    formula: z.enum(['classic', 'corrected']).default('classic'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.weights && s.weights.length !== s.systems.length) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `give one weight per subsystem (${s.systems.length})` });
    }
  })
  .meta({ id: 'CouplingSpec' });
export type CouplingSpec = z.infer<typeof CouplingSpecSchema>;
