import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { ruleError } from '../../../../src/core/errors';
import { codeScene, SCENE_PAGE } from '../../../../src/core/volunteer/scene';
import type { Ctx } from '../ctx';
import { volunteerCode } from './onsite';

/**
 * The on-site code as a WeChat mini-program code (wxacode.getUnlimited), for the organizer's screen
 * on weapp: the camera of any phone opens the event page with the code in `scene`. Every refusal is
 * a coded answer the screen can fall back from (it still has the digits and the drawn QR): WeChat's
 * errcode is logged and named in the message, never thrown.
 */
export async function volunteerCodeImage(
  input: ParsedInput<'volunteer.code.image'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.code.image'>> {
  const current = await volunteerCode({ eventId: input.eventId }, ctx);
  const scene = codeScene(input.eventId, current.code);
  if (!scene) throw ruleError('wxacodeScene', '活动编号过长，无法生成小程序码，请使用数字签到码');
  const made = await ctx.miniCode.make({ scene, page: SCENE_PAGE, envVersion: input.envVersion });
  if (!made) throw ruleError('wxacodeUnavailable', '此环境不能生成微信小程序码，请使用二维码或数字签到码');
  if (!made.ok) {
    console.warn(`[wxacode] ${ctx.requestId} event ${input.eventId}: WeChat refused (${made.errCode} ${made.errMsg})`);
    throw ruleError('wxacode', `微信未能生成小程序码（错误 ${made.errCode}），请使用数字签到码`, {
      errCode: made.errCode,
    });
  }
  const image = `data:${made.contentType};base64,${Buffer.from(made.image).toString('base64')}`;
  return { ...current, image };
}
