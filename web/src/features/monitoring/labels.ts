import { CHANNEL_LABELS, DEPARTMENT_LABELS, DEPARTMENTS, RISK_TYPE_LABELS } from '../../../../src/modules/monitoring/contract';
import { MONITORING_CATEGORIES } from '../../../../src/modules/cases/domain/enums';
import { RULES } from '../../../../src/modules/monitoring/domain/rules/index';
import type { TFunction } from 'i18next';

/** Code labels of the monitoring pages (zh-CN / en). */
const pick = (l: { zh: string; en: string } | undefined, code: string, lang: string) => (l ? (lang === 'en' ? l.en : l.zh) : code);
export const riskLabel = (code: string, lang: string) => pick(RISK_TYPE_LABELS[code as keyof typeof RISK_TYPE_LABELS], code, lang);
export const channelLabel = (code: string, lang: string) => pick(CHANNEL_LABELS[code as keyof typeof CHANNEL_LABELS], code, lang);
export const categoryLabel = (code: string, lang: string) => pick(MONITORING_CATEGORIES[code as keyof typeof MONITORING_CATEGORIES], code, lang);
export { DEPARTMENT_LABELS, DEPARTMENTS };

const RULE_LABELS = new Map(RULES.map((r) => [r.id, r.label]));
export const ruleLabel = (ruleId: string, lang: string) => pick(RULE_LABELS.get(ruleId), ruleId, lang);

/**
 * Where a clue came from, readable: the rule of a sweep, the department and its file (and row), the
 * cadre visit, the self-declaration, the 12317 hotline or another supervision channel. Source codes:
 * `sweep:<rule>`, `department:<dept>#<import>:<row>`, `visit:<id>`, `declaration:<ref>`,
 * `hotline:12317#<ticket>`, `supervision#<ticket>`.
 */
export function sourceLabel(t: TFunction, lang: string, c: { source: string; sourceDept: string | null; sourceFile?: string | null }): string {
  const s = c.source;
  let m: RegExpExecArray | null;
  if ((m = /^sweep:(.+)$/.exec(s))) return t('monitoring.src.sweep', { rule: ruleLabel(m[1], lang) });
  if ((m = /^department:([a-z_]+)#(\d+):(\d+)$/.exec(s))) {
    const dept = pick(DEPARTMENT_LABELS[(c.sourceDept ?? m[1].toUpperCase()) as keyof typeof DEPARTMENT_LABELS], m[1], lang);
    return t('monitoring.src.department', { dept, file: c.sourceFile ?? `#${m[2]}`, row: m[3] });
  }
  if ((m = /^visit:(.+)$/.exec(s))) return t('monitoring.src.visit', { id: m[1] });
  if ((m = /^declaration:(.+)$/.exec(s))) return t('monitoring.src.declaration', { ref: m[1] });
  if ((m = /^hotline:12317#(.*)$/.exec(s))) return t('monitoring.src.hotline', { ticket: m[1] });
  if ((m = /^supervision#(.*)$/.exec(s))) return t('monitoring.src.supervision', { ticket: m[1] });
  return s;
}
