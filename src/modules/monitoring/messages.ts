import { registerMessages } from '../../platform/messages.js';

/** Server messages of the monitoring module (zh-CN, en). */
registerMessages({
  'monitoring.clue_not_open': { 'zh-CN': '该线索已不是待处理状态（{value}）', en: 'The clue is no longer open ({value})' },
  'monitoring.clue_closed': { 'zh-CN': '该线索已关闭', en: 'The clue is already closed' },
  'monitoring.unknown_village': { 'zh-CN': '没有这个村：{value}', en: 'No such village: {value}' },
  'monitoring.unknown_household': { 'zh-CN': '辖区内没有这个户', en: 'No such household in your scope' },
  'monitoring.outside_scope': { 'zh-CN': '超出您的辖区：{value}', en: 'Outside your scope: {value}' },
  'monitoring.declaration_received': {
    'zh-CN': '您的申报已收到，回执号 {reference}。村里会在规定时间内入户核实，请保持电话畅通。',
    en: 'Your declaration was received (receipt {reference}). The village will visit you within the set time limit.',
  },
  'monitoring.empty_after_cleaning': { 'zh-CN': '内容无效（去除不允许的字符后为空）', en: 'The text is empty after removing characters that are not allowed' },
  'monitoring.bad_id_number': { 'zh-CN': '身份证号码格式或校验位错误', en: 'The ID number is malformed or its check digit is wrong' },
  'monitoring.import.missing_column': { 'zh-CN': '缺少必填列“{column}”', en: 'Required column "{column}" is missing' },
  'monitoring.import.required': { 'zh-CN': '必填', en: 'required' },
  'monitoring.import.bad_id_number': { 'zh-CN': '身份证号码格式或校验位错误', en: 'malformed ID number or wrong check digit' },
  'monitoring.import.bad_date': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'a date must be YYYY-MM-DD' },
  'monitoring.import.future_date': { 'zh-CN': '日期晚于今天', en: 'the date is in the future' },
  'monitoring.import.bad_amount': { 'zh-CN': '金额应为不小于 0 的数字（元）', en: 'an amount must be a number ≥ 0 (yuan)' },
  'monitoring.import.bad_number': { 'zh-CN': '应为不小于 0 的整数', en: 'must be a whole number ≥ 0' },
  'monitoring.import.bad_value': { 'zh-CN': '取值不在允许范围：{allowed}', en: 'not one of the allowed values: {allowed}' },
  'monitoring.import.unmatched': { 'zh-CN': '辖区内登记人口中没有这个身份证号', en: 'no registered person in your scope has this ID number' },
  'monitoring.import.duplicate_row': { 'zh-CN': '与第 {row} 行重复', en: 'duplicate of row {row}' },
  'monitoring.import.empty_file': { 'zh-CN': '文件中没有数据行', en: 'the file has no data rows' },
  'monitoring.import.bad_file': { 'zh-CN': '无法读取文件：应为 CSV（UTF-8 或 GBK）或 XLSX', en: 'cannot read the file: expected CSV (UTF-8 or GBK) or XLSX' },
  'monitoring.import.too_many_rows': { 'zh-CN': '行数超过上限 {limit}', en: 'more rows than the limit of {limit}' },
  'monitoring.import.has_problems': { 'zh-CN': '文件有 {count} 处问题，未导入任何数据', en: 'The file has {count} problems; nothing was imported' },
  'monitoring.unknown_event': { 'zh-CN': '没有这个风险事件', en: 'No such risk event' },
});
