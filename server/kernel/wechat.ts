/**
 * The two WeChat openapi calls that act for the unit beyond the store: subscribe messages
 * (`subscribeMessage.send`) and mini-program codes (`wxacode.getUnlimited`). Production wires them
 * to `cloud.openapi` (server/entry/cloud.ts); the local server has no WeChat, so it records what
 * would be sent and makes no codes (H5 draws its own QR). Both answer WeChat's error codes as values:
 * a refused send or code is an outcome to log and show, never a throw through a handler.
 */

/** WeChat's answer when a call did not succeed: its errcode and errmsg (or a local stand-in). */
export interface WeChatRefusal {
  ok: false;
  errCode: number;
  errMsg: string;
}

/** A subscribe message as `subscribeMessage.send` takes it (values already cut to WeChat's limits). */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The page the message opens, with its query. */
  page: string;
  data: Record<string, { value: string }>;
}

export interface SubscribeSender {
  /** 'local': nothing leaves the machine; the send log records what would have been sent. */
  readonly delivery: 'wechat' | 'local';
  send(message: SubscribeMessage): Promise<{ ok: true } | WeChatRefusal>;
}

/** Which build of the mini-program a code opens (as `wx.getAccountInfoSync` reports it). */
export type EnvVersion = 'develop' | 'trial' | 'release';

export interface MiniCodeRequest {
  /** At most 32 visible characters of [0-9A-Za-z!#$&'()*+,/:;=?@\-._~]. */
  scene: string;
  /** A page of the published package, without a leading slash. */
  page: string;
  envVersion: EnvVersion;
}

export interface MiniCodeMaker {
  /** Null where there is no WeChat to ask (the local server). */
  make(request: MiniCodeRequest): Promise<{ ok: true; image: Uint8Array; contentType: string } | WeChatRefusal | null>;
}

/** WeChat errcodes this project answers to by name. */
export const WX_ERR = {
  /** The user has no consent left for this template (or never gave one). */
  noConsent: 43101,
  invalidOpenid: 40003,
  invalidTemplate: 40037,
  invalidData: 47003,
  invalidPage: 41030,
  systemBusy: -1,
} as const;

/** The local server's WeChat: every message "sent" (the send log keeps it for the demo), no codes. */
export const localSender: SubscribeSender = {
  delivery: 'local',
  send: async () => ({ ok: true }),
};

export const noMiniCode: MiniCodeMaker = {
  make: async () => null,
};
