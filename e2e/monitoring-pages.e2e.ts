/**
 * Issue 4 items 3, 4 and 8 in the browser: the county administrator records a flood for two villages
 * (picked from the division tree) and sees the affected households to visit; records a home visit
 * with a risk for one of them, finds its clue in the clue list and opens an identification case from
 * it; enters a 12317 hotline call (household found by ID number); opens the monitoring dashboard and
 * drills into a township; then the same pages in English. Setup through the API first: one household
 * of village A taken into monitoring (the harness clock moves a week; put back at the end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expandTreeNode, noDropdowns, noOpening, pick, settle } from './antd.js';
import { PASSWORD } from './constants.js';
import { fixtureHouseholds } from './fixtures.js';
import { screenshot } from './browser.js';
import { apiAs, launchBrowser, localDate, moveClock, openSession, signIn, transition, world, type Call } from './journey.js';

let browser: Browser;
let clockStart = '';
beforeAll(async () => {
  browser = await launchBrowser();
  clockStart = (await moveClock({ days: 0 })).now;
});
afterAll(async () => {
  // Put the shared clock back for the journeys that run after this one.
  if (clockStart) await moveClock({ to: clockStart });
  await browser?.close();
});

/**
 * Setup through the API (not the point of this journey): a demo household of village A affected by
 * the flood goes through identification into monitoring (a week of notice on the harness clock), so
 * the dashboard has a monitored household with a category, a risk and a month.
 */
async function monitoredHouseholdInVillageA(): Promise<void> {
  const w = world();
  const admin = await apiAs(w.accounts.admin);
  const found = await admin<{ items: { id: number; householdNo: string }[] }>('GET', `/api/households?division=${w.villageA.code}&pageSize=50`);
  const household = found.items.find((h) => !h.householdNo.startsWith('E2E'))!;
  const cadre = await apiAs(w.accounts.cadre);
  const township = await apiAs(w.accounts.township);
  const today = localDate((await moveClock({ days: 0 })).now);
  const c = await cadre<{ id: number }>('POST', '/api/cases', { householdId: household.id, category: 'SUDDEN_HARDSHIP', risks: ['NATURAL_DISASTER'], disasterSubtype: 'FLOOD', channel: 'CADRE_SCREENING' });
  await transition(cadre, c.id, 'assign', {});
  await transition(cadre, c.id, 'submit_verification', {
    visit: { date: today, checkers: [{ name: '王林' }, { name: '杨芳' }], findings: '洪灾冲毁房屋和农田，家庭收入骤降。' },
    authorisation: { signed: true, signedOn: today, signer: '户主', documentRef: 'SQ-2026-715' },
  });
  await transition(township, c.id, 'record_comparison', { comparison: { date: today, departments: ['公安', '不动产'], result: 'CLEAR' } });
  await transition(cadre, c.id, 'record_review', {
    minutes: { date: today, attendees: 30, votesFor: 28, votesAgainst: 1, abstentions: 1, summary: '同意纳入突发严重困难户。' },
    notice: { startDate: today, endDate: localDate(new Date(`${today}T00:00:00+08:00`).toISOString(), 6), objectionContact: '村委会 0857-1234567' },
  });
  const later = localDate((await moveClock({ days: 7 })).now);
  // Fresh sessions after the week (an idle session would have ended).
  const cadre2 = await apiAs(w.accounts.cadre);
  const township2 = await apiAs(w.accounts.township);
  const reviewer2 = await apiAs(w.accounts.reviewer);
  await transition(cadre2, c.id, 'close_publicity', { summary: '公示 7 天，无异议。' });
  await transition(township2, c.id, 'township_pass', { review: { date: later, opinion: '同意上报。', onSiteCheck: true } });
  await transition(reviewer2, c.id, 'county_approve', { approval: { documentNo: '赫乡振〔2026〕71号', date: later } });
  expect(await transition(cadre2, c.id, 'start_monitoring', { enteredOn: later })).toBe('MONITORING');
}

/** A GET through the API as the county administrator (for names the journey needs to click). */
async function adminGet<T>(path: string): Promise<T> {
  const res = await fetch(world().url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: world().accounts.admin, password: PASSWORD }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rb_session='))!.split(';')[0];
  const r = await fetch(world().url + path, { headers: { cookie } });
  if (!r.ok) throw new Error(`${path} → ${r.status}`);
  return (await r.json()) as T;
}

const unexpected = (errors: string[]) => errors.filter((e) => !/401|Unauthorized/.test(e));

describe('monitoring pages journey', () => {
  it('records a flood, visits an affected household, opens a case from its clue, enters a 12317 call and drills into the dashboard', { timeout: 600_000 }, async () => {
    const w = world();
    const fixtures = fixtureHouseholds([w.villageA.code, w.villageB.code]);
    const township = await adminGet<{ name: string; code: string }>(`/api/divisions/${w.villageA.code.slice(0, 9)}`);
    await monitoredHouseholdInVillageA();
    const s = await openSession(browser);
    const page = s.page;
    await signIn(page, w.accounts.admin);

    // 1. Risk events: the form refuses an empty title and no villages, then records a flood for villages A and B.
    await page.getByTestId('side-menu').getByText('风险事件').click();
    await page.getByTestId('event-record').click();
    const dialog = page.getByRole('dialog');
    await noOpening(page);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请填写事件名称' }).waitFor();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请至少选择一个受影响的村' }).waitFor();
    expect(await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请选择灾害类型' }).count()).toBe(1);
    await screenshot(page, '80-risk-event-form-validation');
    await pick(page, 'event-subtype', '洪涝灾害');
    await dialog.getByTestId('event-title').fill('7·15 强降雨洪涝');
    await dialog.getByTestId('event-description').fill('连续强降雨引发山洪，部分农户房屋进水、农作物受损。');
    await dialog.getByTestId('event-severity').getByText('红色').click();
    await dialog.getByTestId('event-villages').click();
    const tree = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree');
    await expandTreeNode(page, tree.locator('.ant-select-tree-treenode').filter({ hasText: township.name }).first());
    for (const v of [w.villageA, w.villageB]) await tree.locator('.ant-select-tree-treenode').filter({ hasText: v.name }).first().locator('.ant-select-tree-checkbox').click();
    await screenshot(page, '81a-risk-event-village-tree');
    await dialog.locator('.ant-modal-title').click();
    await noDropdowns(page);
    await screenshot(page, '81-risk-event-form-filled');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('event-screening').waitFor();
    expect(await page.getByTestId('event-screening').innerText()).toMatch(/已排查受影响村 \d+ 户/);
    const list = page.getByTestId('event-household-list');
    const rowB = list.locator('.ant-table-row').filter({ hasText: w.householdInB.householdNo });
    await rowB.waitFor();
    expect(await rowB.innerText()).toContain('红色');
    expect(await rowB.innerText()).toContain('未走访');
    expect(await list.locator('.ant-table-row').filter({ hasText: w.householdInA.householdNo }).count()).toBe(1);
    // Village names arrive after the rows (fetched once per code).
    await expect.poll(() => page.getByTestId('event-households').innerText(), { timeout: 30_000 }).toContain(w.villageB.name);
    await settle(page);
    await screenshot(page, '82-risk-event-households');

    // 2. A home visit for the household in village B with a risk found (client check first).
    await rowB.getByText('登记走访').click();
    await page.getByTestId('visit-form').waitFor();
    await page.getByTestId('visit-household').getByText(w.householdInB.householdNo).waitFor();
    await page.getByTestId('visit-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '请填写走访情况' }).waitFor();
    await page.getByTestId('visit-visitors').locator('input').fill('王林');
    await page.keyboard.press('Enter');
    await pick(page, 'visit-risks', '因病');
    await page.getByTestId('visit-note').fill('户主洪灾中受伤住院，家中主要劳动力暂时无法务工。');
    await page.getByTestId('visit-note').click();
    await settle(page);
    await screenshot(page, '83-visit-form');
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-result').waitFor();
    expect(await page.getByTestId('visit-result').innerText()).toMatch(/已生成 1 条风险线索：#\d+/);
    await screenshot(page, '84-visit-recorded');

    // 3. The clue list for that household: the visit's clue (cadre screening) and the flood's.
    await page.getByTestId('visit-to-clues').click();
    await page.getByTestId('clue-filter-household').waitFor();
    const visitRow = page.locator('.ant-table-row').filter({ hasText: '基层干部排查' });
    await visitRow.waitFor();
    expect(await visitRow.innerText()).toMatch(/干部走访记录（第 \d+ 号）/);
    expect(await visitRow.innerText()).toContain('因病');
    await page.locator('.ant-table-row').filter({ hasText: '因自然灾害' }).waitFor();
    await screenshot(page, '85-clue-list-household');

    // 4. An identification case from the visit's clue (item 4: the procedure starts in the browser).
    await visitRow.getByRole('button', { name: '立案核查' }).click();
    await pick(page, 'open-case-category', '突发严重困难户');
    await page.getByTestId('open-case-submit').click();
    await page.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(page.url().split('/').pop());
    await page.getByRole('heading', { name: `监测案件 ${caseId} · 线索`, exact: true }).waitFor();
    await screenshot(page, '86-case-opened-from-visit-clue');

    // 5. A 12317 hotline call; the household found by the head's ID number.
    const called = fixtures.find((h) => h.villageCode === w.villageB.code && h.householdNo !== w.householdInB.householdNo)!;
    await page.getByTestId('side-menu').getByText('热线与监督反馈').click();
    await page.getByTestId('feedback-form').waitFor();
    await page.getByTestId('feedback-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '请填写工单编号' }).waitFor();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '未选择农户时须选择所在村' }).waitFor();
    await page.getByTestId('feedback-ticket').fill('RX-2026-0715');
    await page.getByTestId('feedback-caller').fill(called.members[0].name);
    await page.getByTestId('feedback-household').click();
    await page.getByTestId('feedback-household').locator('input').fill(called.members[0].idNumber);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: called.householdNo }).click();
    await page.getByTestId('feedback-village-of-household').filter({ hasText: w.villageB.name }).waitFor();
    await pick(page, 'feedback-risks', '因学');
    // Only markup: the browser lets it through, the server refuses it and the error lands on the field.
    await page.getByTestId('feedback-description').fill('<<>>');
    await page.getByTestId('feedback-submit').click();
    await page.locator('.ant-form-item').filter({ has: page.getByTestId('feedback-description') }).locator('.ant-form-item-explain-error').filter({ hasText: '去除不允许的字符后为空' }).waitFor();
    await screenshot(page, '87a-feedback-server-field-error');
    await page.getByTestId('feedback-description').fill('来电反映洪灾后子女上学交通和住宿费用困难。');
    await page.getByTestId('feedback-description').click();
    await settle(page);
    await screenshot(page, '87-feedback-form');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-result').waitFor();
    expect(await page.getByTestId('feedback-result').innerText()).toMatch(/已生成 1 条风险线索：#\d+/);
    await screenshot(page, '88-feedback-recorded');
    await page.getByTestId('feedback-to-clues').click();
    const hotline = page.locator('.ant-table-row').filter({ hasText: '12317 热线（工单 RX-2026-0715）' });
    await hotline.waitFor();
    expect(await hotline.innerText()).toContain(called.householdNo);

    // 6. The monitoring dashboard of the county; drill into the township of villages A and B.
    await page.getByTestId('side-menu').getByText('监测帮扶看板').click();
    await page.getByTestId('monitoring-kpis').waitFor();
    await page.getByTestId('chart-channel').waitFor();
    const breakdown = page.getByTestId('monitoring-breakdown');
    const townRow = breakdown.locator('.ant-table-row').filter({ hasText: township.name });
    await townRow.waitFor();
    // Columns: area, monitored, in identification, overdue, eliminated.
    expect(Number(await townRow.locator('td').nth(1).innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await townRow.locator('td').nth(2).innerText())).toBeGreaterThanOrEqual(1);
    await page.getByTestId('chart-category').waitFor();
    await page.getByTestId('chart-risk').waitFor();
    await page.getByTestId('monitoring-map').waitFor();
    await settle(page);
    await screenshot(page, '89-monitoring-dashboard-county');
    await townRow.click();
    await page.getByTestId('monitoring-dashboard-title').filter({ hasText: township.name }).waitFor();
    await breakdown.locator('.ant-table-row').filter({ hasText: w.villageB.name }).waitFor();
    expect(await breakdown.locator('.ant-table-row').filter({ hasText: w.villageA.name }).locator('td').nth(1).innerText()).toBe('1');
    await page.getByTestId('chart-channel').waitFor();
    await settle(page);
    await screenshot(page, '90-monitoring-dashboard-township');
    // The one refusal the journey provoked (the feedback of markup only) and nothing else.
    expect(unexpected(s.errors).filter((e) => !/status of 422/.test(e))).toEqual([]);
    expect(s.errors.filter((e) => /status of 422/.test(e))).toHaveLength(1);

    // 7. English: the dashboard, the events page with its households and the forms.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('monitoring-dashboard-title').filter({ hasText: 'Monitoring dashboard' }).waitFor();
    await settle(page);
    await screenshot(page, '91-monitoring-dashboard-township-en');
    await page.getByTestId('dashboard-up').click();
    await page.getByTestId('monitoring-breakdown').locator('.ant-table-row').filter({ hasText: township.name }).waitFor();
    await page.getByTestId('side-menu').getByText('Risk events').click();
    await page.getByTestId('event-list').locator('.ant-table-row').filter({ hasText: '7·15' }).first().click();
    await page.getByTestId('event-household-list').locator('.ant-table-row').filter({ hasText: w.householdInB.householdNo }).waitFor();
    expect(await page.getByTestId('event-household-list').locator('.ant-table-row').filter({ hasText: w.householdInB.householdNo }).innerText()).not.toContain('Not visited');
    await settle(page);
    await screenshot(page, '92-risk-events-en');
    await page.getByTestId('event-record').click();
    await page.getByRole('dialog').getByTestId('event-kind').getByText('Market shock').click();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.getByRole('dialog').locator('.ant-form-item-explain-error').filter({ hasText: 'A market shock needs the industry it affects' }).waitFor();
    await screenshot(page, '93-risk-event-form-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('side-menu').getByText('Home visits').click();
    await page.getByTestId('visit-form').waitFor();
    await settle(page);
    await screenshot(page, '94-visit-form-en');
    await page.getByTestId('side-menu').getByText('Hotline & supervision').click();
    await page.getByTestId('feedback-form').waitFor();
    await screenshot(page, '95-feedback-form-en');
    expect(unexpected(s.errors).filter((e) => !/status of 422/.test(e))).toEqual([]);
    await s.context.close();

    // 8. The village cadre of village A: the event with only the households of that village, no recording.
    const cadre = await openSession(browser);
    await signIn(cadre.page, w.accounts.cadre);
    await cadre.page.getByTestId('side-menu').getByText('风险事件').click();
    await cadre.page.getByTestId('event-list').locator('.ant-table-row').filter({ hasText: '7·15' }).first().click();
    const cadreList = cadre.page.getByTestId('event-household-list');
    await cadreList.locator('.ant-table-row').filter({ hasText: w.householdInA.householdNo }).waitFor();
    expect(await cadreList.locator('.ant-table-row').filter({ hasText: w.householdInB.householdNo }).count()).toBe(0);
    expect(await cadre.page.getByTestId('event-record').count()).toBe(0);
    expect(await cadre.page.getByTestId('event-households').innerText()).not.toContain(w.villageB.name);
    await settle(cadre.page);
    await screenshot(cadre.page, '96-risk-event-village-cadre');
    expect(unexpected(cadre.errors)).toEqual([]);
    await cadre.context.close();
  });
});
