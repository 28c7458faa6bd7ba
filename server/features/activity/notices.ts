import { notify } from '../inbox';
import type { ActivityStore } from './ctx';
import type { SignupHooks } from '../signup';
import type { ActivityDoc, ActivityItemDoc } from './collections';
import { activityLink } from './load';

/** The inbox notices of activities: promotion from the waitlist, team changes, cancellation. */

export function promotionHooks(activity: ActivityDoc, item: ActivityItemDoc): SignupHooks {
  return {
    promoted: () => ({
      kind: 'activity.promoted',
      title: '候补转为正式报名',
      body: `您在「${activity.title}」${item.name}项目的候补已转为正式报名。`,
      link: activityLink(activity._id),
    }),
  };
}

interface TeamNotice {
  activity: ActivityDoc;
  item: ActivityItemDoc;
  teamName: string;
  now: Date;
}

export async function tellAdded(
  store: ActivityStore,
  n: TeamNotice,
  captainName: string,
  staffIds: readonly string[],
): Promise<void> {
  for (const staffId of staffIds) {
    await notify(
      store,
      {
        staffId,
        kind: 'activity.teamAdded',
        title: '您已被加入队伍',
        body: `${captainName}将您加入了「${n.activity.title}」${n.item.name}项目的队伍「${n.teamName}」。如不能参加，可在活动页退出队伍。`,
        link: activityLink(n.activity._id),
      },
      n.now,
    );
  }
}

export async function tellWithdrawn(store: ActivityStore, n: TeamNotice, staffIds: readonly string[]): Promise<void> {
  for (const staffId of staffIds) {
    await notify(
      store,
      {
        staffId,
        kind: 'activity.teamWithdrawn',
        title: '队伍已撤销报名',
        body: `队长撤销了队伍「${n.teamName}」在「${n.activity.title}」${n.item.name}项目的报名。`,
        link: activityLink(n.activity._id),
      },
      n.now,
    );
  }
}

export async function tellCaptainLeft(
  store: ActivityStore,
  n: TeamNotice,
  captainId: string,
  leaverName: string,
  incompleteBy: number,
): Promise<void> {
  const short = incompleteBy > 0 ? `队伍还差 ${incompleteBy} 人才满足最少人数，请在截止前补充队员。` : '';
  await notify(
    store,
    {
      staffId: captainId,
      kind: 'activity.memberLeft',
      title: '队员退出队伍',
      body: `${leaverName}退出了队伍「${n.teamName}」（${n.activity.title} · ${n.item.name}）。${short}`,
      link: activityLink(n.activity._id),
    },
    n.now,
  );
}

export async function tellCancelled(
  store: ActivityStore,
  activity: ActivityDoc,
  reason: string,
  staffIds: Iterable<string>,
  now: Date,
): Promise<void> {
  for (const staffId of new Set(staffIds)) {
    await notify(
      store,
      {
        staffId,
        kind: 'activity.cancelled',
        title: '活动已取消',
        body: `您报名的「${activity.title}」已取消。原因：${reason}`,
        link: activityLink(activity._id),
      },
      now,
    );
  }
}

export async function tellChanged(
  store: ActivityStore,
  activity: ActivityDoc,
  staffIds: Iterable<string>,
  now: Date,
): Promise<void> {
  for (const staffId of new Set(staffIds)) {
    await notify(
      store,
      {
        staffId,
        kind: 'activity.changed',
        title: '活动时间或地点有变',
        body: `您报名的「${activity.title}」时间或地点已调整，请查看活动详情。`,
        link: activityLink(activity._id),
      },
      now,
    );
  }
}
