/** Message keys of the measures module (error detail codes), zh-CN and en. */
import { registerMessages } from '../../platform/messages.js';

registerMessages({
  'measures.weights.not_criterion': { 'zh-CN': '权重中的“{column}”不是评价指标列', en: 'The weight "{column}" names a column that is not a criterion' },
  'measures.weights.missing': { 'zh-CN': '缺少指标列“{column}”的权重', en: 'No weight for the criterion column "{column}"' },
  'measures.missing_value': { 'zh-CN': '第 {row} 行“{column}”列缺少数值', en: 'Missing value at row {row}, column "{column}"' },
  'measures.non_numeric': { 'zh-CN': '第 {row} 行“{column}”列不是数字', en: 'Not a number at row {row}, column "{column}"' },
  'measures.unknown_column': { 'zh-CN': '文件中没有“{column}”列', en: 'The file has no column "{column}"' },
  'measures.empty_input': { 'zh-CN': '输入为空，没有数据行', en: 'The input is empty: no data rows' },
  'measures.invalid_value': { 'zh-CN': '数值超出允许范围', en: 'A value is outside its allowed range' },
  'measures.dimension_mismatch': { 'zh-CN': '列、权重或参数的个数不一致', en: 'Columns, weights or parameters do not match in number' },
  'measures.invalid_parameter': { 'zh-CN': '参数无效', en: 'Invalid parameter' },
  'measures.insufficient_data': { 'zh-CN': '数据行太少，无法计算', en: 'Too few rows for this method' },
  'measures.degenerate': { 'zh-CN': '所有列都是常数，结果无定义', en: 'Every column is constant: the result is undefined' },
  'measures.spec.column_required': { 'zh-CN': '列名不能为空', en: 'A column name is required' },
  'measures.spec.indicator_required': { 'zh-CN': '至少需要一个指标', en: 'At least one indicator' },
  'measures.spec.k_range': { 'zh-CN': 'k 是占总权重的比例，必须大于 0 且不超过 1', en: 'k is a share of the total weight: greater than 0, at most 1' },
  'measures.spec.middle_needs_best': { 'zh-CN': '适度型（middle）准则需要 best', en: "A 'middle' criterion needs best" },
  'measures.spec.interval_needs_lower': { 'zh-CN': '区间型（interval）准则需要 lower', en: "An 'interval' criterion needs lower" },
  'measures.spec.interval_needs_upper': { 'zh-CN': '区间型（interval）准则需要 upper', en: "An 'interval' criterion needs upper" },
  'measures.spec.lower_above_upper': { 'zh-CN': '下限高于上限', en: 'lower is above upper' },
  'measures.spec.epsilon_range': { 'zh-CN': 'epsilon 必须小于 0.5', en: 'epsilon must be below 0.5' },
  'measures.spec.criterion_required': { 'zh-CN': '至少需要一个准则', en: 'At least one criterion' },
  'measures.spec.weight_negative': { 'zh-CN': '权重不能为负数', en: 'Weights must be >= 0' },
  'measures.spec.systems_min': { 'zh-CN': '至少需要 2 个子系统列', en: 'At least 2 subsystem columns' },
  'measures.spec.weights_per_system': { 'zh-CN': '每个子系统一个权重（共 {count} 个）', en: 'Give one weight per subsystem ({count})' },
});
