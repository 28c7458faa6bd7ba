import type { ActionInput } from '../../../src/core/contract';
import type { ActivityDetail } from '../../../src/core/activity/views';
import type { TestServer } from '../support/harness';

/** Monday 2026-03-02, 10:00 in Asia/Shanghai (the process runs in UTC). */
export const MONDAY_10 = '2026-03-02T10:00:00+08:00';
/** The sign-up deadline of `activityInput`: Friday 18:00 local. */
export const DEADLINE = '2026-03-06T18:00:00+08:00';

type CreateInput = ActionInput<'activity.create'>;

export function activityInput(overrides: Partial<CreateInput> = {}): CreateInput {
  return {
    title: '春季职工运动会',
    kind: 'sports',
    description: '以科室为单位参加，请穿运动鞋。',
    place: '机关操场',
    startAt: '2026-03-10T08:30:00+08:00',
    endAt: '2026-03-10T11:30:00+08:00',
    signupDeadline: DEADLINE,
    items: [
      { name: '跳绳', mode: 'individual', capacity: 2 },
      { name: '拔河', mode: 'team', teamMin: 3, teamMax: 4, capacity: 2 },
    ],
    ...overrides,
  };
}

export interface Fixture {
  organizer: string;
  activity: ActivityDetail;
  /** Item ids by name. */
  item: (name: string) => string;
}

export async function createActivity(t: TestServer, overrides: Partial<CreateInput> = {}): Promise<Fixture> {
  const organizer = await t.login('demo-T0003');
  const { activity } = await t.ok('activity.create', activityInput(overrides), organizer);
  const item = (name: string) => {
    const found = activity.items.find((i) => i.name === name);
    if (!found) throw new Error(`no item ${name}`);
    return found.id;
  };
  return { organizer, activity, item };
}

const ids = new Map<string, string>();

/** A roster member's id, found through staff.search as a picker would. */
export async function staffId(t: TestServer, staffNo: string): Promise<string> {
  const known = ids.get(`${t.url}|${staffNo}`);
  if (known) return known;
  const token = await t.login('demo-T0001');
  const [hit] = (await t.ok('staff.search', { q: staffNo }, token)).items;
  if (!hit) throw new Error(`no staff ${staffNo}`);
  ids.set(`${t.url}|${staffNo}`, hit.id);
  return hit.id;
}

export async function staffIds(t: TestServer, staffNos: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const no of staffNos) out.push(await staffId(t, no));
  return out;
}

export const login = (t: TestServer, staffNo: string) => t.login(`demo-${staffNo}`);
