import type { ActionOutput, ParsedInput } from '../../../src/core/contract';
import type { TokenSigner } from '../../entry/token';
import type { DevClock } from '../../kernel/clock';
import type { Ctx, HandlerMap } from '../../kernel/context';
import { rosterWhere } from '../people/roster';

/** Identities the demo login offers: bound members as they are, unbound ones under a demo openid. */
export function demoOpenid(staffNo: string): string {
  return `demo-${staffNo}`;
}

type DevHandlers = Pick<HandlerMap, 'dev.login' | 'dev.identities'> &
  Partial<Pick<HandlerMap, 'dev.clock.set' | 'dev.clock.reset'>>;

/** Local-server-only actions: demo login always, the clock only with `--dev`. */
export function devHandlers(options: { signer: TokenSigner; clock: DevClock | null }): DevHandlers {
  const { signer, clock } = options;
  const handlers: DevHandlers = {
    'dev.login': async (input: ParsedInput<'dev.login'>): Promise<ActionOutput<'dev.login'>> => ({
      token: signer.sign(input.openid),
    }),
    'dev.identities': async (_input, ctx: Ctx): Promise<ActionOutput<'dev.identities'>> => {
      const roster = await rosterWhere(ctx.store, { active: true });
      return {
        items: roster.map((s) => ({
          openid: s.openid ?? demoOpenid(s.staffNo),
          staffNo: s.staffNo,
          name: s.name,
          department: s.department,
          roles: s.roles,
          bound: s.openid !== null,
        })),
      };
    },
  };
  if (clock) {
    handlers['dev.clock.set'] = async (input) => {
      clock.set(new Date(input.now), input.freeze ?? false);
      return { now: clock.now().toISOString(), frozen: clock.frozen };
    };
    handlers['dev.clock.reset'] = async () => {
      clock.reset();
      return { now: clock.now().toISOString() };
    };
  }
  return handlers;
}
