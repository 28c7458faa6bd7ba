import * as wxServerSdk from 'wx-server-sdk';
import { DuplicateError, isDuplicate, type Store } from '../../../server/store/port';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { useCloudbaseEnv } from '../../support/cloudbase-env';
import { acrossContainers } from '../../support/containers';
import { describeStoreContract, TEST_SPECS, type TestCollections } from '../../store/contract';
import { FIXTURE, loose, rejection, seed } from '../../store/contract-fixture';

/**
 * The CloudBase adapter against the real wx-server-sdk, whose requests go over HTTP to the local
 * double of the CloudBase database service (tests/support/cloudbase-double.ts).
 */

interface Sdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(config?: { throwOnNotFound?: boolean }): CloudDatabase;
}
const sdk = wxServerSdk as unknown as Sdk;

const ENV = 'tongxin-test-0a1b2c';
let double: CloudbaseDouble;
let restoreEnv: () => void;
let db: CloudDatabase;
const stores: Store<TestCollections>[] = [];

function open(): Store<TestCollections> {
  const store = openCloudbaseStore<TestCollections>(db, TEST_SPECS);
  stores.push(store);
  return store;
}

beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(TEST_SPECS),
    indexes: consoleIndexes(TEST_SPECS),
  });
  restoreEnv = useCloudbaseEnv(double, ENV);
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  // The SDK's default (throwOnNotFound: true): the adapter must read a missing document as null anyway.
  db = sdk.database();
});

afterAll(async () => {
  await double.close();
  restoreEnv();
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  double.reset();
  double.duplicateCode = 'SYS_ERR';
});

describeStoreContract('cloudbase', async () => ({
  store: open(),
  reopen: async () => open(),
  cleanup: async () => undefined,
}));

// Eight containers at once, each with its own store object: the service, not a gate, keeps order.
describeStoreContract('cloudbase, 8 containers', async () => ({
  store: acrossContainers(Array.from({ length: 8 }, open)),
  reopen: async () => acrossContainers(Array.from({ length: 8 }, open)),
  cleanup: async () => undefined,
  containers: true,
}));

describe('CloudBase transactions across containers', () => {
  it('retry the whole callback after a write conflict inside it, and never a coded error or a duplicate', async () => {
    const [a, b] = [open(), open()];
    await a.collection('events').insert({ _id: 'hot', seatsLeft: 10 });
    let runs = 0;
    // b holds 'hot' while a's first attempt writes it: a conflicts inside its callback and runs again.
    const holding = b.transaction(async (tx) => {
      await tx.collection('events').update({ _id: 'hot' }, { inc: { seatsLeft: -1 } });
      await new Promise((resolve) => setTimeout(resolve, 60));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.transaction(async (tx) => {
      runs += 1;
      await tx.collection('events').update({ _id: 'hot' }, { inc: { seatsLeft: -1 } });
    });
    await holding;
    expect(runs).toBeGreaterThan(1);
    expect((await a.collection('events').get('hot'))?.seatsLeft).toBe(8);

    let coded = 0;
    const refusal = Object.assign(new Error('规则不允许'), { code: 'RULE' });
    await expect(
      a.transaction(async () => {
        coded += 1;
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    let duplicate = 0;
    await expect(
      a.transaction(async (tx) => {
        duplicate += 1;
        await tx.collection('events').insert({ _id: 'hot', seatsLeft: 1 });
      }),
    ).rejects.toBeInstanceOf(DuplicateError);
    expect([coded, duplicate]).toEqual([1, 1]);
  });
});

describe('CloudBase adapter specifics', () => {
  let store: Store<TestCollections>;
  const items = () => store.collection('items');
  beforeEach(() => {
    store = open();
  });

  it('keeps unique keys in derived fields, so that null and missing keys never clash', async () => {
    await seed(items());
    const byId = new Map(double.stored('items').map((d) => [d._id, d]));
    expect(byId.get('a')).toMatchObject({ code: 'A', _cb_uk_code: '["A"]', _cb_rev: 0 });
    expect(byId.get('c')?._cb_uk_code).toBe('#c');
    expect(byId.get('d')).toMatchObject({ code: null, _cb_uk_code: '#d' });
    expect(await items().get('a')).toEqual(FIXTURE[0]);
  });

  it('frees a key set to null (one request per document) and lets another take it', async () => {
    await seed(items());
    expect(await items().update({ group: 'x' }, { set: { code: null } })).toBe(2);
    expect(double.stored('items').find((d) => d._id === 'b')?._cb_uk_code).toBe('#b');
    await items().insert({ _id: 'z', code: 'A' });
    expect(await items().count({ code: null })).toBe(5);
    const checkins = store.collection('checkins');
    await checkins.insert({ _id: '1', staffId: 's1', day: 'd1' });
    await checkins.insert({ _id: '2', staffId: 's1' });
    // Half a compound key set: the other half comes from the stored document.
    const error = await rejection(checkins.update({ _id: '2' }, { set: { day: 'd1' } }));
    expect(error).toMatchObject({ collection: 'checkins', key: 'staffId,day' });
    expect(await checkins.update({ _id: '2' }, { set: { day: 'd2' } })).toBe(1);
  });

  it('maps duplicate keys whichever errCode the service uses (-501001 or -502001)', async () => {
    await seed(items());
    for (const code of ['SYS_ERR', 'DATABASE_REQUEST_FAILED']) {
      double.duplicateCode = code;
      const error = await rejection(items().insert({ _id: 'z', code: 'B' }));
      expect(error).toBeInstanceOf(DuplicateError);
      expect(error).toMatchObject({ key: 'code' });
    }
  });

  it('guards scalar conditions against MongoDB matching array elements', async () => {
    await items().insert(loose({ _id: 'arr', group: ['x'], n: [5] }));
    // What the service itself does with a bare equality:
    expect((await db.collection('items').where({ group: 'x' }).get()).data).toHaveLength(1);
    expect(await items().find({ group: 'x' })).toEqual([]);
    expect(await items().count({ n: { gt: 1 } })).toBe(0);
    expect(await items().count({ group: { ne: 'x' } })).toBe(1);
    const sent = double.requests
      .filter((r) => r.action === 'database.calculateDocument')
      .map((r) => String(r.body.query));
    expect(sent[0]).toContain('"$elemMatch"');
  });

  it('sends nothing for a filter it refuses', async () => {
    const before = double.requests.length;
    await expect(items().find(loose({ $where: 'sleep(1)' }))).rejects.toThrow();
    await expect(items().update({ _id: 'a' }, loose({ set: { _cb_uk_code: 'x' } }))).rejects.toThrow();
    await expect(items().insert(loose({ _id: 'h', _cb_rev: 9 }))).rejects.toThrow();
    expect(double.requests.length).toBe(before);
  });

  it('takes a seat conditionally inside a transaction and refuses what CloudBase cannot do there', async () => {
    const events = store.collection('events');
    await events.insert({ _id: 'e', seatsLeft: 1 });
    const took = await store.transaction(async (tx) => {
      const first = await tx
        .collection('events')
        .update({ _id: 'e', seatsLeft: { gt: 0 } }, { inc: { seatsLeft: -1 } });
      const second = await tx
        .collection('events')
        .update({ _id: 'e', seatsLeft: { gt: 0 } }, { inc: { seatsLeft: -1 } });
      await expect(tx.collection('events').find({})).rejects.toThrow(/single-document/);
      await expect(tx.collection('events').update({ seatsLeft: 0 }, { set: { seatsLeft: 5 } })).rejects.toThrow(/_id/);
      await expect(events.get('e')).rejects.toThrow(/inside transaction/);
      return [first, second];
    });
    expect(took).toEqual([1, 0]);
    expect(await events.get('e')).toEqual({ _id: 'e', seatsLeft: 0 });
  });

  it('lets a transaction move a unique key from one document to another', async () => {
    await seed(items());
    await store.transaction(async (tx) => {
      await tx.collection('items').remove({ _id: 'a' });
      await tx.collection('items').insert({ _id: 'a2', code: 'A' });
      const error = await rejection(tx.collection('items').insert({ _id: 'a3', code: 'A' }));
      expect(isDuplicate(error)).toBe(true);
      await tx.collection('items').update({ _id: 'b' }, { set: { code: null } });
      await tx.collection('items').insert({ _id: 'b2', code: 'B' });
    });
    expect(await items().get('a')).toBeNull();
    expect((await items().find({ code: { in: ['A', 'B'] } }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual([
      'a2',
      'b2',
    ]);
  });

  it('reports a missing collection as an error, not as a duplicate or an empty result', async () => {
    const specs = { ...TEST_SPECS, extra: {} };
    const other = openCloudbaseStore<TestCollections & { extra: { _id: string } }>(db, specs);
    const error = await rejection(other.collection('extra').find({}));
    expect(isDuplicate(error)).toBe(false);
    expect(String(error)).toMatch(/not exist/);
    await other.close();
  });
});
