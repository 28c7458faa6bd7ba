import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { AppStore } from '../../../server/features';
import { ARTIFACTS, Journey } from './journey';
import { tapUntil } from './ui';

/** An instant at a Shanghai wall-clock time: the unit's day, whatever zone the test process runs in. */
export const shanghai = (day: string, time: string): string => `${day}T${time}:00+08:00`;

/**
 * The first day from today (Shanghai) that has a reading: the demo seeds this week's and next week's
 * workdays, so on a weekend or holiday "today" has none.
 */
export async function firstReadingDay(store: AppStore): Promise<string> {
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const [reading] = await store.collection('readings').find({ date: { gte: today } }, { sort: { date: 1 }, limit: 1 });
  if (!reading) throw new Error(`the demo has no reading on or after ${today}`);
  return reading.date;
}

/**
 * Waits for the store to agree with what the screen said: a toast can show before the write of a
 * second request lands, and asserting at once would race it.
 */
export async function storeReaches(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the store never reached: ${what}`);
}

/** A tab of the tab bar (the bar comes after every page in the DOM, hence the last match). */
export function openTab(page: Page, tab: string, shown: () => Locator): Promise<void> {
  return tapUntil(() => page.getByText(tab, { exact: true }).last(), shown);
}

/** Taro's H5 dialog fades out for 200 ms after a press: a screenshot taken sooner shows it still there. */
export function dialogClosed(page: Page): Promise<void> {
  return page.locator('.taro-modal__content').last().waitFor({ state: 'hidden' });
}

/**
 * One story told by several people on several screens: their screenshots go to one folder, numbered
 * in the order the story happened (a Journey per page would restart at 01 for each person), and the
 * folder holds only this run's pictures. Beside each picture, the route and the visible text: Debian's
 * Chromium here has no CJK font, so the pictures alone show boxes where the Chinese is.
 */
export class Story {
  private count = 0;

  constructor(readonly name: string) {
    rmSync(join(ARTIFACTS, name), { recursive: true, force: true });
    mkdirSync(join(ARTIFACTS, name), { recursive: true });
  }

  /** The journey of one person (`who` prefixes each screenshot's name) on one page. */
  journey(page: Page, who: string): Journey {
    return new StoryJourney(page, this, who);
  }

  async shoot(page: Page, label: string): Promise<void> {
    this.count += 1;
    const file = join(
      ARTIFACTS,
      this.name,
      `${String(this.count).padStart(2, '0')}-${label.replace(/[^\p{L}\p{N}]+/gu, '-')}`,
    );
    await page.screenshot({ path: `${file}.png` });
    writeFileSync(`${file}.txt`, await page.evaluate(() => `${location.hash}\n${document.body.innerText}\n`));
  }
}

class StoryJourney extends Journey {
  constructor(
    page: Page,
    private readonly story: Story,
    private readonly who: string,
  ) {
    super(page, story.name);
  }

  override step(label: string): Promise<void> {
    return this.story.shoot(this.page, `${this.who}-${label}`);
  }
}
