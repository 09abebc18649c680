import { CHANNEL_LABELS, DEPARTMENTS, RISK_TYPE_LABELS } from '../../../../src/modules/monitoring/contract';
import { MONITORING_CATEGORIES } from '../../../../src/modules/cases/domain/enums';

/** Code labels of the monitoring pages (zh-CN / en). */
const pick = (l: { zh: string; en: string } | undefined, code: string, lang: string) => (l ? (lang === 'en' ? l.en : l.zh) : code);
export const riskLabel = (code: string, lang: string) => pick(RISK_TYPE_LABELS[code as keyof typeof RISK_TYPE_LABELS], code, lang);
export const channelLabel = (code: string, lang: string) => pick(CHANNEL_LABELS[code as keyof typeof CHANNEL_LABELS], code, lang);
export const categoryLabel = (code: string, lang: string) => pick(MONITORING_CATEGORIES[code as keyof typeof MONITORING_CATEGORIES], code, lang);
export const DEPARTMENT_LABELS: Record<(typeof DEPARTMENTS)[number], { zh: string; en: string }> = {
  MEDICAL: { zh: '医疗保障', en: 'Medical insurance' },
  CIVIL: { zh: '民政', en: 'Civil affairs' },
  EDUCATION: { zh: '教育', en: 'Education' },
  HOUSING: { zh: '住房城乡建设', en: 'Housing' },
  WATER: { zh: '水利', en: 'Water' },
  EMERGENCY: { zh: '应急管理', en: 'Emergency management' },
  HR: { zh: '人力资源社会保障', en: 'Human resources' },
};
export { DEPARTMENTS };
