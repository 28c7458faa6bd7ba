import { randomUUID } from 'node:crypto';
import { type $ZodType, safeParse } from 'zod/v4/core';
import { type ActionName, contract, isActionName } from '../src/core/contract';
import { AppError, type ApiResult, type FieldIssue, HTTP_STATUS } from '../src/core/errors';
import { hasAnyRole, type Role } from '../src/core/roles';
import type { Settings } from '../src/core/settings/schema';
import { recordAudit } from './features/audit';
import type { AppStore, Collections, HandlerMap } from './features';
import { loadSettings } from './features/settings';
import { noCache, type ReadCache } from './kernel/cache';
import type { Clock } from './kernel/clock';
import type { Caller, ContentCheck, Ctx, Handler } from './kernel/context';
import { collectNotices } from './kernel/outbox';
import { localSender, type MiniCodeMaker, noMiniCode, type SubscribeSender } from './kernel/wechat';
import { deliverNotices } from './features/notice';
import { isDuplicate } from './store/port';

export interface RouterRequest {
  action: string;
  input: unknown;
  /** The caller's identity, as the entry established it (cloud context or session token). */
  openid: string | null;
}

export interface RouterResponse {
  status: number;
  body: ApiResult<unknown>;
}

export interface RouterOptions {
  store: AppStore;
  clock: Clock;
  handlers: Partial<HandlerMap>;
  contentCheck: ContentCheck;
  /** WeChat's mini-program codes; the local server has none. */
  miniCode?: MiniCodeMaker;
  /** WeChat's subscribe messages; the local server records them instead. */
  subscribe?: SubscribeSender;
  /** Shared reads across calls (the cloud function: ttlCache); none by default. */
  cache?: ReadCache;
  /** Where failures are logged with their request id; never sent to the client. */
  log?: (entry: { requestId: string; action: string; error: unknown }) => void;
}

export interface Router {
  handle(request: RouterRequest): Promise<RouterResponse>;
}

const PRIVILEGED: readonly Role[] = ['secretary', 'organizer', 'admin'];

/** identity → staff lookup → role check → schema parse → handler → coded result (DESIGN.md §4). */
export function createRouter(options: RouterOptions): Router {
  const { store, clock, handlers, contentCheck } = options;
  const cache = options.cache ?? noCache;
  const log = options.log ?? defaultLog;
  const miniCode = options.miniCode ?? noMiniCode;
  const subscribe = options.subscribe ?? localSender;

  async function run(request: RouterRequest, requestId: string): Promise<unknown> {
    const { action } = request;
    const handler = isActionName(action)
      ? (handlers[action] as Handler<ActionName, Collections> | undefined)
      : undefined;
    if (!isActionName(action) || !handler) {
      throw new AppError('NOT_FOUND', `未知的操作：${String(action).slice(0, 64)}`);
    }
    const def = contract[action];
    const caller = await identify(store, def.access === 'public' ? null : request.openid);

    if (def.access !== 'public') {
      if (!caller.openid) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (def.access === 'staff') {
        if (!caller.staff) throw new AppError('UNAUTHENTICATED', '请先绑定工号');
        if (!caller.staff.active) throw new AppError('FORBIDDEN', '您的账号已停用，请联系办公室');
        if (!hasAnyRole(caller.roles, def.roles)) throw new AppError('FORBIDDEN', '没有权限进行此操作');
      }
    }

    const input = parseInput(def.input, request.input);
    let settings: Promise<Settings> | null = null;
    let target: string | undefined;
    const ctx: Ctx<Collections> = {
      store,
      clock,
      caller,
      requestId,
      contentCheck,
      miniCode,
      subscribe,
      settings: () => (settings ??= cache.get('settings', () => loadSettings(store))),
      cache,
      auditTarget: (t) => {
        target = t;
      },
    };
    const { value: data, notices } = await collectNotices(() => handler(input as never, ctx));
    if (def.write && caller.staff && hasAnyRole(caller.roles, PRIVILEGED)) {
      await recordAudit(store, {
        at: clock.now(),
        actorId: caller.staff._id,
        actorName: caller.staff.name,
        action,
        target: target ?? inferTarget(input),
      });
    }
    // After every write of the call, never inside one: WeChat's answer cannot undo an inbox notice.
    if (notices.length > 0) {
      await deliverNotices(
        {
          store,
          sender: subscribe,
          settings: await ctx.settings(),
          now: clock.now(),
          log: (line) => console.warn(line),
        },
        notices,
      );
    }
    return data;
  }

  return {
    async handle(request) {
      const requestId = randomUUID();
      try {
        const data = await run(request, requestId);
        return { status: 200, body: { ok: true, data } };
      } catch (error) {
        const appError = toAppError(error, requestId);
        if (appError.code === 'INTERNAL') log({ requestId, action: String(request.action), error });
        return { status: HTTP_STATUS[appError.code], body: { ok: false, error: appError.toApiError() } };
      }
    },
  };
}

async function identify(store: AppStore, openid: string | null): Promise<Caller> {
  if (!openid) return { openid: null, staff: null, roles: [] };
  const [staff] = await store.collection('staff').find({ openid }, { limit: 1 });
  return { openid, staff: staff ?? null, roles: staff?.active ? staff.roles : [] };
}

function parseInput(schema: $ZodType, raw: unknown): unknown {
  const result = safeParse(schema, raw === undefined || raw === null ? {} : raw);
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.slice(0, 20).map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : issue.message,
  }));
  // The message is Chinese and nothing else: an internal field name means nothing to the person, and a
  // form shows each field's message under that field (`details.fields`).
  throw new AppError('INVALID_INPUT', fields[0].message, { fields });
}

function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (isDuplicate(error)) return new AppError('CONFLICT', '记录已存在，请勿重复提交');
  return new AppError('INTERNAL', `系统繁忙，请稍后再试（编号 ${requestId.slice(0, 8)}）`, { requestId });
}

/** The audit target when a handler names none: the first id-like field of the input. */
function inferTarget(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  for (const [key, value] of Object.entries(input)) {
    if ((key.endsWith('Id') || key === 'date') && typeof value === 'string') return `${key}:${value}`;
  }
  return undefined;
}

function defaultLog(entry: { requestId: string; action: string; error: unknown }): void {
  const detail = entry.error instanceof Error ? (entry.error.stack ?? entry.error.message) : String(entry.error);
  console.error(`[api] ${entry.requestId} ${entry.action} failed: ${detail}`);
}
