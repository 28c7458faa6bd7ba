import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { MailMessageView } from '@/core/mailbox/contract';
import { MailboxWritePage } from '@/features/mailbox/MailboxWritePage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const BODY = '食堂午餐排队时间过长，建议增加一个打饭窗口。';

let server: FakeServer;
let clipboard: jest.SpyInstance;

function message(anonymous: boolean): MailMessageView {
  return {
    id: 'm-1',
    subject: '食堂',
    body: BODY,
    category: '建议',
    anonymous,
    status: 'open',
    createdAt: '2026-03-03T16:00:00.000Z',
    replies: [],
  };
}

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe()));
  Current.router = {
    params: {},
    path: '/subpackages/mailbox/write/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  clipboard = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ data: '', errMsg: 'setClipboardData:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

async function fill(selector: string, value: string): Promise<void> {
  const el = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  fireEvent.input(el, { target: { value } });
}

test('an anonymous send shows the receipt code once, big, with a copy button and a warning', async () => {
  server.on('mailbox.send', () => ok({ message: message(true), code: 'ABCDEFGHJKMN' }));
  render(<MailboxWritePage />);
  fireEvent.click(await screen.findByText('建议'));
  await fill('input[placeholder="一句话说明来信事由"]', '食堂');
  await fill('textarea', BODY);
  const toggle = screen.getByRole('switch', { name: '匿名' });
  expect(screen.getByText(/实名：办公室能看到您的姓名和部门/)).toBeTruthy();
  fireEvent.click(toggle);
  expect(screen.getByText(/匿名：不记录您的姓名、工号、部门/)).toBeTruthy();
  fireEvent.click(screen.getByText('匿名发送'));

  expect(await screen.findByText('ABCD-EFGH-JKMN')).toBeTruthy();
  expect(screen.getAllByText('ABCD-EFGH-JKMN')).toHaveLength(1);
  expect(screen.getByText(/只显示这一次，离开本页后无法再次查看/)).toBeTruthy();
  expect(sent('mailbox.send')).toEqual([
    { action: 'mailbox.send', input: { subject: '食堂', body: BODY, anonymous: true, category: '建议' } },
  ]);
  fireEvent.click(screen.getByText('复制回执码'));
  await waitFor(() => expect(clipboard).toHaveBeenCalledWith({ data: 'ABCD-EFGH-JKMN' }));
  // The form is gone: nothing to send twice, and the code is in this view alone.
  expect(screen.queryByText('匿名发送')).toBeNull();
});

test('a named send shows no code', async () => {
  server.on('mailbox.send', () => ok({ message: message(false) }));
  render(<MailboxWritePage />);
  await fill('input[placeholder="一句话说明来信事由"]', '食堂');
  await fill('textarea', BODY);
  fireEvent.click(await screen.findByText('实名发送'));
  expect(await screen.findByText('来信已送达')).toBeTruthy();
  expect(screen.queryByText('复制回执码')).toBeNull();
  expect(sent('mailbox.send')[0].input).toMatchObject({ anonymous: false, category: '其他' });
});

test('points at what is missing before sending anything', async () => {
  render(<MailboxWritePage />);
  await fill('textarea', '短');
  fireEvent.click(await screen.findByText('实名发送'));
  expect(await screen.findByText('请填写标题')).toBeTruthy();
  expect(screen.getByText('内容至少 5 个字')).toBeTruthy();
  expect(sent('mailbox.send')).toHaveLength(0);
});
