import type { StaffAdminView, StaffPick, StaffView } from '../../../src/core/people/views';
import type { StaffDoc } from '../../kernel/member';

export function staffView(doc: StaffDoc): StaffView {
  const view: StaffView = {
    id: doc._id,
    staffNo: doc.staffNo,
    name: doc.name,
    department: doc.department,
    roles: doc.roles,
    active: doc.active,
  };
  if (doc.branch) view.branch = doc.branch;
  return view;
}

export function staffAdminView(doc: StaffDoc): StaffAdminView {
  const view: StaffAdminView = { ...staffView(doc), bound: doc.openid !== null };
  if (doc.phone) view.phone = doc.phone;
  if (doc.boundAt) view.boundAt = doc.boundAt;
  return view;
}

export function staffPick(doc: StaffDoc): StaffPick {
  return { id: doc._id, name: doc.name, department: doc.department };
}
