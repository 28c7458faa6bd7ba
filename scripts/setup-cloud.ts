// `npm run setup:cloud -- --env ID [--dry-run]`: prepares a CloudBase environment's database for
// the app, idempotently: creates each collection of COLLECTION_SPECS that is missing, closes it to
// clients (custom security rule {"read": false, "write": false}: only the cloud function, which the
// rules do not bind, reads and writes), and creates each index of consoleIndexes(COLLECTION_SPECS)
// that is missing, under exactly that name (the adapter tells duplicate keys apart by the unique
// index names, server/store/cloudbase/keys.ts). It never drops or changes an existing index: one
// whose fields differ is reported for a person to decide. A second run changes nothing and says so.
import { COLLECTION_SPECS } from '../server/features';
import { type ConsoleIndex, consoleIndexes } from '../server/store/cloudbase/keys';
import { cloudArgs, runCli } from './cloud/args';
import { errorText, type Log, type Manager, openManager } from './cloud/manager';

const RULE = { read: false, write: false };
const RULE_TEXT = JSON.stringify(RULE);

export interface SetupReport {
  collectionsCreated: string[];
  indexesCreated: string[];
  rulesSet: string[];
  /** Collections whose rule could not be set through the API: the console step was printed. */
  rulesByHand: string[];
  /** Existing indexes of the right name whose fields or uniqueness differ. */
  mismatched: string[];
  /** Unique indexes of the adapter's naming that the schema no longer has (they may refuse writes). */
  stale: string[];
}

interface IndexSeen {
  Name: string;
  Unique?: boolean;
  Keys?: { Name?: string }[];
}

function indexesByCollection(): Map<string, ConsoleIndex[]> {
  const out = new Map<string, ConsoleIndex[]>(Object.keys(COLLECTION_SPECS).map((name) => [name, []]));
  for (const index of consoleIndexes(COLLECTION_SPECS)) out.get(index.collection)?.push(index);
  return out;
}

/**
 * The collection's indexes, or null when it does not exist: DescribeTable fails for a missing table,
 * and any failure counts as missing, as in manager-node's own checkCollectionExists (a failure for
 * another reason, such as the key, then fails the CreateTable that follows, loudly).
 */
async function describe(manager: Manager, name: string): Promise<IndexSeen[] | null> {
  try {
    return ((await manager.database.describeCollection(name)).Indexes ?? []) as IndexSeen[];
  } catch {
    return null;
  }
}

function sameIndex(seen: IndexSeen, want: ConsoleIndex): boolean {
  const keys = (seen.Keys ?? []).map((k) => k.Name ?? '');
  return Boolean(seen.Unique) === want.unique && keys.join(',') === want.fields.join(',');
}

/** Security rules have no method in manager-node; its docs call them through commonService (tcb API). */
async function ensureRule(manager: Manager, envId: string, name: string): Promise<boolean> {
  const tcb = manager.commonService('tcb');
  const current = (await tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: name } })) as {
    AclTag?: string;
    Rule?: string | null;
  };
  if (current.AclTag === 'CUSTOM' && current.Rule) {
    try {
      const rule = JSON.parse(current.Rule) as Record<string, unknown>;
      if (rule.read === false && rule.write === false && Object.keys(rule).length === 2) return false;
    } catch {
      // not JSON: replace it
    }
  }
  await tcb.call({
    Action: 'ModifySafeRule',
    Param: { EnvId: envId, CollectionName: name, AclTag: 'CUSTOM', Rule: RULE_TEXT },
  });
  return true;
}

function printPlan(envId: string, log: Log): void {
  log(`试运行：环境 ${envId} 将确保以下集合与索引存在（未调用云开发 API）`);
  for (const [name, indexes] of indexesByCollection()) {
    log(`  ${name}  权限 自定义安全规则 ${RULE_TEXT}`);
    for (const i of indexes) log(`    ${i.unique ? '唯一' : '普通'}索引 ${i.name} (${i.fields.join(', ')})`);
  }
}

export async function setupCloud(argv: readonly string[], env: NodeJS.ProcessEnv, log: Log = console.log) {
  const args = cloudArgs(argv, env);
  const report: SetupReport = {
    collectionsCreated: [],
    indexesCreated: [],
    rulesSet: [],
    rulesByHand: [],
    mismatched: [],
    stale: [],
  };
  if (args.dryRun || args.credentials === null) {
    printPlan(args.envId, log);
    return report;
  }
  const manager = openManager(args.envId, args.credentials);
  for (const [name, indexes] of indexesByCollection()) {
    let seen = await describe(manager, name);
    if (seen === null) {
      await manager.database.createCollection(name);
      report.collectionsCreated.push(name);
      log(`集合 ${name} 已创建`);
      seen = [];
    }
    try {
      if (await ensureRule(manager, args.envId, name)) {
        report.rulesSet.push(name);
        log(`  ${name} 权限已设为自定义安全规则 ${RULE_TEXT}`);
      }
    } catch (error) {
      report.rulesByHand.push(name);
      log(`  ${name} 权限未能自动设置（${errorText(error)}）`);
    }
    for (const old of seen.filter((s) => s.Name.startsWith('cb_uk_') && !indexes.some((i) => i.name === s.Name))) {
      report.stale.push(`${name}.${old.Name}`);
    }
    for (const want of indexes) {
      const found = seen.find((s) => s.Name === want.name);
      if (found) {
        if (!sameIndex(found, want)) report.mismatched.push(`${name}.${want.name}`);
        continue;
      }
      await manager.database.updateCollection(name, {
        CreateIndexes: [
          {
            IndexName: want.name,
            MgoKeySchema: {
              MgoIndexKeys: want.fields.map((field) => ({ Name: field, Direction: '1' })),
              MgoIsUnique: want.unique,
            },
          },
        ],
      });
      report.indexesCreated.push(`${name}.${want.name}`);
      log(`  ${want.unique ? '唯一' : '普通'}索引 ${name}.${want.name} (${want.fields.join(', ')}) 已创建`);
    }
  }
  summarize(report, log);
  return report;
}

function summarize(report: SetupReport, log: Log): void {
  const changed = report.collectionsCreated.length + report.indexesCreated.length + report.rulesSet.length;
  for (const key of report.mismatched) {
    log(`注意：索引 ${key} 已存在但字段或唯一性与 keys.ts 不同：请在控制台核对（脚本不删除索引）`);
  }
  for (const key of report.stale) {
    log(`注意：唯一索引 ${key} 已不在当前结构中，可能拒绝正常写入：请确认后在控制台删除（脚本不删除索引）`);
  }
  if (report.rulesByHand.length > 0) {
    log('请在 云开发控制台 → 数据库 → <集合> → 权限设置 中选择「自定义安全规则」，填入');
    log(`  ${RULE_TEXT}`);
    log(`  并保存，集合：${report.rulesByHand.join('、')}`);
  }
  log(
    changed === 0
      ? '数据库已就绪，无需改动'
      : `完成：新建集合 ${report.collectionsCreated.length} 个，索引 ${report.indexesCreated.length} 个，设置权限 ${report.rulesSet.length} 个`,
  );
}

if (require.main === module) {
  runCli(async () => {
    const report = await setupCloud(process.argv.slice(2), process.env);
    // Rules left for the console: the environment is not ready yet, and a pipeline should notice.
    if (report.rulesByHand.length > 0) process.exitCode = 1;
  });
}
