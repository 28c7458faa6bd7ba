import type Database from 'better-sqlite3';
import type { CollectionSpec } from '../port';
import { assertStoreField as assertField } from '../ops';
import { valueSql } from './filter';

/**
 * Tables and indexes for the collection specs. Version 1 is the layout below; bump SCHEMA_VERSION
 * (and add a step to `structural`) when the layout itself changes, e.g. the index expressions.
 */
export const SCHEMA_VERSION = 1;

export interface IndexPlan {
  name: string;
  unique: boolean;
  fields: readonly string[];
}

export function tableName(collection: string): string {
  try {
    return `c_${assertField(collection)}`;
  } catch {
    throw new Error(`invalid collection name ${JSON.stringify(collection)}`);
  }
}

/**
 * Index names carry the collection and the fields with separators that no field name can contain,
 * so that two different keys never share a name, and a key's name tells which fields it covers.
 */
export function indexPlans(collection: string, spec: CollectionSpec): IndexPlan[] {
  const plan =
    (unique: boolean) =>
    (fields: readonly string[]): IndexPlan => {
      if (fields.length === 0) throw new Error(`empty index in collection ${collection}`);
      fields.forEach(assertField);
      return { name: `${unique ? 'ux' : 'ix'}:${collection}:${fields.join(',')}`, unique, fields };
    };
  return [...(spec.unique ?? []).map(plan(true)), ...(spec.indexes ?? []).map(plan(false))];
}

/**
 * A unique key compares json_extract values: a missing field or null is NULL, and NULLs are
 * distinct, so such documents are not constrained (as the port wants). `true` and 1 extract alike
 * and so would collide; keep one type per key field.
 */
function createIndexSql(table: string, index: IndexPlan): string {
  const columns = index.fields.map(valueSql).join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${index.name}" ON "${table}" (${columns})`;
}

/** Steps from one layout version to the next go here; none yet, version 1 is the first layout. */
function structural(from: number): void {
  if (from > SCHEMA_VERSION) {
    throw new Error(`database schema version ${from} is newer than this code (${SCHEMA_VERSION})`);
  }
}

/**
 * Brings the file up to the specs. Idempotent, and done in one immediate transaction so that two
 * processes opening the same file at once do not race. Indexes of ours that the specs no longer
 * declare are dropped (a unique key removed from a spec must stop refusing writes); tables are
 * never dropped.
 */
export function migrate(db: Database.Database, specs: Record<string, CollectionSpec>): { rebuilt: boolean } {
  let rebuilt = false;
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    structural(version);
    for (const [collection, spec] of Object.entries(specs)) {
      const table = tableName(collection);
      const rowOrder = spec.secret ? ' WITHOUT ROWID' : '';
      db.exec(
        `CREATE TABLE IF NOT EXISTS "${table}" (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL CHECK (json_valid(doc)))${rowOrder}`,
      );
      if (spec.secret && !isWithoutRowid(db, table)) {
        rebuildWithoutRowid(db, table);
        rebuilt = true;
      }
      const plans = indexPlans(collection, spec);
      const wanted = new Set(plans.map((p) => p.name));
      const existing = db
        .prepare<[string], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND (name LIKE 'ux:%' OR name LIKE 'ix:%')`,
        )
        .all(table);
      for (const { name } of existing) {
        if (!wanted.has(name)) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
      }
      for (const index of plans) db.exec(createIndexSql(table, index));
    }
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
  return { rebuilt };
}

function isWithoutRowid(db: Database.Database, table: string): boolean {
  const row = db
    .prepare<[string], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(table);
  return /WITHOUT\s+ROWID/i.test(row?.sql ?? '');
}

/**
 * A collection that became secret after it held rows (a store written before the ballot was kept out
 * of row order): the same rows, moved into a WITHOUT ROWID table. Its indexes are made again below.
 */
function rebuildWithoutRowid(db: Database.Database, table: string): void {
  const next = `${table}__secret`;
  db.exec(`DROP TABLE IF EXISTS "${next}"`);
  db.exec(
    `CREATE TABLE "${next}" (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL CHECK (json_valid(doc))) WITHOUT ROWID`,
  );
  db.exec(`INSERT INTO "${next}" (_id, doc) SELECT _id, doc FROM "${table}"`);
  db.exec(`DROP TABLE "${table}"`);
  db.exec(`ALTER TABLE "${next}" RENAME TO "${table}"`);
}
