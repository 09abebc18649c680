import type { Rng } from './prng.js';

/**
 * Name material for synthetic people in Bijie. Surname weights are rough relative frequencies:
 * Han surnames common in Guizhou; Yi surnames of north-west Guizhou (安, 禄, 陇, 龙, 苏 ...); Miao
 * (A-Hmao) surnames of Hezhang and Weining (杨, 王, 张, 朱, 陶, 熊, 韩, 项 ...); Hui (马, 丁 ...);
 * Bai (杨, 李, 赵, 段 ...); Buyi (王, 韦, 罗 ...). Assumed, for plausibility only.
 */
type Weighted = ReadonlyArray<readonly [string, number]>;

export const SURNAMES: Record<string, Weighted> = {
  han: [
    ['王', 7], ['李', 7], ['张', 6], ['杨', 6], ['陈', 5], ['刘', 5], ['罗', 4], ['吴', 3], ['周', 3], ['赵', 3], ['黄', 3], ['龙', 2],
    ['胡', 2], ['朱', 2], ['何', 2], ['徐', 2], ['孙', 1.5], ['高', 1.5], ['郭', 1.5], ['马', 1.5], ['邓', 1.5], ['肖', 1.5], ['谢', 1.5],
    ['余', 1.5], ['田', 1.5], ['袁', 1.5], ['唐', 1.5], ['宋', 1], ['蒋', 1], ['彭', 1], ['曾', 1], ['潘', 1], ['韩', 1], ['冯', 1],
    ['董', 1], ['姚', 1], ['卢', 1], ['邹', 1], ['文', 1], ['苏', 1], ['熊', 1], ['付', 1], ['夏', 0.8], ['钟', 0.8], ['汪', 0.8],
    ['雷', 0.8], ['蔡', 0.8], ['程', 0.8], ['丁', 0.8], ['魏', 0.8], ['任', 0.8], ['许', 0.8], ['代', 0.8], ['尹', 0.7], ['申', 0.5],
    ['颜', 0.5], ['葛', 0.5], ['钱', 0.5], ['聂', 0.5], ['沈', 0.5], ['管', 0.5], ['江', 0.6], ['陶', 0.6], ['严', 0.5], ['邱', 0.6],
  ],
  yi: [
    ['安', 4], ['禄', 3], ['龙', 3], ['王', 3], ['李', 3], ['杨', 3], ['陇', 2], ['苏', 2], ['张', 2], ['罗', 2], ['余', 2], ['朱', 1.5],
    ['陈', 1.5], ['芦', 1], ['鲁', 1], ['卢', 1], ['普', 0.8], ['文', 0.8], ['阿', 0.5], ['沙', 0.5], ['海', 0.5], ['吉', 0.5],
  ],
  miao: [
    ['杨', 5], ['王', 4], ['张', 3], ['朱', 3], ['陶', 3], ['熊', 3], ['吴', 2], ['韩', 2], ['龙', 2], ['马', 1.5], ['项', 1.5], ['李', 1.5],
    ['古', 1], ['侯', 1], ['罗', 1], ['潘', 1], ['刘', 1], ['苏', 0.8], ['吉', 0.5],
  ],
  hui: [['马', 6], ['丁', 2], ['白', 1.5], ['杨', 1.5], ['王', 1.5], ['沙', 1], ['海', 1], ['李', 1], ['金', 1], ['锁', 0.5], ['穆', 0.5]],
  bai: [['杨', 3], ['李', 2], ['赵', 2], ['段', 1.5], ['张', 1], ['王', 1], ['苏', 1], ['阮', 0.5]],
  buyi: [['王', 3], ['韦', 3], ['罗', 2], ['黄', 2], ['吴', 1], ['岑', 1], ['陆', 1], ['班', 0.5]],
};
SURNAMES.other = SURNAMES.han;

/** Given-name characters by sex and birth cohort (before 1970, 1970–1994, 1995 on). */
const GIVEN: Record<'M' | 'F', [string, string, string]> = {
  M: ['国华明德文富贵发忠兴学成光荣清永正元福安林山顺才志昌武云海开友朝先', '军勇伟强涛斌波刚平辉杰鹏飞林超亮东磊江阳洪宏松俊龙万祥', '宇浩轩子梓睿博文泽一俊晨航铭鑫锦天思瑞宸豪煜凯'],
  F: ['秀英兰芬珍凤翠琼玉桂菊梅芳花仙春妹芝莲群会碧', '丽娟艳敏燕霞静红琴萍婷雪芳玲慧莉丹晓倩', '欣怡雨涵思梦佳诗雅可馨琪悦萱彤婷妍语若依'],
};

const cohortOf = (birthYear: number): 0 | 1 | 2 => (birthYear < 1970 ? 0 : birthYear < 1995 ? 1 : 2);

const SURNAME_WEIGHTS: Record<string, number[]> = Object.fromEntries(Object.entries(SURNAMES).map(([k, list]) => [k, list.map((s) => s[1])]));

export function pickSurname(rng: Rng, group: string): string {
  const list = SURNAMES[group] ?? SURNAMES.han;
  return list[rng.weighted(SURNAME_WEIGHTS[group] ?? SURNAME_WEIGHTS.han)][0];
}

/** A given name of one or two characters; `generationChar` (字辈) makes siblings share the first one. */
export function pickGivenName(rng: Rng, sex: 'M' | 'F', birthYear: number, generationChar?: string): string {
  const pool = GIVEN[sex][cohortOf(birthYear)];
  const char = () => pool[rng.int(0, pool.length - 1)];
  if (generationChar) return generationChar + char();
  if (rng.chance(0.2)) return char();
  let first = char();
  let second = char();
  while (second === first) second = char();
  return first + second;
}

export function generationCharFor(rng: Rng, sex: 'M' | 'F', birthYear: number): string {
  const pool = GIVEN[sex][cohortOf(birthYear)];
  return pool[rng.int(0, pool.length - 1)];
}
