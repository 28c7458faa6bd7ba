import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as wxServerSdk from 'wx-server-sdk';
import { checkTimeout, main, msgSecCheck, NEEDED_TIMEOUT_MS, type SecurityApi } from '../../../server/entry/cloud';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';
import type { StaffDoc } from '../../../server/kernel/member';
import { localDayKey } from '../../../src/core/time';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { setCaller, useCloudbaseEnv } from '../../support/cloudbase-env';

/**
 * The cloud function's `main`, end to end: the real wx-server-sdk, initialised by `main` itself
 * exactly as in production, talking to the CloudBase double; the caller's OPENID set the way the
 * platform sets it for each call.
 */

const ENV = 'tongxin-prod-9z8y7x';
/** Everything but Date stays real under fake timers: the SDK talks to the double over real sockets. */
const REAL_TIMERS: NonNullable<
  Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake']
> = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];
let double: CloudbaseDouble;
let restoreEnv: () => void;

function staff(id: string, staffNo: string, name: string, openid: string | null): StaffDoc {
  const at = '2024-03-01T00:00:00.000Z';
  return {
    _id: id,
    staffNo,
    name,
    department: '办公室',
    roles: ['staff'],
    active: true,
    openid,
    boundAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  restoreEnv = useCloudbaseEnv(double, ENV);
});

afterAll(async () => {
  await double.close();
  restoreEnv();
});

describe('cloud function main', () => {
  it('answers session.me for an unbound caller with staff null', async () => {
    setCaller('oUnbound-caller-1');
    const answer = await main({ action: 'session.me', input: {} }, {});
    expect(answer).toMatchObject({ ok: true, data: { staff: null, roles: [] } });
    expect(double.requests.some((r) => r.action === 'database.getDocument' && r.body.collectionName === 'staff')).toBe(
      true,
    );
  });

  it('binds the caller by staff number and name, with unbound colleagues (openid null) alongside', async () => {
    // The SDK is initialised by now (main did it): seed through the same service.
    const db = (wxServerSdk as unknown as { database(): CloudDatabase }).database();
    const store = openCloudbaseStore<Collections>(db, COLLECTION_SPECS);
    for (const doc of [
      staff('s1', 'A001', '王芳', null),
      staff('s2', 'A002', '李雷', null),
      staff('s3', 'A003', '韩梅', null),
    ]) {
      await store.collection('staff').insert(doc);
    }
    setCaller('oCaller-wang');
    const bound = await main({ action: 'staff.bind', input: { staffNo: 'A001', name: '王 芳' } });
    expect(bound).toMatchObject({ ok: true, data: { staff: { id: 's1', staffNo: 'A001' } } });
    expect(await main({ action: 'session.me', input: {} })).toMatchObject({ ok: true, data: { staff: { id: 's1' } } });
    // One WeChat account binds one number: the unique openid key says so.
    expect(await main({ action: 'staff.bind', input: { staffNo: 'A002', name: '李雷' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await store.collection('staff').count({ openid: null })).toBe(2);
    await store.close();
  });

  it('answers NOT_FOUND for an unknown action and for the local server dev actions', async () => {
    setCaller('oCaller-wang');
    expect(await main({ action: 'no.such', input: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await main({ action: 'dev.login', input: { openid: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await main({ action: 'dev.clock.set', input: { now: '2024-01-01T00:00:00Z' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await main(null)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a call without OPENID as unauthenticated', async () => {
    setCaller(null);
    expect(await main({ action: 'session.me', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await main({ action: 'staff.bind', input: { staffNo: 'A002', name: '李雷' } })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('runs the jobs on the timer trigger alone: the nightly recount repairs a check-in whose counters were lost', async () => {
    const db = (wxServerSdk as unknown as { database(): CloudDatabase }).database();
    const store = openCloudbaseStore<Collections>(db, COLLECTION_SPECS);
    // 03:01 in Shanghai: the recount's hour. Only Date is faked; the SDK's sockets and timers are real.
    const now = new Date('2024-03-05T03:01:00+08:00');
    jest.useFakeTimers({ doNotFake: REAL_TIMERS, advanceTimers: true, now });
    try {
      const date = localDayKey(now, 'Asia/Shanghai');
      await store.collection('checkins').insert({
        _id: 'c-torn',
        staffId: 's1',
        staffNo: 'A001',
        department: '办公室',
        date,
        month: date.slice(0, 7),
        year: Number(date.slice(0, 4)),
        readingId: 'r1',
        at: now.toISOString(),
        makeup: false,
        minutes: 20,
      });
      // A client can send a timer's event but not be the timer: it is an ordinary call without an action.
      setCaller('oCaller-wang');
      expect(await main({ Type: 'Timer', TriggerName: 'jobs' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await store.collection('checkinMonths').count({})).toBe(0);

      // The platform's trigger runs the jobs and nothing else, whatever its event names.
      setCaller(null, 'wx_trigger');
      const forged = {
        Type: 'Timer',
        TriggerName: 'jobs',
        action: 'staff.setRoles',
        input: { staffId: 's1', roles: ['admin'] },
      };
      const first = await main(forged);
      expect(first).toMatchObject({ ok: true });
      expect(await store.collection('checkinMonths').get(`${date.slice(0, 7)}:s1`)).toMatchObject({
        name: '王芳',
        checkins: 1,
        minutes: 20,
      });
      expect((await store.collection('staff').get('s1'))?.roles).toEqual(['staff']);
      // A second firing of the same night does nothing again.
      const jobMarks = await store.collection('jobMarks').count({});
      expect(await main(forged)).toEqual({ ok: true, data: { lines: 0 } });
      expect(await store.collection('jobMarks').count({})).toBe(jobMarks);
    } finally {
      jest.useRealTimers();
      await store.close();
    }
  });
});

describe('the function timeout', () => {
  it('is checked once per container from the call context, and a short one is logged', () => {
    const logs: string[] = [];
    checkTimeout({}, (m) => logs.push(m)); // no limit exposed: nothing to say, asked again later
    checkTimeout({ time_limit_in_ms: 3000 }, (m) => logs.push(m));
    checkTimeout({ time_limit_in_ms: 3000 }, (m) => logs.push(m));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(`a call may need ${NEEDED_TIMEOUT_MS} ms`);
    const config = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/api/config.json'), 'utf8')) as {
      timeout: number;
    };
    expect(NEEDED_TIMEOUT_MS).toBeLessThanOrEqual(config.timeout * 1000);
  });
});

describe('msgSecCheck content check', () => {
  const calls: Parameters<SecurityApi['msgSecCheck']>[0][] = [];
  const logs: string[] = [];
  const security = (suggest: string | Error): SecurityApi => ({
    async msgSecCheck(params) {
      calls.push(params);
      if (suggest instanceof Error) throw suggest;
      return { result: { suggest, label: suggest === 'pass' ? 100 : 20001 } };
    },
  });
  beforeEach(() => {
    calls.length = 0;
    logs.length = 0;
  });
  const check = (suggest: string | Error, text: string, openid: string | null = 'oCaller') =>
    msgSecCheck(security(suggest), (m) => logs.push(m)).check(text, openid);

  it('passes on pass, refuses on risky, passes and logs on review (errcode 0 in every case)', async () => {
    expect(await check('pass', '今天学习了党章')).toBeNull();
    expect(calls[0]).toEqual({ openid: 'oCaller', scene: 2, version: 2, content: '今天学习了党章' });
    expect(await check('risky', '某些内容')).toMatch(/不当信息/);
    expect(await check('review', '可疑内容')).toBeNull();
    expect(logs.join()).toMatch(/review/);
  });

  it('checks long text in 2500-character pieces', async () => {
    expect(await check('pass', '学'.repeat(6000))).toBeNull();
    expect(calls.map((c) => c.content.length)).toEqual([2500, 2500, 1000]);
  });

  it('refuses with a retry message when WeChat cannot check (no openid, errors)', async () => {
    expect(await check('pass', '内容', null)).toMatch(/重新进入/);
    expect(await check(new Error('errCode: 61010 user has not visited'), '内容')).toMatch(/稍后再试/);
    expect(await check('', '内容')).toMatch(/稍后再试/);
    expect(await check('pass', '   ')).toBeNull();
  });
});
