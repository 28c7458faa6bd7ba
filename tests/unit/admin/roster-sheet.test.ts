import { readDelimited } from '../../../src/core/people/delimited';
import { base64Length, rosterFileKind } from '../../../src/core/people/import-limits';
import { columnOf, readRoster } from '../../../src/core/people/roster-sheet';
import { problemsCsv, problemsText, utf8Base64 } from '../../../src/features/admin/import/problems';

/** The header and row rules that a paste and an uploaded file share (src/core/people/roster-sheet.ts). */

const records = (rows: string[][], firstLine = 1) => rows.map((cells, i) => ({ line: firstLine + i, cells }));

test('the template headers and their aliases name the columns; a required mark is allowed', () => {
  expect(['工号', '姓名', '部门', '支部', '手机', '性别', '角色'].map(columnOf)).toEqual([
    'staffNo',
    'name',
    'department',
    'branch',
    'phone',
    'gender',
    'roles',
  ]);
  expect([' 工号* ', '电话', '手机号', 'StaffNo', '备注'].map(columnOf)).toEqual([
    'staffNo',
    'phone',
    'phone',
    'staffNo',
    undefined,
  ]);
});

test('a notes line above the header is skipped; lines stay those of the sheet', () => {
  const result = readRoster(
    records([['填写说明：工号、姓名、部门必填'], ['工号*', '姓名*', '部门*', '手机'], ['a1', '甲', '办公室', '138']]),
  );
  expect(result.fatal).toBeUndefined();
  expect(result.rows).toEqual([{ line: 3, row: { staffNo: 'A1', name: '甲', department: '办公室', phone: '138' } }]);
});

test('missing required headers are named, with the line the header was looked for on', () => {
  expect(
    readRoster(
      records([
        ['工号', '姓名', '支部'],
        ['A1', '甲', '一支部'],
      ]),
    ).fatal,
  ).toBe('第 1 行应为表头，缺少列：部门');
});

test('several problems of one row are reported together; too long is too long', () => {
  const result = readRoster(
    records([
      ['工号', '姓名', '部门', '性别', '角色'],
      ['', '', '办公室', '未知', '局长'],
      ['A2', '名'.repeat(33), '部'.repeat(33), '', ''],
    ]),
  );
  expect(result.rows).toEqual([]);
  expect(result.problems).toEqual([
    { line: 2, reason: '缺少工号；缺少姓名；未知的角色：局长；性别应为男或女' },
    { line: 3, reason: '姓名最多 32 个字；部门最多 32 个字' },
  ]);
});

test('5,000 data rows are read, 5,001 are refused as a whole', () => {
  const sheet = (n: number) =>
    records([['工号', '姓名', '部门'], ...Array.from({ length: n }, (_, i) => [`A${i}`, '某', '办'])]);
  expect(readRoster(sheet(5000)).rows).toHaveLength(5000);
  const over = readRoster(sheet(5001));
  expect(over.rows).toEqual([]);
  expect(over.fatal).toBe('一个文件最多 5000 行数据，请分成几个文件导入');
});

test('CSV text: a byte-order mark is dropped, quoted commas and line breaks stay in their cell', () => {
  expect(readDelimited('\uFEFF工号,姓名\r\n"A,1","x\r\ny"\r\nB2,z')).toEqual([
    { line: 1, cells: ['工号', '姓名'] },
    { line: 2, cells: ['A,1', 'x\r\ny'] },
    { line: 4, cells: ['B2', 'z'] },
  ]);
});

test('file kinds come from the extension, case aside; base64 lengths are padded', () => {
  expect(['a.xlsx', 'B.CSV', 'c.xls', 'd', 'e.xlsx.png'].map(rosterFileKind)).toEqual([
    'xlsx',
    'csv',
    null,
    null,
    null,
  ]);
  expect([0, 1, 2, 3, 4].map(base64Length)).toEqual([0, 4, 4, 4, 8]);
});

test('bad lines as text to copy and as a CSV that Excel opens as UTF-8', () => {
  const problems = [
    { line: 4, reason: '缺少姓名' },
    { line: 7, reason: '工号与第 3 行重复' },
    { line: 9, reason: '未知的角色：局长, "副"' },
  ];
  expect(problemsText(problems)).toBe('第 4 行：缺少姓名\n第 7 行：工号与第 3 行重复\n第 9 行：未知的角色：局长, "副"');
  const csv = problemsCsv(problems);
  expect(csv).toBe('\uFEFF行号,原因\r\n4,缺少姓名\r\n7,工号与第 3 行重复\r\n9,"未知的角色：局长, ""副"""\r\n');
  expect(Buffer.from(utf8Base64(csv), 'base64').toString('utf8')).toBe(csv);
  for (const s of ['', 'a', 'ab', 'abc', '𠮷野家 é'])
    expect(utf8Base64(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
});
