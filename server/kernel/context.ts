import type { ActionName, ActionOutput, ParsedInput } from '../../src/core/contract';
import type { Role } from '../../src/core/roles';
import type { Settings } from '../../src/core/settings/schema';
import type { Clock } from './clock';
import type { Store } from '../store/port';
import type { Collections, StaffDoc } from '../features/schema';

export type AppStore = Store<Collections>;

export interface Caller {
  /** The WeChat OPENID (or the local session's openid); null for anonymous callers. */
  openid: string | null;
  /** The bound roster member, if any. */
  staff: StaffDoc | null;
  roles: Role[];
}

/** Where free text written by staff is checked before it is stored (DESIGN.md §5). */
export interface ContentCheck {
  /** Resolves to a Chinese reason when the text must be refused, else null. */
  check(text: string, openid: string | null): Promise<string | null>;
}

export interface Ctx {
  store: AppStore;
  clock: Clock;
  caller: Caller;
  requestId: string;
  contentCheck: ContentCheck;
  /** The unit's settings, read once per request. */
  settings(): Promise<Settings>;
  /** Names what a privileged write touched, for the audit log. */
  auditTarget(target: string): void;
}

/** A caller that passed the router's staff gate. */
export interface StaffCtx extends Ctx {
  caller: Caller & { openid: string; staff: StaffDoc };
}

export type Handler<A extends ActionName> = (input: ParsedInput<A>, ctx: Ctx) => Promise<ActionOutput<A>>;

export type HandlerMap = { [A in ActionName]: Handler<A> };

/** Narrows a context for handlers of `staff` actions: the router guarantees the member. */
export function member(ctx: Ctx): StaffDoc {
  const staff = ctx.caller.staff;
  if (!staff) throw new Error('member() called on a context without a bound member');
  return staff;
}
