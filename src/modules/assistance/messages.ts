import { registerMessages } from '../../platform/messages.js';

registerMessages({
  'assistance.case_not_identified': { 'zh-CN': '案件处于 {status}，帮扶计划针对已认定的监测对象', en: 'The case is {status}: plans are made for identified households' },
  'assistance.plan_exists': { 'zh-CN': '该户已有帮扶计划（一户一策）', en: 'The household already has a plan (one household, one plan)' },
  'assistance.illegal_status': { 'zh-CN': '措施状态不能从 {from} 变为 {to}', en: 'A {from} measure cannot become {to}' },
  'assistance.measure_implemented': { 'zh-CN': '已实施的措施不能修改', en: 'An implemented measure is not edited' },
  'assistance.before_start': { 'zh-CN': '落实日期早于措施开始日期 {start}', en: 'Implemented before the start date {start}' },
});
