import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudService } from '@cloudbase/manager-node/types/utils/cloud-api-request';

/**
 * A stand-in for the Tencent Cloud API that @cloudbase/manager-node 5.6 calls, as read from its
 * source (lib/utils/cloud-api-request.js): every call is a JSON POST to
 * https://<service>.tencentcloudapi.com with the action in X-TC-Action, the version in X-TC-Version
 * and a TC3-HMAC-SHA256 Authorization header; the answer is `{ Response: { …, RequestId } }` or
 * `{ Response: { Error: { Code, Message }, RequestId } }`. This double checks each signature with the
 * test key and keeps, per environment, tables with their indexes and security rules, and functions
 * with their configuration, code and triggers.
 *
 * The seam: manager-node reads TCB_BASE_URL for the `tcb` service only, and `scf` (functions) is a
 * fixed https host, so `use()` redirects CloudService's `baseUrl` getter — the one place that names
 * the host — to this server (`<url>/<service>`). Everything else (parameter building, signing,
 * node-fetch, error mapping, the waits on function status) is the library's own code.
 *
 * Approximations, since the real service cannot be reached from here: error codes for a missing
 * table, the AclTag of a new collection, and the form of TriggerDesc in GetFunction (`{"cron":…}`).
 */

export interface ApiCall {
  service: string;
  action: string;
  version: string;
  body: Record<string, unknown>;
}

interface Index {
  Name: string;
  Keys: { Name: string; Direction: string }[];
  Unique: boolean;
}

interface Func {
  FunctionName: string;
  Runtime: string;
  Handler: string;
  Timeout: number;
  MemorySize: number;
  InstallDependency: string;
  Status: string;
  ZipFile: string;
  Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[];
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class ManagementDouble {
  readonly calls: ApiCall[] = [];
  readonly tables = new Map<string, Index[]>();
  readonly rules = new Map<string, { AclTag: string; Rule: string | null }>();
  readonly functions = new Map<string, Func>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly env: string,
    private readonly secret: { id: string; key: string },
  ) {}

  static async start(env: string, secret: { id: string; key: string }): Promise<ManagementDouble> {
    let double: ManagementDouble | null = null;
    const server = createServer((req, res) => {
      void (async () => {
        const answer = double === null ? {} : await double.serve(req);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Response: answer }));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    double = new ManagementDouble(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, env, secret);
    return double;
  }

  /** Points manager-node's CloudService at this server; returns the undo. */
  use(): () => void {
    const { CloudService: Service } = jest.requireActual<{ CloudService: typeof CloudService }>(
      '@cloudbase/manager-node/lib/utils/cloud-api-request',
    );
    const original = Object.getOwnPropertyDescriptor(Service.prototype, 'baseUrl');
    const url = this.url;
    Object.defineProperty(Service.prototype, 'baseUrl', {
      configurable: true,
      get(this: CloudService) {
        return `${url}/${this.service}`;
      },
    });
    return () => {
      if (original) Object.defineProperty(Service.prototype, 'baseUrl', original);
    };
  }

  actions(): string[] {
    return this.calls.map((c) => `${c.service}.${c.action}`);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage): Promise<Body> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const service = (req.url ?? '/').slice(1);
    const call = {
      service,
      action: str(req.headers['x-tc-action']),
      version: str(req.headers['x-tc-version']),
      body: JSON.parse(text || '{}') as Body,
    };
    this.calls.push(call);
    try {
      this.verify(req, service, text);
      return { ...this.answer(call), RequestId: `req-${this.calls.length}` };
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError('InternalError', String(error));
      return { Error: { Code: e.code, Message: e.message }, RequestId: `req-${this.calls.length}` };
    }
  }

  /** TC3-HMAC-SHA256 as Tencent Cloud checks it: proves the scripts sign with the key they were given. */
  private verify(req: IncomingMessage, service: string, payload: string): void {
    const auth = str(req.headers.authorization);
    const timestamp = Number(req.headers['x-tc-timestamp']);
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const host = str(req.headers.host).split(':')[0];
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
    const canonical = `POST\n${req.url}\n\ncontent-type:application/json\nhost:${host}\n\ncontent-type;host\n${hash(payload)}`;
    const scope = `${date}/${service}/tc3_request`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${hash(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${this.secret.key}`, date), service), 'tc3_request');
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const expected = `TC3-HMAC-SHA256 Credential=${this.secret.id}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
    if (auth !== expected)
      throw new ApiError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
  }

  private answer({ service, action, body }: ApiCall): Body {
    const key = `${service}.${action}`;
    if (key === 'tcb.DescribeEnvInfo') {
      if (body.EnvId !== this.env) throw new ApiError('ResourceNotFound', `env ${str(body.EnvId)} not found`);
      const base = { EnvId: this.env, Databases: [{ InstanceId: 'tnt-double' }], Functions: [{ Namespace: this.env }] };
      return { EnvInfo: { EnvBaseInfo: { ...base, Storages: [], LogServices: [] } } };
    }
    if (service === 'tcb' && body.EnvId !== this.env) throw new ApiError('InvalidParameter.EnvId', 'wrong env');
    if (service === 'scf' && body.Namespace !== undefined && body.Namespace !== this.env) {
      throw new ApiError('InvalidParameter.Namespace', 'wrong namespace');
    }
    const table = str(body.TableName) || str(body.CollectionName);
    const fn = this.functions.get(str(body.FunctionName));
    switch (key) {
      case 'tcb.DescribeTable':
        return { Indexes: this.table(table), IndexNum: this.table(table).length };
      case 'tcb.CreateTable':
        if (this.tables.has(table)) throw new ApiError('ResourceInUse', `${table} exists`);
        this.tables.set(table, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }]);
        this.rules.set(table, { AclTag: 'ADMINONLY', Rule: null });
        return {};
      case 'tcb.UpdateTable':
        for (const raw of (body.CreateIndexes ?? []) as Body[]) {
          const schema = raw.MgoKeySchema as { MgoIndexKeys: Index['Keys']; MgoIsUnique: boolean };
          if (this.table(table).some((i) => i.Name === raw.IndexName))
            throw new ApiError('ResourceInUse', 'index exists');
          this.table(table).push({ Name: str(raw.IndexName), Keys: schema.MgoIndexKeys, Unique: schema.MgoIsUnique });
        }
        return {};
      case 'tcb.DescribeSafeRule':
        this.table(table);
        return { ...this.rules.get(table) };
      case 'tcb.ModifySafeRule':
        this.table(table);
        this.rules.set(table, { AclTag: str(body.AclTag), Rule: str(body.Rule) || null });
        return {};
      case 'scf.GetFunction':
        if (!fn) throw new ApiError('ResourceNotFound.FunctionName', '函数不存在');
        return { ...fn, ZipFile: undefined };
      case 'scf.CreateFunction':
        if (fn) throw new ApiError('ResourceInUse.FunctionName', '函数已存在');
        this.functions.set(str(body.FunctionName), {
          FunctionName: str(body.FunctionName),
          Runtime: str(body.Runtime),
          Handler: str(body.Handler),
          Timeout: Number(body.Timeout),
          MemorySize: Number(body.MemorySize),
          InstallDependency: str(body.InstallDependency),
          Status: 'Active',
          ZipFile: str((body.Code as Body | undefined)?.ZipFile),
          Triggers: [],
        });
        return {};
      case 'scf.UpdateFunctionCode':
        if (!fn) throw new ApiError('ResourceNotFound.FunctionName', '函数不存在');
        Object.assign(fn, {
          ZipFile: str((body.Code as Body).ZipFile),
          InstallDependency: str(body.InstallDependency),
        });
        return {};
      case 'scf.UpdateFunctionConfiguration':
        if (!fn) throw new ApiError('ResourceNotFound.FunctionName', '函数不存在');
        Object.assign(fn, { Timeout: Number(body.Timeout), MemorySize: Number(body.MemorySize) });
        return {};
      case 'scf.BatchCreateTrigger':
        if (!fn) throw new ApiError('ResourceNotFound.FunctionName', '函数不存在');
        for (const t of JSON.parse(str(body.Triggers)) as {
          TriggerName: string;
          Type: string;
          TriggerDesc: string;
        }[]) {
          if (fn.Triggers.some((x) => x.TriggerName === t.TriggerName))
            throw new ApiError('ResourceInUse.Trigger', 'trigger exists');
          fn.Triggers.push({ ...t, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) });
        }
        return {};
      case 'scf.DeleteTrigger':
        if (!fn) throw new ApiError('ResourceNotFound.FunctionName', '函数不存在');
        fn.Triggers = fn.Triggers.filter((t) => t.TriggerName !== body.TriggerName);
        return {};
      default:
        throw new ApiError('UnsupportedOperation', `the double does not implement ${key}`);
    }
  }

  private table(name: string): Index[] {
    const indexes = this.tables.get(name);
    if (!indexes) throw new ApiError('ResourceNotFound.TableNotExist', `table ${name} not found`);
    return indexes;
  }
}
