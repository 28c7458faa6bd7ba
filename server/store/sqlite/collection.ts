import type Database from 'better-sqlite3';
import { DuplicateError, type CollectionSpec, type Doc } from '../port';
import { applyPlan, isEmptyPlan, isPlainObject, planOps } from '../ops';
import { orderSql, pageSql, whereSql, type Param } from './filter';
import { indexPlans, tableName } from './migrate';

interface Row {
  _id: string;
  doc: string;
}

/** Prepared statements by SQL text; filters come in few shapes, so this stays small. */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement<Param[], unknown>>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement<Param[], unknown> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare<Param[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function parse(text: string): Doc {
  return JSON.parse(text) as Doc;
}

/**
 * One collection's operations, synchronous: each runs to its end without yielding, which is what
 * makes them atomic within this process. The async port methods and the waiting around open
 * transactions live in sqlite.ts.
 */
export class SqliteCollection {
  private readonly table: string;
  /** Unique index name → the key it enforces, for DuplicateError. */
  private readonly keys: Map<string, string>;
  private readonly tie: 'rowid' | '_id';

  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
    readonly name: string,
    spec: CollectionSpec,
  ) {
    this.table = tableName(name);
    this.tie = spec.secret ? '_id' : 'rowid';
    this.keys = new Map(
      indexPlans(name, spec)
        .filter((p) => p.unique)
        .map((p) => [p.name, p.fields.join(',')]),
    );
  }

  get(id: string): Doc | null {
    if (typeof id !== 'string') throw new Error('get: id must be a string');
    const row = this.statements.get(`SELECT doc FROM "${this.table}" WHERE _id = ?`).get(id) as Row | undefined;
    return row === undefined ? null : parse(row.doc);
  }

  find(filter: unknown, options: unknown = {}): Doc[] {
    if (!isPlainObject(options)) throw new Error('find options must be a plain object');
    const where = whereSql(filter);
    const page = pageSql(options);
    const sql = `SELECT doc FROM "${this.table}" WHERE ${where.sql} ${orderSql(options.sort, this.tie)} ${page.sql}`;
    const rows = this.statements.get(sql).all(...where.params, ...page.params) as Row[];
    return rows.map((row) => parse(row.doc));
  }

  count(filter: unknown): number {
    const where = whereSql(filter);
    const sql = `SELECT count(*) AS n FROM "${this.table}" WHERE ${where.sql}`;
    return (this.statements.get(sql).get(...where.params) as { n: number }).n;
  }

  insert(doc: unknown): Doc {
    if (!isPlainObject(doc)) throw new Error('insert: the document must be a plain object');
    const id = doc._id;
    if (typeof id !== 'string' || id === '') throw new Error('insert: _id must be a non-empty string');
    const text = JSON.stringify(doc);
    try {
      this.statements.get(`INSERT INTO "${this.table}" (_id, doc) VALUES (?, ?)`).run(id, text);
    } catch (error) {
      throw this.duplicateOr(error);
    }
    return parse(text);
  }

  /**
   * Read-modify-write of every match inside one immediate transaction: it takes the write lock before
   * reading, so another connection cannot change a row between our read and our write. Inside an
   * open transaction better-sqlite3 turns this into a savepoint, so a failure here (a unique
   * violation) undoes this update only.
   */
  update(filter: unknown, ops: unknown): number {
    const where = whereSql(filter);
    const plan = planOps(ops);
    const select = this.statements.get(`SELECT _id, doc FROM "${this.table}" WHERE ${where.sql}`);
    const write = this.statements.get(`UPDATE "${this.table}" SET doc = ? WHERE _id = ?`);
    const run = this.db.transaction((): number => {
      const rows = select.all(...where.params) as Row[];
      if (isEmptyPlan(plan)) return rows.length;
      for (const row of rows) {
        const doc = JSON.parse(row.doc) as Record<string, unknown>;
        write.run(JSON.stringify(applyPlan(doc, plan)), row._id);
      }
      return rows.length;
    });
    try {
      return run.immediate();
    } catch (error) {
      throw this.duplicateOr(error);
    }
  }

  remove(filter: unknown): number {
    const where = whereSql(filter);
    return this.statements.get(`DELETE FROM "${this.table}" WHERE ${where.sql}`).run(...where.params).changes;
  }

  private duplicateOr(error: unknown): unknown {
    // Not `instanceof SqliteError`: the native addon keeps the error class of whichever module
    // instance loaded it first, which under jest's per-file registries is not ours.
    if (typeof error !== 'object' || error === null) return error;
    const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
    if (name !== 'SqliteError') return error;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new DuplicateError(this.name, '_id');
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
    const index = /index '([^']+)'/.exec(String(message))?.[1];
    return new DuplicateError(this.name, (index !== undefined && this.keys.get(index)) || index || 'unknown');
  }
}
