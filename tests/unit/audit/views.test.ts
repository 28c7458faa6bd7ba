import { AUDIT_ACTION_LABELS, actionLabel, auditWhen, targetText } from '../../../src/core/audit/views';
import { auditListInput } from '../../../src/core/audit/contract';
import { contract } from '../../../src/core/contract';

describe('audit labels', () => {
  it('name every privileged write of the contract in Chinese', () => {
    const writes = Object.entries(contract)
      .filter(([, def]) => def.write)
      .map(([name]) => name);
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((name) => !AUDIT_ACTION_LABELS[name])).toEqual([]);
    expect(Object.values(AUDIT_ACTION_LABELS).every((label) => /[\u4e00-\u9fa5]/.test(label))).toBe(true);
  });

  it('show an unknown action as it was written', () => {
    expect(actionLabel('calendar.set')).toBe('设置工作日历');
    expect(actionLabel('legacy.thing')).toBe('legacy.thing');
  });

  it('say what the target is', () => {
    expect(targetText('date:2026-10-01')).toBe('日期 2026-10-01');
    expect(targetText('honorRound:r1:voting->publicity')).toBe('评选 r1:voting->publicity');
    expect(targetText('unit')).toBe('全单位');
    expect(targetText('something:x')).toBe('something:x');
    expect(targetText(undefined)).toBe('—');
  });

  it("give the time on the unit's clock, not the server's UTC", () => {
    expect(auditWhen('2026-09-30T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-10-01 00:30');
    expect(auditWhen('2026-09-30T16:30:00.000Z', 'UTC')).toBe('2026-09-30 16:30');
  });
});

describe('audit.list input', () => {
  it('takes well-formed action names, refuses others and unknown fields', () => {
    expect(auditListInput.safeParse({ action: 'staff.bindCode.issue', actorId: 'x', page: 2 }).success).toBe(true);
    expect(auditListInput.safeParse({}).success).toBe(true);
    for (const input of [
      { action: `a.${'b'.repeat(70)}` },
      { action: 'DROP TABLE' },
      { action: 'calendar' },
      { action: 3 },
      { actorId: '' },
      { page: 0 },
      { sort: 'at' },
    ]) {
      expect([input, auditListInput.safeParse(input).success]).toEqual([input, false]);
    }
  });
});
