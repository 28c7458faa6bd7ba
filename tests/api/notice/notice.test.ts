import type { SubscribeMessage, SubscribeSender, WeChatRefusal } from '../../../server/kernel/wechat';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createEvent, MONDAY_0900, staffIdOf } from '../volunteer/support';

/**
 * Subscribe messages over the real local server: consent credits, one message per credit, the
 * inbox notice kept whatever WeChat answers, and templates from settings. WeChat is a double of
 * the send port that records each message and refuses on command with WeChat's errcodes.
 */

const EVENT_TEMPLATE = 'EvTmpl_0123456789abcdefGHIJ';
const REVIEW_TEMPLATE = 'RvTmpl_0123456789abcdefGHIJ';

class WeChatDouble implements SubscribeSender {
  readonly delivery = 'wechat' as const;
  sent: SubscribeMessage[] = [];
  refuseNext: WeChatRefusal | null = null;
  async send(message: SubscribeMessage) {
    const refusal = this.refuseNext;
    this.refuseNext = null;
    if (refusal) return refusal;
    this.sent.push(message);
    return { ok: true as const };
  }
}

let t: TestServer;
const wechat = new WeChatDouble();
let admin: string;
let organizer: string;

beforeAll(async () => {
  t = await startTestServer({ subscribe: wechat });
  await t.setClock(MONDAY_0900);
  admin = await t.login('demo-T0001');
  organizer = await t.login('demo-T0003');
  await t.ok(
    'settings.update',
    {
      subscribe: {
        reading: { templateId: '', fields: 'thing1:title,time2:time,thing3:note' },
        event: { templateId: EVENT_TEMPLATE, fields: 'thing1:title,time2:time,thing3:place,thing4:note' },
        review: { templateId: REVIEW_TEMPLATE, fields: 'thing1:title,phrase2:result,thing3:note' },
      },
    },
    admin,
  );
});
afterAll(() => t.stop());

async function credits(token: string, key: string): Promise<number> {
  const status = await t.ok('notice.status', {}, token);
  return status.templates.find((x) => x.key === key)?.credits ?? -1;
}

/** One seat, A confirmed, B waiting; A cancels and B is promoted: B's notice is the message under test. */
async function promote(a: string, b: string): Promise<void> {
  const eventId = await createEvent(t, organizer, { capacity: 1 });
  await t.ok('volunteer.signup', { eventId }, a);
  await t.ok('volunteer.signup', { eventId }, b);
  await t.ok('volunteer.cancel', { eventId }, a);
}

describe('consent', () => {
  it('answers each template configured or not, and counts one credit per accepted template', async () => {
    const me = await t.login('demo-T0010');
    const before = await t.ok('notice.status', {}, me);
    expect(before.templates).toEqual([
      { key: 'reading', templateId: null, credits: 0 },
      { key: 'event', templateId: EVENT_TEMPLATE, credits: 0 },
      { key: 'review', templateId: REVIEW_TEMPLATE, credits: 0 },
    ]);
    await t.ok('notice.consent', { accepted: [EVENT_TEMPLATE] }, me);
    await t.ok('notice.consent', { accepted: [EVENT_TEMPLATE, 'NotOurs_0123456789abcdefGH'] }, me);
    expect(await credits(me, 'event')).toBe(2);
    expect(await credits(me, 'review')).toBe(0);
  });

  it('refuses malformed consent with a Chinese message and changes nothing', async () => {
    const me = await t.login('demo-T0011');
    const res = await t.call('notice.consent', { accepted: [1, 2] } as never, me);
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toMatch(/[\u4e00-\u9fff]/);
    expect((await t.call('notice.consent', { accepted: ['a', 'b', 'c', 'd'] }, me)).status).toBe(400);
    expect(await credits(me, 'event')).toBe(0);
  });
});

describe('delivery', () => {
  it('sends one message per credit; without a credit the notice stays in the inbox alone', async () => {
    const [a, b] = [await t.login('demo-T0012'), await t.login('demo-T0013')];
    await t.ok('notice.consent', { accepted: [EVENT_TEMPLATE] }, b);
    wechat.sent = [];
    await promote(a, b);
    expect(wechat.sent).toHaveLength(1);
    expect(wechat.sent[0]).toMatchObject({ openid: 'demo-T0013', templateId: EVENT_TEMPLATE });
    expect(wechat.sent[0].page).toMatch(/^subpackages\/volunteer\//);
    expect(wechat.sent[0].data.thing1.value.length).toBeLessThanOrEqual(20);
    expect(wechat.sent[0].data.time2.value).toBe('2026年3月5日 09:00');
    expect(await credits(b, 'event')).toBe(0);

    await promote(a, b);
    expect(wechat.sent).toHaveLength(1);
    const inbox = await t.ok('inbox.list', {}, b);
    expect(inbox.items.filter((n) => n.kind === 'volunteer.promoted')).toHaveLength(2);
  });

  it('keeps the inbox notice when WeChat refuses, takes the credit on 43101 and gives it back on -1', async () => {
    const [a, b] = [await t.login('demo-T0014'), await t.login('demo-T0015')];
    await t.ok('notice.consent', { accepted: [EVENT_TEMPLATE] }, b);
    await t.ok('notice.consent', { accepted: [EVENT_TEMPLATE] }, b);
    wechat.refuseNext = { ok: false, errCode: -1, errMsg: 'system error' };
    await promote(a, b);
    expect(await credits(b, 'event')).toBe(2);
    wechat.refuseNext = { ok: false, errCode: 43101, errMsg: 'user refuse to accept the msg' };
    await promote(a, b);
    expect(await credits(b, 'event')).toBe(0);
    const inbox = await t.ok('inbox.list', {}, b);
    expect(inbox.items.filter((n) => n.kind === 'volunteer.promoted')).toHaveLength(2);

    const log = await t.ok('notice.log', {}, admin);
    const mine = log.items.filter((i) => i.staffNo === 'T0015');
    expect(mine.map((i) => i.status)).toEqual(['failed', 'failed']);
    expect(mine[0].reason).toContain('43101');
    expect(log.delivery).toBe('wechat');
  });

  it('sends nothing for a template the unit has not configured, even with credits', async () => {
    const [a, b] = [await t.login('demo-T0016'), await t.login('demo-T0017')];
    await t.ok('notice.consent', { accepted: [EVENT_TEMPLATE] }, b);
    const keep = (await t.ok('settings.get', {}, admin)).subscribe;
    await t.ok('settings.update', { subscribe: { ...keep, event: { ...keep.event, templateId: '' } } }, admin);
    wechat.sent = [];
    await promote(a, b);
    expect(wechat.sent).toHaveLength(0);
    expect(await credits(b, 'event')).toBe(1);
    await t.ok('settings.update', { subscribe: keep }, admin);
  });
});

describe('settings and the log', () => {
  it('refuses a malformed template id or keyword list with a Chinese message', async () => {
    const keep = (await t.ok('settings.get', {}, admin)).subscribe;
    const badId = await t.call(
      'settings.update',
      { subscribe: { ...keep, event: { ...keep.event, templateId: 'x y' } } },
      admin,
    );
    expect(badId.status).toBe(400);
    expect(errorOf(badId).message).toContain('模板');
    const badFields = await t.call(
      'settings.update',
      { subscribe: { ...keep, review: { ...keep.review, fields: 'thing1:who' } } },
      admin,
    );
    expect(badFields.status).toBe(400);
    expect(errorOf(badFields).message).toContain('who');
  });

  it('shows the log to admins only', async () => {
    const member = await t.login('demo-T0020');
    expect((await t.call('notice.log', {}, member)).status).toBe(403);
    expect(await staffIdOf(t, 'T0020')).toBeTruthy();
  });
});
