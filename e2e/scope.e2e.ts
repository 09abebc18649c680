import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from './browser.js';
import { launchBrowser, openSession, signIn, world } from './journey.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('village scope', () => {
  it("shows a village cadre only their own village's households and a not-found page for another village's", async () => {
    const { page, context } = await openSession(browser);
    const { villageA, villageB, householdInA, householdInB } = world();
    await signIn(page, world().accounts.cadre);
    expect(await page.getByTestId('current-division').textContent()).toBe(villageA.name);

    await page.goto(world().url + '/households');
    await page.getByTestId('household-table').waitFor();
    await page.locator('[data-testid="household-table"] tbody tr', { hasText: householdInA.householdNo }).waitFor();
    const villages = await page.getByTestId('village-cell').allTextContents();
    expect(villages.length).toBeGreaterThan(0);
    for (const v of villages) expect(v).toContain(villageA.name);
    expect(villages.some((v) => v.includes(villageB.name))).toBe(false);
    await screenshot(page, '20-cadre-list');

    // Searching for the other village's head finds nothing.
    await page.getByTestId('filter-name').fill(householdInB.headName);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/households?') && r.url().includes('q=')),
      page.getByTestId('filter-submit').click(),
    ]);
    expect(answer.status()).toBe(200);
    const found = (await answer.json()) as { items: { householdNo: string; villageCode: string }[] };
    expect(found.items.map((h) => h.householdNo)).not.toContain(householdInB.householdNo);
    for (const h of found.items) expect(h.villageCode).toBe(villageA.code);
    await expect.poll(async () => (await page.getByTestId('household-table').locator('.ant-spin-spinning').count()) === 0).toBe(true);
    expect(await page.getByTestId('household-table').textContent()).not.toContain(householdInB.householdNo);

    // Opening the other village's household by URL: not found.
    await page.goto(`${world().url}/households/${householdInB.id}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('household-profile').count()).toBe(0);
    await screenshot(page, '21-cadre-other-village-not-found');
    await context.close();
  });
});
