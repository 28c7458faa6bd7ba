import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_LIMIT, weappPackages, type WeappPackages } from '../../../scripts/weapp-packages';

/**
 * The weapp build, once, as `npm run build:weapp` makes it: the main package within the bound the
 * production issue set (480 KB against Taro's hello-world floor of 319 KB), every package under
 * WeChat's 2 MB, and the cause of the bound kept: no schema library in the main package (its forms
 * take the server's field messages; zod loads with the subpackages whose forms check as you type).
 */

jest.setTimeout(300_000);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'dist', 'weapp');
const MAIN_BOUND = 480_000;

let built: WeappPackages;

beforeAll(async () => {
  const taro = require.resolve('@tarojs/cli/bin/taro', { paths: [ROOT] });
  await run(process.execPath, [taro, 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const packages = weappPackages(OUT);
  if (!packages) throw new Error('the weapp build wrote no app.json');
  built = packages;
});

it('keeps the main package within its bound', () => {
  expect(built.main).toBeGreaterThan(100_000); // a real build, not an empty folder
  expect(built.main).toBeLessThanOrEqual(MAIN_BOUND);
});

it('keeps every subpackage under WeChat’s 2 MB', () => {
  const roots = Object.keys(built.subpackages);
  expect(roots).toEqual(expect.arrayContaining(['subpackages/admin', 'subpackages/volunteer']));
  const sizes = Object.entries(built.subpackages);
  expect(sizes.filter(([, bytes]) => bytes === 0)).toEqual([]);
  expect(sizes.filter(([, bytes]) => bytes >= PACKAGE_LIMIT)).toEqual([]);
  expect(built.main).toBeLessThan(PACKAGE_LIMIT);
});

it('carries no zod in the main package', () => {
  const scripts = built.mainFiles.filter((f) => f.endsWith('.js'));
  expect(scripts).toContain('vendors.js');
  const withZod = scripts.filter((f) => readFileSync(path.join(OUT, f), 'utf8').includes('_zod'));
  expect(withZod).toEqual([]);
});
