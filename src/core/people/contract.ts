import * as z from 'zod/mini';
import type { Paged } from '../contract/fields';
import { normalizeBindCode } from './rules';
import { base64Length, ROSTER_FILE_MAX_BYTES, ROSTER_FILE_TOO_BIG } from './import-limits';
import type {
  BindCodeIssued,
  BindCodeSheetRow,
  BranchView,
  ImportResult,
  ImportTemplate,
  SessionMe,
  StaffAdminView,
  StaffPick,
  StaffView,
} from './views';
import { ADMIN, def } from '../contract/define';
import { empty, id, optionalText, page, personName, phone, role, staffNo, text } from '../contract/fields';

export const sessionMeInput = empty;

/** 性别 as the sheet says it (男/女) or as stored (male/female); some activity items are restricted by it. */
const GENDER_WORDS = ['男', '女', 'male', 'female'] as const;
const gender = z.pipe(
  z.enum(GENDER_WORDS, { message: '性别应为男或女' }),
  z.transform((g: (typeof GENDER_WORDS)[number]): 'male' | 'female' =>
    g === '男' || g === 'male' ? 'male' : 'female',
  ),
);

const bindCode = z.optional(
  z.pipe(
    z.pipe(
      z.string({ message: '绑定码应为文字' }).check(z.maxLength(32, { message: '绑定码有误' })),
      z.transform(normalizeBindCode),
    ),
    z.string().check(z.regex(/^[A-Z0-9]*$/, { message: '绑定码只含字母和数字' })),
  ),
);

export const staffBindInput = z.strictObject({ staffNo, name: personName, code: bindCode });

export const staffBindCodeSheetInput = z.strictObject({ department: optionalText('部门', 32) });

export const staffSearchInput = z.strictObject({ q: text('搜索词', 32) });

/** One roster row; validated row by row so that good rows import beside bad ones. */
export const importRowSchema = z.strictObject({
  staffNo,
  name: personName,
  department: text('部门', 32),
  branch: optionalText('支部', 32),
  phone: z.optional(phone),
  roles: z.optional(z.array(role).check(z.maxLength(4, { message: '角色过多' }))),
  gender: z.optional(gender),
});
export type ImportRow = z.infer<typeof importRowSchema>;

// Beside its row type rather than in views.ts: views.ts importing the contract would make a cycle.
/** What a roster row would do when imported: its 工号 is new, or already on the roster. */
export type ImportPreviewAction = 'create' | 'update';

/** One good row of a roster file, in the shape `staff.import` takes. */
export interface ImportPreviewRow {
  /** The spreadsheet's line number (Excel's row number; the text line for CSV). */
  line: number;
  row: ImportRow;
  action: ImportPreviewAction;
}

export interface ImportPreview {
  fileName: string;
  rows: ImportPreviewRow[];
  /** Bad rows: never sent, shown and downloadable with their line and Chinese reason. */
  errors: { line: number; reason: string }[];
  creates: number;
  updates: number;
  /** Header cells that name no known column; their cells are ignored. */
  ignoredColumns: string[];
}

export const MAX_IMPORT_ROWS = 2000;

export const staffImportInput = z.strictObject({
  rows: z
    .array(z.unknown())
    .check(
      z.minLength(1, { message: '没有要导入的行' }),
      z.maxLength(MAX_IMPORT_ROWS, { message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }),
    ),
});

/**
 * A roster file, read on the server (`staff.import.preview`): its name (the extension says what it
 * should be; the bytes must agree) and its bytes as base64, at most ROSTER_FILE_MAX_BYTES of them.
 */
export const staffImportPreviewInput = z.strictObject({
  fileName: z
    .string({ message: '文件名应为文字' })
    .check(z.trim(), z.minLength(1, { message: '缺少文件名' }), z.maxLength(255, { message: '文件名过长' })),
  base64: z
    .string({ message: '文件内容应为 base64 文字' })
    .check(
      z.maxLength(base64Length(ROSTER_FILE_MAX_BYTES), { message: ROSTER_FILE_TOO_BIG }),
      z.regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '文件内容不是有效的 base64' }),
    ),
});

export const STAFF_PAGE_SIZE = 20;

export const staffListInput = z.strictObject({
  q: optionalText('搜索词', 32),
  department: optionalText('部门', 32),
  status: z.optional(z.enum(['active', 'inactive', 'all'], { message: '未知的状态' })),
  page,
});

export const staffSetRolesInput = z.strictObject({
  staffId: id('人员编号'),
  roles: z.array(role).check(z.maxLength(4, { message: '角色过多' })),
});

export const staffIdInput = z.strictObject({ staffId: id('人员编号') });

/** Session, binding and roster actions. */
export const peopleActions = {
  'session.me': def(sessionMeInput, 'identity'),
  'staff.bind': def(staffBindInput, 'identity'),
  'staff.search': def(staffSearchInput, 'staff'),
  'staff.import': def(staffImportInput, 'staff', ADMIN, true),
  'staff.import.preview': def(staffImportPreviewInput, 'staff', ADMIN),
  'staff.import.template': def(empty, 'staff', ADMIN),
  'staff.list': def(staffListInput, 'staff', ADMIN),
  'staff.setRoles': def(staffSetRolesInput, 'staff', ADMIN, true),
  'staff.unbind': def(staffIdInput, 'staff', ADMIN, true),
  'staff.deactivate': def(staffIdInput, 'staff', ADMIN, true),
  'staff.activate': def(staffIdInput, 'staff', ADMIN, true),
  'staff.bindCode.issue': def(staffIdInput, 'staff', ADMIN, true),
  'staff.bindCode.sheet': def(staffBindCodeSheetInput, 'staff', ADMIN, true),
  // Secretaries too: where a reading can be published.
  'staff.branches': def(empty, 'staff', ['secretary']),
} as const;

export interface PeopleOutputs {
  'session.me': SessionMe;
  'staff.bind': { staff: StaffView; already?: boolean };
  'staff.search': { items: StaffPick[] };
  'staff.import': ImportResult;
  'staff.import.preview': ImportPreview;
  'staff.import.template': ImportTemplate;
  'staff.list': Paged<StaffAdminView> & { departments: string[] };
  'staff.setRoles': { staff: StaffAdminView };
  'staff.unbind': { staff: StaffAdminView; already?: boolean };
  'staff.deactivate': { staff: StaffAdminView; already?: boolean };
  'staff.activate': { staff: StaffAdminView; already?: boolean };
  'staff.bindCode.issue': BindCodeIssued;
  'staff.bindCode.sheet': { items: BindCodeSheetRow[]; expiresAt: string };
  'staff.branches': { items: BranchView[] };
}
