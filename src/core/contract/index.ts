import type * as z from 'zod/v4/core';
import { activityActions, type ActivityOutputs } from '../activity';
import { devActions, type DevOutputs } from '../dev';
import { honorActions, type HonorOutputs } from '../honor';
import { inboxActions, type InboxOutputs } from '../inbox';
import { readingActions, type ReadingOutputs } from '../reading';
import { auditActions, type AuditOutputs } from '../audit';
import { peopleActions, type PeopleOutputs } from '../people';
import { settingsActions, type SettingsOutputs } from '../settings';
import { volunteerActions, type VolunteerOutputs } from '../volunteer';
import { mailboxActions, type MailboxOutputs } from '../mailbox';
import { reportActions, type ReportOutputs } from '../report';
import { dashboardActions, type DashboardOutputs } from '../dashboard';
import { noticeActions, type NoticeOutputs } from '../notice';

/**
 * The action registry: one action = one schema. Names are part of the public contract. Each feature
 * brings its `<feature>Actions` and `<Feature>Outputs` from its own contract file.
 */
export const contract = {
  ...peopleActions,
  ...settingsActions,
  ...auditActions,
  ...inboxActions,
  ...devActions,
  ...readingActions,
  ...honorActions,
  ...volunteerActions,
  ...activityActions,
  ...mailboxActions,
  ...reportActions,
  ...dashboardActions,
  ...noticeActions,
} as const;

/** What each action answers with in `data`. */
export interface ActionOutputs
  extends
    PeopleOutputs,
    SettingsOutputs,
    AuditOutputs,
    InboxOutputs,
    DevOutputs,
    HonorOutputs,
    ReadingOutputs,
    VolunteerOutputs,
    ActivityOutputs,
    MailboxOutputs,
    ReportOutputs,
    DashboardOutputs,
    NoticeOutputs {}

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<A extends ActionName> = z.input<Contract[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<Contract[A]['input']>;
export type ActionOutput<A extends ActionName> = ActionOutputs[A];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { DemoIdentity } from '../dev';
export * from './fields';
export * from './define';
