import { compareBranches } from '../../../src/core/people/branch';
import { mayEdit, publishScope, readingFor, readsScope, type Publisher } from '../../../src/core/reading/scope';

const known = new Set(['机关第一党支部', '机关第二党支部']);
const admin: Publisher = { roles: ['staff', 'admin'], branch: '机关第一党支部' };
const unitSecretary: Publisher = { roles: ['staff', 'secretary'], branch: null };
const firstSecretary: Publisher = { roles: ['staff', 'secretary'], branch: '机关第一党支部' };
const member: Publisher = { roles: ['staff'], branch: '机关第二党支部' };

describe('who publishes where', () => {
  it('sends an admin and a secretary of no branch to the unit when they name none', () => {
    expect(publishScope(admin, undefined, known)).toEqual({ ok: true, branch: null });
    expect(publishScope(unitSecretary, undefined, known)).toEqual({ ok: true, branch: null });
    expect(publishScope(unitSecretary, null, known)).toEqual({ ok: true, branch: null });
  });

  it("sends a branch's secretary to their own branch, named or not", () => {
    expect(publishScope(firstSecretary, undefined, known)).toEqual({ ok: true, branch: '机关第一党支部' });
    expect(publishScope(firstSecretary, '机关第一党支部', known)).toEqual({ ok: true, branch: '机关第一党支部' });
  });

  it('lets an admin publish for any branch the roster names', () => {
    expect(publishScope(admin, '机关第二党支部', known)).toEqual({ ok: true, branch: '机关第二党支部' });
  });

  it('refuses a branch secretary another branch and the unit, and a unit secretary a branch (FORBIDDEN)', () => {
    expect(publishScope(firstSecretary, '机关第二党支部', known)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(publishScope(firstSecretary, null, known)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只能为本支部（机关第一党支部）发布晨读',
    });
    expect(publishScope(unitSecretary, '机关第一党支部', known)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a branch the roster does not name, whoever asks (RULE unknownBranch)', () => {
    for (const p of [admin, unitSecretary, firstSecretary]) {
      expect(publishScope(p, '机关第九党支部', known)).toMatchObject({
        ok: false,
        code: 'RULE',
        rule: 'unknownBranch',
      });
    }
    // A secretary whose own branch has no active member left on the roster has nowhere to publish.
    expect(publishScope(firstSecretary, undefined, new Set())).toMatchObject({ ok: false, rule: 'unknownBranch' });
  });

  it('lets the same people edit who may publish there', () => {
    expect(mayEdit(admin, '机关第二党支部')).toBe(true);
    expect(mayEdit(admin, null)).toBe(true);
    expect(mayEdit(firstSecretary, '机关第一党支部')).toBe(true);
    expect(mayEdit(firstSecretary, '机关第二党支部')).toBe(false);
    expect(mayEdit(firstSecretary, null)).toBe(false);
    expect(mayEdit(unitSecretary, null)).toBe(true);
    expect(mayEdit(unitSecretary, '机关第一党支部')).toBe(false);
  });
});

describe('which reading a member reads', () => {
  it("is their branch's, else the unit's", () => {
    expect(readingFor('branch', 'unit')).toBe('branch');
    expect(readingFor(null, 'unit')).toBe('unit');
    expect(readingFor(null, null)).toBeNull();
  });

  it("is never another branch's, except for an admin", () => {
    expect(readsScope(member, null)).toBe(true);
    expect(readsScope(member, '机关第二党支部')).toBe(true);
    expect(readsScope(member, '机关第一党支部')).toBe(false);
    expect(readsScope(unitSecretary, '机关第一党支部')).toBe(false);
    expect(readsScope(admin, '机关第二党支部')).toBe(true);
  });
});

describe('the order of branches', () => {
  it('counts 第二 before 第十 before 第十二, whatever else the names say', () => {
    const names = ['机关第十二党支部', '机关第二党支部', '离退休党支部', '机关第十党支部', '机关第一党支部'];
    expect([...names].sort(compareBranches)).toEqual([
      '机关第一党支部',
      '机关第二党支部',
      '机关第十党支部',
      '机关第十二党支部',
      '离退休党支部',
    ]);
  });
});
