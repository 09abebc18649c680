import { fp, incomeOf, referenceYear, type Rule } from '../facts.js';

/** 收入低于或接近监测范围: per-capita net income below the threshold (red) or within the margin above it (yellow). */
export const incomeLowRule: Rule = {
  id: 'income-low',
  riskType: 'INCOME_LOW',
  label: { zh: '人均纯收入低于或接近监测范围', en: 'Per-capita net income below or near the monitoring threshold' },
  explanation: {
    zh: '参考年度家庭人均纯收入低于当年监测范围为红色预警；不高于监测范围×(1+浮动比例)为黄色预警。',
    en: 'Red when the reference year per-capita net income is below the threshold; yellow when it is at most threshold × (1 + margin).',
  },
  inputs: ['income_record.per_capita_net_fen (reference year)', 'province/county monitoring threshold on the evaluation date'],
  parameters: ['monitoring.income-threshold', 'monitoring.income-margin', 'monitoring.income-reference-lag-years'],
  levels: ['RED', 'YELLOW'],
  evaluate(f, ctx) {
    const year = referenceYear(ctx);
    const inc = incomeOf(f, year);
    const threshold = ctx.params['monitoring.income-threshold'];
    const margin = ctx.params['monitoring.income-margin'] ?? 0;
    if (!inc || threshold === null || threshold === undefined) return [];
    const pc = inc.perCapitaNetFen;
    const level = pc < threshold ? 'RED' : pc <= threshold * (1 + margin) ? 'YELLOW' : null;
    if (!level) return [];
    return [{ ruleId: this.id, riskType: 'INCOME_LOW', level, values: { year, perCapitaNetFen: pc, thresholdFen: threshold, margin }, fingerprint: fp(this.id, year, pc, threshold) }];
  },
  sql: {
    level: `CASE WHEN f.pc1 IS NULL OR f."monitoring.income-threshold" IS NULL THEN NULL
              WHEN f.pc1 < f."monitoring.income-threshold" THEN 'RED'
              WHEN f.pc1::float8 <= f."monitoring.income-threshold"::float8 * (1::float8 + f."monitoring.income-margin") THEN 'YELLOW' END`,
    values: `jsonb_build_object('year', f.ref_year, 'perCapitaNetFen', f.pc1, 'thresholdFen', f."monitoring.income-threshold", 'margin', f."monitoring.income-margin")`,
    fingerprint: `concat_ws('|', 'income-low', f.ref_year, f.pc1, f."monitoring.income-threshold")`,
  },
};
