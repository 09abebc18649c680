/**
 * Printable public notices as HTML with an A4 print stylesheet: the village 公示 (households under
 * review, the period, how to object) and the 公告 after county approval. Names come masked, no ID
 * numbers are shown. Chinese by default, English on request. Pure.
 */
import { ELIMINATION_TYPES, MONITORING_CATEGORIES, RISK_TYPES } from './enums.js';

export interface NoticeDocument {
  id: number;
  kind: 'PUBLICITY' | 'ANNOUNCEMENT';
  procedure: 'IDENTIFICATION' | 'ELIMINATION';
  villageCode: string;
  villageName: string;
  townshipName: string;
  countyName: string;
  startDate: string;
  endDate: string | null;
  objectionContact: string | null;
  documentNo: string | null;
  lines: { maskedName: string; householdSize: number; category: string; risks: string[]; eliminationType: string | null }[];
}

type NoticeLang = 'zh-CN' | 'en';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const label = (set: Record<string, { zh: string; en: string }>, code: string | null, lang: NoticeLang) => (code && set[code] ? (lang === 'en' ? set[code].en : set[code].zh) : (code ?? ''));
const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const showDate = (d: string, lang: NoticeLang) => (lang === 'en' ? d : zhDate(d));

/**
 * Division names of villages usually are their committee's name already (何家冲村村民委员会,
 * 前河社区居民委员会); test and older data have short ones (一村). The notice needs both the place
 * (in titles) and the committee (the issuer of a 公示), without doubling the suffix.
 */
const COMMITTEE_SUFFIX = /(村民委员会|村委会|居民委员会|居委会)$/;

/** The place: 何家冲村村民委员会 → 何家冲村, 前河社区居民委员会 → 前河社区, 一村 → 一村 (as divisions' shortVillageName). */
function villagePlace(name: string): string {
  const suffix = COMMITTEE_SUFFIX.exec(name)?.[1];
  if (!suffix) return name;
  const place = name.slice(0, -suffix.length);
  return suffix.startsWith('村') && !place.endsWith('村') ? `${place}村` : place;
}

/** The committee that issues a 公示: the division name when it names one already, else 〈name〉村民委员会. */
function villageCommittee(name: string, lang: NoticeLang): string {
  const suffix = COMMITTEE_SUFFIX.exec(name)?.[1];
  if (lang === 'en') return `${suffix?.startsWith('居') ? "Residents'" : "Villagers'"} Committee of ${villagePlace(name)}`;
  return suffix ? name : `${name}村民委员会`;
}

/** The township-level authority that issues a 公告: a 镇/乡's people's government, a 街道's office. */
function townshipAuthority(name: string, lang: NoticeLang): string {
  const street = /街道(办事处)?$/.test(name);
  if (lang === 'en') return street ? `Subdistrict Office of ${name.replace(/办事处$/, '')}` : `People's Government of ${name.replace(/人民政府$/, '')}`;
  if (street) return name.endsWith('办事处') ? name : `${name}办事处`;
  return name.endsWith('人民政府') ? name : `${name}人民政府`;
}

function title(doc: NoticeDocument, lang: NoticeLang): string {
  const elim = doc.procedure === 'ELIMINATION';
  const village = villagePlace(doc.villageName);
  if (lang === 'en') {
    const what = elim ? 'risk elimination of monitored households' : 'identification of households for monitoring against relapse into poverty';
    return doc.kind === 'PUBLICITY' ? `${village}: public notice on the ${what}` : `${doc.townshipName}: announcement on the ${what} in ${village}`;
  }
  if (doc.kind === 'PUBLICITY') return `${village}防止返贫监测对象${elim ? '风险消除' : '识别纳入'}公示`;
  return `${doc.townshipName}关于${village}防止返贫监测对象${elim ? '风险消除' : '识别纳入'}的公告`;
}

function intro(doc: NoticeDocument, lang: NoticeLang): string {
  const elim = doc.procedure === 'ELIMINATION';
  if (lang === 'en') {
    if (doc.kind === 'PUBLICITY') {
      return elim
        ? 'After home verification and the village democratic review, the following households are proposed for risk elimination. They are made public as follows.'
        : 'After application or screening, home verification, information comparison and the village democratic review, the following households are proposed as monitored households. They are made public as follows.';
    }
    return `After the village review, the public notice, township review and county approval${doc.documentNo ? ` (${doc.documentNo})` : ''}, the following households are ${elim ? 'marked as risk eliminated' : 'identified as monitored households'}. This is hereby announced.`;
  }
  if (doc.kind === 'PUBLICITY') {
    return elim
      ? '根据防止返贫动态监测和帮扶工作要求，经入户核实、村民主评议，拟对以下监测对象标注风险消除，现予以公示。'
      : '根据防止返贫动态监测和帮扶工作要求，经农户申请或排查发现、入户核实、信息比对、村民主评议，拟将以下农户纳入防止返贫监测对象，现予以公示。';
  }
  return `经村民主评议、村内公示、乡镇审核、县级审定${doc.documentNo ? `（${doc.documentNo}）` : ''}，以下农户${elim ? '风险已消除' : '认定为防止返贫监测对象'}，特此公告。`;
}

export function renderNoticeHtml(doc: NoticeDocument, lang: NoticeLang = 'zh-CN'): string {
  const en = lang === 'en';
  const elim = doc.procedure === 'ELIMINATION';
  const head = en
    ? ['No.', 'Head of household', 'Members', 'Category', elim ? 'Elimination type' : 'Main risks']
    : ['序号', '户主姓名', '家庭人口', '监测对象类别', elim ? '消除方式' : '主要风险'];
  const rows = doc.lines
    .map((l, i) => {
      const last = elim ? label(ELIMINATION_TYPES, l.eliminationType, lang) : l.risks.map((r) => label(RISK_TYPES, r, lang)).join(en ? ', ' : '、');
      return `<tr><td>${i + 1}</td><td>${escapeHtml(l.maskedName)}</td><td>${l.householdSize}</td><td>${escapeHtml(label(MONITORING_CATEGORIES, l.category, lang))}</td><td>${escapeHtml(last)}</td></tr>`;
    })
    .join('\n');
  const period =
    doc.kind === 'PUBLICITY' && doc.endDate
      ? `<p class="period">${en ? 'Notice period: ' : '公示时间：'}${showDate(doc.startDate, lang)} ${en ? 'to' : '至'} ${showDate(doc.endDate, lang)}</p>`
      : '';
  const committee = villageCommittee(doc.villageName, lang);
  const objection =
    doc.kind === 'PUBLICITY'
      ? `<p class="objection">${
          en
            ? `Anyone who objects may report it during the notice period, in writing or orally, with or without name, to: ${escapeHtml(doc.objectionContact ?? committee)}. Every objection is investigated and answered.`
            : `如对公示对象有异议，请在公示期内以书面或口头形式（实名或匿名均可）向${escapeHtml(doc.objectionContact ?? committee)}反映。所有异议均将调查核实并予以答复。`
        }</p>`
      : '';
  const issuerName = doc.kind === 'PUBLICITY' ? committee : townshipAuthority(doc.townshipName, lang);
  const empty = `<tr><td colspan="5">${en ? 'No households.' : '无。'}</td></tr>`;
  return `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title(doc, lang))}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; font-size: 12pt; line-height: 1.7; color: #000; max-width: 180mm; margin: 0 auto; padding: 10mm 0; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 8mm; }
  .meta { text-align: right; font-size: 10pt; color: #333; }
  p { text-indent: ${en ? '0' : '2em'}; margin: 3mm 0; }
  table { width: 100%; border-collapse: collapse; margin: 5mm 0; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: center; font-size: 11pt; }
  thead { display: table-header-group; }
  .issuer { text-align: right; margin-top: 12mm; text-indent: 0; }
  .no-print { margin-bottom: 6mm; font-family: sans-serif; font-size: 10pt; color: #555; }
  @media print { .no-print { display: none; } body { padding: 0; } }
</style>
</head>
<body>
<div class="no-print">${en ? 'Print this page on A4 paper (Ctrl+P).' : '请使用 A4 纸打印本页（Ctrl+P）。'} ${en ? 'Names are partly masked; no ID numbers are published.' : '姓名部分隐去，不公开身份证号码。'}</div>
<h1>${escapeHtml(title(doc, lang))}</h1>
<p>${escapeHtml(intro(doc, lang))}</p>
<table>
<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows || empty}
</tbody>
</table>
${period}
${objection}
<p class="issuer">${escapeHtml(issuerName)}<br>${showDate(doc.startDate, lang)}</p>
<p class="meta">${en ? 'Notice' : '编号'} ${doc.id}${doc.documentNo ? ` · ${escapeHtml(doc.documentNo)}` : ''} · ${escapeHtml(doc.countyName)}</p>
</body>
</html>`;
}

