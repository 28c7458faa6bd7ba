import { z } from 'zod';
import type { Paged } from '../contract/fields';
import { normalizeBindCode } from './rules';
import type {
  BindCodeIssued,
  BindCodeSheetRow,
  ImportResult,
  SessionMe,
  StaffAdminView,
  StaffPick,
  StaffView,
} from './views';
import { ADMIN, def } from '../contract/define';
import { empty, id, optionalText, page, personName, phone, role, staffNo, text } from '../contract/fields';

export const sessionMeInput = empty;

/** 性别 as the sheet says it (男/女) or as stored (male/female); some activity items are restricted by it. */
const gender = z
  .enum(['男', '女', 'male', 'female'], { message: '性别应为男或女' })
  .transform((g): 'male' | 'female' => (g === '男' || g === 'male' ? 'male' : 'female'));

const bindCode = z
  .string({ message: '绑定码应为文字' })
  .max(32, { message: '绑定码有误' })
  .transform(normalizeBindCode)
  .pipe(z.string().regex(/^[A-Z0-9]*$/, { message: '绑定码只含字母和数字' }))
  .optional();

export const staffBindInput = z.object({ staffNo, name: personName, code: bindCode }).strict();

export const staffBindCodeSheetInput = z.object({ department: optionalText('部门', 32) }).strict();

export const staffSearchInput = z.object({ q: text('搜索词', 32) }).strict();

/** One roster row; validated row by row so that good rows import beside bad ones. */
export const importRowSchema = z
  .object({
    staffNo,
    name: personName,
    department: text('部门', 32),
    branch: optionalText('支部', 32),
    phone: phone.optional(),
    roles: z.array(role).max(4, { message: '角色过多' }).optional(),
    gender: gender.optional(),
  })
  .strict();
export type ImportRow = z.infer<typeof importRowSchema>;

export const MAX_IMPORT_ROWS = 2000;

export const staffImportInput = z
  .object({
    rows: z
      .array(z.unknown())
      .min(1, { message: '没有要导入的行' })
      .max(MAX_IMPORT_ROWS, { message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }),
  })
  .strict();

export const STAFF_PAGE_SIZE = 20;

export const staffListInput = z
  .object({
    q: optionalText('搜索词', 32),
    department: optionalText('部门', 32),
    status: z.enum(['active', 'inactive', 'all'], { message: '未知的状态' }).optional(),
    page,
  })
  .strict();

export const staffSetRolesInput = z
  .object({
    staffId: id('人员编号'),
    roles: z.array(role).max(4, { message: '角色过多' }),
  })
  .strict();

export const staffIdInput = z.object({ staffId: id('人员编号') }).strict();

/** Session, binding and roster actions. */
export const peopleActions = {
  'session.me': def(sessionMeInput, 'identity'),
  'staff.bind': def(staffBindInput, 'identity'),
  'staff.search': def(staffSearchInput, 'staff'),
  'staff.import': def(staffImportInput, 'staff', ADMIN, true),
  'staff.list': def(staffListInput, 'staff', ADMIN),
  'staff.setRoles': def(staffSetRolesInput, 'staff', ADMIN, true),
  'staff.unbind': def(staffIdInput, 'staff', ADMIN, true),
  'staff.deactivate': def(staffIdInput, 'staff', ADMIN, true),
  'staff.activate': def(staffIdInput, 'staff', ADMIN, true),
  'staff.bindCode.issue': def(staffIdInput, 'staff', ADMIN, true),
  'staff.bindCode.sheet': def(staffBindCodeSheetInput, 'staff', ADMIN, true),
} as const;

export interface PeopleOutputs {
  'session.me': SessionMe;
  'staff.bind': { staff: StaffView; already?: boolean };
  'staff.search': { items: StaffPick[] };
  'staff.import': ImportResult;
  'staff.list': Paged<StaffAdminView> & { departments: string[] };
  'staff.setRoles': { staff: StaffAdminView };
  'staff.unbind': { staff: StaffAdminView; already?: boolean };
  'staff.deactivate': { staff: StaffAdminView; already?: boolean };
  'staff.activate': { staff: StaffAdminView; already?: boolean };
  'staff.bindCode.issue': BindCodeIssued;
  'staff.bindCode.sheet': { items: BindCodeSheetRow[]; expiresAt: string };
}
