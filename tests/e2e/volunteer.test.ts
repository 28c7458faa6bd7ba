import { type E2E, startE2E } from './support/browser';
import { current, loginAs, tapUntil } from './support/ui';

// Browser test of the volunteer main flow: find the event on the 活动 tab, sign up, and on the day
// sign in with the code the organizer's screen shows (QR drawn on a canvas, 6 digits typed on H5).
jest.setTimeout(180_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

describe('a member at a volunteer event', () => {
  it('signs up from the 活动 tab and signs in on the day with the on-site code', async () => {
    const [event] = await e2e.server.store
      .collection('volunteerEvents')
      .find({ status: 'active', endAt: { gt: new Date().toISOString() } }, { limit: 1 });
    const page = await e2e.open();
    await loginAs(page, '刘洋');
    await tapUntil(
      () => page.getByText('活动', { exact: true }).last(),
      () => current(page).getByText('志愿服务', { exact: true }),
    );
    await tapUntil(
      () => current(page).getByText(event.title),
      () => current(page).getByText('立即报名'),
    );
    await current(page).getByText('立即报名').click();
    await current(page).getByText('已报名', { exact: true }).waitFor();
    const [me] = await e2e.server.store.collection('staff').find({ staffNo: 'T0004' }, { limit: 1 });
    const [entry] = await e2e.server.store
      .collection('signupEntries')
      .find({ slotId: event.slotId, holderId: me._id }, { limit: 1 });
    expect(entry.status).toBe('confirmed');

    const colleague = await e2e.login('demo-T0030');
    await e2e.api('volunteer.signup', { eventId: event._id }, colleague);

    // The day of the event: the organizer's screen shows the code; the member types it.
    await e2e.api('dev.clock.set', { now: new Date(Date.parse(event.startAt) + 5 * 60_000).toISOString() });
    const organizer = await e2e.login('demo-T0003');
    const screen = await e2e.open(1280, {
      token: organizer,
      path: `/#/subpackages/volunteer/code/index?id=${event._id}`,
    });
    const digits = current(screen).locator('.vol-code__digits');
    await digits.waitFor();
    expect(await digits.textContent()).toMatch(/^\d{6}$/);
    // The QR code is really drawn: the canvas holds dark pixels.
    await screen.waitForFunction(() => {
      const canvas = document.querySelector('.vol-code__qr canvas') as HTMLCanvasElement | null;
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return !!data && Array.from(data).some((v, i) => i % 4 === 0 && v < 50);
    });
    const code = (await e2e.api<{ code: string }>('volunteer.code', { eventId: event._id }, organizer)).code;

    await page.reload();
    const input = current(page).locator('input[placeholder="现场 6 位签到码"]');
    await input.waitFor();
    await input.fill(code);
    await current(page).getByText('签到', { exact: true }).click();
    await current(page).getByText('已签到。活动结束时请扫码签退。').waitFor();
    const record = await e2e.server.store.collection('volunteerRecords').get(`${event._id}:${me._id}`);
    expect(record?.signInAt).not.toBeNull();

    // Opened by the camera from the WeChat code: the page has ?scene=<event>.<code>, one tap signs in.
    const scene = encodeURIComponent(`${event._id}.${code}`);
    const scanned = await e2e.open(390, {
      token: colleague,
      path: `/#/subpackages/volunteer/event/index?scene=${scene}`,
    });
    await current(scanned).getByText(`已识别现场签到码 ${code}`).waitFor();
    await current(scanned).getByText('签到', { exact: true }).click();
    await current(scanned).getByText('已签到。活动结束时请扫码签退。').waitFor();

    const forged = await e2e.open(390, {
      token: colleague,
      path: `/#/subpackages/volunteer/event/index?scene=${'x'.repeat(40)}`,
    });
    await current(forged).getByText('无法识别这个小程序码，请扫描活动现场屏幕上的码').waitFor();
  });
});
