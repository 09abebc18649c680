import { fp, type Rule } from '../facts.js';

/** 住房出现安全问题: the housing flag or a dangerous-house grade C (yellow) / D (red). */
export const unsafeHousingRule: Rule = {
  id: 'unsafe-housing',
  riskType: 'UNSAFE_HOUSING',
  label: { zh: '住房安全问题', en: 'Unsafe housing' },
  explanation: {
    zh: '住房被标记为出现安全问题或危房等级为D级为红色预警，C级为黄色预警。',
    en: 'Red when the house is marked unsafe or graded D; yellow when graded C.',
  },
  inputs: ['guarantee_status.housing_unsafe', 'guarantee_status.house_grade'],
  parameters: [],
  levels: ['RED', 'YELLOW'],
  evaluate(f) {
    const g = f.guarantee;
    if (!g) return [];
    const level = g.housingUnsafe || g.houseGrade === 'D' ? 'RED' : g.houseGrade === 'C' ? 'YELLOW' : null;
    if (!level) return [];
    return [{ ruleId: this.id, riskType: 'UNSAFE_HOUSING', level, values: { housingUnsafe: g.housingUnsafe, houseGrade: g.houseGrade }, fingerprint: fp(this.id, g.housingUnsafe, g.houseGrade) }];
  },
  sql: {
    level: `CASE WHEN NOT f.g_present THEN NULL WHEN f.housing_unsafe OR f.house_grade = 'D' THEN 'RED' WHEN f.house_grade = 'C' THEN 'YELLOW' END`,
    values: `jsonb_build_object('housingUnsafe', f.housing_unsafe, 'houseGrade', f.house_grade)`,
    fingerprint: `concat_ws('|', 'unsafe-housing', f.housing_unsafe, coalesce(f.house_grade, ''))`,
  },
};
