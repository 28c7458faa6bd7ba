import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { ActivityDetail } from '@/core/activity/views';
import { ActivityDetailPage } from '@/features/activity/ActivityDetailPage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const members = [
  { staffId: 's-10', staffNo: 'T0010', name: '徐军', department: '预算科', captain: true },
  { staffId: 's-31', staffNo: 'T0031', name: '孙丽', department: '国库科', captain: false },
];

function activity(captain: boolean): ActivityDetail {
  return {
    id: 'a-1',
    title: '职工运动会',
    kind: 'sports',
    place: '操场',
    startAt: '2026-03-10T00:30:00.000Z',
    endAt: '2026-03-10T03:30:00.000Z',
    signupDeadline: '2026-03-06T10:00:00.000Z',
    phase: 'open',
    maxItemsPerPerson: 2,
    myItemCount: 1,
    description: '请穿运动鞋',
    organizerName: '赵强',
    canManage: false,
    items: [
      {
        id: 'i-1',
        name: '跳绳',
        mode: 'individual',
        capacity: 5,
        confirmed: 1,
        waitlisted: 0,
        seatsLeft: 4,
        results: [],
      },
      {
        id: 'i-2',
        name: '拔河',
        mode: 'team',
        teamMin: 3,
        teamMax: 4,
        capacity: 2,
        confirmed: 1,
        waitlisted: 0,
        seatsLeft: 1,
        results: [],
      },
    ],
    mine: [
      {
        entryId: 'e-1',
        itemId: 'i-2',
        status: 'confirmed',
        captain,
        team: { name: '预算一队', members, complete: false },
      },
    ],
  };
}

let server: FakeServer;
let showModal: jest.SpyInstance;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  Current.router = {
    params: { id: 'a-1' },
    path: '/subpackages/activity/detail/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
  showModal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

test('a member sees the team, that it is incomplete, and may leave it (asked first)', async () => {
  server.on('session.me', () => ok(boundMe()));
  server.on('activity.get', () => ok(activity(false)));
  server.on('activity.leaveTeam', () => ok({ left: true }));
  render(<ActivityDetailPage />);
  expect(await screen.findByText('队伍：预算一队（2 人）')).toBeTruthy();
  expect(screen.getByText('人数不足：至少需要 3 人，还差 1 人')).toBeTruthy();
  expect(screen.queryByText('撤销队伍报名')).toBeNull();
  fireEvent.click(screen.getByText('退出队伍'));
  await waitFor(() =>
    expect(sent('activity.leaveTeam')).toEqual([
      { action: 'activity.leaveTeam', input: { activityId: 'a-1', itemId: 'i-2' } },
    ]),
  );
  expect(showModal).toHaveBeenCalled();
});

test('the captain may add members and withdraw the team, and is told to complete it', async () => {
  server.on('session.me', () => ok(boundMe({ id: 's-10', staffNo: 'T0010', name: '徐军' })));
  server.on('activity.get', () => ok(activity(true)));
  render(<ActivityDetailPage />);
  expect(await screen.findByText('人数不足：至少需要 3 人，还差 1 人，请在截止前补充队员')).toBeTruthy();
  expect(screen.getByText('添加队员')).toBeTruthy();
  expect(screen.getByText('撤销队伍报名')).toBeTruthy();
  expect(screen.queryByText('退出队伍')).toBeNull();
  // The other item is still open to register.
  expect(screen.getByText('报名')).toBeTruthy();
});

test('a failed load shows the server message with a retry', async () => {
  server.on('session.me', () => ok(boundMe()));
  server.on('activity.get', () => ({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该活动' } }));
  render(<ActivityDetailPage />);
  expect(await screen.findByText('找不到该活动')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});
