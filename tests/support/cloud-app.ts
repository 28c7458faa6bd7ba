import * as wxServerSdk from 'wx-server-sdk';
import { type AppStore, COLLECTION_SPECS, type Collections } from '../../server/features';
import { openCloudbaseStore } from '../../server/store/cloudbase';
import { consoleIndexes } from '../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../server/store/cloudbase/sdk';
import { CloudbaseDouble } from './cloudbase-double';
import { useCloudbaseEnv } from './cloudbase-env';

/** The parts of wx-server-sdk a test needs to reach the double; its own typings say little. */
interface Sdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(config?: { throwOnNotFound?: boolean }): CloudDatabase;
}

export interface CloudApp {
  double: CloudbaseDouble;
  /** A new store object over the app's collections, as each cloud function container opens one. */
  openStore(): AppStore;
  close(): Promise<void>;
}

/**
 * The app's collections and console indexes in a fresh CloudBase double, with wx-server-sdk pointed
 * at it as the platform would point it (cloudbase-env.ts).
 */
export async function startCloudApp(env: string): Promise<CloudApp> {
  const sdk = wxServerSdk as unknown as Sdk;
  const double = await CloudbaseDouble.start({
    env,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  const restore = useCloudbaseEnv(double, env);
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  return {
    double,
    openStore: () => openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS),
    async close() {
      await double.close();
      restore();
    },
  };
}
