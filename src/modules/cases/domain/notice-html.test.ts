import { describe, expect, it } from 'vitest';
import { renderNoticeHtml, type NoticeDocument } from './notice-html.js';

const doc: NoticeDocument = {
  id: 7, kind: 'ANNOUNCEMENT', procedure: 'ELIMINATION', villageCode: '520527101201', villageName: '一村', townshipName: '城关镇', countyName: '赫章县',
  startDate: '2025-09-20', endDate: null, objectionContact: null, documentNo: '县乡振〔2025〕12号',
  lines: [{ maskedName: '张*明', householdSize: 4, category: 'MARGINAL', risks: ['ILLNESS'], eliminationType: 'BY_ASSISTANCE' }],
};

describe('renderNoticeHtml', () => {
  it('issues the announcement in the township name with the approval number, in Chinese by default', () => {
    const html = renderNoticeHtml(doc);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('城关镇关于一村防止返贫监测对象风险消除的公告');
    expect(html).toContain('县乡振〔2025〕12号');
    expect(html).toContain('帮扶消除');
    expect(html).toContain('城关镇人民政府');
    expect(html).not.toContain('如对公示对象有异议');
  });
  it('renders English on request and escapes text', () => {
    const html = renderNoticeHtml({ ...doc, kind: 'PUBLICITY', endDate: '2025-09-26', objectionContact: '<b>村委会</b>' }, 'en');
    expect(html).toContain('Notice period');
    expect(html).toContain('&lt;b&gt;村委会&lt;/b&gt;');
    expect(html).not.toContain('<b>村委会</b>');
  });
});

describe('renderNoticeHtml issuers', () => {
  const publicity: NoticeDocument = { ...doc, kind: 'PUBLICITY', procedure: 'IDENTIFICATION', endDate: '2025-09-26', documentNo: null };
  const issuer = (html: string) => /<p class="issuer">([^<]*)<br>/.exec(html)?.[1];

  it('signs a 公示 with the village committee once, whether the division name already names it or not', () => {
    const full = renderNoticeHtml({ ...publicity, villageName: '何家冲村村民委员会' });
    expect(issuer(full)).toBe('何家冲村村民委员会');
    expect(full).not.toContain('村民委员会村民委员会');
    expect(full).toContain('<h1>何家冲村防止返贫监测对象识别纳入公示</h1>');
    expect(full).toContain('向何家冲村村民委员会反映');
    expect(issuer(renderNoticeHtml({ ...publicity, villageName: '一村' }))).toBe('一村村民委员会');
    expect(issuer(renderNoticeHtml({ ...publicity, villageName: '前河社区居民委员会' }))).toBe('前河社区居民委员会');
    expect(issuer(renderNoticeHtml({ ...publicity, villageName: '前河社区居委会' }))).toBe('前河社区居委会');
  });

  it('signs the English 公示 as the committee of the place, with an ASCII colon before the period', () => {
    const html = renderNoticeHtml({ ...publicity, villageName: '何家冲村村民委员会' }, 'en');
    expect(issuer(html)).toBe("Villagers&#39; Committee of 何家冲村");
    expect(html).toContain('Notice period: 2025-09-20 to 2025-09-26');
    expect(html).not.toMatch(/[：（）]/);
    expect(html).not.toContain('村民委员会');
    expect(html).toContain('to: Villagers&#39; Committee of 何家冲村.');
    expect(issuer(renderNoticeHtml({ ...publicity, villageName: '前河社区居民委员会' }, 'en'))).toBe('Residents&#39; Committee of 前河社区');
  });

  it('signs the 公告 with the township authority once, in both languages', () => {
    const announcement = { ...doc, villageName: '何家冲村村民委员会' };
    const zh = renderNoticeHtml(announcement);
    expect(issuer(zh)).toBe('城关镇人民政府');
    expect(zh).toContain('城关镇关于何家冲村防止返贫监测对象风险消除的公告');
    expect(issuer(renderNoticeHtml({ ...announcement, townshipName: '东城街道' }))).toBe('东城街道办事处');
    expect(issuer(renderNoticeHtml({ ...announcement, townshipName: '东城街道办事处' }))).toBe('东城街道办事处');
    const en = renderNoticeHtml(announcement, 'en');
    expect(issuer(en)).toBe('People&#39;s Government of 城关镇');
    expect(en).not.toMatch(/[：（）]/);
    expect(en).toContain('county approval (县乡振〔2025〕12号)');
    expect(issuer(renderNoticeHtml({ ...announcement, townshipName: '东城街道' }, 'en'))).toBe('Subdistrict Office of 东城街道');
  });

  it('leaves out the approval number brackets when there is none', () => {
    expect(renderNoticeHtml({ ...doc, documentNo: null })).toContain('县级审定，以下农户');
    expect(renderNoticeHtml({ ...doc, documentNo: null }, 'en')).toContain('county approval, the following');
  });
});
