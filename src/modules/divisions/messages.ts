import { registerMessages } from '../../platform/messages.js';

/** Server messages of the divisions module (zh-CN, en). */
registerMessages({
  'divisions.bad_code': {
    'zh-CN': '区划代码格式不正确（{value}）：应为 2、4、6、9 位有效代码或 12 位完整代码',
    en: 'Malformed division code ({value}): expected a 2, 4, 6 or 9-digit prefix or a 12-digit code',
  },
  'divisions.unknown_code': { 'zh-CN': '没有代码为 {value} 的行政区划', en: 'No division with code {value}' },
  'divisions.unknown_source_code': { 'zh-CN': '区划数据中没有代码为 {code} 的{kind}', en: 'The division data has no {kind} with code {code}' },
  'divisions.bad_query': { 'zh-CN': '请输入 1–50 个字的名称', en: 'Enter a name of 1–50 characters' },
});
