import { fp, incomeOf, referenceYear, type Rule } from '../facts.js';

/** 收入大幅下降: per-capita net income fell year on year by at least the drop share (yellow) or the red share. */
export const incomeDropRule: Rule = {
  id: 'income-drop',
  riskType: 'INCOME_DROP',
  label: { zh: '家庭人均纯收入同比大幅下降', en: 'Sharp year-on-year fall of per-capita net income' },
  explanation: {
    zh: '参考年度人均纯收入比上年下降幅度达到下降比例为黄色预警，达到红色比例为红色预警（上年收入须为正）。',
    en: 'Yellow when per-capita net income fell by at least the drop share of the previous year; red at the red share (previous year must be positive).',
  },
  inputs: ['income_record.per_capita_net_fen (reference year and the year before)'],
  parameters: ['monitoring.income-drop-share', 'monitoring.income-drop-red-share', 'monitoring.income-reference-lag-years'],
  levels: ['RED', 'YELLOW'],
  evaluate(f, ctx) {
    const year = referenceYear(ctx);
    const now = incomeOf(f, year);
    const before = incomeOf(f, year - 1);
    const share = ctx.params['monitoring.income-drop-share'];
    const red = ctx.params['monitoring.income-drop-red-share'];
    if (!now || !before || before.perCapitaNetFen <= 0 || share == null || red == null) return [];
    const drop = before.perCapitaNetFen - now.perCapitaNetFen;
    if (drop <= 0) return [];
    const level = drop >= before.perCapitaNetFen * red ? 'RED' : drop >= before.perCapitaNetFen * share ? 'YELLOW' : null;
    if (!level) return [];
    return [
      {
        ruleId: this.id,
        riskType: 'INCOME_DROP',
        level,
        values: { year, perCapitaNetFen: now.perCapitaNetFen, previousPerCapitaNetFen: before.perCapitaNetFen, dropShare: share, redShare: red },
        fingerprint: fp(this.id, year, now.perCapitaNetFen, before.perCapitaNetFen),
      },
    ];
  },
  sql: {
    level: `CASE WHEN f.pc1 IS NULL OR f.pc0 IS NULL OR f.pc0 <= 0 OR f.pc0 - f.pc1 <= 0 THEN NULL
              WHEN (f.pc0 - f.pc1)::float8 >= f.pc0::float8 * f."monitoring.income-drop-red-share" THEN 'RED'
              WHEN (f.pc0 - f.pc1)::float8 >= f.pc0::float8 * f."monitoring.income-drop-share" THEN 'YELLOW' END`,
    values: `jsonb_build_object('year', f.ref_year, 'perCapitaNetFen', f.pc1, 'previousPerCapitaNetFen', f.pc0, 'dropShare', f."monitoring.income-drop-share", 'redShare', f."monitoring.income-drop-red-share")`,
    fingerprint: `concat_ws('|', 'income-drop', f.ref_year, f.pc1, f.pc0)`,
  },
};
