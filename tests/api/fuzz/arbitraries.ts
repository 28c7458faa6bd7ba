import fc from 'fast-check';
import * as z from 'zod/v4/core';

/**
 * Valid-looking inputs from an action's zod schema: the fuzz breaks them afterwards, and a broken
 * input that started valid reaches deeper into the handler than random noise would. Only the kinds
 * the contract uses are mapped; anything else becomes `fc.anything()`.
 */

/** What no schema says: which records exist (so that ids hit real ones) and when "now" is. */
export interface Pools {
  /** Ids of real records that a field of this name may mean (every id when nothing tells). */
  idsFor(field: string): readonly string[];
  /** Texts from the store (staff numbers, names, departments), for fields that look records up. */
  words: readonly string[];
  now: Date;
}

/**
 * Which records a field means, read off the store itself rather than written down per action: the
 * values that documents hold under the same name (`roundId` in a nomination), and the records of a
 * table named like the field's last word (`nomineeStaffId`, `memberStaffIds` → staff). `skip`: ids
 * no fuzz may touch.
 */
export function poolsFrom(
  records: { table: string; doc: Record<string, unknown> }[],
  now: Date,
  skip: string[],
): Pools {
  const all: string[] = [];
  const byField = new Map<string, Set<string>>();
  const byTable = new Map<string, string[]>();
  for (const { table, doc } of records) {
    const id = doc._id;
    if (typeof id !== 'string' || skip.includes(id)) continue;
    all.push(id);
    byTable.set(table.toLowerCase(), [...(byTable.get(table.toLowerCase()) ?? []), id]);
    for (const [name, value] of Object.entries(doc)) {
      if (name.endsWith('Id') && typeof value === 'string' && !skip.includes(value)) {
        byField.set(name, (byField.get(name) ?? new Set()).add(value));
      }
    }
  }
  const words = records
    .filter((r) => r.table === 'staff')
    .flatMap((r) => [r.doc.staffNo, r.doc.name, r.doc.department].filter((w): w is string => typeof w === 'string'));
  return {
    idsFor(field) {
      const stem = field.replace(/Ids?$/, '');
      const word = (stem.match(/[A-Z]?[a-z]+$/)?.[0] ?? stem).toLowerCase();
      const plurals = [word, `${word}s`, `${word.replace(/y$/, 'ie')}s`];
      const tables = [...byTable].filter(([table]) => plurals.some((p) => table.endsWith(p)));
      const found = new Set([...(byField.get(`${stem}Id`) ?? []), ...tables.flatMap(([, ids]) => ids)]);
      return found.size > 0 ? [...found] : all;
    },
    words,
    now,
  };
}

type Check = z.$ZodChecks | z.$ZodCustom;
type Refine = (value: never) => unknown;

const DAY_MS = 86_400_000;
const DRAFTS = 10;

/** `field`: the name the value goes under (an array's elements go under the array's). */
export function inputArbitrary(schema: z.$ZodType, pools: Pools, field = ''): fc.Arbitrary<unknown> {
  const def = (schema as z.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'object': {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(def.shape)) shape[key] = inputArbitrary(value, pools, key);
      return preferValid(fc.record(shape), schema);
    }
    case 'string':
    case 'pipe': {
      const checks = stringChecks(schema);
      if (checks) return stringArbitrary(checks, def.type === 'string' ? pools.idsFor(field) : [], pools);
      return def.type === 'pipe' ? inputArbitrary(def.in, pools, field) : fc.string();
    }
    case 'number':
      return numberArbitrary(checksOf(def.checks));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries));
    case 'literal':
      return fc.constantFrom(...def.values);
    case 'array': {
      const { min, max } = lengths(checksOf(def.checks), 0, 10);
      const element = inputArbitrary(def.element, pools, field);
      return preferValid(fc.array(element, { minLength: min, maxLength: Math.min(max, min + 10) }), schema);
    }
    case 'optional':
    case 'default':
      return fc.option(inputArbitrary(def.innerType, pools, field), { nil: undefined });
    case 'nullable':
      return fc.option(inputArbitrary(def.innerType, pools, field), { nil: null });
    case 'union':
      return fc.oneof(...def.options.map((option) => inputArbitrary(option, pools, field)));
    default:
      return fc.anything();
  }
}

/**
 * Of a few drafts, the first the schema accepts (else the first): rules across fields (an end after
 * its start, distinct choices) are the schema's own refines, so the schema itself picks the draft.
 */
function preferValid(drafts: fc.Arbitrary<unknown>, schema: z.$ZodType): fc.Arbitrary<unknown> {
  if (((schema as z.$ZodTypes)._zod.def.checks ?? []).length === 0) return drafts;
  return fc
    .array(drafts, { minLength: DRAFTS, maxLength: DRAFTS })
    .map((list) => list.find((draft) => z.safeParse(schema, draft).success) ?? list[0]);
}

function checksOf(checks: readonly z.$ZodCheck<never>[] | undefined): Check[] {
  return (checks ?? []) as Check[];
}

/** The checks of a string, or of a pipe of strings and transforms (a cleaned text), merged; null if not text. */
function stringChecks(schema: z.$ZodType): Check[] | null {
  const def = (schema as z.$ZodTypes)._zod.def;
  if (def.type === 'string') return checksOf(def.checks);
  if (def.type !== 'pipe') return null;
  const before = stringChecks(def.in);
  if (!before) return null;
  const outType = (def.out as z.$ZodTypes)._zod.def.type;
  if (outType === 'transform') return before;
  const after = stringChecks(def.out);
  return after ? [...before, ...after] : null;
}

function lengths(checks: Check[], min: number, max: number): { min: number; max: number } {
  for (const check of checks) {
    const c = check._zod.def;
    if (c.check === 'min_length') min = Math.max(min, c.minimum);
    if (c.check === 'max_length') max = Math.min(max, c.maximum);
  }
  return { min, max };
}

/** The shapes a refine in the contract stands for, tried on a probe value: the refine tells which it is. */
function families(pools: Pools): [probe: string, arbitrary: fc.Arbitrary<string>][] {
  const around = (spanDays: number) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: -spanDays * DAY_MS, max: spanDays * DAY_MS }) },
      fc.integer({
        min: Date.UTC(2000, 0, 1) - pools.now.getTime(),
        max: Date.UTC(2099, 11, 31) - pools.now.getTime(),
      }),
    );
  const at = (offsetMs: number) => new Date(pools.now.getTime() + offsetMs);
  const instant = fc.tuple(around(60), fc.constantFrom('Z', '+08:00', '-05:00')).map(([offset, zone]) => {
    const hours = zone === 'Z' ? 0 : Number(zone.slice(0, 3));
    const local = new Date(at(offset).getTime() + hours * 3_600_000).toISOString().slice(0, 19);
    return `${local}${zone}`;
  });
  return [
    ['upload:0123456789abcdef01234567.jpg', fc.stringMatching(/^upload:[0-9a-f]{24}\.(jpg|png|webp)$/)],
    ['2026-03-02T09:00:00+08:00', instant],
    ['2026-03-02', around(90).map((offset) => at(offset).toISOString().slice(0, 10))],
    ['2026-03', around(400).map((offset) => at(offset).toISOString().slice(0, 7))],
    ['Asia/Shanghai', fc.constantFrom('Asia/Shanghai', 'UTC', 'Asia/Urumqi', 'America/New_York', 'Pacific/Kiritimati')],
  ];
}

function passes(fn: Refine, value: unknown): boolean {
  try {
    return Boolean(fn(value as never));
  } catch {
    return false;
  }
}

/** Letters as people type them: mostly Chinese, some ASCII and punctuation. */
const typed = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  fc.constantFrom('，', '。', '！', '　', '\n', ' '),
);

/** `records`: for a bare string, the ids it may mean. */
function stringArbitrary(checks: Check[], records: readonly string[], pools: Pools): fc.Arbitrary<string> {
  const { min, max } = lengths(checks, 0, 10_000);
  const fit = (s: string) => s.length >= min && s.length <= max;
  const refines: Refine[] = [];
  let pattern: RegExp | undefined;
  for (const check of checks) {
    const c = check._zod.def;
    if (c.check === 'custom') refines.push(c.fn);
    if (c.check === 'string_format' && c.pattern) pattern = c.pattern;
  }
  if (refines.length > 0) {
    const family = families(pools).find(([probe]) => refines.every((fn) => passes(fn, probe)));
    if (family) return family[1];
  }
  if (pattern) return fc.stringMatching(pattern).filter(fit);
  const known = pools.words.filter(fit);
  // A bare string with no rule is an id: mostly real ones, so that handlers get past "not found".
  const ids = records.filter(fit);
  if (ids.length > 0)
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.string({ minLength: min, maxLength: max }));
  const free = fc.string({ unit: typed, minLength: Math.max(min, 1), maxLength: max });
  const longest = fc.constant(`${'长'.repeat(Math.max(max - 1, 0))}文`.slice(0, max)).filter(fit);
  return known.length > 0
    ? fc.oneof({ weight: 4, arbitrary: free }, { weight: 1, arbitrary: fc.constantFrom(...known) }, longest)
    : fc.oneof({ weight: 4, arbitrary: free }, longest);
}

function numberArbitrary(checks: Check[]): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  const refines: Refine[] = [];
  for (const check of checks) {
    const c = check._zod.def;
    if (c.check === 'greater_than') min = Math.max(min, Number(c.value) + (c.inclusive ? 0 : 1e-9));
    if (c.check === 'less_than') max = Math.min(max, Number(c.value) - (c.inclusive ? 0 : 1e-9));
    if (c.check === 'number_format') integer = c.format.includes('int');
    if (c.check === 'custom') refines.push(c.fn);
  }
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // A refine that takes 0.5 and not 0.3 is the volunteer half-hour step.
  if (refines.some((fn) => passes(fn, 0.5) && !passes(fn, 0.3))) {
    return fc.integer({ min: Math.ceil(min * 2), max: Math.floor(max * 2) }).map((n) => n / 2);
  }
  return fc.double({ min, max, noNaN: true });
}
