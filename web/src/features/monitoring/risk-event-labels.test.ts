import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../../../src/modules/monitoring/contract';
import { EVENT_SUBTYPES, subtypeLabel } from './risk-event-labels';

describe('subtypeLabel', () => {
  it('labels a coded subtype in Chinese or English and shows free text as it is', () => {
    expect(subtypeLabel('NATURAL_DISASTER', 'FLOOD', 'zh-CN')).toBe('洪涝灾害');
    expect(subtypeLabel('NATURAL_DISASTER', 'FLOOD', 'en')).toBe('flood');
    expect(subtypeLabel('MARKET_SHOCK', 'PRICE_DROP', 'zh-CN')).toBe('农产品价格大幅下跌');
    expect(subtypeLabel('EPIDEMIC', '非洲猪瘟', 'en')).toBe('非洲猪瘟');
    expect(subtypeLabel('OTHER', null, 'zh-CN')).toBe('—');
  });
  it('offers an "other" subtype of at most 40 characters for every event kind', () => {
    for (const kind of EVENT_KINDS) {
      expect(EVENT_SUBTYPES[kind].OTHER).toBeDefined();
      for (const code of Object.keys(EVENT_SUBTYPES[kind])) expect(code.length).toBeLessThanOrEqual(40);
    }
  });
});
