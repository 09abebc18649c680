import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import './i18n';
import { findingValuesLabel, sourceLabel } from './labels';

describe('sourceLabel', () => {
  it('names the rule, the department file and row, the visit, the declaration and the 12317 call', async () => {
    await i18n.init({ lng: 'zh-CN', fallbackLng: 'zh-CN', resources: {}, interpolation: { escapeValue: false } });
    const t = i18n.getFixedT('zh-CN');
    expect(sourceLabel(t, 'zh-CN', { source: 'sweep:unsafe-housing', sourceDept: null })).toBe('规则预警：住房安全问题');
    expect(sourceLabel(t, 'zh-CN', { source: 'department:medical#12:3', sourceDept: 'MEDICAL', sourceFile: '医保.csv' })).toBe('医疗保障部门文件《医保.csv》第 3 行');
    expect(sourceLabel(t, 'zh-CN', { source: 'department:medical#12:3', sourceDept: 'MEDICAL', sourceFile: null })).toBe('医疗保障部门文件《#12》第 3 行');
    expect(sourceLabel(t, 'zh-CN', { source: 'visit:7', sourceDept: null })).toBe('干部走访记录（第 7 号）');
    expect(sourceLabel(t, 'zh-CN', { source: 'declaration:SB123', sourceDept: null })).toBe('农户自主申报（受理编号 SB123）');
    expect(sourceLabel(t, 'zh-CN', { source: 'hotline:12317#RX-1', sourceDept: null })).toBe('12317 热线（工单 RX-1）');
    expect(sourceLabel(t, 'zh-CN', { source: 'supervision#S-9', sourceDept: null })).toBe('监督渠道反馈（编号 S-9）');
    const en = i18n.getFixedT('en');
    expect(sourceLabel(en, 'en', { source: 'sweep:income-low', sourceDept: null })).toBe('Rule: Per-capita net income below or near the monitoring threshold');
    expect(sourceLabel(t, 'zh-CN', { source: 'something-new', sourceDept: null })).toBe('something-new');
  });
});

describe('findingValuesLabel', () => {
  it('names what a rule found, with money in yuan and shares as percentages, instead of the raw JSON', async () => {
    await i18n.init({ lng: 'zh-CN', fallbackLng: 'zh-CN', resources: {}, interpolation: { escapeValue: false } });
    const values = { year: 2025, perCapitaNetFen: 630550, thresholdFen: 810000, margin: 0.1 };
    expect(findingValuesLabel(i18n.getFixedT('zh-CN'), 'zh-CN', values)).toBe('年度：2025；人均纯收入：6,306 元；监测标准：8,100 元；临界幅度：10.0%');
    expect(findingValuesLabel(i18n.getFixedT('en'), 'en', values)).toBe('Year: 2025; Per-capita net income: 6,306 yuan; Threshold: 8,100 yuan; Margin: 10.0%');
    expect(findingValuesLabel(i18n.getFixedT('en'), 'en', { disabledMembers: 1, somethingNew: 'x' })).toBe('Disabled members: 1; somethingNew: x');
  });
});
