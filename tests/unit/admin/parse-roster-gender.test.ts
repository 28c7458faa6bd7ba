import { parseRoster } from '../../../src/features/admin/import/parse-roster';

describe('性别 column', () => {
  it('reads 男/女 into the row and reports anything else', () => {
    const result = parseRoster(
      '工号\t姓名\t部门\t性别\nA1\t甲\t办公室\t女\nA2\t乙\t办公室\t男\nA3\t丙\t办公室\t未知\nA4\t丁\t办公室\t',
    );
    expect(result.ignoredColumns).toEqual([]);
    expect(result.rows.map((r) => [r.row.staffNo, r.row.gender])).toEqual([
      ['A1', 'female'],
      ['A2', 'male'],
      ['A4', undefined],
    ]);
    expect(result.problems).toEqual([{ line: 4, reason: '性别应为男或女' }]);
  });
});
