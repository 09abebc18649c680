/** Request and response schemas of the assistance API (zod; ids name the OpenAPI components). */
import { z } from 'zod';

export const MEASURE_CATEGORY_VALUES = ['INDUSTRY', 'EMPLOYMENT', 'FINANCE', 'PUBLIC_WELFARE_JOB', 'HEALTH', 'COMPULSORY_EDU', 'OTHER_EDU', 'COMPREHENSIVE_SECURITY', 'HOUSING_SAFETY', 'WATER_SAFETY', 'SOCIAL', 'RELOCATION', 'LIVING_CONDITIONS', 'INFRASTRUCTURE'] as const;
export const MEASURE_STATUS_VALUES = ['PLANNED', 'IMPLEMENTING', 'IMPLEMENTED'] as const;
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'assistance.date.format' });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const CreatePlanRequestSchema = z
  .object({ caseId: z.number().int().positive(), responsibleName: Text(50), responsibleUserId: z.number().int().positive().optional() })
  .meta({ id: 'CreatePlanRequest' });
export type CreatePlanRequest = z.infer<typeof CreatePlanRequestSchema>;

const MeasureFieldsSchema = z.object({
  category: z.enum(MEASURE_CATEGORY_VALUES),
  description: Text(2000),
  responsibleName: Text(50),
  responsibleUserId: z.number().int().positive().optional(),
  amountFen: z.number().int().min(0).max(100_000_000_00).default(0),
  startDate: DateSchema,
  endDate: DateSchema.optional(),
});
const endNotBeforeStart = (m: { startDate: string; endDate?: string }) => !m.endDate || m.endDate >= m.startDate;
const endBeforeStart = { path: ['endDate'], error: 'assistance.end_before_start' };

export const AddMeasureRequestSchema = MeasureFieldsSchema.refine(endNotBeforeStart, endBeforeStart).meta({ id: 'AddMeasureRequest' });
export type AddMeasureRequest = z.infer<typeof AddMeasureRequestSchema>;

export const UpdateMeasureRequestSchema = MeasureFieldsSchema.extend({ version: z.number().int().min(1) })
  .refine(endNotBeforeStart, endBeforeStart)
  .meta({ id: 'UpdateMeasureRequest' });
export type UpdateMeasureRequest = z.infer<typeof UpdateMeasureRequestSchema>;

export const MeasureStatusRequestSchema = z
  .object({ status: z.enum(['IMPLEMENTING', 'IMPLEMENTED']), version: z.number().int().min(1), on: DateSchema.optional() })
  .meta({ id: 'MeasureStatusRequest' });
export type MeasureStatusRequest = z.infer<typeof MeasureStatusRequestSchema>;

export const GuaranteesAfterSchema = z.object({
  foodClothingOk: z.boolean(),
  housingSafe: z.boolean(),
  compulsoryEducationOk: z.boolean(),
  medicalInsuranceOk: z.boolean(),
  waterSafe: z.boolean(),
});

export const EffectRequestSchema = z
  .object({ version: z.number().int().min(1), incomeAfterPerCapitaFen: z.number().int().min(0), guaranteesAfter: GuaranteesAfterSchema, note: z.string().trim().max(2000).optional() })
  .meta({ id: 'PlanEffectRequest' });
export type EffectRequest = z.infer<typeof EffectRequestSchema>;

export const MeasureSchema = z
  .object({
    id: z.number(),
    planId: z.number(),
    category: z.enum(MEASURE_CATEGORY_VALUES),
    description: z.string(),
    responsibleName: z.string(),
    responsibleUserId: z.number().nullable(),
    amountFen: z.number(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    status: z.enum(MEASURE_STATUS_VALUES),
    implementedOn: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'AssistanceMeasure' });
export type MeasureView = z.infer<typeof MeasureSchema>;

export const PlanSchema = z
  .object({
    id: z.number(),
    householdId: z.number(),
    caseId: z.number(),
    caseStatus: z.string(),
    villageCode: z.string(),
    risks: z.array(z.string()),
    responsibleName: z.string(),
    responsibleUserId: z.number().nullable(),
    firstMeasureDueOn: z.string().nullable(),
    firstMeasureOverdue: z.boolean(),
    measures: z.array(MeasureSchema),
    suggestions: z.array(z.object({ category: z.enum(MEASURE_CATEGORY_VALUES), because: z.array(z.string()), covered: z.boolean() })),
    uncoveredRisks: z.array(z.string()),
    totalAmountFen: z.number(),
    effect: z
      .object({ incomeAfterPerCapitaFen: z.number(), guaranteesAfter: GuaranteesAfterSchema, note: z.string().nullable(), recordedOn: z.string() })
      .nullable(),
    version: z.number(),
  })
  .meta({ id: 'AssistancePlan' });
export type PlanView = z.infer<typeof PlanSchema>;

/** GET /api/assistance/plans?householdId|caseId: the household's plan, or null before one is made. */
export const PlanLookupSchema = z.object({ plan: PlanSchema.nullable() }).meta({ id: 'AssistancePlanLookup' });
export type PlanLookup = z.infer<typeof PlanLookupSchema>;

export const MappingSchema = z.record(z.string(), z.array(z.enum(MEASURE_CATEGORY_VALUES))).meta({ id: 'RiskMeasureMapping' });
export const SetMappingRequestSchema = z
  .object({ categories: z.array(z.enum(MEASURE_CATEGORY_VALUES)).min(1).max(14), scopeCode: z.string().regex(/^(\d{6})?$/).default('') })
  .meta({ id: 'SetRiskMappingRequest' });
