import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { Ctx } from '../ctx';
import { staffView } from '../views';

export async function sessionMe(_input: ParsedInput<'session.me'>, ctx: Ctx): Promise<ActionOutput<'session.me'>> {
  const { staff, roles } = ctx.caller;
  return {
    staff: staff ? staffView(staff) : null,
    roles,
    settings: await ctx.settings(),
    now: ctx.clock.now().toISOString(),
  };
}
