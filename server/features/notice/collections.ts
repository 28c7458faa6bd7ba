import type { NoticeKey } from '../../../src/core/notice';
import type { CollectionSpecs } from '../../kernel/feature';

/** One person's unspent consents for one template: `_id` is `<staffId>:<key>`. */
export interface NoticeCreditDoc {
  _id: string;
  staffId: string;
  key: NoticeKey;
  credits: number;
  updatedAt: string;
}

/**
 * One WeChat message, claimed before it is sent. `_id` names what it is for (`inbox:<noticeId>`,
 * `reading:<day>:<staffId>`, `event:<eventId>:<staffId>` …), so a second run of the same job or a
 * retried delivery finds the claim and sends nothing twice.
 */
export interface PushDoc {
  _id: string;
  staffId: string;
  key: NoticeKey;
  templateId: string;
  title: string;
  page: string;
  /** The template's keywords as filled, e.g. `thing1=今日晨读；time2=…`, for the office's log. */
  preview: string;
  status: 'sending' | 'sent' | 'failed' | 'skipped';
  errCode?: number;
  errMsg?: string;
  createdAt: string;
  doneAt?: string;
}

/** A job's once-only step (a report to admins, a night's recount): `_id` names the step and its day. */
export interface JobMarkDoc {
  _id: string;
  at: string;
}

export interface NoticeCollections {
  noticeCredits: NoticeCreditDoc;
  pushes: PushDoc;
  jobMarks: JobMarkDoc;
}

export const NOTICE_COLLECTIONS: CollectionSpecs<NoticeCollections> = {
  noticeCredits: { indexes: [['key', 'credits']] },
  pushes: { indexes: [['createdAt']] },
  jobMarks: {},
};
