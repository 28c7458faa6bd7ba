import * as wxServerSdk from 'wx-server-sdk';
import { type AppStore, COLLECTION_SPECS, type Collections } from '../../server/features';
import { openCloudbaseStore } from '../../server/store/cloudbase';
import type { CloudDatabase } from '../../server/store/cloudbase/sdk';
import type { Credentials } from './args';

/**
 * The app's Store over an environment's CloudBase database from an operator's machine: the same
 * adapter the cloud function opens (server/entry/cloud.ts), through the same wx-server-sdk. Outside a
 * cloud function the SDK needs the environment named and an API key to sign with; inside one (and
 * in tests, whose environment mimics one) the platform's injected service address is used.
 */
interface WxServerSdk {
  init(config: { env: string; secretId: string; secretKey: string; sessionToken?: string }): void;
  database(config: { throwOnNotFound: boolean }): CloudDatabase;
}

const sdk = wxServerSdk as unknown as WxServerSdk;

export function openRemoteStore(envId: string, credentials: Credentials): AppStore {
  sdk.init({
    env: envId,
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    ...(credentials.token ? { sessionToken: credentials.token } : {}),
  });
  return openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
}
