import type { CollectionSpec, Doc } from '../port';
import type { MongoDoc } from './sdk';

/**
 * Unique keys on CloudBase, and the adapter's hidden bookkeeping fields.
 *
 * A MongoDB unique index treats a missing field as null and null as a value, so a plain unique
 * index on `openid` would let only one unbound staff member exist, and a compound one on
 * (staffId, day) would clash for documents missing `day`. The port says such documents are not
 * constrained. CloudBase's console creates plain (not partial) indexes, so the adapter stores, per
 * unique key, a derived field that the console's unique index is put on instead:
 *   `_cb_uk_<f1>__<f2>` = JSON of the key's values when all are present and not null, else `#<_id>`,
 * which is unique per document by construction (a JSON array never starts with '#').
 *
 * `_cb_rev` counts writes to the document. Every update increments it, so that CloudBase's
 * `stats.updated` (MongoDB's modified count: 0 when the new values equal the old ones) always equals
 * the number of matched documents, as the port promises; and it lets the adapter update one document
 * optimistically (only if `_cb_rev` is still what it read).
 *
 * Both live under the reserved prefix `_cb_`: callers cannot filter, sort or write such fields, and
 * every document handed out has them stripped.
 */

export const HIDDEN_PREFIX = '_cb_';
export const REV_FIELD = '_cb_rev';

export interface KeyPlan {
  /** The key as the port names it in DuplicateError: 'staffId,day'. */
  name: string;
  fields: readonly string[];
  /** The derived field the unique index covers: '_cb_uk_staffId__day'. */
  field: string;
  /** The index name we tell operators to give it in the console: 'cb_uk_staffId__day'. */
  index: string;
}

export function keyPlans(spec: CollectionSpec): KeyPlan[] {
  return (spec.unique ?? []).map((fields) => {
    if (fields.length === 0) throw new Error('empty unique key');
    const field = `${HIDDEN_PREFIX}uk_${fields.join('__')}`;
    return { name: fields.join(','), fields, field, index: field.slice(1) };
  });
}

export function keyValue(plan: KeyPlan, doc: MongoDoc, id: string): string {
  const values = plan.fields.map((f) => doc[f]);
  if (values.some((v) => v === undefined || v === null)) return `#${id}`;
  return JSON.stringify(values);
}

/** Whether a derived value stands for a real key (rather than "not constrained"). */
export function isRealKey(value: string): boolean {
  return !value.startsWith('#');
}

/** The stored form of a document: the caller's fields plus the hidden ones. */
export function storedForm(doc: MongoDoc & Doc, plans: readonly KeyPlan[]): MongoDoc {
  const stored: MongoDoc = { ...doc, [REV_FIELD]: 0 };
  for (const plan of plans) stored[plan.field] = keyValue(plan, doc, doc._id);
  return stored;
}

/** The caller's view of a stored document: hidden fields removed. */
export function callerForm(raw: unknown): Doc {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('CloudBase returned something that is not a document');
  }
  const doc: MongoDoc = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(HIDDEN_PREFIX)) doc[key] = value;
  }
  if (typeof doc._id !== 'string') throw new Error('CloudBase returned a document without a string _id');
  return doc as MongoDoc & Doc;
}

/** The key a duplicate-key error names, from the index or field it mentions ('_id' if that one). */
export function duplicateKeyName(text: string, plans: readonly KeyPlan[]): string {
  // Longest first, so that the key (staffId) does not claim an error about (staffId, day).
  const byLength = [...plans].sort((a, b) => b.index.length - a.index.length);
  for (const plan of byLength) {
    if (new RegExp(`(^|[^A-Za-z0-9_])_?${plan.index}(_1)?([^A-Za-z0-9_]|$)`).test(text)) return plan.name;
  }
  if (/index: _id_|dup key: \{ _id:/.test(text)) return '_id';
  return plans.length === 0 ? '_id' : 'unknown';
}

export interface ConsoleIndex {
  collection: string;
  name: string;
  fields: readonly string[];
  unique: boolean;
}

/**
 * The indexes to create in the CloudBase console for these specs (docs/cloudbase.md): one unique
 * index per unique key on its derived field, and plain indexes for the spec's `indexes` and for the
 * unique keys' own fields (which queries filter on, e.g. staff by openid).
 */
export function consoleIndexes(specs: Record<string, CollectionSpec>): ConsoleIndex[] {
  const out: ConsoleIndex[] = [];
  for (const [collection, spec] of Object.entries(specs)) {
    for (const plan of keyPlans(spec)) {
      out.push({ collection, name: plan.index, fields: [plan.field], unique: true });
    }
    for (const fields of [...(spec.unique ?? []), ...(spec.indexes ?? [])]) {
      out.push({ collection, name: `ix_${fields.join('__')}`, fields, unique: false });
    }
  }
  return out;
}
