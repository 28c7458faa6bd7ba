import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import { current } from './ui';

/** Where each journey keeps a screenshot per step (git-ignored; CI may collect the folder). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** What a person sees: the route and the visible text (dialogs and toasts included). */
async function seen(page: Page): Promise<string> {
  return page.evaluate(() => `${location.hash}\n${document.body.innerText}`);
}

/**
 * A person's way through the app, step by step. `press` is how every primary button is pressed: it
 * fails when the press leaves the page unchanged with no request and no message, which is how a
 * silently refused dialog once shipped a 好人榜 round that no admin could finish.
 */
export class Journey {
  private count = 0;

  constructor(
    readonly page: Page,
    private readonly name: string,
  ) {
    mkdirSync(join(ARTIFACTS, name), { recursive: true });
  }

  /** The visible page (Taro keeps earlier ones in the DOM). */
  get here(): Locator {
    return current(this.page);
  }

  async step(label: string): Promise<void> {
    this.count += 1;
    const file = `${String(this.count).padStart(2, '0')}-${label.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`;
    await this.page.screenshot({ path: join(ARTIFACTS, this.name, file) });
  }

  async press(target: Locator, label = 'button'): Promise<void> {
    await target.waitFor({ state: 'visible' });
    const before = await seen(this.page);
    let requests = 0;
    const count = (r: Request) => {
      if (/\/(api|upload)\b/.test(new URL(r.url()).pathname)) requests += 1;
    };
    this.page.on('request', count);
    try {
      await target.click();
      for (let waited = 0; waited < 5000; waited += 100) {
        if (requests > 0 || (await seen(this.page)) !== before) return;
        await this.page.waitForTimeout(100);
      }
      throw new Error(`pressing 「${label}」 did nothing: no request, no change, no message`);
    } finally {
      this.page.off('request', count);
    }
  }

  /** A button on the visible page by its exact text. */
  button(text: string | RegExp): Locator {
    return this.here.locator('.btn, taro-button-core, button').filter({ hasText: text }).first();
  }

  /** The confirm button of the open dialog (Taro's H5 modal). */
  get dialogConfirm(): Locator {
    return this.page.locator('.taro-modal__foot .taro-model__confirm, .taro-model__confirm').last();
  }
}
