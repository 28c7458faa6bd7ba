import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError, HTTP_STATUS } from '../../src/core/errors';
import { type AppStore, COLLECTION_SPECS, type Collections, handlers, seedDemoIfEmpty } from '../features';
import { devFeature } from '../features/dev';
import { type Clock, DevClock, systemClock } from '../kernel/clock';
import { wordListCheck } from '../kernel/wordlist';
import { createRouter, type RouterOptions } from '../router';
import { openSqliteStore } from '../store/sqlite';
import { yieldingStore } from '../store/yielding';
import { createSigner, loadSecret } from './token';
import { registerUploads } from './uploads';

export interface ServerOptions {
  port: number;
  host?: string;
  /** Folder of the embedded store (created if missing). */
  dataDir: string;
  /** Demo mode: seeds the demo unit into an empty store and offers `dev.login`. */
  demo?: boolean;
  /** Dev mode: also the settable clock (`dev.clock.set`). */
  dev?: boolean;
  /** The H5 build to serve; nothing is served at / when it is missing. */
  staticDir?: string;
  /** A clock under the dev clock, for tests. */
  clock?: Clock;
  /** Tests: yield to the event loop before each store operation, so that requests interleave. */
  interleave?: boolean;
  /** Where INTERNAL failures are logged (default: stderr). */
  log?: RouterOptions['log'];
}

export interface RunningServer {
  url: string;
  port: number;
  store: AppStore;
  app: FastifyInstance;
  close(): Promise<void>;
}

export const BODY_LIMIT = 2 * 1024 * 1024;

/** The local server: the very same router as the cloud function, over HTTP (DESIGN.md §2). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const demo = options.demo ?? false;
  const dev = options.dev ?? false;
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = openSqliteStore<Collections>({ file: join(options.dataDir, 'tongxin.db'), specs: COLLECTION_SPECS });
  const store = options.interleave ? yieldingStore(sqlite) : sqlite;
  const devClock = dev ? new DevClock(options.clock ?? systemClock) : null;
  const clock = devClock ?? options.clock ?? systemClock;
  if (demo) await seedDemoIfEmpty(store, clock.now());
  // Token expiry follows real time: moving the dev clock must not log everyone out.
  const signer = createSigner(await loadSecret(store));
  const router = createRouter({
    store,
    clock,
    contentCheck: wordListCheck(),
    handlers: { ...handlers, ...(demo || dev ? devFeature({ signer, clock: devClock }).handlers : {}) },
    log: options.log,
  });

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });
  // Our own JSON parser, so that malformed bodies get the contract's envelope, and an empty body is {}.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('INVALID_INPUT', '请求内容不是有效的 JSON'), undefined);
    }
  });
  app.setErrorHandler((error: FastifyError | AppError, _req, reply) => {
    const appError =
      error instanceof AppError
        ? error
        : error.statusCode === 413
          ? new AppError('INVALID_INPUT', '请求内容过大')
          : error.statusCode && error.statusCode < 500
            ? new AppError('INVALID_INPUT', '请求格式有误')
            : new AppError('INTERNAL');
    void reply.status(HTTP_STATUS[appError.code]).send({ ok: false, error: appError.toApiError() });
  });
  app.setNotFoundHandler((req, reply) => {
    const error = new AppError('NOT_FOUND', `找不到 ${req.method} ${req.url.slice(0, 100)}`);
    void reply.status(404).send({ ok: false, error: error.toApiError() });
  });

  app.get('/healthz', async () => ({ ok: true, demo, dev }));
  app.post<{ Params: { action: string } }>('/api/:action', async (req, reply) => {
    const openid = openidOf(req.headers.authorization, signer.verify);
    const result = await router.handle({ action: req.params.action, input: req.body, openid });
    return reply.status(result.status).send(result.body);
  });
  await registerUploads(app, { dir: join(options.dataDir, 'uploads'), store, verify: signer.verify });

  const staticDir = options.staticDir ? resolve(options.staticDir) : undefined;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, index: ['index.html'] });
  }

  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A missing, malformed or expired token is simply no identity: the action then decides. */
function openidOf(header: string | undefined, verify: (token: string) => string | null): string | null {
  if (!header?.startsWith('Bearer ')) return null;
  return verify(header.slice('Bearer '.length).trim());
}
