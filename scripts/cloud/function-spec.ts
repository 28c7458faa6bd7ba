import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src/core/errors';
import { NEEDED_TIMEOUT_MS } from '../../server/entry/cloud';

/**
 * The cloud function as cloudfunctions/api describes it: config.json gives the timeout and the timer
 * trigger (WeChat DevTools reads the same file), package.json the dependencies the platform installs
 * ("云端安装依赖": wx-server-sdk and exceljs stay outside the bundle). config.json may also name a
 * `runtime` and a `memorySize`; without them the README's Nodejs18.15 and 256 MB apply.
 */

export const FUNCTION_NAME = 'api';
const DEFAULT_RUNTIME = 'Nodejs18.15';
const DEFAULT_MEMORY_MB = 256;

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** 7-field cron (second … year), evaluated in UTC+8. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  /** The folder that is zipped and uploaded: index.js, package.json, config.json. */
  dir: string;
  runtime: string;
  /** Seconds, as the platform takes it. */
  timeout: number;
  memorySize: number;
  triggers: TimerTrigger[];
  dependencies: string[];
  /** Left out of the upload: the platform installs node_modules itself; the source map is local. */
  ignore: string[];
}

interface ConfigJson {
  timeout?: unknown;
  runtime?: unknown;
  memorySize?: unknown;
  triggers?: unknown;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function triggersOf(value: unknown): TimerTrigger[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new AppError('INVALID_INPUT', 'config.json 的 triggers 应为数组');
  return value.map((raw: unknown) => {
    const t = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (t.type !== 'timer' || typeof t.name !== 'string' || typeof t.config !== 'string') {
      throw new AppError('INVALID_INPUT', 'config.json 的触发器须为 { name, type: "timer", config: cron }');
    }
    return { name: t.name, type: 'timer', config: t.config };
  });
}

export function readFunctionSpec(dir: string): FunctionSpec {
  const config = readJson(join(dir, 'config.json')) as ConfigJson;
  const pkg = readJson(join(dir, 'package.json')) as { dependencies?: Record<string, string> };
  const timeout = config.timeout;
  // The cloud entry's transaction retries need this long (server/entry/cloud.ts); the platform's
  // default of 3 s would cut them off in the morning peak, so a short timeout is never deployed.
  if (typeof timeout !== 'number' || timeout * 1000 < NEEDED_TIMEOUT_MS) {
    throw new AppError(
      'RULE',
      `config.json 的 timeout 应至少为 ${Math.ceil(NEEDED_TIMEOUT_MS / 1000)} 秒（当前：${String(timeout)}）`,
    );
  }
  return {
    name: FUNCTION_NAME,
    dir,
    runtime: typeof config.runtime === 'string' ? config.runtime : DEFAULT_RUNTIME,
    timeout,
    memorySize: typeof config.memorySize === 'number' ? config.memorySize : DEFAULT_MEMORY_MB,
    triggers: triggersOf(config.triggers),
    dependencies: Object.keys(pkg.dependencies ?? {}),
    ignore: ['node_modules', 'node_modules/**/*', '*.map'],
  };
}

/** The bundle must exist before an upload: a folder with only package.json would deploy nothing. */
export function assertBuilt(spec: FunctionSpec): void {
  if (!existsSync(join(spec.dir, 'index.js'))) {
    throw new AppError('RULE', `${spec.dir}/index.js 不存在：构建失败或未构建（npm run build:cloud）`);
  }
}
