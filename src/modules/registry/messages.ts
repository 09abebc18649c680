import { registerMessages } from '../../platform/messages.js';

/**
 * The registry's user-visible messages (zh-CN, en): error detail codes and error keys. Registered
 * once when the module is imported. `{name}` placeholders come from the detail's params.
 */
export const registryMessages = {
  // code sets
  'registry.enum.household_type': { 'zh-CN': '户类型无效（应为 一般农户 GENERAL 或 脱贫户 POVERTY_EXITED）', en: 'Unknown household type (GENERAL or POVERTY_EXITED)' },
  'registry.enum.relation': { 'zh-CN': '与户主关系无效', en: 'Unknown relation to the head' },
  'registry.enum.labor_skill': { 'zh-CN': '劳动技能无效', en: 'Unknown labour skill' },
  'registry.enum.health_status': { 'zh-CN': '健康状况无效', en: 'Unknown health status' },
  'registry.enum.education': { 'zh-CN': '文化程度无效', en: 'Unknown education level' },
  'registry.enum.student_status': { 'zh-CN': '在校生状况无效', en: 'Unknown student status' },
  'registry.enum.gender': { 'zh-CN': '性别无效（应为 M 或 F）', en: 'Unknown gender (M or F)' },
  'registry.enum.house_grade': { 'zh-CN': '危房等级无效（应为 A、B、C 或 D）', en: 'Unknown house grade (A, B, C or D)' },
  // formats
  'registry.village_code.format': { 'zh-CN': '村代码应为 12 位数字', en: 'A village code has 12 digits' },
  'registry.division.format': { 'zh-CN': '区划代码应为 2、4、6、9 或 12 位数字', en: 'A division code has 2, 4, 6, 9 or 12 digits' },
  'registry.household_no.format': { 'zh-CN': '户编号应为 1–40 位字母、数字或连字符', en: 'A household number has 1–40 letters, digits or hyphens' },
  'registry.id_number.format': { 'zh-CN': '身份证号应为 18 位（17 位数字加一位数字或 X）', en: 'An ID number has 18 characters: 17 digits and a digit or X' },
  'registry.id_number.birth_date': { 'zh-CN': '身份证号中的出生日期无效或晚于今天', en: 'The birth date inside the ID number is impossible or in the future' },
  'registry.id_number.checksum': { 'zh-CN': '身份证号校验位错误（GB 11643）', en: 'The ID number check character is wrong (GB 11643)' },
  'registry.id_number.duplicate_in_request': { 'zh-CN': '同一身份证号在本户中出现多次', en: 'The same ID number appears more than once in this household' },
  'registry.id_number.taken': { 'zh-CN': '此身份证号已登记在户 {householdNo} 中，一人只能属于一户', en: 'This ID number is already registered in household {householdNo}; a person belongs to one household only' },
  'registry.id_number.taken_elsewhere': { 'zh-CN': '此身份证号已登记在您辖区以外的另一户中', en: 'This ID number is already registered in another household outside your area' },
  'registry.date.format': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  'registry.gender.mismatch': { 'zh-CN': '性别与身份证号不符（身份证号显示为 {expected}）', en: 'The gender does not match the ID number (which says {expected})' },
  'registry.birth_date.mismatch': { 'zh-CN': '出生日期与身份证号不符（身份证号显示为 {expected}）', en: 'The birth date does not match the ID number (which says {expected})' },
  'registry.name.required': { 'zh-CN': '请填写姓名', en: 'The name is required' },
  'registry.name.too_long': { 'zh-CN': '姓名过长（最多 50 个字符）', en: 'The name is too long (at most 50 characters)' },
  'registry.text.too_long': { 'zh-CN': '内容过长', en: 'The text is too long' },
  'registry.phone.format': { 'zh-CN': '电话号码应为 5–20 位数字', en: 'A phone number has 5–20 digits' },
  'registry.migrant_months.range': { 'zh-CN': '务工月数应在 0–12 之间', en: 'Months of migrant work are between 0 and 12' },
  // amounts and years
  'registry.amount.not_integer': { 'zh-CN': '金额应为整数（单位：分）', en: 'Amounts are whole numbers of fen' },
  'registry.amount.negative': { 'zh-CN': '金额不能为负数', en: 'An amount cannot be negative' },
  'registry.amount.too_large': { 'zh-CN': '金额过大（单项不超过 1000 万元）', en: 'The amount is absurdly large (at most 10 million yuan per item)' },
  'registry.year.range': { 'zh-CN': '年度应在 2000 年至今年之间', en: 'The year must be between 2000 and this year' },
  'registry.year.future': { 'zh-CN': '年度 {value} 晚于今年 {currentYear}', en: 'The year {value} is after this year ({currentYear})' },
  'registry.income.duplicate_year': { 'zh-CN': '同一年度的收入填写了多次', en: 'The same income year appears more than once' },
  'registry.household_size.range': { 'zh-CN': '家庭人口数应在 1–30 之间', en: 'The household size is between 1 and 30' },
  'registry.water.range': { 'zh-CN': '饮水指标超出合理范围', en: 'A drinking-water figure is out of range' },
  'registry.guarantee.grade_mismatch': { 'zh-CN': '危房等级为 C 或 D 时应标记“住房出现安全问题”', en: 'A house graded C or D must be marked as unsafe housing' },
  // household rules
  'registry.members.required': { 'zh-CN': '每户至少登记一名成员（户主）', en: 'A household needs at least one member (the head)' },
  'registry.members.too_many': { 'zh-CN': '家庭成员过多（最多 30 人）', en: 'Too many members (at most 30)' },
  'registry.head.missing': { 'zh-CN': '每户必须有且只有一名户主，当前没有户主', en: 'A household has exactly one head; there is none' },
  'registry.head.multiple': { 'zh-CN': '每户只能有一名户主', en: 'A household has exactly one head; this is a second one' },
  'registry.household_no.taken': { 'zh-CN': '户编号 {value} 已被使用', en: 'Household number {value} is already taken' },
  'registry.village.unknown': { 'zh-CN': '您的辖区内没有村代码为 {value} 的村', en: 'There is no village {value} in your area' },
  'registry.member.not_found': { 'zh-CN': '本户中没有这名成员', en: 'This person is not a member of this household' },
  'registry.member.last': { 'zh-CN': '不能删除户中唯一的成员', en: 'The only member of a household cannot be removed' },
  'registry.member.remove_head': { 'zh-CN': '请先指定新的户主，再删除原户主', en: 'Appoint a new head before removing the head' },
  'registry.search.page_too_deep': { 'zh-CN': '页码过大：最多可翻阅前 {max} 条，请缩小查询范围', en: 'Page too deep: only the first {max} rows can be paged through; narrow the search' },
  'registry.search.income_band': { 'zh-CN': '收入下限不能高于上限', en: 'The lower income bound is above the upper bound' },
  // error keys (main messages)
  'registry.errors.stale_version': {
    'zh-CN': '该户已被他人修改，请刷新后重试',
    en: 'Someone else changed this household; reload and try again',
  },
  'registry.version.stale': { 'zh-CN': '您提交的版本 {value} 已过期，当前版本为 {current}', en: 'You sent version {value}, but the household is now at version {current}' },
  'registry.errors.invalid_household': { 'zh-CN': '户信息有误，请检查标出的字段', en: 'The household data is invalid; check the fields listed' },
  'registry.errors.duplicate': { 'zh-CN': '与已有登记冲突', en: 'This conflicts with an existing registration' },
  'registry.errors.personal_data': { 'zh-CN': '您的角色只能查看汇总数据，不能查看个人信息', en: 'Your role sees aggregates only, not personal data' },
  'registry.errors.read_only': { 'zh-CN': '您的角色不能修改户籍信息', en: 'Your role may not change the registry' },
  'registry.errors.household_not_found': { 'zh-CN': '未找到该户（或不在您的辖区内）', en: 'Household not found (or not in your area)' },
} satisfies Record<string, { 'zh-CN': string; en: string }>;

registerMessages(registryMessages);
