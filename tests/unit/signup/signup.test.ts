import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as wxServerSdk from 'wx-server-sdk';
import type { AppStore } from '../../../server/features';
import {
  allEntries,
  closeSlot,
  getSlot,
  openSlot,
  positionOf,
  setCapacity,
  signUp,
  type SignupHooks,
  withdraw,
} from '../../../server/features/signup';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { openSqliteStore } from '../../../server/store/sqlite';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { useCloudbaseEnv } from '../../support/cloudbase-env';

/**
 * The shared sign-up machinery straight on the Store port, on both adapters: SQLite, and CloudBase
 * through the real wx-server-sdk against the local double of its wire format.
 */

const NOW = new Date('2026-03-02T01:00:00Z');
const hooks: SignupHooks = { promoted: (e) => ({ kind: 'test.promoted', title: '候补转正', body: e.holderId }) };

interface Adapter {
  name: string;
  open(): Promise<AppStore>;
  done(): Promise<void>;
}

const sqlite: Adapter = (() => {
  const dirs: string[] = [];
  const stores: AppStore[] = [];
  return {
    name: 'sqlite',
    async open() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-signup-'));
      dirs.push(dir);
      const store = openSqliteStore<Collections>({ file: path.join(dir, 's.db'), specs: COLLECTION_SPECS });
      stores.push(store);
      return store;
    },
    async done() {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
    },
  };
})();

const cloudbase: Adapter = (() => {
  let double: CloudbaseDouble | null = null;
  let restore: (() => void) | null = null;
  const stores: AppStore[] = [];
  return {
    name: 'cloudbase',
    async open() {
      if (!double) {
        double = await CloudbaseDouble.start({
          env: 'signup-test',
          collections: Object.keys(COLLECTION_SPECS),
          indexes: consoleIndexes(COLLECTION_SPECS),
        });
        restore = useCloudbaseEnv(double, 'signup-test');
        const sdk = wxServerSdk as unknown as {
          DYNAMIC_CURRENT_ENV: symbol;
          init(c: object): void;
          database(c?: object): CloudDatabase;
        };
        sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
      }
      double.reset();
      const sdk = wxServerSdk as unknown as { database(c?: object): CloudDatabase };
      const store = openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
      stores.push(store);
      return store;
    },
    async done() {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      if (double) await double.close();
      restore?.();
      double = null;
    },
  };
})();

async function sign(store: AppStore, slotId: string, who: string) {
  return signUp(store, { slotId, scope: 'test', holderId: who, members: [who], now: NOW }, hooks);
}

async function statuses(store: AppStore, slotId: string) {
  const entries = await allEntries(store, slotId);
  const count = (s: string) => entries.filter((e) => e.status === s).length;
  return { entries, confirmed: count('confirmed'), waitlisted: count('waitlisted'), cancelled: count('cancelled') };
}

describe.each([sqlite, cloudbase])('signup on $name', (adapter) => {
  let store: AppStore;
  beforeEach(async () => {
    store = await adapter.open();
  });
  afterAll(() => adapter.done());

  it('fills seats, then queues with dense places, and a double sign-up is one entry', async () => {
    await openSlot(store, { slotId: 's1', scope: 'test', capacity: 2, now: NOW });
    expect((await sign(store, 's1', 'a')).status).toBe('confirmed');
    expect((await sign(store, 's1', 'b')).status).toBe('confirmed');
    expect(await sign(store, 's1', 'c')).toMatchObject({ status: 'waitlisted', position: 1, already: false });
    expect(await sign(store, 's1', 'd')).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(await sign(store, 's1', 'c')).toMatchObject({ status: 'waitlisted', position: 1, already: true });
    expect(await getSlot(store, 's1')).toMatchObject({ seatsLeft: 0, confirmed: 2, waiting: 2 });
  });

  it('a pending entry left behind (a crash between insert and decision) is decided by the next request', async () => {
    await openSlot(store, { slotId: 's6', scope: 'test', capacity: 1, now: NOW });
    await store.collection('signupEntries').insert({
      _id: 'stuck',
      slotId: 's6',
      scope: 'test',
      holderId: 'a',
      members: ['a'],
      status: 'pending',
      ticket: null,
      live: 's6|a',
      createdAt: NOW.toISOString(),
      confirmedAt: null,
      promotedAt: null,
      cancelledAt: null,
      cancelledBy: null,
    });
    expect(await sign(store, 's6', 'a')).toMatchObject({ status: 'confirmed', already: true, entry: { _id: 'stuck' } });
    expect(await getSlot(store, 's6')).toMatchObject({ seatsLeft: 0, confirmed: 1 });
  });

  it('concurrent sign-ups never exceed the seats and number the queue 1..N', async () => {
    await openSlot(store, { slotId: 's2', scope: 'test', capacity: 5, now: NOW });
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const results = await Promise.all(people.map((p) => sign(store, 's2', p)));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const places = results
      .filter((r) => r.status === 'waitlisted')
      .map((r) => r.position)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(places).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await getSlot(store, 's2')).toMatchObject({ seatsLeft: 0, confirmed: 5, waiting: 25 });
  });

  it('a freed seat goes to the first waiter with a notice, and places move up', async () => {
    await openSlot(store, { slotId: 's3', scope: 'test', capacity: 1, now: NOW });
    for (const p of ['a', 'b', 'c']) await sign(store, 's3', p);
    const out = await withdraw(store, { slotId: 's3', holderId: 'a', by: 'a', now: NOW }, hooks);
    expect(out).toMatchObject({ was: 'confirmed', already: false, entry: { status: 'cancelled', live: null } });
    const { entries } = await statuses(store, 's3');
    const b = entries.find((e) => e.holderId === 'b');
    const c = entries.find((e) => e.holderId === 'c');
    expect(b).toMatchObject({ status: 'confirmed', promotedAt: NOW.toISOString() });
    expect(c && (await positionOf(store, c))).toBe(1);
    const notices = await store.collection('inbox').find({ staffId: 'b' });
    expect(notices.map((n) => n.kind)).toEqual(['test.promoted']);
    expect((await withdraw(store, { slotId: 's3', holderId: 'a', by: 'a', now: NOW }, hooks)).already).toBe(true);
    await expect(withdraw(store, { slotId: 's3', holderId: 'zz', by: 'zz', now: NOW }, hooks)).rejects.toMatchObject({
      code: 'RULE',
      details: { rule: 'notSignedUp' },
    });
  });

  it('a newcomer arriving between a freed seat and its promotion waits behind the queue', async () => {
    await openSlot(store, { slotId: 's7', scope: 'test', capacity: 1, now: NOW });
    await sign(store, 's7', 'a');
    await sign(store, 's7', 'b');
    // The moment after a cancel's transaction and before its promotion ran: a free seat, one waiting.
    const [a] = await store.collection('signupEntries').find({ slotId: 's7', holderId: 'a' });
    await store.collection('signupEntries').update({ _id: a._id }, { set: { status: 'cancelled', live: null } });
    await store.collection('signupSlots').update({ _id: 's7' }, { inc: { seatsLeft: 1, confirmed: -1 } });
    expect(await sign(store, 's7', 'c')).toMatchObject({ status: 'waitlisted', position: 1 });
    const { entries } = await statuses(store, 's7');
    expect(entries.find((e) => e.holderId === 'b')?.status).toBe('confirmed');
    expect(await getSlot(store, 's7')).toMatchObject({ seatsLeft: 0, confirmed: 1, waiting: 1 });
  });

  it('interleaved cancels and sign-ups keep seats + confirmed = capacity and the queue order', async () => {
    await openSlot(store, { slotId: 's4', scope: 'test', capacity: 6, now: NOW });
    for (let i = 0; i < 14; i++) await sign(store, 's4', `o${i}`);
    const ops = [
      ...Array.from(
        { length: 7 },
        (_, i) => () => withdraw(store, { slotId: 's4', holderId: `o${i * 2}`, by: 'x', now: NOW }, hooks),
      ),
      ...Array.from({ length: 7 }, (_, i) => () => sign(store, 's4', `n${i}`)),
    ];
    await Promise.all(ops.map((op) => op()));
    const slot = await getSlot(store, 's4');
    const { entries, confirmed, waitlisted } = await statuses(store, 's4');
    expect(slot).toMatchObject({ capacity: 6, confirmed, waiting: waitlisted });
    expect((slot?.seatsLeft ?? -1) + confirmed).toBe(6);
    expect(confirmed).toBe(6);
    expect(waitlisted).toBe(14 + 7 - 7 - 6);
    // Promoted people held lower tickets than anyone still waiting: nobody jumped the queue.
    const promoted = entries.filter((e) => e.promotedAt !== null).map((e) => e.ticket ?? 0);
    const waiting = entries.filter((e) => e.status === 'waitlisted').map((e) => e.ticket ?? 0);
    expect(Math.max(...promoted)).toBeLessThan(Math.min(...waiting));
  });

  it('raising the capacity promotes, lowering below the confirmed count is refused, a closed slot takes nobody', async () => {
    await openSlot(store, { slotId: 's5', scope: 'test', capacity: 2, now: NOW });
    for (const p of ['a', 'b', 'c', 'd']) await sign(store, 's5', p);
    await expect(setCapacity(store, 's5', 1, NOW, hooks)).rejects.toMatchObject({
      details: { rule: 'capacityBelowConfirmed' },
    });
    expect(await getSlot(store, 's5')).toMatchObject({ capacity: 2, seatsLeft: 0, confirmed: 2 });
    expect(await setCapacity(store, 's5', 3, NOW, hooks)).toMatchObject({
      capacity: 3,
      seatsLeft: 0,
      confirmed: 3,
      waiting: 1,
    });
    expect((await statuses(store, 's5')).entries.find((e) => e.holderId === 'c')?.status).toBe('confirmed');
    await closeSlot(store, 's5', NOW);
    await expect(sign(store, 's5', 'e')).rejects.toMatchObject({ details: { rule: 'closed' } });
    expect((await sign(store, 's5', 'a')).already).toBe(true);
  });
});
