import { AsyncLocalStorage } from 'node:async_hooks';
import type { NoticeSlots } from '../../src/core/notice';

/**
 * The inbox notices a request (or a job) wrote, gathered so that the WeChat message each may also
 * get is sent after the handler's writes are done, never inside a transaction: a send that fails or
 * hangs then cannot undo or hold up the in-app notice. A transaction that retried may have written
 * notices that did not survive; delivery checks each one still exists before sending anything.
 */
export interface WrittenNotice {
  inboxId: string;
  staffId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** What a WeChat template shows, when the notice knows more than its title and body. */
  slots?: NoticeSlots;
}

const current = new AsyncLocalStorage<WrittenNotice[]>();

/** Runs `fn` and answers what it returned with the notices written meanwhile. */
export async function collectNotices<T>(fn: () => Promise<T>): Promise<{ value: T; notices: WrittenNotice[] }> {
  const notices: WrittenNotice[] = [];
  const value = await current.run(notices, fn);
  return { value, notices };
}

/** Called by the inbox for each notice it stores; outside a collecting run it does nothing. */
export function noticeWritten(notice: WrittenNotice): void {
  current.getStore()?.push(notice);
}
