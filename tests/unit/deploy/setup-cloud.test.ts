import { COLLECTION_SPECS } from '../../../server/features';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import { setupCloud } from '../../../scripts/setup-cloud';
import { ManagementDouble } from './management-double';

/**
 * `npm run setup:cloud` against a local double of the management API (management-double.ts), through
 * the real @cloudbase/manager-node: exactly the missing collections, rules and indexes are created,
 * and a second run creates nothing.
 */

const ENV = 'tongxin-setup-7c1d';
const SECRET = { id: 'AKIDsetupTest', key: 'setup-test-key' };
const KEY = { TENCENTCLOUD_SECRETID: SECRET.id, TENCENTCLOUD_SECRETKEY: SECRET.key };
const RULE = '{"read":false,"write":false}';

let double: ManagementDouble;
let undo: () => void;

beforeAll(async () => {
  double = await ManagementDouble.start(ENV, SECRET);
  undo = double.use();
});

afterAll(async () => {
  undo?.();
  await double?.close();
});

beforeEach(() => {
  double.calls.length = 0;
  double.tables.clear();
  double.rules.clear();
});

it('creates exactly what is missing, and nothing on a second run', async () => {
  // A half-made environment: staff exists by hand with its rule and one unique index, an index of the
  // right name whose fields are wrong, and a unique index the schema no longer has (both reported,
  // never dropped).
  double.tables.set('staff', [
    { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
    { Name: 'cb_uk_staffNo', Keys: [{ Name: '_cb_uk_staffNo', Direction: '1' }], Unique: true },
    { Name: 'ix_department', Keys: [{ Name: 'dept', Direction: '1' }], Unique: false },
    { Name: 'cb_uk_name', Keys: [{ Name: '_cb_uk_name', Direction: '1' }], Unique: true },
  ]);
  double.rules.set('staff', { AclTag: 'CUSTOM', Rule: RULE });
  const lines: string[] = [];
  const report = await setupCloud(['--env', ENV], KEY, (line) => lines.push(line));

  const names = Object.keys(COLLECTION_SPECS);
  const fresh = names.filter((n) => n !== 'staff');
  expect(report.collectionsCreated).toEqual(fresh);
  const of = (action: string) => double.calls.filter((c) => c.action === action);
  expect(of('CreateTable').map((c) => c.body)).toEqual(
    fresh.map((TableName) => ({
      EnvId: ENV,
      TableName,
      MongoConnector: { DatabaseName: 'tnt-double', InstanceId: 'flexdb' },
    })),
  );
  const wanted = consoleIndexes(COLLECTION_SPECS).filter(
    (i) => !(i.collection === 'staff' && (i.name === 'cb_uk_staffNo' || i.name === 'ix_department')),
  );
  expect(of('UpdateTable').map((c) => c.body)).toEqual(
    wanted.map((i) => ({
      EnvId: ENV,
      TableName: i.collection,
      MongoConnector: { DatabaseName: 'tnt-double', InstanceId: 'flexdb' },
      CreateIndexes: [
        {
          IndexName: i.name,
          MgoKeySchema: { MgoIndexKeys: i.fields.map((Name) => ({ Name, Direction: '1' })), MgoIsUnique: i.unique },
        },
      ],
    })),
  );
  expect(report.mismatched).toEqual(['staff.ix_department']);
  expect(report.stale).toEqual(['staff.cb_uk_name']);
  expect(double.tables.get('staff')?.some((i) => i.Name === 'cb_uk_name')).toBe(true);
  expect(of('ModifySafeRule').map((c) => c.body)).toEqual(
    fresh.map((CollectionName) => ({ EnvId: ENV, CollectionName, AclTag: 'CUSTOM', Rule: RULE })),
  );
  // Every collection now holds its unique indexes under the names the adapter matches errors by.
  for (const i of consoleIndexes(COLLECTION_SPECS)) {
    expect(double.tables.get(i.collection)?.find((x) => x.Name === i.name)?.Unique).toBe(i.unique);
  }
  expect(double.calls.every((c) => ['tcb'].includes(c.service) && c.version === '2018-06-08')).toBe(true);

  double.calls.length = 0;
  const again: string[] = [];
  const second = await setupCloud(['--env', ENV], KEY, (line) => again.push(line));
  expect(second.collectionsCreated).toEqual([]);
  expect(second.indexesCreated).toEqual([]);
  expect(second.rulesSet).toEqual([]);
  expect(double.actions().filter((a) => !/DescribeTable|DescribeSafeRule|DescribeEnvInfo/.test(a))).toEqual([]);
  expect(again.at(-1)).toBe('数据库已就绪，无需改动');
}, 30_000);

it('prints the console step for rules it cannot set, and goes on', async () => {
  const original = double.rules;
  // A collection the double knows no rule for answers DescribeSafeRule with an error.
  jest.spyOn(original, 'get').mockImplementation(() => {
    throw new Error('ResourceUnavailable');
  });
  const lines: string[] = [];
  const report = await setupCloud(['--env', ENV], KEY, (line) => lines.push(line));
  jest.restoreAllMocks();
  expect(report.rulesByHand).toEqual(Object.keys(COLLECTION_SPECS));
  expect(report.indexesCreated).toHaveLength(consoleIndexes(COLLECTION_SPECS).length);
  expect(lines.join('\n')).toContain('权限设置 中选择「自定义安全规则」');
  expect(lines.join('\n')).toContain(RULE);
}, 30_000);

it('plans without calling in a dry run, and refuses without an env id or a key', async () => {
  const lines: string[] = [];
  await setupCloud(['--env', ENV, '--dry-run'], {}, (line) => lines.push(line));
  expect(double.calls).toEqual([]);
  for (const i of consoleIndexes(COLLECTION_SPECS)) expect(lines.join('\n')).toContain(`索引 ${i.name} (`);
  await expect(setupCloud([], KEY)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  await expect(setupCloud(['--env', ENV], {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(setupCloud(['--env', ENV, '--bogus'], KEY)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  await expect(setupCloud([], { ...KEY, TONGXIN_CLOUD_ENV: ENV, TENCENTCLOUD_SECRETKEY: '' })).rejects.toMatchObject({
    code: 'UNAUTHENTICATED',
  });
  expect(double.calls).toEqual([]);
  // The double checks each TC3 signature: a wrong key gets no further than Tencent Cloud would let it.
  await expect(setupCloud(['--env', ENV], { ...KEY, TENCENTCLOUD_SECRETKEY: 'wrong' })).rejects.toMatchObject({
    code: 'AuthFailure.SignatureFailure',
  });
  expect(double.tables.size).toBe(0);
});
