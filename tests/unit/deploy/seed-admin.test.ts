import * as wxServerSdk from 'wx-server-sdk';
import { COLLECTION_SPECS, type Collections, handlers } from '../../../server/features';
import { systemClock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import { createRouter } from '../../../server/router';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { seedAdmin } from '../../../scripts/seed-admin';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { useCloudbaseEnv } from '../../support/cloudbase-env';

/**
 * `npm run seed:admin` against the CloudBase database double, through the script's own
 * wx-server-sdk init and the CloudBase Store adapter: one admin, unbound, whose printed code binds
 * in the app (the real router's staff.bind); a second run is refused and changes nothing.
 */

const ENV = 'tongxin-seed-admin-8b2e';
const KEY = { TENCENTCLOUD_SECRETID: 'AKIDseed', TENCENTCLOUD_SECRETKEY: 'seed-key' };
const ARGS = ['--env', ENV, '--staff-no', 't0001', '--name', '李明'];

let double: CloudbaseDouble;
let restoreEnv: () => void;

beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  // As a cloud function would see it: the SDK finds the service at the double (cloudbase-env.ts).
  restoreEnv = useCloudbaseEnv(double, ENV);
});

afterAll(async () => {
  await double?.close();
  restoreEnv?.();
});

const staff = () => double.stored('staff');
const snapshot = () => JSON.stringify(Object.keys(COLLECTION_SPECS).map((c) => double.stored(c)));

it('creates one unbound admin whose printed code binds, and refuses a second', async () => {
  const lines: string[] = [];
  const result = await seedAdmin(ARGS, KEY, (line) => lines.push(line));
  expect(staff()).toEqual([
    expect.objectContaining({
      staffNo: 'T0001',
      name: '李明',
      department: '办公室',
      roles: ['staff', 'admin'],
      active: true,
      openid: null,
    }),
  ]);
  expect(result.code).toMatch(/^[A-Z0-9]{10}$/);
  expect(lines.join('\n')).toContain(`绑定码：${result.code}`);
  expect(double.stored('bindCodes')).toHaveLength(1);
  expect(JSON.stringify(double.stored('bindCodes'))).not.toContain(String(result.code));
  expect(double.stored('audit').map((a) => a.action)).toEqual(
    expect.arrayContaining(['staff.import', 'staff.bindCode.issue']),
  );

  const before = snapshot();
  await expect(seedAdmin(['--env', ENV, '--staff-no', 'T0002', '--name', '王芳'], KEY)).rejects.toMatchObject({
    code: 'CONFLICT',
    message: expect.stringContaining('该环境已有管理员：T0001 李明（未绑定）'),
  });
  await expect(seedAdmin(ARGS, KEY)).rejects.toMatchObject({ message: expect.stringContaining('--reissue') });
  expect(snapshot()).toBe(before);

  // While nobody has bound the entry, --reissue replaces its code (a fresh environment whose code
  // expired is not locked out); the first code stops working.
  const reissued = await seedAdmin([...ARGS, '--reissue'], KEY, () => undefined);
  expect(reissued.code).not.toBe(result.code);
  expect(staff()).toHaveLength(1);

  // The code works in the app: the real router over the same database binds the new admin.
  const sdk = wxServerSdk as unknown as { database(c: { throwOnNotFound: boolean }): CloudDatabase };
  const store = openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
  const router = createRouter({ store, clock: systemClock, handlers, contentCheck: wordListCheck(), log: () => {} });
  const bind = (code: string | null) =>
    router.handle({ action: 'staff.bind', input: { staffNo: 'T0001', name: '李明', code }, openid: 'oFirstAdmin' });
  expect((await bind(result.code)).body).toMatchObject({ ok: false });
  expect((await bind(reissued.code)).body).toMatchObject({ ok: true });
  const me = await router.handle({ action: 'session.me', input: {}, openid: 'oFirstAdmin' });
  expect(me.body).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['admin']) } });
  await store.close();

  // Once bound, not even --reissue issues another code.
  await expect(seedAdmin([...ARGS, '--reissue'], KEY)).rejects.toMatchObject({ code: 'CONFLICT' });
}, 30_000);

it('checks its input and calls nothing in a dry run', async () => {
  const before = snapshot();
  await expect(seedAdmin(['--env', ENV, '--staff-no', 'T 1', '--name', '李明'], KEY)).rejects.toMatchObject({
    code: 'INVALID_INPUT',
    message: expect.stringContaining('--staff-no'),
  });
  await expect(seedAdmin(['--env', ENV, '--staff-no', 'T0009'], KEY)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  const lines: string[] = [];
  const requests = double.requests.length;
  const dry = await seedAdmin([...ARGS, '--department', '机关党委', '--dry-run'], {}, (line) => lines.push(line));
  expect(dry.code).toBeNull();
  expect(lines.join('\n')).toContain('T0001 李明（机关党委）');
  expect(double.requests.length).toBe(requests);
  expect(snapshot()).toBe(before);
});
