import fc from 'fast-check';
import { RawJson } from './json-text';

/** What the mutations put in: the values, keys, characters and dates that break inputs. */

/** Values of every JSON type and some no JS value stringifies to. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    2 ** 53 + 1,
    '',
    ' ',
    '0',
    'null',
    '[]',
    [],
    {},
    [null],
    ['x'],
    { '': null },
    new RawJson('-0'),
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('1e-400'),
    new RawJson('{"$gt":""}'),
    new RawJson('{"$ne":null}'),
    new RawJson('{"__proto__":{"admin":true}}'),
    new RawJson('{"constructor":{"prototype":{"polluted":true}}}'),
    new RawJson('"\\ud800"'),
    new RawJson('"\\u0000"'),
  ),
  fc.anything({ maxDepth: 2 }),
);

/** Not JSON at all, anywhere in the body: the whole body is then malformed. */
export const notJson = fc.constantFrom(
  ...['{', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '\uFEFF{}', '{"a":1}{"b":2}', '[1,]', '"\\x41"', '01'].map(
    (text) => new RawJson(text),
  ),
);

export const pollutingKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'),
  fc.constantFrom('$where', '$gt', '_id', 'openid', 'staffId', 'roles', 'admin', '', ' ', 'a.b', 'x'.repeat(1000)),
  fc.string(),
);

/** Lone surrogates, zero-width, bidi controls, control characters, combining floods, emoji sequences. */
export const HOSTILE_CHARS = [
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u034F',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u0000',
  '\u0008',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0301'.repeat(100),
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  'ｔｅｓｔ',
  '\u200B'.repeat(500),
  '\u202E'.repeat(50),
];

/** Days and instants that are well-formed text but no real time, or out of every range. */
export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2025-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-00-00',
  '9999-99-99',
  '2026-2-3',
  '20260302',
  '1999-12-31',
  '2100-01-01',
  '2026-13',
  '2026-00',
  '0000-01',
  '２０２６-０３-０２',
  '2026-03-02T24:00:00Z',
  '2026-03-02T23:60:00+08:00',
  '2026-02-30T09:00:00+08:00',
  '2026-03-02T09:00:00+24:00',
  '2026-03-02T09:00:00',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999Z',
  '2026-03-02 09:00:00+08:00',
  '2026-03-02T09:00:00.1234Z',
  'Invalid Date',
  '2026-03-02T09:00:00Z\u200B',
];
