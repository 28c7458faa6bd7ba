// `npm run bench`: throughput and latency of the local server's API, compared with a baseline measured
// in the same run (GET /healthz: HTTP without router or store), the CloudBase requests per call of the
// morning's actions (bench-cloud.ts), the exports at a year's scale (bench-export.ts), the cloud
// function's cold require against wx-server-sdk's alone (bench-cold.ts), plus what a phone downloads
// beside an empty Taro app (bench-sizes.ts).
// Numbers are for reading, never for asserting: tests carry no timing thresholds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/entry/http';
import { cloudRequests } from './bench-cloud';
import { benchCold } from './bench-cold';
import { benchExport } from './bench-export';
import { HISTORY_SCALE, benchHistory } from './bench-history';
import { apiClient, measure, printLoad } from './bench-load';
import { PEAK_CONNECTIONS, PEAK_STAFF, benchPeak } from './bench-peak';
import { benchSizes, printSizes } from './bench-sizes';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-bench-'));
  const server = await startServer({ port: 0, dataDir, demo: true, log: () => undefined });
  try {
    const { post, ok } = apiClient(server.url);
    const data = { token: (await ok<{ token: string }>('dev.login', { openid: 'demo-T0001' })).token };
    const load = (name: string, send: () => Promise<Response>) => measure(name, REQUESTS, CONCURRENCY, send);
    await load('warm-up', () => fetch(`${server.url}/healthz`));
    const rows = [
      await load('baseline: GET /healthz', () => fetch(`${server.url}/healthz`)),
      await load('session.me', () => post('session.me', {}, data.token)),
      await load('staff.search (40 on roster)', () => post('staff.search', { q: '王' }, data.token)),
      await load('staff.list page 1 (admin)', () => post('staff.list', {}, data.token)),
      await load('INVALID_INPUT answer', () => post('staff.bind', { staffNo: 1 }, data.token)),
    ];
    console.log(
      `\nThe morning peak: ${PEAK_STAFF.toLocaleString('en-US')} staff, each opens and checks in once, ${PEAK_CONNECTIONS} connections, the server in its own process\n`,
    );
    printLoad(await benchPeak());
    const scale = HISTORY_SCALE;
    const history = await benchHistory();
    const bigCount = (scale.staff * scale.days).toLocaleString('en-US');
    console.log(
      `\nFlat cost with history: median of ${scale.calls} calls each, one store with ${scale.small.toLocaleString('en-US')} check-ins (baseline) and one with ${bigCount} (${scale.staff.toLocaleString('en-US')} staff × ${scale.days} workdays)\n`,
    );
    console.log(`| action | ${scale.small.toLocaleString('en-US')} check-ins, ms | ${bigCount}, ms | ratio |`);
    console.log('|---|---:|---:|---:|');
    for (const r of history) {
      console.log(`| ${r.name} | ${r.small.toFixed(2)} | ${r.big.toFixed(2)} | ${(r.big / r.small).toFixed(2)} |`);
    }
    console.log(`\nThe admin's desk: ${REQUESTS} requests, ${CONCURRENCY} concurrent, SQLite in ${dataDir}\n`);
    printLoad(rows);
    console.log('\nCloudBase database requests per call (warm container, counted at the double)\n');
    console.log('| action | requests |\n|---|---:|');
    for (const { name, requests } of await cloudRequests()) console.log(`| ${name} | ${requests} |`);
    console.log('\nExports (.xlsx) over a year of 50,000 confirmed volunteer records; the cloud function has 20 s\n');
    console.log('| export | rows | ms | vs baseline | bytes |\n|---|---:|---:|---:|---:|');
    const exports = await benchExport();
    for (const e of exports) {
      const ratio = `${(e.ms / Math.max(1, exports[0].ms)).toFixed(1)}×`;
      console.log(
        `| ${e.name} | ${e.rows.toLocaleString('en-US')} | ${e.ms.toLocaleString('en-US')} | ${ratio} | ${e.bytes.toLocaleString('en-US')} |`,
      );
    }
    const cold = await benchCold();
    const runs = cold.rows[0].runs.length;
    console.log(`\nCold start: require() in fresh Node processes, median of ${runs} runs each\n`);
    console.log('| require | median ms | vs baseline | bytes |\n|---|---:|---:|---:|');
    for (const [i, r] of cold.rows.entries()) {
      const bytes = i === 0 ? '' : `${cold.bundleBytes.toLocaleString('en-US')}${cold.built ? ' (built now)' : ''}`;
      console.log(`| ${r.name} | ${r.ms.toFixed(1)} | ${(r.ms / cold.rows[0].ms).toFixed(2)}× | ${bytes} |`);
    }
    console.log('\nWhat a phone downloads (built now when dist/ lacks a build)\n');
    printSizes(await benchSizes());
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
