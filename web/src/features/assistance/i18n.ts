import i18n from 'i18next';
import { MEASURE_CATEGORIES, MEASURE_STATUSES } from '../../../../src/modules/assistance/domain/enums';

/** The assistance pages' strings (zh-CN default, en), added to the app's catalogue when this feature loads. */
const zh = {
  nav: { assistance: '帮扶计划' },
  assistance: {
    title: '帮扶计划（一户一策）', household: '户编号', case: '监测案件', caseStatus: '案件状态', risks: '风险', responsible: '帮扶责任人', total: '计划金额合计',
    firstDue: '首项措施落实期限', overdue: '已超期', notDue: '未认定（认定后起算）', started: '已开始落实', version: '版本',
    noPlan: '该户还没有帮扶计划', noPlanNoCase: '该户还没有帮扶计划。请从已认定的监测案件页面制定计划。', create: '制定帮扶计划', createTitle: '制定帮扶计划（一户一策）', created: '帮扶计划已制定',
    responsibleName: '帮扶责任人（干部姓名）', suggestions: '建议措施（缺什么补什么）', suggestionsHelp: '根据风险和劳动力情况提出；已列入计划的措施标为已覆盖。',
    covered: '已覆盖', addThis: '添加此措施', because: '依据', uncovered: '以下风险还没有对应的帮扶措施：{{risks}}', allCovered: '每项风险都有对应的帮扶措施',
    measures: '帮扶措施', noMeasures: '还没有帮扶措施', addMeasure: '新增措施', editMeasure: '修改措施', measureAdded: '已新增措施', measureSaved: '措施已保存',
    category: '措施类别', description: '措施内容', amount: '金额（元）', start: '开始日期', end: '结束日期', period: '起止日期', status: '状态', implementedOn: '落实日期', actions: '操作',
    startImplementing: '开始实施', markImplemented: '已落实', implementingDone: '措施已开始实施', implementedDone: '措施已落实',
    implementTitle: '登记措施落实', implementOn: '落实日期', confirmImplementing: '确认将该措施改为“实施中”？',
    effect: '帮扶成效', noEffect: '尚未登记帮扶成效', recordEffect: '登记成效', editEffect: '修改成效', effectSaved: '帮扶成效已登记',
    incomeAfter: '帮扶后人均纯收入（元/年）', guaranteesAfter: '帮扶后“两不愁三保障”及饮水', recordedOn: '登记日期', note: '说明',
    foodClothingOk: '不愁吃、不愁穿', housingSafe: '住房安全', compulsoryEducationOk: '义务教育有保障', medicalInsuranceOk: '基本医疗有保障', waterSafe: '饮水安全',
    ok: '有保障', notOk: '未保障', endBeforeStart: '结束日期不能早于开始日期', required: '请填写{{field}}', openPlan: '帮扶计划', backToCase: '返回案件',
    from: '{{date}} 起', NO_LABOUR: '无劳动力（兜底保障）', LABOUR_NEEDS_DEVELOPMENTAL: '有劳动力，须有开发式帮扶', yuan: '元',
  },
};
const en = {
  nav: { assistance: 'Assistance plan' },
  assistance: {
    title: 'Assistance plan (one household, one plan)', household: 'Household no.', case: 'Case', caseStatus: 'Case status', risks: 'Risks', responsible: 'Responsible cadre', total: 'Total planned amount',
    firstDue: 'First measure due', overdue: 'Overdue', notDue: 'Not identified yet (counts from identification)', started: 'Started', version: 'Version',
    noPlan: 'This household has no assistance plan yet', noPlanNoCase: 'This household has no assistance plan yet. Make one from the page of its identified case.', create: 'Make the assistance plan', createTitle: 'Make the assistance plan', created: 'Assistance plan made',
    responsibleName: 'Responsible cadre (name)', suggestions: 'Suggested measures (fill what is missing)', suggestionsHelp: 'From the risks and the labour in the household; measures already in the plan are marked covered.',
    covered: 'Covered', addThis: 'Add this measure', because: 'Because of', uncovered: 'These risks have no matching measure yet: {{risks}}', allCovered: 'Every risk has a matching measure',
    measures: 'Measures', noMeasures: 'No measures yet', addMeasure: 'Add measure', editMeasure: 'Edit measure', measureAdded: 'Measure added', measureSaved: 'Measure saved',
    category: 'Category', description: 'What is done', amount: 'Amount (yuan)', start: 'Start date', end: 'End date', period: 'Period', status: 'Status', implementedOn: 'Implemented on', actions: 'Actions',
    startImplementing: 'Start', markImplemented: 'Implemented', implementingDone: 'The measure is being implemented', implementedDone: 'The measure is implemented',
    implementTitle: 'Record implementation', implementOn: 'Implemented on', confirmImplementing: 'Mark this measure as being implemented?',
    effect: 'Effect', noEffect: 'No effect recorded yet', recordEffect: 'Record effect', editEffect: 'Edit effect', effectSaved: 'Effect recorded',
    incomeAfter: 'Per-capita net income after assistance (yuan/year)', guaranteesAfter: 'Two no-worries, three guarantees and water after assistance', recordedOn: 'Recorded on', note: 'Note',
    foodClothingOk: 'Enough food and clothing', housingSafe: 'Safe housing', compulsoryEducationOk: 'Compulsory education', medicalInsuranceOk: 'Basic medical care', waterSafe: 'Safe drinking water',
    ok: 'Guaranteed', notOk: 'Not guaranteed', endBeforeStart: 'The end date is before the start date', required: 'Enter {{field}}', openPlan: 'Assistance plan', backToCase: 'Back to the case',
    from: 'from {{date}}', NO_LABOUR: 'No labour (social protection)', LABOUR_NEEDS_DEVELOPMENTAL: 'Has labour: needs a developmental measure', yuan: 'yuan',
  },
};
function add() {
  i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
// The app initialises i18next at start-up; this file may load before or after that.
if (i18n.isInitialized) add();
else i18n.on('initialized', add);

const pick = (l: { zh: string; en: string } | undefined, code: string, lang: string) => (l ? (lang === 'en' ? l.en : l.zh) : code);
export const measureCategoryLabel = (code: string, lang: string) => pick(MEASURE_CATEGORIES[code as keyof typeof MEASURE_CATEGORIES], code, lang);
export const measureStatusLabel = (code: string, lang: string) => pick(MEASURE_STATUSES[code as keyof typeof MEASURE_STATUSES], code, lang);
export const MEASURE_CATEGORY_CODES = Object.keys(MEASURE_CATEGORIES);
