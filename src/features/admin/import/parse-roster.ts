import { importRowSchema, type ImportRow } from '../../../core/people/contract';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/roles';

/** Pasted roster text (copied from Excel as TSV, or CSV) → rows for `staff.import`. Pure. */

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
  phone: 'phone',
  角色: 'roles',
  roles: 'roles',
  性别: 'gender',
  gender: 'gender',
};

const REQUIRED: Column[] = ['staffNo', 'name', 'department'];
const COLUMN_LABELS: Record<Column, string> = {
  staffNo: '工号',
  name: '姓名',
  department: '部门',
  branch: '支部',
  phone: '电话',
  roles: '角色',
  gender: '性别',
};

const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  ...Object.fromEntries(ROLES.map((r) => [ROLE_LABELS[r], r])),
  书记: 'secretary',
  组织者: 'organizer',
};

export interface ParsedRow {
  /** 1-based line of the pasted text where the row starts: what the admin sees in their sheet. */
  line: number;
  row: ImportRow;
}

export interface RowProblem {
  line: number;
  message: string;
}

export interface ParseResult {
  rows: ParsedRow[];
  problems: RowProblem[];
  /** Set when nothing can be read at all (no header, missing required columns). */
  fatal?: string;
  /** Header cells that map to no known column; they are ignored. */
  ignoredColumns: string[];
}

interface Cells {
  line: number;
  cells: string[];
}

/** Splits into records, honouring quotes (Excel quotes cells that hold tabs, commas or newlines). */
export function splitRecords(text: string, delimiter: string): Cells[] {
  const out: Cells[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  endRecord();
  return out;
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (firstLine.includes('\t')) return '\t';
  return firstLine.includes(',') || !firstLine.includes('，') ? ',' : '，';
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

export function parseRoster(text: string): ParseResult {
  const records = splitRecords(text.replace(/^\uFEFF/, ''), detectDelimiter(text));
  if (records.length === 0) return { rows: [], problems: [], fatal: '没有可导入的内容', ignoredColumns: [] };
  const [header, ...body] = records;
  const columns = header.cells.map((c) => HEADER_ALIASES[c.trim()] ?? HEADER_ALIASES[c.trim().toLowerCase()]);
  const ignoredColumns = header.cells.filter((c, i) => !columns[i] && c.trim() !== '').map((c) => c.trim());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const names = missing.map((c) => COLUMN_LABELS[c]).join('、');
    return { rows: [], problems: [], fatal: `第 ${header.line} 行应为表头，缺少列：${names}`, ignoredColumns };
  }
  if (body.length === 0) return { rows: [], problems: [], fatal: '表头下没有数据行', ignoredColumns };

  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const raw: Record<string, unknown> = {};
    const messages: string[] = [];
    columns.forEach((column, i) => {
      const value = (record.cells[i] ?? '').trim();
      if (!column || value === '') return;
      if (column === 'roles') {
        const { roles, unknown } = parseRoles(value);
        if (unknown.length > 0) messages.push(`未知的角色：${unknown.join('、')}`);
        raw.roles = roles;
      } else {
        raw[column] = value;
      }
    });
    const absent = REQUIRED.filter((c) => raw[c] === undefined);
    messages.unshift(...absent.map((c) => `缺少${COLUMN_LABELS[c]}`));
    const parsed = importRowSchema.safeParse(raw);
    if (!parsed.success) {
      // An absent cell is already reported above, in plainer words than the schema's.
      const issues = parsed.error.issues.filter((issue) => !absent.includes(issue.path[0] as Column));
      messages.push(...issues.map((issue) => issue.message));
    } else {
      const earlier = seen.get(parsed.data.staffNo);
      if (earlier !== undefined) messages.push(`工号与第 ${earlier} 行重复`);
      else seen.set(parsed.data.staffNo, record.line);
    }
    if (messages.length > 0 || !parsed.success)
      problems.push({ line: record.line, message: unique(messages).join('；') });
    else rows.push({ line: record.line, row: parsed.data });
  }
  return { rows, problems, ignoredColumns };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
