import type { MiniCodeMaker, SubscribeSender, WeChatRefusal } from '../kernel/wechat';

/**
 * The production side of kernel/wechat.ts: `cloud.openapi` of wx-server-sdk. The SDK answers
 * camel-cased results, and throws when WeChat's errcode is not 0 — an Error whose `errCode` holds it
 * (and whose message reads `errCode: 43101 | errMsg: …`); both become a refusal value here.
 */

export interface SubscribeApi {
  send(params: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogramState: 'developer' | 'trial' | 'formal';
    lang: 'zh_CN';
  }): Promise<{ errCode?: number; errMsg?: string }>;
}

export interface WxacodeApi {
  getUnlimited(params: {
    scene: string;
    page: string;
    checkPath: boolean;
    envVersion: 'develop' | 'trial' | 'release';
    width: number;
  }): Promise<{ contentType?: string; buffer?: Uint8Array; errCode?: number; errMsg?: string }>;
}

/** WeChat's code and message out of what the SDK threw (or a code of our own when it says none). */
export function refusalOf(error: unknown): WeChatRefusal {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const message = error instanceof Error ? error.message : String(error);
  const fromMessage = /errCode:\s*(-?\d+)/.exec(message)?.[1];
  const code = typeof record.errCode === 'number' ? record.errCode : fromMessage ? Number(fromMessage) : -2;
  const errMsg = typeof record.errMsg === 'string' ? record.errMsg : message;
  return { ok: false, errCode: code, errMsg: errMsg.slice(0, 300) };
}

/** Subscribe messages go to the released mini-program: a unit's staff use that version. */
export function openapiSender(api: SubscribeApi): SubscribeSender {
  return {
    delivery: 'wechat',
    async send(message) {
      try {
        const answer = await api.send({
          touser: message.openid,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: 'formal',
          lang: 'zh_CN',
        });
        if (answer.errCode !== undefined && answer.errCode !== 0)
          return { ok: false, errCode: answer.errCode, errMsg: answer.errMsg ?? '' };
        return { ok: true };
      } catch (error) {
        return refusalOf(error);
      }
    },
  };
}

/** Mini-program codes; a code for a build that is not released may name a page WeChat has not seen. */
export function openapiMiniCode(api: WxacodeApi): MiniCodeMaker {
  return {
    async make(request) {
      try {
        const answer = await api.getUnlimited({
          scene: request.scene,
          page: request.page,
          checkPath: request.envVersion === 'release',
          envVersion: request.envVersion,
          width: 430,
        });
        if (answer.errCode !== undefined && answer.errCode !== 0)
          return { ok: false, errCode: answer.errCode, errMsg: answer.errMsg ?? '' };
        if (!answer.buffer || answer.buffer.length === 0)
          return { ok: false, errCode: -2, errMsg: 'wxacode.getUnlimited answered no image' };
        return { ok: true, image: answer.buffer, contentType: answer.contentType ?? 'image/jpeg' };
      } catch (error) {
        return refusalOf(error);
      }
    },
  };
}
