/** A member's party branch, or null for none (an empty roster cell is none). */
export function branchOf(member: { branch?: string } | null): string | null {
  return member?.branch?.trim() || null;
}

const DIGITS = '〇一二三四五六七八九';

/** 一 … 九十九 as a number (第十二党支部 → 12). */
function numeral(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) return [...text].reduce((n, c) => n * 10 + DIGITS.indexOf(c), 0);
  const tens = ten === 0 ? 1 : DIGITS.indexOf(text[ten - 1]);
  const ones = ten === text.length - 1 ? 0 : DIGITS.indexOf(text[ten + 1]);
  return tens * 10 + ones;
}

/** Branches in the order a unit counts them: 第二 before 第十, then as Chinese sorts. */
export function compareBranches(a: string, b: string): number {
  const key = (s: string) => s.replace(/[〇一二三四五六七八九十]+/g, (m) => String(numeral(m)).padStart(3, '0'));
  return key(a).localeCompare(key(b), 'zh');
}
