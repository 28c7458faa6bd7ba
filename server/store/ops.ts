import { DEFAULT_LIMIT, MAX_LIMIT } from './port';

/**
 * What both adapters check the same way: field names, update ops (`set`, `inc`, `push`) and paging.
 * Checked once, before any document is touched, so that a bad op changes nothing on either store.
 */

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Only plain top-level identifiers: SQLite puts them inside JSON paths (literals, to match its
 * expression indexes) and MongoDB reads dots and `$` as operators. `__proto__` passes the pattern
 * but would reach the prototype when ops are applied in JavaScript.
 */
export function assertStoreField(name: string): string {
  if (!FIELD.test(name) || name === '__proto__') {
    throw new Error(`invalid field name ${JSON.stringify(name)}: only top-level [A-Za-z_][A-Za-z0-9_]* fields`);
  }
  return name;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export interface OpsPlan {
  set: [string, unknown][];
  inc: [string, number][];
  push: [string, unknown][];
}

const KINDS = ['set', 'inc', 'push'] as const;

/**
 * Checks everything before any document is touched. A set to `undefined` is dropped rather than
 * stored, because JSON (and CloudBase's EJSON) would drop it anyway: it changes nothing. A field may
 * appear in one op only, as MongoDB demands, so that the outcome never depends on op order.
 */
export function planOps(ops: unknown, assertField: (name: string) => string = assertStoreField): OpsPlan {
  if (!isPlainObject(ops)) throw new Error('update ops must be a plain object');
  const plan: OpsPlan = { set: [], inc: [], push: [] };
  const seen = new Set<string>();
  for (const [kind, fields] of Object.entries(ops)) {
    if (!(KINDS as readonly string[]).includes(kind)) throw new Error(`unknown update op ${JSON.stringify(kind)}`);
    if (fields === undefined) continue;
    if (!isPlainObject(fields)) throw new Error(`update op ${kind} must be a plain object`);
    for (const [field, value] of Object.entries(fields)) {
      assertField(field);
      if (field === '_id') throw new Error('_id cannot be updated');
      if (seen.has(field)) throw new Error(`field ${field} appears in more than one update op`);
      seen.add(field);
      if (kind === 'set') {
        if (value !== undefined) plan.set.push([field, value]);
      } else if (kind === 'inc') {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`inc ${field}: not a finite number`);
        plan.inc.push([field, value]);
      } else {
        if (value === undefined) throw new Error(`push ${field}: undefined`);
        plan.push.push([field, value]);
      }
    }
  }
  return plan;
}

export function isEmptyPlan(plan: OpsPlan): boolean {
  return plan.set.length === 0 && plan.inc.length === 0 && plan.push.length === 0;
}

/** The fields an update writes. */
export function writtenFields(plan: OpsPlan): Set<string> {
  return new Set([...plan.set, ...plan.inc, ...plan.push].map(([field]) => field));
}

/**
 * The document after the update (a shallow copy; the input is left alone). Only a missing field
 * counts as 0 or []: a stored null is refused, as MongoDB does.
 */
export function applyPlan<D extends Record<string, unknown>>(doc: D, plan: OpsPlan): D {
  const next: Record<string, unknown> = { ...doc };
  for (const [field, value] of plan.set) next[field] = value;
  for (const [field, by] of plan.inc) {
    const current = next[field] === undefined ? 0 : next[field];
    if (typeof current !== 'number') throw new Error(`inc ${field}: the stored value is not a number`);
    next[field] = current + by;
  }
  for (const [field, value] of plan.push) {
    const current = next[field] === undefined ? [] : next[field];
    if (!Array.isArray(current)) throw new Error(`push ${field}: the stored value is not an array`);
    next[field] = [...(current as unknown[]), value];
  }
  return next as D;
}

/** The port's paging: limit 1..MAX_LIMIT (default DEFAULT_LIMIT, as CloudBase), skip ≥ 0. */
export function parsePage(options: { limit?: unknown; skip?: unknown }): { limit: number; skip: number } {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const skip = options.skip ?? 0;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${String(limit)}`);
  }
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0) {
    throw new RangeError(`skip must be a non-negative integer, got ${String(skip)}`);
  }
  return { limit, skip };
}
