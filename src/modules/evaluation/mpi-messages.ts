/** Message keys of the MPI specification and evaluation, and of the evaluation module's queries (zh-CN and en). */
import { registerMessages } from '../../platform/messages.js';

registerMessages({
  'evaluation.mpi.unknown_indicator': {
    'zh-CN': '未知指标：可选 income、food_clothing、compulsory_education、medical_insurance、housing、drinking_water、schooling、health、labour',
    en: 'Unknown indicator: use income, food_clothing, compulsory_education, medical_insurance, housing, drinking_water, schooling, health or labour',
  },
  'evaluation.mpi.weight_positive': { 'zh-CN': '权重必须是正数', en: 'A weight must be a positive number' },
  'evaluation.mpi.k_range': { 'zh-CN': '贫困临界值 k 必须大于 0 且不超过 1', en: 'The poverty cutoff k must be greater than 0 and at most 1' },
  'evaluation.mpi.duplicate_dimension': { 'zh-CN': '维度编号重复', en: 'This dimension id is used twice' },
  'evaluation.mpi.duplicate_indicator': { 'zh-CN': '同一指标只能出现一次', en: 'An indicator may appear only once' },
  'evaluation.mpi.no_cutoff': { 'zh-CN': '该指标是“是/否”指标，不设临界值', en: 'This is a yes/no indicator and takes no cutoff' },
  'evaluation.mpi.cutoff_range': {
    'zh-CN': '临界值超出范围（收入：监测标准的 0.1–10 倍；受教育年限：1–16 年）',
    en: 'Cutoff out of range (income: 0.1–10 times the monitoring threshold; schooling: 1–16 years)',
  },
  'evaluation.mpi.spec_forbidden': { 'zh-CN': '只有县级管理员可以修改本县的多维贫困指标体系', en: 'Only the county administrator may change the county’s MPI specification' },
  'evaluation.mpi.version_conflict': { 'zh-CN': '指标体系已被他人修改，请刷新后重试', en: 'The specification was changed by someone else; reload and try again' },
  'evaluation.division_prefix': { 'zh-CN': '区划代码应为 2、4、6、9 或 12 位数字', en: 'A division prefix of 2, 4, 6, 9 or 12 digits' },
  'evaluation.county_code': { 'zh-CN': '县级区划代码应为 6 位数字', en: 'A 6-digit county code' },
  'evaluation.mpi.id_format': { 'zh-CN': '编号应以小写字母开头，只含小写字母、数字和下划线（至多 40 个字符）', en: 'A lower-case identifier (letters, digits, _; at most 40 characters)' },
});
