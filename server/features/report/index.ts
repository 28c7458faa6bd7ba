/**
 * Excel exports (.xlsx) and the 创建台账 ledger for a period (`report.export`, admins only): one file
 * per kind — 晨读打卡 (kinds/checkins.ts), 志愿服务 (kinds/volunteer.ts), 好人榜 (kinds/honor.ts),
 * 文体活动 (kinds/activity.ts) — and the ledger that puts them behind a cover (kinds/ledger.ts), with
 * the mailbox's counts (kinds/mailbox.ts). workbook.ts makes every sheet alike: Chinese headers, a
 * frozen header, set widths, formula-like text kept inert.
 *
 * Rules the tests hold it to: a period is valid local days, from ≤ to, at most MAX_PERIOD_DAYS
 * (src/core/report/rules.ts); it reads by indexed fields a page at a time, counters where the
 * features keep them; it writes nothing but the audit line; no mailbox sender is ever read.
 * The file travels base64 inside the answer: on CloudBase that answer has a size limit.
 */
import { defineFeature } from '../../kernel/feature';
import { reportExport } from './actions/export';

export const report = defineFeature({
  name: 'report',
  collections: {},
  handlers: { 'report.export': reportExport },
});
