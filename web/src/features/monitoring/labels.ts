import { CHANNEL_LABELS, DEPARTMENT_LABELS, DEPARTMENTS, RISK_TYPE_LABELS } from '../../../../src/modules/monitoring/contract';
import { MONITORING_CATEGORIES } from '../../../../src/modules/cases/domain/enums';
import { RULES } from '../../../../src/modules/monitoring/domain/rules/index';
import type { TFunction } from 'i18next';
import { formatShare, formatYuan } from '../../ui/format';

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

/** One value of a rule finding: money (…Fen) in yuan, shares as percentages, flags as yes/no, codes by their label. */
function findingValue(t: TFunction, lang: string, key: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'number' && key.endsWith('Fen')) return t('monitoring.values.yuan', { amount: formatYuan(v, lang) });
  if (typeof v === 'number' && (key.endsWith('Share') || key === 'margin')) return formatShare(v, lang);
  if (key === 'severity') return t(`monitoring.level${String(v)}`, { defaultValue: String(v) });
  if (key === 'kind') return t(`monitoringPages.kinds.${String(v)}`, { defaultValue: String(v) });
  return String(v);
}

/** What a rule found, readable: "name: value" pairs (the clue list shows these instead of the raw JSON). */
export function findingValuesLabel(t: TFunction, lang: string, values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([key, v]) => `${t(`monitoring.values.${key}`, { defaultValue: key })}${lang === 'en' ? ': ' : '：'}${findingValue(t, lang, key, v)}`)
    .join(lang === 'en' ? '; ' : '；');
}
