import * as wxServerSdk from 'wx-server-sdk';
import { handlers } from '../../../server/features';
import { DevClock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import { createRouter, type Router } from '../../../server/router';
import { demoRoster } from '../../../server/features/people/seed';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';
import type { AppStore } from '../../../server/features';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { useCloudbaseEnv } from '../../support/cloudbase-env';

/**
 * The 好人榜 handlers on the CloudBase adapter (the real wx-server-sdk against the local double of
 * the database service): the one-document transaction of a ballot, conditional phase moves and the
 * unique keys behave as on SQLite.
 */

interface Sdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(config?: { throwOnNotFound?: boolean }): CloudDatabase;
}
const sdk = wxServerSdk as unknown as Sdk;

const ENV = 'tongxin-honor-1a2b3c';
let double: CloudbaseDouble;
let restoreEnv: () => void;
let store: AppStore;
let router: Router;
const clock = new DevClock();

beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  restoreEnv = useCloudbaseEnv(double, ENV);
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  store = openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
  for (const doc of demoRoster('2026-03-01T00:00:00.000Z').slice(0, 12)) await store.collection('staff').insert(doc);
  router = createRouter({ store, clock, handlers, contentCheck: wordListCheck(), log: () => undefined });
});

afterAll(async () => {
  await store.close();
  await double.close();
  restoreEnv();
});

async function call(openid: string, action: string, input: unknown) {
  return (await router.handle({ action, input, openid })).body;
}

async function ok<T>(openid: string, action: string, input: unknown): Promise<T> {
  const body = await call(openid, action, input);
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

const staffId = async (staffNo: string) => (await store.collection('staff').find({ staffNo }, { limit: 1 }))[0]._id;
const DEEDS = '他常年坚持义务为社区老人理发、修理家电，十年如一日，从不收取任何费用，深受居民好评。';

test('a round runs from nomination to publication, and a ballot is counted once', async () => {
  clock.set(new Date('2026-03-02T01:00:00Z'), true);
  const admin = 'demo-T0001';
  const { round } = await ok<{ round: { id: string } }>(admin, 'honor.round.create', {
    title: '云端评选',
    nominateUntil: '2026-03-06T18:00:00+08:00',
    voteUntil: '2026-03-13T18:00:00+08:00',
  });
  await ok(admin, 'honor.round.advance', { roundId: round.id, to: 'nominating' });
  const ids: string[] = [];
  for (const nominee of ['T0005', 'T0006']) {
    const n = await ok<{ nomination: { id: string } }>('demo-T0004', 'honor.nominate', {
      roundId: round.id,
      nomineeStaffId: await staffId(nominee),
      kind: 'peer',
      category: '社会公德',
      deeds: DEEDS,
    });
    ids.push(n.nomination.id);
  }
  const again = await ok<{ seconded: boolean }>('demo-T0007', 'honor.nominate', {
    roundId: round.id,
    nomineeStaffId: await staffId('T0005'),
    kind: 'peer',
    category: '社会公德',
    deeds: DEEDS,
  });
  expect(again.seconded).toBe(true);
  expect(await store.collection('honorNominations').count({ roundId: round.id })).toBe(2);

  await ok(admin, 'honor.round.advance', { roundId: round.id, to: 'reviewing' });
  for (const id of ids) await ok(admin, 'honor.review', { nominationId: id, decision: 'approve' });
  clock.set(new Date('2026-03-10T01:00:00Z'), true);
  await ok(admin, 'honor.round.advance', { roundId: round.id, to: 'voting' });

  const burst = await Promise.all(
    Array.from({ length: 8 }, () => call('demo-T0008', 'honor.vote', { roundId: round.id, nominationIds: ids })),
  );
  expect(burst.filter((b) => b.ok)).toHaveLength(1);
  expect(burst.filter((b) => !b.ok).map((b) => !b.ok && b.error.code)).toEqual(Array(7).fill('CONFLICT'));
  await ok('demo-T0009', 'honor.vote', { roundId: round.id, nominationIds: [ids[1]] });
  expect(await call('demo-T0010', 'honor.results', { roundId: round.id })).toMatchObject({
    ok: false,
    error: { code: 'RULE' },
  });

  const voters = await store.collection('honorVoters').find({ roundId: round.id }, { limit: 10 });
  expect(voters.map((v) => Object.keys(v).sort())).toEqual([
    ['_id', 'roundId', 'staffId'],
    ['_id', 'roundId', 'staffId'],
  ]);
  const tallies = await store.collection('honorTallies').find({ roundId: round.id }, { limit: 1000 });
  const sums: Record<string, number> = {};
  for (const t of tallies) sums[t.nominationId] = (sums[t.nominationId] ?? 0) + t.votes;
  expect(Object.fromEntries(Object.entries(sums).filter(([, v]) => v > 0))).toEqual({ [ids[0]]: 1, [ids[1]]: 2 });

  clock.set(new Date('2026-03-16T02:00:00Z'), true);
  const selected = await ok<{ round: { publicityEnd: string } }>(admin, 'honor.select', {
    roundId: round.id,
    nominationIds: [ids[1]],
  });
  expect(selected.round.publicityEnd).toBe('2026-03-23');
  clock.set(new Date('2026-03-23T16:00:00Z'), true);
  await ok(admin, 'honor.round.advance', { roundId: round.id, to: 'published' });
  const board = await ok<{ rounds: { honorees: { nominee: { name: string } }[] }[] }>('demo-T0010', 'honor.board', {
    year: 2026,
  });
  expect(board.rounds[0].honorees.map((h) => h.nominee.name)).toEqual(['杨磊']);
});
