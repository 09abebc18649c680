import { fp, idSetKey, type Rule } from '../facts.js';

/** 因残: a member with a disability. A closed clue is raised again only for a newly disabled member. */
export const disabilityRule: Rule = {
  id: 'disability',
  riskType: 'DISABILITY',
  label: { zh: '家庭成员残疾', en: 'Disability of a member' },
  explanation: {
    zh: '家庭成员健康状况为残疾，黄色预警；同一成员已核实关闭的线索不再重复提出。',
    en: 'Yellow when a member is recorded as disabled; a clue closed after verification is not raised again for the same members.',
  },
  inputs: ['person.health_status'],
  parameters: [],
  levels: ['YELLOW'],
  evaluate(f) {
    const ids = f.members.filter((m) => m.healthStatus === 'DISABLED').map((m) => m.personId).sort((a, b) => a - b);
    if (ids.length === 0) return [];
    return [{ ruleId: this.id, riskType: 'DISABILITY', level: 'YELLOW', values: { disabledMembers: ids.length }, fingerprint: fp(this.id, idSetKey(ids)) }];
  },
  sql: {
    level: `CASE WHEN f.n_disabled > 0 THEN 'YELLOW' END`,
    values: `jsonb_build_object('disabledMembers', f.n_disabled)`,
    fingerprint: `concat_ws('|', 'disability', f.disabled_ids)`,
  },
};
