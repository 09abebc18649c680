/** Evaluation on the registry: request and response schemas (aggregates only, no personal data). */
import { z } from 'zod';

export const POVERTY_BREAKDOWNS = ['household_type', 'relocated', 'ethnicity'] as const;

export const PovertyQuerySchema = z
  .object({
    division: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, { error: 'evaluation.division_prefix' }),
    year: z.coerce.number().int().min(2000).max(2100),
    by: z.enum(POVERTY_BREAKDOWNS).optional(),
  })
  .meta({ id: 'PovertyQuery' });
export type PovertyQuery = z.infer<typeof PovertyQuerySchema>;

const nullableNumber = z.number().nullable();

export const PovertyGroupSchema = z.object({
  group: z.string(),
  households: z.number().int(),
  persons: z.number(),
  popShare: z.number(),
  P0: nullableNumber,
  P1: nullableNumber,
  P2: nullableNumber,
  gini: nullableNumber,
  contribution: z.object({ P0: nullableNumber, P1: nullableNumber, P2: nullableNumber }),
});

export const PovertyEvaluationSchema = z
  .object({
    division: z.string(),
    year: z.number().int(),
    /** Monitoring threshold in fen per person per year (the poverty line z). */
    thresholdFen: z.number().int(),
    /** Income records (households) and persons (sum of household sizes). */
    households: z.number().int(),
    persons: z.number(),
    P0: nullableNumber,
    P1: nullableNumber,
    P2: nullableNumber,
    /** Persons in households below the threshold. */
    poorPersons: z.number(),
    gini: nullableNumber,
    by: z.enum(POVERTY_BREAKDOWNS).nullable(),
    groups: z.array(PovertyGroupSchema).nullable(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'PovertyEvaluation' });
export type PovertyEvaluation = z.infer<typeof PovertyEvaluationSchema>;

export * from './mpi-contract.js';
