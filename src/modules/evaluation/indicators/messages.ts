/** Message keys of evaluation/indicators (errors and import problems), zh-CN and en. */
import { registerMessages } from '../../../platform/messages.js';

registerMessages({
  'evaluation.indicators.out_of_scope': { 'zh-CN': '该区划超出您的辖区', en: 'This division is outside your scope' },
  'evaluation.indicators.forbidden_role': { 'zh-CN': '您的角色无权修改指标体系或导入指标数据', en: 'Your role may not change the indicator system or import indicator values' },
  'evaluation.indicators.bad_area': { 'zh-CN': '请选择县或乡镇', en: 'Choose a county or a township' },
  'evaluation.indicators.bad_level': { 'zh-CN': '乡镇排名需要选择县', en: 'Townships are ranked within a county' },
  'evaluation.indicators.version_conflict': { 'zh-CN': '指标体系已被他人修改（当前版本 {version}），请刷新后再改', en: 'The indicator system was changed by someone else (now version {version}); reload and edit again' },
  'evaluation.indicators.import_has_problems': { 'zh-CN': '文件有问题（见明细），未导入任何数据', en: 'The file has problems (see the details); nothing was imported' },
  'evaluation.indicators.import.bad_file': { 'zh-CN': '无法读取文件：请上传 CSV（UTF-8 或 GBK）或 XLSX', en: 'Cannot read the file: upload CSV (UTF-8 or GBK) or XLSX' },
  'evaluation.indicators.import.empty_file': { 'zh-CN': '文件没有数据行', en: 'The file has no data rows' },
  'evaluation.indicators.import.too_many_rows': { 'zh-CN': '行数超过上限 {limit}', en: 'More rows than the limit of {limit}' },
  'evaluation.indicators.import.missing_column': { 'zh-CN': '缺少必填列“{column}”', en: 'Required column "{column}" is missing' },
  'evaluation.indicators.import.required': { 'zh-CN': '必填项为空', en: 'Required value is empty' },
  'evaluation.indicators.import.bad_division': { 'zh-CN': '区划代码应为 12 位数字（村或乡镇）', en: 'The division code must have 12 digits (village or township)' },
  'evaluation.indicators.import.unknown_division': { 'zh-CN': '区划库中没有这个村或乡镇', en: 'No such village or township in the division table' },
  'evaluation.indicators.import.division_out_of_scope': { 'zh-CN': '区划超出您的辖区', en: 'The division is outside your scope' },
  'evaluation.indicators.import.bad_year': { 'zh-CN': '年份应为 2000—2100 的整数', en: 'The year must be a whole number from 2000 to 2100' },
  'evaluation.indicators.import.unknown_indicator': { 'zh-CN': '指标体系中没有这个指标代码', en: 'No indicator with this code in the indicator system' },
  'evaluation.indicators.import.computed_indicator': { 'zh-CN': '该指标由登记数据自动计算，不能导入', en: 'This indicator is computed from the registry and cannot be imported' },
  'evaluation.indicators.import.bad_value': { 'zh-CN': '数值不是有效数字', en: 'The value is not a valid number' },
  'evaluation.indicators.import.out_of_range': { 'zh-CN': '数值超出该指标单位允许的范围（{range}）', en: 'The value is outside the range its unit allows ({range})' },
  'evaluation.indicators.import.duplicate': { 'zh-CN': '与第 {row} 行重复（同一区划、年份和指标）', en: 'Duplicates row {row} (same division, year and indicator)' },
});
