import * as z from 'zod/mini';
import { ADMIN, member, privilegedRead } from '../contract/define';
import { empty, page } from '../contract/fields';
import type { NoticeKey } from './rules';

/** What the client needs to offer consent: per template, whether it is configured and the credits left. */
export interface NoticeTemplateState {
  key: NoticeKey;
  /** Null when the unit has configured no template for it: then nothing is asked. */
  templateId: string | null;
  credits: number;
}

export interface NoticeStatus {
  templates: NoticeTemplateState[];
}

/** One WeChat message as the office's log shows it. */
export interface PushLogItem {
  id: string;
  at: string;
  staffNo: string;
  staffName: string;
  key: NoticeKey;
  title: string;
  /** The template's keywords as filled. */
  preview: string;
  status: 'sending' | 'sent' | 'failed' | 'skipped';
  /** Why it failed or was skipped, in Chinese (WeChat's errcode included). */
  reason?: string;
}

export const noticeConsentInput = z.strictObject({
  /** The template ids the person accepted in WeChat's consent dialog (`requestSubscribeMessage`). */
  accepted: z
    .array(z.string({ message: '模板编号应为文字' }).check(z.maxLength(64, { message: '模板编号无效' })), {
      message: '请提供已同意的模板',
    })
    .check(z.maxLength(3, { message: '一次最多订阅 3 个模板' })),
});

export const noticeLogInput = z.strictObject({ page });

export const noticeActions = {
  'notice.status': member(empty),
  'notice.consent': member(noticeConsentInput),
  'notice.log': privilegedRead(noticeLogInput, ADMIN),
} as const;

export interface NoticeOutputs {
  'notice.status': NoticeStatus;
  'notice.consent': NoticeStatus;
  'notice.log': {
    items: PushLogItem[];
    page: number;
    pageSize: number;
    hasMore: boolean;
    /** 'local': the local server records what it would send and sends nothing. */
    delivery: 'wechat' | 'local';
  };
}
