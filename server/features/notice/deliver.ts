import { keyOfKind, keywordTime, type NoticeKey, parseTemplateFields, templateData } from '../../../src/core/notice';
import type { Settings } from '../../../src/core/settings/schema';
import type { PushOutcome, PushRequest } from '../../kernel/jobs';
import type { WrittenNotice } from '../../kernel/outbox';
import { type SubscribeSender, type WeChatRefusal, WX_ERR } from '../../kernel/wechat';
import { isDuplicate } from '../../store/port';
import type { NoticeStore } from './ctx';

export interface PushDeps {
  store: NoticeStore;
  sender: SubscribeSender;
  settings: Settings;
  now: Date;
  log: (line: string) => void;
}

export const creditId = (staffId: string, key: NoticeKey) => `${staffId}:${key}`;

/**
 * Offers one message: only with a configured template and an unspent consent, claimed before it is
 * sent. A refusal is kept on the claim for the office's log; WeChat's "no consent" (43101) means the
 * person has none left, a busy WeChat or a broken connection gives the consent back.
 */
export async function push(deps: PushDeps, request: PushRequest): Promise<PushOutcome> {
  const template = deps.settings.subscribe[request.key];
  if (template.templateId === '') return 'noTemplate';
  const parsed = parseTemplateFields(template.fields);
  if ('problem' in parsed) return 'noTemplate';
  const credits = deps.store.collection('noticeCredits');
  const id = creditId(request.staffId, request.key);
  if (((await credits.get(id))?.credits ?? 0) <= 0) return 'noCredit';
  const staff = await deps.store.collection('staff').get(request.staffId);
  if (!staff?.openid || !staff.active) return 'unbound';

  const at = deps.now.toISOString();
  const data = templateData(parsed.fields, request.slots);
  const pushes = deps.store.collection('pushes');
  try {
    await pushes.insert({
      _id: request.id,
      staffId: request.staffId,
      key: request.key,
      templateId: template.templateId,
      title: request.title,
      page: request.link.replace(/^\//, ''),
      preview: Object.entries(data)
        .map(([keyword, { value }]) => `${keyword}=${value}`)
        .join('；'),
      status: 'sending',
      createdAt: at,
    });
  } catch (error) {
    if (isDuplicate(error)) return 'already';
    throw error;
  }
  if ((await credits.update({ _id: id, credits: { gt: 0 } }, { inc: { credits: -1 }, set: { updatedAt: at } })) === 0) {
    await pushes.update({ _id: request.id }, { set: { status: 'skipped', errMsg: 'noCredit', doneAt: at } });
    return 'noCredit';
  }

  const answer = await sendSafely(deps.sender, {
    openid: staff.openid,
    templateId: template.templateId,
    page: request.link.replace(/^\//, ''),
    data,
  });
  if (answer.ok) {
    await pushes.update({ _id: request.id }, { set: { status: 'sent', doneAt: new Date().toISOString() } });
    return 'sent';
  }
  if (answer.errCode === WX_ERR.noConsent) await credits.update({ _id: id }, { set: { credits: 0, updatedAt: at } });
  else if (answer.errCode === WX_ERR.systemBusy || answer.errCode === NETWORK)
    await credits.update({ _id: id }, { inc: { credits: 1 }, set: { updatedAt: at } });
  await pushes.update(
    { _id: request.id },
    { set: { status: 'failed', errCode: answer.errCode, errMsg: answer.errMsg.slice(0, 200), doneAt: at } },
  );
  deps.log(`[notice] ${request.id} to ${request.staffId}: WeChat refused (${answer.errCode} ${answer.errMsg})`);
  return 'failed';
}

/** A send that threw (no connection, a timeout): kept as a refusal of its own. */
export const NETWORK = -2;

async function sendSafely(
  sender: SubscribeSender,
  message: Parameters<SubscribeSender['send']>[0],
): Promise<{ ok: true } | WeChatRefusal> {
  try {
    return await sender.send(message);
  } catch (error) {
    return { ok: false, errCode: NETWORK, errMsg: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The WeChat side of the inbox notices a request or a job wrote. Each kind has its template (or
 * none: inbox only); a notice whose transaction did not survive is not in the inbox and gets nothing.
 * Never throws: the notices are stored, and a failed send is only logged.
 */
export async function deliverNotices(deps: PushDeps, notices: readonly WrittenNotice[]): Promise<void> {
  for (const notice of notices) {
    const key = keyOfKind(notice.kind);
    if (key === null || deps.settings.subscribe[key].templateId === '') continue;
    try {
      if (!(await deps.store.collection('inbox').get(notice.inboxId))) continue;
      await push(deps, {
        id: `inbox:${notice.inboxId}`,
        staffId: notice.staffId,
        key,
        title: notice.title,
        link: notice.link ?? INBOX_PAGE,
        slots: {
          title: notice.title,
          time: keywordTime(deps.now, deps.settings.timeZone),
          result: notice.title,
          note: notice.body,
          ...notice.slots,
        },
      });
    } catch (error) {
      deps.log(
        `[notice] inbox:${notice.inboxId} not offered: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

export const INBOX_PAGE = '/subpackages/inbox/index/index';
