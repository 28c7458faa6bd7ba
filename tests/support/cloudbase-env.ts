import type { CloudbaseDouble } from './cloudbase-double';

/**
 * The environment wx-server-sdk reads to believe it runs in a cloud function (SCF) of environment
 * `env`, with its database service at the double: TCB_CONTEXT_CNFG.URL is how the platform itself
 * injects the service address (@cloudbase/node-sdk getServerInjectUrl), so production code keeps
 * calling plain `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`. TENCENTCLOUD_RUNENV=SCF also keeps
 * the SDK from probing a metadata server. The secret is fake: the double does not verify signatures.
 */
const KEYS = [
  'TENCENTCLOUD_RUNENV',
  'SCF_NAMESPACE',
  'TCB_ENV',
  'TENCENTCLOUD_REGION',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TCB_CONTEXT_CNFG',
  'TCB_SOURCE',
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
] as const;

/** Sets the cloud function environment; returns a function that restores the previous one. */
export function useCloudbaseEnv(double: CloudbaseDouble, env: string): () => void {
  const saved = new Map(KEYS.map((key) => [key, process.env[key]]));
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: env,
    TCB_ENV: env,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'AKIDtest',
    TENCENTCLOUD_SECRETKEY: 'test-secret',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: double.url }),
  });
  setCaller(null);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * The per-call context the platform sets before each invocation, which `cloud.getWXContext()`
 * reads: WX_CONTEXT_KEYS lists the variables, WX_<NAME> becomes <NAME>.
 */
export function setCaller(openid: string | null, source = 'wx_client'): void {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_APPID = 'wx0123456789abcdef';
  process.env.TCB_SOURCE = source;
  if (openid === null) delete process.env.WX_OPENID;
  else process.env.WX_OPENID = openid;
}
