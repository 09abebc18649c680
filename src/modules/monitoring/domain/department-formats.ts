import type { Department, RiskType, WarningLevel } from '../contract.js';

/**
 * The file format of each department's warning list (docs/department-files.md): columns with Chinese
 * and English headers, their type, and how a row becomes a warning. One row = one person (matched by
 * ID number) and one event. Pure.
 */
export interface ColumnSpec {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  type: 'id' | 'text' | 'date' | 'amount' | 'int' | 'enum';
  /** enum: code → accepted labels (the code itself is always accepted). */
  values?: Record<string, string[]>;
  example: string;
}

export type RowValues = Record<string, string | number | null>;

export interface DepartmentFormat {
  department: Department;
  zh: string;
  en: string;
  columns: ColumnSpec[];
  /** Keys that identify the event in a row (with the ID number): duplicates inside a file are refused. */
  eventKeys: string[];
  /** The warning a valid row raises, or null (a row that shows no risk, e.g. house grade A). */
  warning(row: RowValues, lines: { medicalSevereFen: number }): { riskType: RiskType; level: WarningLevel } | null;
}

const person: ColumnSpec[] = [
  { key: 'idNumber', zh: '身份证号', en: 'ID number', required: true, type: 'id', example: '520527198005051233' },
  { key: 'name', zh: '姓名', en: 'Name', required: true, type: 'text', example: '张三' },
];

export const DEPARTMENT_FORMATS: Record<Department, DepartmentFormat> = {
  MEDICAL: {
    department: 'MEDICAL',
    zh: '医疗保障部门：高额医疗费用自付预警',
    en: 'Medical insurance: high self-paid medical costs',
    columns: [
      ...person,
      { key: 'settledOn', zh: '结算日期', en: 'Settlement date', required: true, type: 'date', example: '2025-03-15' },
      { key: 'visitType', zh: '就诊类型', en: 'Visit type', required: true, type: 'enum', values: { INPATIENT: ['住院', 'inpatient'], OUTPATIENT: ['门诊', 'outpatient'] }, example: '住院' },
      { key: 'totalFen', zh: '总费用(元)', en: 'Total cost (yuan)', required: true, type: 'amount', example: '38000' },
      { key: 'selfPaidFen', zh: '合规自付(元)', en: 'Compliant self-paid (yuan)', required: true, type: 'amount', example: '12500' },
      { key: 'hospital', zh: '医疗机构', en: 'Hospital', required: false, type: 'text', example: '赫章县人民医院' },
    ],
    eventKeys: ['settledOn', 'visitType', 'selfPaidFen'],
    warning: (r, lines) => ({ riskType: 'ILLNESS', level: Number(r.selfPaidFen) > lines.medicalSevereFen ? 'RED' : 'YELLOW' }),
  },
  CIVIL: {
    department: 'CIVIL',
    zh: '民政部门：新增低保、特困、临时救助、残疾',
    en: 'Civil affairs: new minimum-living, extreme-poverty support, temporary relief, disability',
    columns: [
      ...person,
      { key: 'matter', zh: '事项', en: 'Matter', required: true, type: 'enum', values: { NEW_DIBAO: ['新增低保', 'new dibao'], NEW_TEKUN: ['新增特困', 'new tekun'], TEMP_RELIEF: ['临时救助', 'temporary relief'], NEW_DISABILITY: ['新增残疾', 'new disability'] }, example: '临时救助' },
      { key: 'date', zh: '日期', en: 'Date', required: true, type: 'date', example: '2025-04-01' },
      { key: 'amountFen', zh: '金额(元)', en: 'Amount (yuan)', required: false, type: 'amount', example: '2000' },
      { key: 'reason', zh: '原因', en: 'Reason', required: false, type: 'text', example: '因病' },
    ],
    eventKeys: ['matter', 'date'],
    warning: (r) => ({ riskType: r.matter === 'NEW_DISABILITY' ? 'DISABILITY' : 'OTHER', level: 'YELLOW' }),
  },
  EDUCATION: {
    department: 'EDUCATION',
    zh: '教育部门：失学辍学、休学、就学困难',
    en: 'Education: drop-out, suspension, schooling hardship',
    columns: [
      ...person,
      { key: 'stage', zh: '学段', en: 'Stage', required: true, type: 'enum', values: { PRIMARY: ['小学', 'primary'], JUNIOR: ['初中', 'junior'], SENIOR: ['高中', 'senior'], VOCATIONAL: ['中职', 'vocational'] }, example: '初中' },
      { key: 'status', zh: '状态', en: 'Status', required: true, type: 'enum', values: { DROPPED_OUT: ['辍学', 'dropped out'], SUSPENDED: ['休学', 'suspended'], HARDSHIP: ['就学困难', 'hardship'] }, example: '辍学' },
      { key: 'date', zh: '日期', en: 'Date', required: true, type: 'date', example: '2025-03-01' },
    ],
    eventKeys: ['status', 'date'],
    warning: (r) => ({ riskType: 'EDUCATION', level: r.status === 'DROPPED_OUT' ? 'RED' : 'YELLOW' }),
  },
  HOUSING: {
    department: 'HOUSING',
    zh: '住房城乡建设部门：农房安全鉴定',
    en: 'Housing: rural house safety appraisal',
    columns: [
      ...person,
      { key: 'grade', zh: '鉴定等级', en: 'Grade', required: true, type: 'enum', values: { A: ['A级', 'A'], B: ['B级', 'B'], C: ['C级', 'C'], D: ['D级', 'D'] }, example: 'C级' },
      { key: 'date', zh: '鉴定日期', en: 'Appraisal date', required: true, type: 'date', example: '2025-02-20' },
      { key: 'address', zh: '地址', en: 'Address', required: false, type: 'text', example: '城关镇一村3组' },
    ],
    eventKeys: ['grade', 'date'],
    warning: (r) => (r.grade === 'D' ? { riskType: 'UNSAFE_HOUSING', level: 'RED' } : r.grade === 'C' ? { riskType: 'UNSAFE_HOUSING', level: 'YELLOW' } : null),
  },
  WATER: {
    department: 'WATER',
    zh: '水利部门：供水中断与饮水安全问题',
    en: 'Water resources: supply interruptions and drinking-water problems',
    columns: [
      ...person,
      { key: 'problem', zh: '问题类型', en: 'Problem', required: true, type: 'enum', values: { INTERRUPTION: ['断水', 'interruption'], QUALITY: ['水质不达标', 'quality'], QUANTITY: ['水量不足', 'quantity'], DISTANCE: ['取水不便', 'distance'] }, example: '断水' },
      { key: 'date', zh: '开始日期', en: 'Start date', required: true, type: 'date', example: '2025-05-10' },
      { key: 'days', zh: '天数', en: 'Days', required: false, type: 'int', example: '40' },
    ],
    eventKeys: ['problem', 'date'],
    warning: (r) => ({ riskType: 'UNSAFE_WATER', level: r.problem === 'QUALITY' ? 'RED' : 'YELLOW' }),
  },
  EMERGENCY: {
    department: 'EMERGENCY',
    zh: '应急管理部门：受灾人员',
    en: 'Emergency management: people affected by disasters',
    columns: [
      ...person,
      {
        key: 'hazard',
        zh: '灾种',
        en: 'Hazard',
        required: true,
        type: 'enum',
        values: { FLOOD: ['洪涝灾害', '洪涝', 'flood'], GEOLOGICAL: ['地质灾害', 'geological'], DROUGHT: ['旱灾', 'drought'], BIOLOGICAL: ['生物灾害', 'biological'], METEOROLOGICAL: ['气象灾害', 'meteorological'], EARTHQUAKE: ['地震灾害', 'earthquake'], OTHER: ['其他', 'other'] },
        example: '洪涝灾害',
      },
      { key: 'date', zh: '受灾日期', en: 'Date', required: true, type: 'date', example: '2025-06-20' },
      { key: 'lossFen', zh: '损失(元)', en: 'Loss (yuan)', required: false, type: 'amount', example: '15000' },
    ],
    eventKeys: ['hazard', 'date'],
    warning: () => ({ riskType: 'NATURAL_DISASTER', level: 'YELLOW' }),
  },
  HR: {
    department: 'HR',
    zh: '人力资源社会保障部门：失业、停保、返乡',
    en: 'Human resources and social security: unemployment, insurance stopped, return home',
    columns: [
      ...person,
      { key: 'matter', zh: '事项', en: 'Matter', required: true, type: 'enum', values: { UNEMPLOYED: ['失业登记', 'unemployed'], INSURANCE_STOPPED: ['停保', 'insurance stopped'], RETURNED: ['返乡', 'returned home'] }, example: '失业登记' },
      { key: 'date', zh: '日期', en: 'Date', required: true, type: 'date', example: '2025-04-15' },
      { key: 'employer', zh: '原单位', en: 'Former employer', required: false, type: 'text', example: '东莞某电子厂' },
    ],
    eventKeys: ['matter', 'date'],
    warning: () => ({ riskType: 'UNSTABLE_EMPLOYMENT', level: 'YELLOW' }),
  },
};

/** CSV template text (header + one example row) in Chinese headers. */
export function templateCsv(department: Department): string {
  const cols = DEPARTMENT_FORMATS[department].columns;
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${cols.map((c) => q(c.zh)).join(',')}\n${cols.map((c) => q(c.example)).join(',')}\n`;
}
