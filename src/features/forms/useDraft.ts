import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';

const PREFIX = 'tongxin.draft.';

export interface Draft<T> {
  value: T;
  set(update: (current: T) => T): void;
  /** True when the form opened with what was left unsubmitted last time. */
  restored: boolean;
  /** Forgets the draft after a successful submit. */
  discard(): void;
  /** Throws the draft away and shows the form as it was without one. */
  reset(): void;
}

function read<T>(key: string): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key);
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/**
 * A form's values kept on the device as they are typed, so that leaving a half-written nomination or
 * reading (a tap on 返回, a call coming in) loses nothing: the form reopens with them. `key` names the
 * form and what it edits (e.g. `nominate:<roundId>`); `initial` is what the form shows without one.
 */
export function useDraft<T extends object>(key: string, initial: T): Draft<T> {
  const [state, setState] = useState<{ value: T; restored: boolean }>(() => {
    const saved = read<T>(key);
    return saved ? { value: { ...initial, ...saved }, restored: true } : { value: initial, restored: false };
  });
  const dirty = useRef(false);
  const first = useRef(initial);

  useEffect(() => {
    if (!dirty.current) return;
    try {
      Taro.setStorageSync(PREFIX + key, JSON.stringify(state.value));
    } catch {
      // Storage full or unavailable: the form still works, only without a draft.
    }
  }, [key, state.value]);

  const set = useCallback((update: (current: T) => T) => {
    dirty.current = true;
    setState((s) => ({ ...s, value: update(s.value) }));
  }, []);

  const discard = useCallback(() => {
    dirty.current = false;
    try {
      Taro.removeStorageSync(PREFIX + key);
    } catch {
      // Nothing stored.
    }
  }, [key]);

  const reset = useCallback(() => {
    discard();
    setState({ value: first.current, restored: false });
  }, [discard]);

  return { value: state.value, set, restored: state.restored, discard, reset };
}
