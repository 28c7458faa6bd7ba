// What a phone downloads: the weapp packages as WeChat counts them, and the JavaScript the H5 app
// loads before its first page is usable, each beside the floor of an empty Taro 4 app (the default
// React template built the same way, as measured for the issue: 319,208 B main package, 126 KB of
// gzipped H5 JavaScript) and WeChat's 2 MB limit. Builds what is missing first (a fresh clone has no
// dist/). The H5 figure is what Chromium actually requests on a first visit, each file gzipped as a
// server would send it, not every chunk of the build: pages load their own chunks when opened.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../server/entry/http';
import { apiClient } from './bench-load';
import { launchChromium } from './chromium';
import { filesUnder, PACKAGE_LIMIT, weappPackages } from './weapp-packages';

const ROOT = join(__dirname, '..');
const H5 = join(ROOT, 'dist', 'h5');
const WEAPP = join(ROOT, 'dist', 'weapp');
const CLOUD = join(ROOT, 'cloudfunctions', 'api', 'index.js');
const FLOOR_MAIN = 319_208;
const FLOOR_H5_GZ = 126 * 1024;

export interface SizeRow {
  name: string;
  bytes: number;
  floor?: number;
  limit?: number;
}

function build(type: 'weapp' | 'h5'): void {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`bench-sizes: taro build --type ${type} failed`);
}

const gzipped = (file: string) => gzipSync(readFileSync(file)).length;

/**
 * The gzipped bytes of every script Chromium fetches while the app opens, until the network is idle:
 * for a first visit (no session: the sign-in page) and for a signed-in member (their 首页).
 */
async function h5InitialScripts(): Promise<{ firstVisit: number; member: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-sizes-'));
  const server = await startServer({ port: 0, dataDir, demo: true, dev: true, staticDir: H5, log: () => undefined });
  const browser = await launchChromium();
  const opened = async (token?: string) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    // The session as the app stores it, in place before any script runs.
    if (token)
      await context.addInitScript((t) => localStorage.setItem('tongxin.token', JSON.stringify({ data: t })), token);
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await context.close();
    return [...scripts].reduce((sum, path) => sum + gzipped(join(H5, path)), 0);
  };
  try {
    const { token } = await apiClient(server.url).ok<{ token: string }>('dev.login', { openid: 'demo-T0004' });
    return { firstVisit: await opened(), member: await opened(token) };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchSizes(): Promise<SizeRow[]> {
  if (!existsSync(join(WEAPP, 'app.json'))) build('weapp');
  if (!existsSync(join(H5, 'index.html'))) build('h5');
  const weapp = weappPackages(WEAPP);
  if (!weapp) throw new Error('bench-sizes: the weapp build has no app.json');
  const subs = Object.values(weapp.subpackages);
  const h5 = await h5InitialScripts();
  const allH5 = filesUnder(H5).filter((f) => f.endsWith('.js'));
  const rows: SizeRow[] = [
    { name: 'weapp main package', bytes: weapp.main, floor: FLOOR_MAIN, limit: PACKAGE_LIMIT },
    { name: 'weapp largest subpackage', bytes: Math.max(0, ...subs), limit: PACKAGE_LIMIT },
    { name: `weapp total (main + ${subs.length} subpackages)`, bytes: weapp.main + subs.reduce((a, b) => a + b, 0) },
    { name: 'H5 JavaScript of a first visit (sign-in page), gzipped', bytes: h5.firstVisit, floor: FLOOR_H5_GZ },
    { name: "H5 JavaScript of a member's 首页, gzipped", bytes: h5.member, floor: FLOOR_H5_GZ },
    { name: `H5 JavaScript, all ${allH5.length} files, gzipped`, bytes: allH5.reduce((n, f) => n + gzipped(f), 0) },
  ];
  if (existsSync(CLOUD)) rows.push({ name: 'cloud function bundle', bytes: statSync(CLOUD).size });
  return rows;
}

export function printSizes(rows: readonly SizeRow[]): void {
  const n = (b: number) => b.toLocaleString('en-US');
  console.log('| package | bytes | empty Taro app | vs empty | WeChat limit |\n|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const vs = r.floor ? `${(r.bytes / r.floor).toFixed(2)}×` : '';
    const limit = r.limit ? `${n(r.limit)} (${((r.bytes / r.limit) * 100).toFixed(0)} %)` : '';
    console.log(`| ${r.name} | ${n(r.bytes)} | ${r.floor ? n(r.floor) : ''} | ${vs} | ${limit} |`);
  }
}
