import { assertField, isPlainObject } from './sqlite-filter';

/** Update ops (`set`, `inc`, `push`), checked once and then applied to each matched document. */

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

/**
 * Applies the plan to a freshly parsed document (mutated in place; it is ours alone). Only a missing
 * field counts as 0 or []: a stored null is refused, as MongoDB does.
 */
export function applyOps(doc: Record<string, unknown>, plan: OpsPlan): void {
  for (const [field, value] of plan.set) doc[field] = value;
  for (const [field, by] of plan.inc) {
    const current = doc[field] === undefined ? 0 : doc[field];
    if (typeof current !== 'number') throw new Error(`inc ${field}: the stored value is not a number`);
    doc[field] = current + by;
  }
  for (const [field, value] of plan.push) {
    const current = doc[field] === undefined ? [] : doc[field];
    if (!Array.isArray(current)) throw new Error(`push ${field}: the stored value is not an array`);
    doc[field] = [...current, value];
  }
}
