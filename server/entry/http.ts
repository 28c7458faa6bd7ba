import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../src/core/errors';
import { base64Length, ROSTER_FILE_MAX_BYTES } from '../../src/core/people';
import {
  type AppStore,
  COLLECTION_SPECS,
  type Collections,
  forgetCachedFrom,
  handlers,
  runJobs,
  seedDemoIfEmpty,
} from '../features';
import { ttlCache } from '../kernel/cache';
import { devFeature } from '../features/dev';
import { type Clock, DevClock, systemClock } from '../kernel/clock';
import { wordListCheck } from '../kernel/wordlist';
import { localSender, type SubscribeSender } from '../kernel/wechat';
import { createRouter, type RouterOptions } from '../router';
import { openSqliteStore } from '../store/sqlite';
import { yieldingStore } from '../store/yielding';
import { frameworkError, isJson, send, unsupportedType, useEnvelope } from './envelope';
import { closeDataFolder, useSecurityHeaders } from './security';
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
  /** Where start-up warnings go (default: stderr). */
  warn?: (message: string) => void;
  /**
   * Runs the scheduled jobs (reminders, deadlines, the nightly recount) this often on the server's
   * clock, the dev clock included, as the cloud function's timer trigger does; none when absent.
   */
  jobsEveryMs?: number;
  /** Where subscribe messages go (default: recorded only, see kernel/wechat.ts); tests pass a double. */
  subscribe?: SubscribeSender;
}

/** Addresses only this machine reaches. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export interface RunningServer {
  url: string;
  port: number;
  store: AppStore;
  app: FastifyInstance;
  close(): Promise<void>;
}

export const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * `staff.import.preview` alone carries a file: a roster of up to 5 MB as base64 (4/3 of it, 6.7 MB)
 * plus its name and the JSON around them. Only its route takes that much, so every other action
 * keeps the 2 MB limit. (The cloud entry sets no limit of its own; WeChat's call limit applies there.)
 */
const FILE_BODY_LIMIT = base64Length(ROSTER_FILE_MAX_BYTES) + 16 * 1024;
const FILE_ACTIONS = ['staff.import.preview'] as const;

/** The local server: the very same router as the cloud function, over HTTP (DESIGN.md §2). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const demo = options.demo ?? false;
  const dev = options.dev ?? false;
  closeDataFolder(options.dataDir);
  // The settings, the day's reading and the calendar are cached as in a cloud container, and forgotten
  // the moment a write to what they were read from commits: every write passes this store.
  const cache = ttlCache();
  const sqlite = openSqliteStore<Collections>({
    file: join(options.dataDir, 'tongxin.db'),
    specs: COLLECTION_SPECS,
    onCommit: (collection) => forgetCachedFrom(cache, collection),
  });
  closeDataFolder(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  if (demo && !LOOPBACK.has(host)) {
    (options.warn ?? console.warn)(
      `警告：演示模式正在 ${host} 上监听，能访问此端口的任何人都可以用演示登录冒充任何人（包括管理员）。` +
        ' Demo mode on a non-loopback address: anyone who can reach this port can log in as anyone.',
    );
  }
  const store = options.interleave ? yieldingStore(sqlite) : sqlite;
  const devClock = dev ? new DevClock(options.clock ?? systemClock) : null;
  const clock = devClock ?? options.clock ?? systemClock;
  if (demo) await seedDemoIfEmpty(store, clock.now());
  // Token expiry follows real time: moving the dev clock must not log everyone out.
  const signer = createSigner(await loadSecret(store));
  const staticDir =
    options.staticDir && existsSync(join(options.staticDir, 'index.html')) ? resolve(options.staticDir) : undefined;
  const sender = options.subscribe ?? localSender;
  const router = createRouter({
    store,
    clock,
    contentCheck: wordListCheck(),
    handlers: { ...handlers, ...devFeature({ signer: demo ? signer : null, clock: devClock }).handlers },
    subscribe: sender,
    log: options.log,
    cache,
  });
  const jobs = options.jobsEveryMs
    ? everyFew(options.jobsEveryMs, () => runJobs(store, { now: clock.now(), sender }))
    : null;

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, frameworkErrors: frameworkError });
  await useSecurityHeaders(app, staticDir);
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
  useEnvelope(app, { tooLarge: '请求内容过大', malformed: '请求格式有误' });
  app.setNotFoundHandler((req, reply) => {
    void send(reply, new AppError('NOT_FOUND', `找不到 ${req.method} ${req.url.slice(0, 100)}`));
  });

  app.get('/healthz', async () => ({ ok: true, demo, dev }));
  const route = async (action: string, req: FastifyRequest, reply: FastifyReply) => {
    // Only JSON: a cross-site page can send text/plain, a form or an empty body without asking first.
    if (!isJson(req.headers['content-type'])) return send(reply, unsupportedType(), 415);
    const openid = openidOf(req.headers.authorization, signer.verify);
    const result = await router.handle({ action, input: req.body, openid });
    return reply.status(result.status).send(result.body);
  };
  app.post<{ Params: { action: string } }>('/api/:action', (req, reply) => route(req.params.action, req, reply));
  // A static path wins over '/api/:action' in Fastify's router: these alone get the file limit.
  for (const action of FILE_ACTIONS) {
    app.post(`/api/${action}`, { bodyLimit: FILE_BODY_LIMIT }, (req, reply) => route(action, req, reply));
  }
  await registerUploads(app, { dir: join(options.dataDir, 'uploads'), store, verify: signer.verify, clock });

  if (staticDir) {
    await app.register(fastifyStatic, { root: staticDir, index: ['index.html'] });
  }

  const address = await app.listen({ port: options.port, host });
  const port = Number(new URL(address).port);
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    app,
    async close() {
      await jobs?.stop();
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

/** A job run every `ms`, never two at once; `stop` waits for a run under way. */
function everyFew(ms: number, run: () => Promise<string[]>): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= run()
      .then((lines) => {
        for (const line of lines) console.log(`[jobs] ${line}`);
      })
      .catch((error: unknown) =>
        console.error(`[jobs] failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
  }, ms);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
