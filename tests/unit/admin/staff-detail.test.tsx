import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { StaffAdminView } from '@/core/people/views';
import { StaffDetailPage } from '@/features/admin/staff/StaffDetailPage';
import { resetSession } from '@/features/session/session';
import { boundMe, fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const member: StaffAdminView = {
  id: 's-5',
  staffNo: 'T0005',
  name: '陈静',
  department: '预算科',
  roles: ['staff'],
  active: true,
  bound: true,
};

let server: FakeServer;
let showModal: jest.SpyInstance;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe({ id: 's-1', staffNo: 'T0001', name: '李明', roles: ['staff', 'admin'] })));
  server.on('staff.list', () => ok({ items: [member], total: 1, page: 1, pageSize: 20, departments: ['预算科'] }));
  Current.router = {
    params: { id: 's-5', no: 'T0005' },
    path: '/subpackages/admin/staff/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
  showModal = jest.spyOn(Taro, 'showModal');
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

test('deactivating asks first; cancelling sends nothing', async () => {
  showModal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  render(<StaffDetailPage />);
  fireEvent.click(await screen.findByText('停用账号'));
  await waitFor(() => expect(showModal).toHaveBeenCalled());
  expect(showModal.mock.calls[0][0]).toMatchObject({ title: '停用账号' });
  expect(sent('staff.deactivate')).toHaveLength(0);
});

test('confirming deactivates and shows the new state', async () => {
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  server.on('staff.deactivate', () => ok({ staff: { ...member, active: false } }));
  render(<StaffDetailPage />);
  fireEvent.click(await screen.findByText('停用账号'));
  expect(await screen.findByText('重新启用')).toBeTruthy();
  expect(sent('staff.deactivate')).toEqual([{ action: 'staff.deactivate', input: { staffId: 's-5' } }]);
});

test('a refused unbind shows the server’s message', async () => {
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  server.on('staff.unbind', () => fail('FORBIDDEN', '没有权限进行此操作'));
  render(<StaffDetailPage />);
  fireEvent.click(await screen.findByText('解除绑定'));
  expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
});

test('a member without the admin role never sees the page', async () => {
  server.on('session.me', () => ok(boundMe()));
  render(<StaffDetailPage />);
  expect(await screen.findByText('没有权限')).toBeTruthy();
  expect(sent('staff.list')).toHaveLength(0);
});

test("shows the member's study archive, asked for by staff id", async () => {
  server.on('checkin.archive', () =>
    ok({
      year: 2026,
      staff: { id: 's-5', staffNo: 'T0005', name: '陈静', department: '预算科' },
      months: [{ month: '2026-03', checkins: 18, makeups: 1, minutes: 380 }],
      total: { checkins: 18, makeups: 1, minutes: 380 },
    }),
  );
  render(<StaffDetailPage />);
  await screen.findByText('陈静（T0005 · 预算科）');
  expect(sent('checkin.archive')[0].input).toMatchObject({ staffId: 's-5' });
  expect(screen.getAllByText('18')).toHaveLength(2); // March and the year's total
});
