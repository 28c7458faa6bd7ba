import { call, health, isWeapp } from '@/api/client';
import { clearToken, getToken } from '@/api/token';
import type { SessionMe, StaffView } from '@/core/people/views';

export type ReadySession = SessionMe & { staff: StaffView };

/** Where the caller stands; every page decides what it may show from this alone. */
export type SessionState =
  | { kind: 'loading' }
  /** H5 demo without a token: pick an identity on the login page. */
  | { kind: 'needLogin' }
  | { kind: 'error'; message: string }
  /** Identified but not bound to a roster member: only the bind page is reachable. */
  | { kind: 'unbound'; me: SessionMe }
  | { kind: 'inactive'; me: SessionMe }
  | { kind: 'ready'; me: ReadySession };

export const NO_DEMO_MESSAGE = '浏览器版未开启演示模式，请在微信中打开“同心”小程序';

let snapshot: SessionState = { kind: 'loading' };
/** Server clock minus this device's clock, from the last session.me. */
let clockOffsetMs = 0;

/** Now on the server's clock (the phone's may be wrong, and the demo's dev clock may be moved). */
export function serverNow(): Date {
  return new Date(Date.now() + clockOffsetMs);
}
let pending: Promise<SessionState> | null = null;
const listeners = new Set<(state: SessionState) => void>();

function publish(state: SessionState): SessionState {
  snapshot = state;
  listeners.forEach((listener) => listener(state));
  return state;
}

async function withoutToken(): Promise<SessionState> {
  const h = await health();
  if (!h.ok) return { kind: 'error', message: h.error.message };
  return h.data.demo ? { kind: 'needLogin' } : { kind: 'error', message: NO_DEMO_MESSAGE };
}

async function resolve(): Promise<SessionState> {
  if (!isWeapp && !getToken()) return withoutToken();
  const res = await call('session.me', {});
  if (!res.ok) {
    // A stale or foreign token (e.g. the demo data was reset) is as good as none.
    if (!isWeapp && res.error.code === 'UNAUTHENTICATED') {
      clearToken();
      return withoutToken();
    }
    return { kind: 'error', message: res.error.message };
  }
  const me = res.data;
  if (me.now) clockOffsetMs = Date.parse(me.now) - Date.now();
  if (!me.staff) return { kind: 'unbound', me };
  if (!me.staff.active) return { kind: 'inactive', me };
  return { kind: 'ready', me: { ...me, staff: me.staff } };
}

/** One `session.me` serves every page; `force` asks again (after bind, logout, role changes). */
export function loadSession(force = false): Promise<SessionState> {
  if (pending && !force) return pending;
  if (force || snapshot.kind !== 'loading') publish({ kind: 'loading' });
  const request: Promise<SessionState> = resolve().then((state) => (pending === request ? publish(state) : state));
  pending = request;
  return request;
}

export function currentSession(): SessionState {
  return snapshot;
}

export function subscribeSession(listener: (state: SessionState) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Forgets the session so that the next page asks the server again. */
export function resetSession(): void {
  pending = null;
  snapshot = { kind: 'loading' };
}

/** H5 demo: drop the identity and pick another one. */
export function logout(): void {
  clearToken();
  resetSession();
}
