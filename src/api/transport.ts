import Taro from '@tarojs/taro';
import type { ApiResult } from '@/core/errors';
import { asEnvelope, networkFailure } from './envelope';

export interface Health {
  ok: boolean;
  /** Demo mode: the login page may list identities and log in as any of them. */
  demo: boolean;
  dev: boolean;
}

/** The network boundary: tests swap it to answer as the server would. */
export interface Transport {
  /** Sends one action; resolves to the envelope, never rejects. */
  call(action: string, input: unknown, token: string | null): Promise<ApiResult<unknown>>;
  health(): Promise<ApiResult<Health>>;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** H5: the local server, same origin. Non-2xx answers still carry the envelope. */
export const httpTransport: Transport = {
  async call(action, input, token) {
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      const response = await fetch(`/api/${encodeURIComponent(action)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
      return asEnvelope(await readJson(response));
    } catch (err) {
      return networkFailure(err instanceof Error ? err.message : undefined);
    }
  },
  async health() {
    try {
      const response = await fetch('/healthz');
      const body = await readJson(response);
      if (typeof body === 'object' && body !== null && 'ok' in body) {
        const { demo, dev } = body as { demo?: unknown; dev?: unknown };
        return { ok: true, data: { ok: true, demo: demo === true, dev: dev === true } };
      }
      return networkFailure('bad healthz');
    } catch (err) {
      return networkFailure(err instanceof Error ? err.message : undefined);
    }
  },
};

/** weapp: one cloud function named `api` routes every action; identity is the caller's OPENID. */
export const cloudTransport: Transport = {
  async call(action, input) {
    try {
      const res = await Taro.cloud.callFunction({ name: 'api', data: { action, input: input ?? {} } });
      return asEnvelope(res.result);
    } catch (err) {
      return networkFailure(err instanceof Error ? err.message : undefined);
    }
  },
  async health() {
    return { ok: true, data: { ok: true, demo: false, dev: false } };
  },
};
