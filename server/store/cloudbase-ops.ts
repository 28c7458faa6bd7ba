import type { MongoDoc } from './cloudbase-sdk';
import { REV_FIELD } from './cloudbase-keys';
import { assertField, isPlainObject } from './cloudbase-query';

/** Update ops (`set`, `inc`, `push`) for CloudBase, with the SQLite adapter's rules (sqlite-ops.ts). */

export interface OpsPlan {
  set: [string, unknown][];
  inc: [string, number][];
  push: [string, unknown][];
}

const KINDS = ['set', 'inc', 'push'] as const;

/**
 * Checks everything before any document is touched. A set to `undefined` is dropped (EJSON would
 * drop it anyway); a field may appear in one op only, as MongoDB demands.
 */
export function planOps(ops: unknown): OpsPlan {
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
 * The MongoDB update document: `$set` replaces whole values (nested objects included), `$inc` and
 * `$push` work on the stored document atomically, and `_cb_rev` always moves (see cloudbase-keys.ts).
 * Values are deep-copied so that later changes by the caller cannot reach what is sent.
 */
export function mongoUpdate(plan: OpsPlan, hiddenSet: Readonly<Record<string, string>> = {}): MongoDoc {
  const copy = (value: unknown): unknown => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
  const update: MongoDoc = { $inc: { [REV_FIELD]: 1, ...Object.fromEntries(plan.inc) } };
  const set = { ...Object.fromEntries(plan.set.map(([f, v]) => [f, copy(v)])), ...hiddenSet };
  if (Object.keys(set).length > 0) update.$set = set;
  if (plan.push.length > 0) {
    update.$push = Object.fromEntries(plan.push.map(([f, v]) => [f, { $each: [copy(v)] }]));
  }
  return update;
}

/**
 * The document after the update, computed locally (for the derived key fields and inside
 * transactions). Only a missing field counts as 0 or []: a stored null is refused, as MongoDB does.
 */
export function applyPlan(doc: MongoDoc, plan: OpsPlan): MongoDoc {
  const next: MongoDoc = { ...doc };
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
  return next;
}
