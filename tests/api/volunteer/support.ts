import type { ActionInput } from '../../../src/core/contract';
import type { StaffDoc } from '../../../server/kernel/member';
import type { TestServer } from '../support/harness';

/** Shared set-up of the volunteer API tests: a fixed clock, events, and many members. */

/** Monday 2 March 2026, 09:00 in Shanghai. */
export const MONDAY_0900 = '2026-03-02T01:00:00.000Z';

export type EventInput = ActionInput<'volunteer.event.create'>;

/** An event on Thursday 5 March 09:00–12:00 (Shanghai), sign-up until Wednesday 18:00. */
export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    title: '特教学校陪伴阅读',
    content: '陪孩子们读绘本、做手工。',
    place: '市特殊教育学校',
    startAt: '2026-03-05T09:00:00+08:00',
    endAt: '2026-03-05T12:00:00+08:00',
    signupDeadline: '2026-03-04T18:00:00+08:00',
    capacity: 20,
    plannedHours: 3,
    team: '学雷锋志愿服务队',
    ...overrides,
  };
}

export async function createEvent(
  t: TestServer,
  organizer: string,
  overrides: Partial<EventInput> = {},
): Promise<string> {
  return (await t.ok('volunteer.event.create', eventInput(overrides), organizer)).event.id;
}

export async function staffIdOf(t: TestServer, staffNo: string): Promise<string> {
  const [doc] = await t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return doc._id;
}

/** Adds `count` bound members (openids `<prefix>-<n>`) and logs each in. */
export async function manyMembers(
  t: TestServer,
  prefix: string,
  count: number,
): Promise<{ id: string; token: string }[]> {
  const at = new Date().toISOString();
  const out: { id: string; token: string }[] = [];
  for (let i = 0; i < count; i++) {
    const staffNo = `${prefix.toUpperCase()}${String(i).padStart(4, '0')}`;
    const doc: StaffDoc = {
      _id: `${prefix}-${i}`,
      staffNo,
      name: `测试${i}`,
      department: '综合科',
      roles: ['staff'],
      active: true,
      openid: `${prefix}-${i}`,
      boundAt: at,
      createdAt: at,
      updatedAt: at,
    };
    await t.server.store.collection('staff').insert(doc);
    out.push({ id: doc._id, token: await t.login(doc.openid ?? '') });
  }
  return out;
}

/** The event's current on-site code, as the organizer's screen shows it. */
export async function currentCode(t: TestServer, organizer: string, eventId: string): Promise<string> {
  return (await t.ok('volunteer.code', { eventId }, organizer)).code;
}
