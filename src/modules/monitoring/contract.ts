import { z } from 'zod';

/**
 * The monitoring module's public shapes: risk types, channels, warning levels, clues, and the
 * request/response bodies of its routes. Codes per domain.md 13.2 (risk types of table 100A27 plus
 * the two income signals INCOME_LOW / INCOME_DROP, which are warnings rather than causes).
 */
export const RISK_TYPES = [
  'INCOME_LOW',
  'INCOME_DROP',
  'ILLNESS',
  'DISABILITY',
  'EDUCATION',
  'NATURAL_DISASTER',
  'ACCIDENT',
  'INDUSTRY_FAILURE',
  'UNSTABLE_EMPLOYMENT',
  'LACK_OF_LABOR',
  'UNSAFE_HOUSING',
  'UNSAFE_WATER',
  'OTHER',
] as const;
export const RiskTypeSchema = z.enum(RISK_TYPES).meta({ id: 'RiskType' });
export type RiskType = z.infer<typeof RiskTypeSchema>;

export const RISK_TYPE_LABELS: Record<RiskType, { zh: string; en: string }> = {
  INCOME_LOW: { zh: '收入低于或接近监测范围', en: 'income below or near the monitoring threshold' },
  INCOME_DROP: { zh: '收入大幅下降', en: 'sharp income drop' },
  ILLNESS: { zh: '因病', en: 'illness' },
  DISABILITY: { zh: '因残', en: 'disability' },
  EDUCATION: { zh: '因学', en: 'schooling' },
  NATURAL_DISASTER: { zh: '因自然灾害', en: 'natural disaster' },
  ACCIDENT: { zh: '因意外事故', en: 'accident' },
  INDUSTRY_FAILURE: { zh: '因产业项目失败', en: 'failure of an industry project' },
  UNSTABLE_EMPLOYMENT: { zh: '因务工就业不稳', en: 'unstable employment' },
  LACK_OF_LABOR: { zh: '缺劳动力', en: 'lack of labour' },
  UNSAFE_HOUSING: { zh: '因安全住房', en: 'unsafe housing' },
  UNSAFE_WATER: { zh: '因安全饮水', en: 'unsafe drinking water' },
  OTHER: { zh: '其他', en: 'other' },
};

export const CHANNELS = ['SELF_DECLARATION', 'CADRE_SCREENING', 'DEPT_WARNING', 'SUPERVISION_FEEDBACK', 'PLATFORM_ANALYSIS'] as const;
export const ChannelSchema = z.enum(CHANNELS).meta({ id: 'DiscoveryChannel' });
export type Channel = z.infer<typeof ChannelSchema>;
export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  SELF_DECLARATION: { zh: '农户自主申报', en: 'self-declaration' },
  CADRE_SCREENING: { zh: '基层干部排查', en: 'cadre screening' },
  DEPT_WARNING: { zh: '部门筛查预警', en: 'department data warning' },
  SUPERVISION_FEEDBACK: { zh: '监督渠道反馈（12317）', en: 'supervision / hotline feedback (12317)' },
  PLATFORM_ANALYSIS: { zh: '平台监测分析', en: 'platform analysis (early-warning rules)' },
};

export const LEVELS = ['RED', 'YELLOW', 'BLUE'] as const;
export const WarningLevelSchema = z.enum(LEVELS).meta({ id: 'WarningLevel' });
export type WarningLevel = z.infer<typeof WarningLevelSchema>;
export const LEVEL_RANK: Record<WarningLevel, number> = { RED: 3, YELLOW: 2, BLUE: 1 };

export const CLUE_STATUSES = ['OPEN', 'IN_CASE', 'CLOSED'] as const;
export const ClueStatusSchema = z.enum(CLUE_STATUSES).meta({ id: 'ClueStatus' });
export type ClueStatus = z.infer<typeof ClueStatusSchema>;

export const DEPARTMENTS = ['MEDICAL', 'CIVIL', 'EDUCATION', 'HOUSING', 'WATER', 'EMERGENCY', 'HR'] as const;
export const DepartmentSchema = z.enum(DEPARTMENTS).meta({ id: 'Department' });
export type Department = z.infer<typeof DepartmentSchema>;
export const DEPARTMENT_LABELS: Record<Department, { zh: string; en: string }> = {
  MEDICAL: { zh: '医疗保障', en: 'Medical insurance' },
  CIVIL: { zh: '民政', en: 'Civil affairs' },
  EDUCATION: { zh: '教育', en: 'Education' },
  HOUSING: { zh: '住房城乡建设', en: 'Housing' },
  WATER: { zh: '水利', en: 'Water' },
  EMERGENCY: { zh: '应急管理', en: 'Emergency management' },
  HR: { zh: '人力资源社会保障', en: 'Human resources' },
};

export const EVENT_KINDS = ['NATURAL_DISASTER', 'MARKET_SHOCK', 'EPIDEMIC', 'OTHER'] as const;
export const EventKindSchema = z.enum(EVENT_KINDS).meta({ id: 'RiskEventKind' });
export type EventKind = z.infer<typeof EventKindSchema>;

/** One rule (or report) that contributed to a clue, with the values it saw. */
export const ClueFindingSchema = z
  .object({
    ruleId: z.string(),
    level: WarningLevelSchema,
    values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  })
  .meta({ id: 'ClueFinding' });
export type ClueFinding = z.infer<typeof ClueFindingSchema>;

export const ClueSourceSchema = z
  .object({ channel: ChannelSchema, source: z.string(), sourceDept: DepartmentSchema.nullable(), reportedAt: z.string(), detail: z.record(z.string(), z.unknown()) })
  .meta({ id: 'ClueSource' });

export const RiskClueSchema = z
  .object({
    id: z.number().int(),
    householdId: z.number().int().nullable(),
    householdNo: z.string().nullable(),
    headName: z.string().nullable(),
    personId: z.number().int().nullable(),
    countyCode: z.string(),
    villageCode: z.string(),
    riskType: RiskTypeSchema,
    level: WarningLevelSchema,
    channel: ChannelSchema,
    source: z.string(),
    sourceDept: DepartmentSchema.nullable(),
    /** For a department warning: the name of the file it was imported from. */
    sourceFile: z.string().nullable(),
    ruleId: z.string().nullable(),
    explanation: z.array(ClueFindingSchema),
    subject: z.record(z.string(), z.unknown()).nullable(),
    status: ClueStatusSchema,
    caseId: z.number().int().nullable(),
    closedReason: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'RiskClue' });
export type RiskClue = z.infer<typeof RiskClueSchema>;

export const RiskClueDetailSchema = RiskClueSchema.extend({ sources: z.array(ClueSourceSchema) }).meta({ id: 'RiskClueDetail' });
export type RiskClueDetail = z.infer<typeof RiskClueDetailSchema>;

export const ClueListQuerySchema = z
  .object({
    division: z.string().regex(/^\d{0,12}$/).optional(),
    status: ClueStatusSchema.optional(),
    riskType: RiskTypeSchema.optional(),
    channel: ChannelSchema.optional(),
    level: WarningLevelSchema.optional(),
    householdId: z.coerce.number().int().positive().optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: 'ClueListQuery' });
export type ClueListQuery = z.infer<typeof ClueListQuerySchema>;

export const ClueListSchema = z.object({ total: z.number().int(), items: z.array(RiskClueSchema) }).meta({ id: 'ClueList' });

export const CloseClueRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(2000), version: z.number().int().positive() })
  .meta({ id: 'CloseClueRequest' });

// ---- channels ----
const text = (max: number) => z.string().trim().min(1).max(max);

export const PublicDeclarationRequestSchema = z
  .object({
    villageCode: z.string().regex(/^\d{12}$/, '12-digit village code'),
    name: text(40),
    idNumber: z.string().trim().max(18).optional(),
    phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, 'phone number').optional(),
    riskTypes: z.array(RiskTypeSchema).min(1).max(5),
    description: text(2000),
  })
  .meta({ id: 'PublicDeclarationRequest' });
export type PublicDeclarationRequest = z.infer<typeof PublicDeclarationRequestSchema>;

export const PublicDeclarationReceiptSchema = z
  .object({ received: z.literal(true), reference: z.string(), message: z.string() })
  .meta({ id: 'PublicDeclarationReceipt' });

export const VisitRequestSchema = z
  .object({
    householdId: z.number().int().positive(),
    visitedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    visitors: z.array(text(40)).min(1).max(10),
    riskTypes: z.array(RiskTypeSchema).max(5).default([]),
    level: WarningLevelSchema.default('YELLOW'),
    note: z.string().trim().max(4000).default(''),
  })
  .meta({ id: 'VisitRequest' });
export type VisitRequest = z.infer<typeof VisitRequestSchema>;

export const VisitSchema = z
  .object({
    id: z.number().int(),
    householdId: z.number().int(),
    villageCode: z.string(),
    visitedOn: z.string(),
    visitors: z.array(z.string()),
    riskTypes: z.array(RiskTypeSchema),
    note: z.string(),
    createdByName: z.string(),
    clueIds: z.array(z.number().int()),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof VisitSchema>;

export const FeedbackRequestSchema = z
  .object({
    kind: z.enum(['HOTLINE_12317', 'SUPERVISION']),
    ticketNo: text(60),
    householdId: z.number().int().positive().optional(),
    villageCode: z.string().regex(/^\d{12}$/),
    callerName: z.string().trim().max(40).optional(),
    riskTypes: z.array(RiskTypeSchema).min(1).max(5),
    level: WarningLevelSchema.default('YELLOW'),
    description: text(4000),
  })
  .meta({ id: 'FeedbackRequest' });
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

export const ClueIdsSchema = z.object({ clueIds: z.array(z.number().int()) }).meta({ id: 'ClueIds' });

export const ImportProblemSchema = z
  .object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string(), code: z.string() })
  .meta({ id: 'DepartmentImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const DepartmentImportReportSchema = z
  .object({
    department: DepartmentSchema,
    dryRun: z.boolean(),
    committed: z.boolean(),
    rowsTotal: z.number().int(),
    rowsValid: z.number().int(),
    rowsMatched: z.number().int(),
    rowsUnmatched: z.number().int(),
    cluesCreated: z.number().int(),
    cluesUpdated: z.number().int(),
    problems: z.array(ImportProblemSchema),
    importId: z.number().int().nullable(),
  })
  .meta({ id: 'DepartmentImportReport' });
export type DepartmentImportReport = z.infer<typeof DepartmentImportReportSchema>;

// ---- risk events ----
export const RiskEventRequestSchema = z
  .object({
    kind: EventKindSchema,
    subtype: z.string().trim().max(40).optional(),
    title: text(200),
    description: z.string().trim().max(4000).default(''),
    occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    severity: WarningLevelSchema.default('YELLOW'),
    industry: z.string().trim().max(40).optional(),
    villageCodes: z.array(z.string().regex(/^\d{12}$/)).min(1).max(5000),
  })
  .meta({ id: 'RiskEventRequest' });
export type RiskEventRequest = z.infer<typeof RiskEventRequestSchema>;

export const RiskEventSchema = z
  .object({
    id: z.number().int(),
    countyCode: z.string(),
    kind: EventKindSchema,
    subtype: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    occurredOn: z.string(),
    severity: WarningLevelSchema,
    industry: z.string().nullable(),
    villageCodes: z.array(z.string()),
    createdByName: z.string(),
    screening: z.object({ households: z.number().int(), cluesCreated: z.number().int(), cluesUpdated: z.number().int() }).optional(),
  })
  .meta({ id: 'RiskEvent' });
export type RiskEvent = z.infer<typeof RiskEventSchema>;

export const EventHouseholdSchema = z
  .object({
    householdId: z.number().int(),
    householdNo: z.string(),
    villageCode: z.string(),
    headName: z.string().nullable(),
    phone: z.string().nullable(),
    operatingShare: z.number().nullable(),
    clueId: z.number().int().nullable(),
    level: WarningLevelSchema.nullable(),
    lastVisitOn: z.string().nullable(),
  })
  .meta({ id: 'EventHousehold' });
export const EventHouseholdListSchema = z.object({ total: z.number().int(), items: z.array(EventHouseholdSchema) }).meta({ id: 'EventHouseholdList' });

// ---- sweep and dashboards ----
export const SweepResultSchema = z
  .object({
    asOf: z.string(),
    households: z.number().int(),
    firings: z.number().int(),
    cluesCreated: z.number().int(),
    cluesUpdated: z.number().int(),
    cluesResolved: z.number().int(),
    /** Counties evaluated in full, and counties where only the households that can have changed were. */
    fullCounties: z.number().int(),
    incrementalCounties: z.number().int(),
    /** Households evaluated again with explanations: in the incremental counties, and in the full counties those whose check differed. */
    householdsReevaluated: z.number().int(),
    ms: z.number(),
  })
  .meta({ id: 'SweepResult' });
export type SweepResult = z.infer<typeof SweepResultSchema>;

export const ClueStatsQuerySchema = z
  .object({
    division: z.string().regex(/^\d{0,12}$/).optional(),
    groupBy: z.enum(['status', 'riskType', 'channel', 'level']).default('status'),
    from: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  })
  .meta({ id: 'ClueStatsQuery' });
export type ClueStatsQuery = z.infer<typeof ClueStatsQuerySchema>;

export const ClueStatsSchema = z
  .object({
    division: z.string(),
    groupBy: z.string(),
    rows: z.array(z.object({ divisionCode: z.string(), divisionName: z.string().nullable(), month: z.string(), key: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'ClueStats' });
export type ClueStats = z.infer<typeof ClueStatsSchema>;
