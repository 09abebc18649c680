/** Message keys of the measures module (error detail codes), zh-CN and en. */
import { registerMessages } from '../../platform/messages.js';

registerMessages({
  'measures.missing_value': { 'zh-CN': '第 {row} 行“{column}”列缺少数值', en: 'Missing value at row {row}, column "{column}"' },
  'measures.non_numeric': { 'zh-CN': '第 {row} 行“{column}”列不是数字', en: 'Not a number at row {row}, column "{column}"' },
  'measures.unknown_column': { 'zh-CN': '文件中没有“{column}”列', en: 'The file has no column "{column}"' },
  'measures.empty_input': { 'zh-CN': '输入为空，没有数据行', en: 'The input is empty: no data rows' },
  'measures.invalid_value': { 'zh-CN': '数值超出允许范围', en: 'A value is outside its allowed range' },
  'measures.dimension_mismatch': { 'zh-CN': '列、权重或参数的个数不一致', en: 'Columns, weights or parameters do not match in number' },
  'measures.invalid_parameter': { 'zh-CN': '参数无效', en: 'Invalid parameter' },
  'measures.insufficient_data': { 'zh-CN': '数据行太少，无法计算', en: 'Too few rows for this method' },
  'measures.degenerate': { 'zh-CN': '所有列都是常数，结果无定义', en: 'Every column is constant: the result is undefined' },
});
