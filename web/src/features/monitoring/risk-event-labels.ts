import { DISASTER_SUBTYPES } from '../../../../src/modules/cases/domain/enums';
import type { EventKind } from '../../../../src/modules/monitoring/contract';

type Labels = Record<string, { zh: string; en: string }>;

/** Subtypes offered per event kind (stored as the code; natural disasters use the case module's list). */
export const EVENT_SUBTYPES: Record<EventKind, Labels> = {
  NATURAL_DISASTER: DISASTER_SUBTYPES,
  MARKET_SHOCK: {
    PRICE_DROP: { zh: '农产品价格大幅下跌', en: 'sharp fall in farm prices' },
    UNSOLD: { zh: '农产品滞销', en: 'produce left unsold' },
    INPUT_COST: { zh: '农资价格大幅上涨', en: 'sharp rise in input costs' },
    OTHER: { zh: '其他', en: 'other' },
  },
  EPIDEMIC: {
    ANIMAL: { zh: '动物疫病', en: 'animal disease' },
    PLANT: { zh: '农作物病虫害', en: 'crop pests and diseases' },
    PUBLIC_HEALTH: { zh: '公共卫生事件', en: 'public health event' },
    OTHER: { zh: '其他', en: 'other' },
  },
  OTHER: {
    ACCIDENT: { zh: '安全生产事故', en: 'industrial accident' },
    ENTERPRISE: { zh: '企业停产或欠薪', en: 'employer shut down or wages unpaid' },
    OTHER: { zh: '其他', en: 'other' },
  },
};

export const INDUSTRY_SUGGESTIONS = [
  { zh: '马铃薯', en: 'potatoes' },
  { zh: '中药材（半夏）', en: 'herbs (pinellia)' },
  { zh: '核桃', en: 'walnuts' },
  { zh: '生猪', en: 'pigs' },
  { zh: '肉牛', en: 'beef cattle' },
  { zh: '蔬菜', en: 'vegetables' },
  { zh: '食用菌', en: 'mushrooms' },
];

/** The label of an event's subtype (the stored text when it is not one of the codes). */
export function subtypeLabel(kind: EventKind, subtype: string | null, lang: string): string {
  if (!subtype) return '—';
  const l = EVENT_SUBTYPES[kind]?.[subtype];
  return l ? (lang === 'en' ? l.en : l.zh) : subtype;
}
