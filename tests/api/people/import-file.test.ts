import { Workbook } from 'exceljs';
import type { ActionOutput } from '../../../src/core/contract';
import { IMPORT_CHUNK_ROWS, ROSTER_FILE_MAX_BYTES, TEMPLATE_HEADERS } from '../../../src/core/people';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { tinyZip } from './tiny-zip';

/** Roster import from a file: preview over HTTP, then the good rows through staff.import in chunks. */

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('demo-T0001');
});
afterAll(() => t.stop());

const rosterSize = async () => (await t.ok('staff.list', { status: 'all' }, admin)).total;
const find = async (staffNo: string) =>
  (await t.ok('staff.list', { q: staffNo, status: 'all' }, admin)).items.find((s) => s.staffNo === staffNo);

type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<string> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('名册');
  rows.forEach((cells, i) => {
    if (cells.length > 0) ws.getRow(i + 1).values = cells;
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const preview = (fileName: string, base64: string, token = admin) =>
  t.call('staff.import.preview', { fileName, base64 }, token);

/** What the page does: the good rows to staff.import, IMPORT_CHUNK_ROWS at a time. */
async function importRows(p: ActionOutput<'staff.import.preview'>) {
  const totals = { created: 0, updated: 0, failed: 0 };
  for (let at = 0; at < p.rows.length; at += IMPORT_CHUNK_ROWS) {
    const rows = p.rows.slice(at, at + IMPORT_CHUNK_ROWS).map((r) => r.row);
    const res = await t.ok('staff.import', { rows }, admin);
    totals.created += res.created;
    totals.updated += res.updated;
    totals.failed += res.failed;
  }
  return totals;
}

const HEADER = ['工号', '姓名', '部门', '支部', '手机', '性别', '角色'];
const MIXED: Cell[][] = [
  ['说明：第 3 行起为人员，工号、姓名、部门必填'],
  HEADER,
  ['F0001', '张一', '办公室', '第一支部', '13800000001', '男', ''],
  ['F0002', '', '办公室'],
  ['F0003', '王三', ''],
  [null, '赵四', '预算科'],
  ['f0001', '重复', '办公室'],
  ['F0005', '钱五', '国库科', null, null, null, '局长'],
  ['F0006', '孙六', '国库科', null, null, '未知'],
  ['F0007', '名'.repeat(33), '国库科'],
  ['T0040', '杜鹃', '综合科', '第四党支部'],
  [1008, '周八', '预算科', null, 13800000008, '女'],
  [],
  ['F0009', '吴九', '办公室', null, null, null, '支部书记、活动组织者'],
];

describe('staff.import.preview of an .xlsx', () => {
  let first: ActionOutput<'staff.import.preview'>;

  it('lists exactly the bad lines with their reasons and says what each good row would do', async () => {
    const before = await rosterSize();
    const res = await preview('名册.xlsx', await xlsx(MIXED));
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error('preview failed');
    first = res.body.data;
    expect(first.errors).toEqual([
      { line: 4, reason: '缺少姓名' },
      { line: 5, reason: '缺少部门' },
      { line: 6, reason: '缺少工号' },
      { line: 7, reason: '工号与第 3 行重复' },
      { line: 8, reason: '未知的角色：局长' },
      { line: 9, reason: '性别应为男或女' },
      { line: 10, reason: '姓名最多 32 个字' },
    ]);
    expect(first.rows.map((r) => [r.line, r.row.staffNo, r.action])).toEqual([
      [3, 'F0001', 'create'],
      [11, 'T0040', 'update'],
      [12, '1008', 'create'],
      [14, 'F0009', 'create'],
    ]);
    // Numbers typed into 工号 and 手机 read back as their digits.
    expect(first.rows[2].row).toEqual({
      staffNo: '1008',
      name: '周八',
      department: '预算科',
      phone: '13800000008',
      gender: 'female',
    });
    expect(first.rows[3].row.roles).toEqual(['secretary', 'organizer']);
    expect(first).toMatchObject({ fileName: '名册.xlsx', creates: 3, updates: 1, ignoredColumns: [] });
    expect(await rosterSize()).toBe(before);
  });

  it('imports the good rows, and importing the same file again updates instead of duplicating', async () => {
    const before = await rosterSize();
    expect(await importRows(first)).toEqual({ created: 3, updated: 1, failed: 0 });
    expect(await rosterSize()).toBe(before + 3);
    expect(await find('F0001')).toMatchObject({ name: '张一', phone: '13800000001', branch: '第一支部' });
    expect((await find('T0040'))?.branch).toBe('第四党支部');

    const again = await preview('名册.xlsx', await xlsx(MIXED));
    if (!again.body.ok) throw new Error('preview failed');
    expect(again.body.data.rows.map((r) => r.action)).toEqual(['update', 'update', 'update', 'update']);
    expect(await importRows(again.body.data)).toEqual({ created: 0, updated: 4, failed: 0 });
    expect(await rosterSize()).toBe(before + 3);
  });
});

describe('staff.import.preview of a .csv', () => {
  it('reads UTF-8 with a byte-order mark, quoted commas and line breaks, keeping the text lines', async () => {
    const csv = '\uFEFF工号,姓名,部门,支部\r\nC0001,"王, 五",综合科,"第一\n支部"\r\nC0002,赵六,国库科,\r\n';
    const res = await preview('roster.CSV', Buffer.from(csv, 'utf8').toString('base64'));
    if (!res.body.ok) throw new Error(`preview failed: ${res.body.error.message}`);
    expect(res.body.data.errors).toEqual([]);
    expect(res.body.data.rows.map((r) => [r.line, r.row.name, r.row.branch])).toEqual([
      [2, '王, 五', '第一 支部'],
      [4, '赵六', undefined],
    ]);
  });

  it('takes 5,000 data rows', async () => {
    const lines = ['工号,姓名,部门', ...Array.from({ length: 5000 }, (_, i) => `M${i},某,办公室`)];
    const res = await preview('big.csv', Buffer.from(lines.join('\n')).toString('base64'));
    if (!res.body.ok) throw new Error(`preview failed: ${res.body.error.message}`);
    expect(res.body.data.rows).toHaveLength(5000);
  });
});

describe('refusals: nothing read, nothing changed', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const csvOf = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');
  const cases: [string, string, () => Promise<string> | string, RegExp][] = [
    ['a PNG renamed .xlsx', 'photo.xlsx', () => png.toString('base64'), /不是有效的 \.xlsx/],
    ['a PNG renamed .csv', 'photo.csv', () => png.toString('base64'), /UTF-8/],
    ['an empty file', 'empty.xlsx', () => '', /文件是空的/],
    [
      'a zip that is no workbook',
      'other.xlsx',
      () => tinyZip([{ name: 'hello.txt', data: Buffer.from('hello') }]).toString('base64'),
      /无法读取该 Excel 文件|没有工作表/,
    ],
    [
      'a zip that unpacks to far more than a roster',
      'bomb.xlsx',
      () => tinyZip([{ name: 'xl/a.xml', data: Buffer.from('x'), claimedSize: 0xfffffff0 }]).toString('base64'),
      /解压后过大/,
    ],
    ['an .xlsx that is a CSV', 'plain.xlsx', () => csvOf(['工号,姓名,部门', 'X1,某,办公室']), /内容与扩展名不符/],
    ['a workbook named .csv', 'book.csv', () => xlsx([['工号', '姓名', '部门']]), /不是 CSV/],
    ['an old .xls', 'old.xls', () => Buffer.from('d0cf11e0a1b11ae1', 'hex').toString('base64'), /\.xls/],
    ['another kind of file', 'notes.txt', () => csvOf(['工号,姓名,部门']), /只支持 \.xlsx 或 \.csv/],
    ['GBK text', 'gbk.csv', () => Buffer.from('b9a4bac52cd0d5c3fb', 'hex').toString('base64'), /GBK/],
    [
      'a sheet without 部门',
      'no-dept.xlsx',
      () =>
        xlsx([
          ['工号', '姓名'],
          ['X0001', '某'],
        ]),
      /缺少列：部门/,
    ],
    ['a header and no rows', 'head.csv', () => csvOf(['工号,姓名,部门']), /没有数据行/],
    [
      '5,001 rows',
      'huge.csv',
      () => csvOf(['工号,姓名,部门', ...Array.from({ length: 5001 }, (_, i) => `X${i},某,办公室`)]),
      /最多 5000 行/,
    ],
    ['a file over 5 MB', 'big.csv', () => Buffer.alloc(ROSTER_FILE_MAX_BYTES + 1024, 'a').toString('base64'), /5 MB/],
    [
      'a file of 5 MB and one byte',
      'big.csv',
      () => Buffer.alloc(ROSTER_FILE_MAX_BYTES + 1, 'a').toString('base64'),
      /5 MB/,
    ],
    ['a body far over the limit', 'huge.csv', () => Buffer.alloc(9 * 1024 * 1024, 'a').toString('base64'), /过大/],
  ];

  it.each(cases)('%s is refused with a Chinese reason', async (_name, fileName, body, reason) => {
    const before = await rosterSize();
    const res = await preview(fileName, await body());
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toMatch(reason);
    expect(errorOf(res).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await rosterSize()).toBe(before);
  });

  it('only the file action takes a large body: other actions keep the 2 MB limit', async () => {
    const res = await t.post('staff.import', { rows: [{ staffNo: 'Y1', name: 'x'.repeat(3 * 1024 * 1024) }] }, admin);
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toBe('请求内容过大');
  });
});

describe('staff.import.template', () => {
  it('is an .xlsx with a notes line, the headers and an example row that previews cleanly', async () => {
    const file = await t.ok('staff.import.template', {}, admin);
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(file.base64, 'base64');
    const wb = new Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/必填/);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS]);
    const res = await preview(file.fileName, file.base64);
    if (!res.body.ok) throw new Error(`preview failed: ${res.body.error.message}`);
    expect(res.body.data.errors).toEqual([]);
    expect(res.body.data.rows.map((r) => [r.line, r.row.staffNo, r.row.gender])).toEqual([[3, 'T0101', 'male']]);
  });
});

describe('roles', () => {
  it('staff may neither preview nor fetch the template (FORBIDDEN)', async () => {
    const staff = await t.login('demo-T0004');
    const before = await rosterSize();
    const res = await preview('名册.xlsx', await xlsx(MIXED), staff);
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const template = await t.call('staff.import.template', {}, staff);
    expect(template.status).toBe(403);
    expect(await rosterSize()).toBe(before);
  });
});
