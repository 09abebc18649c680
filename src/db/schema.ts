import type { ColumnType, Generated } from 'kysely';

/**
 * The single Kysely description of the database, grouped by owner module. Only the owner's store
 * writes a table. bigint and numeric arrive as numbers and `date` as `YYYY-MM-DD` (src/platform/db.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

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

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  division: DivisionTable;
  household: HouseholdTable;
  person: PersonTable;
  income_record: IncomeRecordTable;
  guarantee_status: GuaranteeStatusTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  audit_event: AuditEventTable;
  job: JobTable;
  app_setting: AppSettingTable;
  schema_migration: SchemaMigrationTable;
}
