import { findAll, forEachPage } from '../../../kernel/paging';
import type { VolunteerCollections } from '../../volunteer';
import type { Ctx } from '../ctx';
import { type Period, stampFormatter } from '../period';
import { byStaffNo, type Cell, type Table } from '../workbook';

/**
 * 志愿服务: the events that started in the period, one row per confirmed service with the fields of
 * 民政部令第67号 (who, what, where, when, hours, recorded by whom), and the hours per person. Records
 * are read by event (an indexed `eventId in […]`, a page at a time), never by scanning the year.
 */

type VolunteerEventDoc = VolunteerCollections['volunteerEvents'];
type VolunteerRecordDoc = VolunteerCollections['volunteerRecords'];

export interface VolunteerReport {
  tables: Table[];
  headline: { events: number; services: number; hours: number; volunteers: number };
}

/** Event ids per `in` query: well under the store's page, and short enough for CloudBase's command size. */
const IDS_PER_QUERY = 100;

export async function volunteerReport(ctx: Ctx, period: Period): Promise<VolunteerReport> {
  const { store } = ctx;
  const events = (
    await findAll(
      store.collection('volunteerEvents'),
      { startAt: { gte: period.startAt, lt: period.endBefore } },
      { startAt: 1 },
    )
  ).filter((e) => e.status === 'active');
  const records: VolunteerRecordDoc[] = [];
  for (let i = 0; i < events.length; i += IDS_PER_QUERY) {
    const ids = events.slice(i, i + IDS_PER_QUERY).map((e) => e._id);
    await forEachPage(store.collection('volunteerRecords'), { eventId: { in: ids } }, (page) => {
      for (const r of page) if (r.hours !== null && r.confirmedAt !== null) records.push(r);
    });
  }
  const order = new Map(events.map((e, i) => [e._id, i]));
  records.sort((a, b) => (order.get(a.eventId) ?? 0) - (order.get(b.eventId) ?? 0) || byStaffNo(a, b));

  const stamp = stampFormatter(period.timeZone);
  const times = new Map(events.map((e) => [e._id, `${stamp(e.startAt).slice(11)}–${stamp(e.endAt).slice(11)}`]));
  const recordRows: Cell[][] = records.map((r) => [
    r.staffName,
    r.staffNo,
    r.department,
    r.eventTitle,
    r.eventDate,
    times.get(r.eventId) ?? '',
    r.place,
    r.content,
    r.hours ?? 0,
    r.unitName,
    r.team ?? '',
    r.confirmerName ?? '',
    stamp(r.confirmedAt),
    r.note ?? '',
  ]);

  const perEvent = new Map<string, { people: number; hours: number }>();
  const perPerson = new Map<string, { staffNo: string; name: string; department: string; n: number; hours: number }>();
  for (const r of records) {
    const e = perEvent.get(r.eventId) ?? { people: 0, hours: 0 };
    perEvent.set(r.eventId, { people: e.people + 1, hours: e.hours + (r.hours ?? 0) });
    const p = perPerson.get(r.staffId) ?? {
      staffNo: r.staffNo,
      name: r.staffName,
      department: r.department,
      n: 0,
      hours: 0,
    };
    perPerson.set(r.staffId, { ...p, n: p.n + 1, hours: p.hours + (r.hours ?? 0) });
  }
  const people = [...perPerson.values()].sort(byStaffNo);
  const hours = records.reduce((n, r) => n + (r.hours ?? 0), 0);

  return {
    tables: [
      {
        title: '服务记录',
        columns: [
          { header: '姓名', width: 10 },
          { header: '工号', width: 10 },
          { header: '部门', width: 12 },
          { header: '服务项目', width: 28 },
          { header: '服务日期', width: 12 },
          { header: '服务时间', width: 13 },
          { header: '服务地点', width: 24 },
          { header: '服务内容', width: 40 },
          { header: '服务时长（小时）', width: 16 },
          { header: '组织单位', width: 20 },
          { header: '志愿服务队', width: 18 },
          { header: '确认人', width: 10 },
          { header: '确认时间', width: 17 },
          { header: '备注', width: 24 },
        ],
        rows: recordRows,
        notes: ['依据《志愿服务记录与证明出具办法》（民政部令第67号），仅列出已确认时长的服务。'],
      },
      {
        title: '个人时长',
        columns: [
          { header: '工号', width: 10 },
          { header: '姓名', width: 10 },
          { header: '部门', width: 12 },
          { header: '服务次数', width: 10 },
          { header: '服务时长合计（小时）', width: 20 },
        ],
        rows: people.map((p) => [p.staffNo, p.name, p.department, p.n, p.hours]),
      },
      {
        title: '服务活动',
        columns: [
          { header: '活动名称', width: 28 },
          { header: '日期', width: 12 },
          { header: '时间', width: 13 },
          { header: '地点', width: 24 },
          { header: '志愿服务队', width: 18 },
          { header: '计划时长（小时）', width: 16 },
          { header: '名额', width: 8 },
          { header: '确认人数', width: 10 },
          { header: '确认时长合计（小时）', width: 20 },
        ],
        rows: events.map((e) => eventRow(e, stamp, times.get(e._id) ?? '', perEvent.get(e._id))),
        notes: ['列出期间内开始的未取消活动。'],
      },
    ],
    headline: { events: events.length, services: records.length, hours, volunteers: people.length },
  };
}

function eventRow(
  e: VolunteerEventDoc,
  stamp: (iso: string) => string,
  time: string,
  done: { people: number; hours: number } | undefined,
): Cell[] {
  return [
    e.title,
    stamp(e.startAt).slice(0, 10),
    time,
    e.place,
    e.team ?? '',
    e.plannedHours,
    e.capacity,
    done?.people ?? 0,
    done?.hours ?? 0,
  ];
}
