import { registerMessages } from '../../platform/messages.js';

registerMessages({
  'assistance.case_not_identified': { 'zh-CN': '案件处于 {status}，帮扶计划针对已认定的监测对象', en: 'The case is {status}: plans are made for identified households' },
  'assistance.plan_exists': { 'zh-CN': '该户已有帮扶计划（一户一策）', en: 'The household already has a plan (one household, one plan)' },
  'assistance.illegal_status': { 'zh-CN': '措施状态不能从 {from} 变为 {to}', en: 'A {from} measure cannot become {to}' },
  'assistance.measure_implemented': { 'zh-CN': '已实施的措施不能修改', en: 'An implemented measure is not edited' },
  'assistance.before_start': { 'zh-CN': '落实日期早于措施开始日期 {start}', en: 'Implemented before the start date {start}' },
  'assistance.date.format': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Expected a date YYYY-MM-DD' },
  'assistance.end_before_start': { 'zh-CN': '结束日期早于开始日期', en: 'The end date is before the start date' },
  'assistance.risk.unknown': { 'zh-CN': '没有这种风险类型：{value}', en: 'No such risk type: {value}' },
  'assistance.measure.stale_version': { 'zh-CN': '措施已被他人修改（当前版本 {current}，您提交的是 {sent}），请刷新后重试', en: 'The measure was changed by someone else (now version {current}, you sent {sent}); reload and try again' },
  'assistance.plan.stale_version': { 'zh-CN': '帮扶计划已被他人修改（当前版本 {current}，您提交的是 {sent}），请刷新后重试', en: 'The plan was changed by someone else (now version {current}, you sent {sent}); reload and try again' },
  'assistance.lookup.id_required': { 'zh-CN': '请给出 householdId 或 caseId', en: 'Give householdId or caseId' },
});
