// The cloud function's cold start: in fresh Node processes, the time `require()` of the built
// cloudfunctions/api/index.js takes, against `require('wx-server-sdk')` alone, resolved as the bundle
// resolves it (from cloudfunctions/api up to the project's node_modules, where WeChat's "云端安装依赖"
// puts it beside the function). The difference is what our own code costs every cold container.
// Median of RUNS each, alternating which goes first, after one unmeasured run each to warm the disk cache.
// Builds the bundle first (scripts/build-cloud.mjs, unminified) when it is missing.
// Numbers are for reading, never for asserting. `npx tsx scripts/bench-cold.ts` prints a table.
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const API_DIR = join(ROOT, 'cloudfunctions', 'api');
const BUNDLE = join(API_DIR, 'index.js');
const RUNS = Math.max(7, Number(process.env.BENCH_COLD_RUNS ?? 9));

/** Timed inside the child, around require() only: node's own start-up is the same for both. */
const CHILD = `
  const { performance } = require('node:perf_hooks');
  const started = performance.now();
  require(process.argv[1]);
  process.stdout.write(String(performance.now() - started));`;

export interface ColdRequire {
  name: string;
  /** Median of `runs`, in ms. */
  ms: number;
  runs: number[];
}

export interface ColdBench {
  /** The baseline (wx-server-sdk alone) first, then the bundle. */
  rows: ColdRequire[];
  bundleBytes: number;
  /** Whether this run had to build the bundle. */
  built: boolean;
}

async function requireOnce(file: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['-e', CHILD, file], { cwd: API_DIR, env: process.env });
  const ms = Number(stdout);
  if (!Number.isFinite(ms)) throw new Error(`bench-cold: require(${file}) printed ${JSON.stringify(stdout)}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function benchCold(): Promise<ColdBench> {
  const built = !existsSync(BUNDLE);
  if (built) await run(process.execPath, [join(ROOT, 'scripts', 'build-cloud.mjs')], { cwd: ROOT });
  const sdk = require.resolve('wx-server-sdk', { paths: [API_DIR] });
  const targets = [
    { name: 'baseline: require(wx-server-sdk)', file: sdk, runs: [] as number[] },
    { name: 'require(cloudfunctions/api/index.js)', file: BUNDLE, runs: [] as number[] },
  ];
  for (const t of targets) await requireOnce(t.file);
  for (let i = 0; i < RUNS; i++) {
    for (const t of i % 2 === 0 ? targets : [...targets].reverse()) t.runs.push(await requireOnce(t.file));
  }
  return {
    rows: targets.map((t) => ({ name: t.name, ms: median(t.runs), runs: t.runs })),
    bundleBytes: statSync(BUNDLE).size,
    built,
  };
}

if (require.main === module) {
  benchCold()
    .then(({ rows, bundleBytes, built }) => {
      const ratio = (r: ColdRequire) => `${(r.ms / rows[0].ms).toFixed(2)}×`;
      console.table(rows.map((r) => ({ require: r.name, 'median ms': Number(r.ms.toFixed(1)), ratio: ratio(r) })));
      console.log(`runs: ${JSON.stringify(rows.map((r) => r.runs.map((ms) => Math.round(ms))))}`);
      console.log(`bundle: ${bundleBytes} B${built ? ' (built by this run)' : ''}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
