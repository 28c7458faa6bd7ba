/**
 * People (人员): who the unit is and who is calling. `session.me` answers who the caller is;
 * `staff.bind` ties a WeChat identity to a roster entry by 工号 + 姓名 (rate-limited per openid, in
 * actions/staff-bind.ts); admins import, list, set roles, unbind, deactivate and activate members. The
 * rule that the unit never ends without an active admin lives in roster.ts (`writeKeepingAnAdmin`).
 * An entry holding a role (or every entry, with the unit's setting) binds only with a one-time code an
 * admin issued (bind-codes.ts); admins hear of every bind, unbind and role change of such entries.
 * A roster file (.xlsx/.csv) is read and checked by `staff.import.preview` (roster-file.ts,
 * roster-xlsx.ts; the row rules are the paste's, in src/core/people/roster-sheet.ts) and imported by
 * the page through `staff.import` in chunks; `staff.import.template` gives the workbook to fill in.
 */
import { defineFeature } from '../../kernel/feature';
import { sessionMe } from './actions/session-me';
import { staffBind } from './actions/staff-bind';
import { staffBindCodeIssue, staffBindCodeSheet } from './actions/staff-bind-codes';
import { staffImport } from './actions/staff-import';
import { staffImportPreview, staffImportTemplate } from './actions/staff-import-file';
import { staffList, staffSearch } from './actions/staff-search';
import { staffActivate, staffDeactivate, staffSetRoles, staffUnbind } from './actions/staff-status';
import { PEOPLE_COLLECTIONS } from './collections';
import { seedRoster } from './seed';
import { staffBranches } from './actions/staff-branches';
import { recountHeadcounts } from './headcount';
import type { PeopleCollections } from './collections';
import type { Store } from '../../store/port';

export const people = defineFeature({
  name: 'people',
  collections: PEOPLE_COLLECTIONS,
  handlers: {
    'session.me': sessionMe,
    'staff.bind': staffBind,
    'staff.search': staffSearch,
    'staff.import': staffImport,
    'staff.import.preview': staffImportPreview,
    'staff.import.template': staffImportTemplate,
    'staff.list': staffList,
    'staff.setRoles': staffSetRoles,
    'staff.unbind': staffUnbind,
    'staff.deactivate': staffDeactivate,
    'staff.activate': staffActivate,
    'staff.bindCode.issue': staffBindCodeIssue,
    'staff.bindCode.sheet': staffBindCodeSheet,
    'staff.branches': staffBranches,
  },
  seed: seedRoster,
  recount: (store: Store<PeopleCollections>) => recountHeadcounts(store),
});

export { rosterWhere } from './roster';
export { headcounts, recountHeadcounts } from './headcount';
export { branchCounts } from './branches';
export { staffPick, staffView } from './views';
export type { BindFailureDoc, BranchCountDoc, MetaDoc, PeopleCollections, StaffDoc } from './collections';
export { issueBindCode } from './bind-codes';
