import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionInput, ActionName, ActionOutput } from '../../../src/core/contract';
import type { ApiResult } from '../../../src/core/errors';
import { type RunningServer, type ServerOptions, startServer } from '../../../server/entry/http';

/**
 * The real local server on a free port, over a real SQLite file in a temporary folder, seeded with
 * the demo unit and with the dev clock. Tests talk to it over HTTP only.
 */
export interface TestServer {
  url: string;
  server: RunningServer;
  dataDir: string;
  /** Raw call: any action name, any body. */
  post(action: string, body: unknown, token?: string | null): Promise<{ status: number; body: ApiResult<unknown> }>;
  call<A extends ActionName>(
    action: A,
    input: ActionInput<A>,
    token?: string | null,
  ): Promise<{ status: number; body: ApiResult<ActionOutput<A>> }>;
  /** Data of a call that must succeed. */
  ok<A extends ActionName>(action: A, input: ActionInput<A>, token?: string | null): Promise<ActionOutput<A>>;
  login(openid: string): Promise<string>;
  setClock(iso: string, freeze?: boolean): Promise<void>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  demo?: boolean;
  dev?: boolean;
  log?: ServerOptions['log'];
  subscribe?: ServerOptions['subscribe'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-api-'));
  const server = await startServer({
    port: 0,
    dataDir,
    demo: options.demo ?? true,
    dev: options.dev ?? true,
    log: options.log ?? (() => undefined),
    interleave: true,
    subscribe: options.subscribe,
  });

  async function post(action: string, body: unknown, token?: string | null) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}/api/${action}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
    });
    return { status: res.status, body: (await res.json()) as ApiResult<unknown> };
  }

  const self: TestServer = {
    url: server.url,
    server,
    dataDir,
    post,
    call: (action, input, token) => post(action, input, token) as never,
    async ok(action, input, token) {
      const res = await self.call(action, input, token);
      if (!res.body.ok) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body.error)}`);
      return res.body.data;
    },
    async login(openid) {
      return (await self.ok('dev.login', { openid })).token;
    },
    async setClock(iso, freeze) {
      await self.ok('dev.clock.set', { now: iso, freeze });
    },
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/** The error of a call that must fail. */
export function errorOf(res: { body: ApiResult<unknown> }) {
  if (res.body.ok) throw new Error(`expected an error, got ${JSON.stringify(res.body.data).slice(0, 200)}`);
  return res.body.error;
}
