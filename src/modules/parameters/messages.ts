/** Message keys of the parameters module (schema messages), zh-CN and en. */
import { registerMessages } from '../../platform/messages.js';

registerMessages({
  'parameters.date_format': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'A date YYYY-MM-DD' },
  'parameters.division_format': { 'zh-CN': '区划代码应为 2、4、6、9 或 12 位数字', en: 'A division code of 2, 4, 6, 9 or 12 digits' },
  'parameters.scope_format': { 'zh-CN': '应为省级（2 位）或县级（6 位）区划代码', en: 'A province (2-digit) or county (6-digit) code' },
});
