// `npm run jobs -- --at ISO [--data DIR]`: one run of the scheduled jobs (reminders, deadlines, the
// nightly recount) against DIR's database, as the cloud function's timer trigger runs them, at the
// given instant (default: now). The local server records messages instead of sending them: its send
// log (管理 → 订阅消息) shows what WeChat would have received. Safe to repeat: nothing is sent twice.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTION_SPECS, type Collections, runJobs } from '../server/features';
import { localSender } from '../server/kernel/wechat';
import { openSqliteStore } from '../server/store/sqlite';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const at = option('--at');
  const now = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(now.getTime()) || (at !== undefined && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(at))) {
    throw new Error('--at 应为带时区的时间，例如 2026-12-07T06:00:00+08:00');
  }
  const file = join(resolve(option('--data') ?? './data'), 'tongxin.db');
  if (!existsSync(file)) throw new Error(`${file} 不存在：请用 --data 指向服务的数据目录`);
  const store = openSqliteStore<Collections>({ file, specs: COLLECTION_SPECS });
  try {
    const lines = await runJobs(store, { now, sender: localSender, log: (line) => console.error(line) });
    for (const line of lines) console.log(line);
    console.log(
      lines.length === 0 ? `${now.toISOString()}：没有到期的任务` : `${now.toISOString()}：完成 ${lines.length} 项`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
