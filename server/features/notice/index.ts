/**
 * Subscribe messages (订阅消息, issue 10): the WeChat side of notices, with the inbox as the record.
 *
 * - actions/consent.ts: `notice.status` and `notice.consent` — each template a person accepted in
 *   WeChat's dialog is one credit (WeChat's rule: one consent, one message);
 * - deliver.ts: `push` claims a message by what it is for, spends a credit, sends and keeps the
 *   outcome; `deliverNotices` offers the inbox notices a request or a job wrote (the router calls it
 *   after the handler, outside every transaction), so a failed send never touches the inbox;
 * - actions/log.ts: `notice.log`, the office's record of what was sent and why not;
 * - jobMarks: the once-only steps of scheduled jobs (server/kernel/jobs.ts).
 * Template ids and keywords are settings (`subscribe`); with none, a notice is an inbox notice only.
 */
import { defineFeature } from '../../kernel/feature';
import { noticeConsent, noticeStatus } from './actions/consent';
import { noticeLog } from './actions/log';
import { NOTICE_COLLECTIONS } from './collections';

export const notice = defineFeature({
  name: 'notice',
  collections: NOTICE_COLLECTIONS,
  handlers: { 'notice.status': noticeStatus, 'notice.consent': noticeConsent, 'notice.log': noticeLog },
});

export { deliverNotices, push, type PushDeps } from './deliver';
export { once } from './once';
export type { NoticeCollections } from './collections';
