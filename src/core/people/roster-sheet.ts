import { ROLE_LABELS, ROLES, type Role } from '../roles';
import { importRowSchema, type ImportRow } from './contract';
import type { Cells } from './delimited';
import { ROSTER_FILE_MAX_ROWS, ROSTER_FILE_TOO_MANY_ROWS } from './import-limits';

/**
 * A roster sheet → rows for `staff.import`: the one reading of headers and cells, whether the sheet
 * was pasted on the page or uploaded as .xlsx/.csv and read on the server. Rows before the header
 * (the template's notes line) are skipped; every data row keeps the line the admin sees in the sheet.
 * Pure.
 */

type Column = keyof ImportRow;

const HEADER_ALIASES: Record<string, Column> = {
  工号: 'staffNo',
  staffno: 'staffNo',
  姓名: 'name',
  name: 'name',
  部门: 'department',
  department: 'department',
  支部: 'branch',
  branch: 'branch',
  电话: 'phone',
  手机: 'phone',
  手机号: 'phone',
  phone: 'phone',
  角色: 'roles',
  roles: 'roles',
  性别: 'gender',
  gender: 'gender',
};

/** The template's header row, in this order. */
export const TEMPLATE_HEADERS = ['工号', '姓名', '部门', '支部', '手机', '性别', '角色'] as const;

const REQUIRED_COLUMNS: readonly Column[] = ['staffNo', 'name', 'department'];

const COLUMN_LABELS: Record<Column, string> = {
  staffNo: '工号',
  name: '姓名',
  department: '部门',
  branch: '支部',
  phone: '手机',
  roles: '角色',
  gender: '性别',
};

const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  ...Object.fromEntries(ROLES.map((r) => [ROLE_LABELS[r], r])),
  书记: 'secretary',
  组织者: 'organizer',
};

/** A header may carry a required mark ('工号*'); case and spaces do not matter. */
export function columnOf(header: string): Column | undefined {
  const key = header
    .trim()
    .replace(/[*＊]+$/, '')
    .trim();
  return HEADER_ALIASES[key] ?? HEADER_ALIASES[key.toLowerCase()];
}

export interface ParsedRow {
  line: number;
  row: ImportRow;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface ParseResult {
  rows: ParsedRow[];
  problems: RowProblem[];
  /** Set when nothing can be read at all (no header, missing required columns, too many rows). */
  fatal?: string;
  /** Header cells that map to no known column; they are ignored. */
  ignoredColumns: string[];
}

export function parseRoles(cell: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const token of cell.split(/[,，、;；/|\s]+/).filter(Boolean)) {
    const role = ROLE_ALIASES[token] ?? ROLE_ALIASES[token.toLowerCase()];
    if (role) {
      if (!roles.includes(role)) roles.push(role);
    } else unknown.push(token);
  }
  return { roles, unknown };
}

/** Notes may stand above the header: the header is the first of the top rows naming a known column. */
const HEADER_SEARCH_ROWS = 10;

function headerIndex(records: readonly Cells[]): number {
  const found = records.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => columnOf(c)));
  return Math.max(found, 0);
}

const fatal = (message: string, ignoredColumns: string[] = []): ParseResult => ({
  rows: [],
  problems: [],
  fatal: message,
  ignoredColumns,
});

export function readRoster(records: readonly Cells[]): ParseResult {
  if (records.length === 0) return fatal('没有可导入的内容');
  const at = headerIndex(records);
  const header = records[at];
  const body = records.slice(at + 1);
  const columns = header.cells.map(columnOf);
  const ignoredColumns = header.cells.filter((c, i) => !columns[i] && c.trim() !== '').map((c) => c.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const names = missing.map((c) => COLUMN_LABELS[c]).join('、');
    return fatal(`第 ${header.line} 行应为表头，缺少列：${names}`, ignoredColumns);
  }
  if (body.length === 0) return fatal('表头下没有数据行', ignoredColumns);
  if (body.length > ROSTER_FILE_MAX_ROWS) return fatal(ROSTER_FILE_TOO_MANY_ROWS, ignoredColumns);

  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const checked = checkRecord(columns, record);
    if ('reasons' in checked) {
      problems.push({ line: record.line, reason: checked.reasons.join('；') });
      continue;
    }
    const earlier = seen.get(checked.row.staffNo);
    if (earlier !== undefined) problems.push({ line: record.line, reason: `工号与第 ${earlier} 行重复` });
    else {
      seen.set(checked.row.staffNo, record.line);
      rows.push({ line: record.line, row: checked.row });
    }
  }
  return { rows, problems, ignoredColumns };
}

/** One data record under the header's columns → a row `staff.import` accepts, or why not. */
function checkRecord(
  columns: readonly (Column | undefined)[],
  record: Cells,
): { row: ImportRow } | { reasons: string[] } {
  const raw: Record<string, unknown> = {};
  const reasons: string[] = [];
  columns.forEach((column, i) => {
    const value = (record.cells[i] ?? '').trim();
    if (!column || value === '') return;
    if (column === 'roles') {
      const { roles, unknown } = parseRoles(value);
      if (unknown.length > 0) reasons.push(`未知的角色：${unknown.join('、')}`);
      raw.roles = roles;
    } else {
      raw[column] = value;
    }
  });
  const absent = REQUIRED_COLUMNS.filter((c) => raw[c] === undefined);
  reasons.unshift(...absent.map((c) => `缺少${COLUMN_LABELS[c]}`));
  const parsed = importRowSchema.safeParse(raw);
  if (parsed.success && reasons.length === 0) return { row: parsed.data };
  if (!parsed.success) {
    // An absent cell is already reported above, in plainer words than the schema's.
    const issues = parsed.error.issues.filter((issue) => !absent.includes(issue.path[0] as Column));
    reasons.push(...issues.map((issue) => issue.message));
  }
  return { reasons: [...new Set(reasons)] };
}
