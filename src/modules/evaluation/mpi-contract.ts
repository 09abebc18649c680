/**
 * Multidimensional poverty (Alkire-Foster) on the registry: the specification (dimensions,
 * indicators, cutoffs, weights, k) and the request/response schemas. Aggregates only.
 * Imports only zod (style.md: contracts import only zod and other contracts).
 */
import { z } from 'zod';

/**
 * The indicators the registry can measure for a household (docs/evaluation-mpi.md). A spec picks
 * from these; each has a fixed meaning, and `income` and `schooling` take a cutoff.
 */
export const MPI_INDICATORS = [
  'income',
  'food_clothing',
  'compulsory_education',
  'medical_insurance',
  'housing',
  'drinking_water',
  'schooling',
  'health',
  'labour',
] as const;
export type MpiIndicatorId = (typeof MPI_INDICATORS)[number];

/** Indicators whose cutoff is a number (the others are yes/no facts and take none). */
export const MPI_CUTOFF_INDICATORS: Partial<Record<MpiIndicatorId, { min: number; max: number; default: number }>> = {
  /** Multiple of the year's monitoring threshold (1 = the threshold itself). */
  income: { min: 0.1, max: 10, default: 1 },
  /** Years of schooling the best-educated adult must reach. */
  schooling: { min: 1, max: 16, default: 6 },
};

const LabelSchema = z.object({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });

export const MpiIndicatorSpecSchema = z.object({
  id: z.enum(MPI_INDICATORS, { error: 'evaluation.mpi.unknown_indicator' }),
  weight: z.number({ error: 'evaluation.mpi.weight_positive' }).positive({ error: 'evaluation.mpi.weight_positive' }).finite(),
  cutoff: z.number().finite().optional(),
});

export const MpiDimensionSpecSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'evaluation.mpi.id_format' }),
  label: LabelSchema,
  weight: z.number({ error: 'evaluation.mpi.weight_positive' }).positive({ error: 'evaluation.mpi.weight_positive' }).finite(),
  indicators: z.array(MpiIndicatorSpecSchema).min(1).max(MPI_INDICATORS.length),
});

export const MpiSpecSchema = z
  .object({
    name: LabelSchema,
    /** Poverty cutoff: a share of the total weight in (0, 1]. */
    k: z.number({ error: 'evaluation.mpi.k_range' }).gt(0, { error: 'evaluation.mpi.k_range' }).lte(1, { error: 'evaluation.mpi.k_range' }),
    dimensions: z.array(MpiDimensionSpecSchema).min(1).max(MPI_INDICATORS.length),
    references: z.array(z.object({ title: z.string().min(1).max(300), href: z.string().max(500).optional() })).max(20).default([]),
  })
  .superRefine((spec, ctx) => {
    const dims = new Set<string>();
    const seen = new Set<string>();
    spec.dimensions.forEach((d, i) => {
      if (dims.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'id'], message: 'evaluation.mpi.duplicate_dimension' });
      dims.add(d.id);
      d.indicators.forEach((ind, j) => {
        if (seen.has(ind.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'indicators', j, 'id'], message: 'evaluation.mpi.duplicate_indicator' });
        seen.add(ind.id);
        const range = MPI_CUTOFF_INDICATORS[ind.id];
        if (!range && ind.cutoff !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'indicators', j, 'cutoff'], message: 'evaluation.mpi.no_cutoff' });
        }
        if (range && ind.cutoff !== undefined && (ind.cutoff < range.min || ind.cutoff > range.max)) {
          ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'indicators', j, 'cutoff'], message: 'evaluation.mpi.cutoff_range' });
        }
      });
    });
  })
  .meta({ id: 'MpiSpec' });
export type MpiSpec = z.infer<typeof MpiSpecSchema>;
export type MpiSpecInput = z.input<typeof MpiSpecSchema>;

export const MpiSpecQuerySchema = z.object({
  division: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, { error: 'evaluation.division_prefix' }).optional(),
});

export const MpiSpecStateSchema = z
  .object({
    /** County (6 digits) the spec is in force for; '' for the national default. */
    scopeCode: z.string(),
    /** 'county' = replaced by the county, 'default' = shipped (src/modules/evaluation/defaults/mpi-spec.json). */
    source: z.enum(['county', 'default']),
    spec: MpiSpecSchema,
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'MpiSpecState' });
export type MpiSpecState = z.infer<typeof MpiSpecStateSchema>;

export const SetMpiSpecRequestSchema = z
  .object({
    /** The county (6-digit prefix) whose spec is replaced. */
    county: z.string().regex(/^\d{6}$/, { error: 'evaluation.county_code' }),
    spec: MpiSpecSchema,
    /** Why (kept in the audit event). */
    reason: z.string().trim().min(1).max(500).optional(),
    /** The version last read (optimistic lock); omit to overwrite. */
    version: z.number().int().min(0).optional(),
  })
  .meta({ id: 'SetMpiSpecRequest' });
export type SetMpiSpecRequest = z.infer<typeof SetMpiSpecRequestSchema>;

export const MPI_BREAKDOWNS = ['household_type', 'category', 'relocated', 'ethnicity'] as const;
export type MpiBreakdown = (typeof MPI_BREAKDOWNS)[number];

export const MpiQuerySchema = z.object({
  division: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, { error: 'evaluation.division_prefix' }),
  year: z.coerce.number().int().min(2000).max(2100),
  by: z.enum(MPI_BREAKDOWNS).optional(),
});
export type MpiQuery = z.infer<typeof MpiQuerySchema>;

const nullableNumber = z.number().nullable();

export const MpiIndicatorResultSchema = z.object({
  id: z.enum(MPI_INDICATORS),
  dimension: z.string(),
  /** Normalised weight w̄_j (sums to 1 over indicators). */
  weight: z.number(),
  /** Cutoff in force (income: fen per person per year; schooling: years); null for yes/no indicators. */
  cutoff: nullableNumber,
  uncensoredHeadcount: z.number(),
  censoredHeadcount: z.number(),
  /** Share of M0 (sums to 1); null when M0 = 0. */
  contribution: nullableNumber,
});

const MpiAggregateSchema = z.object({
  households: z.number().int(),
  persons: z.number(),
  popShare: z.number(),
  H: nullableNumber,
  A: nullableNumber,
  M0: nullableNumber,
  /** Persons in multidimensionally poor households. */
  poorPersons: z.number(),
  /** Share of the total M0 (sums to 1 over groups); null when M0 = 0. */
  contribution: nullableNumber,
  censoredHeadcount: z.array(nullableNumber),
});

export const MpiGroupSchema = MpiAggregateSchema.extend({ group: z.string() });
export const MpiDivisionRowSchema = MpiAggregateSchema.extend({ code: z.string(), prefix: z.string(), name: z.string() });

export const MpiEvaluationSchema = z
  .object({
    division: z.string(),
    year: z.number().int(),
    /** Unit of identification: the household; every figure is weighted by household size (persons). */
    unit: z.literal('household'),
    thresholdFen: z.number().int(),
    spec: z.object({ scopeCode: z.string(), source: z.enum(['county', 'default']), version: z.number().int(), name: LabelSchema }),
    k: z.number(),
    households: z.number().int(),
    persons: z.number(),
    H: nullableNumber,
    A: nullableNumber,
    M0: nullableNumber,
    poorPersons: z.number(),
    indicators: z.array(MpiIndicatorResultSchema),
    dimensions: z.array(z.object({ id: z.string(), label: LabelSchema, weight: z.number(), contribution: nullableNumber })),
    by: z.enum(MPI_BREAKDOWNS).nullable(),
    groups: z.array(MpiGroupSchema).nullable(),
    /** One row per child division (townships of a county, villages of a township); [] for a village. */
    children: z.array(MpiDivisionRowSchema),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'MpiEvaluation' });
export type MpiEvaluation = z.infer<typeof MpiEvaluationSchema>;
