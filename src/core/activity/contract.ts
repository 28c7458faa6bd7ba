import * as z from 'zod/mini';
import {
  ACTIVITY_KINDS,
  DEFAULT_MAX_ITEMS_PER_PERSON,
  GENDERS,
  ITEM_MODES,
  scheduleProblem,
  TEAM_MAX_HIGHEST,
  TEAM_MIN_LOWEST,
} from './rules';
import type { ActivityDetail, ActivityRoster, ActivitySummary, MyEntryView, RegisterResult } from './views';
import { member, privilegedRead, privilegedWrite } from '../contract/define';
import { id, instant, longText, page, text } from '../contract/fields';

/** Sports and culture activities (活动报名), DESIGN.md §4–§5. */

const ORGANIZER = ['organizer'] as const;

const int = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}应为数字` })
    .check(
      z.int({ message: `${label}应为整数` }),
      z.gte(min, { message: `${label}至少为 ${min}` }),
      z.lte(max, { message: `${label}最多为 ${max}` }),
    );

export const MAX_ITEMS = 20;
export const MAX_CAPACITY = 1000;
export const TEAM_NAME_MAX = 20;

export const activityItemInput = z
  .strictObject({
    /** Present when an update keeps an existing item. */
    id: z.optional(id('项目编号')),
    name: text('项目名称', 20),
    mode: z.enum(ITEM_MODES, { message: '项目类型应为个人或团体' }),
    teamMin: z.optional(int('最少人数', TEAM_MIN_LOWEST, TEAM_MAX_HIGHEST)),
    teamMax: z.optional(int('最多人数', TEAM_MIN_LOWEST, TEAM_MAX_HIGHEST)),
    capacity: int('名额', 1, MAX_CAPACITY),
    gender: z.optional(z.enum(GENDERS, { message: '性别限制应为男或女' })),
  })
  .check(
    z.superRefine((item, ctx) => {
      if (item.mode === 'team') {
        if (item.teamMin === undefined)
          ctx.addIssue({ code: 'custom', path: ['teamMin'], message: '请填写团体项目的最少人数' });
        if (item.teamMax === undefined)
          ctx.addIssue({ code: 'custom', path: ['teamMax'], message: '请填写团体项目的最多人数' });
        if (item.teamMin !== undefined && item.teamMax !== undefined && item.teamMin > item.teamMax) {
          ctx.addIssue({ code: 'custom', path: ['teamMax'], message: '最多人数不能少于最少人数' });
        }
      } else if (item.teamMin !== undefined || item.teamMax !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['mode'], message: '个人项目不设队伍人数' });
      }
    }),
  );
export type ActivityItemInput = z.infer<typeof activityItemInput>;

const items = z.array(activityItemInput, { message: '项目应为列表' }).check(
  z.minLength(1, { message: '至少需要 1 个项目' }),
  z.maxLength(MAX_ITEMS, { message: `最多 ${MAX_ITEMS} 个项目` }),
  z.superRefine((list, ctx) => {
    const names = new Set<string>();
    list.forEach((item, i) => {
      if (names.has(item.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `项目名称“${item.name}”重复` });
      names.add(item.name);
    });
  }),
);

const fields = {
  title: text('活动名称', 60, 2),
  kind: z.enum(ACTIVITY_KINDS, { message: '未知的活动类别' }),
  description: longText('活动说明', 2000),
  place: text('地点', 60),
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  signupDeadline: instant('报名截止时间'),
  maxItemsPerPerson: int('每人限报项目数', 1, MAX_ITEMS),
};

export const activityCreateInput = z
  .strictObject({
    ...fields,
    maxItemsPerPerson: z._default(fields.maxItemsPerPerson, DEFAULT_MAX_ITEMS_PER_PERSON),
    items,
  })
  .check(
    z.superRefine((v, ctx) => {
      const problem = scheduleProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }),
  );

/** Fields left out stay as they are; `items`, when given, is the whole new list (kept items carry their id). */
export const activityUpdateInput = z.strictObject({
  activityId: id('活动编号'),
  title: z.optional(fields.title),
  kind: z.optional(fields.kind),
  description: z.optional(fields.description),
  place: z.optional(fields.place),
  startAt: z.optional(fields.startAt),
  endAt: z.optional(fields.endAt),
  signupDeadline: z.optional(fields.signupDeadline),
  maxItemsPerPerson: z.optional(fields.maxItemsPerPerson),
  items: z.optional(items),
});

export const activityIdInput = z.strictObject({ activityId: id('活动编号') });

export const activityCancelInput = z.strictObject({ activityId: id('活动编号'), reason: text('取消原因', 200) });

export const activityResultsInput = z.strictObject({
  activityId: id('活动编号'),
  placings: z
    .array(z.strictObject({ entryId: id('报名编号'), place: int('名次', 1, 100) }), { message: '名次应为列表' })
    .check(z.maxLength(MAX_CAPACITY, { message: `最多 ${MAX_CAPACITY} 个名次` })),
});

export const ACTIVITY_LIST_STATUSES = ['open', 'mine', 'past', 'manage'] as const;

export const activityListInput = z.strictObject({
  status: z.optional(z.enum(ACTIVITY_LIST_STATUSES, { message: '未知的列表' })),
  kind: z.optional(fields.kind),
  page,
});

const memberStaffIds = z
  .array(id('队员编号'), { message: '队员应为列表' })
  .check(z.maxLength(TEAM_MAX_HIGHEST - 1, { message: `队员最多 ${TEAM_MAX_HIGHEST - 1} 人` }));

export const activityRegisterInput = z.strictObject({
  activityId: id('活动编号'),
  itemId: id('项目编号'),
  team: z.optional(z.strictObject({ name: text('队名', TEAM_NAME_MAX), memberStaffIds })),
});

export const activityItemRefInput = z.strictObject({ activityId: id('活动编号'), itemId: id('项目编号') });

export const activityAddMembersInput = z.strictObject({
  activityId: id('活动编号'),
  itemId: id('项目编号'),
  memberStaffIds: memberStaffIds.check(z.minLength(1, { message: '请选择要加入的队员' })),
});

export const ACTIVITY_PAGE_SIZE = 20;

export const activityActions = {
  'activity.create': privilegedWrite(activityCreateInput, ORGANIZER),
  'activity.update': privilegedWrite(activityUpdateInput, ORGANIZER),
  'activity.cancel': privilegedWrite(activityCancelInput, ORGANIZER),
  'activity.roster': privilegedRead(activityIdInput, ORGANIZER),
  'activity.results': privilegedWrite(activityResultsInput, ORGANIZER),
  'activity.list': member(activityListInput),
  'activity.get': member(activityIdInput),
  'activity.register': member(activityRegisterInput),
  'activity.withdraw': member(activityItemRefInput),
  'activity.leaveTeam': member(activityItemRefInput),
  'activity.addMembers': member(activityAddMembersInput),
} as const;

export interface ActivityOutputs {
  'activity.create': { activity: ActivityDetail };
  'activity.update': { activity: ActivityDetail };
  'activity.cancel': { activity: ActivityDetail; already?: boolean };
  'activity.roster': ActivityRoster;
  'activity.results': { activity: ActivityDetail };
  'activity.list': { items: ActivitySummary[]; page: number; pageSize: number; hasMore: boolean };
  'activity.get': ActivityDetail;
  'activity.register': RegisterResult;
  'activity.withdraw': { status: 'cancelled'; already?: boolean };
  'activity.leaveTeam': { left: true; already?: boolean };
  'activity.addMembers': { entry: MyEntryView };
}

export type * from './views';
