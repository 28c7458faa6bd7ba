import CloudBase from '@cloudbase/manager-node';
import type { Credentials } from './args';

/**
 * The CloudBase management API client. @cloudbase/manager-node (a devDependency) rather than
 * @cloudbase/cli: one small library serves deploy:cloud and setup:cloud, called from TypeScript with
 * its typings, instead of a CLI whose output the scripts would have to parse. It signs each call
 * (TC3-HMAC-SHA256) and posts JSON to https://<service>.tencentcloudapi.com: `tcb` for the
 * environment and the database, `scf` for functions and triggers.
 */

export type Manager = CloudBase;

export function openManager(envId: string, credentials: Credentials): Manager {
  return new CloudBase({ envId, ...credentials });
}

/** The error code the API answered with (CloudBaseError.code), or '' for anything else. */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  const { code } = error as { code: unknown };
  return typeof code === 'string' || typeof code === 'number' ? String(code) : '';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where a script writes its lines; tests pass their own to read them. */
export type Log = (line: string) => void;
