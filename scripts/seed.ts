// `npm run seed -- --data DIR`: seeds the demo unit (DESIGN.md §7) into an empty data folder without
// starting the server; a folder that already holds a roster is left as it is.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../server/store/sqlite';
import { COLLECTION_SPECS, type Collections, seedDemoIfEmpty } from '../server/features';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--data');
  const dataDir = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : './data');
  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteStore<Collections>({ file: join(dataDir, 'tongxin.db'), specs: COLLECTION_SPECS });
  try {
    const seeded = await seedDemoIfEmpty(store, new Date());
    console.log(seeded ? `已写入示范单位数据：${dataDir}` : `${dataDir} 已有名册，未改动`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
