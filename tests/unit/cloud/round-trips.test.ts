import { cloudRequests } from '../../../scripts/bench-cloud';

/**
 * Database requests per call of the morning's actions, counted at the double through the real SDK,
 * in a warm container (its cache holds the settings, the day's reading and the calendar): the very
 * sequence `npm run bench` prints. Every request counts against CloudBase's QPS and daily quota
 * (docs/cloudbase.md): these are ceilings.
 *
 * checkin.submit: staff, recent check-ins (the month's among them), the open; then one transaction:
 * start, the record (its id and its day's key checked, then added), three counter increments, commit;
 * and two more for each of the department's day and month that lands on a shard nobody of the
 * department has made yet (the increment finds nothing; the shard's id is checked, then it is
 * added): only the first few check-ins of a department's day.
 */
it('reading.today ≤ 3, reading.open ≤ 3, checkin.submit ≤ 15 requests in a warm container', async () => {
  const rows = new Map((await cloudRequests()).map((r) => [r.name, r]));
  const counts = {
    today: rows.get('reading.today')?.requests,
    open: rows.get('reading.open (again)')?.requests,
    submit: rows.get('checkin.submit')?.requests,
    repeat: rows.get('checkin.submit (repeat)')?.requests,
  };
  const ceilings = { today: 3, open: 3, submit: 15, repeat: 2 };
  const over = Object.entries(counts).filter(([k, n]) => n === undefined || n > ceilings[k as keyof typeof ceilings]);
  expect([counts, over]).toEqual([counts, []]);
  expect(rows.get('checkin.submit')?.data).toMatchObject({
    streak: expect.any(Number),
    monthCount: expect.any(Number),
  });
  expect(rows.get('checkin.submit (repeat)')?.data).toMatchObject({ already: true });
  // A demo seed and a few hundred round trips to the double: more than jest's 5 s on a busy machine.
}, 30_000);
