import { registerMessages } from '../../platform/messages.js';

/** Server messages of the audit module (zh-CN, en). */
registerMessages({
  'audit.chain.ok': { 'zh-CN': '审计链完整：共 {events} 条记录', en: 'The audit chain is intact: {events} events' },
  'audit.chain.edited': {
    'zh-CN': '审计记录 #{seq} 被篡改（内容与哈希不符）',
    en: 'Audit event #{seq} was edited (its content no longer matches its hash)',
  },
  'audit.chain.inserted': {
    'zh-CN': '审计记录 #{seq} 是事后插入的（最后一条完好的记录是 #{lastGoodSeq}）',
    en: 'Audit event #{seq} was inserted afterwards (the last intact event is #{lastGoodSeq})',
  },
  'audit.chain.deleted': {
    'zh-CN': '审计记录从 #{seq} 起被删除（最后一条完好的记录是 #{lastGoodSeq}）',
    en: 'Audit events from #{seq} on were deleted (the last intact event is #{lastGoodSeq})',
  },
  'audit.errors.bad_range': { 'zh-CN': '起始时间晚于结束时间', en: 'The start is after the end' },
  'audit.errors.bad_instant': { 'zh-CN': '不是有效的日期或时间：{value}', en: 'Not a valid date or time: {value}' },
});
