import { registerMessages } from '../../../platform/messages.js';

/** Server messages of the demo county generator (zh-CN, en). */
registerMessages({
  'registry.demo.no_divisions': {
    'zh-CN': '数据库中没有 {county} 的村级区划：请先运行 ruralbridge divisions load --county {county}',
    en: 'No villages of {county} in the database: run ruralbridge divisions load --county {county} first',
  },
  'registry.demo.not_empty': {
    'zh-CN': '数据库中已有 {count} 户农户；如要删除本县数据并重新生成，请加 --force',
    en: 'The database already has {count} households; add --force to delete the county’s registry rows and generate again',
  },
  'registry.demo.bad_scale': { 'zh-CN': '规模应在 0.0001 到 10 之间（{value}）', en: 'Scale must be between 0.0001 and 10 ({value})' },
  'registry.demo.bad_seed': { 'zh-CN': '随机种子应为 0 到 4294967295 之间的整数（{value}）', en: 'Seed must be an integer from 0 to 4294967295 ({value})' },
});
