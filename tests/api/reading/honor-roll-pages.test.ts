import { HONOR_ROLL_PAGE } from '../../../src/core/reading/contract';
import { startTestServer, type TestServer } from '../support/harness';
import { BODY, sh, withoutSeededReadings } from './support';

/**
 * The 学习标兵 roll a page at a time: a unit where most members qualify gets pages of
 * HONOR_ROLL_PAGE in staff-number order and the count of all of them, and a member whose only
 * check-in is today's (its window still open) is on no page and in no count.
 */
let t: TestServer;
let admin: string;
let viewer: string;
const MEMBERS = 130;
const no = (i: number) => `P${String(i).padStart(4, '0')}`;
/** Every fourth new member checks in only on the day still in its window. */
const todayOnly = (i: number) => i % 4 === 3;

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  admin = await t.login('demo-T0001');
  viewer = await t.login('demo-T0020');
  const rows = Array.from({ length: MEMBERS }, (_, i) => ({ staffNo: no(i), name: `标兵${i}`, department: '办公室' }));
  await t.ok('staff.import', { rows }, admin);
  await t.setClock(sh('2027-03-01', '05:00:00'), true);
  const secretary = await t.login('demo-T0002');
  const ids: string[] = [];
  for (const date of ['2027-03-01', '2027-03-02']) {
    ids.push((await t.ok('reading.publish', { date, title: `${date} 晨读`, body: BODY }, secretary)).reading.id);
  }
  const tokens: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    tokens.push(await t.login(`pages-${i}`));
    await t.ok('staff.bind', { staffNo: no(i), name: `标兵${i}` }, tokens[i]);
  }
  for (const [d, day] of ['2027-03-01', '2027-03-02'].entries()) {
    const who = [...tokens.keys()].filter((i) => (d === 0 ? !todayOnly(i) : true));
    await t.setClock(sh(day, '07:00:00'), true);
    for (const i of who) await t.ok('reading.open', { readingId: ids[d] }, tokens[i]);
    await t.setClock(sh(day, '07:02:00'), true);
    for (const i of who) await t.ok('checkin.submit', { readingId: ids[d] }, tokens[i]);
  }
}, 120_000);
afterAll(() => t.stop());

/** Every page of the month, following `next`. */
async function allPages(month: string) {
  const pages = [await t.ok('checkin.honorRoll', { month }, viewer)];
  while (pages[pages.length - 1].next !== null) {
    pages.push(await t.ok('checkin.honorRoll', { month, after: pages[pages.length - 1].next ?? undefined }, viewer));
  }
  return pages;
}

describe('the honor roll in pages', () => {
  it('pages a finished month in staff-number order with nobody twice or left out', async () => {
    await t.setClock(sh('2027-04-01', '09:00:00'), true);
    const pages = await allPages('2027-03');
    // Two counted days, 90 % → both needed: only those in on both days.
    const expected = Array.from({ length: MEMBERS }, (_, i) => i)
      .filter((i) => !todayOnly(i))
      .map(no);
    expect(pages.map((p) => p.items.length)).toEqual([HONOR_ROLL_PAGE, expected.length - HONOR_ROLL_PAGE]);
    expect(pages.flatMap((p) => p.items.map((i) => i.staffNo))).toEqual(expected);
    expect(pages[0].next).toBe(pages[0].items[HONOR_ROLL_PAGE - 1].staffNo);
  });

  it("leaves out, on every page and in the count, those whose only check-in is today's while its window is open", async () => {
    await t.setClock(sh('2027-03-02', '08:00:00'), true);
    const pages = await allPages('2027-03');
    // One counted day (the 1st); today's check-ins do not count yet.
    const expected = Array.from({ length: MEMBERS }, (_, i) => i)
      .filter((i) => !todayOnly(i))
      .map(no);
    expect(pages[0]).toMatchObject({ provisional: true, workdays: 1, needed: 1 });
    expect(pages.flatMap((p) => p.items.map((i) => i.staffNo))).toEqual(expected);
    expect(pages.map((p) => p.items.length)).toEqual([HONOR_ROLL_PAGE, expected.length - HONOR_ROLL_PAGE]);
  });

  it('answers an empty last page after the last name, and a short first page has no next', async () => {
    await t.setClock(sh('2027-03-02', '10:00:00'), true);
    const last = await t.ok('checkin.honorRoll', { month: '2027-03', after: 'P9999' }, viewer);
    expect(last).toMatchObject({ workdays: 2, needed: 2, items: [], next: null });
    const tail = await t.ok('checkin.honorRoll', { month: '2027-03', after: no(MEMBERS - 10) }, viewer);
    expect(tail.items.map((i) => i.staffNo)).toEqual(['P0121', 'P0122', 'P0124', 'P0125', 'P0126', 'P0128', 'P0129']);
    expect(tail.next).toBeNull();
  });

  it('refuses a cursor that is not a staff number', async () => {
    const res = await t.call('checkin.honorRoll', { month: '2027-03', after: { gt: '' } } as never, viewer);
    expect(res.status).toBe(400);
  });
});
