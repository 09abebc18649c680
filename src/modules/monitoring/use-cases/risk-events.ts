import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps.js';
import { AppError, forbidden, invalidInput } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { canSeePersonalData, isInScope, scopePattern, withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { RiskEventRequestSchema, type RiskEvent, type RiskEventRequest } from '../contract.js';
import { sanitizeText } from '../domain/sanitize.js';
import { countyParams, sweepIn } from './run-sweep.js';

const EVENT_ROLES = ['county_admin', 'township_officer'];

/**
 * Records a risk event with the villages it affects (all inside the actor's scope) and immediately
 * screens the households of those villages: the set-based rules run for them in the same transaction,
 * so the event's clues (and any other findings) exist when the answer arrives. Audited.
 */
export async function createRiskEvent(deps: Deps, actor: Actor, input: RiskEventRequest): Promise<RiskEvent> {
  if (actor.role !== 'system' && !EVENT_ROLES.includes(actor.role)) throw forbidden(`role ${actor.role} may not record risk events`);
  const body = RiskEventRequestSchema.parse(input);
  const villages = [...new Set(body.villageCodes)];
  const outside = villages.filter((v) => !isInScope(actor, v));
  if (outside.length) throw new AppError('forbidden', 'villages outside scope', { details: outside.slice(0, 20).map((v) => ({ path: 'villageCodes', message: 'outside your scope', code: 'monitoring.outside_scope', value: v })) });
  const known = await deps.store.db.selectFrom('division').select('code').where('code', 'in', villages).where('level', '=', 5).execute();
  const knownSet = new Set(known.map((k) => k.code));
  const unknown = villages.filter((v) => !knownSet.has(v));
  if (unknown.length) throw invalidInput('unknown villages', unknown.slice(0, 20).map((v) => ({ path: 'villageCodes', message: 'unknown village', code: 'monitoring.unknown_village', value: v })));
  const at = deps.clock.now();
  const asOf = toLocalDate(at);
  return deps.store.db.transaction().execute(async (trx) => {
    const e = await trx
      .insertInto('risk_event')
      .values({
        county_code: villages[0].slice(0, 6),
        kind: body.kind,
        subtype: body.subtype ? sanitizeText(body.subtype, 40) : null,
        title: sanitizeText(body.title, 200),
        description: sanitizeText(body.description, 4000),
        occurred_on: body.occurredOn,
        severity: body.severity,
        industry: body.industry ? sanitizeText(body.industry, 40) : null,
        created_by: actor.userId,
        created_by_name: actor.name,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('risk_event_village').values(villages.map((v) => ({ event_id: e.id, village_code: v }))).execute();
    const counties = [...new Set(villages.map((v) => v.slice(0, 6)))];
    const r = await sweepIn(trx, at, asOf, counties, { villageCodes: villages });
    const households = await trx.selectFrom('registry_household').select((eb) => eb.fn.countAll<number>().as('n')).where('village_code', 'in', villages).executeTakeFirstOrThrow();
    const screening = { households: Number(households.n), cluesCreated: r.cluesCreated, cluesUpdated: r.cluesUpdated };
    await recordAudit(trx, actor, at, { action: 'monitoring.risk_event.create', entityType: 'risk_event', entityId: e.id, scopeCode: counties.length === 1 ? counties[0] : actor.scopePrefix, after: { ...body, screening } });
    return { ...(await loadEvent(trx, e.id))!, screening };
  });
}

async function loadEvent(db: Deps['store']['db'], id: number): Promise<RiskEvent | undefined> {
  const e = await db.selectFrom('risk_event').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) return undefined;
  const villages = await db.selectFrom('risk_event_village').select('village_code').where('event_id', '=', id).orderBy('village_code').execute();
  return {
    id: e.id,
    countyCode: e.county_code,
    kind: e.kind,
    subtype: e.subtype,
    title: e.title,
    description: e.description,
    occurredOn: e.occurred_on,
    severity: e.severity,
    industry: e.industry,
    villageCodes: villages.map((v) => v.village_code),
    createdByName: e.created_by_name,
  };
}

/** Events touching at least one village in the actor's scope, newest first (villages limited to the scope). */
export async function listRiskEvents(deps: Deps, actor: Actor): Promise<RiskEvent[]> {
  const rows = await deps.store.db
    .selectFrom('risk_event as e')
    .select('e.id')
    .where((eb) => eb.exists(eb.selectFrom('risk_event_village as v').select('v.event_id').whereRef('v.event_id', '=', 'e.id').where('v.village_code', 'like', scopePattern(actor))))
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();
  const out: RiskEvent[] = [];
  for (const r of rows) {
    const e = (await loadEvent(deps.store.db, r.id))!;
    out.push({ ...e, villageCodes: e.villageCodes.filter((v) => isInScope(actor, v)) });
  }
  return out;
}

/**
 * The households an event affects inside the actor's scope, as a visit list: every household of the
 * affected villages (for a market shock only those whose operating income share reaches the
 * parameter), with the head's name, phone, operating share, the event clue and the last visit.
 * Reads the registry's published views (registry_household, registry_income; decision 0005).
 */
export async function listEventHouseholds(deps: Deps, actor: Actor, eventId: number, page: { page: number; pageSize: number }) {
  if (!canSeePersonalData(actor)) throw forbidden('aggregates only');
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const e = await trx.selectFrom('risk_event').select(['id', 'kind', 'county_code']).where('id', '=', eventId).executeTakeFirst();
    const inScope = e && (await trx.selectFrom('risk_event_village').select('event_id').where('event_id', '=', eventId).where('village_code', 'like', scopePattern(actor)).executeTakeFirst());
    if (!e || !inScope) throw new AppError('not_found', 'risk event', { key: 'monitoring.unknown_event' });
    const asOf = toLocalDate(deps.clock.now());
    const [p] = await countyParams(trx, [e.county_code], asOf);
    const share = p.values['monitoring.event-operating-share'] ?? 0;
    const risk = e.kind === 'NATURAL_DISASTER' ? 'NATURAL_DISASTER' : e.kind === 'MARKET_SHOCK' ? 'INDUSTRY_FAILURE' : 'OTHER';
    const shareExpr = sql<number | null>`CASE WHEN i.wage_fen + i.operating_fen + i.property_fen + i.transfer_fen > 0
      THEN round(i.operating_fen::numeric / (i.wage_fen + i.operating_fen + i.property_fen + i.transfer_fen), 4)::float8 END`;
    const shockFilter = e.kind === 'MARKET_SHOCK'
      ? sql`AND i.household_id IS NOT NULL AND i.wage_fen + i.operating_fen + i.property_fen + i.transfer_fen > 0
            AND i.operating_fen::float8 >= ${share}::float8 * (i.wage_fen + i.operating_fen + i.property_fen + i.transfer_fen)::float8`
      : sql``;
    const from = sql`
      FROM registry_household h
      JOIN risk_event_village v ON v.village_code = h.village_code AND v.event_id = ${eventId}
      LEFT JOIN registry_income i ON i.household_id = h.id AND i.year = ${p.refYear}
      WHERE h.village_code LIKE ${scopePattern(actor)} ${shockFilter}`;
    const total = await sql<{ n: number }>`SELECT count(*)::int AS n ${from}`.execute(trx);
    const listed = await sql<{ id: number; household_no: string; village_code: string; head_name: string | null; phone: string | null; share: number | null; clue_id: number | null; level: string | null; last_visit: string | null }>`
      SELECT h.id, h.household_no, h.village_code, h.phone, h.head_name,
        ${shareExpr} AS share,
        (SELECT c.id FROM risk_clue c WHERE c.household_id = h.id AND c.risk_type = ${risk} AND c.status <> 'CLOSED' ORDER BY c.id DESC LIMIT 1) AS clue_id,
        (SELECT c.level FROM risk_clue c WHERE c.household_id = h.id AND c.risk_type = ${risk} AND c.status <> 'CLOSED' ORDER BY c.id DESC LIMIT 1) AS level,
        (SELECT to_char(max(vr.visited_on), 'YYYY-MM-DD') FROM visit_record vr WHERE vr.household_id = h.id) AS last_visit
      ${from}
      ORDER BY h.village_code, h.id
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(trx);
    return {
      total: total.rows[0].n,
      items: listed.rows.map((r) => ({
        householdId: Number(r.id),
        householdNo: r.household_no,
        villageCode: r.village_code,
        headName: r.head_name,
        phone: r.phone,
        operatingShare: r.share === null ? null : Number(r.share),
        clueId: r.clue_id === null ? null : Number(r.clue_id),
        level: r.level as 'RED' | 'YELLOW' | 'BLUE' | null,
        lastVisitOn: r.last_visit,
      })),
    };
  });
}
