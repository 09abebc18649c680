import qrcode from 'qrcode-generator';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Lang } from '../../platform/messages.js';
import { RISK_TYPE_LABELS, RISK_TYPES } from './contract.js';

/**
 * The public side of self-declaration: the QR code (SVG, generated here with the MIT package
 * `qrcode-generator`, no external service), a printable A4 poster per village, and the form page.
 * Everything is server-rendered HTML with the one script served from our own origin (CSP 'self').
 */
export interface VillageTrail {
  code: string;
  names: string[]; // province … village
}

export async function villageTrail(db: Kysely<Database>, code: string): Promise<VillageTrail | null> {
  const village = await db.selectFrom('division').select(['code', 'name', 'level', 'parent_code']).where('code', '=', code).executeTakeFirst();
  if (!village || village.level !== 5) return null;
  const names = [village.name];
  let parent = village.parent_code;
  for (let i = 0; parent && i < 5; i++) {
    const p = await db.selectFrom('division').select(['name', 'parent_code']).where('code', '=', parent).executeTakeFirst();
    if (!p) break;
    names.unshift(p.name);
    parent = p.parent_code;
  }
  return { code, names };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const declarationUrl = (base: string, villageCode: string) => `${base}/api/public/declare?village=${villageCode}`;

export function declarationQrSvg(base: string, villageCode: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(declarationUrl(base, villageCode), 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 8, margin: 4, scalable: true });
}

const T = {
  'zh-CN': {
    poster: '防止返贫 一码申报',
    scan: '用手机扫描二维码，填写申报表。无需登录。',
    hotline: '也可拨打全国防止返贫监测和乡村振兴咨询服务电话 12317，或向村两委、驻村工作队口头/书面申报。',
    promise: '申报后村里将在规定时间内入户核实。如实申报受法律保护；谎报、虚报将承担相应责任。',
    formTitle: '防止返贫监测 农户自主申报',
    village: '所在村',
    name: '申报人姓名',
    idNumber: '身份证号（选填）',
    phone: '联系电话（选填）',
    risks: '遇到的困难（可多选）',
    description: '情况说明',
    submit: '提交申报',
    noVillage: '请通过村里张贴的二维码打开本页。',
  },
  en: {
    poster: 'Poverty-relapse prevention: declare by QR code',
    scan: 'Scan the QR code with a phone and fill in the form. No sign-in needed.',
    hotline: 'You may also call the national hotline 12317, or declare to the village committee or the village task force.',
    promise: 'The village will visit you within the set time limit. Truthful declarations are protected; false ones carry responsibility.',
    formTitle: 'Self-declaration for poverty-relapse monitoring',
    village: 'Village',
    name: 'Your name',
    idNumber: 'ID number (optional)',
    phone: 'Phone (optional)',
    risks: 'Difficulties (choose any)',
    description: 'What happened',
    submit: 'Submit',
    noVillage: 'Open this page from the QR code posted in your village.',
  },
} as const;

export function declarationPosterHtml(base: string, trail: VillageTrail, lang: Lang): string {
  const t = T[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.poster)} · ${esc(trail.names.at(-1)!)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0; color: #111; }
  .sheet { width: 180mm; margin: 0 auto; text-align: center; }
  h1 { font-size: 30pt; margin: 12mm 0 4mm; letter-spacing: 2pt; }
  .place { font-size: 16pt; margin-bottom: 8mm; }
  .qr { width: 120mm; height: 120mm; margin: 0 auto; }
  .qr svg { width: 100%; height: 100%; }
  p { font-size: 13pt; line-height: 1.7; text-align: left; }
  .code { font-size: 10pt; color: #555; margin-top: 6mm; }
  @media screen { body { background: #eee; } .sheet { background: #fff; padding: 10mm; min-height: 267mm; } }
</style></head>
<body><div class="sheet">
  <h1>${esc(t.poster)}</h1>
  <div class="place">${esc(trail.names.join(' · '))}</div>
  <div class="qr">${declarationQrSvg(base, trail.code)}</div>
  <p>${esc(t.scan)}</p>
  <p>${esc(t.hotline)}</p>
  <p>${esc(t.promise)}</p>
  <div class="code">${esc(trail.code)} · ${esc(declarationUrl(base, trail.code))}</div>
</div></body></html>`;
}

export function declarationFormHtml(trail: VillageTrail | null, lang: Lang): string {
  const t = T[lang];
  const risks = RISK_TYPES.filter((r) => r !== 'INCOME_LOW' && r !== 'INCOME_DROP')
    .map((r) => `<label class="chk"><input type="checkbox" name="riskTypes" value="${r}"> ${esc(lang === 'en' ? RISK_TYPE_LABELS[r].en : RISK_TYPE_LABELS[r].zh)}</label>`)
    .join('\n');
  const body = trail
    ? `<form id="declare" data-village="${esc(trail.code)}">
  <div class="row"><b>${esc(t.village)}</b>：${esc(trail.names.slice(-3).join(' · '))}</div>
  <label>${esc(t.name)}<input name="name" required maxlength="40"></label>
  <label>${esc(t.idNumber)}<input name="idNumber" maxlength="18" inputmode="text"></label>
  <label>${esc(t.phone)}<input name="phone" maxlength="20" inputmode="tel"></label>
  <fieldset><legend>${esc(t.risks)}</legend>${risks}</fieldset>
  <label>${esc(t.description)}<textarea name="description" required maxlength="2000" rows="5"></textarea></label>
  <button type="submit">${esc(t.submit)}</button>
  <p id="result" role="status"></p>
</form>`
    : `<p>${esc(t.noVillage)}</p>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.formTitle)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 36rem; margin: 0 auto; padding: 1rem; }
  label { display: block; margin: .8rem 0; } input, textarea { display: block; width: 100%; font-size: 1rem; padding: .4rem; box-sizing: border-box; }
  .chk { display: inline-block; margin: .3rem .8rem .3rem 0; } .chk input { display: inline; width: auto; }
  button { font-size: 1.1rem; padding: .6rem 2rem; } #result { font-weight: bold; }
</style></head>
<body><h1>${esc(t.formTitle)}</h1>
${body}
<script src="/api/public/declare.js"></script>
</body></html>`;
}

/** The form's script: posts JSON and shows the receipt or the first error. */
export function declarationFormScript(): string {
  return `(() => {
  const form = document.getElementById('declare');
  if (!form) return;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const body = { villageCode: form.dataset.village, name: data.get('name'), description: data.get('description'),
      riskTypes: data.getAll('riskTypes') };
    if (!body.riskTypes.length) body.riskTypes = ['OTHER'];
    const id = String(data.get('idNumber') || '').trim(); if (id) body.idNumber = id;
    const phone = String(data.get('phone') || '').trim(); if (phone) body.phone = phone;
    const out = document.getElementById('result');
    try {
      const res = await fetch('/api/public/declarations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = await res.json();
      out.textContent = res.ok ? json.message : (json.error.details[0] ? json.error.details[0].message : json.error.message);
      if (res.ok) form.querySelector('button').disabled = true;
    } catch (e) { out.textContent = String(e); }
  });
})();
`;
}
