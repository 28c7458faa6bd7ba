import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { MailAdminView } from '@/core/mailbox/contract';
import { MailboxDetailPage } from '@/features/mailbox/MailboxDetailPage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const letter: MailAdminView = {
  id: 'm-1',
  subject: '停车位不足',
  body: '单位停车位不足，建议错峰停车。',
  category: '建议',
  anonymous: true,
  status: 'open',
  createdAt: '2026-03-03T16:00:00.000Z',
  replies: [],
  sender: null,
};

let server: FakeServer;
let showModal: jest.SpyInstance;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe({ id: 's-1', staffNo: 'T0001', name: '李明', roles: ['staff', 'admin'] })));
  server.on('mailbox.get', () => ok({ message: letter }));
  Current.router = {
    params: { id: 'm-1' },
    path: '/subpackages/mailbox/detail/index',
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

test('shows an anonymous letter as 匿名, with its day only, and sends a reply', async () => {
  server.on('mailbox.reply', () =>
    ok({
      message: { ...letter, status: 'replied', replies: [{ body: '已协调。', at: letter.createdAt, by: '李明' }] },
    }),
  );
  render(<MailboxDetailPage />);
  expect(await screen.findByText('停车位不足')).toBeTruthy();
  expect(screen.getByText('匿名')).toBeTruthy();
  expect(screen.getByText('2026-03-04')).toBeTruthy();
  const box = await waitFor(() => {
    const el = document.querySelector('textarea');
    if (!el) throw new Error('no textarea');
    return el;
  });
  fireEvent.input(box, { target: { value: '已协调。' } });
  fireEvent.click(screen.getByText('发送答复'));
  expect(await screen.findByText('已答复')).toBeTruthy();
  expect(sent('mailbox.reply')).toEqual([{ action: 'mailbox.reply', input: { messageId: 'm-1', body: '已协调。' } }]);
});

test('办结 asks first with a short button label; confirming closes and hides the reply form', async () => {
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  server.on('mailbox.close', () => ok({ message: { ...letter, status: 'closed' } }));
  render(<MailboxDetailPage />);
  fireEvent.click(await screen.findByText('办结'));
  await waitFor(() => expect(showModal).toHaveBeenCalled());
  expect(showModal.mock.calls[0][0]).toMatchObject({ title: '办结来信', confirmText: '办结' });
  expect(await screen.findByText('已办结')).toBeTruthy();
  expect(screen.queryByText('发送答复')).toBeNull();
  expect(sent('mailbox.close')).toEqual([{ action: 'mailbox.close', input: { messageId: 'm-1' } }]);
});

test('a member without the admin role never sees the letter', async () => {
  server.on('session.me', () => ok(boundMe()));
  render(<MailboxDetailPage />);
  expect(await screen.findByText('没有权限')).toBeTruthy();
  expect(sent('mailbox.get')).toHaveLength(0);
});
