import type { Health, Transport } from '@/api/client';
import type { ApiResult, ErrorCode } from '@/core/errors';
import type { SessionMe } from '@/core/people/views';
import { DEFAULT_SETTINGS } from '@/core/settings/schema';

type Handler = (input: unknown) => ApiResult<unknown>;

export interface FakeServer {
  transport: Transport;
  /** Every action the client sent, in order, with its input as sent over the wire. */
  calls: { action: string; input: unknown }[];
  on(action: string, handler: Handler): void;
}

/** Answers at the network boundary the way the server would: envelopes only. */
export function fakeServer(health: Health = { ok: true, demo: true, dev: false }): FakeServer {
  const handlers = new Map<string, Handler>();
  const calls: FakeServer['calls'] = [];
  return {
    calls,
    on: (action, handler) => handlers.set(action, handler),
    transport: {
      async call(action, input) {
        calls.push({ action, input: JSON.parse(JSON.stringify(input ?? {})) });
        const handler = handlers.get(action);
        return handler ? handler(input) : fail('NOT_FOUND', `测试未准备 ${action}`);
      },
      async health() {
        return { ok: true, data: health };
      },
    },
  };
}

export function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

export const unboundMe: SessionMe = { staff: null, roles: [], settings: DEFAULT_SETTINGS };

export function boundMe(overrides: Partial<NonNullable<SessionMe['staff']>> = {}): SessionMe {
  const staff = {
    id: 's-31',
    staffNo: 'T0031',
    name: '孙丽',
    department: '国库科',
    roles: ['staff' as const],
    active: true,
    ...overrides,
  };
  return { staff, roles: staff.roles, settings: DEFAULT_SETTINGS };
}
