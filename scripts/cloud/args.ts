import { parseArgs } from 'node:util';
import { AppError } from '../../src/core/errors';

/**
 * What the three cloud scripts share on the command line: the environment id (`--env ID`, else
 * TONGXIN_CLOUD_ENV, the same variable the mini-program build reads), `--dry-run`, and the Tencent
 * Cloud API key. The key goes by the names @cloudbase/manager-node itself falls back to
 * (TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY, and TENCENTCLOUD_SESSIONTOKEN for a temporary
 * key), so that one pair of variables serves the scripts and the library alike.
 */

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

export interface CloudArgs {
  envId: string;
  dryRun: boolean;
  /** Null in a dry run that has no key: nothing is called then. */
  credentials: Credentials | null;
  values: Record<string, string | boolean | undefined>;
}

type Extra = Record<string, { type: 'string' | 'boolean' }>;

/** Parses argv (without node and the script); unknown options and a missing env id are refused. */
export function cloudArgs(argv: readonly string[], env: NodeJS.ProcessEnv, extra: Extra = {}): CloudArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: { env: { type: 'string' }, 'dry-run': { type: 'boolean' }, ...extra },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new AppError('INVALID_INPUT', `参数有误：${error instanceof Error ? error.message : String(error)}`);
  }
  const envId = (typeof values.env === 'string' ? values.env : (env.TONGXIN_CLOUD_ENV ?? '')).trim();
  if (!envId) throw new AppError('INVALID_INPUT', '缺少云开发环境 ID：请加 --env <环境ID>，或设置 TONGXIN_CLOUD_ENV');
  const dryRun = values['dry-run'] === true;
  const credentials = readCredentials(env);
  if (!dryRun && credentials === null) {
    throw new AppError(
      'UNAUTHENTICATED',
      '缺少腾讯云 API 密钥：请设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（访问管理 → API 密钥管理）',
    );
  }
  return { envId, dryRun, credentials, values };
}

function readCredentials(env: NodeJS.ProcessEnv): Credentials | null {
  const secretId = env.TENCENTCLOUD_SECRETID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRETKEY?.trim();
  if (!secretId || !secretKey) return null;
  const token = env.TENCENTCLOUD_SESSIONTOKEN?.trim();
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

/** A string option, trimmed; undefined when absent or empty. */
export function stringOption(args: CloudArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Runs a script's main when the file is started by tsx, not when a test imports it: a coded error
 * prints as `CODE message` (the API's codes and Chinese messages), anything else with its stack.
 */
export function runCli(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof AppError) console.error(`${error.code} ${error.message}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
