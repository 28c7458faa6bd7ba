/**
 * MongoDB semantics for the CloudBase test double (cloudbase-double.ts): query matching, sort order
 * and update operators, over documents decoded from the SDK's EJSON. Only top-level fields, and the
 * operators the adapter sends plus their close relatives; anything else is refused the way the
 * service refuses an unknown operator, so that the adapter cannot come to rely on it unnoticed.
 * Written from MongoDB's documented behaviour, not from the adapter's code.
 */

export type MongoDoc = Record<string, unknown>;

export class MongoError extends Error {}

function isPlain(value: unknown): value is MongoDoc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** BSON comparison order of types: null (and missing) < numbers < strings < objects < arrays < booleans < dates. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  return 4;
}

export function compare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const c = compare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (isPlain(a) && isPlain(b)) {
    const ea = Object.entries(a);
    const eb = Object.entries(b);
    for (let i = 0; i < Math.min(ea.length, eb.length); i += 1) {
      const c = compare(ea[i][0], eb[i][0]) || compare(ea[i][1], eb[i][1]);
      if (c !== 0) return c;
    }
    return ea.length - eb.length;
  }
  return 0;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && (a === undefined) === (b === undefined) && compare(a, b) === 0;
}

function checkField(key: string): string {
  if (key.startsWith('$')) throw new MongoError(`unknown top level operator: ${key}`);
  if (key.includes('.')) throw new MongoError(`the double supports top-level fields only, got ${key}`);
  return key;
}

/** Equality as a query means it: null matches missing too; an array matches when an element equals. */
function equalsQuery(value: unknown, operand: unknown): boolean {
  if (operand === null && (value === null || value === undefined)) return true;
  if (deepEqual(value, operand)) return true;
  return Array.isArray(value) && value.some((element) => deepEqual(element, operand));
}

/** Range operators compare within one type only (MongoDB's type bracketing), elementwise on arrays. */
function rangeHolds(value: unknown, op: string, operand: unknown): boolean {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.some((candidate) => {
    if (typeRank(candidate) !== typeRank(operand)) return false;
    const c = compare(candidate, operand);
    return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
  });
}

function isOperatorObject(value: unknown): value is MongoDoc {
  return isPlain(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$'));
}

function fieldMatches(value: unknown, condition: unknown): boolean {
  if (!isOperatorObject(condition)) return equalsQuery(value, condition);
  return Object.entries(condition).every(([op, operand]) => {
    switch (op) {
      case '$eq':
        return equalsQuery(value, operand);
      case '$ne':
        return !equalsQuery(value, operand);
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        return rangeHolds(value, op, operand);
      case '$in':
      case '$nin': {
        if (!Array.isArray(operand)) throw new MongoError(`${op} needs an array`);
        const hit = operand.some((candidate) => equalsQuery(value, candidate));
        return op === '$in' ? hit : !hit;
      }
      case '$exists':
        return (value !== undefined) === Boolean(operand);
      case '$not':
        if (!isOperatorObject(operand)) throw new MongoError('$not needs an operator object');
        return !fieldMatches(value, operand);
      case '$elemMatch':
        if (!isPlain(operand)) throw new MongoError('$elemMatch needs an object');
        return (
          Array.isArray(value) &&
          value.some((element) =>
            isOperatorObject(operand) ? fieldMatches(element, operand) : isPlain(element) && matches(element, operand),
          )
        );
      default:
        throw new MongoError(`unknown operator: ${op}`);
    }
  });
}

export function matches(doc: MongoDoc, query: MongoDoc): boolean {
  return Object.entries(query).every(([key, condition]) => {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(condition) || condition.length === 0) throw new MongoError(`${key} must be a nonempty array`);
      const results = condition.map((sub: unknown) => {
        if (!isPlain(sub)) throw new MongoError(`${key} entries must be objects`);
        return matches(doc, sub);
      });
      if (key === '$and') return results.every(Boolean);
      return key === '$or' ? results.some(Boolean) : !results.some(Boolean);
    }
    return fieldMatches(doc[checkField(key)], condition);
  });
}

export function sortDocs(docs: MongoDoc[], order: MongoDoc): MongoDoc[] {
  const keys = Object.entries(order).map(([field, direction]) => {
    if (direction !== 1 && direction !== -1) throw new MongoError(`bad sort direction for ${field}`);
    return [checkField(field), direction] as const;
  });
  // Array.prototype.sort is stable: ties keep natural (insertion) order, as a collection scan would.
  return [...docs].sort((a, b) => {
    for (const [field, direction] of keys) {
      const c = compare(a[field], b[field]);
      if (c !== 0) return c * direction;
    }
    return 0;
  });
}

/** Applies an operator update to a copy of the document; MongoDB's errors for bad targets. */
export function applyUpdate(doc: MongoDoc, update: MongoDoc): MongoDoc {
  const next: MongoDoc = structuredClone(doc);
  const seen = new Set<string>();
  const ops = Object.entries(update);
  if (ops.length === 0 || !ops.every(([op]) => op.startsWith('$'))) {
    throw new MongoError('the double supports operator updates only');
  }
  for (const [op, fields] of ops) {
    if (!isPlain(fields)) throw new MongoError(`${op} needs an object`);
    for (const [rawField, operand] of Object.entries(fields)) {
      const field = checkField(rawField);
      if (seen.has(field)) throw new MongoError(`Updating the path '${field}' would create a conflict at '${field}'`);
      seen.add(field);
      if (field === '_id' && (op !== '$set' || !deepEqual(operand, doc._id))) {
        throw new MongoError("Performing an update on the path '_id' would modify the immutable field '_id'");
      }
      if (op === '$set') next[field] = structuredClone(operand);
      else if (op === '$unset') delete next[field];
      else if (op === '$inc') {
        const current = next[field] ?? (field in next ? null : 0);
        if (typeof current !== 'number' || typeof operand !== 'number') {
          throw new MongoError(
            `Cannot apply $inc to a value of non-numeric type. {_id: ${String(doc._id)}} has the field '${field}' of non-numeric type`,
          );
        }
        next[field] = current + operand;
      } else if (op === '$push') {
        const current = next[field] === undefined ? [] : next[field];
        if (!Array.isArray(current))
          throw new MongoError(`The field '${field}' must be an array but is of another type`);
        const each = isPlain(operand) && Array.isArray(operand.$each) ? operand.$each : [operand];
        next[field] = [...current, ...structuredClone(each)];
      } else throw new MongoError(`Unknown modifier: ${op}`);
    }
  }
  return next;
}
