import { hasAnyRole, normalizeRoles } from '../../../src/core/roles';

describe('roles', () => {
  it('always include staff, in a fixed order, without duplicates', () => {
    expect(normalizeRoles(['admin', 'secretary', 'admin'])).toEqual(['staff', 'secretary', 'admin']);
    expect(normalizeRoles([])).toEqual(['staff']);
  });

  it('admin may do everything; others need one of the required roles', () => {
    expect(hasAnyRole(['staff', 'admin'], ['organizer'])).toBe(true);
    expect(hasAnyRole(['staff', 'secretary'], ['organizer'])).toBe(false);
    expect(hasAnyRole(['staff', 'secretary'], ['organizer', 'secretary'])).toBe(true);
    expect(hasAnyRole(['staff'], [])).toBe(true);
    expect(hasAnyRole([], ['admin'])).toBe(false);
  });
});
