import type { MongoDoc } from './sdk';
import { REV_FIELD } from './keys';
import type { OpsPlan } from '../ops';

/** Update ops (`set`, `inc`, `push`, checked by ops.ts) as a MongoDB update document. */

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
