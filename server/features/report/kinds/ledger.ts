import type { Settings } from '../../../../src/core/settings/schema';
import type { Ctx } from '../ctx';
import { type Period, stampFormatter } from '../period';
import type { SheetSpec, Table } from '../workbook';
import { activityReport } from './activity';
import { checkinsReport } from './checkins';
import { honorReport } from './honor';
import { mailboxReport } from './mailbox';
import { volunteerReport } from './volunteer';

/**
 * 创建台账: the evidence a 文明单位 assessment asks for, one workbook for the period — a cover with
 * the unit, the period, when and by whom it was made and the headline figures, then one sheet per
 * section, each holding the tables of the export of that kind (so the two can never disagree).
 */
export async function ledgerSheets(ctx: Ctx, period: Period, settings: Settings): Promise<SheetSpec[]> {
  const [study, volunteer, honor, activity, mailbox] = await Promise.all([
    checkinsReport(ctx, period),
    volunteerReport(ctx, period),
    honorReport(ctx, period),
    activityReport(ctx, period),
    mailboxReport(ctx, period),
  ]);
  const stamp = stampFormatter(period.timeZone);
  const pick = (tables: Table[], ...titles: string[]) =>
    titles.map((t) => tables.find((x) => x.title === t)).filter((t): t is Table => t !== undefined);
  const figures: [string, string | number][] = [
    ['单位名称', settings.unitName],
    ['台账期间', `${period.from} 至 ${period.to}`],
    ['生成时间', stamp(ctx.clock.now().toISOString())],
    ['生成人', ctx.caller.staff?.name ?? ''],
    ['晨读篇目（篇）', study.headline.readings],
    ['晨读打卡（人次，含补卡）', study.headline.checkins],
    ['其中补卡（人次）', study.headline.makeups],
    ['参与晨读（人）', study.headline.participants],
    ['志愿服务活动（场）', volunteer.headline.events],
    ['志愿服务（人次）', volunteer.headline.services],
    ['志愿服务时长（小时）', volunteer.headline.hours],
    ['参加志愿服务（人）', volunteer.headline.volunteers],
    ['好人榜评选（轮）', honor.headline.rounds],
    ['好人榜提名（人）', honor.headline.nominations],
    ['好人榜当选（人）', honor.headline.honorees],
    ['文体活动（项）', activity.headline.activities],
    ['文体活动报名（个，已确认）', activity.headline.entries],
    ['参加文体活动（人）', activity.headline.people],
    ['投诉建议（件）', mailbox.total],
  ];
  const cover: Table = {
    title: '封面',
    columns: [
      { header: '项目', width: 28 },
      { header: '内容', width: 36 },
    ],
    rows: figures,
    notes: [`${settings.unitName} 文明单位创建台账`],
  };
  return [
    { name: '封面', tables: [cover] },
    { name: '学习', tables: study.tables },
    { name: '志愿服务', tables: pick(volunteer.tables, '服务活动', '服务记录', '个人时长') },
    { name: '好人榜', tables: pick(honor.tables, '评选轮次', '当选名单') },
    { name: '文体活动', tables: pick(activity.tables, '活动项目', '报名名单') },
    { name: '投诉建议', tables: [mailbox.table] },
  ];
}
