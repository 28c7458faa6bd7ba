import type { Scalar } from '../port';
import type { MongoDoc } from './sdk';
import { HIDDEN_PREFIX } from './keys';
import { assertStoreField, isPlainObject } from '../ops';

/**
 * The port's filters, sorts and paging, checked and turned into MongoDB queries for CloudBase, with
 * the SQLite adapter's semantics (the Store contract): equality never crosses types, null matches
 * null or missing, `ne` matches missing, ranges stay within numbers or within strings. MongoDB
 * brackets types the same way, but it also matches a scalar condition against any element of an
 * array field (`{ group: 'x' }` matches `group: ['x']`); each condition therefore also says
 * "not an array holding such an element" (`$not: { $elemMatch: … }`), which never stops an index on
 * the field from serving the query.
 */

/** The store's field rule, and never the adapter's hidden fields. */
export function assertField(name: string): string {
  assertStoreField(name);
  if (name.startsWith(HIDDEN_PREFIX))
    throw new Error(`invalid field name ${JSON.stringify(name)}: reserved by the adapter`);
  return name;
}

/** A document to insert: a plain object with a non-empty string `_id` and storable top-level names. */
export function checkDocument(doc: unknown): asserts doc is Record<string, unknown> & { _id: string } {
  if (!isPlainObject(doc)) throw new Error('insert: the document must be a plain object');
  if (typeof doc._id !== 'string' || doc._id === '') throw new Error('insert: _id must be a non-empty string');
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$') || key.includes('.') || key.startsWith(HIDDEN_PREFIX)) {
      throw new Error(`insert: field name ${JSON.stringify(key)} cannot be stored`);
    }
  }
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export type Cond =
  | { field: string; op: 'eq' | 'ne'; value: Scalar }
  | { field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  | { field: string; op: 'in'; value: readonly Scalar[] };

function finiteScalar(field: string, op: string, value: unknown): Scalar {
  if (!isScalar(value)) throw new Error(`filter on ${field}: ${op} takes a scalar`);
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`filter on ${field}: ${value} is not finite`);
  return value;
}

function cond(field: string, op: string, operand: unknown): Cond {
  if (operand === undefined) throw new Error(`filter on ${field}: ${op} is undefined`);
  switch (op) {
    case 'eq':
    case 'ne':
      return { field, op, value: finiteScalar(field, op, operand) };
    case 'in':
      if (!Array.isArray(operand)) throw new Error(`filter on ${field}: in takes an array`);
      return { field, op, value: operand.map((v: unknown) => finiteScalar(field, op, v)) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const value = finiteScalar(field, op, operand);
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw new Error(`filter on ${field}: ${op} takes a string or a number`);
      }
      return { field, op, value };
    }
    default:
      throw new Error(`unknown filter operator ${JSON.stringify(op)} on ${field}`);
  }
}

/**
 * Checks a filter completely before anything is sent. An undefined value is refused rather than
 * skipped: skipping it would silently widen an update or remove to every document.
 */
export function parseFilter(filter: unknown): Cond[] {
  if (!isPlainObject(filter)) throw new Error('filter must be a plain object');
  const conds: Cond[] = [];
  for (const [field, value] of Object.entries(filter)) {
    assertField(field);
    if (value === undefined) throw new Error(`filter on ${field} is undefined`);
    if (isScalar(value)) {
      conds.push(cond(field, 'eq', value));
      continue;
    }
    if (!isPlainObject(value)) throw new Error(`filter on ${field}: expected a scalar or an operator object`);
    const ops = Object.entries(value);
    if (ops.length === 0) throw new Error(`filter on ${field}: empty condition`);
    for (const [op, operand] of ops) conds.push(cond(field, op, operand));
  }
  return conds;
}

/** `_id` is never an array in MongoDB, so its conditions need no array guard. */
function guarded(field: string, op: string, value: unknown): MongoDoc {
  const test = { [op]: value };
  return { [field]: field === '_id' ? test : { ...test, $not: { $elemMatch: test } } };
}

function equalsClause(field: string, value: Scalar): MongoDoc {
  if (value !== null) return guarded(field, '$eq', value);
  return { $or: [guarded(field, '$eq', null), { [field]: { $exists: false } }] };
}

function clause(c: Cond): MongoDoc {
  switch (c.op) {
    case 'eq':
      return equalsClause(c.field, c.value);
    case 'ne':
      return { $nor: [equalsClause(c.field, c.value)] };
    case 'in':
      return c.value.length === 0 ? { _id: { $in: [] } } : { $or: c.value.map((v) => equalsClause(c.field, v)) };
    default:
      return guarded(c.field, `$${c.op}`, c.value);
  }
}

/** The MongoDB query for the conditions (never empty: CloudBase may refuse a bare multi-write). */
export function mongoQuery(conds: readonly Cond[], extra: readonly MongoDoc[] = []): MongoDoc {
  const clauses = [...conds.map(clause), ...extra];
  return clauses.length === 0 ? { _id: { $exists: true } } : { $and: clauses };
}

function sameScalar(actual: unknown, value: Scalar): boolean {
  if (value === null) return actual === null || actual === undefined;
  return typeof actual === typeof value && actual === value;
}

/** The same semantics evaluated on a document in hand (inside transactions, which cannot query). */
export function matchesLocally(doc: MongoDoc, conds: readonly Cond[]): boolean {
  return conds.every((c) => {
    const actual = doc[c.field];
    switch (c.op) {
      case 'eq':
        return sameScalar(actual, c.value);
      case 'ne':
        return !sameScalar(actual, c.value);
      case 'in':
        return c.value.some((v) => sameScalar(actual, v));
      default: {
        if (typeof actual !== typeof c.value) return false;
        const a = actual as string | number;
        if (c.op === 'gt') return a > c.value;
        if (c.op === 'gte') return a >= c.value;
        if (c.op === 'lt') return a < c.value;
        return a <= c.value;
      }
    }
  });
}

export function parseSort(sort: unknown): [string, 'asc' | 'desc'][] {
  if (sort === undefined) return [];
  if (!isPlainObject(sort)) throw new Error('sort must be a plain object');
  return Object.entries(sort).map(([field, direction]) => {
    assertField(field);
    if (direction !== 1 && direction !== -1) throw new Error(`sort on ${field}: direction must be 1 or -1`);
    return [field, direction === 1 ? 'asc' : 'desc'];
  });
}
