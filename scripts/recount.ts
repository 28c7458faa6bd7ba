// `npm run recount -- --data DIR`: proves every counter kept on write (check-ins per member, day and
// department) against the records in DIR's database and repairs what differs, printing each repair.
// Safe to run again: a second run finds nothing. Best run while the server is stopped or at night.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../server/store/sqlite';
import { COLLECTION_SPECS, type Collections, recountAll } from '../server/features';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--data');
  const dataDir = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : './data');
  const file = join(dataDir, 'tongxin.db');
  if (!existsSync(file)) throw new Error(`${file} 不存在：请用 --data 指向服务的数据目录`);
  const store = openSqliteStore<Collections>({ file, specs: COLLECTION_SPECS });
  try {
    const lines = await recountAll(store, { now: new Date(), all: true });
    for (const line of lines) console.log(line);
    console.log(lines.length === 0 ? '计数与记录一致，未改动' : `已修正 ${lines.length} 处计数`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
