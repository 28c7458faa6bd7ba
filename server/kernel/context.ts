import type { ActionName, ActionOutput, ParsedInput } from '../../src/core/contract';
import type { Role } from '../../src/core/roles';
import type { Settings } from '../../src/core/settings/schema';
import type { DocMap, Store } from '../store/port';
import type { ReadCache } from './cache';
import type { Clock } from './clock';
import type { StaffDoc } from './member';
import type { MiniCodeMaker, SubscribeSender } from './wechat';

export type { StaffDoc } from './member';

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

/**
 * What a handler gets. `C` is the collections it may touch: each feature names its own and those of
 * the features it reads (its `ctx.ts`), so the compiler holds a feature to what it declared, while the
 * router passes the one store of every feature (a store of more collections fits a handler of fewer).
 */
export interface Ctx<C extends DocMap<C>> {
  store: Store<C>;
  clock: Clock;
  caller: Caller;
  requestId: string;
  contentCheck: ContentCheck;
  /** WeChat's mini-program codes (wxacode.getUnlimited); none on the local server. */
  miniCode: MiniCodeMaker;
  /** WeChat's subscribe messages (the notice feature sends through it); a recorder on the local server. */
  subscribe: SubscribeSender;
  /** The unit's settings, read once per request (or less: see `cache`). */
  settings(): Promise<Settings>;
  /** Reads a container may share between calls for a few seconds (kernel/cache.ts). */
  cache: ReadCache;
  /** Names what a privileged write touched, for the audit log. */
  auditTarget(target: string): void;
}

export type Handler<A extends ActionName, C extends DocMap<C>> = (
  input: ParsedInput<A>,
  ctx: Ctx<C>,
) => Promise<ActionOutput<A>>;

/** Handlers for some actions, each over collections C. */
export type Handlers<A extends ActionName, C extends DocMap<C>> = { [K in A]: Handler<K, C> };

/** Narrows a context for handlers of `staff` actions: the router guarantees the member. */
export function member(ctx: { caller: Caller }): StaffDoc {
  const staff = ctx.caller.staff;
  if (!staff) throw new Error('member() called on a context without a bound member');
  return staff;
}
