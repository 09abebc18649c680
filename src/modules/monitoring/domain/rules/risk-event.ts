import { LEVEL_RANK, type RiskType } from '../../contract.js';
import { fp, incomeOf, referenceYear, type EventFacts, type Rule, type RuleFiring } from '../facts.js';

/** Risk type of a clue raised by an event kind. */
export const EVENT_RISK: Record<EventFacts['kind'], RiskType> = {
  NATURAL_DISASTER: 'NATURAL_DISASTER',
  MARKET_SHOCK: 'INDUSTRY_FAILURE',
  EPIDEMIC: 'OTHER',
  OTHER: 'OTHER',
};

/** `date` minus `days` as YYYY-MM-DD. */
export function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 风险事件: a recorded disaster, market shock, epidemic or other event in the household's village within
 * the window. A market shock affects only households whose production-operating income is at least the
 * set share of their gross income (the registry has no industry tag per household; see the report).
 * Level = the event's severity; per risk type the most severe (then most recent) event counts.
 */
export const riskEventRule: Rule = {
  id: 'risk-event',
  riskType: 'BY_EVENT',
  label: { zh: '村内发生灾害或其他风险事件', en: 'Disaster or other risk event in the village' },
  explanation: {
    zh: '家庭所在村在影响期内登记了自然灾害、市场冲击、疫情或其他风险事件；市场冲击仅涉及生产经营性收入占比达到设定比例的家庭。预警等级取事件等级。',
    en: 'The household’s village has a natural disaster, market shock, epidemic or other event within the window; a market shock only concerns households whose operating income share reaches the set share. Level = the event severity.',
  },
  inputs: ['risk_event + risk_event_village', 'income_record.operating_fen and gross income (market shocks)'],
  parameters: ['monitoring.event-window-days', 'monitoring.event-operating-share', 'monitoring.income-reference-lag-years'],
  levels: ['RED', 'YELLOW', 'BLUE'],
  evaluate(f, ctx) {
    const window = ctx.params['monitoring.event-window-days'] ?? 0;
    const share = ctx.params['monitoring.event-operating-share'] ?? 0;
    const from = minusDays(ctx.asOf, window);
    const year = referenceYear(ctx);
    const inc = incomeOf(f, year);
    const gross = inc ? inc.wageFen + inc.operatingFen + inc.propertyFen + inc.transferFen : null;
    const shocked = inc !== undefined && gross !== null && gross > 0 && inc.operatingFen >= share * gross;
    const best = new Map<RiskType, EventFacts>();
    for (const e of f.events) {
      if (!(e.occurredOn > from && e.occurredOn <= ctx.asOf)) continue;
      if (e.kind === 'MARKET_SHOCK' && !shocked) continue;
      const risk = EVENT_RISK[e.kind];
      const cur = best.get(risk);
      const better =
        !cur ||
        LEVEL_RANK[e.severity] > LEVEL_RANK[cur.severity] ||
        (LEVEL_RANK[e.severity] === LEVEL_RANK[cur.severity] && (e.occurredOn > cur.occurredOn || (e.occurredOn === cur.occurredOn && e.eventId > cur.eventId)));
      if (better) best.set(risk, e);
    }
    const out: RuleFiring[] = [];
    for (const [risk, e] of best) {
      out.push({ ruleId: this.id, riskType: risk, level: e.severity, values: { eventId: e.eventId, kind: e.kind, occurredOn: e.occurredOn, severity: e.severity }, fingerprint: fp(this.id, e.eventId) });
    }
    return out;
  },
};
