import i18n from 'i18next';

/**
 * The step form's fields per action (the server validates every one): each field has a name path
 * into the evidence object, a kind and a default. Labels are i18n keys under `steps.f.*`.
 */
export type FieldKind = 'date' | 'text' | 'textarea' | 'int' | 'bool' | 'checkers' | 'tags' | 'select' | 'risks';
export interface StepField {
  name: string[];
  kind: FieldKind;
  required?: boolean;
  options?: string[];
  initial?: (today: string) => unknown;
}

const today = (t: string) => t;
const d = (name: string[], required = true): StepField => ({ name, kind: 'date', required, initial: today });
const text = (name: string[], required = true): StepField => ({ name, kind: 'text', required });
const area = (name: string[], required = true): StepField => ({ name, kind: 'textarea', required });
const int = (name: string[], required = true, initial?: number): StepField => ({ name, kind: 'int', required, initial: initial === undefined ? undefined : () => initial });
const bool = (name: string[], initial = false): StepField => ({ name, kind: 'bool', initial: () => initial });

const visit = [d(['visit', 'date']), { name: ['visit', 'checkers'], kind: 'checkers', required: true, initial: () => ['', ''] } as StepField, area(['visit', 'findings'])];
const comparison = [d(['comparison', 'date']), { name: ['comparison', 'departments'], kind: 'tags', required: true, initial: () => ['公安', '不动产', '市场监管'] } as StepField, { name: ['comparison', 'result'], kind: 'select', required: true, options: ['CLEAR', 'HIDDEN_ASSETS_OR_INCOME'], initial: () => 'CLEAR' } as StepField, area(['comparison', 'findings'], false)];
const minutes = [d(['minutes', 'date']), int(['minutes', 'attendees']), int(['minutes', 'votesFor']), int(['minutes', 'votesAgainst'], true, 0), int(['minutes', 'abstentions'], true, 0), area(['minutes', 'summary'])];
const notice = [d(['notice', 'startDate']), d(['notice', 'endDate']), text(['notice', 'objectionContact'])];
const approval = [text(['approval', 'documentNo']), d(['approval', 'date'])];

export function stepFields(action: string, status: string): StepField[] {
  switch (action) {
    case 'submit_verification':
      return [...visit, text(['authorisation', 'signer']), d(['authorisation', 'signedOn']), text(['authorisation', 'documentRef']), bool(['authorisation', 'byProxy'])];
    case 'record_comparison':
      return comparison;
    case 'record_review':
    case 'record_elim_review':
      return [...minutes, ...notice];
    case 'close_publicity':
    case 'close_elim_publicity':
      return [area(['summary'])];
    case 'township_pass':
    case 'elim_township_pass':
      return [d(['review', 'date']), area(['review', 'opinion']), bool(['review', 'onSiteCheck'])];
    case 'township_return':
    case 'reject_elimination':
      return [area(['reason'])];
    case 'county_approve':
    case 'approve_elimination':
      return approval;
    case 'start_monitoring':
      return [d(['enteredOn'])];
    case 'propose_elimination':
      return [{ name: ['eliminationType'], kind: 'select', required: true, options: ['BY_ASSISTANCE', 'NATURAL'], initial: () => 'BY_ASSISTANCE' }, d(['incomeStableSince']), bool(['rigidExpensesResolved'], true), area(['naturalReason'], false)];
    case 'submit_elim_verification':
      return [...visit, text(['forms', 'collectionFormRef']), text(['forms', 'measuresFormRef']), text(['forms', 'assessmentFormRef'])];
    case 'reject': {
      const extra: Record<string, StepField[]> = { VERIFYING: visit, COMPARING: comparison, VILLAGE_REVIEW: minutes, PUBLICITY: [int(['objectionId'])], COUNTY_APPROVAL: approval };
      return [area(['reason']), ...(extra[status] ?? [])];
    }
    case 'rollback':
      return [area(['reason']), ...approval];
    case 'reinclude':
      return [{ name: ['newRisks'], kind: 'risks', required: true }, area(['reason']), ...approval];
    case 'close':
      return [{ name: ['reason'], kind: 'select', required: true, options: ['MERGED', 'DECEASED', 'MOVED', 'OTHER'], initial: () => 'OTHER' }, area(['explanation'])];
    default:
      return [];
  }
}

/** Form values → the evidence object the server expects (checkers as objects, the fixed `signed: true`). */
export function toEvidence(action: string, values: Record<string, unknown>): Record<string, unknown> {
  const v = structuredClone(values) as Record<string, Record<string, unknown>>;
  if (v.visit && Array.isArray(v.visit.checkers)) v.visit.checkers = (v.visit.checkers as string[]).filter((n) => n && n.trim()).map((name) => ({ name: name.trim() }));
  if (action === 'submit_verification' && v.authorisation) v.authorisation.signed = true;
  for (const key of Object.keys(v)) if (v[key] === undefined || (v[key] as unknown) === '') delete v[key];
  if (v.comparison && !v.comparison.findings) delete v.comparison.findings;
  if (action === 'propose_elimination' && !v.naturalReason) delete v.naturalReason;
  return v;
}

export function initialValues(fields: StepField[], todayDate: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!f.initial) continue;
    let node = out;
    for (const k of f.name.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[f.name[f.name.length - 1]] = f.initial(todayDate);
  }
  return out;
}

const zh = {
  steps: {
    a: {
      assign: '派员入户核实', submit_verification: '提交入户核实', record_comparison: '录入信息比对结果', record_review: '录入村民主评议并公示', close_publicity: '公示结束', township_pass: '乡镇审核通过',
      township_return: '乡镇退回重新核实', county_approve: '县级审批认定', start_monitoring: '录入系统，纳入监测', reject: '不予纳入', propose_elimination: '提出风险消除', assign_elim_verification: '派员核实风险消除',
      submit_elim_verification: '提交风险消除核实', record_elim_review: '录入风险消除评议并公示', close_elim_publicity: '风险消除公示结束', elim_township_pass: '乡镇审核风险消除', approve_elimination: '县级批准风险消除',
      reject_elimination: '不予消除，继续监测', rollback: '回退（消除有误）', reinclude: '返贫致贫风险重新纳入', close: '关闭案件', open: '立案',
    },
    f: {
      visit_date: '入户日期', visit_checkers: '核实人员（至少 2 人）', visit_findings: '核实情况', authorisation_signer: '授权书签字人', authorisation_signedOn: '签字日期', authorisation_documentRef: '授权书编号', authorisation_byProxy: '代为填写',
      comparison_date: '比对日期', comparison_departments: '比对部门', comparison_result: '比对结果', comparison_findings: '比对情况说明',
      minutes_date: '评议日期', minutes_attendees: '参会人数', minutes_votesFor: '同意票', minutes_votesAgainst: '反对票', minutes_abstentions: '弃权票', minutes_summary: '会议纪要',
      notice_startDate: '公示开始', notice_endDate: '公示结束', notice_objectionContact: '异议受理联系方式', summary: '公示情况', review_date: '审核日期', review_opinion: '审核意见', review_onSiteCheck: '实地抽查',
      reason: '理由', approval_documentNo: '审批文号', approval_date: '审批日期', enteredOn: '录入日期', eliminationType: '消除类型', incomeStableSince: '收入稳定起始日', rigidExpensesResolved: '刚性支出已解决', naturalReason: '自然消除原因',
      forms_collectionFormRef: '风险消除信息采集表编号', forms_measuresFormRef: '帮扶措施落实情况表编号', forms_assessmentFormRef: '风险消除评估表编号', objectionId: '成立的异议编号', newRisks: '新增风险', explanation: '说明',
      authorisation_signed: '授权书已签字', clueId: '线索编号', source: '线索来源', channel: '发现方式', contactUserId: '联系人编号', risks: '风险', category: '监测对象类别',
    },
    o: { CLEAR: '无异常', HIDDEN_ASSETS_OR_INCOME: '发现隐瞒资产或收入', BY_ASSISTANCE: '帮扶消除', NATURAL: '自然消除', MERGED: '户合并', DECEASED: '整户死亡', MOVED: '户籍迁出', OTHER: '其他' },
    n: { PUBLICITY_IDENTIFICATION: '识别纳入公示', ANNOUNCEMENT_IDENTIFICATION: '识别纳入公告', PUBLICITY_ELIMINATION: '风险消除公示', ANNOUNCEMENT_ELIMINATION: '风险消除公告' },
    checker: '核实人 {{n}}', addChecker: '添加核实人', done: '已办理：{{action}}',
  },
};
const en = {
  steps: {
    a: {
      assign: 'Assign the home check', submit_verification: 'Submit the home check', record_comparison: 'Record the comparison result', record_review: 'Record the village review and open the notice', close_publicity: 'Close the notice', township_pass: 'Township review: pass',
      township_return: 'Township: return for re-checking', county_approve: 'County approval', start_monitoring: 'Enter into monitoring', reject: 'Reject', propose_elimination: 'Propose elimination', assign_elim_verification: 'Assign the elimination check',
      submit_elim_verification: 'Submit the elimination check', record_elim_review: 'Record the elimination review and open the notice', close_elim_publicity: 'Close the elimination notice', elim_township_pass: 'Township: pass elimination', approve_elimination: 'County: approve elimination',
      reject_elimination: 'Keep monitoring (no elimination)', rollback: 'Roll back (elimination in error)', reinclude: 'Re-include (new risk)', close: 'Close the case', open: 'Opened',
    },
    f: {
      visit_date: 'Visit date', visit_checkers: 'Checkers (at least 2)', visit_findings: 'Findings', authorisation_signer: 'Authorisation signed by', authorisation_signedOn: 'Signed on', authorisation_documentRef: 'Authorisation no.', authorisation_byProxy: 'Filled in by proxy',
      comparison_date: 'Comparison date', comparison_departments: 'Departments', comparison_result: 'Result', comparison_findings: 'Findings',
      minutes_date: 'Meeting date', minutes_attendees: 'Attendees', minutes_votesFor: 'Votes for', minutes_votesAgainst: 'Votes against', minutes_abstentions: 'Abstentions', minutes_summary: 'Minutes',
      notice_startDate: 'Notice from', notice_endDate: 'Notice until', notice_objectionContact: 'Where to object', summary: 'Notice summary', review_date: 'Review date', review_opinion: 'Opinion', review_onSiteCheck: 'On-site check',
      reason: 'Reason', approval_documentNo: 'Document no.', approval_date: 'Approval date', enteredOn: 'Entered on', eliminationType: 'Elimination type', incomeStableSince: 'Income stable since', rigidExpensesResolved: 'Rigid expenses resolved', naturalReason: 'Why the risk disappeared',
      forms_collectionFormRef: 'Information form no.', forms_measuresFormRef: 'Measures form no.', forms_assessmentFormRef: 'Assessment form no.', objectionId: 'Founded objection no.', newRisks: 'New risks', explanation: 'Explanation',
      authorisation_signed: 'Authorisation signed', clueId: 'Clue no.', source: 'Clue source', channel: 'Channel', contactUserId: 'Contact user no.', risks: 'Risks', category: 'Category',
    },
    o: { CLEAR: 'Clear', HIDDEN_ASSETS_OR_INCOME: 'Hidden assets or income found', BY_ASSISTANCE: 'Through assistance', NATURAL: 'Naturally', MERGED: 'Household merged', DECEASED: 'Household deceased', MOVED: 'Moved away', OTHER: 'Other' },
    n: { PUBLICITY_IDENTIFICATION: 'Identification notice', ANNOUNCEMENT_IDENTIFICATION: 'Identification announcement', PUBLICITY_ELIMINATION: 'Elimination notice', ANNOUNCEMENT_ELIMINATION: 'Elimination announcement' },
    checker: 'Checker {{n}}', addChecker: 'Add checker', done: 'Done: {{action}}',
  },
};
function add() {
  i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
