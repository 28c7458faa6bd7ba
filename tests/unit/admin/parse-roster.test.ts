import { parseRoster, parseRoles, splitRecords } from '../../../src/features/admin/import/parse-roster';

const TSV = [
  '工号\t姓名\t部门\t支部\t电话\t角色',
  't0101\t张三\t办公室\t第一支部\t13800000000\t',
  'T0102\t李四\t预算科\t\t\t支部书记、管理员',
].join('\r\n');

test('Excel TSV with Chinese headers becomes import rows with their sheet line numbers', () => {
  const result = parseRoster(TSV);
  expect(result.fatal).toBeUndefined();
  expect(result.problems).toEqual([]);
  expect(result.rows).toEqual([
    {
      line: 2,
      row: { staffNo: 'T0101', name: '张三', department: '办公室', branch: '第一支部', phone: '13800000000' },
    },
    { line: 3, row: { staffNo: 'T0102', name: '李四', department: '预算科', roles: ['secretary', 'admin'] } },
  ]);
});

test('CSV with English keys, quoted cells and blank lines keeps the original line numbers', () => {
  const csv = 'staffNo,name,department,roles\n\nT0201,"王, 五",综合科,organizer\nT0202,赵六,国库科,"staff,admin"\n';
  const result = parseRoster(csv);
  expect(result.rows.map((r) => [r.line, r.row.name, r.row.roles])).toEqual([
    [3, '王, 五', ['organizer']],
    [4, '赵六', ['staff', 'admin']],
  ]);
});

test('bad rows are reported by line with Chinese reasons while good rows still import', () => {
  const text = [
    '工号\t姓名\t部门\t角色',
    'T0301\t\t办公室\t',
    'T 0302\t钱七\t办公室\t',
    'T0303\t孙八\t办公室\t局长',
    'T0304\t周九\t办公室\t',
    't0304\t吴十\t办公室\t',
  ].join('\n');
  const result = parseRoster(text);
  expect(result.rows.map((r) => r.line)).toEqual([5]);
  expect(result.problems).toEqual([
    { line: 2, reason: '缺少姓名' },
    { line: 3, reason: '工号只能包含字母、数字、下划线和短横线' },
    { line: 4, reason: '未知的角色：局长' },
    { line: 6, reason: '工号与第 5 行重复' },
  ]);
});

test('a paste without the required header columns is refused as a whole', () => {
  const result = parseRoster('T0001\t李明\t办公室');
  expect(result.rows).toEqual([]);
  expect(result.fatal).toBe('第 1 行应为表头，缺少列：工号、姓名、部门');
});

test('unknown columns are ignored and named', () => {
  const result = parseRoster('工号\t姓名\t部门\t备注\nT0401\t郑一\t办公室\t新同事');
  expect(result.ignoredColumns).toEqual(['备注']);
  expect(result.rows).toHaveLength(1);
});

test('a quoted cell may span lines; the record keeps its first line', () => {
  expect(splitRecords('a\tb\n"x\ny"\tz\nq\tr', '\t')).toEqual([
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['x\ny', 'z'] },
    { line: 4, cells: ['q', 'r'] },
  ]);
});

test('role cells accept labels, keys and short names', () => {
  expect(parseRoles('书记 / organizer，管理员')).toEqual({ roles: ['secretary', 'organizer', 'admin'], unknown: [] });
});
