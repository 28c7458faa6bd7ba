/**
 * The local server's own actions, never part of the cloud bundle (scripts/build-cloud.mjs fails if
 * they get in): the demo login (`dev.login`, `dev.identities`) in demo mode, and the settable clock
 * (`dev.clock.set`, `dev.clock.reset`) with `--dev`. The transport hands in how it signs sessions and
 * its clock, so this feature knows no transport.
 */
import type { ActionOutput, ParsedInput } from '../../../src/core/contract';
import type { DevClock } from '../../kernel/clock';
import type { Handlers } from '../../kernel/context';
import { defineFeature } from '../../kernel/feature';
import { rosterWhere } from '../people';
import type { DevWorld } from './ctx';

/** Identities the demo login offers: bound members as they are, unbound ones under a demo openid. */
export function demoOpenid(staffNo: string): string {
  return `demo-${staffNo}`;
}

export interface DevOptions {
  /**
   * Demo mode: how the transport turns an openid into a session token. Null (`--no-demo`): the demo
   * login does not exist, whatever else is on — anyone who reaches the port could be anyone.
   */
  signer: { sign(openid: string): string } | null;
  /** The settable clock (`--dev`), or null: then the clock actions do not exist. */
  clock: DevClock | null;
}

type DevHandlers = Partial<Handlers<'dev.login' | 'dev.identities' | 'dev.clock.set' | 'dev.clock.reset', DevWorld>>;

export function devFeature(options: DevOptions) {
  const { signer, clock } = options;
  const handlers: DevHandlers = {};
  if (signer) {
    handlers['dev.login'] = async (input: ParsedInput<'dev.login'>): Promise<ActionOutput<'dev.login'>> => ({
      token: signer.sign(input.openid),
    });
    handlers['dev.identities'] = async (_input, ctx): Promise<ActionOutput<'dev.identities'>> => {
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
    };
  }
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
  return defineFeature({ name: 'dev', collections: {}, handlers });
}
