import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../../../scripts/chromium';

const ROOT = join(__dirname, '..', '..', '..');
export const H5 = join(ROOT, 'dist', 'h5');

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

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** The H5 build is stale when any source it is built from changed after it. */
function h5IsCurrent(): boolean {
  const index = join(H5, 'index.html');
  if (!existsSync(index)) return false;
  const sources = ['src', 'config', 'babel.config.js', 'package.json'].map((p) => newestMtime(join(ROOT, p)));
  return statSync(index).mtimeMs >= Math.max(...sources);
}

/** The real H5 production build, built once here rather than by each test file in parallel. */
export function ensureH5Build(): void {
  if (h5IsCurrent()) return;
  const log = join(tmpdir(), 'tongxin-h5-build.log');
  const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(log, `${build.stdout}\n${build.stderr}`);
  if (build.status !== 0) throw new Error(`H5 build failed; its output is in ${log}`);
}
