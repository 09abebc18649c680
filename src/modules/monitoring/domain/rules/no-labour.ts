import { fp, type Rule } from '../facts.js';
import { LABOR_CAPABLE } from '../../../registry/domain/enums.js'; // the pure module: the web app imports these rules

/** 缺劳动力: no member is labour-capable (skilled, ordinary, weak or half). */
export const noLabourRule: Rule = {
  id: 'no-labour',
  riskType: 'LACK_OF_LABOR',
  label: { zh: '家庭无劳动力', en: 'No labour in the household' },
  explanation: {
    zh: '家庭成员中没有技能、普通或弱（半）劳动力，蓝色预警（需综合保障关注）。',
    en: 'Blue when no member is a skilled, ordinary or weak/half labourer (comprehensive security to watch).',
  },
  inputs: ['person.labor_skill'],
  parameters: [],
  levels: ['BLUE'],
  evaluate(f) {
    if (f.members.length === 0) return [];
    if (f.members.some((m) => LABOR_CAPABLE.has(m.laborSkill))) return [];
    return [{ ruleId: this.id, riskType: 'LACK_OF_LABOR', level: 'BLUE', values: { members: f.members.length, labourMembers: 0 }, fingerprint: fp(this.id, f.members.length) }];
  },
  sql: {
    level: `CASE WHEN f.n_members > 0 AND f.n_labour = 0 THEN 'BLUE' END`,
    values: `jsonb_build_object('members', f.n_members, 'labourMembers', 0)`,
    fingerprint: `concat_ws('|', 'no-labour', f.n_members)`,
  },
};
