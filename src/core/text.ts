/**
 * Free text as people mean it. Typed or pasted text can carry characters that show nothing — zero-
 * width spaces and joiners, bidi controls, control characters, blank fillers — which let a required
 * field look filled while it is empty, and split a word so that a content check misses it. Every
 * text field of the contract cleans its value with `cleanText` before lengths are counted.
 */

// Zero-width characters and the word joiner, the byte-order mark, bidi marks and embeddings,
// blank "fillers" that render as nothing (Hangul fillers, the braille blank), soft hyphen.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- combining marks listed one by one on purpose
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0]/g;
// C0 and C1 control characters; the line break is handled apart, a tab becomes a space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Unpaired surrogate halves cannot be stored or shown.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * NFC, invisible and control characters removed, tabs as spaces, line breaks kept as `\n` where the
 * field is multi-line (else a space), trimmed. NFC and not NFKC: NFKC would turn the full-width
 * punctuation of Chinese text（，：？！）into ASCII; the content check matches on NFKC instead.
 */
export function cleanText(value: string, multiline = false): string {
  const text = value
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '');
  return (multiline ? text : text.replace(/\n+/g, ' ')).trim();
}

/** What a content check compares: the cleaned text in NFKC, so ｇａｍｂｌｅ and gamble are one word. */
export function matchingForm(value: string): string {
  return cleanText(value, true).normalize('NFKC');
}
