import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { VolunteerEventView } from '@/core/volunteer/contract';
import { EventPage } from '@/features/volunteer/EventPage';
import { resetSession } from '@/features/session/session';
import { boundMe, fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';

// The event page in each state a member meets: open, full (waitlist), closed, cancelled; and after acting.

const NOW = '2026-03-02T01:00:00.000Z';

function event(overrides: Partial<VolunteerEventView> = {}): VolunteerEventView {
  return {
    id: 'ev-1',
    title: '特教学校陪伴阅读',
    content: '陪孩子们读绘本、做手工。',
    place: '市特殊教育学校',
    startAt: '2026-03-05T01:00:00.000Z',
    endAt: '2026-03-05T04:00:00.000Z',
    signupDeadline: '2026-03-04T10:00:00.000Z',
    plannedHours: 3,
    team: '学雷锋志愿服务队',
    capacity: 20,
    seatsLeft: 5,
    confirmedCount: 15,
    waitingCount: 0,
    phase: 'open',
    cancelReason: null,
    organizerName: '赵强',
    mine: null,
    ...overrides,
  };
}

let server: FakeServer;

function serve(view: VolunteerEventView, canManage = false): void {
  server.on('volunteer.event.get', () => ok({ event: view, canManage, serverNow: NOW }));
}

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe()));
  Current.router = {
    params: { id: 'ev-1' },
    path: '/subpackages/volunteer/event/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

test('open with seats: shows the event and signs me up', async () => {
  serve(event());
  server.on('volunteer.signup', () =>
    ok({
      status: 'confirmed',
      event: event({
        seatsLeft: 4,
        confirmedCount: 16,
        mine: {
          status: 'confirmed',
          signedUpAt: NOW,
          signInAt: null,
          signOutAt: null,
          computedHours: null,
          hours: null,
        },
      }),
    }),
  );
  render(<EventPage />);
  expect(await screen.findByText('特教学校陪伴阅读')).toBeTruthy();
  expect(screen.getByText('市特殊教育学校')).toBeTruthy();
  expect(screen.getByText('剩余 5 / 20 个名额')).toBeTruthy();
  expect(screen.getByText('报名中')).toBeTruthy();
  fireEvent.click(screen.getByText('立即报名'));
  expect(await screen.findByText('已报名')).toBeTruthy();
  expect(screen.getByText('取消报名')).toBeTruthy();
  expect(screen.queryByText('立即报名')).toBeNull();
  expect(sent('volunteer.signup')).toEqual([{ action: 'volunteer.signup', input: { eventId: 'ev-1' } }]);
});

test('full: offers the waitlist, then shows my place', async () => {
  serve(event({ seatsLeft: 0, confirmedCount: 20, waitingCount: 3 }));
  server.on('volunteer.signup', () =>
    ok({
      status: 'waitlisted',
      position: 4,
      event: event({
        seatsLeft: 0,
        confirmedCount: 20,
        waitingCount: 4,
        mine: {
          status: 'waitlisted',
          position: 4,
          signedUpAt: NOW,
          signInAt: null,
          signOutAt: null,
          computedHours: null,
          hours: null,
        },
      }),
    }),
  );
  render(<EventPage />);
  expect(await screen.findByText('名额已满 · 3 人候补')).toBeTruthy();
  expect(screen.getByText(/可加入候补/)).toBeTruthy();
  expect(screen.queryByText('立即报名')).toBeNull();
  fireEvent.click(screen.getByText('加入候补'));
  expect(await screen.findByText('候补第 4 位')).toBeTruthy();
  expect(screen.getByText(/您在候补第 4 位/)).toBeTruthy();
});

test('closed: no sign-up, the deadline is said', async () => {
  serve(event({ phase: 'closed' }));
  render(<EventPage />);
  expect(await screen.findByText('报名已截止', { selector: '.card__text' })).toBeTruthy();
  expect(screen.queryByText('立即报名')).toBeNull();
  expect(screen.queryByText('加入候补')).toBeNull();
  expect(screen.queryByText('取消报名')).toBeNull();
});

test('cancelled: says so with the reason, offers nothing', async () => {
  serve(event({ phase: 'cancelled', cancelReason: '暴雨预警' }));
  render(<EventPage />);
  expect(await screen.findByText('活动已取消：暴雨预警')).toBeTruthy();
  expect(screen.getByText('已取消')).toBeTruthy();
  expect(screen.queryByText('立即报名')).toBeNull();
  expect(screen.queryByText('取消报名')).toBeNull();
});

test('a refused sign-up shows the server’s message and keeps the button', async () => {
  serve(event());
  server.on('volunteer.signup', () => fail('RULE', '报名已截止'));
  render(<EventPage />);
  fireEvent.click(await screen.findByText('立即报名'));
  expect(await screen.findByText('报名已截止')).toBeTruthy();
  expect(screen.getByText('立即报名')).toBeTruthy();
});

test('cancelling asks first; saying no sends nothing', async () => {
  serve(
    event({
      mine: { status: 'confirmed', signedUpAt: NOW, signInAt: null, signOutAt: null, computedHours: null, hours: null },
    }),
  );
  const modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  render(<EventPage />);
  fireEvent.click(await screen.findByText('取消报名'));
  await waitFor(() => expect(modal).toHaveBeenCalled());
  expect(sent('volunteer.cancel')).toHaveLength(0);
});

test('a load failure shows the message and a retry', async () => {
  server.on('volunteer.event.get', () => fail('NOT_FOUND', '找不到该志愿服务活动'));
  render(<EventPage />);
  expect(await screen.findByText('找不到该志愿服务活动')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});

test('organizers see the management entries', async () => {
  serve(event(), true);
  render(<EventPage />);
  expect(await screen.findByText('报名与时长')).toBeTruthy();
  expect(screen.getByText('现场签到码')).toBeTruthy();
});
