import type { ActionInput, ActionName, ActionOutput } from '@/core/contract';
import type { ApiResult } from '@/core/errors';
import { networkFailure } from './envelope';
import { getToken } from './token';
import { cloudTransport, type Health, httpTransport, type Transport } from './transport';

export const isWeapp = process.env.TARO_ENV === 'weapp';

let transport: Transport = isWeapp ? cloudTransport : httpTransport;

/** Replaces the network boundary (component tests answer here as the server would). */
export function setTransport(next: Transport): void {
  transport = next;
}

/** Calls one action. Never throws: every outcome is an envelope whose error message is Chinese. */
export async function call<A extends ActionName>(
  action: A,
  input: ActionInput<A>,
): Promise<ApiResult<ActionOutput<A>>> {
  try {
    const result = await transport.call(action, input, isWeapp ? null : getToken());
    // The envelope's shape was checked by the transport; its data is the contract's promise.
    return result as ApiResult<ActionOutput<A>>;
  } catch (err) {
    return networkFailure(err instanceof Error ? err.message : undefined);
  }
}

export async function health(): Promise<ApiResult<Health>> {
  try {
    return await transport.health();
  } catch (err) {
    return networkFailure(err instanceof Error ? err.message : undefined);
  }
}

export type { Health, Transport };
