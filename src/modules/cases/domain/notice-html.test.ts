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
