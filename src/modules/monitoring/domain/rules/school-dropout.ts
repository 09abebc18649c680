import { ageOn, fp, idSetKey, type Rule } from '../facts.js';

/** 义务教育阶段适龄儿童少年失学辍学: the guarantee flag or a member of compulsory school age recorded as dropped out. */
export const schoolDropoutRule: Rule = {
  id: 'school-dropout',
  riskType: 'EDUCATION',
  label: { zh: '义务教育阶段失学辍学', en: 'School drop-out in compulsory education' },
  explanation: {
    zh: '三保障指标显示有适龄儿童失学辍学，或有义务教育年龄段成员的在校状态为失学辍学，红色预警。',
    en: 'Red when the guarantee status records a drop-out or a member of compulsory school age is recorded as dropped out.',
  },
  inputs: ['guarantee_status.dropout_child', 'person.student_status', 'person.birth_date'],
  parameters: ['monitoring.school-age-min', 'monitoring.school-age-max'],
  levels: ['RED'],
  evaluate(f, ctx) {
    const min = ctx.params['monitoring.school-age-min'] ?? 6;
    const max = ctx.params['monitoring.school-age-max'] ?? 15;
    const children = f.members.filter((m) => m.studentStatus === 'DROPPED_OUT' && ageOn(m.birthDate, ctx.asOf) >= min && ageOn(m.birthDate, ctx.asOf) <= max);
    const flag = f.guarantee?.dropoutChild ?? false;
    if (!flag && children.length === 0) return [];
    const ids = idSetKey(children.map((c) => c.personId));
    return [{ ruleId: this.id, riskType: 'EDUCATION', level: 'RED', values: { dropoutFlag: flag, dropoutChildren: children.length }, fingerprint: fp(this.id, flag, ids) }];
  },
  sql: {
    level: `CASE WHEN coalesce(f.g_dropout, false) OR f.n_dropout > 0 THEN 'RED' END`,
    values: `jsonb_build_object('dropoutFlag', coalesce(f.g_dropout, false), 'dropoutChildren', f.n_dropout)`,
    fingerprint: `concat_ws('|', 'school-dropout', coalesce(f.g_dropout, false), f.dropout_ids)`,
  },
};
