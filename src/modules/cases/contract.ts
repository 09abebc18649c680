/**
 * Request and response schemas of the cases API (zod; ids name the OpenAPI components). Evidence is
 * a discriminated union on `action`: each step names the documents it needs (domain.md 2.4).
 */
import { z } from 'zod';


export const CASE_STATUS_VALUES = ['CLUE', 'VERIFYING', 'COMPARING', 'VILLAGE_REVIEW', 'PUBLICITY', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL', 'ANNOUNCED', 'MONITORING', 'ELIM_PROPOSED', 'ELIM_VERIFYING', 'ELIM_REVIEW', 'ELIM_PUBLICITY', 'ELIM_TOWNSHIP', 'ELIM_COUNTY', 'ELIMINATED', 'REJECTED', 'CLOSED'] as const;
export const CATEGORY_VALUES = ['UNSTABLE_EXITED', 'MARGINAL', 'SUDDEN_HARDSHIP'] as const;
export const RISK_VALUES = ['ILLNESS', 'DISABILITY', 'EDUCATION', 'NATURAL_DISASTER', 'ACCIDENT', 'INDUSTRY_FAILURE', 'UNSTABLE_EMPLOYMENT', 'LACK_OF_LABOR', 'UNSAFE_HOUSING', 'UNSAFE_WATER', 'OTHER'] as const;
export const DISASTER_SUBTYPE_VALUES = ['FLOOD', 'GEOLOGICAL', 'DROUGHT', 'BIOLOGICAL', 'METEOROLOGICAL', 'EARTHQUAKE', 'OTHER'] as const;
export const CHANNEL_VALUES = ['SELF_DECLARATION', 'CADRE_SCREENING', 'DEPT_WARNING', 'SUPERVISION_FEEDBACK', 'PLATFORM_ANALYSIS'] as const;

export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'case.date_format' });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Count = z.number().int().min(0).max(100_000);

export const CheckerSchema = z.object({ name: Text(50), unit: z.string().trim().max(100).optional() });
/** 入户核实 record: who checked (≥ 2 persons), when, what was found. */
export const VisitSchema = z.object({
  date: DateSchema,
  checkers: z.array(CheckerSchema).min(2, { error: 'case.checkers_min' }).max(10),
  findings: Text(4000),
  perCapitaNetFen: z.number().int().optional(),
});
/** 申请及承诺授权查询书, signed (or thumb-printed; proxy filling allowed). */
export const AuthorisationSchema = z.object({
  signed: z.literal(true),
  signedOn: DateSchema,
  signer: Text(50),
  byProxy: z.boolean().default(false),
  documentRef: Text(200),
});
/** 信息比对 result fed back by the county. */
export const ComparisonSchema = z.object({
  date: DateSchema,
  departments: z.array(Text(50)).min(1).max(20),
  result: z.enum(['CLEAR', 'HIDDEN_ASSETS_OR_INCOME']),
  findings: z.string().trim().max(4000).optional(),
  documentRef: z.string().trim().max(200).optional(),
});
/** 民主评议 minutes with votes. */
export const MinutesSchema = z.object({
  date: DateSchema,
  attendees: z.number().int().min(1).max(100_000),
  votesFor: Count,
  votesAgainst: Count,
  abstentions: Count.default(0),
  summary: Text(4000),
});
/** The notice (公示) that follows a passed review. Days are counted inclusive of both ends. */
export const NoticePlanSchema = z.object({ startDate: DateSchema, endDate: DateSchema, objectionContact: Text(200) });
export const ReviewOpinionSchema = z.object({ date: DateSchema, opinion: Text(2000), onSiteCheck: z.boolean().default(false) });
export const ApprovalSchema = z.object({ documentNo: Text(100), date: DateSchema });
export const EliminationFormsSchema = z.object({
  collectionFormRef: Text(200), // 风险消除信息采集表
  measuresFormRef: Text(200), // 帮扶措施落实情况表
  assessmentFormRef: Text(200), // 风险消除评估表
});

const Reason = Text(2000);
const V = z.number().int().min(1);
const Note = z.string().trim().max(2000).optional();

export const TransitionRequestSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('assign'), version: V, note: Note, evidence: z.object({ contactUserId: z.number().int().optional() }).default({}) }),
    z.object({ action: z.literal('submit_verification'), version: V, note: Note, evidence: z.object({ visit: VisitSchema, authorisation: AuthorisationSchema }) }),
    z.object({ action: z.literal('record_comparison'), version: V, note: Note, evidence: z.object({ comparison: ComparisonSchema }) }),
    z.object({ action: z.literal('record_review'), version: V, note: Note, evidence: z.object({ minutes: MinutesSchema, notice: NoticePlanSchema }) }),
    z.object({ action: z.literal('close_publicity'), version: V, note: Note, evidence: z.object({ summary: Text(2000), photoRef: z.string().trim().max(200).optional() }) }),
    z.object({ action: z.literal('township_pass'), version: V, note: Note, evidence: z.object({ review: ReviewOpinionSchema }) }),
    z.object({ action: z.literal('township_return'), version: V, note: Note, evidence: z.object({ reason: Reason }) }),
    z.object({ action: z.literal('county_approve'), version: V, note: Note, evidence: z.object({ approval: ApprovalSchema }) }),
    z.object({ action: z.literal('start_monitoring'), version: V, note: Note, evidence: z.object({ enteredOn: DateSchema, systemRef: z.string().trim().max(200).optional() }) }),
    z.object({
      action: z.literal('reject'),
      version: V,
      note: Note,
      evidence: z.object({
        reason: Reason,
        visit: VisitSchema.optional(),
        comparison: ComparisonSchema.optional(),
        minutes: MinutesSchema.optional(),
        objectionId: z.number().int().optional(),
        approval: ApprovalSchema.optional(),
      }),
    }),
    z.object({
      action: z.literal('propose_elimination'),
      version: V,
      note: Note,
      evidence: z.object({
        eliminationType: z.enum(['BY_ASSISTANCE', 'NATURAL']),
        incomeStableSince: DateSchema,
        rigidExpensesResolved: z.boolean(),
        naturalReason: z.string().trim().max(2000).optional(),
      }),
    }),
    z.object({ action: z.literal('assign_elim_verification'), version: V, note: Note, evidence: z.object({}).default({}) }),
    z.object({ action: z.literal('submit_elim_verification'), version: V, note: Note, evidence: z.object({ visit: VisitSchema, forms: EliminationFormsSchema }) }),
    z.object({ action: z.literal('record_elim_review'), version: V, note: Note, evidence: z.object({ minutes: MinutesSchema, notice: NoticePlanSchema }) }),
    z.object({ action: z.literal('close_elim_publicity'), version: V, note: Note, evidence: z.object({ summary: Text(2000), photoRef: z.string().trim().max(200).optional() }) }),
    z.object({ action: z.literal('elim_township_pass'), version: V, note: Note, evidence: z.object({ review: ReviewOpinionSchema }) }),
    z.object({ action: z.literal('approve_elimination'), version: V, note: Note, evidence: z.object({ approval: ApprovalSchema }) }),
    z.object({ action: z.literal('reject_elimination'), version: V, note: Note, evidence: z.object({ reason: Reason, objectionId: z.number().int().optional() }) }),
    z.object({ action: z.literal('rollback'), version: V, note: Note, evidence: z.object({ reason: Reason, approval: ApprovalSchema }) }),
    z.object({ action: z.literal('reinclude'), version: V, note: Note, evidence: z.object({ newRisks: z.array(z.enum(RISK_VALUES)).min(1).max(5), reason: Reason, approval: ApprovalSchema }) }),
    z.object({ action: z.literal('close'), version: V, note: Note, evidence: z.object({ reason: z.enum(['MERGED', 'DECEASED', 'MOVED', 'OTHER']), explanation: Reason }) }),
  ])
  .meta({ id: 'CaseTransitionRequest' });
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;
export type Evidence<A extends TransitionRequest['action']> = Extract<TransitionRequest, { action: A }>['evidence'];

export const OpenCaseRequestSchema = z
  .object({
    householdId: z.number().int().positive(),
    category: z.enum(CATEGORY_VALUES),
    risks: z.array(z.enum(RISK_VALUES)).min(1).max(5),
    disasterSubtype: z.enum(DISASTER_SUBTYPE_VALUES).optional(),
    channel: z.enum(CHANNEL_VALUES),
    source: z.string().trim().max(200).optional(),
    clueId: z.number().int().positive().optional(),
    assistFirst: z.boolean().default(false),
    note: Note,
  })
  .meta({ id: 'OpenCaseRequest' });
export type OpenCaseRequest = z.infer<typeof OpenCaseRequestSchema>;

export const CaseSchema = z
  .object({
    id: z.number(),
    householdId: z.number(),
    householdNo: z.string(),
    headName: z.string().nullable(),
    countyCode: z.string(),
    villageCode: z.string(),
    category: z.enum(CATEGORY_VALUES),
    risks: z.array(z.enum(RISK_VALUES)),
    disasterSubtype: z.enum(DISASTER_SUBTYPE_VALUES).nullable(),
    channel: z.enum(CHANNEL_VALUES),
    source: z.string().nullable(),
    clueId: z.number().nullable(),
    assistFirst: z.boolean(),
    status: z.enum(CASE_STATUS_VALUES),
    version: z.number(),
    openedAt: z.string(),
    openedOn: z.string(),
    dueOn: z.string().nullable(),
    procedureDueOn: z.string().nullable(),
    overdue: z.boolean(),
    identifiedOn: z.string().nullable(),
    eliminationType: z.enum(['BY_ASSISTANCE', 'NATURAL']).nullable(),
    eliminatedOn: z.string().nullable(),
    allowedActions: z.array(z.string()),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof CaseSchema>;

export const CaseEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    onDate: z.string(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    actorId: z.number().nullable(),
    actorName: z.string(),
    actorRole: z.string(),
    evidence: z.unknown(),
    note: z.string().nullable(),
  })
  .meta({ id: 'CaseEvent' });

export const NoticeSummarySchema = z
  .object({
    id: z.number(),
    villageCode: z.string(),
    kind: z.enum(['PUBLICITY', 'ANNOUNCEMENT']),
    procedure: z.enum(['IDENTIFICATION', 'ELIMINATION']),
    startDate: z.string(),
    endDate: z.string().nullable(),
    objectionContact: z.string().nullable(),
    documentNo: z.string().nullable(),
  })
  .meta({ id: 'NoticeSummary' });

export const ObjectionSchema = z
  .object({
    id: z.number(),
    noticeId: z.number(),
    caseId: z.number(),
    receivedOn: z.string(),
    objector: z.string().nullable(),
    content: z.string(),
    status: z.enum(['PENDING', 'FOUNDED', 'UNFOUNDED']),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'Objection' });

export const CasePageSchema = z
  .object({
    case: CaseSchema,
    household: z.object({
      id: z.number(),
      householdNo: z.string(),
      householdType: z.string(),
      villageCode: z.string(),
      villageName: z.string().nullable(),
      size: z.number(),
      hasLabour: z.boolean(),
      latestIncome: z.object({ year: z.number(), perCapitaNetFen: z.number() }).nullable(),
    }),
    timeline: z.array(CaseEventSchema),
    notices: z.array(NoticeSummarySchema),
    objections: z.array(ObjectionSchema),
    /** The server's date (the clock steps are checked against), for the step form's defaults. */
    today: z.string(),
  })
  .meta({ id: 'CasePage' });
export type CasePage = z.infer<typeof CasePageSchema>;

export const CaseListQuerySchema = z.object({
  status: z.enum(CASE_STATUS_VALUES).optional(),
  village: z.string().regex(/^\d{2,12}$/).optional(),
  householdId: z.coerce.number().int().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseListSchema = z.object({ total: z.number(), items: z.array(CaseSchema) }).meta({ id: 'CaseList' });

export const ObjectionRequestSchema = z
  .object({ caseId: z.number().int().positive(), receivedOn: DateSchema, objector: z.string().trim().max(50).optional(), content: Text(4000) })
  .meta({ id: 'ObjectionRequest' });
export const ResolveObjectionRequestSchema = z
  .object({ finding: z.enum(['FOUNDED', 'UNFOUNDED']), resolution: Text(4000) })
  .meta({ id: 'ResolveObjectionRequest' });

export const DashboardSchema = z
  .object({
    scopePrefix: z.string(),
    asOf: z.string(),
    monitored: z.number(),
    inProcedure: z.number(),
    overdue: z.number(),
    eliminated: z.number(),
    rejected: z.number(),
    byCategory: z.record(z.string(), z.number()),
    byRisk: z.record(z.string(), z.number()),
    byStatus: z.record(z.string(), z.number()),
    byDivision: z.array(z.object({ code: z.string(), name: z.string().nullable(), monitored: z.number(), inProcedure: z.number(), overdue: z.number(), eliminated: z.number() })),
    trend: z.array(z.object({ month: z.string(), identified: z.number(), eliminated: z.number() })),
  })
  .meta({ id: 'CaseDashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;
