import type { RowProblem } from '@/core/people/roster-sheet';

/**
 * The bad rows of a file, to copy or download and fix in the sheet: one line each, 第 n 行 and the
 * reason. The download is a CSV with a byte-order mark, so that Excel opens it as UTF-8. Pure.
 */

export function problemsText(problems: readonly RowProblem[]): string {
  return problems.map((p) => `第 ${p.line} 行：${p.reason}`).join('\n');
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function problemsCsv(problems: readonly RowProblem[]): string {
  return `\uFEFF行号,原因\r\n${problems.map((p) => `${p.line},${quote(p.reason)}`).join('\r\n')}\r\n`;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 then base64, by hand: btoa takes Latin-1 only, and WeChat has no TextEncoder on older bases. */
export function utf8Base64(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}
