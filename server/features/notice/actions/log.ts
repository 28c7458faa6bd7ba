import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { PushLogItem } from '../../../../src/core/notice';
import type { Ctx } from '../ctx';
import type { PushDoc } from '../collections';

const PAGE_SIZE = 50;

/** The office's log of WeChat messages, newest first: what went out, and why what did not. */
export async function noticeLog(input: ParsedInput<'notice.log'>, ctx: Ctx): Promise<ActionOutput<'notice.log'>> {
  const page = input.page ?? 1;
  const docs = await ctx.store
    .collection('pushes')
    .find({}, { sort: { createdAt: -1, _id: -1 }, limit: PAGE_SIZE + 1, skip: (page - 1) * PAGE_SIZE });
  const shown = docs.slice(0, PAGE_SIZE);
  const ids = [...new Set(shown.map((d) => d.staffId))];
  const staff =
    ids.length === 0 ? [] : await ctx.store.collection('staff').find({ _id: { in: ids } }, { limit: ids.length });
  const byId = new Map(staff.map((s) => [s._id, s]));
  return {
    items: shown.map((doc) => logItem(doc, byId.get(doc.staffId))),
    page,
    pageSize: PAGE_SIZE,
    hasMore: docs.length > PAGE_SIZE,
    delivery: ctx.subscribe.delivery,
  };
}

function logItem(doc: PushDoc, staff: { staffNo: string; name: string } | undefined): PushLogItem {
  const item: PushLogItem = {
    id: doc._id,
    at: doc.createdAt,
    staffNo: staff?.staffNo ?? '',
    staffName: staff?.name ?? '（已删除）',
    key: doc.key,
    title: doc.title,
    preview: doc.preview,
    status: doc.status,
  };
  const reason = reasonOf(doc);
  if (reason) item.reason = reason;
  return item;
}

/** WeChat's errcodes as the office reads them. */
const REASONS: Record<number, string> = {
  43101: '对方未订阅或订阅次数已用完（43101）',
  40003: '对方的微信身份无效（40003）',
  40037: '模板编号无效，请在设置中检查（40037）',
  47003: '模板字段与内容不符，请在设置中检查字段（47003）',
  41030: '跳转页面不存在，请先发布小程序（41030）',
  [-1]: '微信系统繁忙，已退还订阅次数（-1）',
  [-2]: '未能连接微信，已退还订阅次数',
};

function reasonOf(doc: PushDoc): string | undefined {
  if (doc.status === 'skipped') return '订阅次数已用完';
  if (doc.status !== 'failed' || doc.errCode === undefined) return undefined;
  return REASONS[doc.errCode] ?? `微信拒绝发送（${doc.errCode} ${doc.errMsg ?? ''}）`;
}
