import { fp, type Rule } from '../facts.js';

/** 饮水安全: the water flag (red) or an indicator outside the 《农村饮水安全评价准则》 limits (yellow; domain.md 5.3). */
export const unsafeWaterRule: Rule = {
  id: 'unsafe-water',
  riskType: 'UNSAFE_WATER',
  label: { zh: '饮水安全问题', en: 'Unsafe drinking water' },
  explanation: {
    zh: '饮水被标记为出现安全问题为红色预警；水量低于下限、取水往返时间或供水中断天数超过上限为黄色预警。',
    en: 'Red when drinking water is marked unsafe; yellow when quantity is below the minimum or fetching time or interruption days exceed their limits.',
  },
  inputs: ['guarantee_status.water_unsafe', 'water_liters_per_day', 'water_trip_minutes', 'water_interruption_days'],
  parameters: ['monitoring.water-min-litres', 'monitoring.water-max-trip-minutes', 'monitoring.water-max-interruption-days'],
  levels: ['RED', 'YELLOW'],
  evaluate(f, ctx) {
    const g = f.guarantee;
    if (!g) return [];
    const minL = ctx.params['monitoring.water-min-litres'] ?? 0;
    const maxTrip = ctx.params['monitoring.water-max-trip-minutes'] ?? Infinity;
    const maxInt = ctx.params['monitoring.water-max-interruption-days'] ?? Infinity;
    const quantity = g.waterLitersPerDay !== null && g.waterLitersPerDay < minL;
    const distance = g.waterTripMinutes !== null && g.waterTripMinutes > maxTrip;
    const reliability = g.waterInterruptionDays !== null && g.waterInterruptionDays > maxInt;
    const level = g.waterUnsafe ? 'RED' : quantity || distance || reliability ? 'YELLOW' : null;
    if (!level) return [];
    return [
      {
        ruleId: this.id,
        riskType: 'UNSAFE_WATER',
        level,
        values: { waterUnsafe: g.waterUnsafe, litresPerDay: g.waterLitersPerDay, tripMinutes: g.waterTripMinutes, interruptionDays: g.waterInterruptionDays, quantityShort: quantity, tooFar: distance, unreliable: reliability },
        fingerprint: fp(this.id, g.waterUnsafe, quantity, distance, reliability),
      },
    ];
  },
  sql: {
    level: `CASE WHEN NOT f.g_present THEN NULL WHEN f.water_unsafe THEN 'RED'
              WHEN coalesce(f.water_l < f."monitoring.water-min-litres", false) OR coalesce(f.water_trip > f."monitoring.water-max-trip-minutes", false)
                OR coalesce(f.water_int > f."monitoring.water-max-interruption-days", false) THEN 'YELLOW' END`,
    values: `jsonb_build_object('waterUnsafe', f.water_unsafe, 'litresPerDay', f.water_l, 'tripMinutes', f.water_trip, 'interruptionDays', f.water_int,
              'quantityShort', coalesce(f.water_l < f."monitoring.water-min-litres", false), 'tooFar', coalesce(f.water_trip > f."monitoring.water-max-trip-minutes", false),
              'unreliable', coalesce(f.water_int > f."monitoring.water-max-interruption-days", false))`,
    fingerprint: `concat_ws('|', 'unsafe-water', f.water_unsafe, coalesce(f.water_l < f."monitoring.water-min-litres", false),
              coalesce(f.water_trip > f."monitoring.water-max-trip-minutes", false), coalesce(f.water_int > f."monitoring.water-max-interruption-days", false))`,
  },
};
