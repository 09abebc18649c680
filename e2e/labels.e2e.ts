/**
 * Codes never reach the reader (walkthrough findings): a case's risks in the work queue, its step
 * evidence on the case page and the audit log's actions, actors and entities show as labels in
 * Chinese and in English. Setup (a case taken to the home check) goes through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from './browser.js';
import { apiAs, launchBrowser, localDate, moveClock, openSession, signIn, transition, world } from './journey.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A demo household of village A the other journeys leave alone, with a case past its home check. */
async function caseAtComparison(): Promise<{ caseId: number; householdNo: string }> {
  const w = world();
  const cadre = await apiAs(w.accounts.cadre);
  const found = await cadre<{ items: { id: number; householdNo: string }[] }>('GET', `/api/households?division=${w.villageA.code}&pageSize=50`);
  const household = found.items.filter((h) => !h.householdNo.startsWith('E2E') && h.id !== w.householdInA.id).at(-1)!;
  const today = localDate((await moveClock({ days: 0 })).now);
  const c = await cadre<{ id: number }>('POST', '/api/cases', { householdId: household.id, category: 'SUDDEN_HARDSHIP', risks: ['ILLNESS', 'NATURAL_DISASTER'], disasterSubtype: 'FLOOD', channel: 'CADRE_SCREENING' });
  await transition(cadre, c.id, 'assign', {});
  await transition(cadre, c.id, 'submit_verification', {
    visit: { date: today, checkers: [{ name: '王林' }, { name: '杨芳' }], findings: '户主住院，洪灾冲毁农田。' },
    authorisation: { signed: true, signedOn: today, signer: '户主', documentRef: 'SQ-2026-902' },
  });
  return { caseId: c.id, householdNo: household.householdNo };
}

describe('labels instead of codes', () => {
  it('shows risks, evidence and audited actions by their names in Chinese and English', async () => {
    const w = world();
    const { caseId, householdNo } = await caseAtComparison();

    // The village cadre's case list and the case page.
    const s = await openSession(browser);
    await signIn(s.page, w.accounts.cadre);
    const page = s.page;
    await page.goto(`${w.url}/cases`);
    await page.getByText('全部案件').click();
    const row = page.locator('.ant-table-row').filter({ hasText: householdNo });
    await row.waitFor();
    expect(await row.innerText()).toContain('因病、因自然灾害');
    expect(await row.innerText()).not.toMatch(/ILLNESS|NATURAL_DISASTER/);
    await page.goto(`${w.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: `监测案件 ${caseId} · 信息比对`, exact: true }).waitFor();
    await page.locator('details').filter({ hasText: '材料' }).nth(2).locator('summary').click();
    const evidence = page.locator('details[open]');
    await evidence.getByText('核实人员（至少 2 人）').waitFor();
    expect(await evidence.innerText()).toContain('王林、杨芳');
    expect(await page.locator('main, body').first().innerText()).not.toMatch(/"visit"|authorisation|CADRE_SCREENING/);
    await screenshot(page, 'labels-01-case-evidence');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: `Case ${caseId} · information comparison`, exact: true }).waitFor();
    expect(await page.locator('details[open]').innerText()).toContain('Checkers (at least 2)');
    await page.goto(`${w.url}/cases`);
    await page.getByText('All cases').click();
    expect(await page.locator('.ant-table-row').filter({ hasText: householdNo }).innerText()).toContain('illness, natural disaster');
    await s.context.close();

    // The auditor's audit log of the case.
    const a = await openSession(browser);
    await signIn(a.page, w.accounts.auditor);
    await a.page.goto(`${w.url}/audit?entityType=monitoring_case&entityId=${caseId}`);
    const log = a.page.getByTestId('audit-page');
    await log.locator('.ant-table-row').filter({ hasText: '案件：提交入户核实' }).waitFor();
    const text = await log.locator('.ant-table-tbody').innerText();
    expect(text).toContain('立案');
    expect(text).toContain('案件：派员入户核实');
    expect(text).toContain(`监测案件 #${caseId}`);
    expect(text).not.toMatch(/case\.(open|assign|submit_verification)|monitoring_case/);
    await screenshot(a.page, 'labels-02-audit-log');
    expect([...s.errors, ...a.errors].filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await a.context.close();
  });
});
