/**
 * Closed sets of the case procedure with Chinese and English labels (domain.md 13.2). Pure.
 * Risk types and channels are also what the monitoring module's clues carry; the codes are the same.
 */
export interface Labelled {
  zh: string;
  en: string;
}

export const CASE_STATUSES = {
  CLUE: { zh: '线索', en: 'clue' },
  VERIFYING: { zh: '入户核实', en: 'home verification' },
  COMPARING: { zh: '信息比对', en: 'information comparison' },
  VILLAGE_REVIEW: { zh: '民主评议', en: 'village democratic review' },
  PUBLICITY: { zh: '村内公示', en: 'public notice' },
  TOWNSHIP_REVIEW: { zh: '乡镇审核', en: 'township review' },
  COUNTY_APPROVAL: { zh: '县级审定', en: 'county approval' },
  ANNOUNCED: { zh: '公告', en: 'announced' },
  MONITORING: { zh: '风险未消除', en: 'under monitoring' },
  ELIM_PROPOSED: { zh: '拟消除', en: 'elimination proposed' },
  ELIM_VERIFYING: { zh: '消除入户核实', en: 'elimination home verification' },
  ELIM_REVIEW: { zh: '消除民主评议', en: 'elimination village review' },
  ELIM_PUBLICITY: { zh: '消除公示', en: 'elimination public notice' },
  ELIM_TOWNSHIP: { zh: '消除乡镇审核', en: 'elimination township review' },
  ELIM_COUNTY: { zh: '消除县级审定', en: 'elimination county approval' },
  ELIMINATED: { zh: '风险已消除', en: 'risk eliminated' },
  REJECTED: { zh: '不予纳入', en: 'not included' },
  CLOSED: { zh: '已关闭', en: 'closed' },
} as const satisfies Record<string, Labelled>;
export type CaseStatus = keyof typeof CASE_STATUSES;
export const CASE_STATUS_CODES = Object.keys(CASE_STATUSES) as CaseStatus[];

export const MONITORING_CATEGORIES = {
  UNSTABLE_EXITED: { zh: '脱贫不稳定户', en: 'unstable out-of-poverty household' },
  MARGINAL: { zh: '边缘易致贫户', en: 'marginal household prone to poverty' },
  SUDDEN_HARDSHIP: { zh: '突发严重困难户', en: 'household with sudden severe difficulty' },
} as const satisfies Record<string, Labelled>;
export type MonitoringCategory = keyof typeof MONITORING_CATEGORIES;

export const RISK_TYPES = {
  ILLNESS: { zh: '因病', en: 'illness' },
  DISABILITY: { zh: '因残', en: 'disability' },
  EDUCATION: { zh: '因学', en: 'schooling costs' },
  NATURAL_DISASTER: { zh: '因自然灾害', en: 'natural disaster' },
  ACCIDENT: { zh: '因意外事故', en: 'accident' },
  INDUSTRY_FAILURE: { zh: '因产业项目失败', en: 'failure of an industry project' },
  UNSTABLE_EMPLOYMENT: { zh: '因务工就业不稳', en: 'unstable employment' },
  LACK_OF_LABOR: { zh: '缺劳动力', en: 'lack of labour' },
  UNSAFE_HOUSING: { zh: '因安全住房', en: 'unsafe housing' },
  UNSAFE_WATER: { zh: '因安全饮水', en: 'drinking-water insecurity' },
  OTHER: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Labelled>;
export type RiskType = keyof typeof RISK_TYPES;

export const DISASTER_SUBTYPES = {
  FLOOD: { zh: '洪涝灾害', en: 'flood' },
  GEOLOGICAL: { zh: '地质灾害', en: 'geological disaster' },
  DROUGHT: { zh: '旱灾', en: 'drought' },
  BIOLOGICAL: { zh: '生物灾害', en: 'biological disaster' },
  METEOROLOGICAL: { zh: '气象灾害', en: 'meteorological disaster' },
  EARTHQUAKE: { zh: '地震灾害', en: 'earthquake' },
  OTHER: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Labelled>;
export type DisasterSubtype = keyof typeof DISASTER_SUBTYPES;

export const CHANNELS = {
  SELF_DECLARATION: { zh: '农户自主申报', en: 'self-declaration' },
  CADRE_SCREENING: { zh: '基层干部排查', en: 'cadre screening' },
  DEPT_WARNING: { zh: '部门筛查预警', en: 'department data warning' },
  SUPERVISION_FEEDBACK: { zh: '各类监督渠道反馈', en: 'supervision/complaint channel' },
  PLATFORM_ANALYSIS: { zh: '平台监测分析', en: 'platform analytics' },
} as const satisfies Record<string, Labelled>;
export type Channel = keyof typeof CHANNELS;

export const ELIMINATION_TYPES = {
  BY_ASSISTANCE: { zh: '帮扶消除', en: 'eliminated through assistance' },
  NATURAL: { zh: '自然消除', en: 'risk disappeared naturally' },
} as const satisfies Record<string, Labelled>;
export type EliminationType = keyof typeof ELIMINATION_TYPES;

export const CLOSE_REASONS = {
  MERGED: { zh: '户合并', en: 'household merged' },
  DECEASED: { zh: '整户死亡', en: 'whole household deceased' },
  MOVED: { zh: '户籍迁出', en: 'moved away' },
  OTHER: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Labelled>;
export type CloseReason = keyof typeof CLOSE_REASONS;

/** Which base household type each category allows (domain.md 1.2). */
export const CATEGORY_HOUSEHOLD_TYPES: Record<MonitoringCategory, readonly string[]> = {
  UNSTABLE_EXITED: ['POVERTY_EXITED'],
  MARGINAL: ['GENERAL'],
  SUDDEN_HARDSHIP: ['GENERAL', 'POVERTY_EXITED'],
};

export const MAX_RISKS = 5;
