import { randomUUID } from 'node:crypto';
import * as wxServerSdk from 'wx-server-sdk';
import { AppError, type ApiResult } from '../../src/core/errors';
import { type AppStore, COLLECTION_SPECS, type Collections, handlers, runJobs } from '../features';
import { ttlCache } from '../kernel/cache';
import { systemClock } from '../kernel/clock';
import type { ContentCheck } from '../kernel/context';
import { createRouter, type Router } from '../router';
import { openCloudbaseStore, TRANSACTION_BUDGET_MS } from '../store/cloudbase';
import type { CloudDatabase } from '../store/cloudbase/sdk';
import type { SubscribeSender } from '../kernel/wechat';
import { openapiMiniCode, openapiSender, type SubscribeApi, type WxacodeApi } from './openapi';

/**
 * The cloud function `api` (DESIGN.md §2): `wx.cloud.callFunction({ name: 'api', data: { action, input } })`
 * arrives here as `event`; the caller's identity is the OPENID WeChat puts in the function's context.
 * Only the cloud handlers are registered: the local server's dev actions never reach this bundle.
 */

/** The parts of wx-server-sdk used here; its typings say `env` is a string and `openapi` is `any`. */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(config: { throwOnNotFound: boolean }): CloudDatabase;
  /** From environment variables set per call; digit-only values come back as numbers. */
  getWXContext(): { OPENID?: string | number; SOURCE?: string };
  openapi: { security: SecurityApi; subscribeMessage: SubscribeApi; wxacode: WxacodeApi };
}

/** `openapi.security.msgSecCheck` (version 2): results come back camel-cased by the SDK. */
export interface SecurityApi {
  msgSecCheck(params: { openid: string; scene: 1 | 2 | 3 | 4; version: 2; content: string }): Promise<{
    result?: { suggest?: string; label?: number };
  }>;
}

const sdk = wxServerSdk as unknown as WxServerSdk;

/** msgSecCheck takes at most 2500 characters per call. */
const CHECK_CHUNK = 2500;

/**
 * WeChat's content security check (v2). errcode is 0 even for risky text, so the verdict is
 * `result.suggest`: 'risky' refuses; 'review' (doubtful, for a human to look at) passes and is
 * logged, so that ordinary study notes are not refused on a hunch. The check needs the caller's
 * openid (WeChat refuses users it has not seen lately); when it cannot run, the text is refused
 * with a retry message rather than stored unchecked — a mini-program must check what users publish.
 */
export function msgSecCheck(security: SecurityApi, log: (message: string) => void = console.warn): ContentCheck {
  return {
    async check(text, openid) {
      if (text.trim() === '') return null;
      if (!openid) return '无法校验内容安全，请重新进入小程序后再试';
      try {
        for (let at = 0; at < text.length; at += CHECK_CHUNK) {
          const answer = await security.msgSecCheck({
            openid,
            scene: 2,
            version: 2,
            content: text.slice(at, at + CHECK_CHUNK),
          });
          const suggest = answer.result?.suggest;
          if (suggest === 'risky') return '内容含有不当信息，请修改后再提交';
          if (suggest === 'review') log(`[api] msgSecCheck suggests review (label ${String(answer.result?.label)})`);
          else if (suggest !== 'pass')
            throw new Error(`msgSecCheck answered without a verdict: ${JSON.stringify(answer)}`);
        }
        return null;
      } catch (error) {
        log(`[api] msgSecCheck failed: ${error instanceof Error ? error.message : String(error)}`);
        return '内容安全校验暂不可用，请稍后再试';
      }
    },
  };
}

let warm: { store: AppStore; router: Router; sender: SubscribeSender } | null = null;

/** Built once per warm container: the SDK, the store and the router outlive single calls. */
function cloudRouter(): { store: AppStore; router: Router; sender: SubscribeSender } {
  if (warm === null) {
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
    const store = openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
    const sender = openapiSender(sdk.openapi.subscribeMessage);
    warm = {
      store,
      sender,
      router: createRouter({
        store,
        clock: systemClock,
        handlers,
        contentCheck: msgSecCheck(sdk.openapi.security),
        subscribe: sender,
        miniCode: openapiMiniCode(sdk.openapi.wxacode),
        // Settings, the day's reading and the calendar, shared between calls for a few seconds.
        cache: ttlCache(),
      }),
    };
  }
  return warm;
}

/**
 * The timer trigger of config.json (`jobs`, every five minutes, UTC+8; WeChat allows one trigger per
 * function): the job runner alone (reminders, deadlines, the nightly recount; server/kernel/jobs.ts).
 * Its answer goes nowhere, so what it did is logged.
 */
async function timer(store: AppStore, sender: SubscribeSender): Promise<ApiResult<{ lines: number }>> {
  const lines = await runJobs(store, { now: systemClock.now(), sender, log: (line) => console.error(`[api] ${line}`) });
  for (const line of lines) console.log(`[api] job ${line}`);
  return { ok: true, data: { lines: lines.length } };
}

function field(event: unknown, name: string): unknown {
  return typeof event === 'object' && event !== null ? (event as Record<string, unknown>)[name] : undefined;
}

/**
 * The function's timeout as the platform sets it (`time_limit_in_ms` in the context of each call),
 * against what a call may need: the transaction retry budget and an answer after it. A timeout left
 * at the platform's default of 3 s would cut retries off mid-way in the morning peak, so a short one
 * is logged once per container (config.json sets 20 s; see the deployment section of the README).
 */
export const NEEDED_TIMEOUT_MS = TRANSACTION_BUDGET_MS + 4000;
let timeoutChecked = false;

export function checkTimeout(context: unknown, log: (message: string) => void = console.error): void {
  if (timeoutChecked) return;
  const limit = field(context, 'time_limit_in_ms');
  if (typeof limit !== 'number') return;
  timeoutChecked = true;
  if (limit < NEEDED_TIMEOUT_MS) {
    log(
      `[api] the function's timeout is ${limit} ms; a call may need ${NEEDED_TIMEOUT_MS} ms ` +
        '(transaction retries): set "timeout": 20 in cloudfunctions/api/config.json and deploy it again',
    );
  }
}

export async function main(event: unknown, context?: unknown): Promise<ApiResult<unknown>> {
  checkTimeout(context);
  try {
    const { store, router: api, sender } = cloudRouter();
    const wx = sdk.getWXContext();
    // Only the platform sets SOURCE: a timer trigger calls with wx_trigger, and whatever its event
    // holds (an action among it), it runs the jobs and nothing else. A client that sends a timer's
    // event is an ordinary caller: no action, so NOT_FOUND; no caller reaches the jobs.
    if (wx.SOURCE === 'wx_trigger') return await timer(store, sender);
    const action = field(event, 'action');
    const openid = wx.OPENID === undefined || wx.OPENID === '' ? null : String(wx.OPENID);
    const result = await api.handle({
      // Only a string names an action: String() of a client-sent object may throw or coerce (['x'] is 'x').
      action: typeof action === 'string' ? action : '',
      input: field(event, 'input'),
      openid,
    });
    return result.body;
  } catch (error) {
    // Only start-up can fail here (the router answers every failure itself): answer, never throw.
    const requestId = randomUUID();
    console.error(
      `[api] ${requestId} start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return { ok: false, error: new AppError('INTERNAL', undefined, { requestId }).toApiError() };
  }
}
