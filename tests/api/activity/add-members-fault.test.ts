import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTION_SPECS, type Collections, handlers, seedDemoIfEmpty } from '../../../server/features';
import { DevClock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import { createRouter } from '../../../server/router';
import { openSqliteStore } from '../../../server/store/sqlite';
import { failingWritesTo } from '../../support/faulty-store';
import { activityInput, MONDAY_10 } from './support';

/**
 * activity.addMembers claims the new members' places before its transaction on the team: when that
 * transaction fails (a timeout, conflicts past the retry budget), the places are given back.
 */
it('releases the places it claimed when the team’s transaction fails, so the person can join elsewhere', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-add-members-'));
  const store = openSqliteStore<Collections>({ file: join(dir, 'tongxin.db'), specs: COLLECTION_SPECS });
  try {
    const clock = new DevClock();
    clock.set(new Date(MONDAY_10), true);
    await seedDemoIfEmpty(store, clock.now());
    const faulty = failingWritesTo(store, 'activityEntries');
    faulty.armed = false;
    const router = createRouter({
      store: faulty.store,
      clock,
      handlers,
      contentCheck: wordListCheck(),
      log: () => undefined,
    });
    const call = async (staffNo: string, action: string, input: unknown) =>
      (await router.handle({ action, input, openid: `demo-${staffNo}` })).body;
    const ok = async <T>(staffNo: string, action: string, input: unknown) => {
      const body = await call(staffNo, action, input);
      if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
      return body.data as T;
    };
    const id = async (staffNo: string) => (await store.collection('staff').find({ staffNo }, { limit: 1 }))[0]._id;

    const { activity } = await ok<{ activity: { id: string; items: { id: string; name: string }[] } }>(
      'T0003',
      'activity.create',
      activityInput(),
    );
    const tug = activity.items.find((i) => i.name === '拔河')?.id ?? '';
    const team = (name: string, members: string[]) => ({
      activityId: activity.id,
      itemId: tug,
      team: { name, memberStaffIds: members },
    });
    await ok('T0010', 'activity.register', team('一队', [await id('T0011'), await id('T0012')]));

    faulty.armed = true;
    const failed = await call('T0010', 'activity.addMembers', {
      activityId: activity.id,
      itemId: tug,
      memberStaffIds: [await id('T0013')],
    });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const held = { activityId: activity.id, staffId: await id('T0013'), state: 'active' as const };
    expect(await store.collection('activityMembers').count(held)).toBe(0);

    faulty.armed = false;
    const joined = await call('T0014', 'activity.register', team('二队', [await id('T0013'), await id('T0015')]));
    expect(joined).toMatchObject({ ok: true, data: { status: 'confirmed' } });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
