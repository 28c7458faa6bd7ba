import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppStore, COLLECTION_SPECS, type Collections, runJobs, seedDemoIfEmpty } from '../../../server/features';
import type { SubscribeMessage, SubscribeSender } from '../../../server/kernel/wechat';
import { openSqliteStore } from '../../../server/store/sqlite';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';

/**
 * The scheduled jobs against a real SQLite store of the demo unit, at chosen instants in
 * Asia/Shanghai while the process runs in UTC: reminders only on workdays, only to consenters, never
 * twice however often the trigger fires; deadlines reported to admins once.
 */

const READING_TEMPLATE = 'RdTmpl_0123456789abcdefGHIJ';
const EVENT_TEMPLATE = 'EvTmpl_0123456789abcdefGHIJ';
/** Monday 2 March 2026, 00:30 in Shanghai (Sunday 16:30 UTC): the demo's week starts that day. */
const SEEDED_AT = new Date('2026-03-01T16:30:00Z');
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

class Recorder implements SubscribeSender {
  readonly delivery = 'wechat' as const;
  sent: SubscribeMessage[] = [];
  async send(message: SubscribeMessage) {
    this.sent.push(message);
    return { ok: true as const };
  }
}

let dir: string;
let store: AppStore;
let wechat: Recorder;

async function staffId(staffNo: string): Promise<string> {
  const [doc] = await store.collection('staff').find({ staffNo }, { limit: 1 });
  return doc._id;
}

async function consent(staffNo: string, key: 'reading' | 'event', credits = 1): Promise<string> {
  const id = await staffId(staffNo);
  await store.collection('noticeCredits').insert({ _id: `${id}:${key}`, staffId: id, key, credits, updatedAt: '' });
  return id;
}

const jobs = (now: Date) => runJobs(store, { now, sender: wechat, log: () => undefined });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tongxin-jobs-'));
  store = openSqliteStore<Collections>({ file: join(dir, 'tongxin.db'), specs: COLLECTION_SPECS });
  await seedDemoIfEmpty(store, SEEDED_AT);
  const subscribe = {
    ...DEFAULT_SETTINGS.subscribe,
    reading: { ...DEFAULT_SETTINGS.subscribe.reading, templateId: READING_TEMPLATE },
    event: { ...DEFAULT_SETTINGS.subscribe.event, templateId: EVENT_TEMPLATE },
  };
  await store.collection('settings').update({ _id: 'unit' }, { set: { subscribe } });
  if ((await store.collection('settings').count({ _id: 'unit' })) === 0) {
    await store.collection('settings').insert({ _id: 'unit', ...DEFAULT_SETTINGS, subscribe, updatedAt: '' } as never);
  }
  wechat = new Recorder();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the reading reminder', () => {
  it('reminds consenters at the window start on a workday, once however often the trigger fires', async () => {
    await consent('T0010', 'reading');
    await consent('T0011', 'reading', 3);
    expect(await jobs(at('2026-03-02T05:55:00'))).toEqual([]);
    expect(wechat.sent).toHaveLength(0);
    await jobs(at('2026-03-02T06:00:00'));
    await jobs(at('2026-03-02T06:00:00'));
    await jobs(at('2026-03-02T06:05:00'));
    expect(wechat.sent.map((m) => m.openid).sort()).toEqual(['demo-T0010', 'demo-T0011']);
    expect(wechat.sent[0]).toMatchObject({ templateId: READING_TEMPLATE, page: 'pages/reading/index' });
    expect(wechat.sent[0].data.time2.value).toBe('2026年3月2日 09:30');
    // T0010 spent their one consent; T0011 has two left for the next days.
    const left = await store.collection('noticeCredits').find({}, { sort: { _id: 1 }, limit: 10 });
    expect(left.map((c) => c.credits).sort()).toEqual([0, 2]);
  });

  it('reminds nobody who did not consent, nobody after the first hour, and nobody on a day off', async () => {
    await consent('T0012', 'reading', 5);
    await jobs(at('2026-03-02T07:10:00'));
    expect(wechat.sent).toHaveLength(0);
    await jobs(at('2026-03-07T06:00:00')); // a Saturday
    expect(wechat.sent).toHaveLength(0);
    await store.collection('calendar').insert({
      _id: '2026-03-03',
      date: '2026-03-03',
      month: '2026-03',
      workday: false,
      updatedAt: '',
      updatedBy: 'test',
    });
    await jobs(at('2026-03-03T06:00:00')); // the unit's own day off
    expect(wechat.sent).toHaveLength(0);
    await jobs(at('2026-03-04T06:01:00'));
    expect(wechat.sent.map((m) => m.openid)).toEqual(['demo-T0012']);
  });

  it('skips who has already checked in today', async () => {
    const id = await consent('T0013', 'reading');
    const [reading] = await store.collection('readings').find({ date: '2026-03-02' }, { limit: 1 });
    await store.collection('checkins').insert({
      _id: `${id}:2026-03-02`,
      staffId: id,
      readingId: reading._id,
      date: '2026-03-02',
      month: '2026-03',
      createdAt: at('2026-03-02T06:01:00').toISOString(),
    } as never);
    await jobs(at('2026-03-02T06:10:00'));
    expect(wechat.sent).toHaveLength(0);
  });
});

describe('event reminders and deadlines', () => {
  it('reminds confirmed consenters the evening before a volunteer event, once', async () => {
    const [event] = await store.collection('volunteerEvents').find({}, { limit: 1 });
    const [entry] = await store
      .collection('signupEntries')
      .find({ slotId: event.slotId, status: 'confirmed' }, { limit: 1 });
    const staff = await store.collection('staff').get(entry.members[0]);
    await consent(staff?.staffNo ?? '', 'event');
    const start = new Date(event.startAt);
    const eve = new Date(start.getTime() - 24 * 3600_000);
    const eveDay = eve.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await jobs(at(`${eveDay}T16:55:00`));
    expect(wechat.sent).toHaveLength(0);
    await jobs(at(`${eveDay}T17:00:00`));
    await jobs(at(`${eveDay}T17:05:00`));
    expect(wechat.sent).toHaveLength(1);
    expect(wechat.sent[0]).toMatchObject({ openid: staff?.openid, templateId: EVENT_TEMPLATE });
    expect(wechat.sent[0].data.thing3.value).toBe(event.place.slice(0, 20));
  });

  it('tells every admin once, in the inbox, that the nominations of a round have closed', async () => {
    const [round] = await store.collection('honorRounds').find({ phase: 'nominating' }, { limit: 1 });
    const after = new Date(Date.parse(round.nominateUntil) + 60_000);
    const before = await store.collection('inbox').count({ kind: 'honor.deadline' });
    await jobs(after);
    await jobs(new Date(after.getTime() + 300_000));
    const admins = (await store.collection('staff').find({}, { limit: 100 })).filter((s) => s.roles.includes('admin'));
    expect((await store.collection('inbox').count({ kind: 'honor.deadline' })) - before).toBe(admins.length);
  });
});

describe('the nightly recount', () => {
  it('runs once in the night after 03:00 local', async () => {
    expect(await jobs(at('2026-03-03T02:55:00'))).not.toContain('recount: done');
    expect(await jobs(at('2026-03-03T03:00:00'))).toContain('recount: done');
    expect(await jobs(at('2026-03-03T03:05:00'))).not.toContain('recount: done');
  });
});
