import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../../server/entry/http';

import { CHROMIUM, H5 } from './prepare';

export interface E2E {
  server: RunningServer;
  browser: Browser;
  /** A fresh page (own storage) at the app's start, or signed in with a token at a path. */
  open(width?: number, as?: { token: string; path: string }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
  const server = await startServer({ port: 0, dataDir, demo: true, dev: true, staticDir: H5, log: () => undefined });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    server,
    browser,
    async open(width = 390, as) {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      if (as) {
        // Stored before any script of the app runs, as Taro's storage keeps it: no login page race.
        await context.addInitScript(
          (token) => localStorage.setItem('tongxin.token', JSON.stringify({ data: token })),
          as.token,
        );
      }
      const page = await context.newPage();
      await page.goto(`${server.url}${as?.path ?? ''}`);
      return page;
    },
    async stop() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
