/**
 * Issue 4 item 9: a department warning file creates a clue; the village cadre opens the case and
 * records the home check; comparison, village review and notice run; the township officer and a
 * county reviewer (not the proposer: four eyes) approve; an assistance plan is made and carried
 * out; six months later (the harness's injected clock) the household is proposed for elimination
 * and eliminated. A second household is rejected at village review. Setup steps that are not the
 * point of the journey go through the API; the main steps through the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CASE_STATUSES } from '../src/modules/cases/domain/enums.js';
import { PASSWORD } from './constants.js';
import { fixtureHouseholds } from './fixtures.js';
import { noDropdowns, pick, settle } from './antd.js';
import { screenshot } from './browser.js';
import { apiAs, launchBrowser, localDate, moveClock, openSession, signIn, transition, world, type Session } from './journey.js';

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

async function as(username: string): Promise<Session> {
  const s = await openSession(browser);
  await signIn(s.page, username);
  return s;
}

/** Console errors other than the signed-out session check before login. */
const unexpected = (errors: string[]) => errors.filter((e) => !/401|Unauthorized/.test(e));

const statusZh = (s: keyof typeof CASE_STATUSES) => CASE_STATUSES[s].zh;

async function openCasePage(page: Page, caseId: number, status: keyof typeof CASE_STATUSES): Promise<void> {
  await page.goto(`${world().url}/cases/${caseId}`);
  await waitStatus(page, caseId, status);
}
async function waitStatus(page: Page, caseId: number, status: keyof typeof CASE_STATUSES): Promise<void> {
  await page.getByRole('heading', { name: `监测案件 ${caseId} · ${statusZh(status)}`, exact: true }).waitFor({ timeout: 60_000 });
}

/** Chooses a step in the case page's form, fills it, submits and waits for the new status. */
async function step(page: Page, caseId: number, actionLabel: string, fill: () => Promise<void>, next: keyof typeof CASE_STATUSES, formShot?: string): Promise<void> {
  await pick(page, 'step-action', actionLabel);
  await fill();
  if (formShot) await screenshot(page, formShot);
  await page.getByTestId('step-submit').click();
  await waitStatus(page, caseId, next);
}

const medicalCsv = (rows: { id: string; name: string; settledOn: string }[]) =>
  ['身份证号,姓名,结算日期,就诊类型,总费用(元),合规自付(元),医疗机构', ...rows.map((r) => `${r.id},${r.name},${r.settledOn},住院,86000,26500,赫章县人民医院`)].join('\r\n') + '\r\n';

/**
 * The assistance plan through the case page: make the plan, add the suggested health measure (a
 * missing description is refused by the form), start it, record it implemented (a date after today
 * is refused by the server, shown on the field), record the effect; then the plan's own page.
 */
async function assistancePlanInBrowser(caseId: number, today: string): Promise<void> {
  const s = await as(world().accounts.cadre);
  const page = s.page;
  await openCasePage(page, caseId, 'MONITORING');
  const plan = page.getByTestId('assistance-plan');
  await plan.getByTestId('plan-responsible').fill('王林');
  await plan.getByTestId('plan-create').click();
  await plan.getByTestId('suggestion-HEALTH').waitFor();
  expect(await plan.getByTestId('plan-uncovered').innerText()).toContain('因病');
  await plan.scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, '67b-assistance-plan-made');

  await plan.getByTestId('suggestion-add-HEALTH').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('measure-amount').fill('12000');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '措施内容' }).waitFor();
  await screenshot(page, '67c-measure-form-validation');
  await dialog.getByTestId('measure-description').fill('落实大病保险和医疗救助，家庭医生签约服务');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  const row = plan.locator('.ant-table-row').filter({ hasText: '健康帮扶' });
  await row.waitFor();
  expect(await row.innerText()).toMatch(/12,000\.00/);
  expect(await plan.getByTestId('suggestion-HEALTH').innerText()).toContain('已覆盖');
  // Corrected before it starts: the amount and an end date.
  await row.getByRole('button', { name: /编\s*辑/ }).click();
  const editDialog = page.getByRole('dialog');
  await editDialog.getByTestId('measure-amount').fill('15000');
  await editDialog.getByTestId('measure-end').fill(localDate(new Date(`${today}T00:00:00+08:00`).toISOString(), 365));
  await editDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await row.getByText('15,000.00').waitFor();

  await row.getByRole('button', { name: '开始实施' }).click();
  await page.getByTestId('confirm-implementing').click();
  await row.getByText('实施中').waitFor();
  await row.getByRole('button', { name: '已落实' }).click();
  const implement = page.getByRole('dialog');
  await implement.getByTestId('implement-on').fill(localDate(new Date(`${today}T00:00:00+08:00`).toISOString(), 3));
  await implement.getByRole('button', { name: /确\s*定|OK/ }).click();
  await implement.locator('.ant-form-item-explain-error').first().waitFor();
  await screenshot(page, '67d-implemented-date-refused');
  await implement.getByTestId('implement-on').fill(today);
  await implement.getByRole('button', { name: /确\s*定|OK/ }).click();
  await row.getByText('已实施').waitFor();

  await plan.getByTestId('effect-record').click();
  const effect = page.getByRole('dialog');
  await effect.getByTestId('effect-income').fill('9800');
  await effect.getByTestId('effect-note').fill('医疗费用报销到位，家庭收入恢复。');
  await effect.getByRole('button', { name: /确\s*定|OK/ }).click();
  await plan.getByTestId('plan-effect').waitFor();
  expect(await plan.getByTestId('plan-effect').innerText()).toContain('9,800.00');
  expect(await plan.innerText()).toContain('15,000.00 元');
  await plan.scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, '67e-assistance-plan-carried-out');

  await plan.getByRole('link', { name: /帮扶计划/ }).click();
  await page.waitForURL(/\/assistance\/\d+$/);
  await page.getByRole('link', { name: '返回案件' }).waitFor();
  await page.getByTestId('plan-effect').waitFor();
  await settle(page);
  await screenshot(page, '67f-assistance-plan-page');
  await page.getByText('English', { exact: true }).click();
  await page.getByText('Health support').first().waitFor();
  await screenshot(page, '67g-assistance-plan-page-en');
  // The one refusal the journey provoked (the future implementation date) and nothing else.
  expect(unexpected(s.errors).filter((e) => !/status of 422/.test(e))).toEqual([]);
  expect(s.errors.filter((e) => /status of 422/.test(e))).toHaveLength(1);
  await s.context.close();
}

describe('monitoring case journey', () => {
  it('takes a department warning through identification, assistance and elimination, and rejects a second household at village review', { timeout: 900_000 }, async () => {
    const w = world();
    const households = fixtureHouseholds([w.villageA.code]);
    const first = households[0]; // POVERTY_EXITED, labour, guarantees secured
    const second = households[2]; // GENERAL
    const today0 = localDate(clockStart);

    // 1. County administrator: department warning file (medical insurance) → dry run → report → import.
    const admin = await as(w.accounts.admin);
    await admin.page.getByTestId('side-menu').getByText('部门预警导入').click();
    await admin.page.getByTestId('dept-choose').waitFor();
    const csv = medicalCsv([
      { id: first.members[0].idNumber, name: first.members[0].name, settledOn: today0 },
      { id: second.members[0].idNumber, name: second.members[0].name, settledOn: today0 },
    ]);
    await admin.page.locator('input[type=file]').setInputFiles({ name: '医保高额自付预警.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await admin.page.getByTestId('dept-dry-run').click();
    await admin.page.getByTestId('dept-ready').waitFor();
    await screenshot(admin.page, '60-dept-file-dry-run');
    await admin.page.getByTestId('dept-commit').click();
    await admin.page.getByTestId('dept-committed').waitFor();
    expect(await admin.page.getByTestId('dept-committed').innerText()).toMatch(/新增 2 条线索/);
    await screenshot(admin.page, '61-dept-file-imported');
    expect(unexpected(admin.errors)).toEqual([]);
    await admin.context.close();

    // Clues from the other channels for a third household (API): an edit that makes its housing unsafe
    // (re-evaluated at once, no sweep run), a cadre visit, a 12317 call and a self-declaration.
    const third = households[1];
    const adminApi0 = await apiAs(w.accounts.admin);
    const thirdId = (await adminApi0<{ items: { id: number }[] }>('GET', `/api/households?householdNo=${third.householdNo}`)).items[0].id;
    await adminApi0('PUT', `/api/households/${thirdId}/guarantee`, { foodClothingOk: true, housingUnsafe: true, houseGrade: 'D', dropoutChild: false, memberUninsured: true, waterUnsafe: false, reason: '住建部门鉴定为D级危房' });
    const cadreApi0 = await apiAs(w.accounts.cadre);
    await cadreApi0('POST', '/api/monitoring/visits', { householdId: thirdId, visitedOn: today0, visitors: ['王林'], riskTypes: ['UNSTABLE_EMPLOYMENT'], note: '户主务工中断' });
    await cadreApi0('POST', '/api/monitoring/feedback', { kind: 'HOTLINE_12317', ticketNo: 'RX-2026-0088', householdId: thirdId, villageCode: w.villageA.code, riskTypes: ['EDUCATION'], description: '来电反映子女上学费用困难' });
    const declared = await fetch(w.url + '/api/public/declarations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ villageCode: w.villageA.code, name: third.members[0].name, idNumber: third.members[0].idNumber, riskTypes: ['ACCIDENT'], description: '家中有人意外受伤' }) });
    expect(declared.status).toBe(200);

    // 2. Village cadre: the clue list (department warnings), open a case from the first clue, home check.
    const cadre = await as(w.accounts.cadre);
    await cadre.page.getByTestId('side-menu').getByText('风险线索').click();
    await pick(cadre.page, 'clue-filter-channel', '部门筛查预警');
    // (Other journeys may have left clues of other channels for the same household: the filter hides them.)
    const row = cadre.page.locator('.ant-table-row').filter({ hasText: first.householdNo }).filter({ hasText: '部门筛查预警' });
    await row.waitFor();
    expect(await cadre.page.locator('.ant-table-row').filter({ hasText: second.householdNo }).filter({ hasText: '部门筛查预警' }).count()).toBe(1);
    // Channel and source as labels: the department and the file the warning came from.
    expect(await row.innerText()).toContain('部门筛查预警');
    expect(await row.innerText()).toMatch(/医疗保障部门文件《医保高额自付预警\.csv》第 \d+ 行/);
    await noDropdowns(cadre.page);
    await screenshot(cadre.page, '62-clue-list');
    // Every channel: the rule of the re-evaluation, the visit, the 12317 call, the declaration.
    await pick(cadre.page, 'clue-filter-channel', '全部');
    const thirdRows = cadre.page.locator('.ant-table-row').filter({ hasText: third.householdNo });
    await thirdRows.filter({ hasText: '规则预警：住房安全问题' }).waitFor();
    const thirdText = (await thirdRows.allInnerTexts()).join('\n');
    expect(thirdText).toContain('平台监测分析');
    expect(thirdText).toMatch(/基层干部排查[\s\S]*干部走访记录（第 \d+ 号）/);
    expect(thirdText).toMatch(/监督渠道反馈（12317）[\s\S]*12317 热线（工单 RX-2026-0088）/);
    expect(thirdText).toMatch(/农户自主申报[\s\S]*农户自主申报（受理编号 /);
    await noDropdowns(cadre.page);
    await screenshot(cadre.page, '62b-clue-list-all-channels');
    await pick(cadre.page, 'clue-filter-channel', '部门筛查预警');
    await cadre.page.locator('.ant-table-row').filter({ hasText: second.householdNo }).filter({ hasText: '部门筛查预警' }).waitFor();
    await row.getByRole('button', { name: '立案核查' }).click();
    await pick(cadre.page, 'open-case-category', '脱贫不稳定户');
    await cadre.page.getByTestId('open-case-submit').click();
    await cadre.page.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(cadre.page.url().split('/').pop());
    await waitStatus(cadre.page, caseId, 'CLUE');
    await step(cadre.page, caseId, '派员入户核实', async () => undefined, 'VERIFYING');
    await step(
      cadre.page,
      caseId,
      '提交入户核实',
      async () => {
        await cadre.page.getByTestId('step-visit-checkers-0').fill('王林');
        await cadre.page.getByTestId('step-visit-checkers-1').fill('杨芳');
        await cadre.page.getByTestId('step-visit-findings').fill('户主住院治疗，自付医疗费用约 2.65 万元，家庭收入下降。');
        await cadre.page.getByTestId('step-authorisation-signer').fill(first.members[0].name);
        await cadre.page.getByTestId('step-authorisation-documentRef').fill('SQ-2026-001');
      },
      'COMPARING',
      '63a-home-check-form',
    );
    await screenshot(cadre.page, '63-case-verified');
    expect(unexpected(cadre.errors)).toEqual([]);
    await cadre.context.close();

    // Comparison by the township (setup through the API).
    const township = await apiAs(w.accounts.township);
    expect(await transition(township, caseId, 'record_comparison', { comparison: { date: today0, departments: ['公安', '不动产', '市场监管'], result: 'CLEAR' } })).toBe('VILLAGE_REVIEW');

    // 3. Village cadre: democratic review with votes, 7-day notice; the printable notice.
    const cadre2 = await as(w.accounts.cadre);
    await openCasePage(cadre2.page, caseId, 'VILLAGE_REVIEW');
    await step(
      cadre2.page,
      caseId,
      '录入村民主评议并公示',
      async () => {
        await cadre2.page.getByTestId('step-minutes-attendees').fill('40');
        await cadre2.page.getByTestId('step-minutes-votesFor').fill('35');
        await cadre2.page.getByTestId('step-minutes-votesAgainst').fill('3');
        await cadre2.page.getByTestId('step-minutes-abstentions').fill('2');
        await cadre2.page.getByTestId('step-minutes-summary').fill('村民代表会议评议，同意纳入监测对象。');
        await cadre2.page.getByTestId('step-notice-endDate').fill(localDate(clockStart, 6));
        await cadre2.page.getByTestId('step-notice-objectionContact').fill('村委会 0857-1234567');
      },
      'PUBLICITY',
      '64a-village-review-form',
    );
    await screenshot(cadre2.page, '64-case-publicity');
    const printHref = await cadre2.page.getByRole('link', { name: '打印' }).first().getAttribute('href');
    await cadre2.page.goto(w.url + printHref!);
    await cadre2.page.getByText('公示').first().waitFor();
    expect(await cadre2.page.content()).not.toContain(first.members[0].idNumber);
    await screenshot(cadre2.page, '65-publicity-notice-print');
    await cadre2.context.close();

    // Second household: opened, checked and compared through the API, then rejected at village review in the browser.
    const cadreApi = await apiAs(w.accounts.cadre);
    const clues = await cadreApi<{ items: { id: number; householdId: number; householdNo: string; channel: string }[] }>('GET', '/api/monitoring/clues?status=OPEN&channel=DEPT_WARNING');
    const clue2 = clues.items.find((c) => c.householdNo === second.householdNo)!;
    const case2 = await cadreApi<{ id: number }>('POST', '/api/cases', { householdId: clue2.householdId, clueId: clue2.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'DEPT_WARNING' });
    await transition(cadreApi, case2.id, 'assign', {});
    await transition(cadreApi, case2.id, 'submit_verification', {
      visit: { date: today0, checkers: [{ name: '王林' }, { name: '杨芳' }], findings: '住院费用已由大病保险报销大部分。' },
      authorisation: { signed: true, signedOn: today0, signer: second.members[0].name, documentRef: 'SQ-2026-002' },
    });
    expect(await transition(township, case2.id, 'record_comparison', { comparison: { date: today0, departments: ['公安'], result: 'CLEAR' } })).toBe('VILLAGE_REVIEW');

    // 4. A week later: the notice has ended; the cadre closes it and rejects the second household.
    await moveClock({ days: 7 });
    const cadre3 = await as(w.accounts.cadre);
    await openCasePage(cadre3.page, case2.id, 'VILLAGE_REVIEW');
    await step(
      cadre3.page,
      case2.id,
      '不予纳入',
      async () => {
        await cadre3.page.getByTestId('step-reason').fill('民主评议未通过：家庭收入稳定，医疗费用已报销。');
        await cadre3.page.getByTestId('step-minutes-attendees').fill('40');
        await cadre3.page.getByTestId('step-minutes-votesFor').fill('8');
        await cadre3.page.getByTestId('step-minutes-votesAgainst').fill('30');
        await cadre3.page.getByTestId('step-minutes-abstentions').fill('2');
        await cadre3.page.getByTestId('step-minutes-summary').fill('多数代表认为该户不符合纳入条件。');
      },
      'REJECTED',
    );
    await screenshot(cadre3.page, '66-second-household-rejected');
    await openCasePage(cadre3.page, caseId, 'PUBLICITY');
    await step(cadre3.page, caseId, '公示结束', async () => cadre3.page.getByTestId('step-summary').fill('公示 7 天，无异议。'), 'TOWNSHIP_REVIEW');
    expect(unexpected(cadre3.errors)).toEqual([]);
    await cadre3.context.close();

    // 5. Township officer passes; the county reviewer (not the proposer) approves.
    const officer = await as(w.accounts.township);
    await openCasePage(officer.page, caseId, 'TOWNSHIP_REVIEW');
    await step(officer.page, caseId, '乡镇审核通过', async () => officer.page.getByTestId('step-review-opinion').fill('材料齐全，程序规范，同意上报。'), 'COUNTY_APPROVAL');
    await officer.context.close();
    const reviewer = await as(w.accounts.reviewer);
    await openCasePage(reviewer.page, caseId, 'COUNTY_APPROVAL');
    await step(reviewer.page, caseId, '县级审批认定', async () => reviewer.page.getByTestId('step-approval-documentNo').fill('赫乡振〔2026〕15号'), 'ANNOUNCED');
    await screenshot(reviewer.page, '67-county-approved');
    expect(unexpected(reviewer.errors)).toEqual([]);
    await reviewer.context.close();

    // Entered into monitoring (API); the cadre makes the assistance plan and carries it out in the browser.
    const today1 = localDate((await moveClock({ days: 0 })).now);
    const cadreApi2 = await apiAs(w.accounts.cadre);
    expect(await transition(cadreApi2, caseId, 'start_monitoring', { enteredOn: today1 })).toBe('MONITORING');
    await assistancePlanInBrowser(caseId, today1);

    // 6. Six months later: income recovered (registry edit), the cadre proposes elimination.
    const later = await moveClock({ days: 190 });
    const today2 = localDate(later.now);
    const adminApi = await apiAs(w.accounts.admin);
    const year = Number(today2.slice(0, 4));
    const householdId = (await adminApi<{ case: { householdId: number } }>('GET', `/api/cases/${caseId}`)).case.householdId;
    await adminApi('PUT', `/api/households/${householdId}/incomes/${year}`, {
      wageFen: 3_600_000, operatingFen: 400_000, transferFen: 150_000, productionCostFen: 120_000, reason: '务工收入恢复',
    });
    const cadre4 = await as(w.accounts.cadre);
    await openCasePage(cadre4.page, caseId, 'MONITORING');
    await step(cadre4.page, caseId, '提出风险消除', async () => cadre4.page.getByTestId('step-incomeStableSince').fill(today1), 'ELIM_PROPOSED');
    await screenshot(cadre4.page, '68-elimination-proposed');
    expect(unexpected(cadre4.errors)).toEqual([]);
    await cadre4.context.close();

    // Elimination check, review and notice (API), then the notice ends.
    const cadreApi3 = await apiAs(w.accounts.cadre);
    await transition(cadreApi3, caseId, 'assign_elim_verification', {});
    await transition(cadreApi3, caseId, 'submit_elim_verification', {
      visit: { date: today2, checkers: [{ name: '王林' }, { name: '杨芳' }], findings: '收入稳定，医疗费用已解决。' },
      forms: { collectionFormRef: 'XC-01', measuresFormRef: 'XC-02', assessmentFormRef: 'XC-03' },
    });
    await transition(cadreApi3, caseId, 'record_elim_review', {
      minutes: { date: today2, attendees: 40, votesFor: 36, votesAgainst: 2, abstentions: 2, summary: '同意风险消除。' },
      notice: { startDate: today2, endDate: localDate(later.now, 6), objectionContact: '村委会 0857-1234567' },
    });
    const afterNotice = await moveClock({ days: 7 });
    const cadreApi4 = await apiAs(w.accounts.cadre);
    await transition(cadreApi4, caseId, 'close_elim_publicity', { summary: '公示 7 天，无异议。' });
    const township2 = await apiAs(w.accounts.township);
    expect(await transition(township2, caseId, 'elim_township_pass', { review: { date: localDate(afterNotice.now), opinion: '同意风险消除。', onSiteCheck: true } })).toBe('ELIM_COUNTY');

    // 7. The county reviewer approves the elimination in the browser.
    const reviewer2 = await as(w.accounts.reviewer);
    await openCasePage(reviewer2.page, caseId, 'ELIM_COUNTY');
    await step(reviewer2.page, caseId, '县级批准风险消除', async () => reviewer2.page.getByTestId('step-approval-documentNo').fill('赫乡振〔2027〕3号'), 'ELIMINATED');
    await reviewer2.page.getByText('县级批准风险消除').last().waitFor();
    await screenshot(reviewer2.page, '69-eliminated');
    expect(unexpected(reviewer2.errors)).toEqual([]);
    await reviewer2.context.close();
  });
});
