import { z } from 'zod';
import { EDUCATION_LEVELS, HEALTH_STATUSES, HOUSEHOLD_TYPES, LABOR_SKILLS, RELATIONS, STUDENT_STATUSES } from './domain/enums.js';

/**
 * Request and response bodies of the registry API (households, people, incomes, guarantees).
 * Money is integer fen. Shapes, ranges and code sets are checked here; the rules that need more
 * than one field or today's date (ID checksum and birth date, gender/birth date against the ID,
 * exactly one head, year not in the future) are checked by domain/validate-household.ts, and the
 * rules that need the database (village exists in scope, unique household number and ID number)
 * by the use cases. Every rule failure is an error detail with a field path (`members.2.idNumber`)
 * and a message `code` from registry/messages.ts. Zod messages below are message keys, so the
 * API translates them as well. (No schema id ends in "Input": the OpenAPI generator names the input
 * variant of schema X "XInput", and the two would collide. Query-string schemas carry no id:
 * @fastify/swagger expands them into parameters and cannot follow a component reference.)
 */

// ---------- limits (shared with the domain rules) ----------

/** Upper bound of one income component of one household in one year: 10 million yuan. */
export const MAX_INCOME_COMPONENT_FEN = 1_000_000_000;
export const MIN_INCOME_YEAR = 2000;
export const MAX_MEMBERS = 30;
export const MAX_PAGE_SIZE = 200;
/** Search totals are counted up to this many rows; beyond it `totalIsCapped` is true. */
export const SEARCH_COUNT_CAP = 2_000;
/** Rows that can be paged through in one search (page × pageSize). */
export const MAX_SEARCH_OFFSET = 10_000;

const codes = <T extends Record<string, unknown>>(set: T) => Object.keys(set) as [keyof T & string, ...(keyof T & string)[]];

// ---------- code sets ----------

export const HouseholdTypeSchema = z.enum(codes(HOUSEHOLD_TYPES), { error: 'registry.enum.household_type' }).meta({ id: 'HouseholdType' });
export const RelationSchema = z.enum(codes(RELATIONS), { error: 'registry.enum.relation' }).meta({ id: 'Relation' });
export const LaborSkillSchema = z.enum(codes(LABOR_SKILLS), { error: 'registry.enum.labor_skill' }).meta({ id: 'LaborSkill' });
export const HealthStatusSchema = z.enum(codes(HEALTH_STATUSES), { error: 'registry.enum.health_status' }).meta({ id: 'HealthStatus' });
export const EducationLevelSchema = z.enum(codes(EDUCATION_LEVELS), { error: 'registry.enum.education' }).meta({ id: 'EducationLevel' });
export const StudentStatusSchema = z.enum(codes(STUDENT_STATUSES), { error: 'registry.enum.student_status' }).meta({ id: 'StudentStatus' });
export const GenderSchema = z.enum(['M', 'F'], { error: 'registry.enum.gender' }).meta({ id: 'Gender' });
export const HouseGradeSchema = z.enum(['A', 'B', 'C', 'D'], { error: 'registry.enum.house_grade' }).meta({ id: 'HouseGrade' });

// ---------- field formats ----------

/** 12-digit village code (level 5 division). */
export const VillageCodeSchema = z.string().trim().regex(/^\d{12}$/, { error: 'registry.village_code.format' });
/** Significant digits of a division: 2, 4, 6, 9 or 12. */
export const DivisionPrefixSchema = z.string().trim().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, { error: 'registry.division.format' });
export const HouseholdNoSchema = z
  .string()
  .trim()
  .min(1, { error: 'registry.household_no.format' })
  .max(40, { error: 'registry.household_no.format' })
  .regex(/^[0-9A-Za-z-]+$/, { error: 'registry.household_no.format' });
/** Checked for GB 11643 format, birth date and checksum by the domain rules (with the field path). */
export const IdNumberInputSchema = z.string().trim().toUpperCase().max(30, { error: 'registry.id_number.format' });
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'registry.date.format' });
const FenSchema = z
  .number({ error: 'registry.amount.not_integer' })
  .int({ error: 'registry.amount.not_integer' })
  .min(0, { error: 'registry.amount.negative' })
  .max(MAX_INCOME_COMPONENT_FEN, { error: 'registry.amount.too_large' });
const YearSchema = z
  .number({ error: 'registry.year.range' })
  .int({ error: 'registry.year.range' })
  .min(MIN_INCOME_YEAR, { error: 'registry.year.range' })
  .max(2100, { error: 'registry.year.range' });
const NameSchema = z.string().trim().min(1, { error: 'registry.name.required' }).max(50, { error: 'registry.name.too_long' });
const OptionalText = (max: number) => z.string().trim().max(max, { error: 'registry.text.too_long' }).nullable().optional();

// ---------- people ----------

export const PersonSchema = z
  .object({
    id: z.number().int(),
    householdId: z.number().int(),
    name: z.string(),
    /** Full, or masked (5205**********123X) for roles that may not see full numbers. */
    idNumber: z.string(),
    idNumberMasked: z.boolean(),
    gender: GenderSchema,
    birthDate: z.string(),
    relation: RelationSchema,
    ethnicity: z.string(),
    education: EducationLevelSchema.nullable(),
    studentStatus: StudentStatusSchema.nullable(),
    healthStatus: HealthStatusSchema,
    laborSkill: LaborSkillSchema,
    migrantMonths: z.number().int(),
    migrantPlace: z.string().nullable(),
    hasMedicalInsurance: z.boolean(),
    hasPensionInsurance: z.boolean(),
    isDibao: z.boolean(),
    isTekun: z.boolean(),
    publicWelfareJob: z.boolean(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** A member as entered. Gender and birth date may be left out: they are then read from the ID number. */
export const PersonInputSchema = z
  .object({
    name: NameSchema,
    idNumber: IdNumberInputSchema,
    gender: GenderSchema.optional(),
    birthDate: DateSchema.optional(),
    relation: RelationSchema,
    ethnicity: z.string().trim().min(1).max(20, { error: 'registry.text.too_long' }).optional(),
    education: EducationLevelSchema.nullable().optional(),
    studentStatus: StudentStatusSchema.nullable().optional(),
    healthStatus: HealthStatusSchema.optional(),
    laborSkill: LaborSkillSchema,
    migrantMonths: z.number().int().min(0, { error: 'registry.migrant_months.range' }).max(12, { error: 'registry.migrant_months.range' }).optional(),
    migrantPlace: OptionalText(100),
    hasMedicalInsurance: z.boolean().optional(),
    hasPensionInsurance: z.boolean().optional(),
    isDibao: z.boolean().optional(),
    isTekun: z.boolean().optional(),
    publicWelfareJob: z.boolean().optional(),
  })
  .meta({ id: 'MemberFields' });
export type PersonInput = z.infer<typeof PersonInputSchema>;

// ---------- incomes ----------

export const IncomeRecordSchema = z
  .object({
    year: z.number().int(),
    householdSize: z.number().int(),
    wageFen: z.number().int(),
    operatingFen: z.number().int(),
    propertyFen: z.number().int(),
    transferFen: z.number().int(),
    productionCostFen: z.number().int(),
    outOfPocketMedicalFen: z.number().int(),
    /** wage + operating + property + transfer − production cost (domain.md 13.5). */
    netIncomeFen: z.number().int(),
    /** net income / household size, rounded toward zero. */
    perCapitaNetFen: z.number().int(),
  })
  .meta({ id: 'IncomeRecord' });
export type IncomeRecord = z.infer<typeof IncomeRecordSchema>;

/** One year's income components. householdSize defaults to the number of members now. */
export const IncomeInputSchema = z
  .object({
    householdSize: z.number().int().min(1, { error: 'registry.household_size.range' }).max(MAX_MEMBERS, { error: 'registry.household_size.range' }).optional(),
    wageFen: FenSchema.default(0),
    operatingFen: FenSchema.default(0),
    propertyFen: FenSchema.default(0),
    transferFen: FenSchema.default(0),
    productionCostFen: FenSchema.default(0),
    outOfPocketMedicalFen: FenSchema.default(0),
  })
  .meta({ id: 'IncomeComponents' });
export type IncomeInput = z.infer<typeof IncomeInputSchema>;

export const YearIncomeInputSchema = IncomeInputSchema.extend({ year: YearSchema }).meta({ id: 'YearIncome' });
export type YearIncomeInput = z.infer<typeof YearIncomeInputSchema>;

// ---------- 两不愁三保障 and drinking water ----------

export const GuaranteeStatusSchema = z
  .object({
    asOf: z.string(),
    foodClothingOk: z.boolean(),
    housingUnsafe: z.boolean(),
    houseGrade: HouseGradeSchema.nullable(),
    dropoutChild: z.boolean(),
    memberUninsured: z.boolean(),
    waterUnsafe: z.boolean(),
    waterLitersPerDay: z.number().nullable(),
    waterTripMinutes: z.number().nullable(),
    waterInterruptionDays: z.number().int().nullable(),
    /** Any of: food/clothing not ok, unsafe housing, dropout child, uninsured member, unsafe water. */
    hasProblem: z.boolean(),
  })
  .meta({ id: 'GuaranteeStatus' });
export type GuaranteeStatus = z.infer<typeof GuaranteeStatusSchema>;

export const GuaranteeInputSchema = z
  .object({
    asOf: DateSchema.optional(),
    foodClothingOk: z.boolean().default(true),
    housingUnsafe: z.boolean().default(false),
    houseGrade: HouseGradeSchema.nullable().optional(),
    dropoutChild: z.boolean().default(false),
    memberUninsured: z.boolean().default(false),
    waterUnsafe: z.boolean().default(false),
    waterLitersPerDay: z.number().min(0, { error: 'registry.water.range' }).max(1000, { error: 'registry.water.range' }).nullable().optional(),
    waterTripMinutes: z.number().min(0, { error: 'registry.water.range' }).max(1440, { error: 'registry.water.range' }).nullable().optional(),
    waterInterruptionDays: z.number().int().min(0, { error: 'registry.water.range' }).max(366, { error: 'registry.water.range' }).nullable().optional(),
  })
  .meta({ id: 'GuaranteeFields' });
export type GuaranteeInput = z.infer<typeof GuaranteeInputSchema>;

// ---------- households ----------

export const HouseholdSchema = z
  .object({
    id: z.number().int(),
    householdNo: z.string(),
    countyCode: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    townshipCode: z.string(),
    townshipName: z.string(),
    householdType: HouseholdTypeSchema,
    address: z.string().nullable(),
    phone: z.string().nullable(),
    isRelocated: z.boolean(),
    isMilitaryFamily: z.boolean(),
    /** Send it back in PATCH: a stale version is refused with 409. */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof HouseholdSchema>;

const HouseholdFields = {
  villageCode: VillageCodeSchema,
  householdType: HouseholdTypeSchema,
  address: OptionalText(200),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, { error: 'registry.phone.format' })
    .nullable()
    .optional(),
  isRelocated: z.boolean().optional(),
  isMilitaryFamily: z.boolean().optional(),
};

export const CreateHouseholdSchema = z
  .object({
    householdNo: HouseholdNoSchema,
    ...HouseholdFields,
    members: z.array(PersonInputSchema).min(1, { error: 'registry.members.required' }).max(MAX_MEMBERS, { error: 'registry.members.too_many' }),
    incomes: z.array(YearIncomeInputSchema).max(50).optional(),
    guarantee: GuaranteeInputSchema.optional(),
  })
  .meta({ id: 'CreateHousehold' });
export type CreateHousehold = z.infer<typeof CreateHouseholdSchema>;

/** Edits household facts (not members, incomes or guarantees, which have their own routes). */
export const UpdateHouseholdSchema = z
  .object({
    version: z.number().int().min(1),
    householdNo: HouseholdNoSchema.optional(),
    villageCode: VillageCodeSchema.optional(),
    householdType: HouseholdTypeSchema.optional(),
    address: HouseholdFields.address,
    phone: HouseholdFields.phone,
    isRelocated: z.boolean().optional(),
    isMilitaryFamily: z.boolean().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'UpdateHousehold' });
export type UpdateHousehold = z.infer<typeof UpdateHouseholdSchema>;

/**
 * Member, income and guarantee changes also carry the household `version` they were made against
 * (optional: when given and stale, 409). Each change bumps the household version.
 */
export const MemberChangeSchema = PersonInputSchema.extend({
  version: z.number().int().min(1).optional(),
  reason: z.string().trim().max(500).optional(),
  /**
   * Making a non-head member the HEAD hands the role over: the former head gets this relation
   * (default OTHER). The head itself cannot be demoted directly (a household always has one head).
   */
  formerHeadRelation: RelationSchema.exclude(['HEAD']).optional(),
}).meta({ id: 'MemberChange' });
export type MemberChange = z.infer<typeof MemberChangeSchema>;

/** DELETE /api/households/:id/members/:personId?version=&reason= */
export const MemberRemovalQuerySchema = z
  .object({ version: z.coerce.number().int().min(1).optional(), reason: z.string().trim().max(500).optional() });
export type MemberRemoval = z.infer<typeof MemberRemovalQuerySchema>;

export const IncomeChangeSchema = IncomeInputSchema.extend({ version: z.number().int().min(1).optional(), reason: z.string().trim().max(500).optional() }).meta({
  id: 'IncomeChange',
});
export type IncomeChange = z.infer<typeof IncomeChangeSchema>;

export const GuaranteeChangeSchema = GuaranteeInputSchema.extend({ version: z.number().int().min(1).optional(), reason: z.string().trim().max(500).optional() }).meta({
  id: 'GuaranteeChange',
});
export type GuaranteeChange = z.infer<typeof GuaranteeChangeSchema>;

export const HouseholdIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const MemberParamsSchema = z.object({ id: z.coerce.number().int().positive(), personId: z.coerce.number().int().positive() });
export const IncomeParamsSchema = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().pipe(YearSchema) });

// ---------- search ----------

export const SEARCH_SORTS = ['householdNo', 'perCapitaNet', 'size', 'headName', 'relevance'] as const;

export const HouseholdSearchQuerySchema = z
  .object({
    /** Division prefix: the subtree to search (intersected with the caller's scope). */
    division: DivisionPrefixSchema.optional(),
    /** Fuzzy name of the head or any member (pg_trgm similarity; one character: name prefix). */
    q: z.string().trim().min(1).max(50).optional(),
    /** Household number, exact or prefix. */
    householdNo: z.string().trim().min(1).max(40).optional(),
    /** Full ID number of any member, exact. */
    idNumber: z.string().trim().toUpperCase().max(30).optional(),
    type: HouseholdTypeSchema.optional(),
    relocated: z.stringbool().optional(),
    /** Per-capita net income band for `year`, in fen, inclusive. */
    incomeMin: z.coerce.number().int().optional(),
    incomeMax: z.coerce.number().int().optional(),
    /** Income year shown and filtered on; default: the year before today. */
    year: z.coerce.number().int().min(MIN_INCOME_YEAR).max(2100).optional(),
    /** Households with (true) or without (false) a 两不愁三保障/water problem. */
    guaranteeProblem: z.stringbool().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    /** householdNo sorts by village code, then household number. relevance needs q. */
    sort: z.enum(SEARCH_SORTS).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
  });
export type HouseholdSearchQuery = z.input<typeof HouseholdSearchQuerySchema>;
export type HouseholdSearch = z.output<typeof HouseholdSearchQuerySchema>;

export const HouseholdSummarySchema = z
  .object({
    id: z.number().int(),
    householdNo: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    townshipName: z.string(),
    headName: z.string().nullable(),
    headIdNumber: z.string().nullable(),
    size: z.number().int(),
    householdType: HouseholdTypeSchema,
    isRelocated: z.boolean(),
    year: z.number().int(),
    perCapitaNetFen: z.number().int().nullable(),
  })
  .meta({ id: 'HouseholdSummary' });
export type HouseholdSummary = z.infer<typeof HouseholdSummarySchema>;

export const HouseholdSearchResultSchema = z
  .object({
    /** Exact when totalIsCapped is false; otherwise "at least this many". */
    total: z.number().int(),
    totalIsCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
    year: z.number().int(),
    items: z.array(HouseholdSummarySchema),
  })
  .meta({ id: 'HouseholdSearchResult' });
export type HouseholdSearchResult = z.infer<typeof HouseholdSearchResultSchema>;

// ---------- profile (一户一档) ----------

export const FieldChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() }).meta({ id: 'FieldChange' });
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const ChangeEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorName: z.string(),
    /** registry.household.create | .update, registry.member.add | .update | .remove, registry.income.upsert, registry.guarantee.set, or another module's action. */
    action: z.string(),
    reason: z.string().nullable(),
    /** Flattened field differences (ID numbers masked for roles that may not see them). */
    changes: z.array(FieldChangeSchema),
  })
  .meta({ id: 'ChangeEvent' });
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

export const HouseholdProfileSchema = z
  .object({
    household: HouseholdSchema,
    members: z.array(PersonSchema),
    /** Ascending by year. */
    incomes: z.array(IncomeRecordSchema),
    guarantee: GuaranteeStatusSchema.nullable(),
    /** Newest first, at most 200 events. */
    history: z.array(ChangeEventSchema),
  })
  .meta({ id: 'HouseholdProfile' });
export type HouseholdProfile = z.infer<typeof HouseholdProfileSchema>;

// ---------- county overview (aggregates only) ----------

export const OverviewQuerySchema = z
  .object({
    division: DivisionPrefixSchema.optional(),
    year: z.coerce.number().int().min(MIN_INCOME_YEAR).max(2100).optional(),
  });
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

export const IncomeBinSchema = z
  .object({
    /** Inclusive lower bound in fen; the last bin is open-ended (toFen null). */
    fromFen: z.number().int(),
    toFen: z.number().int().nullable(),
    households: z.number().int(),
  })
  .meta({ id: 'IncomeBin' });

export const ChildDivisionStatsSchema = z
  .object({
    code: z.string(),
    prefix: z.string(),
    name: z.string(),
    households: z.number().int(),
    people: z.number().int(),
    formerlyPoor: z.number().int(),
    relocated: z.number().int(),
    /** Median per-capita net income of the year in fen; null without income records. */
    medianPerCapitaNetFen: z.number().int().nullable(),
    /** Share (0..1) of households with an income record for the year below the threshold. */
    shareBelowThreshold: z.number().nullable(),
  })
  .meta({ id: 'ChildDivisionStats' });
export type ChildDivisionStats = z.infer<typeof ChildDivisionStatsSchema>;

export const RegistryOverviewSchema = z
  .object({
    division: z.object({ code: z.string(), prefix: z.string(), name: z.string(), level: z.number().int() }),
    year: z.number().int(),
    households: z.number().int(),
    people: z.number().int(),
    formerlyPoor: z.number().int(),
    relocated: z.number().int(),
    /** Households with an income record for the year. */
    householdsWithIncome: z.number().int(),
    /** The year's monitoring threshold (per person per year, fen) of the province; null when unknown. */
    thresholdFen: z.number().int().nullable(),
    belowThreshold: z.number().int(),
    shareBelowThreshold: z.number().nullable(),
    /** 1000-yuan bins from 0 up to 30 000 yuan, plus one open bin above; negative incomes fall in the first bin. */
    histogram: z.array(IncomeBinSchema),
    children: z.array(ChildDivisionStatsSchema),
  })
  .meta({ id: 'RegistryOverview' });
export type RegistryOverview = z.infer<typeof RegistryOverviewSchema>;
