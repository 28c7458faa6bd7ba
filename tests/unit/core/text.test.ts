import { cleanText, matchingForm } from '../../../src/core/text';
import { text, longText } from '../../../src/core/contract/fields';

describe('cleanText', () => {
  it('removes what shows nothing: zero-width, bidi, control characters, fillers', () => {
    expect(cleanText('\u200B')).toBe('');
    expect(cleanText('\u200B'.repeat(10))).toBe('');
    expect(cleanText('\u0000')).toBe('');
    expect(cleanText('赌\u200B博')).toBe('赌博');
    expect(cleanText('\u202Eabc\u202C')).toBe('abc');
    expect(cleanText('\u3164\u2800 ')).toBe('');
    expect(cleanText('a\uD800b')).toBe('ab');
  });

  it('keeps Chinese punctuation and the text as typed (NFC, not NFKC)', () => {
    expect(cleanText('学习，要联系实际！（一）')).toBe('学习，要联系实际！（一）');
    expect(cleanText('e\u0301')).toBe('é');
  });

  it('keeps line breaks in multi-line fields only', () => {
    expect(cleanText('第一段\r\n第二段\r第三段', true)).toBe('第一段\n第二段\n第三段');
    expect(cleanText('标题\n换行')).toBe('标题 换行');
    expect(cleanText('a\tb')).toBe('a b');
  });

  it('matches on NFKC, so full-width letters are the same word', () => {
    expect(matchingForm('ｇａｍｂｌｅ')).toBe('gamble');
    expect(matchingForm('赌\u200B博')).toBe('赌博');
  });
});

describe('text fields of the contract', () => {
  it('count what is left and need a visible character', () => {
    expect(text('标题', 10).safeParse('\u200B').success).toBe(false);
    expect(text('标题', 10).safeParse(' \u200B\u200B\u3164 ').success).toBe(false);
    expect(text('标题', 3).safeParse('\u200B一二三\u200B').data).toBe('一二三');
    expect(longText('正文', 100, 5).safeParse('\u200B'.repeat(10)).success).toBe(false);
    expect(longText('正文', 100).safeParse('一\n二').data).toBe('一\n二');
  });

  it('refuse a raw value far beyond the limit before cleaning it', () => {
    expect(text('标题', 10).safeParse('\u200B'.repeat(100_000)).success).toBe(false);
  });
});
