import { fp, incomeOf, referenceYear, type Rule } from '../facts.js';

/** 大额医疗自付: compliant out-of-pocket medical cost above the line for the household type (domain.md 13.4). */
export const medicalExpenseRule: Rule = {
  id: 'medical-expense',
  riskType: 'ILLNESS',
  label: { zh: '大额医疗费用自付', en: 'Large self-paid medical costs' },
  explanation: {
    zh: '参考年度合规自付医疗费用超过预警线（脱贫户适用较低线，一般农户适用一般线）为黄色预警，超过红色预警线为红色预警。',
    en: 'Yellow when the reference year compliant self-paid medical cost exceeds the line for the household type (lower line for formerly poor households); red above the severe line.',
  },
  inputs: ['income_record.out_of_pocket_medical_fen (reference year)', 'household.household_type'],
  parameters: ['monitoring.medical-line-exited', 'monitoring.medical-line-general', 'monitoring.medical-line-severe', 'monitoring.income-reference-lag-years'],
  levels: ['RED', 'YELLOW'],
  evaluate(f, ctx) {
    const year = referenceYear(ctx);
    const inc = incomeOf(f, year);
    const line = f.householdType === 'POVERTY_EXITED' ? ctx.params['monitoring.medical-line-exited'] : ctx.params['monitoring.medical-line-general'];
    const severe = ctx.params['monitoring.medical-line-severe'];
    if (!inc || line == null || severe == null) return [];
    const oop = inc.outOfPocketMedicalFen;
    const level = oop > severe ? 'RED' : oop > line ? 'YELLOW' : null;
    if (!level) return [];
    return [{ ruleId: this.id, riskType: 'ILLNESS', level, values: { year, outOfPocketMedicalFen: oop, lineFen: line, severeLineFen: severe }, fingerprint: fp(this.id, year, oop) }];
  },
  sql: {
    level: `CASE WHEN f.oop1 IS NULL THEN NULL
              WHEN f.oop1 > f."monitoring.medical-line-severe" THEN 'RED'
              WHEN f.oop1 > CASE WHEN f.household_type = 'POVERTY_EXITED' THEN f."monitoring.medical-line-exited" ELSE f."monitoring.medical-line-general" END THEN 'YELLOW' END`,
    values: `jsonb_build_object('year', f.ref_year, 'outOfPocketMedicalFen', f.oop1,
              'lineFen', CASE WHEN f.household_type = 'POVERTY_EXITED' THEN f."monitoring.medical-line-exited" ELSE f."monitoring.medical-line-general" END,
              'severeLineFen', f."monitoring.medical-line-severe")`,
    fingerprint: `concat_ws('|', 'medical-expense', f.ref_year, f.oop1)`,
  },
};
