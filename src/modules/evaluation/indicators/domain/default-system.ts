/**
 * The shipped default indicator system (docs/evaluation-revitalisation.md): the five revitalisation
 * pillars of the 20-character requirement with the village-level counterparts of the national
 * 22-indicator set of 《乡村振兴战略规划(2018—2022年)》 (domain.md §9.1, P72/P73), plus the consolidation
 * subsystem computed from the registry. Pure data.
 */
import { IndicatorSystemInputSchema, type Indicator, type IndicatorSystemInput, type Pillar } from '../contract.js';

const PLAN = '乡村振兴战略规划(2018—2022年) 指标';

function ind(code: string, nameZh: string, nameEn: string, unit: string, direction: Indicator['direction'], reference = '', source: Indicator['source'] = 'input'): Indicator {
  return { code, nameZh, nameEn, unit, direction, best: null, lower: null, upper: null, fixedWeight: null, source, reference };
}

function pillar(code: string, nameZh: string, nameEn: string, indicators: Indicator[], role: Pillar['role'] = 'revitalisation'): Pillar {
  return { code, nameZh, nameEn, role, weightMode: 'entropy', fixedWeight: 0.2, indicators };
}

const DEFAULT: IndicatorSystemInput = {
  nameZh: '乡村振兴与巩固脱贫成果评价指标体系',
  nameEn: 'Rural revitalisation and consolidation evaluation system',
  weightMode: 'entropy',
  version: 0,
  pillars: [
    pillar('industry', '产业兴旺', 'Thriving industry', [
      ind('industry.labour_productivity', '农业劳动生产率', 'Agricultural labour productivity', '万元/人', 'benefit', `${PLAN}：农业劳动生产率`),
      ind('industry.processing_ratio', '农产品加工产值与农业总产值比', 'Processing to farm output ratio', '', 'benefit', `${PLAN}：农产品加工产值与农业总产值比`),
      ind('industry.tourism_visitors', '休闲农业和乡村旅游接待人次', 'Leisure farming and rural tourism visitors', '万人次', 'benefit', `${PLAN}：休闲农业和乡村旅游接待人次`),
      ind('industry.cooperative_share', '加入合作社等新型经营主体的农户占比', 'Households in cooperatives', '%', 'benefit', '联农带农：国家乡村振兴局《关于进一步健全完善帮扶项目联农带农机制的指导意见》（国乡振发〔2022〕9号）'),
    ]),
    pillar('ecology', '生态宜居', 'Pleasant ecology', [
      ind('ecology.manure_use_rate', '畜禽粪污综合利用率', 'Livestock manure utilisation rate', '%', 'benefit', `${PLAN}：畜禽粪污综合利用率`),
      ind('ecology.green_coverage', '村庄绿化覆盖率', 'Village green coverage', '%', 'benefit', `${PLAN}：村庄绿化覆盖率`),
      ind('ecology.waste_treated_share', '生活垃圾得到处理的农户占比', 'Households whose waste is treated', '%', 'benefit', `${PLAN}：对生活垃圾进行处理的村占比（村级改为农户占比）`),
      ind('ecology.sanitary_toilet_rate', '农村卫生厕所普及率', 'Sanitary toilet coverage', '%', 'benefit', `${PLAN}：农村卫生厕所普及率`),
    ]),
    pillar('culture', '乡风文明', 'Civilised rural customs', [
      ind('culture.culture_centre', '有村综合性文化服务中心', 'Has a comprehensive cultural service centre', '0/1', 'benefit', `${PLAN}：村综合性文化服务中心覆盖率`),
      ind('culture.civilised_village', '县级及以上文明村', 'Civilised village (county level or above)', '0/1', 'benefit', `${PLAN}：县级及以上文明村和乡镇占比`),
      ind('culture.education_spending_share', '教育文化娱乐支出占比', 'Education, culture and recreation spending share', '%', 'benefit', `${PLAN}：农村居民教育文化娱乐支出占比`),
    ]),
    pillar('governance', '治理有效', 'Effective governance', [
      ind('governance.village_plan', '村庄规划管理', 'Village plan in force', '0/1', 'benefit', `${PLAN}：村庄规划管理覆盖率`),
      ind('governance.service_station', '建有综合服务站', 'Has a comprehensive service station', '0/1', 'benefit', `${PLAN}：建有综合服务站的村占比`),
      ind('governance.secretary_director', '村党组织书记兼任村委会主任', 'Party secretary is also committee director', '0/1', 'benefit', `${PLAN}：村党组织书记兼任村委会主任的村占比`),
      ind('governance.village_rules', '有村规民约', 'Has village rules', '0/1', 'benefit', `${PLAN}：有村规民约的村占比`),
      ind('governance.collective_income', '村集体经济收入', 'Village collective income', '万元', 'benefit', `${PLAN}：集体经济强村比重（村级改为集体经济收入）`),
    ]),
    pillar('prosperity', '生活富裕', 'Prosperous living', [
      ind('prosperity.engel_coefficient', '农村居民恩格尔系数', 'Engel coefficient', '%', 'cost', `${PLAN}：农村居民恩格尔系数`),
      ind('prosperity.disposable_income', '农村居民人均可支配收入', 'Rural per-capita disposable income', '元', 'benefit', `${PLAN}：城乡居民收入比（村级改为人均可支配收入）`),
      ind('prosperity.tap_water_rate', '农村自来水普及率', 'Tap water coverage', '%', 'benefit', `${PLAN}：农村自来水普及率`),
      ind('prosperity.hardened_road_share', '通硬化路的村民组占比', 'Village groups on hardened roads', '%', 'benefit', `${PLAN}：具备条件的建制村通硬化路比例（村级改为村民组）`),
    ]),
    pillar(
      'consolidation',
      '巩固脱贫成果',
      'Consolidation of poverty alleviation',
      [
        ind('consolidation.above_threshold_share', '人均纯收入高于监测标准的农户占比', 'Households above the monitoring threshold', '%', 'benefit', '由登记库计算：当年监测标准', 'computed'),
        ind('consolidation.exited_income_mean', '脱贫户人均纯收入', 'Per-capita net income of formerly poor households', '元', 'benefit', '由登记库计算：脱贫户收入记录', 'computed'),
        ind('consolidation.guarantees_secured_share', '“三保障”和饮水安全均有保障的农户占比', 'Households with all guarantees secured', '%', 'benefit', '由登记库计算：两不愁三保障及饮水安全', 'computed'),
        ind('consolidation.risk_eliminated_share', '监测对象风险消除占比', 'Monitored households with risk eliminated', '%', 'benefit', '由登记库计算：监测案件', 'computed'),
        ind('consolidation.income_growth', '农户人均纯收入增长率', 'Growth of mean per-capita net income', '%', 'benefit', '由登记库计算：上年与当年收入记录', 'computed'),
      ],
      'consolidation',
    ),
  ],
};

/** A fresh copy of the default system, checked against the contract once on first use. */
export function defaultIndicatorSystem(): IndicatorSystemInput {
  return IndicatorSystemInputSchema.parse(structuredClone(DEFAULT));
}
