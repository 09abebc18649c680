import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '../../../../src/modules/cases/domain/case-machine';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { auditActionLabel, auditActorLabel } from './labels';

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
});

const inBoth = async (fn: () => string) => {
  await i18n.changeLanguage('zh-CN');
  const zh = fn();
  await i18n.changeLanguage('en');
  return { zh, en: fn() };
};

describe('auditActionLabel', () => {
  it('names the audited actions of the monitoring, case and assistance modules in Chinese and English', async () => {
    expect(await inBoth(() => auditActionLabel(i18n.t, 'monitoring.sweep'))).toEqual({ zh: '运行监测预警排查', en: 'Early-warning sweep run' });
    expect(await inBoth(() => auditActionLabel(i18n.t, 'case.open'))).toEqual({ zh: '立案', en: 'Case opened' });
    expect(await inBoth(() => auditActionLabel(i18n.t, 'case.record_review'))).toEqual({ zh: '案件：录入村民主评议并公示', en: 'Case: Record the village review and open the notice' });
    expect(await inBoth(() => auditActionLabel(i18n.t, 'case.refused.county_approve'))).toEqual({ zh: '案件步骤被拒绝：县级审批认定', en: 'Case step refused: County approval' });
  });
  it('labels every step of the case procedure, so no step code reaches the audit log', async () => {
    for (const lang of ['zh-CN', 'en']) {
      await i18n.changeLanguage(lang);
      for (const action of CASE_ACTIONS) expect(auditActionLabel(i18n.t, `case.${action}`)).not.toContain(action);
    }
  });
  it('shows an unknown action as its code', async () => {
    await i18n.changeLanguage('en');
    expect(auditActionLabel(i18n.t, 'projects.fund.move')).toBe('projects.fund.move');
  });
});

describe('auditActorLabel', () => {
  it('says what a non-user actor is and leaves user names as they are', async () => {
    expect(await inBoth(() => auditActorLabel(i18n.t, 'seed'))).toEqual({ zh: '系统（演示数据）', en: 'System (demo data)' });
    expect(await inBoth(() => auditActorLabel(i18n.t, '赫章县管理员'))).toEqual({ zh: '赫章县管理员', en: '赫章县管理员' });
  });
});
