import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../../server/entry/http';

const ROOT = join(__dirname, '..', '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const H5 = join(ROOT, 'dist', 'h5');

/** Debian's Chromium; as root on a fresh Debian machine it is installed on first use. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`浏览器测试需要 ${CHROMIUM}：请先运行 apt-get install -y chromium`);
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** The real H5 production build; built once when missing. */
export function ensureH5Build(): void {
  if (existsSync(join(H5, 'index.html'))) return;
  const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('H5 build failed');
}

export interface E2E {
  server: RunningServer;
  browser: Browser;
  /** A fresh page (own storage) at the app's start. */
  open(width?: number): Promise<Page>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  ensureChromium();
  ensureH5Build();
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
    async open(width = 390) {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      await page.goto(server.url);
      return page;
    },
    async stop() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
