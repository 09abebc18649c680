/** Assistance measure categories (domain.md 3.2, 13.2) and measure statuses, with labels. Pure. */
export const MEASURE_CATEGORIES = {
  INDUSTRY: { zh: '产业帮扶', en: 'industry support', developmental: true },
  EMPLOYMENT: { zh: '就业帮扶', en: 'employment support', developmental: true },
  FINANCE: { zh: '金融帮扶', en: 'financial support', developmental: true },
  PUBLIC_WELFARE_JOB: { zh: '公益岗位帮扶', en: 'public-welfare job', developmental: true },
  HEALTH: { zh: '健康帮扶', en: 'health support', developmental: false },
  COMPULSORY_EDU: { zh: '义务教育保障', en: 'compulsory-education guarantee', developmental: false },
  OTHER_EDU: { zh: '其他教育帮扶', en: 'other education support', developmental: false },
  COMPREHENSIVE_SECURITY: { zh: '综合保障', en: 'comprehensive social protection', developmental: false },
  HOUSING_SAFETY: { zh: '住房安全保障', en: 'housing safety', developmental: false },
  WATER_SAFETY: { zh: '饮水安全保障', en: 'drinking-water safety', developmental: false },
  SOCIAL: { zh: '社会帮扶', en: 'social support', developmental: false },
  RELOCATION: { zh: '搬迁', en: 'relocation', developmental: false },
  LIVING_CONDITIONS: { zh: '生产生活条件改善', en: 'better living and production conditions', developmental: false },
  INFRASTRUCTURE: { zh: '基础设施建设', en: 'infrastructure', developmental: false },
} as const;
export type MeasureCategory = keyof typeof MEASURE_CATEGORIES;
export const MEASURE_CATEGORY_CODES = Object.keys(MEASURE_CATEGORIES) as MeasureCategory[];
export const DEVELOPMENTAL = new Set<MeasureCategory>(MEASURE_CATEGORY_CODES.filter((c) => MEASURE_CATEGORIES[c].developmental));

export const MEASURE_STATUSES = {
  PLANNED: { zh: '计划', en: 'planned' },
  IMPLEMENTING: { zh: '实施中', en: 'implementing' },
  IMPLEMENTED: { zh: '已实施', en: 'implemented' },
} as const;
export type MeasureStatus = keyof typeof MEASURE_STATUSES;

/** PLANNED → IMPLEMENTING → IMPLEMENTED (domain.md 13.3); no way back. */
export const MEASURE_NEXT: Record<MeasureStatus, MeasureStatus | null> = { PLANNED: 'IMPLEMENTING', IMPLEMENTING: 'IMPLEMENTED', IMPLEMENTED: null };
