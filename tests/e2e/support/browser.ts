import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../../server/entry/http';

import { launchChromium } from '../../../scripts/chromium';
import { H5 } from './prepare';

export interface E2E {
  server: RunningServer;
  browser: Browser;
  /** A fresh page (own storage) at the app's start, or signed in with a token at a path. */
  open(width?: number, as?: { token: string; path: string }): Promise<Page>;
  /** Calls an action over HTTP as the app would; throws on an error envelope. */
  api<T>(action: string, input: unknown, token?: string): Promise<T>;
  /** A session token of the demo login. */
  login(openid: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
  const server = await startServer({ port: 0, dataDir, demo: true, dev: true, staticDir: H5, log: () => undefined });
  const browser = await launchChromium();
  async function api<T>(action: string, input: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}/api/${action}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
    return body.data;
  }
  return {
    server,
    browser,
    api,
    login: async (openid) => (await api<{ token: string }>('dev.login', { openid })).token,
    async open(width = 390, as) {
      const context = await browser.newContext({ viewport: { width, height: 844 }, locale: 'zh-CN' });
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
