import { staffBindInput } from '../../../src/core/people/contract';
import { bindFormCheck } from '../../../src/core/people/rules';
import { issuesToFieldErrors } from '../../../src/features/forms/issues';

/**
 * The bind form checks by pure rules so that the main package carries no schema library; the
 * contract's schema stays the judge on the server. Both must say the same thing about every input,
 * or a person would pass the form and be refused after pressing 绑定 (or the reverse).
 */
const FORMS: [string, string][] = [
  ['', ''],
  ['   ', '孙丽'],
  [' t0031 ', '孙丽'],
  ['T 00!', '孙丽'],
  ['T0031', ''],
  ['T0031', '\u200b\u200b'],
  ['T0031', ' 孙\u200b丽 '],
  ['A'.repeat(32), '名'.repeat(32)],
  ['A'.repeat(33), '名'.repeat(33)],
  ['t_0-31', 'Ａ'],
];

test.each(FORMS)('staff number %j and name %j: the form says what the schema says', (staffNo, name) => {
  const form = bindFormCheck({ staffNo, name });
  const parsed = staffBindInput.safeParse({ staffNo, name });
  if (parsed.success) {
    expect(form).toEqual({ input: parsed.data, errors: {} });
  } else {
    expect(form.errors).toEqual(issuesToFieldErrors(parsed.error.issues));
  }
});
