import i18n from 'i18next';
import { CASE_STATUSES, RISK_TYPES } from '../../../../src/modules/cases/domain/enums';

/** The cases pages' strings, added to the app's catalogue when this feature loads (zh-CN default, en). */
const zh = {
  nav: { cases: '监测案件' },
  cases: {
    queue: '我的待办', all: '全部案件', id: '编号', household: '户编号', head: '户主', status: '状态', category: '类别', risks: '风险', due: '办理期限', overdue: '已超期',
    open: '查看', timeline: '办理过程', evidence: '材料', notices: '公示公告', print: '打印', printEn: '英文版', action: '下一步', choose: '选择要办理的步骤', submit: '提交', note: '备注',
    evidenceJson: '本步骤材料（JSON，可按模板填写）', done: '已办理：{{status}}', noActions: '您在此状态下没有可办理的步骤', version: '版本',
    title: '监测案件 {{id}} · {{status}}', byActor: '{{name}}（{{role}}）', identified: '识别监测时间', eliminated: '风险消除时间', channel: '发现方式', invalidJson: '材料不是有效的 JSON', empty: '没有待办案件',
  },
};
const en = {
  nav: { cases: 'Cases' },
  cases: {
    queue: 'My work queue', all: 'All cases', id: 'No.', household: 'Household no.', head: 'Head', status: 'Status', category: 'Category', risks: 'Risks', due: 'Due', overdue: 'Overdue',
    open: 'Open', timeline: 'Timeline', evidence: 'Evidence', notices: 'Notices', print: 'Print', printEn: 'English', action: 'Next step', choose: 'Choose the step to take', submit: 'Submit', note: 'Note',
    evidenceJson: 'Evidence for this step (JSON, fill in the template)', done: 'Done: {{status}}', noActions: 'You have no step to take in this status', version: 'Version',
    title: 'Case {{id}} · {{status}}', byActor: '{{name}} ({{role}})', identified: 'Identified on', eliminated: 'Eliminated on', channel: 'Channel', invalidJson: 'The evidence is not valid JSON', empty: 'Nothing waiting for you',
  },
};
function add() {
  i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
// The app initialises i18next at start-up; this file may load before or after that.
if (i18n.isInitialized) add();
else i18n.on('initialized', add);

/** The label of a code in one of the cases module's bilingual tables (the code itself if unknown). */
export const codeLabel = (table: Record<string, { zh: string; en: string }>, code: string, lang: string) => (table[code] ? (lang === 'en' ? table[code].en : table[code].zh) : code);

export const statusLabel = (status: string, lang: string) => codeLabel(CASE_STATUSES, status, lang);

/** A case's risks as one line of labels (Chinese enumeration comma in zh). */
export const risksLabel = (risks: readonly string[], lang: string) => risks.map((r) => codeLabel(RISK_TYPES, r, lang)).join(lang === 'en' ? ', ' : '、');
