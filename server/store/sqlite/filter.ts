import { assertStoreField as assertField, isPlainObject, parsePage } from '../ops';

/** Filter, sort and paging → SQL for the SQLite adapter. Values are always bound, never spliced. */

export type Param = string | number | null;

export interface SqlPart {
  sql: string;
  params: Param[];
}

/**
 * The SQL for a field's value. Index definitions and queries both come from here, because SQLite
 * uses an expression index only when the query spells the expression exactly the same way.
 */
export function valueSql(field: string): string {
  assertField(field);
  return field === '_id' ? '_id' : `json_extract(doc, '$.${field}')`;
}

/** json_type of the field: tells true from 1 and a string from an array's JSON text. */
function typeSql(field: string): string {
  return field === '_id' ? `'text'` : `json_type(doc, '$.${field}')`;
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function finite(value: number, field: string): number {
  if (!Number.isFinite(value)) throw new Error(`filter on ${field}: ${value} is not a finite number`);
  return value;
}

/** Equality with the JSON type checked too, so that `true` never equals 1 nor 'x' equals ["x"]. */
function equals(field: string, value: Scalar, params: Param[]): string {
  const v = valueSql(field);
  const t = typeSql(field);
  if (value === null) return `${v} IS NULL`;
  if (typeof value === 'boolean') {
    params.push(value ? 1 : 0, value ? 'true' : 'false');
    return `(${v} = ? AND ${t} = ?)`;
  }
  if (typeof value === 'number') {
    params.push(finite(value, field));
    return `(${v} = ? AND ${t} IN ('integer', 'real'))`;
  }
  params.push(value);
  return `(${v} = ? AND ${t} = 'text')`;
}

/** Ranges stay within one type, as in MongoDB: a number bound never matches a string. */
function range(field: string, op: string, operand: unknown, params: Param[]): string {
  const sqlOp = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
  if (sqlOp === undefined) throw new Error(`unknown filter operator ${JSON.stringify(op)} on ${field}`);
  const t = typeSql(field);
  if (typeof operand === 'number') {
    params.push(finite(operand, field));
    return `(${valueSql(field)} ${sqlOp} ? AND ${t} IN ('integer', 'real'))`;
  }
  if (typeof operand === 'string') {
    params.push(operand);
    return `(${valueSql(field)} ${sqlOp} ? AND ${t} = 'text')`;
  }
  throw new Error(`filter on ${field}: ${op} takes a string or a number`);
}

function oneOf(field: string, operand: unknown, params: Param[]): string {
  if (!Array.isArray(operand)) throw new Error(`filter on ${field}: in takes an array`);
  const values: unknown[] = operand;
  if (values.length === 0) return '0';
  const alternatives = values.map((value) => {
    if (!isScalar(value)) throw new Error(`filter on ${field}: in takes scalars only`);
    return equals(field, value, params);
  });
  return `(${alternatives.join(' OR ')})`;
}

function condition(field: string, op: string, operand: unknown, params: Param[]): string {
  if (operand === undefined) throw new Error(`filter on ${field}: ${op} is undefined`);
  switch (op) {
    case 'eq':
    case 'ne': {
      if (!isScalar(operand)) throw new Error(`filter on ${field}: ${op} takes a scalar`);
      if (op === 'eq') return equals(field, operand, params);
      // A missing or null field is "different" from any value, as in MongoDB.
      if (operand === null) return `${valueSql(field)} IS NOT NULL`;
      return `(${valueSql(field)} IS NULL OR NOT ${equals(field, operand, params)})`;
    }
    case 'in':
      return oneOf(field, operand, params);
    default:
      return range(field, op, operand, params);
  }
}

/**
 * WHERE clause for a filter. An undefined value is refused rather than skipped: skipping it would
 * silently widen an update or remove to every document.
 */
export function whereSql(filter: unknown): SqlPart {
  if (!isPlainObject(filter)) throw new Error('filter must be a plain object');
  const parts: string[] = [];
  const params: Param[] = [];
  for (const [field, value] of Object.entries(filter)) {
    assertField(field);
    if (value === undefined) throw new Error(`filter on ${field} is undefined`);
    if (isScalar(value)) {
      parts.push(equals(field, value, params));
      continue;
    }
    if (!isPlainObject(value)) throw new Error(`filter on ${field}: expected a scalar or an operator object`);
    const ops = Object.entries(value);
    if (ops.length === 0) throw new Error(`filter on ${field}: empty condition`);
    for (const [op, operand] of ops) parts.push(condition(field, op, operand, params));
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/**
 * ORDER BY for a sort spec. Ties fall back to `tie` (rowid: insertion order; a WITHOUT ROWID table
 * has none and uses its key, _id) in the direction of the last key, so that paging is stable and a
 * single-field index still serves the whole ordering.
 * Mixed types order as SQLite does: missing/null, then numbers (booleans as 0/1 among them), then
 * strings; MongoDB would put booleans after strings. Keep one type per field and it never shows.
 */
export function orderSql(sort: unknown, tie: 'rowid' | '_id' = 'rowid'): string {
  if (sort === undefined) return `ORDER BY ${tie}`;
  if (!isPlainObject(sort)) throw new Error('sort must be a plain object');
  const keys = Object.entries(sort).map(([field, direction]) => {
    if (direction !== 1 && direction !== -1) throw new Error(`sort on ${field}: direction must be 1 or -1`);
    return `${valueSql(field)} ${direction === 1 ? 'ASC' : 'DESC'}`;
  });
  const last = keys.length > 0 ? keys[keys.length - 1] : `${tie} ASC`;
  keys.push(last.endsWith('DESC') ? `${tie} DESC` : `${tie} ASC`);
  return `ORDER BY ${keys.join(', ')}`;
}

export function pageSql(options: { limit?: unknown; skip?: unknown }): SqlPart {
  const { limit, skip } = parsePage(options);
  return { sql: 'LIMIT ? OFFSET ?', params: [limit, skip] };
}
