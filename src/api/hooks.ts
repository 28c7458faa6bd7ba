import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@/core/contract';
import type { ApiError, ApiResult } from '@/core/errors';
import { call } from './client';

export interface QueryState<T> {
  loading: boolean;
  data: T | null;
  error: ApiError | null;
  reload: () => void;
  /** Replaces the data locally, e.g. with what a write answered. */
  setData: (data: T) => void;
}

/**
 * Loads an action's answer and reloads when the input changes. `input === null` waits (nothing sent).
 * Only the latest request may settle the state, so fast typing in a search box cannot show stale rows.
 */
export function useQuery<A extends ActionName>(action: A, input: ActionInput<A> | null): QueryState<ActionOutput<A>> {
  const [data, setData] = useState<ActionOutput<A> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return undefined;
    const ticket = ++latest.current;
    let live = true;
    setLoading(true);
    setError(null);
    void call(action, JSON.parse(key) as ActionInput<A>).then((res) => {
      if (!live || ticket !== latest.current) return;
      if (res.ok) setData(res.data);
      else setError(res.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [action, key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { loading, data, error, reload, setData };
}

export interface MutationState<A extends ActionName> {
  busy: boolean;
  error: ApiError | null;
  run: (input: ActionInput<A>) => Promise<ApiResult<ActionOutput<A>>>;
  clearError: () => void;
}

/** A write triggered by the user: one at a time, with its last error kept for display. */
export function useMutation<A extends ActionName>(action: A): MutationState<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (input: ActionInput<A>) => {
      setBusy(true);
      setError(null);
      const res = await call(action, input);
      setBusy(false);
      if (!res.ok) setError(res.error);
      return res;
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
