import { fp, incomeOf, referenceYear, type Rule } from '../facts.js';
import { LABOR_CAPABLE } from '../../../registry/domain/enums.js'; // the pure module: the web app imports these rules

/** 务工就业不稳: wage income fell sharply for a household with labour that earned wages the year before. */
export const migrantWorkLossRule: Rule = {
  id: 'migrant-work-loss',
  riskType: 'UNSTABLE_EMPLOYMENT',
  label: { zh: '外出务工收入中断', en: 'Loss of migrant work' },
  explanation: {
    zh: '有劳动力的家庭，上年工资性收入不低于起算额，参考年度工资性收入下降幅度达到设定比例，黄色预警。',
    en: 'Yellow when a household with labour earned at least the minimum wage income the year before and its wage income fell by at least the set share.',
  },
  inputs: ['income_record.wage_fen (reference year and the year before)', 'person.labor_skill'],
  parameters: ['monitoring.migrant-wage-drop-share', 'monitoring.migrant-min-prior-wage', 'monitoring.income-reference-lag-years'],
  levels: ['YELLOW'],
  evaluate(f, ctx) {
    const year = referenceYear(ctx);
    const now = incomeOf(f, year);
    const before = incomeOf(f, year - 1);
    const share = ctx.params['monitoring.migrant-wage-drop-share'];
    const min = ctx.params['monitoring.migrant-min-prior-wage'];
    const labour = f.members.filter((m) => LABOR_CAPABLE.has(m.laborSkill)).length;
    if (!now || !before || share == null || min == null || labour === 0) return [];
    if (before.wageFen < min || before.wageFen <= 0) return [];
    if (!(before.wageFen - now.wageFen >= before.wageFen * share) || before.wageFen - now.wageFen <= 0) return [];
    return [
      { ruleId: this.id, riskType: 'UNSTABLE_EMPLOYMENT', level: 'YELLOW', values: { year, wageFen: now.wageFen, previousWageFen: before.wageFen, labourMembers: labour }, fingerprint: fp(this.id, year, now.wageFen, before.wageFen) },
    ];
  },
  sql: {
    level: `CASE WHEN f.wage1 IS NULL OR f.wage0 IS NULL OR f.n_labour = 0 OR f.wage0 <= 0 OR f.wage0 < f."monitoring.migrant-min-prior-wage" OR f.wage0 - f.wage1 <= 0 THEN NULL
              WHEN (f.wage0 - f.wage1)::float8 >= f.wage0::float8 * f."monitoring.migrant-wage-drop-share" THEN 'YELLOW' END`,
    values: `jsonb_build_object('year', f.ref_year, 'wageFen', f.wage1, 'previousWageFen', f.wage0, 'labourMembers', f.n_labour)`,
    fingerprint: `concat_ws('|', 'migrant-work-loss', f.ref_year, f.wage1, f.wage0)`,
  },
};
