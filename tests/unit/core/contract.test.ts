import { contract } from '../../../src/core/contract';
import { DEFAULT_SETTINGS, settingsSchema, windowProblem } from '../../../src/core/settings/schema';

describe('the shared contract', () => {
  it('names the actions of DESIGN.md §4 that this build implements', () => {
    expect(Object.keys(contract)).toEqual(
      expect.arrayContaining([
        'session.me',
        'staff.bind',
        'staff.search',
        'staff.import',
        'staff.list',
        'staff.setRoles',
        'staff.unbind',
        'staff.deactivate',
        'settings.get',
        'settings.update',
        'calendar.set',
        'dev.login',
        'dev.clock.set',
        'dev.clock.reset',
      ]),
    );
  });

  it('normalizes staff numbers and rejects hostile ones with Chinese messages', () => {
    const bind = contract['staff.bind'].input;
    expect(bind.parse({ staffNo: ' t0001 ', name: ' 李明 ' })).toEqual({ staffNo: 'T0001', name: '李明' });
    const bad = bind.safeParse({ staffNo: 'T0001;DROP', name: '李明' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/工号只能包含/);
  });

  it('caps every free text', () => {
    const bind = contract['staff.bind'].input;
    expect(bind.safeParse({ staffNo: 'T1', name: '名'.repeat(33) }).success).toBe(false);
    expect(contract['staff.search'].input.safeParse({ q: 'x'.repeat(33) }).success).toBe(false);
  });

  it('local-only actions are marked so that the cloud bundle leaves them out', () => {
    const local = Object.entries(contract).filter(([, d]) => 'local' in d && d.local);
    expect(local.map(([name]) => name).sort()).toEqual([
      'dev.clock.reset',
      'dev.clock.set',
      'dev.identities',
      'dev.login',
    ]);
  });
});

describe('settings', () => {
  it('defaults are valid and as DESIGN.md §5 says', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(windowProblem(DEFAULT_SETTINGS)).toBeNull();
  });

  it('a window must open before it closes', () => {
    expect(windowProblem({ readingWindowStart: '09:30', readingWindowEnd: '09:30' })).toMatch(/早于/);
  });
});
