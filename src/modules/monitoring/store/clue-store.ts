import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../access/index.js';
import { scopePattern } from '../../access/index.js';
import { LEVEL_RANK, type Channel, type ClueFinding, type Department, type RiskClue, type RiskClueDetail, type RiskType, type WarningLevel } from '../contract.js';

/** Owns tables risk_clue and risk_clue_source. Rows never leave this file: they map to RiskClue. */
type Db = Kysely<Database> | Transaction<Database>;

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The department file a DEPT_WARNING clue came from (source `department:<dept>#<importId>:<row>`),
 * as a correlated primary-key lookup for the listed rows.
 */
export const sourceFileSql = sql<string | null>`(SELECT d.file_name FROM department_import d
  WHERE c.source_dept IS NOT NULL AND d.id = CAST(NULLIF(substring(c.source from '#([0-9]+):'), '') AS integer))`;

export const clueColumns = [
  'c.id',
  'c.household_id',
  'c.person_id',
  'c.county_code',
  'c.village_code',
  'c.risk_type',
  'c.level',
  'c.channel',
  'c.source',
  'c.source_dept',
  'c.rule_id',
  'c.explanation',
  'c.subject',
  'c.status',
  'c.case_id',
  'c.closed_reason',
  'c.first_seen_at',
  'c.last_seen_at',
  'c.updated_at',
  'c.version',
] as const;

/** What a clue shows of its household, from the registry's view joined as `h` (decision 0005). */
export const householdColumns = ['h.household_no', 'h.head_name'] as const;

export interface ClueRow {
  id: number;
  household_id: number | null;
  person_id: number | null;
  county_code: string;
  village_code: string;
  risk_type: string;
  level: string;
  channel: string;
  source: string;
  source_dept: string | null;
  rule_id: string | null;
  explanation: unknown;
  subject: unknown;
  status: string;
  case_id: number | null;
  closed_reason: string | null;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
  updated_at: Date | string;
  version: number;
  household_no?: string | null;
  head_name?: string | null;
  source_file?: string | null;
}

export function toClue(r: ClueRow): RiskClue {
  return {
    id: r.id,
    householdId: r.household_id,
    householdNo: r.household_no ?? null,
    headName: r.head_name ?? null,
    personId: r.person_id,
    countyCode: r.county_code,
    villageCode: r.village_code,
    riskType: r.risk_type as RiskType,
    level: r.level as WarningLevel,
    channel: r.channel as Channel,
    source: r.source,
    sourceDept: r.source_dept as Department | null,
    sourceFile: r.source_file ?? null,
    ruleId: r.rule_id,
    explanation: (r.explanation ?? []) as ClueFinding[],
    subject: (r.subject ?? null) as Record<string, unknown> | null,
    status: r.status as RiskClue['status'],
    caseId: r.case_id,
    closedReason: r.closed_reason,
    firstSeenAt: iso(r.first_seen_at),
    lastSeenAt: iso(r.last_seen_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** A clue with its household number and head's name, inside the actor's scope, or undefined. */
export async function findClue(db: Db, actor: Actor, id: number): Promise<RiskClueDetail | undefined> {
  const row = await db
    .selectFrom('risk_clue as c')
    .leftJoin('registry_household as h', 'h.id', 'c.household_id')
    .select([...clueColumns, ...householdColumns])
    .select(sourceFileSql.as('source_file'))
    .where('c.id', '=', id)
    .where('c.village_code', 'like', scopePattern(actor))
    .executeTakeFirst();
  if (!row) return undefined;
  const sources = await db
    .selectFrom('risk_clue_source')
    .select(['channel', 'source', 'source_dept', 'reported_at', 'detail'])
    .where('clue_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...toClue(row as ClueRow),
    sources: sources.map((s) => ({
      channel: s.channel as Channel,
      source: s.source,
      sourceDept: s.source_dept as Department | null,
      reportedAt: iso(s.reported_at),
      detail: (s.detail ?? {}) as Record<string, unknown>,
    })),
  };
}

export interface ClueReport {
  householdId: number | null;
  personId: number | null;
  countyCode: string;
  villageCode: string;
  riskType: RiskType;
  level: WarningLevel;
  channel: Channel;
  source: string;
  sourceDept: Department | null;
  ruleId: string | null;
  finding: ClueFinding;
  fingerprint: string;
  subject?: Record<string, unknown> | null;
  detail?: Record<string, unknown>;
}

/**
 * Records one report from a manual channel (declaration, visit, department row, hotline, event):
 * merged into the household's OPEN or IN_CASE clue for the same risk (level raised, finding and
 * source added), otherwise a new OPEN clue. Returns the clue id and whether it was created.
 */
export async function reportClue(trx: Transaction<Database>, at: Date, r: ClueReport): Promise<{ id: number; created: boolean }> {
  let existing: { id: number; level: string; explanation: unknown } | undefined;
  if (r.householdId !== null) {
    existing = await trx
      .selectFrom('risk_clue')
      .select(['id', 'level', 'explanation'])
      .where('household_id', '=', r.householdId)
      .where('risk_type', '=', r.riskType)
      .where('status', 'in', ['OPEN', 'IN_CASE'])
      .orderBy('status') // IN_CASE before OPEN
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
  }
  let id: number;
  let created: boolean;
  if (existing) {
    const level = LEVEL_RANK[r.level] > LEVEL_RANK[existing.level as WarningLevel] ? r.level : (existing.level as WarningLevel);
    const explanation = [...((existing.explanation ?? []) as ClueFinding[]), r.finding].slice(-20);
    await trx
      .updateTable('risk_clue')
      .set({ level, explanation: JSON.stringify(explanation), last_seen_at: at, updated_at: at, version: sql`version + 1` })
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
    created = false;
  } else {
    const row = await trx
      .insertInto('risk_clue')
      .values({
        household_id: r.householdId,
        person_id: r.personId,
        county_code: r.countyCode,
        village_code: r.villageCode,
        risk_type: r.riskType,
        level: r.level,
        channel: r.channel,
        source: r.source,
        source_dept: r.sourceDept,
        rule_id: r.ruleId,
        explanation: JSON.stringify([r.finding]),
        fingerprint: r.fingerprint,
        subject: r.subject ? JSON.stringify(r.subject) : null,
        first_seen_at: at,
        last_seen_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
    created = true;
  }
  await trx
    .insertInto('risk_clue_source')
    .values({ clue_id: id, village_code: r.villageCode, channel: r.channel, source: r.source, source_dept: r.sourceDept, reported_at: at, detail: JSON.stringify(r.detail ?? {}) })
    .execute();
  return { id, created };
}

/** Locks and reads a clue's status/version inside the actor's scope. */
export async function lockClue(trx: Transaction<Database>, actor: Actor, id: number) {
  return trx
    .selectFrom('risk_clue')
    .select(['id', 'status', 'version', 'village_code', 'household_id', 'risk_type', 'case_id'])
    .where('id', '=', id)
    .where('village_code', 'like', scopePattern(actor))
    .forUpdate()
    .executeTakeFirst();
}

export async function setClueStatus(
  trx: Transaction<Database>,
  id: number,
  at: Date,
  change: { status: 'IN_CASE' | 'CLOSED' | 'OPEN'; caseId?: number | null; closedReason?: string | null },
): Promise<void> {
  await trx
    .updateTable('risk_clue')
    .set({
      status: change.status,
      ...(change.caseId !== undefined ? { case_id: change.caseId } : {}),
      ...(change.closedReason !== undefined ? { closed_reason: change.closedReason } : {}),
      updated_at: at,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}
