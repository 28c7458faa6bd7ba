import type { ActivityKind } from '../../../src/core/activity/rules';
import type { ActivityItemInput } from '../../../src/core/activity/contract';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { addDays, localDayKey, localInstant } from '../../../src/core/time';
import { enter } from './enter';
import { createItems } from './items';
import type { ActivityStore } from './ctx';
import { newId } from '../../kernel/ids';
import type { ActivityDoc } from './collections';
import type { StaffDoc } from '../../kernel/member';

interface SeedActivity {
  title: string;
  kind: ActivityKind;
  description: string;
  place: string;
  /** Local days from today, and local times. */
  startDay: number;
  start: string;
  end: string;
  deadlineDay: number;
  items: ActivityItemInput[];
  /** Per item (by position): entries as staff numbers, captain first, with a team name for teams. */
  entries: { item: number; people: string[]; team?: string; place?: number }[];
}

const ACTIVITIES: SeedActivity[] = [
  {
    title: '职工健步走暨拔河比赛',
    kind: 'sports',
    description:
      '为丰富职工文化生活、增强体质，机关工会组织健步走和拔河比赛。健步走全程约 5 公里，拔河以科室或联队为单位组队参加。请穿运动鞋，自带水杯。',
    place: '滨江公园东门广场',
    startDay: 10,
    start: '08:30',
    end: '11:30',
    deadlineDay: 7,
    items: [
      { name: '健步走（5公里）', mode: 'individual', capacity: 30 },
      { name: '拔河', mode: 'team', teamMin: 8, teamMax: 10, capacity: 4 },
      { name: '女子跳绳', mode: 'individual', capacity: 8, gender: 'female' },
    ],
    entries: [
      { item: 0, people: ['T0004'] },
      { item: 0, people: ['T0005'] },
      { item: 0, people: ['T0008'] },
      { item: 0, people: ['T0009'] },
      { item: 1, team: '预算科联队', people: ['T0006', 'T0010', 'T0014', 'T0018', 'T0022', 'T0026', 'T0013', 'T0017'] },
      { item: 1, team: '国库科代表队', people: ['T0007', 'T0011', 'T0015', 'T0019', 'T0023'] },
      { item: 2, people: ['T0005'] },
    ],
  },
  {
    title: '道德讲堂：身边的榜样',
    kind: 'lecture',
    description: '本期道德讲堂邀请市级道德模范分享先进事迹，设“唱歌曲、学模范、诵经典、谈感悟、送吉祥”五个环节。',
    place: '机关三楼报告厅',
    startDay: 4,
    start: '15:00',
    end: '16:30',
    deadlineDay: 3,
    items: [{ name: '现场听讲', mode: 'individual', capacity: 60 }],
    entries: [
      { item: 0, people: ['T0004'] },
      { item: 0, people: ['T0012'] },
    ],
  },
  {
    title: '“唱响新时代”歌咏比赛',
    kind: 'singing',
    description: '以支部为单位组队参加合唱比赛，每队演唱两首曲目。',
    place: '机关礼堂',
    startDay: -12,
    start: '14:30',
    end: '17:00',
    deadlineDay: -20,
    items: [{ name: '合唱', mode: 'team', teamMin: 3, teamMax: 30, capacity: 6 }],
    entries: [
      { item: 0, team: '第一党支部合唱队', people: ['T0004', 'T0008', 'T0012', 'T0016'], place: 2 },
      { item: 0, team: '第二党支部合唱队', people: ['T0005', 'T0009', 'T0013', 'T0017'], place: 1 },
      { item: 0, team: '第三党支部合唱队', people: ['T0006', 'T0010', 'T0014', 'T0018'], place: 3 },
    ],
  },
];

/** Two upcoming activities (one with an individual and a team item, DESIGN.md §7) and one past with results. */
export async function seedActivity(store: ActivityStore, now: Date, roster: readonly StaffDoc[]): Promise<void> {
  const tz = DEFAULT_SETTINGS.timeZone;
  const today = localDayKey(now, tz);
  const byNo = new Map(roster.map((s) => [s.staffNo, s]));
  const organizer = byNo.get('T0003');
  if (!organizer) return;
  const at = now.toISOString();
  for (const seed of ACTIVITIES) {
    const day = addDays(today, seed.startDay);
    const activity: ActivityDoc = {
      _id: newId(),
      title: seed.title,
      kind: seed.kind,
      description: seed.description,
      place: seed.place,
      startAt: localInstant(day, seed.start, tz).toISOString(),
      endAt: localInstant(day, seed.end, tz).toISOString(),
      signupDeadline: localInstant(addDays(today, seed.deadlineDay), '18:00', tz).toISOString(),
      maxItemsPerPerson: 2,
      status: 'active',
      cancelReason: null,
      cancelledAt: null,
      createdBy: organizer._id,
      createdByName: organizer.name,
      createdAt: at,
      updatedAt: at,
    };
    await createItems(
      store,
      activity._id,
      seed.items.map((input, order) => ({ input, order })),
      now,
    );
    await store.collection('activities').insert(activity);
    const items = await store.collection('activityItems').find({ activityId: activity._id }, { sort: { order: 1 } });
    for (const e of seed.entries) {
      const people = e.people.map((no) => byNo.get(no)).filter((s): s is StaffDoc => s !== undefined);
      const item = items[e.item];
      if (!item || people.length !== e.people.length) continue;
      const { entryId } = await enter(store, {
        activity,
        item,
        people,
        callerId: people[0]._id,
        teamName: e.team ?? null,
        now,
      });
      if (e.place) await store.collection('activityEntries').update({ _id: entryId }, { set: { place: e.place } });
    }
  }
}
