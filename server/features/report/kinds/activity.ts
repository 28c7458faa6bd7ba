import { ACTIVITY_KIND_LABELS } from '../../../../src/core/activity/rules';
import { findAll } from '../../../kernel/paging';
import type { ActivityCollections } from '../../activity';
import { allEntries, type SignupEntryDoc } from '../../signup';
import type { Ctx } from '../ctx';
import { type Period, stampFormatter } from '../period';
import type { Cell, Table } from '../workbook';

/**
 * 文体活动: the activities that started in the period (not cancelled), per item its roster — each
 * entry that holds a seat or waits for one, with its team members (captain first) and its placing.
 * Seats and the waitlist are the sign-up engine's entries (their status is the truth); withdrawn and
 * cancelled entries are left out, as on the organizer's roster.
 */

type ActivityDoc = ActivityCollections['activities'];
type ItemDoc = ActivityCollections['activityItems'];

export interface ActivityReport {
  tables: Table[];
  headline: { activities: number; entries: number; people: number; placings: number };
}

const STATUS = { confirmed: '已确认', waitlisted: '候补' } as const;

interface Line {
  activity: ActivityDoc;
  item: ItemDoc;
  status: keyof typeof STATUS;
  order: string;
  teamName: string;
  members: { staffId: string; text: string }[];
  place: number | null;
}

export async function activityReport(ctx: Ctx, period: Period): Promise<ActivityReport> {
  const { store } = ctx;
  const activities = (
    await findAll(
      store.collection('activities'),
      { startAt: { gte: period.startAt, lt: period.endBefore } },
      { startAt: 1 },
    )
  ).filter((a) => a.status === 'active');
  const stamp = stampFormatter(period.timeZone);
  const lines: Line[] = [];
  const itemRows: Cell[][] = [];
  for (const activity of activities) {
    const items = (await findAll(store.collection('activityItems'), { activityId: activity._id }, { order: 1 })).filter(
      (i) => !i.removed,
    );
    for (const item of items) {
      const [signups, entries] = await Promise.all([
        allEntries(store, item.slotId),
        findAll(store.collection('activityEntries'), { activityId: activity._id, itemId: item._id }),
      ]);
      const byHolder = new Map<string, SignupEntryDoc>(signups.map((s) => [s.holderId, s]));
      let confirmed = 0;
      for (const entry of entries) {
        const signup = byHolder.get(entry._id);
        if (!signup || signup.status === 'cancelled' || entry.withdrawnAt !== null) continue;
        // `pending` lasts a moment between insert and allocation: it holds no seat yet.
        const status = signup.status === 'confirmed' ? 'confirmed' : 'waitlisted';
        if (status === 'confirmed') confirmed += 1;
        lines.push({
          activity,
          item,
          status,
          order:
            status === 'confirmed'
              ? `0${signup.confirmedAt ?? entry.createdAt}`
              : `1${String(signup.ticket ?? 0).padStart(9, '0')}`,
          teamName: entry.teamName ?? '',
          members: entry.members.map((m) => ({
            staffId: m.staffId,
            text: `${m.name}（${m.staffNo}，${m.department}${m.staffId === entry.captainId && entry.mode === 'team' ? '，队长' : ''}）`,
          })),
          place: entry.place,
        });
      }
      itemRows.push([
        activity.title,
        ACTIVITY_KIND_LABELS[activity.kind],
        stamp(activity.startAt),
        activity.place,
        item.name,
        item.mode === 'team' ? `团体（${item.teamMin ?? 1}–${item.teamMax ?? 1} 人）` : '个人',
        item.capacity,
        confirmed,
      ]);
    }
  }
  lines.sort(
    (a, b) =>
      a.activity.startAt.localeCompare(b.activity.startAt) ||
      a.activity._id.localeCompare(b.activity._id) ||
      a.item.order - b.item.order ||
      a.order.localeCompare(b.order),
  );
  const rosterRows: Cell[][] = lines.map((l) => [
    l.activity.title,
    stamp(l.activity.startAt).slice(0, 10),
    l.item.name,
    l.item.mode === 'team' ? '团体' : '个人',
    STATUS[l.status],
    l.teamName,
    l.members.length,
    l.members.map((m) => m.text).join('、'),
    l.place ?? '',
  ]);
  const people = new Set(lines.filter((l) => l.status === 'confirmed').flatMap((l) => l.members.map((m) => m.staffId)));
  return {
    tables: [
      {
        title: '报名名单',
        columns: [
          { header: '活动名称', width: 24 },
          { header: '日期', width: 12 },
          { header: '项目', width: 16 },
          { header: '形式', width: 8 },
          { header: '报名状态', width: 10 },
          { header: '队名', width: 14 },
          { header: '人数', width: 8 },
          { header: '成员（姓名、工号、部门）', width: 60 },
          { header: '名次', width: 8 },
        ],
        rows: rosterRows,
        notes: ['列出期间内开始的未取消活动；每行为一个报名（个人或队伍），不含已退出的报名。'],
      },
      {
        title: '活动项目',
        columns: [
          { header: '活动名称', width: 24 },
          { header: '类型', width: 10 },
          { header: '开始时间', width: 17 },
          { header: '地点', width: 20 },
          { header: '项目', width: 16 },
          { header: '形式', width: 16 },
          { header: '名额', width: 8 },
          { header: '已确认报名', width: 12 },
        ],
        rows: itemRows,
      },
    ],
    headline: {
      activities: activities.length,
      entries: lines.filter((l) => l.status === 'confirmed').length,
      people: people.size,
      placings: lines.filter((l) => l.place !== null).length,
    },
  };
}
