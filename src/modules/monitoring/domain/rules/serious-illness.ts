import { fp, idSetKey, type Rule } from '../facts.js';

/** 因病: a member with a serious illness (大病). A closed clue is raised again only when another member falls ill. */
export const seriousIllnessRule: Rule = {
  id: 'serious-illness',
  riskType: 'ILLNESS',
  label: { zh: '家庭成员患大病', en: 'Serious illness of a member' },
  explanation: {
    zh: '家庭成员健康状况为大病，黄色预警；同一成员已核实关闭的线索不再重复提出。',
    en: 'Yellow when a member is recorded with a serious illness; a clue closed after verification is not raised again for the same members.',
  },
  inputs: ['person.health_status'],
  parameters: [],
  levels: ['YELLOW'],
  evaluate(f) {
    const ill = f.members.filter((m) => m.healthStatus === 'SERIOUS_ILLNESS').map((m) => m.personId).sort((a, b) => a - b);
    if (ill.length === 0) return [];
    return [{ ruleId: this.id, riskType: 'ILLNESS', level: 'YELLOW', values: { seriouslyIllMembers: ill.length }, fingerprint: fp(this.id, idSetKey(ill)) }];
  },
  sql: {
    level: `CASE WHEN f.n_serious > 0 THEN 'YELLOW' END`,
    values: `jsonb_build_object('seriouslyIllMembers', f.n_serious)`,
    fingerprint: `concat_ws('|', 'serious-illness', f.serious_ids)`,
  },
};
