// `npm run deploy:cloud -- --env ID [--dry-run]`: builds the cloud function `api`
// (`node scripts/build-cloud.mjs --minify`) and deploys cloudfunctions/api to the CloudBase
// environment: created when missing, else its code and configuration updated; the runtime, timeout
// and timer trigger come from cloudfunctions/api/config.json, and the platform installs the
// dependencies of its package.json (云端安装依赖). Key: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY.
//
// Deliberately @cloudbase/manager-node, not @cloudbase/cli: one small library for this script and
// setup:cloud (scripts/cloud/manager.ts). The code goes up as a base64 zip in the call itself
// (deployMode 'zip', ≤ 1.5 MB zipped: the minified bundle is far below), which spares the COS upload.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ITrigger } from '@cloudbase/manager-node/types/function/types';
import { cloudArgs, runCli } from './cloud/args';
import { assertBuilt, type FunctionSpec, readFunctionSpec, type TimerTrigger } from './cloud/function-spec';
import { errorCode, type Log, type Manager, openManager } from './cloud/manager';

const ROOT = join(__dirname, '..');

export interface DeployOptions {
  /** The function folder (default cloudfunctions/api); tests deploy a copy. */
  dir?: string;
  /** Builds the bundle into dir (default: the real build, minified). */
  build?: () => void;
  log?: Log;
}

export type DeployOutcome = 'dry-run' | 'created' | 'updated';

function buildBundle(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cloud.mjs'), '--minify'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** A timer trigger's cron as the API reports it: `{"cron":"…"}` from GetFunction, or the bare cron. */
function cronOf(trigger: ITrigger): string {
  try {
    const desc = JSON.parse(trigger.TriggerDesc) as { cron?: unknown };
    if (typeof desc.cron === 'string') return desc.cron;
  } catch {
    // not JSON: the bare cron
  }
  return trigger.TriggerDesc;
}

/** Creates the triggers config.json lists, replaces changed ones and removes those it no longer lists. */
async function syncTriggers(manager: Manager, spec: FunctionSpec, existing: ITrigger[], log: Log): Promise<void> {
  const wanted = new Map(spec.triggers.map((t) => [t.name, t]));
  for (const trigger of existing) {
    const want = wanted.get(trigger.TriggerName);
    if (want && trigger.Type === 'timer' && cronOf(trigger) === want.config) {
      wanted.delete(want.name);
      continue;
    }
    // WeChat allows one timer trigger per function: an old one goes before a new one is added.
    await manager.functions.deleteFunctionTrigger(spec.name, trigger.TriggerName);
    log(`  触发器 ${trigger.TriggerName}（${cronOf(trigger)}）已删除`);
  }
  const missing: TimerTrigger[] = [...wanted.values()];
  if (missing.length > 0) {
    await manager.functions.createFunctionTriggers(spec.name, missing);
    for (const t of missing) log(`  触发器 ${t.name}（${t.config}）已创建`);
  } else {
    log('  触发器无变化');
  }
}

export async function deployCloud(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  options: DeployOptions = {},
): Promise<DeployOutcome> {
  const log = options.log ?? console.log;
  const args = cloudArgs(argv, env);
  const spec = readFunctionSpec(options.dir ?? join(ROOT, 'cloudfunctions', 'api'));
  const triggers = spec.triggers.map((t) => `${t.name}（${t.type} ${t.config}，UTC+8）`).join('、') || '无';
  log(`云函数 ${spec.name} → 环境 ${args.envId}`);
  log(`  运行时 ${spec.runtime}，超时 ${spec.timeout} 秒，内存 ${spec.memorySize} MB，触发器 ${triggers}`);
  log(`  云端安装依赖：${spec.dependencies.join('、')}`);
  if (args.dryRun || args.credentials === null) {
    log('（试运行：未构建，未调用云开发 API）');
    log('  将执行 node scripts/build-cloud.mjs --minify，再创建或更新云函数（代码、配置、触发器）');
    return 'dry-run';
  }
  (options.build ?? buildBundle)();
  assertBuilt(spec);
  const manager = openManager(args.envId, args.credentials);
  const func = {
    name: spec.name,
    runtime: spec.runtime,
    timeout: spec.timeout,
    memorySize: spec.memorySize,
    installDependency: true,
    handler: 'index.main',
    ignore: spec.ignore,
  };
  const existing = await manager.functions.getFunctionDetail(spec.name).catch((error: unknown) => {
    if (errorCode(error).startsWith('ResourceNotFound')) return null;
    throw error;
  });
  if (existing === null) {
    // Creates the function, waits until it is active, then adds the triggers (retried by the library).
    await manager.functions.createFunction({
      func: { ...func, triggers: spec.triggers },
      functionPath: spec.dir,
      deployMode: 'zip',
    });
    log(`已创建云函数 ${spec.name}，触发器：${triggers}`);
    return 'created';
  }
  if (existing.Runtime !== spec.runtime) {
    log(`  注意：现有运行时为 ${existing.Runtime}；运行时只能在创建时指定，如需更换请在控制台删除后重新部署`);
  }
  await manager.functions.updateFunctionCode({ func, functionPath: spec.dir, deployMode: 'zip' });
  log('  代码已上传（云端安装依赖）');
  await manager.functions.waitFunctionActive(spec.name);
  // Without `triggers`: the library would create them inside and only warn when that fails.
  await manager.functions.updateFunctionConfig({
    name: spec.name,
    timeout: spec.timeout,
    memorySize: spec.memorySize,
    installDependency: true,
  });
  log(`  配置已更新：超时 ${spec.timeout} 秒，内存 ${spec.memorySize} MB`);
  await manager.functions.waitFunctionActive(spec.name);
  await syncTriggers(manager, spec, existing.Triggers ?? [], log);
  log(`已更新云函数 ${spec.name}`);
  return 'updated';
}

if (require.main === module) runCli(() => deployCloud(process.argv.slice(2), process.env));
