import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { currentSession, loadSession, type SessionState, subscribeSession } from './session';

export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>(currentSession);
  useEffect(() => {
    let live = true;
    const off = subscribeSession((next) => live && setState(next));
    void loadSession().then((next) => live && setState(next));
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

/** reLaunch drops the page stack, so an unbound or logged-out user cannot go "back" past the gate. */
export function relaunch(url: string): void {
  Taro.reLaunch({ url }).catch(() => {
    // The target page reports its own state; nothing more to do here.
  });
}
