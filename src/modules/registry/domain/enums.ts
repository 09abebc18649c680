/**
 * Closed sets of the registry with their Chinese and English labels (domain.md 13.2). Import files
 * and forms accept the code or either label; storage and the API use the code.
 */
export interface Labelled {
  zh: string;
  en: string;
}

export const HOUSEHOLD_TYPES = {
  GENERAL: { zh: '一般农户', en: 'general household' },
  POVERTY_EXITED: { zh: '脱贫户', en: 'formerly poor household' },
} as const satisfies Record<string, Labelled>;

export const RELATIONS = {
  HEAD: { zh: '户主', en: 'head' },
  SPOUSE: { zh: '配偶', en: 'spouse' },
  CHILD: { zh: '子女', en: 'child' },
  CHILD_IN_LAW: { zh: '儿媳/女婿', en: 'child-in-law' },
  GRANDCHILD: { zh: '孙子女', en: 'grandchild' },
  PARENT: { zh: '父母', en: 'parent' },
  GRANDPARENT: { zh: '祖父母', en: 'grandparent' },
  SIBLING: { zh: '兄弟姐妹', en: 'sibling' },
  OTHER: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Labelled>;

export const LABOR_SKILLS = {
  SKILLED: { zh: '技能劳动力', en: 'skilled labour' },
  ORDINARY: { zh: '普通劳动力', en: 'ordinary labour' },
  WEAK_OR_HALF: { zh: '弱劳动力或半劳动力', en: 'weak or half labour' },
  LOST: { zh: '丧失劳动力', en: 'lost labour capacity' },
  NONE: { zh: '无劳动力', en: 'no labour' },
} as const satisfies Record<string, Labelled>;

/** Labour-capable skills (domain.md 13.2). */
export const LABOR_CAPABLE = new Set<string>(['SKILLED', 'ORDINARY', 'WEAK_OR_HALF']);

export const HEALTH_STATUSES = {
  HEALTHY: { zh: '健康', en: 'healthy' },
  CHRONIC: { zh: '长期慢性病', en: 'chronic illness' },
  SERIOUS_ILLNESS: { zh: '大病', en: 'serious illness' },
  DISABLED: { zh: '残疾', en: 'disabled' },
} as const satisfies Record<string, Labelled>;

export const EDUCATION_LEVELS = {
  NONE: { zh: '文盲或半文盲', en: 'illiterate or semi-literate' },
  PRIMARY: { zh: '小学', en: 'primary school' },
  JUNIOR: { zh: '初中', en: 'junior secondary' },
  SENIOR: { zh: '高中', en: 'senior secondary' },
  VOCATIONAL: { zh: '中专/职高', en: 'vocational secondary' },
  COLLEGE: { zh: '大专及以上', en: 'college or above' },
} as const satisfies Record<string, Labelled>;

export const STUDENT_STATUSES = {
  NONE: { zh: '非在校生', en: 'not a student' },
  PRESCHOOL: { zh: '学前教育', en: 'preschool' },
  PRIMARY: { zh: '小学在读', en: 'in primary school' },
  JUNIOR: { zh: '初中在读', en: 'in junior secondary' },
  SENIOR: { zh: '高中在读', en: 'in senior secondary' },
  VOCATIONAL: { zh: '中职在读', en: 'in vocational school' },
  COLLEGE: { zh: '大学在读', en: 'in college' },
  DROPPED_OUT: { zh: '失学辍学', en: 'dropped out' },
} as const satisfies Record<string, Labelled>;

export type HouseholdType = keyof typeof HOUSEHOLD_TYPES;
export type Relation = keyof typeof RELATIONS;
export type LaborSkill = keyof typeof LABOR_SKILLS;
export type HealthStatus = keyof typeof HEALTH_STATUSES;
export type EducationLevel = keyof typeof EDUCATION_LEVELS;
export type StudentStatus = keyof typeof STUDENT_STATUSES;

/** Finds the code for a code or a Chinese/English label (case-insensitive for English), or null. */
export function codeOf<T extends Record<string, Labelled>>(set: T, text: string): keyof T | null {
  const t = text.trim();
  if (t in set) return t as keyof T;
  const lower = t.toLowerCase();
  for (const [code, label] of Object.entries(set)) if (label.zh === t || label.en.toLowerCase() === lower) return code as keyof T;
  return null;
}
