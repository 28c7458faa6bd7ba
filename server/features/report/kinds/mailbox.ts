import { MAIL_CATEGORIES, MAIL_STATUSES, type MailStatus } from '../../../../src/core/mailbox/rules';
import type { Ctx } from '../ctx';
import type { Period } from '../period';
import type { Cell, Table } from '../workbook';

/**
 * 投诉建议 for the ledger: how many messages of each category and status arrived in the period, and
 * nothing else. Only indexed counts (status + createdAt) are asked for, so no message — and nothing
 * that could lead back to its sender — is ever read by an export.
 */

const STATUS_LABELS: Record<MailStatus, string> = { open: '待答复', replied: '已答复', closed: '已办结' };

export async function mailboxReport(ctx: Ctx, period: Period): Promise<{ table: Table; total: number }> {
  const mailbox = ctx.store.collection('mailbox');
  // Anonymous messages are stamped with the instant their local day began: inside the same bounds.
  const createdAt = { gte: period.startAt, lt: period.endBefore };
  const counts = await Promise.all(
    MAIL_CATEGORIES.map((category) =>
      Promise.all(MAIL_STATUSES.map((status) => mailbox.count({ status, category, createdAt }))),
    ),
  );
  const rows: Cell[][] = MAIL_CATEGORIES.map((category, i) => [
    category,
    ...counts[i],
    counts[i].reduce((a, b) => a + b, 0),
  ]);
  const column = (s: number) => counts.reduce((n, c) => n + c[s], 0);
  const totals = MAIL_STATUSES.map((_, s) => column(s));
  const total = totals.reduce((a, b) => a + b, 0);
  rows.push(['合计', ...totals, total]);
  return {
    table: {
      title: '投诉建议统计',
      columns: [
        { header: '类别', width: 10 },
        ...MAIL_STATUSES.map((s) => ({ header: STATUS_LABELS[s], width: 10 })),
        { header: '合计', width: 10 },
      ],
      rows,
      notes: ['按来信日期统计件数，不含来信内容及来信人信息。'],
    },
    total,
  };
}
