import type { Locator, Page } from 'playwright-core';

/*
 * Helpers for Ant Design widgets in browser journeys. Modals and dropdowns open with an animation, and
 * a click during it can be lost (the element moves under the pointer), so each helper waits for the
 * animation to end and checks that its click took.
 */

/** Waits until no modal or dropdown is still in its opening animation. */
export async function noOpening(page: Page): Promise<void> {
  const opening = ['.ant-modal', '.ant-select-dropdown', '.ant-picker-dropdown'].flatMap((c) => [`${c}[class*="-appear"]`, `${c}[class*="-enter"]`]).join(', ');
  await page.waitForFunction((sel) => !document.querySelector(sel), opening, { timeout: 15_000 });
}

/** Picks an option of an antd Select by its visible label, and waits until the select shows it. */
export async function pick(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await noOpening(page);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first().click();
    try {
      await select.filter({ hasText: label }).waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Opens a node of a tree select's dropdown (its switcher clicked until the node shows as open). */
export async function expandTreeNode(page: Page, node: Locator): Promise<void> {
  await noOpening(page);
  for (let attempt = 1; ; attempt++) {
    await node.locator('.ant-select-tree-switcher').click();
    try {
      await node.locator('.ant-select-tree-switcher_open').waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Waits until no select or date dropdown is showing (they close with an animation). */
export async function noDropdowns(page: Page): Promise<void> {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.ant-select-dropdown, .ant-picker-dropdown')].some((e) => getComputedStyle(e).display !== 'none' && !e.className.includes('-hidden')),
    undefined,
    { timeout: 15_000 },
  );
}

/** Waits until no dropdown, modal or toast is showing, so a screenshot shows the page itself. */
export async function settle(page: Page): Promise<void> {
  await noDropdowns(page);
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.ant-modal-wrap')].some((e) => getComputedStyle(e).display !== 'none') && !document.querySelector('.ant-message-notice'),
    undefined,
    { timeout: 15_000 },
  );
}
