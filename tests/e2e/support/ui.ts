import type { Locator, Page } from 'playwright-core';

/** Taro keeps earlier pages in the DOM: the visible page is the last one. */
export const current = (page: Page): Locator => page.locator('.taro_page:visible').last();

/** The demo login page: pick a listed identity by name. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await current(page).getByText('选择演示身份').waitFor();
  await current(page).getByText(name, { exact: true }).first().click();
}

/**
 * Taro's H5 router drops a navigation issued while the previous one is still settling, so a tap
 * right after a page change may do nothing: tap again until the next page shows.
 */
export async function tapUntil(target: () => Locator, shown: () => Locator): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await target().click();
    try {
      await shown().waitFor({ timeout: 3000 });
      return;
    } catch {
      // not there yet: tap again
    }
  }
  await shown().waitFor({ timeout: 1000 });
}
