import i18n from 'i18next';

/** The monitoring pages' strings (zh-CN default, en), added when this feature loads. */
const zh = {
  nav: { clues: '风险线索', departmentImport: '部门预警导入' },
  monitoring: {
    clues: '风险线索', status: '状态', risk: '风险', channel: '发现方式', level: '预警等级', household: '户编号', head: '户主', source: '来源', lastSeen: '最近出现',
    explanation: '触发依据', openCase: '立案核查', viewCase: '查看案件', any: '全部', empty: '没有符合条件的线索', category: '监测类别', risks: '风险类型',
    openCaseTitle: '由线索立案', opened: '已立案，案件 {{id}}',
    statusOPEN: '待处理', statusIN_CASE: '已立案', statusCLOSED: '已关闭', levelRED: '红色', levelYELLOW: '黄色', levelBLUE: '蓝色',
    deptTitle: '部门预警数据导入', department: '部门', template: '下载模板（CSV）', chooseFile: '选择文件（CSV 或 XLSX）', dryRun: '检查（不写入）', commit: '确认导入',
    report: '检查结果', rowsTotal: '总行数', rowsValid: '有效行', rowsMatched: '匹配到人员', rowsUnmatched: '未匹配', cluesCreated: '新增线索', cluesUpdated: '更新线索',
    problems: '问题', row: '行', column: '列', value: '值', reason: '原因', committed: '已导入：新增 {{created}} 条线索，更新 {{updated}} 条', noProblems: '没有问题，可以导入',
    hasProblems: '文件有问题，请修改后重新上传（不会部分导入）',
    values: {
      yuan: '{{amount}} 元', year: '年度', perCapitaNetFen: '人均纯收入', previousPerCapitaNetFen: '上年人均纯收入', thresholdFen: '监测标准', margin: '临界幅度',
      dropShare: '黄色预警降幅', redShare: '红色预警降幅', outOfPocketMedicalFen: '合规自付医疗费用', lineFen: '预警线', severeLineFen: '红色预警线',
      wageFen: '工资性收入', previousWageFen: '上年工资性收入', labourMembers: '劳动力人数', members: '家庭人口', disabledMembers: '残疾成员数',
      seriouslyIllMembers: '重病成员数', dropoutFlag: '有辍学标记', dropoutChildren: '辍学子女数', housingUnsafe: '住房不安全', houseGrade: '房屋鉴定等级',
      waterUnsafe: '饮水不安全', litresPerDay: '每人每日水量（升）', tripMinutes: '取水往返（分钟）', interruptionDays: '年断水天数', quantityShort: '水量不足',
      tooFar: '取水不便', unreliable: '供水不稳定', eventId: '风险事件编号', kind: '事件类型', occurredOn: '发生日期', severity: '严重程度',
    },
    src: {
      sweep: '规则预警：{{rule}}', department: '{{dept}}部门文件《{{file}}》第 {{row}} 行', visit: '干部走访记录（第 {{id}} 号）',
      declaration: '农户自主申报（受理编号 {{ref}}）', hotline: '12317 热线（工单 {{ticket}}）', supervision: '监督渠道反馈（编号 {{ticket}}）',
    },
  },
};
const en = {
  nav: { clues: 'Risk clues', departmentImport: 'Department warnings' },
  monitoring: {
    clues: 'Risk clues', status: 'Status', risk: 'Risk', channel: 'Channel', level: 'Level', household: 'Household no.', head: 'Head', source: 'Source', lastSeen: 'Last seen',
    explanation: 'What fired', openCase: 'Open case', viewCase: 'View case', any: 'All', empty: 'No clues match', category: 'Category', risks: 'Risks',
    openCaseTitle: 'Open a case from the clue', opened: 'Case {{id}} opened',
    statusOPEN: 'Open', statusIN_CASE: 'In a case', statusCLOSED: 'Closed', levelRED: 'Red', levelYELLOW: 'Yellow', levelBLUE: 'Blue',
    deptTitle: 'Department warning file', department: 'Department', template: 'Download template (CSV)', chooseFile: 'Choose file (CSV or XLSX)', dryRun: 'Check (dry run)', commit: 'Import',
    report: 'Check report', rowsTotal: 'Rows', rowsValid: 'Valid', rowsMatched: 'Matched to people', rowsUnmatched: 'Unmatched', cluesCreated: 'New clues', cluesUpdated: 'Updated clues',
    problems: 'Problems', row: 'Row', column: 'Column', value: 'Value', reason: 'Reason', committed: 'Imported: {{created}} new clues, {{updated}} updated', noProblems: 'No problems: ready to import',
    hasProblems: 'The file has problems: fix it and upload again (nothing is imported in part)',
    values: {
      yuan: '{{amount}} yuan', year: 'Year', perCapitaNetFen: 'Per-capita net income', previousPerCapitaNetFen: 'Previous year', thresholdFen: 'Threshold', margin: 'Margin',
      dropShare: 'Yellow-level drop', redShare: 'Red-level drop', outOfPocketMedicalFen: 'Self-paid medical costs', lineFen: 'Warning line', severeLineFen: 'Red line',
      wageFen: 'Wage income', previousWageFen: 'Previous wage income', labourMembers: 'Labour members', members: 'Members', disabledMembers: 'Disabled members',
      seriouslyIllMembers: 'Seriously ill members', dropoutFlag: 'Dropout flag', dropoutChildren: 'Children out of school', housingUnsafe: 'Housing unsafe', houseGrade: 'House grade',
      waterUnsafe: 'Water unsafe', litresPerDay: 'Litres per person a day', tripMinutes: 'Water trip (minutes)', interruptionDays: 'Days without water a year', quantityShort: 'Too little water',
      tooFar: 'Water too far', unreliable: 'Supply unreliable', eventId: 'Risk event no.', kind: 'Event kind', occurredOn: 'Occurred on', severity: 'Severity',
    },
    src: {
      sweep: 'Rule: {{rule}}', department: '{{dept}} file “{{file}}”, row {{row}}', visit: 'Cadre visit no. {{id}}',
      declaration: 'Self-declaration (reference {{ref}})', hotline: 'Hotline 12317 (ticket {{ticket}})', supervision: 'Supervision feedback (no. {{ticket}})',
    },
  },
};
function add() {
  i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
