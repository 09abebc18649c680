import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * The single Kysely description of the database, grouped by owner module. Only the owner's store
 * writes a table. bigint and numeric arrive as numbers and `date` as `YYYY-MM-DD` (src/platform/db.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** A published read-only view (migration 0011): selectable, never inserted or updated. */
type ReadOnly<T> = { [K in keyof T]: ColumnType<T[K], never, never> };

// ---- divisions ----
export interface DivisionTable {
  code: string;
  prefix: string;
  name: string;
  level: number;
  parent_code: string | null;
  flags: Json<Record<string, boolean>>;
}

// ---- registry ----
export interface HouseholdTable {
  id: Generated<number>;
  county_code: string;
  village_code: string;
  household_no: string;
  household_type: 'GENERAL' | 'POVERTY_EXITED';
  address: string | null;
  phone: string | null;
  is_relocated: Generated<boolean>;
  is_military_family: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  village_code: string;
  name: string;
  id_number: string;
  gender: 'M' | 'F';
  birth_date: DateText;
  relation: string;
  ethnicity: Generated<string>;
  education: string | null;
  student_status: string | null;
  health_status: Generated<string>;
  labor_skill: string;
  migrant_months: Generated<number>;
  migrant_place: string | null;
  has_medical_insurance: Generated<boolean>;
  has_pension_insurance: Generated<boolean>;
  is_dibao: Generated<boolean>;
  is_tekun: Generated<boolean>;
  public_welfare_job: Generated<boolean>;
}

export interface IncomeRecordTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  village_code: string;
  year: number;
  household_size: number;
  wage_fen: Generated<number>;
  operating_fen: Generated<number>;
  property_fen: Generated<number>;
  transfer_fen: Generated<number>;
  production_cost_fen: Generated<number>;
  out_of_pocket_medical_fen: Generated<number>;
  net_income_fen: ColumnType<number, never, never>;
  per_capita_net_fen: ColumnType<number, never, never>;
}

export interface GuaranteeStatusTable {
  household_id: number;
  county_code: string;
  village_code: string;
  as_of: DateText;
  food_clothing_ok: Generated<boolean>;
  housing_unsafe: Generated<boolean>;
  house_grade: 'A' | 'B' | 'C' | 'D' | null;
  dropout_child: Generated<boolean>;
  member_uninsured: Generated<boolean>;
  water_unsafe: Generated<boolean>;
  water_liters_per_day: number | null;
  water_trip_minutes: number | null;
  water_interruption_days: number | null;
}

/**
 * (registry, 0011, 0013) Read-only views the registry publishes for other modules' reads: projections of
 * its tables (docs/decisions/0005-reads-across-modules.md). Per-household lookups inside another
 * module's transaction go through the registry's functions instead (registry/index.ts).
 */
export type RegistryHouseholdView = ReadOnly<
  Pick<Selectable<HouseholdTable>, 'id' | 'county_code' | 'village_code' | 'household_no' | 'household_type' | 'is_relocated' | 'updated_at' | 'phone'> & {
    head_name: string | null;
    member_count: number;
  }
>;
/** Members' facts: no name, ID number or migrant place. */
export type RegistryPersonView = ReadOnly<Omit<Selectable<PersonTable>, 'name' | 'id_number' | 'migrant_place'>>;
export type RegistryIncomeView = ReadOnly<Selectable<IncomeRecordTable>>;
export type RegistryGuaranteeView = ReadOnly<Selectable<GuaranteeStatusTable>>;

// ---- registry: import-export (migration 0004) ----
export interface RegistryImportTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  scope_code: string;
  file_name: string;
  file_sha256: string;
  incomes_file_name: string | null;
  incomes_sha256: string | null;
  summary: Json;
}

export interface RegistryImportChangeTable {
  import_id: number;
  household_id: number;
  county_code: string;
  village_code: string;
  change: 'insert' | 'update';
  parts: string[];
  before: Json | null;
}

// ---- access ----
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  scope_prefix: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface AppSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

// ---- audit ----
export interface AuditEventTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  scope_code: string | null;
  before: Json | null;
  after: Json | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** (audit, 0002) The single-row head of the chain: last seq and hash, updated with every event. */
export interface AuditChainHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
  events: number;
}

// ---- platform ----
export interface JobTable {
  id: Generated<number>;
  kind: string;
  params: Json;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: Generated<number>;
  result: Json | null;
  error: Json | null;
  created_by: number | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface AppSettingTable {
  key: string;
  value: Json;
}

// ---- parameters (0005): county/province overrides of dated parameter defaults ----
export interface ParameterOverrideTable {
  id: Generated<number>;
  parameter_id: string;
  scope_code: string;
  effective_from: DateText;
  value: number;
  doc_no: string;
  doc_title: string;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

// ---- monitoring (0005): risk clues, their sources, declarations, visits, department files, risk events ----
export interface RiskClueTable {
  id: Generated<number>;
  household_id: number | null;
  person_id: number | null;
  county_code: string;
  village_code: string;
  risk_type: string;
  level: 'RED' | 'YELLOW' | 'BLUE';
  channel: string;
  source: string;
  source_dept: string | null;
  rule_id: string | null;
  explanation: Json;
  fingerprint: string;
  subject: Json | null;
  status: Generated<'OPEN' | 'IN_CASE' | 'CLOSED'>;
  case_id: number | null;
  closed_reason: string | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RiskClueSourceTable {
  id: Generated<number>;
  clue_id: number;
  village_code: string;
  channel: string;
  source: string;
  source_dept: string | null;
  reported_at: Timestamp;
  detail: Json;
}

export interface SelfDeclarationTable {
  id: Generated<number>;
  reference: string;
  county_code: string;
  village_code: string;
  declarant_name: string;
  id_number: string | null;
  phone: string | null;
  risk_types: string[];
  description: string;
  household_id: number | null;
  person_id: number | null;
  client_hash: string;
  received_at: Timestamp;
}

export interface VisitRecordTable {
  id: Generated<number>;
  household_id: number;
  county_code: string;
  village_code: string;
  visited_on: DateText;
  visitors: string[];
  risk_types: Generated<string[]>;
  note: Generated<string>;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface DepartmentImportTable {
  id: Generated<number>;
  department: string;
  file_name: string;
  scope_code: string;
  rows_total: number;
  rows_matched: number;
  rows_unmatched: number;
  clues_created: number;
  clues_updated: number;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface RiskEventTable {
  id: Generated<number>;
  county_code: string;
  kind: 'NATURAL_DISASTER' | 'MARKET_SHOCK' | 'EPIDEMIC' | 'OTHER';
  subtype: string | null;
  title: string;
  description: Generated<string>;
  occurred_on: DateText;
  severity: 'RED' | 'YELLOW' | 'BLUE';
  industry: string | null;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface RiskEventVillageTable {
  event_id: number;
  village_code: string;
}

/** monitoring (0010): what the last sweep of each county saw. */
export interface MonitoringSweepStateTable {
  county_code: string;
  as_of: DateText;
  at: Timestamp;
  params_hash: string;
  last_full_at: Timestamp;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

// ---- cases (0006): monitoring cases, their steps with evidence, public notices, objections, holiday calendar ----
export interface MonitoringCaseTable {
  id: Generated<number>;
  county_code: string;
  village_code: string;
  household_id: number;
  clue_id: number | null;
  category: string;
  risks: string[];
  disaster_subtype: string | null;
  channel: string;
  source: string | null;
  assist_first: Generated<boolean>;
  status: string;
  opened_by: number | null;
  opened_at: Timestamp;
  opened_on: DateText;
  due_on: string | null;
  procedure_due_on: string | null;
  identified_on: string | null;
  elimination_type: string | null;
  eliminated_on: string | null;
  notice_id: number | null;
  closed_reason: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** (cases, 0011) Read-only view the cases module publishes for analytics: the case's household, place, status and dates. */
export type CasesMonitoringCaseView = ReadOnly<{
  id: number;
  household_id: number;
  county_code: string;
  village_code: string;
  status: string;
  category: string;
  risks: string[];
  opened_on: string;
  identified_on: string | null;
  elimination_type: string | null;
  eliminated_on: string | null;
}>;

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  county_code: string;
  village_code: string;
  at: Timestamp;
  on_date: DateText;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  evidence: Json;
  note: string | null;
  case_version: number;
}

export interface CaseNoticeTable {
  id: Generated<number>;
  notice_key: string;
  county_code: string;
  village_code: string;
  kind: 'PUBLICITY' | 'ANNOUNCEMENT';
  procedure: 'IDENTIFICATION' | 'ELIMINATION';
  start_date: DateText;
  end_date: string | null;
  objection_contact: string | null;
  document_no: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface CaseNoticeEntryTable {
  notice_id: number;
  case_id: number;
  county_code: string;
  village_code: string;
}

export interface CaseObjectionTable {
  id: Generated<number>;
  notice_id: number;
  case_id: number;
  county_code: string;
  village_code: string;
  received_on: DateText;
  objector: string | null;
  content: string;
  status: Generated<'PENDING' | 'FOUNDED' | 'UNFOUNDED'>;
  resolution: string | null;
  recorded_by: number | null;
  resolved_by: number | null;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  version: Generated<number>;
}

export interface CaseCalendarDayTable {
  day: DateText;
  is_working: boolean;
  note: Generated<string>;
}

// ---- assistance (0007): one plan per monitored household, its measures, the risk → measure mapping ----
export interface AssistancePlanTable {
  id: Generated<number>;
  household_id: number;
  case_id: number;
  county_code: string;
  village_code: string;
  responsible_user_id: number | null;
  responsible_name: string;
  first_measure_due_on: string | null;
  income_after_fen: number | null;
  guarantees_after: Json | null;
  effect_note: string | null;
  effect_recorded_on: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AssistanceMeasureTable {
  id: Generated<number>;
  plan_id: number;
  household_id: number;
  county_code: string;
  village_code: string;
  category: string;
  description: string;
  responsible_user_id: number | null;
  responsible_name: string;
  amount_fen: Generated<number>;
  start_date: DateText;
  end_date: string | null;
  status: Generated<'PLANNED' | 'IMPLEMENTING' | 'IMPLEMENTED'>;
  implemented_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RiskMeasureMappingTable {
  scope_code: Generated<string>;
  risk: string;
  categories: string[];
  updated_by: number | null;
  updated_at: Timestamp;
}

/** Read-only view published by assistance (measures per household; 0007, writes revoked in 0011). */
export type AssistanceHouseholdSummaryView = ReadOnly<{
  household_id: number;
  village_code: string;
  measures: number;
  implemented: number;
  started: number;
}>;

// ---- evaluation (0008): county replacements of the shipped evaluation specifications (MPI) ----
export interface EvaluationSpecTable {
  kind: 'mpi';
  scope_code: string;
  spec: Json;
  version: Generated<number>;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface Database {
  division: DivisionTable;
  household: HouseholdTable;
  person: PersonTable;
  income_record: IncomeRecordTable;
  guarantee_status: GuaranteeStatusTable;
  // registry's published views (0011)
  registry_household: RegistryHouseholdView;
  registry_person: RegistryPersonView;
  registry_income: RegistryIncomeView;
  registry_guarantee: RegistryGuaranteeView;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  job: JobTable;
  app_setting: AppSettingTable;
  schema_migration: SchemaMigrationTable;
  registry_import: RegistryImportTable; // registry import-export
  registry_import_change: RegistryImportChangeTable; // registry import-export
  // monitoring + parameters (0005)
  parameter_override: ParameterOverrideTable;
  risk_clue: RiskClueTable;
  risk_clue_source: RiskClueSourceTable;
  self_declaration: SelfDeclarationTable;
  visit_record: VisitRecordTable;
  department_import: DepartmentImportTable;
  risk_event: RiskEventTable;
  risk_event_village: RiskEventVillageTable;
  monitoring_sweep_state: MonitoringSweepStateTable; // (0010)
  // cases (0006)
  monitoring_case: MonitoringCaseTable;
  case_event: CaseEventTable;
  case_notice: CaseNoticeTable;
  case_notice_entry: CaseNoticeEntryTable;
  case_objection: CaseObjectionTable;
  case_calendar_day: CaseCalendarDayTable;
  cases_monitoring_case: CasesMonitoringCaseView; // published view (0011)
  // assistance (0007)
  assistance_plan: AssistancePlanTable;
  assistance_measure: AssistanceMeasureTable;
  risk_measure_mapping: RiskMeasureMappingTable;
  assistance_household_summary: AssistanceHouseholdSummaryView;
  evaluation_spec: EvaluationSpecTable; // evaluation (0008)
}

// ---- evaluation/indicators (0009): revitalisation indicator systems and values (interface merged into Database) ----
export interface IndicatorSystemTable {
  county_code: string;
  /** The tree, validated by IndicatorSystemInputSchema on the way in and out. */
  definition: Json;
  version: Generated<number>;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface IndicatorValueTable {
  county_code: string;
  division_code: string;
  year: number;
  indicator_code: string;
  value: number;
  source: 'import' | 'demo' | 'manual';
  updated_at: Timestamp;
}

export interface Database {
  indicator_system: IndicatorSystemTable;
  indicator_value: IndicatorValueTable;
}
