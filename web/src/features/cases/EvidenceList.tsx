import { Descriptions } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CHANNELS, MONITORING_CATEGORIES, RISK_TYPES } from '../../../../src/modules/cases/domain/enums';
import { codeLabel } from './i18n';
import { stepFields } from './step-fields';

type Entry = [path: string[], value: unknown];

/** The leaves of an evidence object with their name paths; a list of checkers ({ name }) counts as one leaf. */
function leaves(value: unknown, path: string[] = []): Entry[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
}

/** One evidence value in the reader's language: yes/no, lists, dates as written, and codes by their label. */
function show(t: TFunction, lang: string, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'name' in x ? String(x.name) : show(t, lang, key, x))).join(lang === 'en' ? ', ' : '、');
  const s = String(v);
  if (key === 'channel') return codeLabel(CHANNELS, s, lang);
  if (key === 'category') return codeLabel(MONITORING_CATEGORIES, s, lang);
  if (key === 'newRisks' || key === 'risks') return codeLabel(RISK_TYPES, s, lang);
  return /^[A-Z][A-Z_]+$/.test(s) ? t(`steps.o.${s}`, { defaultValue: s }) : s;
}

/** A step's evidence as labelled lines in the order of the step's form (its field names), instead of raw JSON. */
export function EvidenceList({ evidence, action, status }: { evidence: unknown; action: string; status: string }) {
  const { t, i18n } = useTranslation();
  const order = stepFields(action, status).map((f) => f.name.join('.'));
  const rank = (path: string[]) => (order.includes(path.join('.')) ? order.indexOf(path.join('.')) : order.length);
  const entries = leaves(evidence)
    .filter(([path]) => path.length > 0)
    .sort((a, b) => rank(a[0]) - rank(b[0]));
  if (entries.length === 0) return <span>—</span>;
  return (
    <Descriptions size="small" column={1} bordered style={{ maxWidth: 720 }}>
      {entries.map(([path, v]) => (
        <Descriptions.Item key={path.join('.')} label={t(`steps.f.${path.join('_')}`, { defaultValue: path.join('.') })}>
          {show(t, i18n.language, path[path.length - 1], v)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
