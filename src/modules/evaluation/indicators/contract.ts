/**
 * Revitalisation indicators (issue 3 items 3(c), 3(d)): the editable indicator system, indicator values
 * by division and year, their import, the entropy-weight TOPSIS ranking and the coupling coordination
 * degree between consolidation (巩固脱贫成果) and revitalisation (乡村振兴). Aggregates only.
 */
import { z } from 'zod';

export const DIRECTIONS = ['benefit', 'cost', 'middle', 'interval'] as const;
export const WEIGHT_MODES = ['entropy', 'equal', 'fixed'] as const;
export const PILLAR_ROLES = ['revitalisation', 'consolidation'] as const;
export const INDICATOR_SOURCES = ['input', 'computed'] as const;

/** The indicators the platform computes from the registry (consolidation subsystem), docs/evaluation-revitalisation.md. */
export const COMPUTED_INDICATORS = [
  'consolidation.above_threshold_share',
  'consolidation.exited_income_mean',
  'consolidation.guarantees_secured_share',
  'consolidation.risk_eliminated_share',
  'consolidation.income_growth',
] as const;
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];

const code = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, { error: 'evaluation.indicators.code_format' }).max(60);
const name = z.string().trim().min(1).max(60);
const weight = z.number().finite().min(0).nullable().default(null);

export const IndicatorSchema = z
  .object({
    code,
    nameZh: name,
    nameEn: name,
    unit: z.string().trim().max(20).default(''),
    direction: z.enum(DIRECTIONS),
    /** middle: the best value. */
    best: z.number().finite().nullable().default(null),
    /** interval: the best range [lower, upper]. */
    lower: z.number().finite().nullable().default(null),
    upper: z.number().finite().nullable().default(null),
    /** Used when the pillar's weight mode is 'fixed'. */
    fixedWeight: weight,
    source: z.enum(INDICATOR_SOURCES).default('input'),
    reference: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'RevitalisationIndicator' });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const PillarSchema = z
  .object({
    code,
    nameZh: name,
    nameEn: name,
    role: z.enum(PILLAR_ROLES),
    /** How the pillar's indicators are weighted. */
    weightMode: z.enum(WEIGHT_MODES),
    /** Used when the system's weight mode is 'fixed' (revitalisation pillars only). */
    fixedWeight: weight,
    indicators: z.array(IndicatorSchema).min(1).max(40),
  })
  .meta({ id: 'RevitalisationPillar' });
export type Pillar = z.infer<typeof PillarSchema>;

const systemFields = {
  nameZh: name,
  nameEn: name,
  /** How the revitalisation pillars are weighted in the overall score ('entropy': one EWM over all their indicators). */
  weightMode: z.enum(WEIGHT_MODES),
  pillars: z.array(PillarSchema).min(2).max(12),
};

/** Structural rules a tree must meet (unique codes, one consolidation subsystem, weights where 'fixed', criterion parameters). */
function checkTree(t: { weightMode: string; pillars: Pillar[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  // Messages are keys of ./messages.ts, translated per request; `params` fill their placeholders.
  const issue = (path: (string | number)[], key: string, params?: Record<string, unknown>) => ctx.addIssue({ code: 'custom', path, message: key, params });
  const consolidation = t.pillars.filter((p) => p.role === 'consolidation');
  if (consolidation.length !== 1) issue(['pillars'], 'evaluation.indicators.tree.one_consolidation');
  if (!t.pillars.some((p) => p.role === 'revitalisation')) issue(['pillars'], 'evaluation.indicators.tree.no_revitalisation');
  t.pillars.forEach((p, i) => {
    if (seen.has(p.code)) issue(['pillars', i, 'code'], 'evaluation.indicators.tree.duplicate_code', { code: p.code });
    seen.add(p.code);
    if (t.weightMode === 'fixed' && p.role === 'revitalisation' && p.fixedWeight === null) issue(['pillars', i, 'fixedWeight'], 'evaluation.indicators.tree.fixed_weight_required');
    p.indicators.forEach((ind, j) => {
      const at = ['pillars', i, 'indicators', j];
      if (seen.has(ind.code)) issue([...at, 'code'], 'evaluation.indicators.tree.duplicate_code', { code: ind.code });
      seen.add(ind.code);
      if (p.weightMode === 'fixed' && ind.fixedWeight === null) issue([...at, 'fixedWeight'], 'evaluation.indicators.tree.fixed_weight_required');
      if (ind.direction === 'middle' && ind.best === null) issue([...at, 'best'], 'evaluation.indicators.tree.middle_needs_best');
      if (ind.direction === 'interval' && (ind.lower === null || ind.upper === null || ind.lower > ind.upper)) issue([...at, 'lower'], 'evaluation.indicators.tree.interval_bounds');
      if (ind.source === 'computed') {
        if (p.role !== 'consolidation') issue([...at, 'source'], 'evaluation.indicators.tree.computed_in_consolidation');
        if (!(COMPUTED_INDICATORS as readonly string[]).includes(ind.code)) issue([...at, 'code'], 'evaluation.indicators.tree.not_computed', { code: ind.code });
      }
    });
    if (p.weightMode === 'fixed' && p.indicators.every((ind) => (ind.fixedWeight ?? 0) === 0)) issue(['pillars', i, 'indicators'], 'evaluation.indicators.tree.fixed_weights_zero');
  });
}

export const IndicatorSystemInputSchema = z
  .object({ ...systemFields, /** The version the editor saw (optimistic lock); 0 when editing the shipped default. */ version: z.number().int().min(0) })
  .superRefine(checkTree)
  .meta({ id: 'IndicatorSystemUpdate' });
export type IndicatorSystemInput = z.infer<typeof IndicatorSystemInputSchema>;

export const IndicatorSystemSchema = z
  .object({
    countyCode: z.string(),
    ...systemFields,
    version: z.number().int(),
    /** True while the county uses the shipped default (nothing saved yet). */
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'IndicatorSystem' });
export type IndicatorSystem = z.infer<typeof IndicatorSystemSchema>;

export const divisionPrefix = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, { error: 'evaluation.indicators.division_format' });
const year = z.coerce.number().int().min(2000).max(2100);

export const SystemQuerySchema = z.object({ county: z.string().regex(/^\d{6}$/, { error: 'evaluation.county_code' }) });

export const ValuesQuerySchema = z.object({
  division: divisionPrefix,
  year: year.optional(),
  indicator: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(5000).default(500),
});
export type ValuesQuery = z.infer<typeof ValuesQuerySchema>;

export const IndicatorValueSchema = z
  .object({ divisionCode: z.string(), year: z.number().int(), indicatorCode: z.string(), value: z.number(), source: z.string() })
  .meta({ id: 'IndicatorValue' });
export const IndicatorValueListSchema = z
  .object({ items: z.array(IndicatorValueSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'IndicatorValueList' });
export type IndicatorValueList = z.infer<typeof IndicatorValueListSchema>;

export const ImportProblemSchema = z
  .object({ row: z.number().int(), column: z.string(), value: z.string(), code: z.string(), reason: z.string() })
  .meta({ id: 'IndicatorImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const IndicatorImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    rowsTotal: z.number().int(),
    rowsValid: z.number().int(),
    /** Values written (inserted or replaced) by a commit. */
    valuesWritten: z.number().int(),
    /** Values that already existed and were replaced. */
    valuesReplaced: z.number().int(),
    divisions: z.number().int(),
    years: z.array(z.number().int()),
    problems: z.array(ImportProblemSchema),
  })
  .meta({ id: 'IndicatorImportReport' });
export type IndicatorImportReport = z.infer<typeof IndicatorImportReportSchema>;

export const LEVELS = ['village', 'township'] as const;
export type UnitLevel = (typeof LEVELS)[number];

export const RankingQuerySchema = z.object({
  division: z.string().regex(/^\d{6}(\d{3})?$/, { error: 'evaluation.indicators.county_or_township' }),
  year,
  level: z.enum(LEVELS).optional(),
});
export type RankingQuery = z.infer<typeof RankingQuerySchema>;

const warningSchema = z.object({ code: z.string(), message: z.string(), pillar: z.string().optional(), column: z.string().optional(), units: z.array(z.string()).optional() });
export type EvaluationWarning = z.infer<typeof warningSchema>;

export const PillarScoreSchema = z.object({ closeness: z.number().nullable(), rank: z.number().nullable() });

export const RankingRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Overall revitalisation closeness (entropy-weight TOPSIS over the revitalisation pillars) and rank (1 = best). */
  closeness: z.number().nullable(),
  rank: z.number().nullable(),
  /** Per pillar code (consolidation included). */
  pillars: z.record(z.string(), PillarScoreSchema),
  /** Indicator values used, by indicator code (null when missing). */
  values: z.record(z.string(), z.number().nullable()),
});

export const IndicatorWeightSchema = z.object({ pillar: z.string(), indicator: z.string(), withinPillar: z.number(), overall: z.number().nullable(), entropy: z.number().nullable() });

export const RankingSchema = z
  .object({
    division: z.string(),
    divisionName: z.string(),
    year: z.number().int(),
    level: z.enum(LEVELS),
    pillars: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), role: z.enum(PILLAR_ROLES) })),
    rows: z.array(RankingRowSchema),
    weights: z.array(IndicatorWeightSchema),
    warnings: z.array(warningSchema),
  })
  .meta({ id: 'RevitalisationRanking' });
export type Ranking = z.infer<typeof RankingSchema>;
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const CouplingQuerySchema = z
  .object({
    division: z.string().regex(/^\d{6}(\d{3})?$/, { error: 'evaluation.indicators.county_or_township' }),
    year: year.optional(),
    fromYear: year.optional(),
    toYear: year.optional(),
    level: z.enum(LEVELS).optional(),
    formula: z.enum(['classic', 'corrected']).default('classic'),
  })
  .refine((q) => q.year !== undefined || (q.fromYear !== undefined && q.toYear !== undefined), { error: 'evaluation.indicators.year_required', path: ['year'] })
  .refine((q) => q.fromYear === undefined || q.toYear === undefined || (q.fromYear <= q.toYear && q.toYear - q.fromYear <= 20), { error: 'evaluation.indicators.year_range', path: ['fromYear'] });
export type CouplingQuery = z.infer<typeof CouplingQuerySchema>;

export const CouplingRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  /** Comprehensive scores of the two subsystems (EWM scores on the pooled unit-years, in [0, 1]). */
  consolidation: z.number(),
  revitalisation: z.number(),
  C: z.number(),
  T: z.number(),
  D: z.number(),
  level: z.number().int(),
  levelZh: z.string(),
  levelEn: z.string(),
  stage: z.number().int(),
  stageZh: z.string(),
  stageEn: z.string(),
});
export type CouplingRow = z.infer<typeof CouplingRowSchema>;

export const CouplingSchema = z
  .object({
    division: z.string(),
    divisionName: z.string(),
    level: z.enum(LEVELS),
    years: z.array(z.number().int()),
    formula: z.enum(['classic', 'corrected']),
    rows: z.array(CouplingRowSchema),
    /** Mean D of the units per year (the area's trend). */
    trend: z.array(z.object({ year: z.number().int(), meanD: z.number().nullable(), level: z.number().int().nullable(), units: z.number().int() })),
    warnings: z.array(warningSchema),
  })
  .meta({ id: 'RevitalisationCoupling' });
export type Coupling = z.infer<typeof CouplingSchema>;
